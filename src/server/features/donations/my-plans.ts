import { sql } from 'drizzle-orm';
import { capOf } from '../../../contracts/donation-law.ts';
import type { CapRoom, MyDonationPlan, PlanStatus } from '../../../contracts/donation-plans.ts';
import type { DonorIdentity } from '../../../contracts/donations.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { addPersonEvent } from '../people/service.ts';
import { queueDonorMail } from './donor-mail.ts';
import { typedAmount } from './giving.ts';
import { donorTotal } from './ledger.ts';
import { paymentProvider } from './payments/provider.ts';
import { campaignToday, capKeyOf, donationSettings } from './settings.ts';

/** A stopped plan is over: the donor gives again from the donation page. */
const OVER: readonly PlanStatus[] = ['stopped', 'cap_reached'];

const stoppedText = {
  fr: 'Ce don mensuel est arrêté : pour donner à nouveau, passez par la page de don.',
  en: 'This monthly gift has stopped: to give again, use the donation page.',
};
const notStarted = {
  fr: 'Ce don mensuel commence avec le paiement de son premier don, qui enregistre la carte.',
  en: 'This monthly gift starts when its first gift is paid, which saves the card.',
};
const unavailable = {
  fr: 'Le changement de carte n’est pas possible pour le moment : réessayez plus tard.',
  en: 'The card cannot be changed at the moment: try again later.',
};

interface PlanRow {
  id: number;
  amount_cents: number;
  day_of_month: number;
  status: PlanStatus;
  next_charge_on: string | null;
  stopped_reason: string | null;
  card_on_file: boolean;
  created_at: Date | string;
  provider: string;
  customer_ref: string | null;
  donor: DonorIdentity;
  locale: 'fr' | 'en';
}

const columns = sql`id, amount_cents, day_of_month, status, next_charge_on::text AS next_charge_on,
                    stopped_reason, payment_method_ref IS NOT NULL AS card_on_file, created_at,
                    provider, customer_ref, donor, locale`;

const shown = (row: PlanRow): MyDonationPlan => ({
  id: Number(row.id),
  amountCents: Number(row.amount_cents),
  dayOfMonth: Number(row.day_of_month),
  status: row.status,
  nextChargeOn: row.status === 'active' ? row.next_charge_on : null,
  stoppedReason: row.stopped_reason,
  cardOnFile: Boolean(row.card_on_file),
  createdAt: new Date(row.created_at).toISOString(),
});

/** One of the person's own plans (locked for a change when `forUpdate`), or a 404. */
async function ownPlan(
  ctx: AppContext,
  on: Queryable,
  personId: number,
  planId: number,
  forUpdate = false,
): Promise<PlanRow> {
  const [row] = await runSql<PlanRow>(
    on,
    sql`SELECT ${columns} FROM donation_plans
         WHERE campaign_id = ${ctx.campaignId} AND id = ${planId} AND person_id = ${personId}
         ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  if (!row) throw notFound('plan');
  return row;
}

/** What the cap still lets the person give in the current period; null when gifts are closed. */
export async function capRoom(ctx: AppContext, personId: number): Promise<CapRoom | null> {
  const settings = await donationSettings(ctx);
  if (!settings.enabled || (settings.mode === 'candidate' && settings.electionId === null))
    return null;
  const capCents = capOf(settings.mode);
  const countedCents = await donorTotal(ctx, personId, capKeyOf(settings, campaignToday(ctx)));
  return {
    period: settings.mode === 'candidate' ? 'election' : 'year',
    capCents,
    countedCents,
    leftCents: Math.max(0, capCents - countedCents),
  };
}

export async function myPlans(ctx: AppContext, personId: number) {
  const rows = await runSql<PlanRow>(
    ctx.database,
    sql`SELECT ${columns} FROM donation_plans
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}
         ORDER BY id DESC`,
  );
  return { plans: rows.map(shown), room: await capRoom(ctx, personId) };
}

/** A change the donor made, on their own timeline. */
const recordChange = (
  ctx: AppContext,
  query: Query,
  personId: number,
  data: Record<string, unknown>,
) => addPersonEvent(query, ctx.campaignId, personId, 'donation_plan', data, personId);

/**
 * The amount from the next charge on. It is not held to what the cap leaves now: each charge
 * is checked when it is made (other gifts may come or be refunded meanwhile); the answer says
 * how much room is left.
 */
export async function changePlanAmount(
  ctx: AppContext,
  personId: number,
  planId: number,
  input: { amount: string; locale?: 'fr' | 'en' },
) {
  const plan = await ctx.database.transaction(async (query) => {
    const current = await ownPlan(ctx, query, personId, planId, true);
    const locale = input.locale ?? current.locale;
    const cents = typedAmount(input.amount, locale);
    if (OVER.includes(current.status)) throw new AppError(409, 'plan_stopped', stoppedText[locale]);
    if (cents === Number(current.amount_cents)) return current;
    await runSql(
      query,
      sql`UPDATE donation_plans SET amount_cents = ${cents}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${planId}`,
    );
    await recordChange(ctx, query, personId, {
      planId,
      change: 'amount',
      fromCents: Number(current.amount_cents),
      toCents: cents,
    });
    return { ...current, amount_cents: cents };
  });
  return { plan: shown(plan), room: await capRoom(ctx, personId) };
}

/** The donor stops their plan: nothing more is charged, and a mail confirms it. Idempotent. */
export async function stopMyPlan(ctx: AppContext, personId: number, planId: number) {
  const plan = await ctx.database.transaction(async (query) => {
    const current = await ownPlan(ctx, query, personId, planId, true);
    if (OVER.includes(current.status)) return current;
    await runSql(
      query,
      sql`UPDATE donation_plans SET status = 'stopped', stopped_reason = 'donor', updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${planId}`,
    );
    await recordChange(ctx, query, personId, { planId, change: 'stop' });
    await queueDonorMail(query, ctx.campaignId, { template: 'donation_plan_stopped', planId });
    return { ...current, status: 'stopped' as const, stopped_reason: 'donor' };
  });
  if (plan.stopped_reason === 'donor') ctx.mailer.nudge();
  return { plan: shown(plan), room: await capRoom(ctx, personId) };
}

/**
 * The provider's page where the donor gives another card; its `card_saved` event replaces the
 * plan's card (payment-events.ts) and starts a plan stopped for a failing card again.
 */
export async function changePlanCard(
  ctx: AppContext,
  personId: number,
  planId: number,
  input: { locale?: 'fr' | 'en' },
): Promise<{ redirectUrl: string }> {
  const plan = await ownPlan(ctx, ctx.database, personId, planId);
  const locale = input.locale ?? plan.locale;
  if (OVER.includes(plan.status)) throw new AppError(409, 'plan_stopped', stoppedText[locale]);
  if (plan.status === 'pending') throw new AppError(409, 'plan_pending', notStarted[locale]);
  const provider = paymentProvider(ctx);
  // The card is kept by the provider that took the plan's first gift.
  if (provider?.name !== plan.provider)
    throw new AppError(503, 'payments_unavailable', unavailable[locale]);
  const back = `${ctx.config.publicUrl}/me?lang=${locale}`;
  try {
    const setup = await provider.setupCard({
      planId,
      customerRef: plan.customer_ref,
      email: plan.donor.email,
      locale,
      successUrl: `${back}&card=saved`,
      cancelUrl: `${back}&card=cancelled`,
    });
    return { redirectUrl: setup.redirectUrl };
  } catch (error) {
    ctx.log.error({ err: error, planId }, 'the payment provider did not open a card setup');
    throw new AppError(502, 'payments_unavailable', unavailable[locale]);
  }
}
