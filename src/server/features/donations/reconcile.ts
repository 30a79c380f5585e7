/**
 * What the payment provider knows and Levier may have missed. A webhook can be lost (Levier was
 * down longer than the provider retries, a proxy ate it): reconciliation asks the provider for
 * its recent payments and applies, once, what Levier did not record. It also records the
 * provider's payouts and the gifts each one paid into the agent's bank account.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { listCampaigns } from '../../core/campaigns/service.ts';
import { forCampaign, type AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { defineJob } from '../../core/jobs/index.ts';
import { readSetting, writeSetting } from '../settings/service.ts';
import { expirePendingGifts } from './ledger.ts';
import { applyPaymentEvent } from './payment-events.ts';
import type { PaymentProvider, ProviderPayment, ProviderPayout } from './payments/port.ts';
import { paymentProvider } from './payments/provider.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RECONCILED_UNTIL = 'donations.reconciled_until';
export const PAYOUTS_SYNCED_UNTIL = 'donations.payouts_synced_until';
/** The first run, with no mark yet, looks this far back. */
const FIRST_PAYMENTS_WINDOW_MS = 3 * DAY;
/**
 * Each run starts this long before the previous one did: a payment the provider dated just
 * before that run but finished after it is still seen.
 */
const PAYMENTS_OVERLAP_MS = 2 * HOUR;
/** A payment still in progress holds the mark back at its creation, for at most this long. */
const MAX_HOLD_MS = DAY;
/** A payout changes status (pending, in transit, paid) for some days after it is created. */
const PAYOUTS_OVERLAP_MS = 10 * DAY;
const FIRST_PAYOUTS_WINDOW_MS = 30 * DAY;

export interface ReconcileCounts {
  /** Payments the provider listed. */
  checked: number;
  /** Paid payments Levier had not counted as paid, now counted. */
  recovered: number;
  /** Pending gifts whose payment failed or was cancelled, released. */
  released: number;
}

export interface PayoutCounts {
  payouts: number;
  /** Lines matched to a gift of this campaign. */
  matched: number;
  /** Lines whose payment Levier does not know. */
  unmatched: number;
}

interface GiftRow {
  id: number;
  status: string;
  amount_cents: number | string;
  payment_ref: string | null;
  charge_ref: string | null;
  pending_until: Date | string | null;
}

