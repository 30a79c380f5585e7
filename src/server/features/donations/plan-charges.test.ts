import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../../core/db/statement.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { donorTotal } from './ledger.ts';
import { applyPaymentEvent } from './payment-events.ts';
import { chargeDuePlans, chargePlansJob, CHARGE_LEASE_MINUTES } from './plan-charges.ts';
import {
  donorPerson,
  givenBefore,
  insertActivePlan,
  planGifts,
  planState,
  planTestSettings,
  retireActivePlans,
} from './plan-fixtures.ts';
import { registerPlanMail } from './plan-mails.ts';
import type { PaymentProvider, SavedCardCharge } from './payments/port.ts';
import { paymentProvider } from './payments/provider.ts';
import { giftForm, openCandidateDonations } from './test-fixtures.ts';
import { MAX_FAILURES } from './plans.ts';
import { campaignToday } from './settings.ts';

const nbsp = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Mails queued for an address, by kind. */
async function queuedMails(t: TestApp, kind: string, to: string): Promise<number> {
  const [row] = await runSql<{ n: number }>(
    t.ctx.database,
    sql`SELECT count(*)::int AS n FROM mail_outbox
         WHERE campaign_id = ${t.ctx.campaignId} AND kind = ${kind} AND to_address = ${to}`,
  );
  return row!.n;
}

