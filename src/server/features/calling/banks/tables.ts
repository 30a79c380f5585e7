import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../../core/db/columns.ts';

/** A volunteer phone bank: a segment called by volunteers from their own phones. */
export const phoneBanks = pgTable(
  'phone_banks',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    /** draft | open | paused | closed */
    status: text('status').notNull().default('draft'),
    segmentId: ref('segment_id').notNull(),
    questionnaireId: ref('questionnaire_id'),
    script: text('script').notNull().default(''),
    windows: jsonb('windows').notNull(),
    committeeId: ref('committee_id'),
    /** supporters | committee | shifts: who may call besides staff. */
    access: text('access').notNull(),
    claimMinutes: smallint('claim_minutes').notNull(),
    maxAttempts: smallint('max_attempts').notNull(),
    retryMinutes: integer('retry_minutes').notNull(),
    audienceCount: integer('audience_count'),
    /** The territories of its people, found at the opening (null: numbers abroad). */
    territories: text('territories').array(),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    openedAt: at('opened_at'),
    closedAt: at('closed_at'),
  },
  (t) => [primaryKey({ name: 'phone_banks_pkey', columns: [t.campaignId, t.id] })],
);

/**
 * A bank's queue, frozen when it opens: one row per person. `status`: due (to be served from
 * `available_at`), claimed (a volunteer's until `available_at`, then anyone's again), done.
 * One index serves both: the next person is the one available first.
 */
export const phoneBankTargets = pgTable(
  'phone_bank_targets',
  {
    campaignId: campaignId(),
    bankId: ref('bank_id').notNull(),
    id: id(),
    personId: ref('person_id'),
    e164: text('e164').notNull(),
    territory: text('territory'),
    status: text('status').notNull().default('due'),
    availableAt: at('available_at').notNull(),
    claimedBy: ref('claimed_by'),
    attempts: smallint('attempts').notNull().default(0),
    lastOutcome: text('last_outcome'),
    callBackAt: at('call_back_at'),
  },
  (t) => [
    primaryKey({ name: 'phone_bank_targets_pkey', columns: [t.campaignId, t.bankId, t.id] }),
    uniqueIndex('phone_bank_targets_person_idx').on(t.campaignId, t.bankId, t.personId),
    // With the id, in the claim's order: the person available first is the index's first entry.
    index('phone_bank_targets_next_idx')
      .on(t.campaignId, t.bankId, t.availableAt, t.id)
      .where(sql`status <> 'done'`),
    // One person held per volunteer and bank, whatever their requests race.
    uniqueIndex('phone_bank_targets_claimed_idx')
      .on(t.campaignId, t.bankId, t.claimedBy)
      .where(sql`status = 'claimed'`),
    index('phone_bank_targets_person_any_idx')
      .on(t.campaignId, t.personId)
      .where(sql`person_id IS NOT NULL`),
    // Erasure finds the people a volunteer holds through it.
    index('phone_bank_targets_claimed_by_idx')
      .on(t.campaignId, t.claimedBy)
      .where(sql`claimed_by IS NOT NULL`),
  ],
);

/**
 * A call a volunteer recorded, keyed by the id their page made (a resent call is stored
 * once). The support level is kept here only with the person's consent to keep it against
 * their name; otherwise it is counted in `phone_bank_support_counts`.
 */
export const phoneBankCalls = pgTable(
  'phone_bank_calls',
  {
    campaignId: campaignId(),
    id: uuid('id').notNull(),
    bankId: ref('bank_id').notNull(),
    targetId: ref('target_id').notNull(),
    personId: ref('person_id'),
    callerPersonId: ref('caller_person_id').notNull(),
    outcome: text('outcome').notNull(),
    callBackAt: at('call_back_at'),
    versionId: ref('version_id'),
    answers: jsonb('answers'),
    supportLevel: smallint('support_level'),
    notes: text('notes'),
    calledAt: at('called_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'phone_bank_calls_pkey', columns: [t.campaignId, t.id] }),
    index('phone_bank_calls_bank_idx').on(t.campaignId, t.bankId, t.calledAt),
    index('phone_bank_calls_caller_idx').on(t.campaignId, t.callerPersonId, t.calledAt),
    index('phone_bank_calls_person_idx')
      .on(t.campaignId, t.personId)
      .where(sql`person_id IS NOT NULL`),
    // The impact refresh reads the calls made since its watermark.
    index('insights_src_phone_bank_calls_called_idx').on(t.campaignId, t.calledAt),
  ],
);

/** Support levels given without consent to keep them against a name: counts only. */
export const phoneBankSupportCounts = pgTable(
  'phone_bank_support_counts',
  {
    campaignId: campaignId(),
    bankId: ref('bank_id').notNull(),
    level: smallint('level').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'phone_bank_support_counts_pkey',
      columns: [t.campaignId, t.bankId, t.level],
    }),
  ],
);

/** A bank's shifts: phone-bank events volunteers sign up for (events keeps the sign-ups). */
export const phoneBankShifts = pgTable(
  'phone_bank_shifts',
  {
    campaignId: campaignId(),
    bankId: ref('bank_id').notNull(),
    eventId: ref('event_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'phone_bank_shifts_pkey', columns: [t.campaignId, t.bankId, t.eventId] }),
    uniqueIndex('phone_bank_shifts_event_idx').on(t.campaignId, t.eventId),
  ],
);
