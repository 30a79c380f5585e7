import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedWebhook, startFakeStripe, type FakeStripe } from '../../../testing/fake-stripe.ts';
import { WebhookRejected, type CheckoutRequest, type PaymentProvider } from './port.ts';
import { clampCheckoutExpiry, createStripeProvider } from './stripe.ts';

const WEBHOOK_SECRET = 'whsec_levier_test_secret';
const MINUTE = 60_000;

let fake: FakeStripe;
let provider: PaymentProvider;
let nextDonationId = 1000;

beforeAll(async () => {
  fake = await startFakeStripe();
  provider = createStripeProvider({
    secretKey: fake.secretKey,
    webhookSecret: WEBHOOK_SECRET,
    apiBase: fake.apiBase,
  });
});

afterEach(() => {
  fake.setNow(new Date());
  fake.setMaxPageSize(100);
});

afterAll(async () => {
  await fake.close();
});

function checkoutRequest(overrides: Partial<CheckoutRequest> = {}): CheckoutRequest {
  return {
    donationId: ++nextDonationId,
    amountCents: 2500,
    description: 'Don à la campagne',
    email: 'donatrice@example.org',
    locale: 'fr',
    successUrl: 'https://levier.example/don/merci?ref={ref}',
    cancelUrl: 'https://levier.example/don/annule?ref={ref}',
    expiresAt: new Date(Date.now() + 60 * MINUTE),
    ...overrides,
  };
}

function deliver(event: unknown) {
  const { rawBody, headers } = signedWebhook(event, WEBHOOK_SECRET);
  return provider.readWebhook(rawBody, headers);
}

function lastSessionRequest() {
  const sent = fake.requestsTo('POST', '/v1/checkout/sessions').at(-1);
  if (!sent) throw new Error('No Checkout Session was created');
  return sent.params;
}

/** A plan's first gift paid on Checkout, its card kept: what later charges use. */
async function savedCardOfPlan(planId: number) {
  const checkout = await provider.startCheckout(
    checkoutRequest({ savedFor: { planId, customerRef: null } }),
  );
  const event = await deliver(fake.completeCheckout(checkout.paymentRef));
  if (event.kind !== 'payment_succeeded' || !event.savedCard) {
    throw new Error(`Expected a saved card, got ${JSON.stringify(event)}`);
  }
  return event.savedCard;
}

