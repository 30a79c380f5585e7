import { sql } from 'drizzle-orm';
import {
  capOf,
  giftRefusals,
  refusalText,
  type DonationMode,
  type DonorAttestations,
  type GiftRefusal,
  type PaymentMeans,
} from '../../../contracts/donation-law.ts';
import type { DonorIdentity } from '../../../contracts/donations.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { AppError } from '../../core/http/errors.ts';

/** A gift as it is taken: who gives, how much, how, in which period the law counts it. */
export interface GiftIntake {
  personId: number;
  mode: DonationMode;
  capKey: string;
  amountCents: number;
  means: PaymentMeans;
  attestations: DonorAttestations;
  /** `pending` for a card payment that starts; `succeeded` for a cheque, transfer or cash. */
  status: 'pending' | 'succeeded';
  pendingUntil?: Date;
  attribution?: Record<string, string>;
  day: string;
  collection?: { opensOn: string; closesOn: string } | null;
  spendingCeilingCents?: number | null;
  locale?: 'fr' | 'en';
  /** What the record keeps besides: the donor as the receipt names them, the provider… */
  record?: GiftRecord;
}

/** The gift's record beyond what the law checks. */
export interface GiftRecord {
  kind?: 'gift' | 'dues';
  donor?: DonorIdentity;
  meansDetail?: Record<string, string>;
  provider?: string;
  planId?: number | null;
  recordedBy?: number | null;
  /**
   * Levier's own reference of the payment attempt when it names it before the provider does
   * (a plan's monthly charge: its idempotency key); unique per provider.
   */
  paymentRef?: string | null;
}

/** The law refused the gift: 422 with the first reason in words, every reason in `refusals`. */
export class GiftRefused extends AppError {
  constructor(
    readonly refusals: GiftRefusal[],
    locale: 'fr' | 'en',
  ) {
    super(422, refusals[0]!.code, refusalText(refusals[0]!, locale));
  }
}

/**
 * One donor's gifts are taken one at a time (a transaction-scoped advisory lock on the
 * donor): two gifts sent at the same moment that together pass the cap cannot both be
 * counted. The lock is the donor's, not the campaign's, so donors never wait for each other.
 */
