import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedWebhook, startFakeStripe, type FakeStripe } from '../../testing/fake-stripe.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { donorTotal, expirePendingGifts } from './ledger.ts';
import { openCandidateDonations } from './test-fixtures.ts';
import { paymentProvider } from './payments/provider.ts';
import {
  expirePendingGiftsJob,
  listPayouts,
  reconcilePayments,
  reconcilePaymentsJob,
  RECONCILED_UNTIL,
  syncPayouts,
} from './reconcile.ts';
import { readSetting } from '../settings/service.ts';

const WEBHOOK_SECRET = 'whsec_levier_reconcile_test';
const WEBHOOK = '/api/donations/webhooks/stripe';
const job = { id: 'test', retryCount: 0 };

interface Gift {
  id: number;
  status: string;
  counts: boolean;
  review: string | null;
  person_id: number;
  payment_ref: string | null;
  charge_ref: string | null;
  payout_id: number | null;
}

describe.each(engines)('reconciling card payments on %s', (engine) => {
  let t: TestApp;
  let fake: FakeStripe;
  let visitor: Browser;

  beforeAll(async () => {
    fake = await startFakeStripe();
    t = await createTestApp(engine, {
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: `http://${fake.apiBase.host}:${fake.apiBase.port}`,
      DONATION_RATE_LIMIT: '1000',
    });
    const finance = await staffBrowser(t, 'finance@campaign.example', ['finance']);
    await openCandidateDonations(t, finance);
    visitor = new Browser(t.app, '10.9.1.1');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  /** A gift started on the API: its id and the Checkout Session the fake opened for it. */
  async function startGift(email: string, amount = '50', frequency: 'once' | 'monthly' = 'once') {
    const response = await visitor.post('/api/donations/gifts', {
      amount,
      frequency,
      donor: {
        civility: null,
        firstName: 'Alice',
        lastName: 'Bernard',
        addressLine1: '12 rue des Lilas',
        postalCode: '69003',
        commune: 'Lyon',
        email,
      },
      naturalPerson: true,
      frenchOrResident: true,
      locale: 'fr',
    });
    expect(response.statusCode, response.body).toBe(200);
    const { donationId, redirectUrl } = response.json<{
      donationId: number;
      redirectUrl: string;
    }>();
    const session = [...fake.sessions.values()].find((s) => s.url === redirectUrl);
    if (!session) throw new Error(`No Checkout Session behind ${redirectUrl}`);
    return { donationId, session };
  }

  const deliver = (event: unknown, secret = WEBHOOK_SECRET, options = {}) => {
    const { rawBody, headers } = signedWebhook(event, secret, options);
    return t.app.inject({ method: 'POST', url: WEBHOOK, payload: rawBody, headers });
  };

  const gift = async (id: number) =>
    (
      await t.ctx.database.query<Gift>(
        `SELECT id, status, counts, review, person_id, payment_ref, charge_ref, payout_id
           FROM donations WHERE id = ${id}`,
      )
    )[0]!;

  const acknowledgements = async (email: string) =>
    (
      await t.ctx.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'donation_acknowledgement'
           AND to_address = '${email}'`,
      )
    )[0]!.n;

  /** Pays a gift on the fake and delivers Stripe's webhook for it. */
  async function paidGift(email: string, amount = '50') {
    const started = await startGift(email, amount);
    const delivered = await deliver(fake.completeCheckout(started.session.id));
    expect(delivered.statusCode).toBe(200);
    return { ...started, intent: fake.sessions.get(started.session.id)!.payment_intent! };
  }

  it('opens a Checkout for the gift and counts it once the signed webhook says it is paid', async () => {
    const email = 'paid@donors.example';
    const { donationId, session } = await startGift(email, '42,50');
    expect(session).toMatchObject({
      mode: 'payment',
      amount_total: 4_250,
      currency: 'eur',
      customer_email: email,
      metadata: { levier_donation_id: String(donationId) },
    });
    expect(await gift(donationId)).toMatchObject({ status: 'pending', payment_ref: session.id });

    const response = await deliver(fake.completeCheckout(session.id));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, outcome: 'applied' });
    const intent = fake.sessions.get(session.id)!.payment_intent;
    expect(await gift(donationId)).toMatchObject({
      status: 'succeeded',
      counts: true,
      charge_ref: intent,
    });
    expect(await acknowledgements(email)).toBe(1);
  });

  it('rejects forged, changed, unsigned and stale webhooks, and applies a replayed one once', async () => {
    const email = 'forged@donors.example';
    const { donationId, session } = await startGift(email);
    const event = fake.completeCheckout(session.id);
    const rejected = async (response: Awaited<ReturnType<typeof deliver>>) => {
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'webhook_rejected' });
    };

    await rejected(await deliver(event, 'whsec_someone_else'));
    const signed = signedWebhook(event, WEBHOOK_SECRET);
    const tampered = Buffer.from(
      signed.rawBody.toString('utf8').replace('"amount_total":5000', '"amount_total":1'),
    );
    expect(tampered.equals(signed.rawBody)).toBe(false);
    await rejected(
      await t.app.inject({
        method: 'POST',
        url: WEBHOOK,
        payload: tampered,
        headers: signed.headers,
      }),
    );
    await rejected(
      await t.app.inject({
        method: 'POST',
        url: WEBHOOK,
        payload: signed.rawBody,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await rejected(
      await deliver(event, WEBHOOK_SECRET, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
    );
    expect(await gift(donationId)).toMatchObject({ status: 'pending', charge_ref: null });
    expect(await acknowledgements(email)).toBe(0);

    const outcomes = new Map<string, number>();
    for (let i = 0; i < 1_000; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: WEBHOOK,
        payload: signed.rawBody,
        headers: signed.headers,
      });
      expect(response.statusCode).toBe(200);
      const outcome = response.json<{ outcome: string }>().outcome;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ applied: 1, duplicate: 999 });
    expect(await gift(donationId)).toMatchObject({ status: 'succeeded', counts: true });
    expect(await acknowledgements(email)).toBe(1);
  });

  it('recovers a payment that succeeded while the database was down', async () => {
    const email = 'lost@donors.example';
    const { donationId, session } = await startGift(email);
    // The donor pays; Stripe's webhook never reaches Levier.
    const lostWebhook = fake.completeCheckout(session.id);
    const intent = fake.sessions.get(session.id)!.payment_intent!;
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await expirePendingGifts(t.ctx, later)).toBeGreaterThanOrEqual(1);
    const expired = await gift(donationId);
    expect(expired).toMatchObject({ status: 'expired', counts: false });
    expect(await donorTotal(t.ctx, expired.person_id, 'election:1')).toBe(0);

    const first = await reconcilePayments(t.ctx);
    expect(first.recovered).toBe(1);
    expect(first.checked).toBeGreaterThanOrEqual(1);
    const recovered = await gift(donationId);
    expect(recovered).toMatchObject({
      status: 'succeeded',
      counts: true,
      review: null,
      charge_ref: intent,
      payment_ref: session.id,
    });
    expect(await donorTotal(t.ctx, recovered.person_id, 'election:1')).toBe(5_000);
    expect(await acknowledgements(email)).toBe(1);
    expect(await readSetting<string>(t.ctx.database, t.ctx.campaignId, RECONCILED_UNTIL)).toMatch(
      /^\d{4}-\d\d-\d\dT/,
    );

    // Again, from the mark and from an explicit time: nothing more.
    expect((await reconcilePayments(t.ctx)).recovered).toBe(0);
    expect((await reconcilePayments(t.ctx, new Date(Date.now() - 3_600_000))).recovered).toBe(0);
    // Stripe's original webhook, delivered at last: answered, and nothing changes.
    const late = await deliver(lostWebhook);
    expect(late.statusCode).toBe(200);
    expect(late.json()).toEqual({ received: true, outcome: 'ignored' });
    expect(await gift(donationId)).toEqual(recovered);
    expect(await donorTotal(t.ctx, recovered.person_id, 'election:1')).toBe(5_000);
    expect(await acknowledgements(email)).toBe(1);
  });

  it('starts a monthly plan whose first payment is recovered, on the card it kept', async () => {
    const { donationId, session } = await startGift('monthly@donors.example', '20', 'monthly');
    fake.completeCheckout(session.id);
    const intent = fake.paymentIntents.get(fake.sessions.get(session.id)!.payment_intent!)!;
    expect((await reconcilePayments(t.ctx)).recovered).toBe(1);
    const [plan] = await t.ctx.database.query<{
      status: string;
      customer_ref: string;
      payment_method_ref: string;
    }>(
      `SELECT p.status, p.customer_ref, p.payment_method_ref FROM donation_plans p
         JOIN donations d ON d.campaign_id = p.campaign_id AND d.plan_id = p.id
        WHERE d.id = ${donationId}`,
    );
    expect(plan).toEqual({
      status: 'active',
      customer_ref: intent.customer,
      payment_method_ref: intent.payment_method,
    });
  });

  it('marks for a refund a recovered payment that the cap no longer allows', async () => {
    const email = 'overcap@donors.example';
    const lost = await startGift(email, '4000');
    fake.completeCheckout(lost.session.id);
    await expirePendingGifts(t.ctx, new Date(Date.now() + 2 * 3_600_000));
    expect((await gift(lost.donationId)).status).toBe('expired');
    // The room given back, the donor gives again and that payment arrives.
    const second = await paidGift(email, '4000');
    expect((await gift(second.donationId)).status).toBe('succeeded');

    expect((await reconcilePayments(t.ctx)).recovered).toBe(1);
    const revived = await gift(lost.donationId);
    expect(revived).toMatchObject({ status: 'succeeded', counts: true, review: 'over_cap' });
    expect((await gift(second.donationId)).review).toBeNull();
    expect(await donorTotal(t.ctx, revived.person_id, 'election:1')).toBe(800_000);
  });

  it('releases a pending gift whose payment the provider cancelled', async () => {
    const { donationId, session } = await startGift('cancelled@donors.example');
    fake.completeCheckout(session.id);
    const intent = fake.paymentIntents.get(fake.sessions.get(session.id)!.payment_intent!)!;
    // The fake makes no cancelled intents: its store is changed to what Stripe would list.
    Object.assign(intent, { status: 'canceled' });
    const counts = await reconcilePayments(t.ctx, new Date(Date.now() - 3_600_000));
    expect(counts.released).toBe(1);
    expect(await gift(donationId)).toMatchObject({ status: 'failed', counts: false });
    // Once released, the same listing changes nothing.
    expect((await reconcilePayments(t.ctx)).released).toBe(0);
  });

  it('releases the gift when Stripe says it was refunded', async () => {
    const email = 'refunded@donors.example';
    const { donationId, intent } = await paidGift(email);
    const provider = paymentProvider(t.ctx)!;
    await provider.refund(intent, 5_000, `refund-${donationId}`);
    const refundEvent = fake.events.filter((e) => e.type === 'charge.refunded').at(-1)!;
    const response = await deliver(refundEvent);
    expect(response.json()).toEqual({ received: true, outcome: 'applied' });
    const refunded = await gift(donationId);
    expect(refunded).toMatchObject({ status: 'refunded', counts: false });
    expect(await donorTotal(t.ctx, refunded.person_id, 'election:1')).toBe(0);
  });

  it('ties the gifts to the payout that paid them, once, and keeps the lines it does not know', async () => {
    const first = await paidGift('payout1@donors.example', '30');
    const second = await paidGift('payout2@donors.example', '70');
    // A payment that is not one of Levier's gifts (made on the account by hand).
    const stranger = await paymentProvider(t.ctx)!.startCheckout({
      donationId: 987_654_321,
      amountCents: 1_000,
      description: 'Autre',
      email: 'someone@elsewhere.example',
      locale: 'fr',
      successUrl: 'https://elsewhere.example/ok',
      cancelUrl: 'https://elsewhere.example/ko',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    fake.completeCheckout(stranger.paymentRef);
    const strangerIntent = fake.sessions.get(stranger.paymentRef)!.payment_intent!;
    const payout = fake.createPayout({
      paymentIntents: [first.intent, second.intent, strangerIntent],
      arrivalOn: '2026-10-05',
    });

    const since = new Date(Date.now() - 3_600_000);
    expect(await syncPayouts(t.ctx, since)).toEqual({ payouts: 1, matched: 2, unmatched: 1 });
    expect(await syncPayouts(t.ctx, since)).toEqual({ payouts: 1, matched: 2, unmatched: 1 });
    expect(await syncPayouts(t.ctx)).toEqual({ payouts: 1, matched: 2, unmatched: 1 });
    const rows = await t.ctx.database.query<{ id: number }>(
      `SELECT id FROM payouts WHERE payout_ref = '${payout.id}'`,
    );
    expect(rows).toHaveLength(1);
    const payoutId = Number(rows[0]!.id);
    expect(Number((await gift(first.donationId)).payout_id)).toBe(payoutId);
    expect(Number((await gift(second.donationId)).payout_id)).toBe(payoutId);

    const [listed] = (await listPayouts(t.ctx)).filter((p) => p.payoutRef === payout.id);
    expect(listed).toMatchObject({
      id: payoutId,
      provider: 'stripe',
      arrivalOn: '2026-10-05',
      status: 'paid',
      amountCents: payout.amount,
      giftCount: 2,
      giftsCents: 10_000,
      // 1.5% + 0.25 EUR on each of the three payments.
      feeCents: 70 + 130 + 40,
      unmatched: [{ chargeRef: strangerIntent, grossCents: 1_000, feeCents: 40 }],
    });
    // The stranger's payment is listed by reconciliation too, and names no gift: left alone.
    const counts = await reconcilePayments(t.ctx, since);
    expect(counts).toMatchObject({ recovered: 0, released: 0 });
  });

  it('runs both as the hourly job, and does nothing with the development adapter', async () => {
    const { donationId, session } = await startGift('job@donors.example');
    fake.completeCheckout(session.id);
    await reconcilePaymentsJob.run(t.ctx, {}, job);
    expect((await gift(donationId)).status).toBe('succeeded');

    const development = { ...t.ctx, config: { ...t.ctx.config, STRIPE_SECRET_KEY: undefined } };
    expect(paymentProvider(development)?.name).toBe('development');
    expect(await reconcilePayments(development)).toEqual({ checked: 0, recovered: 0, released: 0 });
    expect(await syncPayouts(development)).toEqual({ payouts: 0, matched: 0, unmatched: 0 });
  });

  it('expires the pending gifts past their time every few minutes', async () => {
    const { donationId } = await startGift('expiring@donors.example');
    await t.ctx.database.query(
      `UPDATE donations SET pending_until = now() - interval '1 minute' WHERE id = ${donationId}`,
    );
    await expirePendingGiftsJob.run(t.ctx, {}, job);
    expect(await gift(donationId)).toMatchObject({ status: 'expired', counts: false });
  });
});