describe('checkout', () => {
  it('asks Stripe for a one-off gift in euro cents with the donation in the metadata', async () => {
    const request = checkoutRequest({ amountCents: 4200, locale: 'en' });
    const checkout = await provider.startCheckout(request);

    const params = lastSessionRequest();
    expect(params).toMatchObject({
      mode: 'payment',
      submit_type: 'donate',
      allowed_payment_method_types: ['card'],
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'eur',
            unit_amount: '4200',
            product_data: { name: 'Don à la campagne' },
          },
        },
      ],
      customer_email: 'donatrice@example.org',
      locale: 'en',
      success_url: 'https://levier.example/don/merci?ref={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://levier.example/don/annule?ref=',
      client_reference_id: String(request.donationId),
      metadata: { levier_donation_id: String(request.donationId) },
      payment_intent_data: {
        description: 'Don à la campagne',
        metadata: { levier_donation_id: String(request.donationId) },
      },
    });
    expect(params).not.toHaveProperty('customer');
    expect(params.payment_intent_data).not.toHaveProperty('setup_future_usage');
    expect(fake.requestsTo('POST', '/v1/customers')).toHaveLength(0);

    const session = fake.sessions.get(checkout.paymentRef);
    expect(session?.amount_total).toBe(4200);
    expect(checkout.redirectUrl).toBe(session?.url);
    expect(checkout.expiresAt.getTime()).toBe((session?.expires_at ?? 0) * 1000);
    // Within Stripe's range, the requested time is kept (to the second above).
    expect(Math.abs(checkout.expiresAt.getTime() - request.expiresAt.getTime())).toBeLessThan(1000);
  });

  it('creates a Customer and keeps the card off-session for the first gift of a monthly plan', async () => {
    const request = checkoutRequest({ savedFor: { planId: 77, customerRef: null } });
    await provider.startCheckout(request);

    const customerRequest = fake.requestsTo('POST', '/v1/customers').at(-1);
    expect(customerRequest?.params).toEqual({
      email: 'donatrice@example.org',
      metadata: { levier_plan_id: '77' },
    });
    const customer = [...fake.customers.values()].at(-1);
    const metadata = { levier_donation_id: String(request.donationId), levier_plan_id: '77' };
    const params = lastSessionRequest();
    expect(params).toMatchObject({
      customer: customer?.id,
      metadata,
      payment_intent_data: { metadata, setup_future_usage: 'off_session' },
    });
    expect(params).not.toHaveProperty('customer_email');
  });

  it("reuses the plan's Customer when it has one", async () => {
    const customersBefore = fake.customers.size;
    const { customerRef } = await savedCardOfPlan(78);
    await provider.startCheckout(checkoutRequest({ savedFor: { planId: 78, customerRef } }));

    expect(fake.customers.size).toBe(customersBefore + 1);
    expect(lastSessionRequest()).toMatchObject({
      customer: customerRef,
      payment_intent_data: { setup_future_usage: 'off_session' },
    });
  });

  it('moves an expiry Stripe would refuse into 30 minutes .. 24 hours, and says when it is', async () => {
    const soon = await provider.startCheckout(
      checkoutRequest({ expiresAt: new Date(Date.now() + 5 * MINUTE) }),
    );
    const soonSent = Number(lastSessionRequest().expires_at) * 1000;
    expect(soonSent).toBeGreaterThanOrEqual(Date.now() + 30 * MINUTE);
    expect(soonSent).toBeLessThanOrEqual(Date.now() + 32 * MINUTE);
    expect(soon.expiresAt.getTime()).toBe(soonSent);

    const late = await provider.startCheckout(
      checkoutRequest({ expiresAt: new Date(Date.now() + 3 * 24 * 60 * MINUTE) }),
    );
    const lateSent = Number(lastSessionRequest().expires_at) * 1000;
    expect(lateSent).toBeLessThanOrEqual(Date.now() + 24 * 60 * MINUTE);
    expect(lateSent).toBeGreaterThan(Date.now() + 23 * 60 * MINUTE);
    expect(late.expiresAt.getTime()).toBe(lateSent);
  });

  it('clamps expiries as a pure function', () => {
    const now = new Date('2027-03-01T10:00:00Z');
    expect(clampCheckoutExpiry(new Date('2027-03-01T10:05:00Z'), now)).toEqual(
      new Date('2027-03-01T10:31:00Z'),
    );
    expect(clampCheckoutExpiry(new Date('2027-03-01T12:00:00.400Z'), now)).toEqual(
      new Date('2027-03-01T12:00:01Z'),
    );
    expect(clampCheckoutExpiry(new Date('2027-03-05T10:00:00Z'), now)).toEqual(
      new Date('2027-03-02T09:59:00Z'),
    );
  });

  it("opens a setup session for a plan's new card", async () => {
    const { customerRef } = await savedCardOfPlan(90);
    const checkout = await provider.setupCard({
      planId: 90,
      customerRef,
      email: 'donatrice@example.org',
      locale: 'fr',
      successUrl: 'https://levier.example/plan/carte?ref={ref}',
      cancelUrl: 'https://levier.example/plan',
    });

    expect(lastSessionRequest()).toEqual({
      mode: 'setup',
      currency: 'eur',
      allowed_payment_method_types: ['card'],
      customer: customerRef,
      locale: 'fr',
      success_url: 'https://levier.example/plan/carte?ref={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://levier.example/plan',
      metadata: { levier_plan_id: '90' },
      setup_intent_data: { metadata: { levier_plan_id: '90' } },
    });
    expect(fake.sessions.get(checkout.paymentRef)?.mode).toBe('setup');
  });
});