async function lockDonor(query: Query, campaignId: number, personId: number) {
  await runSql(
    query,
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`donor:${campaignId}:${personId}`}, 0))`,
  );
}

async function countedOf(query: Queryable, campaignId: number, personId: number, capKey: string) {
  const [row] = await runSql<{ cents: number | string | null }>(
    query,
    sql`SELECT sum(amount_cents) AS cents FROM donations
         WHERE campaign_id = ${campaignId} AND person_id = ${personId} AND cap_key = ${capKey}
           AND counts`,
  );
  return Number(row?.cents ?? 0);
}

async function campaignCashOf(query: Query, campaignId: number, capKey: string) {
  const [row] = await runSql<{ cents: number | string | null }>(
    query,
    sql`SELECT sum(amount_cents) AS cents FROM donations
         WHERE campaign_id = ${campaignId} AND cap_key = ${capKey} AND means = 'cash' AND counts`,
  );
  return Number(row?.cents ?? 0);
}

/**
 * Takes a gift if the law allows it, counting it against the donor's cap at once; refuses it
 * with the reasons otherwise, changing nothing. Returns the gift's id.
 */
export async function takeGift(ctx: AppContext, gift: GiftIntake): Promise<number> {
  return ctx.database.transaction((query) => takeGiftOn(ctx, query, gift));
}

/**
 * What the law refuses whatever the donor gave before (attestations, period, cash, an amount
 * past the cap on its own): checked before anything is written, even the donor's person.
 */
export function refuseOutright(gift: GiftIntake): void {
  const refusals = giftRefusals({ ...gift, countedCents: 0, campaignCashCents: 0 });
  if (refusals.length > 0) throw new GiftRefused(refusals, gift.locale ?? 'fr');
}

/**
 * takeGift inside the caller's transaction (a plan's charge takes its gift under the plan's
 * row lock). The donor's lock is held until that transaction ends.
 */
export async function takeGiftOn(ctx: AppContext, query: Query, gift: GiftIntake): Promise<number> {
  await lockDonor(query, ctx.campaignId, gift.personId);
  const countedCents = await countedOf(query, ctx.campaignId, gift.personId, gift.capKey);
  const campaignCashCents =
    gift.means === 'cash' ? await campaignCashOf(query, ctx.campaignId, gift.capKey) : 0;
  const refusals = giftRefusals({ ...gift, countedCents, campaignCashCents });
  if (refusals.length > 0) throw new GiftRefused(refusals, gift.locale ?? 'fr');
  const record = gift.record ?? {};
  const [row] = await runSql<{ id: number }>(
    query,
    sql`INSERT INTO donations (campaign_id, person_id, cap_key, kind, amount_cents, means, status,
                               counts, given_on, donor, means_detail, provider, plan_id, locale,
                               recorded_by, attribution, pending_until, payment_ref)
        VALUES (${ctx.campaignId}, ${gift.personId}, ${gift.capKey}, ${record.kind ?? 'gift'},
                ${gift.amountCents}, ${gift.means}, ${gift.status}, true, ${gift.day},
                ${record.donor ? JSON.stringify(record.donor) : null}::jsonb,
                ${JSON.stringify(record.meansDetail ?? {})}::jsonb, ${record.provider ?? 'manual'},
                ${record.planId ?? null}, ${gift.locale ?? 'fr'}, ${record.recordedBy ?? null},
                ${JSON.stringify(gift.attribution ?? {})}::jsonb,
                ${gift.pendingUntil?.toISOString() ?? null}, ${record.paymentRef ?? null})
        RETURNING id`,
  );
  return Number(row!.id);
}

/** A pending payment that succeeded: it keeps counting. False if it was no longer pending. */
export async function settleGift(
  ctx: AppContext,
  donationId: number,
  chargeRef: string | null = null,
  on: Queryable = ctx.database,
): Promise<boolean> {
  const rows = await runSql(
    on,
    sql`UPDATE donations SET status = 'succeeded', pending_until = NULL,
                             charge_ref = coalesce(${chargeRef}, charge_ref), updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId} AND status = 'pending'
        RETURNING id`,
  );
  return rows.length > 0;
}

/**
 * A gift that failed, expired or was refunded stops counting: the donor may give that much
 * again. Only a pending gift can fail or expire, only a succeeded one be refunded.
 */
export async function releaseGift(
  ctx: AppContext,
  donationId: number,
  outcome: 'failed' | 'expired' | 'refunded',
  on: Queryable = ctx.database,
): Promise<boolean> {
  const from = outcome === 'refunded' ? 'succeeded' : 'pending';
  const rows = await runSql(
    on,
    sql`UPDATE donations SET status = ${outcome}, counts = false, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId} AND status = ${from}
        RETURNING id`,
  );
  return rows.length > 0;
}

/**
 * A payment the provider took after Levier had let it go (it expired or was said to fail, then
 * a late webhook or the reconciliation found it paid): the money is in the agent's account, so
 * the gift counts again. If the cap no longer allows it, it is marked for the finance officer
 * to refund (`review = 'over_cap'`). Returns false when it was not a released gift.
 */
export async function reviveGift(
  ctx: AppContext,
  query: Query,
  donationId: number,
  chargeRef: string | null,
): Promise<boolean> {
  const [gift] = await runSql<{ person_id: number; cap_key: string; amount_cents: number }>(
    query,
    sql`SELECT person_id, cap_key, amount_cents FROM donations
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}
           AND status IN ('expired', 'failed')`,
  );
  if (!gift) return false;
  await lockDonor(query, ctx.campaignId, Number(gift.person_id));
  const counted = await countedOf(query, ctx.campaignId, Number(gift.person_id), gift.cap_key);
  const mode = gift.cap_key.startsWith('year:') ? 'party' : 'candidate';
  const over = counted + Number(gift.amount_cents) > capOf(mode);
  await runSql(
    query,
    sql`UPDATE donations SET status = 'succeeded', counts = true, pending_until = NULL,
                             charge_ref = coalesce(${chargeRef}, charge_ref),
                             review = ${over ? 'over_cap' : null}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}`,
  );
  return true;
}

/** Pending payments past their time stop counting (run by the donations' scheduled job). */
export async function expirePendingGifts(ctx: AppContext, now = new Date()): Promise<number> {
  const rows = await runSql(
    ctx.database,
    sql`UPDATE donations SET status = 'expired', counts = false, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND status = 'pending'
           AND pending_until <= ${now.toISOString()}
        RETURNING id`,
  );
  return rows.length;
}

/** What a donor has given in a period, counted as the law counts it. */
export async function donorTotal(ctx: AppContext, personId: number, capKey: string) {
  return countedOf(ctx.database, ctx.campaignId, personId, capKey);
}
