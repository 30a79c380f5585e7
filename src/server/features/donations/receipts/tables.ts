import { sql } from 'drizzle-orm';
import { bigint, date, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../../core/db/columns.ts';

/**
 * The series of numbered receipt forms the commission (CNCCFP) sent the campaign's agent:
 * from `first_number` to `last_number`, both included. Numbers are the commission's, kept as
 * the digits it printed (leading zeros and width included); they are compared by value, and
 * series never overlap (forms.ts refuses it).
 */
export const receiptSeries = pgTable(
  'receipt_series',
  {
    campaignId: campaignId(),
    id: id(),
    firstNumber: text('first_number').notNull(),
    lastNumber: text('last_number').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'receipt_series_pkey', columns: [t.campaignId, t.id] })],
);

/**
 * A form of a series that was used: `issued` to a gift, `spoiled` (torn, miswritten: it keeps
 * its number and is returned to the commission) or `cancelled` (its gift was refunded). A
 * number absent from this table is unused. `seq` is the number's value, for order and search.
 * A number is used once per campaign, and a gift holds at most one issued form.
 */
export const receiptForms = pgTable(
  'receipt_forms',
  {
    campaignId: campaignId(),
    id: id(),
    seriesId: ref('series_id').notNull(),
    number: text('number').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    /** The gift it was issued to; null for a form spoiled before any gift was written on it. */
    donationId: ref('donation_id'),
    issuedAt: at('issued_at'),
    /** When it was spoiled or cancelled, and why (said by staff). */
    voidedAt: at('voided_at'),
    reason: text('reason'),
    /** When staff marked the filled-in receipt as sent to the donor (issued forms only). */
    sentAt: at('sent_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'receipt_forms_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('receipt_forms_number_idx').on(t.campaignId, t.number),
    index('receipt_forms_seq_idx').on(t.campaignId, t.seq),
    uniqueIndex('receipt_forms_live_gift_idx')
      .on(t.campaignId, t.donationId)
      .where(sql`status = 'issued'`),
  ],
);