describe('webhook verification', () => {
  const event = () => ({
    id: 'evt_verification',
    object: 'event',
    type: 'customer.created',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: 'cus_x', object: 'customer' } },
  });

  it('accepts a body signed with the webhook secret', async () => {
    await expect(deliver(event())).resolves.toEqual({
      kind: 'ignored',
      eventId: 'evt_verification',
      type: 'customer.created',
    });
  });

  it('accepts the header under any letter case', async () => {
    const { rawBody, headers } = signedWebhook(event(), WEBHOOK_SECRET);
    await expect(
      provider.readWebhook(rawBody, { 'Stripe-Signature': headers['stripe-signature'] }),
    ).resolves.toMatchObject({ kind: 'ignored' });
  });

  it('rejects a body signed with another secret', async () => {
    const { rawBody, headers } = signedWebhook(event(), 'whsec_someone_else');
    await expect(provider.readWebhook(rawBody, headers)).rejects.toBeInstanceOf(WebhookRejected);
  });

  it('rejects a body changed after it was signed', async () => {
    const { rawBody, headers } = signedWebhook(event(), WEBHOOK_SECRET);
    const tampered = Buffer.from(rawBody.toString('utf8').replace('cus_x', 'cus_y'), 'utf8');
    await expect(provider.readWebhook(tampered, headers)).rejects.toBeInstanceOf(WebhookRejected);
  });

  it('rejects a request without a signature header', async () => {
    const { rawBody } = signedWebhook(event(), WEBHOOK_SECRET);
    const rejection = provider.readWebhook(rawBody, { 'content-type': 'application/json' });
    await expect(rejection).rejects.toBeInstanceOf(WebhookRejected);
    await expect(rejection).rejects.toMatchObject({ code: 'webhook_rejected' });
  });

  it('rejects a repeated or malformed signature header', async () => {
    const { rawBody, headers } = signedWebhook(event(), WEBHOOK_SECRET);
    const signature = headers['stripe-signature'];
    await expect(
      provider.readWebhook(rawBody, { 'stripe-signature': [signature, signature] }),
    ).rejects.toBeInstanceOf(WebhookRejected);
    await expect(
      provider.readWebhook(rawBody, { 'stripe-signature': 'not a signature' }),
    ).rejects.toBeInstanceOf(WebhookRejected);
  });

  it('rejects a signature older than five minutes, and takes one of a few minutes', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = signedWebhook(event(), WEBHOOK_SECRET, { timestamp: now - 301 });
    await expect(provider.readWebhook(old.rawBody, old.headers)).rejects.toBeInstanceOf(
      WebhookRejected,
    );
    const recent = signedWebhook(event(), WEBHOOK_SECRET, { timestamp: now - 200 });
    await expect(provider.readWebhook(recent.rawBody, recent.headers)).resolves.toMatchObject({
      kind: 'ignored',
    });
  });
});

