import { z } from 'zod';

// Answers of the admin views, as the service reads them: timestamps are Date objects, sent as
// ISO 8601 strings (documented as such).

/** A page of an admin list, newest first (50 a page). */
const adminPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const caughtMailSummarySchema = z.object({
  id: z.number().int(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  at: z.date(),
});

export const caughtMailPageSchema = adminPage(caughtMailSummarySchema).extend({
  transport: z.string().describe('The mail transport in use (`catcher` or `smtp`).'),
});

export const caughtMailSchema = caughtMailSummarySchema.extend({
  text: z.string(),
  html: z.string().nullable(),
});

export const auditPageSchema = adminPage(
  z.object({
    id: z.number().int(),
    at: z.date(),
    actorName: z.string().nullable().describe('Null when the system acted.'),
    action: z.string(),
    target: z.string().nullable(),
    details: z.unknown(),
  }),
);