describe.each(engines)('charging monthly gifts on %s', (engine) => {
  let t: TestApp;
  let emails = 0;
  beforeAll(async () => {
    t = await createTestApp(engine, { DONATION_RATE_LIMIT: '1000' });
    registerPlanMail(t.ctx);
    const finance = await staffBrowser(t, 'finance@campaign.example', ['finance']);
    await openCandidateDonations(t, finance, planTestSettings);
  });
  afterEach(async () => {
    await retireActivePlans(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const newDonor = async () => {
    const email = `monthly${++emails}@donors.example`;
    return { email, personId: await donorPerson(t, email) };
  };

  /** The development adapter, with the keys it was asked to charge under. */
  const recording = (
    answer?: (charge: SavedCardCharge) => ReturnType<PaymentProvider['chargeSavedCard']>,
  ) => {
    const real = paymentProvider(t.ctx)!;
    const keys: string[] = [];
    const provider: PaymentProvider = {
      ...real,
      chargeSavedCard: (charge) => {
        keys.push(charge.idempotencyKey);
        return answer ? answer(charge) : real.chargeSavedCard(charge);
      },
    };
    return { provider, keys };
  };

  it('charges a due plan once however often it runs, and moves its next charge a month on', async () => {
    const { email, personId } = await newDonor();
    const planId = await insertActivePlan(t, personId, email, {
      amountCents: 2_000,
      nextChargeOn: '2027-03-15',
    });
    const later = await insertActivePlan(t, personId, email, {
      amountCents: 1_000,
      nextChargeOn: '2027-03-16',
    });
    expect(await chargeDuePlans(t.ctx, '2027-03-14')).toMatchObject({ charged: 0 });
    expect(await chargeDuePlans(t.ctx, '2027-03-15')).toMatchObject({ charged: 1, failed: 0 });
    expect(await chargeDuePlans(t.ctx, '2027-03-15')).toMatchObject({ charged: 0 });
    const [gift, ...others] = await planGifts(t, planId);
    expect(others).toEqual([]);
    expect(gift).toMatchObject({
      status: 'succeeded',
      amount_cents: 2_000,
      counts: true,
      given_on: '2027-03-15',
      plan_charge: `plan:${planId}:2027-03-15`,
    });
    expect(await planState(t, planId)).toMatchObject({
      status: 'active',
      next_charge_on: '2027-04-15',
      failures: 0,
    });
    expect(await planGifts(t, later)).toEqual([]);
    expect(await queuedMails(t, 'donation_acknowledgement', email)).toBe(1);

    // This plan's second month, and the other plan's first (due since the 16th of March).
    expect(await chargeDuePlans(t.ctx, '2027-04-15')).toMatchObject({ charged: 2 });
    expect((await planGifts(t, planId)).map((g) => g.given_on)).toEqual([
      '2027-03-15',
      '2027-04-15',
    ]);
    expect((await planState(t, planId)).next_charge_on).toBe('2027-05-15');
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(2_000 * 2 + 1_000);
  });

  it('does not charge months missed while nothing ran, only the one due', async () => {
    const { email, personId } = await newDonor();
    const planId = await insertActivePlan(t, personId, email, {
      amountCents: 1_500,
      nextChargeOn: '2027-01-10',
    });
    await chargeDuePlans(t.ctx, '2027-04-02');
    expect(await planGifts(t, planId)).toHaveLength(1);
    expect((await planState(t, planId)).next_charge_on).toBe('2027-04-10');
  });

  it('never charges past the cap: the plan stops, and the donor is told why', async () => {
    const { email, personId } = await newDonor();
    await givenBefore(t, personId, 450_000, 'cheque');
    const planId = await insertActivePlan(t, personId, email, {
      amountCents: 20_000,
      nextChargeOn: '2027-03-05',
    });
    const since = t.smtp.received.length;
    expect(await chargeDuePlans(t.ctx, '2027-03-05')).toMatchObject({ charged: 0, stopped: 1 });
    expect(await planGifts(t, planId)).toEqual([]);
    const sentence =
      'Ce don porterait votre total pour cette élection à 4 700 € ; le maximum légal est de 4 600 €. Vous pouvez encore donner 100 €.';
    const plan = await planState(t, planId);
    expect(plan.status).toBe('cap_reached');
    expect(nbsp(plan.stopped_reason)).toBe(sentence);
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(450_000);
    expect(await queuedMails(t, 'donation_plan_stopped', email)).toBe(1);
    const mail = await t.smtp.waitFor(email, (m) => /arrêté/.test(m.subject), 10_000, since);
    expect(nbsp(mail.text)).toContain(sentence);
    expect(mail.text).toContain('http://levier.test/me');
    // Stopped for good: later runs leave it alone.
    expect(await chargeDuePlans(t.ctx, '2027-04-05')).toMatchObject({ stopped: 0, charged: 0 });
  });

  it('charges up to exactly the cap, counting one-off, monthly and cheque gifts, and not a cent more', async () => {
    const exact = await newDonor();
    const over = await newDonor();
    await givenBefore(t, exact.personId, 400_000, 'card');
    await givenBefore(t, exact.personId, 40_000, 'cheque');
    await givenBefore(t, over.personId, 400_000, 'card');
    await givenBefore(t, over.personId, 40_001, 'cheque');
    const exactPlan = await insertActivePlan(t, exact.personId, exact.email, {
      amountCents: 10_000,
      nextChargeOn: '2027-05-01',
    });
    const overPlan = await insertActivePlan(t, over.personId, over.email, {
      amountCents: 10_000,
      nextChargeOn: '2027-05-01',
    });
    expect(await chargeDuePlans(t.ctx, '2027-05-01')).toMatchObject({ charged: 2 });
    expect(await chargeDuePlans(t.ctx, '2027-06-01')).toMatchObject({ charged: 1, stopped: 1 });
    expect(await donorTotal(t.ctx, exact.personId, 'election:1')).toBe(460_000);
    expect((await planState(t, exactPlan)).status).toBe('active');
    expect(await donorTotal(t.ctx, over.personId, 'election:1')).toBe(450_001);
    expect(await planState(t, overPlan)).toMatchObject({ status: 'cap_reached' });
    expect(nbsp((await planState(t, overPlan)).stopped_reason)).toContain('4 600,01 €');
    // The next month would pass it for the first donor too.
    expect(await chargeDuePlans(t.ctx, '2027-07-01')).toMatchObject({ charged: 0, stopped: 1 });
    expect(await planGifts(t, exactPlan)).toHaveLength(2);
    expect((await planState(t, exactPlan)).status).toBe('cap_reached');
  });

  it('retries a declined card, stops after MAX_FAILURES, and starts again with a new card', async () => {
    const { email, personId } = await newDonor();
    const planId = await insertActivePlan(t, personId, email, {
      amountCents: 3_000,
      nextChargeOn: '2027-03-15',
      paymentMethodRef: 'dev_card_declined',
    });
    expect(await chargeDuePlans(t.ctx, '2027-03-15')).toMatchObject({ failed: 1 });
    expect(await planState(t, planId)).toMatchObject({
      status: 'active',
      failures: 1,
      next_charge_on: '2027-03-18',
    });
    expect(await chargeDuePlans(t.ctx, '2027-03-17')).toMatchObject({ failed: 0 });
    expect(await chargeDuePlans(t.ctx, '2027-03-18')).toMatchObject({ failed: 1 });
    expect(await planState(t, planId)).toMatchObject({ failures: 2, next_charge_on: '2027-03-21' });
    expect(MAX_FAILURES).toBe(3);
    expect(await queuedMails(t, 'donation_plan_stopped', email)).toBe(0);
    expect(await chargeDuePlans(t.ctx, '2027-03-21')).toMatchObject({ stopped: 1 });
    expect(await planState(t, planId)).toMatchObject({
      status: 'card_failed',
      failures: 3,
      stopped_reason: 'card_declined',
    });
    expect(await queuedMails(t, 'donation_plan_stopped', email)).toBe(1);
    expect(await chargeDuePlans(t.ctx, '2027-03-28')).toMatchObject({ failed: 0, stopped: 0 });
    const gifts = await planGifts(t, planId);
    expect(gifts.map((g) => [g.status, g.counts])).toEqual([
      ['failed', false],
      ['failed', false],
      ['failed', false],
    ]);
    expect(new Set(gifts.map((g) => g.plan_charge)).size).toBe(3);
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(0);

    // The donor gives another card (the card page's event): the plan resumes.
    await applyPaymentEvent(t.ctx, 'development', {
      kind: 'card_saved',
      eventId: `evt_new_card_${planId}`,
      planId,
      customerRef: `dev_cus_${personId}`,
      paymentMethodRef: 'dev_card_ok',
    });
    expect(await planState(t, planId)).toMatchObject({ status: 'active', failures: 0 });
    expect(await chargeDuePlans(t.ctx, '2027-03-29')).toMatchObject({ charged: 1 });
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(3_000);
    expect((await planState(t, planId)).next_charge_on).toBe('2027-04-15');
  });

  it('never takes a month twice when the run dies between the gift and the charge', async () => {
    const { email, personId } = await newDonor();
    const planId = await insertActivePlan(t, personId, email, {
      amountCents: 2_500,
      nextChargeOn: '2027-03-20',
    });
    const dying = recording(() => Promise.reject(new Error('the process died here')));
    expect(await chargeDuePlans(t.ctx, '2027-03-20', { provider: dying.provider })).toMatchObject({
      skipped: 1,
    });
    const [taken] = await planGifts(t, planId);
    expect(taken).toMatchObject({ status: 'pending', counts: true });

    // Another worker at once: the charge is in the first one's hands.
    const second = recording();
    expect(await chargeDuePlans(t.ctx, '2027-03-20', { provider: second.provider })).toMatchObject({
      skipped: 1,
      charged: 0,
    });
    expect(second.keys).toEqual([]);

    // Past the lease the first worker is taken for dead: the same gift, charged with the same key.
    const now = new Date(Date.now() + (CHARGE_LEASE_MINUTES + 1) * 60_000);
    const third = recording();
    expect(
      await chargeDuePlans(t.ctx, '2027-03-21', { provider: third.provider, now }),
    ).toMatchObject({ charged: 1 });
    expect(third.keys).toEqual(dying.keys);
    expect(third.keys).toEqual([`plan:${planId}:2027-03-20`]);
    const gifts = await planGifts(t, planId);
    expect(gifts).toHaveLength(1);
    expect(gifts[0]).toMatchObject({ id: taken!.id, status: 'succeeded' });
    expect((await planState(t, planId)).next_charge_on).toBe('2027-04-20');
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(2_500);
    expect(await queuedMails(t, 'donation_acknowledgement', email)).toBe(1);
  });

  it('leaves a charge the provider is still processing to its webhook', async () => {
    const { email, personId } = await newDonor();
    const planId = await insertActivePlan(t, personId, email, {
      amountCents: 1_200,
      nextChargeOn: '2027-03-10',
    });
    const processing = recording(async (charge) => ({
      paymentRef: `pi_${charge.donationId}`,
      status: 'pending',
    }));
    expect(
      await chargeDuePlans(t.ctx, '2027-03-10', { provider: processing.provider }),
    ).toMatchObject({ pending: 1 });
    const [gift] = await planGifts(t, planId);
    expect(gift!.status).toBe('pending');
    expect((await planState(t, planId)).next_charge_on).toBe('2027-03-10');
    await applyPaymentEvent(t.ctx, 'development', {
      kind: 'payment_succeeded',
      eventId: `evt_processing_${planId}`,
      paymentRef: `pi_${gift!.id}`,
      chargeRef: `pi_${gift!.id}`,
      donationId: gift!.id,
      amountCents: 1_200,
      savedCard: null,
    });
    // The next run finds the month paid: no new charge, the plan moves on.
    const next = recording();
    expect(await chargeDuePlans(t.ctx, '2027-03-11', { provider: next.provider })).toMatchObject({
      charged: 1,
    });
    expect(next.keys).toEqual([]);
    expect(await planGifts(t, planId)).toHaveLength(1);
    expect((await planState(t, planId)).next_charge_on).toBe('2027-04-10');
    expect(await queuedMails(t, 'donation_acknowledgement', email)).toBe(1);
  });

  it('charges each plan once when two workers run at the same moment', async () => {
    const plans: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { email, personId } = await newDonor();
      plans.push(
        await insertActivePlan(t, personId, email, {
          amountCents: 500,
          nextChargeOn: '2027-08-03',
        }),
      );
    }
    const runs = await Promise.all([
      chargeDuePlans(t.ctx, '2027-08-03'),
      chargeDuePlans(t.ctx, '2027-08-03'),
    ]);
    expect(runs[0]!.charged + runs[1]!.charged).toBe(6);
    for (const planId of plans) {
      const gifts = await planGifts(t, planId);
      expect(gifts.map((g) => g.status)).toEqual(['succeeded']);
      expect((await planState(t, planId)).next_charge_on).toBe('2027-09-03');
    }
  });

  it('stops plans once the collection period is over, and says so', async () => {
    const { email, personId } = await newDonor();
    const planId = await insertActivePlan(t, personId, email, {
      amountCents: 1_000,
      nextChargeOn: '2028-01-02',
      locale: 'en',
    });
    const since = t.smtp.received.length;
    expect(await chargeDuePlans(t.ctx, '2028-01-02')).toMatchObject({ stopped: 1, charged: 0 });
    expect(await planState(t, planId)).toMatchObject({
      status: 'stopped',
      stopped_reason: 'collection_closed',
    });
    expect(await planGifts(t, planId)).toEqual([]);
    const mail = await t.smtp.waitFor(email, (m) => /stopped/.test(m.subject), 10_000, since);
    expect(mail.text).toContain('the collection is closed');
    expect(mail.text).toContain('http://levier.test/me?lang=en');
  });

  it('charges the day’s plans from its scheduled job, in the campaign’s time zone', async () => {
    expect(chargePlansJob.name).toBe('donations.charge-plans');
    expect(chargePlansJob.schedule).toEqual({ cron: '30 7 * * *' });
    const { email, personId } = await newDonor();
    const today = campaignToday(t.ctx);
    const planId = await insertActivePlan(t, personId, email, {
      amountCents: 700,
      nextChargeOn: today,
    });
    await chargePlansJob.run(t.ctx, {}, { id: 'test', retryCount: 0 });
    expect((await planGifts(t, planId)).map((g) => [g.status, g.given_on])).toEqual([
      ['succeeded', today],
    ]);
  });

  it('charges a plan started on the public page with the card saved by its first gift', async () => {
    const visitor = new Browser(t.app, '10.9.3.1');
    const email = 'from-the-page@donors.example';
    const form = giftForm({ amount: '2000', frequency: 'monthly', email });
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const started = await visitor.request('POST', '/donate', form, headers);
    expect(started.statusCode).toBe(303);
    const pay = new URL(started.headers.location as string).pathname;
    expect(
      (await visitor.request('POST', pay, 'outcome=succeed', headers)).headers.location,
    ).toContain('/donate/thanks');
    const [plan] = await t.ctx.database.query<{ id: number; next: string; status: string }>(
      `SELECT id, next_charge_on::text AS next, status FROM donation_plans
        WHERE donor->>'email' = '${email}'`,
    );
    expect(plan!.status).toBe('active');
    expect(await chargeDuePlans(t.ctx, plan!.next)).toMatchObject({ charged: 1 });
    const gifts = await planGifts(t, Number(plan!.id));
    expect(gifts.map((g) => [g.status, g.plan_charge])).toEqual([
      ['succeeded', null],
      ['succeeded', `plan:${plan!.id}:${plan!.next}`],
    ]);
  });
});
