import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../../core/db/statement.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { features, scopeKinds } from '../index.ts';
import { chargeDuePlans } from './plan-charges.ts';
import {
  givenBefore,
  insertActivePlan,
  planGifts,
  planState,
  planTestSettings,
} from './plan-fixtures.ts';
import { openCandidateDonations } from './test-fixtures.ts';
import { registerPlanMail } from './plan-mails.ts';
import { donationPlanRoutes } from './plan-routes.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

/** Mails queued for an address, by kind. */
async function queuedMails(t: TestApp, kind: string, to: string): Promise<number> {
  const [row] = await runSql<{ n: number }>(
    t.ctx.database,
    sql`SELECT count(*)::int AS n FROM mail_outbox
         WHERE campaign_id = ${t.ctx.campaignId} AND kind = ${kind} AND to_address = ${to}`,
  );
  return row!.n;
}

describe.each(engines)("a donor's own monthly gifts on %s", (engine) => {
  let t: TestApp;
  let donor: Browser;
  let donorId: number;
  const email = 'monthly-donor@donors.example';
  beforeAll(async () => {
    t = await createTestApp(
      engine,
      { DONATION_RATE_LIMIT: '1000' },
      // Until features/index.ts lists the plan routes, the test adds them.
      {
        routes: features.includes(donationPlanRoutes)
          ? features
          : [...features, donationPlanRoutes],
        scopes: scopeKinds,
      },
    );
    registerPlanMail(t.ctx);
    const finance = await staffBrowser(t, 'finance@campaign.example', ['finance']);
    await openCandidateDonations(t, finance, planTestSettings);
    ({ browser: donor, personId: donorId } = await supporterBrowser(t, email));
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A monthly gift from the public page (the suggested amount, in cents), its first gift paid. */
  const giveMonthly = async (amount: string) => {
    const visitor = new Browser(t.app, '10.9.4.1');
    const form = new URLSearchParams({
      amount,
      frequency: 'monthly',
      civility: 'Mme',
      firstName: 'Camille',
      lastName: 'Durand',
      addressLine1: '3 quai Saint-Antoine',
      postalCode: '69002',
      commune: 'Lyon',
      country: 'FR',
      email,
      naturalPerson: 'true',
      frenchOrResident: 'true',
      locale: 'fr',
    }).toString();
    const started = await visitor.request('POST', '/donate', form, formHeaders);
    expect(started.statusCode).toBe(303);
    const pay = new URL(started.headers.location as string).pathname;
    await visitor.request('POST', pay, 'outcome=succeed', formHeaders);
    const [plan] = await runSql<{ id: number }>(
      t.ctx.database,
      sql`SELECT id FROM donation_plans WHERE person_id = ${donorId} ORDER BY id DESC LIMIT 1`,
    );
    return Number(plan!.id);
  };

  type Listed = {
    plans: Array<{
      id: number;
      amountCents: number;
      dayOfMonth: number;
      status: string;
      nextChargeOn: string | null;
      stoppedReason: string | null;
      cardOnFile: boolean;
    }>;
    room: { period: string; capCents: number; countedCents: number; leftCents: number } | null;
  };

  it('lists the donor’s plans with what the cap still lets them give, and nobody else’s', async () => {
    const planId = await giveMonthly('2000');
    const other = await supporterBrowser(t, 'someone-else@donors.example');
    await insertActivePlan(t, other.personId, other.email, {
      amountCents: 9_900,
      nextChargeOn: '2027-02-01',
    });
    const listed = await donor.get('/api/me/donation-plans');
    expect(listed.statusCode).toBe(200);
    const body = listed.json() as Listed;
    expect(body.plans).toHaveLength(1);
    const [plan] = body.plans;
    const state = await planState(t, planId);
    expect(plan).toMatchObject({
      id: planId,
      amountCents: 2_000,
      status: 'active',
      nextChargeOn: state.next_charge_on,
      stoppedReason: null,
      cardOnFile: true,
    });
    expect(plan!.dayOfMonth).toBe(Number(state.next_charge_on!.slice(8, 10)));
    expect(body.room).toEqual({
      period: 'election',
      capCents: 460_000,
      countedCents: 2_000,
      leftCents: 458_000,
    });
    expect(((await other.browser.get('/api/me/donation-plans')).json() as Listed).plans).toEqual([
      expect.objectContaining({ amountCents: 9_900 }),
    ]);
  });

  it('changes the amount from the next charge, saying how much room the cap leaves', async () => {
    const planId = await insertActivePlan(t, donorId, email, {
      amountCents: 1_000,
      nextChargeOn: '2027-03-07',
    });
    await givenBefore(t, donorId, 100_000, 'cheque');
    const changed = await donor.put(`/api/me/donation-plans/${planId}`, { amount: '35,50' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      plan: { id: planId, amountCents: 3_550, status: 'active', nextChargeOn: '2027-03-07' },
      room: { countedCents: 102_000, leftCents: 358_000 },
    });
    expect((await planState(t, planId)).amount_cents).toBe(3_550);
    const [event] = await runSql<{ data: Record<string, unknown>; actor_id: number }>(
      t.ctx.database,
      sql`SELECT data, actor_id FROM person_events
           WHERE person_id = ${donorId} AND kind = 'donation_plan' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({
      data: { planId, change: 'amount', fromCents: 1_000, toCents: 3_550 },
    });
    expect(Number(event!.actor_id)).toBe(donorId);
    await chargeDuePlans(t.ctx, '2027-03-07');
    expect((await planGifts(t, planId)).map((g) => g.amount_cents)).toEqual([3_550]);
  });

  it('refuses a bad amount with a field error and changes nothing', async () => {
    const planId = await insertActivePlan(t, donorId, email, {
      amountCents: 1_000,
      nextChargeOn: '2027-09-09',
    });
    for (const amount of ['0', '-5', '12,345', '1e3', 'abc', '99999999999', '0,00']) {
      const refused = await donor.put(`/api/me/donation-plans/${planId}`, { amount });
      expect(refused.statusCode, amount).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'validation_failed',
        errors: [
          {
            field: 'amount',
            code: 'invalid_amount',
            message: 'Indiquez un montant en euros, supérieur à zéro, avec au plus deux décimales.',
          },
        ],
      });
    }
    const english = await donor.put(`/api/me/donation-plans/${planId}`, {
      amount: 'ten',
      locale: 'en',
    });
    expect(english.json().errors[0].message).toMatch(/^Enter an amount in euros/);
    for (const body of [{}, { amount: '' }, { amount: 12 }]) {
      const invalid = await donor.put(`/api/me/donation-plans/${planId}`, body);
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().code).toBe('validation_failed');
    }
    expect((await planState(t, planId)).amount_cents).toBe(1_000);
  });

  it('stops a plan at the donor’s word, once, and charges it no more', async () => {
    const planId = await insertActivePlan(t, donorId, email, {
      amountCents: 1_000,
      nextChargeOn: '2027-10-10',
    });
    const since = t.smtp.received.length;
    const stopped = await donor.post(`/api/me/donation-plans/${planId}/stop`);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json().plan).toMatchObject({
      id: planId,
      status: 'stopped',
      stoppedReason: 'donor',
      nextChargeOn: null,
    });
    const again = await donor.post(`/api/me/donation-plans/${planId}/stop`);
    expect(again.statusCode).toBe(200);
    expect(again.json().plan).toMatchObject({ status: 'stopped', stoppedReason: 'donor' });
    const mail = await t.smtp.waitFor(email, (m) => /arrêté/.test(m.subject), 10_000, since);
    expect(mail.text).toContain('Comme vous l’avez demandé');
    expect(await queuedMails(t, 'donation_plan_stopped', email)).toBe(1);
    await chargeDuePlans(t.ctx, '2027-10-10');
    expect(await planGifts(t, planId)).toEqual([]);
    const amount = await donor.put(`/api/me/donation-plans/${planId}`, { amount: '5' });
    expect(amount.statusCode).toBe(409);
    expect(amount.json().code).toBe('plan_stopped');
    expect((await donor.post(`/api/me/donation-plans/${planId}/card`)).statusCode).toBe(409);
    expect((await planState(t, planId)).amount_cents).toBe(1_000);
  });

  it('sends the donor to the card page, whose new card starts a failing plan again', async () => {
    const planId = await insertActivePlan(t, donorId, email, {
      amountCents: 1_000,
      nextChargeOn: '2027-11-11',
      paymentMethodRef: 'dev_card_declined',
    });
    for (const day of ['2027-11-11', '2027-11-14', '2027-11-17']) await chargeDuePlans(t.ctx, day);
    expect((await planState(t, planId)).status).toBe('card_failed');
    const listed = (await donor.get('/api/me/donation-plans')).json() as Listed;
    expect(listed.plans.find((p) => p.id === planId)).toMatchObject({
      status: 'card_failed',
      stoppedReason: 'card_declined',
      nextChargeOn: null,
    });

    const card = await donor.post(`/api/me/donation-plans/${planId}/card`, { locale: 'fr' });
    expect(card.statusCode).toBe(200);
    const page = new URL(card.json().redirectUrl as string);
    expect(page.origin).toBe('http://levier.test');
    expect(page.pathname).toMatch(/^\/donate\/pay\/dev\/dev_setup_\d+_/);
    expect(page.pathname).toContain(`dev_setup_${planId}_`);
    expect((await donor.get(page.pathname)).statusCode).toBe(200);
    const saved = await donor.request('POST', page.pathname, 'outcome=succeed', formHeaders);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toContain('/me');
    expect(await planState(t, planId)).toMatchObject({ status: 'active', failures: 0 });
    const [row] = await runSql<{ payment_method_ref: string }>(
      t.ctx.database,
      sql`SELECT payment_method_ref FROM donation_plans WHERE id = ${planId}`,
    );
    expect(row!.payment_method_ref).toBe('dev_card_ok');
    await chargeDuePlans(t.ctx, '2027-11-21');
    expect((await planGifts(t, planId)).map((g) => g.status)).toEqual([
      'failed',
      'failed',
      'failed',
      'succeeded',
    ]);
  });

  it('answers 404 for another person’s plan, and changes nothing of it', async () => {
    const other = await supporterBrowser(t, 'third@donors.example');
    const planId = await insertActivePlan(t, other.personId, other.email, {
      amountCents: 4_000,
      nextChargeOn: '2027-12-12',
    });
    const attempts = [
      await donor.put(`/api/me/donation-plans/${planId}`, { amount: '1' }),
      await donor.put(`/api/me/donation-plans/${planId}`, { amount: 'abc' }),
      await donor.post(`/api/me/donation-plans/${planId}/card`),
      await donor.post(`/api/me/donation-plans/${planId}/stop`),
      await donor.post(`/api/me/donation-plans/999999999/stop`),
    ];
    for (const answer of attempts) {
      expect(answer.statusCode).toBe(404);
      expect(answer.json().code).toBe('not_found');
    }
    expect(await planState(t, planId)).toMatchObject({ status: 'active', amount_cents: 4_000 });
  });

  it('asks whoever is not logged in to log in', async () => {
    const visitor = new Browser(t.app, '10.9.5.1');
    await visitor.session();
    const planId = await insertActivePlan(t, donorId, email, {
      amountCents: 1_000,
      nextChargeOn: '2027-12-20',
    });
    const answers = [
      await visitor.get('/api/me/donation-plans'),
      await visitor.put(`/api/me/donation-plans/${planId}`, { amount: '5' }),
      await visitor.post(`/api/me/donation-plans/${planId}/card`),
      await visitor.post(`/api/me/donation-plans/${planId}/stop`),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401]);
    expect((await planState(t, planId)).status).toBe('active');
  });
});