/** The provider that reconciliation asks, or null when there is nothing to ask. */
function reconciledProvider(ctx: AppContext): PaymentProvider | null {
  const provider = paymentProvider(ctx);
  // The development adapter's test page reports every outcome itself: nothing can be lost.
  return provider && provider.name !== 'development' ? provider : null;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Where a run starts: the caller's time, else the mark less the overlap, else a first window. */
async function windowStart(
  ctx: AppContext,
  key: string,
  overlapMs: number,
  firstWindowMs: number,
  now: Date,
): Promise<{ start: Date; mark: Date | null }> {
  const stored = await readSetting<string>(ctx.database, ctx.campaignId, key);
  const mark = stored ? new Date(stored) : null;
  if (mark && !Number.isNaN(mark.getTime()))
    return { start: new Date(mark.getTime() - overlapMs), mark };
  return { start: new Date(now.getTime() - firstWindowMs), mark: null };
}

/** The gifts these payments are about, by Levier's id in the metadata or by the provider's refs. */
async function giftsOf(ctx: AppContext, provider: string, payments: ProviderPayment[]) {
  const ids = payments.flatMap((p) => (p.donationId === null ? [] : [p.donationId]));
  const refs = payments.map((p) => p.chargeRef);
  const rows = await runSql<GiftRow>(
    ctx.database,
    sql`SELECT id, status, amount_cents, payment_ref, charge_ref, pending_until FROM donations
         WHERE campaign_id = ${ctx.campaignId} AND provider = ${provider}
           AND (id = ANY(${ids}::bigint[]) OR charge_ref = ANY(${refs}::text[])
                OR payment_ref = ANY(${refs}::text[]))`,
  );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const byRef = new Map<string, GiftRow>();
  for (const row of rows) {
    if (row.charge_ref) byRef.set(row.charge_ref, row);
    if (row.payment_ref) byRef.set(row.payment_ref, row);
  }
  return (payment: ProviderPayment): GiftRow | null => {
    const gift =
      byRef.get(payment.chargeRef) ??
      (payment.donationId === null ? undefined : byId.get(payment.donationId));
    if (!gift) return null;
    // An id in the metadata is only a claim (another Levier may share the provider's account):
    // the gift must be for that amount and not already tied to another charge.
    if (Number(gift.amount_cents) !== payment.amountCents) return null;
    if (gift.charge_ref !== null && gift.charge_ref !== payment.chargeRef) return null;
    return gift;
  };
}

/** Whether a failed payment is final: a refused card on a Checkout page can be retried there. */
function failureIsFinal(payment: ProviderPayment, gift: GiftRow, now: Date): boolean {
  if (payment.status === 'canceled') return true;
  if (gift.payment_ref === null || gift.payment_ref === payment.chargeRef) return true;
  return gift.pending_until !== null && new Date(gift.pending_until) <= now;
}

/**
 * Asks the provider for the payments made since the last run (or `since`) and applies, once,
 * those Levier did not record: a paid payment whose gift is still pending, or was let go
 * (expired, failed), is counted (a revived gift the cap no longer allows is marked
 * `review = 'over_cap'` for a refund); a failed or cancelled payment releases its pending gift.
 * Each is applied as a provider event with a stable id (`reconcile:<charge>:<status>`), so a
 * second run, or the real webhook arriving late, changes nothing.
 */
export async function reconcilePayments(ctx: AppContext, since?: Date): Promise<ReconcileCounts> {
  const counts: ReconcileCounts = { checked: 0, recovered: 0, released: 0 };
  const provider = reconciledProvider(ctx);
  if (!provider) return counts;
  const startedAt = new Date();
  const window = await windowStart(
    ctx,
    RECONCILED_UNTIL,
    PAYMENTS_OVERLAP_MS,
    FIRST_PAYMENTS_WINDOW_MS,
    startedAt,
  );
  const start = since ?? window.start;
  const payments = await collect(provider.paymentsSince(start));
  counts.checked = payments.length;
  const giftFor = await giftsOf(ctx, provider.name, payments);
  let nextMark = startedAt.getTime();
  for (const payment of payments) {
    if (payment.status === 'pending') {
      nextMark = Math.min(nextMark, payment.createdAt.getTime());
      continue;
    }
    const gift = giftFor(payment);
    if (!gift) {
      if (payment.status === 'succeeded')
        ctx.log.warn(
          { chargeRef: payment.chargeRef, donationId: payment.donationId },
          'a paid payment names no gift of this campaign',
        );
      continue;
    }
    const paymentRef = gift.payment_ref ?? payment.chargeRef;
    if (payment.status === 'succeeded') {
      if (!['pending', 'expired', 'failed'].includes(gift.status)) continue;
      const outcome = await applyPaymentEvent(ctx, provider.name, {
        kind: 'payment_succeeded',
        eventId: `reconcile:${payment.chargeRef}:succeeded`,
        paymentRef,
        chargeRef: payment.chargeRef,
        donationId: Number(gift.id),
        amountCents: payment.amountCents,
        savedCard: payment.savedCard ?? null,
      });
      if (outcome === 'applied') counts.recovered += 1;
    } else {
      if (gift.status !== 'pending' || !failureIsFinal(payment, gift, startedAt)) continue;
      const outcome = await applyPaymentEvent(ctx, provider.name, {
        kind: 'payment_failed',
        eventId: `reconcile:${payment.chargeRef}:${payment.status}`,
        paymentRef,
        donationId: Number(gift.id),
        reason: payment.status,
      });
      if (outcome === 'applied') counts.released += 1;
    }
  }
  // A run asked to start later than the mark leaves the gap before it to the next regular run.
  if (since === undefined || window.mark === null || since <= window.mark) {
    const held = Math.max(nextMark, startedAt.getTime() - MAX_HOLD_MS);
    await writeSetting(
      ctx.database,
      ctx.campaignId,
      RECONCILED_UNTIL,
      new Date(held).toISOString(),
    );
  }
  return counts;
}

/** One payout recorded (or brought up to date) with the gifts it paid, in one transaction. */
async function recordPayout(
  ctx: AppContext,
  provider: string,
  payout: ProviderPayout,
): Promise<{ matched: number; unmatched: number }> {
  return ctx.database.transaction(async (query) => {
    const refs = [...new Set(payout.lines.map((line) => line.chargeRef))];
    const known = await runSql<{ charge_ref: string | null; payment_ref: string | null }>(
      query,
      sql`SELECT charge_ref, payment_ref FROM donations
           WHERE campaign_id = ${ctx.campaignId} AND provider = ${provider}
             AND (charge_ref = ANY(${refs}::text[]) OR payment_ref = ANY(${refs}::text[]))`,
    );
    const knownRefs = new Set(known.flatMap((row) => [row.charge_ref, row.payment_ref]));
    const unmatched = payout.lines.filter((line) => !knownRefs.has(line.chargeRef));
    const feeCents = payout.lines.reduce((sum, line) => sum + line.feeCents, 0);
    const [row] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO payouts (campaign_id, provider, payout_ref, arrival_on, amount_cents,
                               fee_cents, status, unmatched)
          VALUES (${ctx.campaignId}, ${provider}, ${payout.payoutRef}, ${payout.arrivalOn},
                  ${payout.amountCents}, ${feeCents}, ${payout.status},
                  ${JSON.stringify(unmatched)}::jsonb)
          ON CONFLICT (campaign_id, provider, payout_ref) DO UPDATE
             SET arrival_on = EXCLUDED.arrival_on, amount_cents = EXCLUDED.amount_cents,
                 fee_cents = EXCLUDED.fee_cents, status = EXCLUDED.status,
                 unmatched = EXCLUDED.unmatched
          RETURNING id`,
    );
    // A refund taken from a payout is a line too, but the gift was paid in the payout of its
    // charge: only the payments' lines say where a gift's money went.
    const paid = [...new Set(payout.lines.filter((l) => l.grossCents > 0).map((l) => l.chargeRef))];
    await runSql(
      query,
      sql`UPDATE donations SET payout_id = ${row!.id}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND provider = ${provider}
             AND (charge_ref = ANY(${paid}::text[]) OR payment_ref = ANY(${paid}::text[]))
             AND payout_id IS DISTINCT FROM ${row!.id}`,
    );
    return { matched: payout.lines.length - unmatched.length, unmatched: unmatched.length };
  });
}

/**
 * Records the provider's payouts since the last run (or `since`) and ties each gift to the
 * payout that paid it; lines naming no gift of this campaign are kept on the payout
 * (`unmatched`) for the finance officer to look into. Running it again changes nothing.
 */
export async function syncPayouts(ctx: AppContext, since?: Date): Promise<PayoutCounts> {
  const counts: PayoutCounts = { payouts: 0, matched: 0, unmatched: 0 };
  const provider = reconciledProvider(ctx);
  if (!provider) return counts;
  const startedAt = new Date();
  const window = await windowStart(
    ctx,
    PAYOUTS_SYNCED_UNTIL,
    PAYOUTS_OVERLAP_MS,
    FIRST_PAYOUTS_WINDOW_MS,
    startedAt,
  );
  for await (const payout of provider.payoutsSince(since ?? window.start)) {
    const recorded = await recordPayout(ctx, provider.name, payout);
    counts.payouts += 1;
    counts.matched += recorded.matched;
    counts.unmatched += recorded.unmatched;
  }
  if (since === undefined || window.mark === null || since <= window.mark)
    await writeSetting(ctx.database, ctx.campaignId, PAYOUTS_SYNCED_UNTIL, startedAt.toISOString());
  return counts;
}

export interface PayoutSummary {
  id: number;
  provider: string;
  payoutRef: string;
  arrivalOn: string;
  status: string;
  amountCents: number;
  feeCents: number;
  /** The gifts the payout paid, and their total (before the provider's fees). */
  giftCount: number;
  giftsCents: number;
  unmatched: ProviderPayout['lines'];
}

/** The payouts, latest arrival first, with their gifts counted: the finance back office's list. */
export async function listPayouts(
  ctx: AppContext,
  page: { limit?: number; offset?: number } = {},
): Promise<PayoutSummary[]> {
  const rows = await runSql<{
    id: number;
    provider: string;
    payout_ref: string;
    arrival_on: string;
    status: string;
    amount_cents: number | string;
    fee_cents: number | string;
    gift_count: number | string;
    gifts_cents: number | string;
    unmatched: ProviderPayout['lines'];
  }>(
    ctx.database,
    sql`SELECT p.id, p.provider, p.payout_ref, p.arrival_on::text AS arrival_on, p.status,
               p.amount_cents, p.fee_cents, p.unmatched,
               count(d.id) AS gift_count, coalesce(sum(d.amount_cents), 0) AS gifts_cents
          FROM payouts p
          LEFT JOIN donations d ON d.campaign_id = p.campaign_id AND d.payout_id = p.id
         WHERE p.campaign_id = ${ctx.campaignId}
         GROUP BY p.campaign_id, p.id
         ORDER BY p.arrival_on DESC, p.id DESC
         LIMIT ${page.limit ?? 100} OFFSET ${page.offset ?? 0}`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    provider: row.provider,
    payoutRef: row.payout_ref,
    arrivalOn: row.arrival_on,
    status: row.status,
    amountCents: Number(row.amount_cents),
    feeCents: Number(row.fee_cents),
    giftCount: Number(row.gift_count),
    giftsCents: Number(row.gifts_cents),
    unmatched: row.unmatched,
  }));
}

/**
 * Hourly: the payments the provider took that Levier missed, then its payouts. Only this
 * process's campaign: the provider's keys are in this process's configuration.
 */
export const reconcilePaymentsJob = defineJob({
  name: 'donations.reconcile',
  payload: z.object({}),
  schedule: { cron: '23 * * * *' },
  expireInSeconds: 30 * 60,
  async run(ctx) {
    if (!reconciledProvider(ctx)) return;
    const payments = await reconcilePayments(ctx);
    const payouts = await syncPayouts(ctx);
    ctx.log.info({ campaignId: ctx.campaignId, payments, payouts }, 'payments reconciled');
  },
});

/** Every 5 minutes: card payments left unpaid past their page's time stop counting. */
export const expirePendingGiftsJob = defineJob({
  name: 'donations.expire-pending',
  payload: z.object({}),
  schedule: { cron: '*/5 * * * *' },
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const expired = await expirePendingGifts(forCampaign(ctx, campaign.id));
      if (expired > 0) ctx.log.info({ campaignId: campaign.id, expired }, 'pending gifts expired');
    }
  },
});