describe('events', () => {
  it('reads a paid one-off checkout as a payment of the session, charged by its PaymentIntent', async () => {
    const request = checkoutRequest({ amountCents: 3000 });
    const checkout = await provider.startCheckout(request);
    const completed = fake.completeCheckout(checkout.paymentRef);
    const intentId = fake.sessions.get(checkout.paymentRef)?.payment_intent;

    await expect(deliver(completed)).resolves.toEqual({
      kind: 'payment_succeeded',
      eventId: completed.id,
      paymentRef: checkout.paymentRef,
      chargeRef: intentId,
      donationId: request.donationId,
      amountCents: 3000,
      savedCard: null,
    });
  });

  it("ignores the PaymentIntent events of a checkout, which the session's event reports", async () => {
    const checkout = await provider.startCheckout(
      checkoutRequest({ savedFor: { planId: 5, customerRef: null } }),
    );
    fake.completeCheckout(checkout.paymentRef);
    const intentEvent = fake.events.find(
      (e) =>
        e.type === 'payment_intent.succeeded' &&
        (e.data.object as { id: string }).id ===
          fake.sessions.get(checkout.paymentRef)?.payment_intent,
    );
    await expect(deliver(intentEvent)).resolves.toEqual({
      kind: 'ignored',
      eventId: intentEvent?.id,
      type: 'payment_intent.succeeded',
    });
  });

  it("gives the saved card of a plan's first gift, read from its PaymentIntent", async () => {
    const request = checkoutRequest({ savedFor: { planId: 12, customerRef: null } });
    const checkout = await provider.startCheckout(request);
    const completed = fake.completeCheckout(checkout.paymentRef);
    const session = fake.sessions.get(checkout.paymentRef);
    const intent = fake.paymentIntents.get(session?.payment_intent ?? '');

    const event = await deliver(completed);
    expect(event).toEqual({
      kind: 'payment_succeeded',
      eventId: completed.id,
      paymentRef: checkout.paymentRef,
      chargeRef: intent?.id,
      donationId: request.donationId,
      amountCents: 2500,
      savedCard: {
        planId: 12,
        customerRef: session?.customer,
        paymentMethodRef: intent?.payment_method,
      },
    });
    expect(intent?.setup_future_usage).toBe('off_session');
    expect(fake.requestsTo('GET', `/v1/payment_intents/${intent?.id}`)).toHaveLength(1);
  });

  it('reads a refused asynchronous payment as a failure, and its unpaid completion as nothing yet', async () => {
    const request = checkoutRequest();
    const checkout = await provider.startCheckout(request);
    const failed = fake.completeCheckout(checkout.paymentRef, 'failed');
    const unpaidCompletion = fake.events.at(-2);

    await expect(deliver(unpaidCompletion)).resolves.toEqual({
      kind: 'ignored',
      eventId: unpaidCompletion?.id,
      type: 'checkout.session.completed',
    });
    await expect(deliver(failed)).resolves.toEqual({
      kind: 'payment_failed',
      eventId: failed.id,
      paymentRef: checkout.paymentRef,
      donationId: request.donationId,
      reason: 'async_payment_failed',
    });
  });

  it('reads an expired checkout', async () => {
    const request = checkoutRequest();
    const checkout = await provider.startCheckout(request);
    const expired = fake.expireCheckout(checkout.paymentRef);

    await expect(deliver(expired)).resolves.toEqual({
      kind: 'checkout_expired',
      eventId: expired.id,
      paymentRef: checkout.paymentRef,
      donationId: request.donationId,
    });
  });

  it("reads a completed setup session as the plan's new card, from its SetupIntent", async () => {
    const { customerRef } = await savedCardOfPlan(31);
    const checkout = await provider.setupCard({
      planId: 31,
      customerRef,
      email: 'donatrice@example.org',
      locale: 'fr',
      successUrl: 'https://levier.example/plan/carte',
      cancelUrl: 'https://levier.example/plan',
    });
    const completed = fake.completeCheckout(checkout.paymentRef);
    const setupIntent = fake.setupIntents.get(
      fake.sessions.get(checkout.paymentRef)?.setup_intent ?? '',
    );

    await expect(deliver(completed)).resolves.toEqual({
      kind: 'card_saved',
      eventId: completed.id,
      planId: 31,
      customerRef,
      paymentMethodRef: setupIntent?.payment_method,
    });
    expect(fake.requestsTo('GET', `/v1/setup_intents/${setupIntent?.id}`)).toHaveLength(1);
  });

  it('reads the outcome of off-session charges from their PaymentIntent events', async () => {
    const card = await savedCardOfPlan(40);
    const charged = await provider.chargeSavedCard({
      donationId: 4001,
      planId: 40,
      amountCents: 1500,
      customerRef: card.customerRef,
      paymentMethodRef: card.paymentMethodRef,
      description: 'Don mensuel',
      idempotencyKey: 'plan-40-2027-04',
    });
    const succeeded = fake.events.at(-1);
    await expect(deliver(succeeded)).resolves.toEqual({
      kind: 'payment_succeeded',
      eventId: succeeded?.id,
      paymentRef: charged.paymentRef,
      chargeRef: charged.paymentRef,
      donationId: 4001,
      amountCents: 1500,
      savedCard: null,
    });

    fake.declineCard(card.paymentMethodRef, 'card_declined', 'expired_card');
    const refused = await provider.chargeSavedCard({
      donationId: 4002,
      planId: 40,
      amountCents: 1500,
      customerRef: card.customerRef,
      paymentMethodRef: card.paymentMethodRef,
      description: 'Don mensuel',
      idempotencyKey: 'plan-40-2027-05',
    });
    const failed = fake.events.at(-1);
    expect(failed?.type).toBe('payment_intent.payment_failed');
    await expect(deliver(failed)).resolves.toEqual({
      kind: 'payment_failed',
      eventId: failed?.id,
      paymentRef: refused.paymentRef,
      donationId: 4002,
      reason: 'expired_card',
    });
  });

  it('reads a refund as the total refunded on the PaymentIntent', async () => {
    const request = checkoutRequest({ amountCents: 5000 });
    const checkout = await provider.startCheckout(request);
    fake.completeCheckout(checkout.paymentRef);
    const intentId = fake.sessions.get(checkout.paymentRef)?.payment_intent ?? '';

    await provider.refund(intentId, 2000, `refund-${request.donationId}-1`);
    const first = fake.events.at(-1);
    await provider.refund(intentId, 1000, `refund-${request.donationId}-2`);
    const second = fake.events.at(-1);

    await expect(deliver(first)).resolves.toEqual({
      kind: 'refunded',
      eventId: first?.id,
      chargeRef: intentId,
      donationId: request.donationId,
      amountCents: 2000,
    });
    await expect(deliver(second)).resolves.toMatchObject({ kind: 'refunded', amountCents: 3000 });

    // A charge without Levier's metadata: the donation is read from its PaymentIntent.
    const charge = [...fake.charges.values()].find((c) => c.payment_intent === intentId);
    if (!charge) throw new Error('The fake made no charge');
    const bare = fake.event('charge.refunded', { ...charge, metadata: {} });
    await expect(deliver(bare)).resolves.toMatchObject({
      kind: 'refunded',
      chargeRef: intentId,
      donationId: request.donationId,
    });
  });

  it('ignores the events Levier does not use', async () => {
    const event = fake.event('payout.paid', { id: 'po_x', object: 'payout', created: 1 });
    await expect(deliver(event)).resolves.toEqual({
      kind: 'ignored',
      eventId: event.id,
      type: 'payout.paid',
    });
  });
});

