import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * Gifts, in euro cents. `cap_key` names the period the law counts them in ("election:ID" for
 * a candidate, "year:YYYY" for a party). A gift counts against its donor's cap from the moment
 * it is taken (`counts`: a card payment that starts, a cheque recorded) until it fails,
 * expires or is refunded; the cap check sums the donor's counted gifts of the period under a
 * lock on the donor (ledger.ts), so the index below keeps it as fast at a million gifts as
 * at a thousand.
 */
export const donations = pgTable(
  'donations',
  {
    campaignId: campaignId(),
    id: id(),
    personId: ref('person_id').notNull(),
    capKey: text('cap_key').notNull(),
    /** gift | dues (membership dues, party mode: they count against the same cap). */
    kind: text('kind').notNull().default('gift'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    means: text('means').notNull(),
    status: text('status').notNull(),
    counts: boolean('counts').notNull(),
    /** The day the money was given, in the campaign's time zone. */
    givenOn: date('given_on', { mode: 'string' }),
    /** The donor as the receipt names them on that day (kept after an erasure, L52-12). */
    donor: jsonb('donor'),
    /** Cheque (bank, number), transfer (reference), cash: what the finance officer recorded. */
    meansDetail: jsonb('means_detail').notNull().default({}),
    /** stripe | development | manual. */
    provider: text('provider').notNull().default('manual'),
    /** The provider's id of the payment attempt (a checkout session) and of the charge. */
    paymentRef: text('payment_ref'),
    chargeRef: text('charge_ref'),
    planId: ref('plan_id'),
    locale: text('locale').notNull().default('fr'),
    /** Who recorded it by hand (a cheque, a transfer, cash). */
    recordedBy: ref('recorded_by'),
    /** A payment found by reconciliation that the cap no longer allows: to refund. */
    review: text('review'),
    acknowledgedAt: at('acknowledged_at'),
    payoutId: ref('payout_id'),
    remittanceId: ref('remittance_id'),
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
    uniqueIndex('donations_payment_ref_key')
      .on(t.campaignId, t.provider, t.paymentRef)
      .where(sql`payment_ref IS NOT NULL`),
    index('donations_charge_ref_idx')
      .on(t.campaignId, t.provider, t.chargeRef)
      .where(sql`charge_ref IS NOT NULL`),
    index('donations_given_idx').on(t.campaignId, t.givenOn),
    index('donations_pending_idx')
      .on(t.campaignId, t.pendingUntil)
      .where(sql`status = 'pending'`),
  ],
);

/**
 * Monthly gifts. Levier charges them itself (never the provider's own subscriptions), each
 * month after the cap check: a charge that would pass the cap is never made, the plan stops
 * and the donor is told.
 */
export const donationPlans = pgTable(
  'donation_plans',
  {
    campaignId: campaignId(),
    id: id(),
    personId: ref('person_id').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** active | stopped | cap_reached | card_failed; `pending` until the first gift succeeds. */
    status: text('status').notNull(),
    stoppedReason: text('stopped_reason'),
    /** The day of the month it is charged (1–28). */
    dayOfMonth: integer('day_of_month').notNull(),
    nextChargeOn: date('next_charge_on', { mode: 'string' }),
    provider: text('provider').notNull(),
    customerRef: text('customer_ref'),
    paymentMethodRef: text('payment_method_ref'),
    /** Failed charges in a row: the plan stops after a few. */
    failures: integer('failures').notNull().default(0),
    donor: jsonb('donor').notNull(),
    locale: text('locale').notNull().default('fr'),
    attribution: jsonb('attribution').notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'donation_plans_pkey', columns: [t.campaignId, t.id] }),
    index('donation_plans_person_idx').on(t.campaignId, t.personId),
    index('donation_plans_due_idx')
      .on(t.campaignId, t.nextChargeOn)
      .where(sql`status = 'active'`),
  ],
);

/** Each provider event processed, by its id: a replayed webhook is answered and ignored. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    campaignId: campaignId(),
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    kind: text('kind').notNull(),
    donationId: ref('donation_id'),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'payment_events_pkey', columns: [t.campaignId, t.provider, t.eventId] }),
  ],
);

/** Money the provider paid into the agent's account, matched to the gifts it contains. */
export const payouts = pgTable(
  'payouts',
  {
    campaignId: campaignId(),
    id: id(),
    provider: text('provider').notNull(),
    payoutRef: text('payout_ref').notNull(),
    arrivalOn: date('arrival_on', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    feeCents: bigint('fee_cents', { mode: 'number' }).notNull().default(0),
    status: text('status').notNull(),
    /** Lines whose payment Levier does not know (to look into). */
    unmatched: jsonb('unmatched').notNull().default([]),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'payouts_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('payouts_ref_key').on(t.campaignId, t.provider, t.payoutRef),
  ],
);

/** Cheques (or cash) taken to the bank together, on one remittance slip. */
export const remittanceSlips = pgTable(
  'remittance_slips',
  {
    campaignId: campaignId(),
    id: id(),
    number: text('number').notNull(),
    means: text('means').notNull(),
    depositedOn: date('deposited_on', { mode: 'string' }).notNull(),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'remittance_slips_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('remittance_slips_number_key').on(t.campaignId, t.number),
  ],
);
