import { z } from 'zod';
import { daySchema, localeSchema } from './common.ts';

// The data-protection registers: requests (GDPR art. 12 to 21), breaches (art. 33/34), the
// record of processing activities (art. 30) and the audit log's export. Timestamps are ISO 8601.

export const requestKindSchema = z.enum([
  'access',
  'rectification',
  'erasure',
  'portability',
  'objection',
  'restriction',
]);
export type RequestKind = z.infer<typeof requestKindSchema>;
export const requestKinds: readonly RequestKind[] = requestKindSchema.options;

/** How the request came (those made from the person's own space need no register entry). */
export const requestChannelSchema = z.enum(['post', 'email']);
export const requestStatusSchema = z.enum(['open', 'done', 'refused']);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .nullish()
    .transform((v) => (v ? v : null));

export const requestInputSchema = z.object({
  kind: requestKindSchema,
  receivedOn: daySchema,
  channel: requestChannelSchema,
  /** The campaign's reference for the letter or mail (kept elsewhere), not its content. */
  reference: text(100),
  /** The person it concerns, when found in the database. */
  personId: z.number().int().positive().nullish(),
  /** A short description of what is asked: no more personal data than needed. */
  note: optionalText(500),
});
export type RequestInput = z.input<typeof requestInputSchema>;

export const requestExtensionSchema = z.object({ reason: text(500) });

export const requestOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), reason: optionalText(500) }),
  z.object({ status: z.literal('refused'), reason: text(500) }),
]);
export type RequestOutcome = z.input<typeof requestOutcomeSchema>;

export const requestEraseSchema = z.object({ confirm: z.literal('ERASE') });

export const requestListQuerySchema = z.object({
  status: requestStatusSchema.optional(),
  kind: requestKindSchema.optional(),
  /** Only the open requests past their deadline. */
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type RequestListQuery = z.input<typeof requestListQuerySchema>;
export type RequestListFilter = z.output<typeof requestListQuerySchema>;

const who = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const privacyRequestSchema = z.object({
  id: z.number().int(),
  kind: requestKindSchema,
  receivedOn: z.string(),
  channel: requestChannelSchema,
  reference: z.string(),
  person: who,
  /** The person was erased since: the entry only records that a request was handled. */
  subjectErased: z.boolean(),
  note: z.string().nullable(),
  deadline: z.string(),
  extensionReason: z.string().nullable(),
  status: requestStatusSchema,
  outcomeReason: z.string().nullable(),
  action: z.enum(['access_file', 'erasure']).nullable(),
  handledBy: who,
  handledAt: z.string().nullable(),
  createdAt: z.string(),
  /** Open, and its deadline has passed (campaign's calendar). */
  overdue: z.boolean(),
  /** Open, and due within DUE_SOON_DAYS days. */
  dueSoon: z.boolean(),
  daysLeft: z.number().int(),
});
export type PrivacyRequestEntry = z.infer<typeof privacyRequestSchema>;

export const requestListSchema = z.object({
  items: z.array(privacyRequestSchema),
  /** Open requests past their deadline, whatever the filters. */
  overdue: z.number().int(),
  dueSoon: z.number().int(),
});
export type RequestList = z.infer<typeof requestListSchema>;

const count = z.number().int().min(0, 'too_small').max(1_000_000_000, 'too_big').nullish();
const moment = z.iso.datetime({ offset: true });

export const breachInputSchema = z.object({
  /** When the campaign became aware of the breach: the 72 hours run from here. */
  detectedAt: moment,
  description: text(2000),
  dataCategories: text(500),
  peopleCount: count,
  recordsCount: count,
  consequences: text(2000),
  measures: text(2000),
  cnilNotifiedAt: moment.nullish(),
  noNotificationReason: optionalText(1000),
  peopleInformedAt: moment.nullish(),
});
export type BreachInput = z.input<typeof breachInputSchema>;

export const breachSchema = z.object({
  id: z.number().int(),
  detectedAt: z.string(),
  description: z.string(),
  dataCategories: z.string(),
  peopleCount: z.number().int().nullable(),
  recordsCount: z.number().int().nullable(),
  consequences: z.string(),
  measures: z.string(),
  cnilNotifiedAt: z.string().nullable(),
  noNotificationReason: z.string().nullable(),
  peopleInformedAt: z.string().nullable(),
  /** detectedAt + 72 h (art. 33(1)). */
  notifyBy: z.string(),
  /** Neither notified nor decided not to be, and the 72 hours have passed. */
  overdue: z.boolean(),
  /** Notified after the 72 hours (art. 33(1): the notification then says why). */
  notifiedLate: z.boolean(),
  /** Hours left before the deadline (negative once passed); null when settled. */
  hoursLeft: z.number().int().nullable(),
  createdBy: who,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Breach = z.infer<typeof breachSchema>;

export const legalBasisSchema = z.enum([
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
]);
export type LegalBasisName = z.infer<typeof legalBasisSchema>;

export const processingActivitySchema = z.object({
  /** The feature that declares it (a stable key); `name` is its heading. */
  feature: z.string(),
  name: z.string(),
  purpose: z.string(),
  legalBasis: z.array(legalBasisSchema),
  people: z.string(),
  data: z.string(),
  recipients: z.string(),
  retention: z.string(),
  /** Technical details, in English whatever the record's language. */
  tables: z.array(z.object({ table: z.string(), holds: z.string(), erasure: z.string() })),
});
export type ProcessingActivity = z.infer<typeof processingActivitySchema>;

/** The record's language: French unless asked otherwise (what a French campaign hands the CNIL). */
export const recordQuerySchema = z.object({ lang: localeSchema.default('fr') });

export const processingRecordSchema = z.object({
  /** The language of the activities' names and texts. */
  language: localeSchema,
  controller: z.string(),
  generatedAt: z.string(),
  activities: z.array(processingActivitySchema),
});
export type ProcessingRecord = z.infer<typeof processingRecordSchema>;

export const auditExportQuerySchema = z.object({
  from: daySchema.optional(),
  to: daySchema.optional(),
  /** An action, or the start of one (`person.` for every action on people). */
  action: z
    .string()
    .trim()
    .max(60, 'too_long')
    .regex(/^[a-z0-9_.]*$/, 'invalid_action')
    .optional(),
});
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

/** An open request due within this many days is highlighted. */
export const DUE_SOON_DAYS = 7;
/** Hours the controller has to notify the CNIL of a breach (art. 33(1)). */
export const BREACH_NOTIFY_HOURS = 72;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar day plus whole months, ending on the same day of the month, or on the month's
 * last day when it has none (31 January + 1 month = 28 or 29 February): the reckoning of
 * periods in months of EU Regulation 1182/71, art. 3(2)(c).
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Art. 12(3): one month after receipt, or three when extended by two further months. */
export const requestDeadline = (receivedOn: string, extended: boolean) =>
  addMonths(receivedOn, extended ? 3 : 1);

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Where an open request stands on `today` (the campaign's calendar day). */
export function requestUrgency(deadline: string, open: boolean, today: string) {
  const daysLeft = daysBetween(today, deadline);
  return {
    daysLeft,
    overdue: open && daysLeft < 0,
    dueSoon: open && daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS,
  };
}

/** The breach's notification deadline: 72 hours after the campaign became aware of it. */
export const breachDeadline = (detectedAt: Date) =>
  new Date(detectedAt.getTime() + BREACH_NOTIFY_HOURS * 3_600_000);
