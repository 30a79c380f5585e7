import { z } from 'zod';

/** RFC 9457 problem details, as every error response carries them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

export const localeSchema = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const channelSchema = z.enum(['email', 'sms', 'phone']);
export type Channel = z.infer<typeof channelSchema>;
export const channels: readonly Channel[] = channelSchema.options;

export const consentsSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  phone: z.boolean(),
});
export type Consents = z.infer<typeof consentsSchema>;

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
