/**
 * The Stripe adapter of the payment port (docs/payments.md). Stripe only moves money: gifts are
 * paid on Stripe Checkout, a monthly plan's later gifts are charged off-session on the saved
 * card by Levier's own scheduler after its cap check (never Stripe Subscriptions), and webhooks
 * are verified by the library before they are read.
 */
import Stripe from 'stripe';
import {
  WebhookRejected,
  type CardSetupRequest,
  type ChargeOutcome,
  type Checkout,
  type CheckoutRequest,
  type PaymentEvent,
  type PaymentProvider,
  type ProviderPayment,
  type ProviderPayout,
  type SavedCardCharge,
} from './port.ts';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Tests point the library at a local fake server; production leaves Stripe's own. */
  apiBase?: { host: string; port: number; protocol: 'http' | 'https' };
}

const CURRENCY = 'eur';

/** Metadata keys Levier writes on Stripe objects, and reads back from events. */
export const METADATA = {
  donation: 'levier_donation_id',
  plan: 'levier_plan_id',
  /** Set on the off-session charges of a plan only: see `readPaymentIntentEvent`. */
  charge: 'levier_charge',
} as const;
export const OFF_SESSION_CHARGE = 'off_session';

// Stripe takes expires_at from 30 minutes to 24 hours after the session's creation; one minute
// of margin each side covers the request's travel and a clock that is slightly off.
const MIN_CHECKOUT_LIFETIME_MS = 31 * 60_000;
const MAX_CHECKOUT_LIFETIME_MS = 24 * 60 * 60_000 - 60_000;

/** The request's expiry moved into the range Stripe accepts, in whole seconds. */
export function clampCheckoutExpiry(requested: Date, now: Date): Date {
  const earliest = now.getTime() + MIN_CHECKOUT_LIFETIME_MS;
  const latest = now.getTime() + MAX_CHECKOUT_LIFETIME_MS;
  const clamped = Math.min(Math.max(requested.getTime(), earliest), latest);
  return new Date(Math.ceil(clamped / 1000) * 1000);
}

/** Stripe fills `{CHECKOUT_SESSION_ID}` in the success URL only; the cancel URL loses `{ref}`. */
const REF_PLACEHOLDER = /\{ref\}|%7Bref%7D/gi;
function successUrlFor(url: string): string {
  return url.replace(REF_PLACEHOLDER, '{CHECKOUT_SESSION_ID}');
}
function cancelUrlFor(url: string): string {
  return url.replace(REF_PLACEHOLDER, '');
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value == null) return null;
  return typeof value === 'string' ? value : value.id;
}

