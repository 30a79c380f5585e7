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

/**
 * A calendar day (YYYY-MM-DD) in years 1900–2100: z.iso.date() alone accepts year 0, which
 * PostgreSQL cannot hold, and no campaign date lies outside this range.
 */
export const daySchema = z.iso.date().refine((day) => day >= '1900-01-01' && day <= '2100-12-31', {
  message: 'date_out_of_range',
  // A malformed day already has its own issue; comparing it as text would add a second one.
  when: (payload) => payload.issues.length === 0,
});

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/**
 * The answer of a route that streams a CSV file (with `produces: ['text/csv']`). Documents it
 * only: a streamed or text payload with its own content type is sent as it is, never
 * serialized against a schema.
 */
export const csvFileSchema = z
  .string()
  .describe('A CSV file (UTF-8 with a byte order mark), sent as an attachment.');
