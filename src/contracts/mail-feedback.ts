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

/**
 * One event of SendGrid's Event Webhook (the body is an array of them), the part Levier reads.
 * The custom arguments put on each mail (`levier_mail`) come back as fields of the event. An
 * event that does not fit is ignored, not the whole batch refused (SendGrid would post it again
 * for a day).
 */
export const sendgridEventSchema = z.object({
  event: z.string().max(50),
  email: z.string().max(320).optional(),
  /** For `bounce`: `bounce` (permanent) or `blocked` (refused for now, or by policy). */
  type: z.string().optional(),
  /** The enhanced status code (5.1.1); cut to 20 characters when kept. */
  status: z.string().optional(),
  /** SendGrid's class of a bounce: `Invalid Address`, `Technical`, `Content`, `Reputation`… */
  bounce_classification: z.string().optional(),
  /** The receiving server's words (bounce, deferred) or why SendGrid dropped the mail. */
  reason: z.string().optional(),
  response: z.string().optional(),
  levier_mail: z.string().max(100).optional(),
});
export type SendgridEvent = z.infer<typeof sendgridEventSchema>;

/** Why an address gets no more mail (compliance/mail-suppressions.ts). */
export const mailSuppressionReasonSchema = z.enum([
  'hard_bounce',
  'soft_bounces',
  'complaint',
  'unsubscribed',
]);
export type MailSuppressionReason = z.infer<typeof mailSuppressionReasonSchema>;

/** Why staff lift a suppression: said in the audit log and on the person's page. */
export const mailSuppressionLiftReasonSchema = z.enum([
  /** The person fixed their mailbox (full, closed for a while) or their provider's problem is over. */
  'mailbox_fixed',
  /** The person asks for the campaign's mail again (after a complaint made by mistake, say). */
  'person_asked',
  /** The report was wrong: the address works. */
  'report_mistaken',
]);
export type MailSuppressionLiftReason = z.infer<typeof mailSuppressionLiftReasonSchema>;

export const mailSuppressionLiftSchema = z.object({ reason: mailSuppressionLiftReasonSchema });

/** Whether a person's address gets mail, and why not. */
export const personMailSuppressionSchema = z.object({
  /** The person's address; null when they have none. */
  address: z.string().nullable(),
  /** The address is on the suppression list: why and since when; null when it gets mail. */
  suppression: z
    .object({
      reason: mailSuppressionReasonSchema,
      since: z.string(),
      /** The latest bounce or complaint reported about a mail to this person at this address. */
      lastReport: z
        .object({
          kind: z.enum(['hard_bounce', 'soft_bounce', 'complaint']),
          source: z.string(),
          status: z.string().nullable(),
          detail: z.string().nullable(),
          at: z.string(),
        })
        .nullable(),
    })
    .nullable(),
});
export type PersonMailSuppression = z.infer<typeof personMailSuppressionSchema>;