function numberFrom(metadata: Stripe.Metadata | null | undefined, key: string): number | null {
  const raw = metadata?.[key];
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function dayOfUnix(seconds: number): string {
  // Stripe gives a payout's arrival date as midnight UTC of that day: read it in UTC, not in the
  // campaign's time zone, or it could move to the day before.
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function failureOf(error: Stripe.PaymentIntent.LastPaymentError | null | undefined): string {
  return error?.decline_code || error?.code || error?.message || 'payment_failed';
}

function paymentStatus(intent: Stripe.PaymentIntent): ProviderPayment['status'] {
  switch (intent.status) {
    case 'succeeded':
      return 'succeeded';
    case 'canceled':
      return 'canceled';
    case 'requires_payment_method':
      // A new intent waits for its first card; one whose card was refused has failed.
      return intent.last_payment_error ? 'failed' : 'pending';
    default:
      return 'pending';
  }
}

/** The card a plan's first gift kept on Checkout (reconciliation reads it as a webhook would). */
function savedCardOf(intent: Stripe.PaymentIntent): ProviderPayment['savedCard'] {
  const planId = numberFrom(intent.metadata, METADATA.plan);
  const customerRef = idOf(intent.customer);
  const paymentMethodRef = idOf(intent.payment_method);
  if (intent.setup_future_usage !== 'off_session' || planId === null) return undefined;
  if (!customerRef || !paymentMethodRef) return undefined;
  return { planId, customerRef, paymentMethodRef };
}

const PAYOUT_STATUSES: ReadonlyArray<ProviderPayout['status']> = [
  'paid',
  'pending',
  'in_transit',
  'failed',
  'canceled',
];
function payoutStatus(status: string): ProviderPayout['status'] {
  const known = PAYOUT_STATUSES.find((candidate) => candidate === status);
  if (!known) throw new Error(`Unknown Stripe payout status: ${status}`);
  return known;
}

export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(options.apiBase
      ? {
          host: options.apiBase.host,
          port: options.apiBase.port,
          protocol: options.apiBase.protocol,
        }
      : {}),
  });

  async function customerFor(
    customerRef: string | null,
    email: string,
    planId: number,
    idempotencyKey?: string,
  ): Promise<string> {
    if (customerRef) return customerRef;
    const customer = await stripe.customers.create(
      { email, metadata: { [METADATA.plan]: String(planId) } },
      idempotencyKey ? { idempotencyKey } : {},
    );
    return customer.id;
  }

  function checkoutOf(session: Stripe.Checkout.Session): Checkout {
    if (!session.url) throw new Error(`Stripe gave Checkout Session ${session.id} no URL`);
    return {
      paymentRef: session.id,
      redirectUrl: session.url,
      expiresAt: new Date(session.expires_at * 1000),
    };
  }

  async function startCheckout(request: CheckoutRequest): Promise<Checkout> {
    const metadata: Record<string, string> = { [METADATA.donation]: String(request.donationId) };
    let customer: string | undefined;
    if (request.savedFor) {
      metadata[METADATA.plan] = String(request.savedFor.planId);
      customer = await customerFor(
        request.savedFor.customerRef,
        request.email,
        request.savedFor.planId,
        // A retried checkout of one gift finds the Customer its first try created.
        `levier-customer-donation-${request.donationId}`,
      );
    }
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      submit_type: 'donate',
      allowed_payment_method_types: ['card'],
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: CURRENCY,
            unit_amount: request.amountCents,
            product_data: { name: request.description },
          },
        },
      ],
      // Stripe takes one or the other: a customer already has its email.
      ...(customer ? { customer } : { customer_email: request.email }),
      locale: request.locale,
      expires_at: unixSeconds(clampCheckoutExpiry(request.expiresAt, new Date())),
      success_url: successUrlFor(request.successUrl),
      cancel_url: cancelUrlFor(request.cancelUrl),
      client_reference_id: String(request.donationId),
      metadata,
      payment_intent_data: {
        description: request.description,
        metadata,
        ...(request.savedFor ? { setup_future_usage: 'off_session' as const } : {}),
      },
    });
    return checkoutOf(session);
  }

  async function setupCard(request: CardSetupRequest): Promise<Checkout> {
    const metadata = { [METADATA.plan]: String(request.planId) };
    const customer = await customerFor(request.customerRef, request.email, request.planId);
    const session = await stripe.checkout.sessions.create({
      mode: 'setup',
      currency: CURRENCY,
      allowed_payment_method_types: ['card'],
      customer,
      locale: request.locale,
      success_url: successUrlFor(request.successUrl),
      cancel_url: cancelUrlFor(request.cancelUrl),
      metadata,
      setup_intent_data: { metadata },
    });
    return checkoutOf(session);
  }

  async function chargeSavedCard(charge: SavedCardCharge): Promise<ChargeOutcome> {
    try {
      const intent = await stripe.paymentIntents.create(
        {
          amount: charge.amountCents,
          currency: CURRENCY,
          customer: charge.customerRef,
          payment_method: charge.paymentMethodRef,
          off_session: true,
          confirm: true,
          description: charge.description,
          metadata: {
            [METADATA.donation]: String(charge.donationId),
            [METADATA.plan]: String(charge.planId),
            [METADATA.charge]: OFF_SESSION_CHARGE,
          },
        },
        { idempotencyKey: charge.idempotencyKey },
      );
      if (intent.status === 'succeeded') return { paymentRef: intent.id, status: 'succeeded' };
      if (intent.status === 'processing') return { paymentRef: intent.id, status: 'pending' };
      return {
        paymentRef: intent.id,
        status: 'failed',
        failure: intent.last_payment_error ? failureOf(intent.last_payment_error) : intent.status,
      };
    } catch (error) {
      // A refused card (or one whose bank wants the donor present: authentication_required) is
      // an outcome, not a fault: the same key would only replay the same refusal.
      if (error instanceof Stripe.errors.StripeCardError) {
        return {
          // Stripe joins the PaymentIntent to the errors of a confirmation.
          paymentRef: error.payment_intent?.id ?? '',
          status: 'failed',
          // The library sets decline_code to '' when the bank gave none (authentication_required).
          failure: error.decline_code || error.code || error.message,
        };
      }
      throw error;
    }
  }

  async function refund(chargeRef: string, amountCents: number, idempotencyKey: string) {
    const created = await stripe.refunds.create(
      { payment_intent: chargeRef, amount: amountCents },
      { idempotencyKey },
    );
    return { refundRef: created.id };
  }

  async function readWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<PaymentEvent> {
    const name = Object.keys(headers).find((key) => key.toLowerCase() === 'stripe-signature');
    const signature = name === undefined ? undefined : headers[name];
    if (typeof signature !== 'string' || signature === '') {
      throw new WebhookRejected('The Stripe-Signature header is missing');
    }
    let event: Stripe.Event;
    try {
      event = await stripe.webhooks.constructEventAsync(rawBody, signature, options.webhookSecret);
    } catch (error) {
      throw new WebhookRejected(error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
    return readEvent(event);
  }

  async function readEvent(event: Stripe.Event): Promise<PaymentEvent> {
    const eventId = event.id;
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return readCompletedSession(eventId, event.type, event.data.object);
      case 'checkout.session.async_payment_failed': {
        const session = event.data.object;
        return {
          kind: 'payment_failed',
          eventId,
          paymentRef: session.id,
          donationId: numberFrom(session.metadata, METADATA.donation),
          reason: 'async_payment_failed',
        };
      }
      case 'checkout.session.expired': {
        const session = event.data.object;
        if (session.mode !== 'payment') return { kind: 'ignored', eventId, type: event.type };
        return {
          kind: 'checkout_expired',
          eventId,
          paymentRef: session.id,
          donationId: numberFrom(session.metadata, METADATA.donation),
        };
      }
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed':
        return readPaymentIntentEvent(eventId, event.type, event.data.object);
      case 'charge.refunded': {
        const charge = event.data.object;
        const chargeRef = idOf(charge.payment_intent);
        if (!chargeRef) return { kind: 'ignored', eventId, type: event.type };
        // The charge carries the PaymentIntent's metadata as it was when the charge was made; a
        // charge without it is asked about once (refunds are rare).
        const donationId =
          numberFrom(charge.metadata, METADATA.donation) ??
          numberFrom((await stripe.paymentIntents.retrieve(chargeRef)).metadata, METADATA.donation);
        return {
          kind: 'refunded',
          eventId,
          chargeRef,
          donationId,
          amountCents: charge.amount_refunded,
        };
      }
      default:
        return { kind: 'ignored', eventId, type: event.type };
    }
  }

  async function readCompletedSession(
    eventId: string,
    type: string,
    session: Stripe.Checkout.Session,
  ): Promise<PaymentEvent> {
    if (session.mode === 'setup') return readSavedCard(eventId, type, session);
    // An unpaid completed session is an asynchronous payment still on its way: its own
    // async_payment_succeeded or async_payment_failed event follows.
    if (session.mode !== 'payment' || session.payment_status !== 'paid') {
      return { kind: 'ignored', eventId, type };
    }
    const chargeRef = idOf(session.payment_intent);
    const planId = numberFrom(session.metadata, METADATA.plan);
    let savedCard: Extract<PaymentEvent, { kind: 'payment_succeeded' }>['savedCard'] = null;
    if (planId !== null && chargeRef) {
      // Only the PaymentIntent knows the card Checkout saved (setup_future_usage).
      const intent = await stripe.paymentIntents.retrieve(chargeRef);
      const customerRef = idOf(session.customer) ?? idOf(intent.customer);
      const paymentMethodRef = idOf(intent.payment_method);
      if (customerRef && paymentMethodRef) savedCard = { planId, customerRef, paymentMethodRef };
    }
    return {
      kind: 'payment_succeeded',
      eventId,
      paymentRef: session.id,
      chargeRef,
      donationId: numberFrom(session.metadata, METADATA.donation),
      amountCents: session.amount_total ?? 0,
      savedCard,
    };
  }

  async function readSavedCard(
    eventId: string,
    type: string,
    session: Stripe.Checkout.Session,
  ): Promise<PaymentEvent> {
    const planId = numberFrom(session.metadata, METADATA.plan);
    const setupIntentRef = idOf(session.setup_intent);
    if (planId === null || !setupIntentRef) return { kind: 'ignored', eventId, type };
    const setupIntent = await stripe.setupIntents.retrieve(setupIntentRef);
    const customerRef = idOf(session.customer) ?? idOf(setupIntent.customer);
    const paymentMethodRef = idOf(setupIntent.payment_method);
    if (setupIntent.status !== 'succeeded' || !customerRef || !paymentMethodRef) {
      return { kind: 'ignored', eventId, type };
    }
    return { kind: 'card_saved', eventId, planId, customerRef, paymentMethodRef };
  }

  /**
   * Only a plan's off-session charges are read here. The PaymentIntent that Checkout creates
   * carries Levier's metadata too (even the plan's, when it saves the card) and has its own
   * events, but its outcome is read from the session's events, whose paymentRef is the session:
   * reading both would report one payment twice under two refs.
   */
  function readPaymentIntentEvent(
    eventId: string,
    type: 'payment_intent.succeeded' | 'payment_intent.payment_failed',
    intent: Stripe.PaymentIntent,
  ): PaymentEvent {
    if (intent.metadata?.[METADATA.charge] !== OFF_SESSION_CHARGE) {
      return { kind: 'ignored', eventId, type };
    }
    const donationId = numberFrom(intent.metadata, METADATA.donation);
    if (type === 'payment_intent.payment_failed') {
      return {
        kind: 'payment_failed',
        eventId,
        paymentRef: intent.id,
        donationId,
        reason: failureOf(intent.last_payment_error),
      };
    }
    return {
      kind: 'payment_succeeded',
      eventId,
      paymentRef: intent.id,
      chargeRef: intent.id,
      donationId,
      amountCents: intent.amount_received || intent.amount,
      savedCard: null,
    };
  }

  /**
   * Stripe lists newest first and pages only forward from there, so the window is collected
   * and sorted: reconciliation asks for days, not years.
   */
  async function* paymentsSince(since: Date): AsyncIterable<ProviderPayment> {
    const intents: Stripe.PaymentIntent[] = [];
    for await (const intent of stripe.paymentIntents.list({
      created: { gte: unixSeconds(since) },
      limit: 100,
    })) {
      intents.push(intent);
    }
    for (const intent of oldestFirst(intents)) {
      const savedCard = savedCardOf(intent);
      yield {
        chargeRef: intent.id,
        donationId: numberFrom(intent.metadata, METADATA.donation),
        amountCents: intent.amount,
        status: paymentStatus(intent),
        createdAt: new Date(intent.created * 1000),
        ...(savedCard ? { savedCard } : {}),
      };
    }
  }

  async function* payoutsSince(since: Date): AsyncIterable<ProviderPayout> {
    const payouts: Stripe.Payout[] = [];
    for await (const payout of stripe.payouts.list({
      created: { gte: unixSeconds(since) },
      limit: 100,
    })) {
      payouts.push(payout);
    }
    for (const payout of oldestFirst(payouts)) {
      yield {
        payoutRef: payout.id,
        arrivalOn: dayOfUnix(payout.arrival_date),
        amountCents: payout.amount,
        status: payoutStatus(payout.status),
        lines: await payoutLines(payout.id),
      };
    }
  }

  async function payoutLines(payoutRef: string): Promise<ProviderPayout['lines']> {
    const lines: ProviderPayout['lines'] = [];
    for await (const transaction of stripe.balanceTransactions.list({
      payout: payoutRef,
      expand: ['data.source'],
      limit: 100,
    })) {
      const source = transaction.source;
      if (source === null || typeof source === 'string') continue;
      if (source.object !== 'charge' && source.object !== 'refund') continue;
      const chargeRef = idOf(source.payment_intent);
      if (!chargeRef) continue;
      lines.push({ chargeRef, grossCents: transaction.amount, feeCents: transaction.fee });
    }
    return lines;
  }

  return {
    name: 'stripe',
    startCheckout,
    setupCard,
    chargeSavedCard,
    refund,
    readWebhook,
    paymentsSince,
    payoutsSince,
  };
}

/** Stripe's list order reversed (it is newest first), then sorted by creation, stably. */
function oldestFirst<T extends { created: number }>(newestFirst: T[]): T[] {
  return [...newestFirst].reverse().sort((a, b) => a.created - b.created);
}