describe('saved-card charges', () => {
  it('charges the saved card off-session under the given idempotency key', async () => {
    const card = await savedCardOfPlan(50);
    const outcome = await provider.chargeSavedCard({
      donationId: 5001,
      planId: 50,
      amountCents: 2000,
      customerRef: card.customerRef,
      paymentMethodRef: card.paymentMethodRef,
      description: 'Don mensuel',
      idempotencyKey: 'plan-50-2027-04',
    });

    expect(outcome).toEqual({ paymentRef: expect.stringMatching(/^pi_/), status: 'succeeded' });
    const sent = fake.requestsTo('POST', '/v1/payment_intents').at(-1);
    expect(sent?.idempotencyKey).toBe('plan-50-2027-04');
    expect(sent?.params).toEqual({
      amount: '2000',
      currency: 'eur',
      customer: card.customerRef,
      payment_method: card.paymentMethodRef,
      off_session: 'true',
      confirm: 'true',
      description: 'Don mensuel',
      metadata: { levier_donation_id: '5001', levier_plan_id: '50', levier_charge: 'off_session' },
    });
  });

  it('takes a retried charge once: the same key gives the same PaymentIntent', async () => {
    const card = await savedCardOfPlan(51);
    const charge = {
      donationId: 5101,
      planId: 51,
      amountCents: 2000,
      customerRef: card.customerRef,
      paymentMethodRef: card.paymentMethodRef,
      description: 'Don mensuel',
      idempotencyKey: 'plan-51-2027-04',
    };
    const first = await provider.chargeSavedCard(charge);
    const second = await provider.chargeSavedCard(charge);

    expect(second).toEqual(first);
    const intents = [...fake.paymentIntents.values()].filter(
      (intent) => intent.metadata.levier_donation_id === '5101',
    );
    expect(intents).toHaveLength(1);
  });

  it('answers a declined card with a failure, once, however often it is retried', async () => {
    const card = await savedCardOfPlan(52);
    fake.declineCard(card.paymentMethodRef);
    const charge = {
      donationId: 5201,
      planId: 52,
      amountCents: 2000,
      customerRef: card.customerRef,
      paymentMethodRef: card.paymentMethodRef,
      description: 'Don mensuel',
      idempotencyKey: 'plan-52-2027-04',
    };
    const first = await provider.chargeSavedCard(charge);
    const second = await provider.chargeSavedCard(charge);

    expect(first).toEqual({
      paymentRef: expect.stringMatching(/^pi_/),
      status: 'failed',
      failure: 'insufficient_funds',
    });
    expect(second).toEqual(first);
    const intents = [...fake.paymentIntents.values()].filter(
      (intent) => intent.metadata.levier_donation_id === '5201',
    );
    expect(intents).toHaveLength(1);
    expect(intents[0]?.id).toBe(first.paymentRef);
  });

  it('answers a card whose bank wants the donor present with a failure', async () => {
    const card = await savedCardOfPlan(53);
    fake.declineCard(card.paymentMethodRef, 'authentication_required');
    const outcome = await provider.chargeSavedCard({
      donationId: 5301,
      planId: 53,
      amountCents: 2000,
      customerRef: card.customerRef,
      paymentMethodRef: card.paymentMethodRef,
      description: 'Don mensuel',
      idempotencyKey: 'plan-53-2027-04',
    });
    expect(outcome).toMatchObject({ status: 'failed', failure: 'authentication_required' });
  });

  it('retries through a Stripe outage with the same key, and charges once', async () => {
    const card = await savedCardOfPlan(54);
    fake.failNextRequests(1);
    const outcome = await provider.chargeSavedCard({
      donationId: 5401,
      planId: 54,
      amountCents: 2000,
      customerRef: card.customerRef,
      paymentMethodRef: card.paymentMethodRef,
      description: 'Don mensuel',
      idempotencyKey: 'plan-54-2027-04',
    });

    expect(outcome.status).toBe('succeeded');
    const attempts = fake.requestsTo('POST', '/v1/payment_intents').slice(-2);
    expect(attempts.map((a) => a.idempotencyKey)).toEqual(['plan-54-2027-04', 'plan-54-2027-04']);
    expect(
      [...fake.paymentIntents.values()].filter((i) => i.metadata.levier_donation_id === '5401'),
    ).toHaveLength(1);
  });

  it('throws on errors that are not the card’s, such as an unknown customer', async () => {
    await expect(
      provider.chargeSavedCard({
        donationId: 5501,
        planId: 55,
        amountCents: 2000,
        customerRef: 'cus_unknown',
        paymentMethodRef: 'pm_unknown',
        description: 'Don mensuel',
        idempotencyKey: 'plan-55-2027-04',
      }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });
});

describe('refunds', () => {
  it('refunds part of a payment under the idempotency key, once', async () => {
    const checkout = await provider.startCheckout(checkoutRequest({ amountCents: 6000 }));
    fake.completeCheckout(checkout.paymentRef);
    const intentId = fake.sessions.get(checkout.paymentRef)?.payment_intent ?? '';

    const first = await provider.refund(intentId, 2500, 'refund-key-1');
    const again = await provider.refund(intentId, 2500, 'refund-key-1');

    expect(first.refundRef).toMatch(/^re_/);
    expect(again).toEqual(first);
    expect(fake.requestsTo('POST', '/v1/refunds').at(-1)).toMatchObject({
      params: { payment_intent: intentId, amount: '2500' },
      idempotencyKey: 'refund-key-1',
    });
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === intentId)).toHaveLength(1);
    const charge = [...fake.charges.values()].find((c) => c.payment_intent === intentId);
    expect(charge?.amount_refunded).toBe(2500);
  });
});

