import { z } from 'zod';

/** The part of a Mailgun webhook Levier reads; Mailgun sends much more, kept out. */
export const mailgunWebhookSchema = z.object({
  signature: z.object({
    timestamp: z.string().regex(/^\d{1,12}$/),
    token: z.string().min(1).max(200),
    signature: z.string().regex(/^[0-9a-f]{64}$/i),
  }),
  'event-data': z.object({
    event: z.string().max(50),
    severity: z.string().max(50).optional(),
    reason: z.string().max(100).optional(),
    recipient: z.string().max(320).optional(),
    'user-variables': z.record(z.string(), z.unknown()).optional(),
    'delivery-status': z
      .object({
        code: z.union([z.number(), z.string()]).optional(),
        'enhanced-code': z.string().max(20).optional(),
        message: z.string().optional(),
        description: z.string().optional(),
      })
      .optional(),
  }),
});
export type MailgunWebhook = z.infer<typeof mailgunWebhookSchema>;
