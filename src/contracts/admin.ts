import { z } from 'zod';
import { roleUpdateSchema, staffAccountSchema } from './accounts.ts';

// Answers of the admin views (the mail catcher, the audit log); timestamps are ISO 8601 strings.

/** How many entries an admin list's page holds. */
export const ADMIN_PAGE_SIZE = 50;

/** A person with staff rights, as the accounts list shows them. */
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** Which page of an admin list. */
export const adminPageQuerySchema = z.object({ page: z.coerce.number().int().min(1).default(1) });

/** A person given staff rights by email: found, or made when unknown, then invited. */
export const staffInviteSchema = roleUpdateSchema.extend({
  email: z
    .string()
    .trim()
    .min(1, { message: 'required', abort: true })
    .max(254, 'too_long')
    .regex(z.regexes.email, 'invalid_email'),
});
export type StaffInvite = z.input<typeof staffInviteSchema>;

/** A page of an admin list, newest first (ADMIN_PAGE_SIZE a page). */
const adminPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const caughtMailSummarySchema = z.object({
  id: z.number().int(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  at: z.string(),
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
    at: z.string(),
    actorName: z.string().nullable().describe('Null when the system acted.'),
    action: z.string(),
    target: z.string().nullable(),
    details: z.unknown(),
  }),
);

export type CaughtMailPage = z.infer<typeof caughtMailPageSchema>;
export type CaughtMail = z.infer<typeof caughtMailSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