describe('reconciliation', () => {
  async function chargeAt(at: string, card: { customerRef: string; paymentMethodRef: string }) {
    fake.setNow(new Date(at));
    const donationId = ++nextDonationId;
    const outcome = await provider.chargeSavedCard({
      donationId,
      planId: 60,
      amountCents: 1000 + donationId,
      customerRef: card.customerRef,
      paymentMethodRef: card.paymentMethodRef,
      description: 'Don mensuel',
      idempotencyKey: `reconciliation-${donationId}`,
    });
    return { ...outcome, donationId, amountCents: 1000 + donationId };
  }

  it('lists the payments since a time, oldest first, across several pages', async () => {
    const card = await savedCardOfPlan(60);
    const before = await chargeAt('2031-01-01T08:59:59Z', card);
    const a = await chargeAt('2031-01-01T09:00:00Z', card);
    const b = await chargeAt('2031-01-01T10:00:00Z', card);
    const c = await chargeAt('2031-01-01T10:00:00Z', card);
    fake.declineCard(card.paymentMethodRef);
    const d = await chargeAt('2031-01-02T10:00:00Z', card);
    fake.setMaxPageSize(2);
    const listsBefore = fake.requestsTo('GET', '/v1/payment_intents').length;

    const payments = [];
    for await (const payment of provider.paymentsSince(new Date('2031-01-01T09:00:00Z'))) {
      payments.push(payment);
    }

    expect(before.status).toBe('succeeded');
    expect(payments).toEqual(
      [a, b, c, d].map((charge, index) => ({
        chargeRef: charge.paymentRef,
        donationId: charge.donationId,
        amountCents: charge.amountCents,
        status: index === 3 ? 'failed' : 'succeeded',
        createdAt: new Date(
          [
            '2031-01-01T09:00:00Z',
            '2031-01-01T10:00:00Z',
            '2031-01-01T10:00:00Z',
            '2031-01-02T10:00:00Z',
          ][index] ?? '',
        ),
      })),
    );
    const pages = fake.requestsTo('GET', '/v1/payment_intents').slice(listsBefore);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.params).toEqual({
      created: { gte: String(Date.parse('2031-01-01T09:00:00Z') / 1000) },
      limit: '100',
    });
    expect(pages[1]?.params.starting_after).toBe(c.paymentRef);
  });

  it('lists the payouts since a time with their payments and refunds', async () => {
    const card = await savedCardOfPlan(61);
    fake.setNow(new Date('2032-03-01T12:00:00Z'));
    fake.createPayout({ paymentIntents: [], arrivalOn: '2032-03-03' });
    const first = await chargeAt('2032-03-02T09:00:00Z', card);
    const second = await chargeAt('2032-03-02T10:00:00Z', card);
    const refunded = await provider.refund(first.paymentRef, 500, 'payout-refund');
    fake.setNow(new Date('2032-03-03T12:00:00Z'));
    const payout = fake.createPayout({
      paymentIntents: [first.paymentRef, second.paymentRef],
      refunds: [refunded.refundRef],
      arrivalOn: '2032-03-05',
      status: 'in_transit',
    });
    fake.setMaxPageSize(2);

    const found = [];
    for await (const item of provider.payoutsSince(new Date('2032-03-02T00:00:00Z'))) {
      found.push(item);
    }

    const fee = (amount: number) => Math.round(amount * 0.015) + 25;
    const lines = [
      {
        chargeRef: first.paymentRef,
        grossCents: first.amountCents,
        feeCents: fee(first.amountCents),
      },
      {
        chargeRef: second.paymentRef,
        grossCents: second.amountCents,
        feeCents: fee(second.amountCents),
      },
      { chargeRef: first.paymentRef, grossCents: -500, feeCents: 0 },
    ];
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual({
      payoutRef: payout.id,
      arrivalOn: '2032-03-05',
      amountCents: lines.reduce((sum, line) => sum + line.grossCents - line.feeCents, 0),
      status: 'in_transit',
      lines: expect.arrayContaining(lines) as unknown,
    });
    expect(found[0]?.lines).toHaveLength(3);
    expect(fake.requestsTo('GET', '/v1/balance_transactions').at(-1)?.params).toMatchObject({
      payout: payout.id,
      expand: ['data.source'],
    });
  });
});
