import { date, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, bytea, campaignId, id, ref } from '../../core/db/columns.ts';

/** An election the campaign takes part in; its rounds bring the pre-election silence. */
export const elections = pgTable(
  'elections',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    /** national | local: in a national election the territories west vote a day earlier. */
    kind: text('kind').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'elections_pkey', columns: [t.campaignId, t.id] })],
);

export const electionRounds = pgTable(
  'election_rounds',
  {
    campaignId: campaignId(),
    electionId: ref('election_id').notNull(),
    number: integer('number').notNull(),
    /** The day of the vote in metropolitan France. */
    date: date('date', { mode: 'string' }).notNull(),
    /** "HH:MM", local time in each territory. */
    pollsClose: text('polls_close').notNull(),
    /** The day of the vote in every territory: { "metropole": "2027-04-11", "971": … }. */
    territoryDates: jsonb('territory_dates').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'election_rounds_pkey',
      columns: [t.campaignId, t.electionId, t.number],
    }),
    index('election_rounds_date_idx').on(t.campaignId, t.date),
  ],
);

/**
 * Numbers that must not be called or texted again (a keypress "9", a STOP, a request by
 * phone), kept as a keyed hash of the number so they survive every purge without keeping it.
 */
export const phoneOptOuts = pgTable(
  'phone_opt_outs',
  {
    campaignId: campaignId(),
    numberHash: bytea('number_hash').notNull(),
    /** keypress | staff | sms_stop | do_not_contact | withdrawn (a consent withdrawn, kept past erasure) */
    source: text('source').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'phone_opt_outs_pkey', columns: [t.campaignId, t.numberHash] })],
);

/** The campaign's key of those hashes: random, made once, never shown. */
export const optOutKeys = pgTable('opt_out_keys', {
  campaignId: campaignId().primaryKey(),
  key: bytea('key').notNull(),
});

/**
 * Addresses no mail goes to any more: a hard bounce (the mailbox does not exist), repeated
 * soft bounces, or a complaint (marked as spam: no campaign mail). Kept as a keyed hash of
 * the normalised address (the key of opt_out_keys), so they survive every purge.
 */
export const mailSuppressions = pgTable(
  'mail_suppressions',
  {
    campaignId: campaignId(),
    addressHash: bytea('address_hash').notNull(),
    /** hard_bounce | soft_bounces | complaint */
    reason: text('reason').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'mail_suppressions_pkey', columns: [t.campaignId, t.addressHash] })],
);
