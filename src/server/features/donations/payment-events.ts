import { sql } from 'drizzle-orm';
import type { PaymentMeans } from '../../../contracts/donation-law.ts';
import { tellGiftPaid } from '../conversions.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { queueDonorMail } from './donor-mail.ts';
import { releaseGift, reviveGift, settleGift } from './ledger.ts';
import { nextChargeOn } from './plans.ts';
import { cancelFormOf } from './receipts/forms.ts';

/** What a receipt cancelled by a refund says. */
export const REFUND_REASON = 'Don remboursé';
import type { PaymentEvent, ProviderName } from './payments/port.ts';

export type EventOutcome = 'applied' | 'duplicate' | 'unknown_payment' | 'ignored';

/**
 * The gift an event is about: by the id Levier gave the provider, checked against the
 * provider's reference when both are known (an event naming another campaign's gift, or
 * another provider's, finds nothing).
 */
async function giftOf(
  query: Query,
  ctx: AppContext,
  provider: ProviderName,
  donationId: number | null,
  ref: { paymentRef?: string; chargeRef?: string },
): Promise<{
  id: number;
  status: string;
  planId: number | null;
  personId: number;
  kind: 'gift' | 'dues';
  amountCents: number;
  means: PaymentMeans;
} | null> {
  const refs = [ref.paymentRef, ref.chargeRef].filter((r): r is string => Boolean(r));
  const byRef =
    refs.length > 0
      ? sql.join(
          refs.map((r) => sql`payment_ref = ${r} OR charge_ref = ${r}`),
          sql` OR `,
        )
      : null;
  // With both, the id must agree with a reference (or the gift have none yet): the id alone
  // would take another instance's gift 42, sharing the provider account, for ours.
  const which =
    donationId !== null && byRef
      ? sql`id = ${donationId} AND (${byRef} OR (payment_ref IS NULL AND charge_ref IS NULL))`
      : donationId !== null
        ? sql`id = ${donationId}`
        : byRef
          ? sql`(${byRef})`
          : sql`false`;
  const [row] = await runSql<{
    id: number;
    status: string;
    plan_id: number | null;
    person_id: number;
    kind: 'gift' | 'dues';
    amount_cents: number | string;
    means: PaymentMeans;
  }>(
    query,
    sql`SELECT id, status, plan_id, person_id, kind, amount_cents, means FROM donations
         WHERE campaign_id = ${ctx.campaignId} AND provider = ${provider} AND ${which}
         ORDER BY id LIMIT 1 FOR UPDATE`,
  );
  return row
    ? {
        id: Number(row.id),
        status: row.status,
        planId: row.plan_id === null ? null : Number(row.plan_id),
        personId: Number(row.person_id),
        kind: row.kind,
        amountCents: Number(row.amount_cents),
        means: row.means,
      }
    : null;
}

async function activatePlan(
  query: Query,
  ctx: AppContext,
  planId: number,
  card: { customerRef: string; paymentMethodRef: string },
  givenOn: string | null,
) {
  const [plan] = await runSql<{ day_of_month: number; status: string }>(
    query,
    sql`SELECT day_of_month, status FROM donation_plans
         WHERE campaign_id = ${ctx.campaignId} AND id = ${planId} FOR UPDATE`,
  );
  if (!plan) return;
  const next =
    plan.status === 'pending' && givenOn ? nextChargeOn(givenOn, Number(plan.day_of_month)) : null;
  await runSql(
    query,
    sql`UPDATE donation_plans
           SET customer_ref = ${card.customerRef}, payment_method_ref = ${card.paymentMethodRef},
               status = CASE WHEN status IN ('pending', 'card_failed') THEN 'active' ELSE status END,
               next_charge_on = coalesce(${next}, next_charge_on), failures = 0, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${planId}
           AND status IN ('pending', 'active', 'card_failed')`,
  );
}

/**
 * Applies what the provider reported, once per event id: the event is recorded in the same
 * transaction as its effect, so a replay (the provider retries, an attacker resends a signed
 * body) finds it and changes nothing.
 */
