import { sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { releaseGift } from '../ledger.ts';
import { REFUND_REASON } from '../payment-events.ts';
import { paymentProvider } from '../payments/provider.ts';
import { cancelFormOf } from '../receipts/forms.ts';
import { financeGift } from './gifts.ts';

/**
 * Refunds a gift: a card gift through its provider (same key for the same gift: never refunded
 * twice), a cheque, transfer or cash gift is marked refunded (the agent pays it back by their
 * own means). The gift stops counting and its receipt is cancelled, in one transaction.
 */
export async function refundGift(ctx: AppContext, donationId: number, actorId: number, ip: string) {
  const [gift] = await runSql<{
    status: string;
    provider: string;
    charge_ref: string | null;
    amount_cents: number | string;
  }>(
    ctx.database,
    sql`SELECT status, provider, charge_ref, amount_cents FROM donations
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}`,
  );
  if (!gift) throw notFound('donation');
  if (gift.status !== 'succeeded')
    throw new AppError(409, 'not_refundable', 'Only a gift that was received can be refunded.');
  if (gift.provider !== 'manual') {
    const provider = paymentProvider(ctx);
    if (!provider || provider.name !== gift.provider || !gift.charge_ref)
      throw new AppError(
        409,
        'provider_unavailable',
        `This gift was paid through ${gift.provider}, which is not configured here: refund it there.`,
      );
    await provider.refund(
      gift.charge_ref,
      Number(gift.amount_cents),
      `refund:donation:${donationId}`,
    );
  }
  await ctx.database.transaction(async (query) => {
    await releaseGift(ctx, donationId, 'refunded', query);
    await cancelFormOf(query, ctx.campaignId, donationId, REFUND_REASON);
    await runSql(
      query,
      sql`UPDATE donations SET review = NULL WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'donations.refund',
        target: `donation:${donationId}`,
        details: { amountCents: Number(gift.amount_cents), provider: gift.provider },
        ip,
      },
    );
  });
  return (await financeGift(ctx, donationId))!;
}
