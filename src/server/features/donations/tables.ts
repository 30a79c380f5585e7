import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * Gifts, in euro cents. `cap_key` names the period the law counts them in ("election:ID" for
 * a candidate, "year:YYYY" for a party). A gift counts against its donor's cap from the moment
 * it is taken (`counts`: a card payment that starts, a cheque recorded) until it fails,
 * expires or is refunded; the cap check sums the donor's counted gifts of the period under a
 * lock on the donor (service.ts), so the index below keeps it as fast at a million gifts as
 * at a thousand.
 */
export const donations = pgTable(
  'donations',
  {
    campaignId: campaignId(),
    id: id(),
    personId: ref('person_id').notNull(),
    capKey: text('cap_key').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    means: text('means').notNull(),
    status: text('status').notNull(),
    counts: boolean('counts').notNull(),
    /** Where the gift came from (recruiter or sharer link, committee, page, UTM). */
    attribution: jsonb('attribution').notNull().default({}),
    /** A pending card payment stops counting if it has not succeeded by then. */
    pendingUntil: at('pending_until'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'donations_pkey', columns: [t.campaignId, t.id] }),
    index('donations_donor_cap_idx')
      .on(t.campaignId, t.personId, t.capKey)
      .where(sql`counts`),
  ],
);
