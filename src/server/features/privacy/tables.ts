import { boolean, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * The register of data-protection requests (GDPR art. 15 to 21): what was asked, when, by
 * which channel, the one-month deadline (art. 12(3)) and what was done. It keeps no more than
 * needed: the person is a link (blanked when they are erased), the reference points at the
 * letter or mail kept elsewhere, and the note is a short description.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    campaignId: campaignId(),
    id: id(),
    /** access | rectification | erasure | portability | objection | restriction */
    kind: text('kind').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** post | email */
    channel: text('channel').notNull(),
    reference: text('reference').notNull(),
    personId: ref('person_id'),
    note: text('note'),
    /** The two-month extension of art. 12(3), with its reason (null: not extended). */
    extensionReason: text('extension_reason'),
    /** open | done | refused */
    status: text('status').notNull().default('open'),
    /** Why it was refused, or what was done when no action of Levier did it. */
    outcomeReason: text('outcome_reason'),
    /** access_file | erasure: the action carried out from the register. */
    action: text('action'),
    /** The person was erased: the row only says that a request was handled. */
    subjectErased: boolean('subject_erased').notNull().default(false),
    handledBy: ref('handled_by'),
    handledAt: at('handled_at'),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'privacy_requests_pkey', columns: [t.campaignId, t.id] }),
    index('privacy_requests_status_idx').on(t.campaignId, t.status, t.receivedOn),
    index('privacy_requests_person_idx').on(t.campaignId, t.personId),
  ],
);

/** The breach register (GDPR art. 33(5)): every breach, notified or not, with the facts. */
export const privacyBreaches = pgTable(
  'privacy_breaches',
  {
    campaignId: campaignId(),
    id: id(),
    /** When the campaign became aware of it: the 72-hour deadline runs from here. */
    detectedAt: at('detected_at').notNull(),
    description: text('description').notNull(),
    dataCategories: text('data_categories').notNull(),
    peopleCount: integer('people_count'),
    recordsCount: integer('records_count'),
    consequences: text('consequences').notNull(),
    measures: text('measures').notNull(),
    cnilNotifiedAt: at('cnil_notified_at'),
    /** Why the CNIL was not notified (art. 33(1): no likely risk to people), if it was not. */
    noNotificationReason: text('no_notification_reason'),
    peopleInformedAt: at('people_informed_at'),
    createdBy: ref('created_by'),
    updatedBy: ref('updated_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'privacy_breaches_pkey', columns: [t.campaignId, t.id] }),
    index('privacy_breaches_detected_idx').on(t.campaignId, t.detectedAt),
  ],
);