export async function applyPaymentEvent(
  ctx: AppContext,
  provider: ProviderName,
  event: PaymentEvent,
): Promise<EventOutcome> {
  return ctx.database.transaction(async (query) => {
    const recorded = await runSql(
      query,
      sql`INSERT INTO payment_events (campaign_id, provider, event_id, kind)
          VALUES (${ctx.campaignId}, ${provider}, ${event.eventId}, ${event.kind})
          ON CONFLICT DO NOTHING RETURNING event_id`,
    );
    if (recorded.length === 0) return 'duplicate';
    const outcome = await apply(query, ctx, provider, event);
    if (outcome.donationId !== null)
      await runSql(
        query,
        sql`UPDATE payment_events SET donation_id = ${outcome.donationId}
             WHERE campaign_id = ${ctx.campaignId} AND provider = ${provider}
               AND event_id = ${event.eventId}`,
      );
    return outcome.result;
  });
}

async function apply(
  query: Query,
  ctx: AppContext,
  provider: ProviderName,
  event: PaymentEvent,
): Promise<{ result: EventOutcome; donationId: number | null }> {
  switch (event.kind) {
    case 'payment_succeeded': {
      const gift = await giftOf(query, ctx, provider, event.donationId, {
        paymentRef: event.paymentRef,
      });
      if (!gift) return { result: 'unknown_payment', donationId: null };
      const paid =
        gift.status === 'pending'
          ? await settleGift(ctx, gift.id, event.chargeRef, query)
          : await reviveGift(ctx, query, gift.id, event.chargeRef);
      if (paid) {
        await queueDonorMail(query, ctx.campaignId, {
          template: 'donation_acknowledgement',
          donationId: gift.id,
        });
        // Content's share credit and newsletters' automations, in this transaction.
        await tellGiftPaid(query, ctx, {
          donationId: gift.id,
          personId: gift.personId,
          kind: gift.kind,
          amountCents: gift.amountCents,
          means: gift.means,
        });
      }
      if (event.savedCard && gift.planId === event.savedCard.planId) {
        const [row] = await runSql<{ given_on: string | null }>(
          query,
          sql`SELECT given_on::text FROM donations WHERE campaign_id = ${ctx.campaignId} AND id = ${gift.id}`,
        );
        await activatePlan(query, ctx, gift.planId, event.savedCard, row?.given_on ?? null);
      }
      return { result: paid ? 'applied' : 'ignored', donationId: gift.id };
    }
    case 'payment_failed':
    case 'checkout_expired': {
      const gift = await giftOf(query, ctx, provider, event.donationId, {
        paymentRef: event.paymentRef,
      });
      if (!gift) return { result: 'unknown_payment', donationId: null };
      const released = await releaseGift(
        ctx,
        gift.id,
        event.kind === 'payment_failed' ? 'failed' : 'expired',
        query,
      );
      // A plan whose first gift was never paid never starts.
      if (released && gift.planId !== null)
        await runSql(
          query,
          sql`DELETE FROM donation_plans WHERE campaign_id = ${ctx.campaignId}
                 AND id = ${gift.planId} AND status = 'pending'`,
        );
      return { result: released ? 'applied' : 'ignored', donationId: gift.id };
    }
    case 'refunded': {
      const gift = await giftOf(query, ctx, provider, event.donationId, {
        chargeRef: event.chargeRef,
      });
      if (!gift) return { result: 'unknown_payment', donationId: null };
      const released = await releaseGift(ctx, gift.id, 'refunded', query);
      if (released) await cancelFormOf(query, ctx.campaignId, gift.id, REFUND_REASON);
      return { result: released ? 'applied' : 'ignored', donationId: gift.id };
    }
    case 'card_saved':
      await activatePlan(query, ctx, event.planId, event, null);
      return { result: 'applied', donationId: null };
    case 'ignored':
      return { result: 'ignored', donationId: null };
  }
}
