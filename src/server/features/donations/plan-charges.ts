import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { refusalText } from '../../../contracts/donation-law.ts';
import type { DonationSettings, DonorIdentity } from '../../../contracts/donations.ts';
import { listCampaigns } from '../../core/campaigns/service.ts';
import { forCampaign, type AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { defineJob } from '../../core/jobs/index.ts';
import { tellGiftPaid } from '../conversions.ts';
import { queueDonorMail } from './donor-mail.ts';
import { GiftRefused, releaseGift, reviveGift, settleGift, takeGiftOn } from './ledger.ts';
import type { ChargeOutcome, PaymentProvider } from './payments/port.ts';
import { paymentProvider } from './payments/provider.ts';
import { MAX_FAILURES, nextChargeOn, retryOn } from './plans.ts';
import { campaignToday, capKeyOf, donationSettings } from './settings.ts';

/** Due plans are read this many at a time; each is claimed on its own (see chargePlan). */
const BATCH = 100;
/**
 * A plan's charge taken less than this long ago and still pending is taken to be in another
 * worker's hands; past it, the worker that took it is taken for dead and the charge is resumed
 * with the same idempotency key (the provider then answers the first attempt's outcome).
 */
export const CHARGE_LEASE_MINUTES = 10;
/**
 * A monthly charge counts against the cap while its outcome is awaited; if the provider has
 * said nothing by then, the gift expires and the plan counts a failure.
 */
const CHARGE_PENDING_HOURS = 48;

/** What one run did, plan by plan. */
export interface ChargeRun {
  charged: number;
  failed: number;
  /** Charged, the provider's answer awaited (its webhook settles the gift). */
  pending: number;
  /** Stopped: the cap, the collection closed, a card that failed MAX_FAILURES times. */
  stopped: number;
  /** Left for later: claimed by another worker, no provider, the provider unreachable. */
  skipped: number;
}
type Outcome = keyof ChargeRun;

export interface ChargeOptions {
  /** The clock the charge lease is read with (tests move it). */
  now?: Date;
  /** The provider to charge with; the campaign's own when absent. */
  provider?: PaymentProvider | null;
}

interface PlanRow {
  id: number;
  person_id: number;
  amount_cents: number;
  day_of_month: number;
  next_charge_on: string;
  provider: string;
  customer_ref: string | null;
  payment_method_ref: string | null;
  donor: DonorIdentity;
  locale: 'fr' | 'en';
  attribution: Record<string, string>;
}

/** A gift taken for a plan, to charge now. */
interface Charge {
  plan: PlanRow;
  donationId: number;
  key: string;
}

/** The idempotency key of a plan's charge: the plan and its due day, never the attempt. */
export const planChargeKey = (planId: number, due: string) => `plan:${planId}:${due}`;

/** The plan's next charge after today: missed months (a long outage) are not charged late. */
function nextAfter(due: string, dayOfMonth: number, today: string): string {
  let next = nextChargeOn(due, dayOfMonth);
  while (next <= today) next = nextChargeOn(next, dayOfMonth);
  return next;
}

/**
 * Charges every active plan due on or before `today` (the campaign's day), once. Each plan is
 * claimed in its own short transaction (`FOR UPDATE SKIP LOCKED`: a plan another worker holds
 * is left to it) that takes the month's gift under the cap check and records the charge's
 * idempotency key on it (`payment_ref`, unique per provider, and `means_detail.planCharge`);
 * the card is charged outside any transaction, and the outcome written in another. A run that
 * dies between the two finds the gift by its key next time and charges it with the same key,
 * so the provider never takes a month twice and the ledger never holds it twice.
 */
export async function chargeDuePlans(
  ctx: AppContext,
  today: string = campaignToday(ctx),
  options: ChargeOptions = {},
): Promise<ChargeRun> {
  const now = options.now ?? new Date();
  const provider = options.provider !== undefined ? options.provider : paymentProvider(ctx);
  const settings = await donationSettings(ctx);
  const run: ChargeRun = { charged: 0, failed: 0, pending: 0, stopped: 0, skipped: 0 };
  let afterId = 0;
  for (;;) {
    const due = await runSql<{ id: number }>(
      ctx.database,
      sql`SELECT id FROM donation_plans
           WHERE campaign_id = ${ctx.campaignId} AND status = 'active'
             AND next_charge_on <= ${today} AND id > ${afterId}
           ORDER BY id LIMIT ${BATCH}`,
    );
    if (due.length === 0) break;
    for (const { id } of due) {
      const planId = Number(id);
      const outcome = await chargePlan(ctx, planId, { today, now, settings, provider }).catch(
        (error: unknown) => {
          ctx.log.error({ err: error, planId }, 'a monthly gift could not be charged');
          return 'skipped' as const;
        },
      );
      run[outcome]++;
    }
    afterId = Number(due.at(-1)!.id);
  }
  if (run.charged + run.failed + run.stopped > 0) ctx.mailer.nudge();
  return run;
}

interface RunState {
  today: string;
  now: Date;
  settings: DonationSettings;
  provider: PaymentProvider | null;
}

async function chargePlan(ctx: AppContext, planId: number, state: RunState): Promise<Outcome> {
  const claim = await ctx.database.transaction((query) => claimCharge(ctx, query, planId, state));
  if (typeof claim === 'string') return claim;
  const { plan, donationId, key } = claim;
  let result: ChargeOutcome;
  try {
    result = await state.provider!.chargeSavedCard({
      donationId,
      planId: plan.id,
      amountCents: Number(plan.amount_cents),
      customerRef: plan.customer_ref!,
      paymentMethodRef: plan.payment_method_ref!,
      description:
        plan.locale === 'en'
          ? `Monthly gift to ${state.settings.beneficiary}`
          : `Don mensuel à ${state.settings.beneficiary}`,
      idempotencyKey: key,
    });
  } catch (error) {
    // Whether the card was charged is unknown: the gift stays pending and the next run past
    // the lease asks again with the same key.
    ctx.log.error({ err: error, planId, donationId }, 'the payment provider did not answer');
    return 'skipped';
  }
  return ctx.database.transaction((query) => recordOutcome(ctx, query, claim, result, state.today));
}

/**
 * Under the plan's row lock: the month's gift already taken (a run that died, a webhook that
 * answered), or the law's checks and a new gift. Returns the charge to make, or what was done.
 */
async function claimCharge(
  ctx: AppContext,
  query: Query,
  planId: number,
  { today, now, settings, provider }: RunState,
): Promise<Charge | Outcome> {
  const [plan] = await runSql<PlanRow>(
    query,
    sql`SELECT id, person_id, amount_cents, day_of_month, next_charge_on::text AS next_charge_on,
               provider, customer_ref, payment_method_ref, donor, locale, attribution
          FROM donation_plans
         WHERE campaign_id = ${ctx.campaignId} AND id = ${planId} AND status = 'active'
           AND next_charge_on <= ${today}
         FOR UPDATE SKIP LOCKED`,
  );
  if (!plan) return 'skipped';
  const key = planChargeKey(plan.id, plan.next_charge_on);
  const leaseStart = new Date(now.getTime() - CHARGE_LEASE_MINUTES * 60_000);
  const [taken] = await runSql<{ id: number; status: string; in_flight: boolean }>(
    query,
    sql`SELECT id, status, updated_at > ${leaseStart.toISOString()} AS in_flight FROM donations
         WHERE campaign_id = ${ctx.campaignId} AND provider = ${plan.provider}
           AND payment_ref = ${key}`,
  );
  const chargeable = provider !== null && provider.name === plan.provider;
  if (taken) {
    const donationId = Number(taken.id);
    switch (taken.status) {
      case 'pending':
        if (taken.in_flight || !chargeable) return 'skipped';
        await runSql(
          query,
          sql`UPDATE donations SET updated_at = now()
               WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}`,
        );
        return { plan, donationId, key };
      case 'succeeded':
      case 'refunded':
        await advancePlan(ctx, query, plan, today);
        return 'charged';
      default:
        // Failed (a webhook said so after the run) or expired (nothing said in time).
        return (await recordFailure(ctx, query, plan, 'card_declined', today))
          ? 'stopped'
          : 'failed';
    }
  }
  const period = settings.mode === 'candidate' ? settings.collection : null;
  if (!settings.enabled || (period && (today < period.opensOn || today > period.closesOn))) {
    await stopPlan(ctx, query, plan.id, 'stopped', 'collection_closed');
    return 'stopped';
  }
  if (!chargeable) return 'skipped';
  if (!plan.customer_ref || !plan.payment_method_ref) {
    await stopPlan(ctx, query, plan.id, 'card_failed', 'no_card');
    return 'stopped';
  }
  try {
    const donationId = await takeGiftOn(ctx, query, {
      personId: Number(plan.person_id),
      mode: settings.mode,
      capKey: capKeyOf(settings, today),
      amountCents: Number(plan.amount_cents),
      means: 'card',
      // Attested with the plan's first gift, which the law would not have taken otherwise.
      attestations: { naturalPerson: true, frenchOrResident: true },
      status: 'pending',
      pendingUntil: new Date(now.getTime() + CHARGE_PENDING_HOURS * 3_600_000),
      attribution: plan.attribution,
      day: today,
      collection: settings.collection,
      spendingCeilingCents: settings.spendingCeilingCents,
      locale: plan.locale,
      record: {
        donor: plan.donor,
        provider: plan.provider,
        planId: plan.id,
        meansDetail: { planCharge: key },
        paymentRef: key,
      },
    });
    return { plan, donationId, key };
  } catch (error) {
    if (!(error instanceof GiftRefused)) throw error;
    const aboveCap = error.refusals.find((r) => r.code === 'above_cap');
    if (aboveCap)
      await stopPlan(ctx, query, plan.id, 'cap_reached', refusalText(aboveCap, plan.locale));
    else await stopPlan(ctx, query, plan.id, 'stopped', error.message);
    return 'stopped';
  }
}

async function recordOutcome(
  ctx: AppContext,
  query: Query,
  { plan, donationId }: Charge,
  result: ChargeOutcome,
  today: string,
): Promise<Outcome> {
  const providerRef = result.paymentRef || null;
  switch (result.status) {
    case 'succeeded': {
      // A webhook may have been quicker (settled already), or have said it failed first.
      const paid =
        (await settleGift(ctx, donationId, providerRef, query)) ||
        (await reviveGift(ctx, query, donationId, providerRef));
      if (paid) {
        await queueDonorMail(query, ctx.campaignId, {
          template: 'donation_acknowledgement',
          donationId,
        });
        // A plan's charges are gifts: told as every paid gift is, in this transaction.
        await tellGiftPaid(query, ctx, {
          donationId,
          personId: Number(plan.person_id),
          kind: 'gift',
          amountCents: Number(plan.amount_cents),
          means: 'card',
        });
      }
      await advancePlan(ctx, query, plan, today);
      return 'charged';
    }
    case 'failed':
      await releaseGift(ctx, donationId, 'failed', query);
      await setChargeRef(ctx, query, donationId, providerRef);
      return (await recordFailure(ctx, query, plan, result.failure ?? 'card_declined', today))
        ? 'stopped'
        : 'failed';
    case 'pending':
      await setChargeRef(ctx, query, donationId, providerRef);
      return 'pending';
  }
}

async function setChargeRef(ctx: AppContext, query: Query, donationId: number, ref: string | null) {
  await runSql(
    query,
    sql`UPDATE donations SET charge_ref = coalesce(${ref}, charge_ref), updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}`,
  );
}

/** The month is paid: the next charge a month on, the failures forgotten. Once per due day. */
async function advancePlan(ctx: AppContext, query: Query, plan: PlanRow, today: string) {
  await runSql(
    query,
    sql`UPDATE donation_plans
           SET next_charge_on = ${nextAfter(plan.next_charge_on, Number(plan.day_of_month), today)},
               failures = 0, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${plan.id}
           AND next_charge_on = ${plan.next_charge_on}`,
  );
}

/**
 * The card failed: tried again RETRY_DAYS later (a new due day, so a new key), and after
 * MAX_FAILURES in a row the plan stops until the donor gives another card, and is told.
 * Once per due day. Returns whether the plan stopped.
 */
async function recordFailure(
  ctx: AppContext,
  query: Query,
  plan: PlanRow,
  reason: string,
  today: string,
): Promise<boolean> {
  const [row] = await runSql<{ status: string }>(
    query,
    sql`UPDATE donation_plans
           SET failures = failures + 1,
               status = CASE WHEN failures + 1 >= ${MAX_FAILURES} THEN 'card_failed' ELSE status END,
               stopped_reason = CASE WHEN failures + 1 >= ${MAX_FAILURES} THEN ${reason}
                                     ELSE stopped_reason END,
               next_charge_on = ${retryOn(today)}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${plan.id} AND status = 'active'
           AND next_charge_on = ${plan.next_charge_on}
        RETURNING status`,
  );
  if (row?.status !== 'card_failed') return false;
  await queueDonorMail(query, ctx.campaignId, {
    template: 'donation_plan_stopped',
    planId: plan.id,
  });
  return true;
}

/** The plan stops charging, and its donor is told why (plan-mails.ts). */
export async function stopPlan(
  ctx: AppContext,
  query: Query,
  planId: number,
  status: 'stopped' | 'cap_reached' | 'card_failed',
  reason: string,
) {
  await runSql(
    query,
    sql`UPDATE donation_plans SET status = ${status}, stopped_reason = ${reason}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${planId}`,
  );
  await queueDonorMail(query, ctx.campaignId, { template: 'donation_plan_stopped', planId });
}

/** Every morning, each campaign's monthly gifts due that day (or left over from before). */
export const chargePlansJob = defineJob({
  name: 'donations.charge-plans',
  payload: z.object({}),
  // The campaign's time zone (no tz named): a donor is charged in their morning.
  schedule: { cron: '30 7 * * *' },
  expireInSeconds: 4 * 3600,
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const run = await chargeDuePlans(forCampaign(ctx, campaign.id));
      ctx.log.info({ campaignId: campaign.id, ...run }, 'monthly gifts charged');
    }
  },
});
