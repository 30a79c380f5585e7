/**
 * The payment port: what Levier asks of a payment provider. Levier decides (the cap, the
 * law, when a monthly gift is charged); the provider only moves money and reports. Two
 * adapters: Stripe (`stripe.ts`) and the development one (`development.ts`), which production
 * configuration refuses unless ALLOW_DEV_ADAPTERS is set.
 */

export type ProviderName = 'stripe' | 'development';

/** A one-off gift (or the first gift of a monthly plan) paid on the provider's page. */
export interface CheckoutRequest {
  donationId: number;
  amountCents: number;
  /** Shown to the donor on the payment page ("Don à …"). */
  description: string;
  email: string;
  locale: 'fr' | 'en';
  /**
   * Where the provider sends the donor back; `{ref}` in the URL is replaced by paymentRef when
   * the provider can (Stripe: in the success URL only; it is removed from the cancel URL, which
   * should therefore name the gift itself).
   */
  successUrl: string;
  cancelUrl: string;
  /**
   * When the payment page should stop taking payment. A provider may move it into the range it
   * accepts (Stripe: 30 minutes to 24 hours ahead): `Checkout.expiresAt` says when it really stops.
   */
  expiresAt: Date;
  /** Keep the card for the plan's later gifts, which Levier's own scheduler charges. */
  savedFor?: { planId: number; customerRef: string | null };
}

export interface Checkout {
  /** The provider's id of this payment attempt (Stripe: the Checkout Session id). */
  paymentRef: string;
  /** Where the donor pays. */
  redirectUrl: string;
  /**
   * When the payment page really stops taking payment (it may differ from the request's
   * expiresAt): Levier counts the gift as pending, and keeps its room under the cap, until then.
   */
  expiresAt: Date;
}

/** A donor replaces the card of their monthly plan (no money moves). */
export interface CardSetupRequest {
  planId: number;
  customerRef: string | null;
  email: string;
  locale: 'fr' | 'en';
  successUrl: string;
  cancelUrl: string;
}

/** A monthly gift charged on the saved card, after the cap check. */
export interface SavedCardCharge {
  donationId: number;
  planId: number;
  amountCents: number;
  customerRef: string;
  paymentMethodRef: string;
  description: string;
  /** The same key for the same charge: a retried charge is never taken twice. */
  idempotencyKey: string;
}

export interface ChargeOutcome {
  paymentRef: string;
  status: 'succeeded' | 'failed' | 'pending';
  /** The provider's reason when it failed (card declined, authentication required…). */
  failure?: string;
}

/**
 * What a verified webhook says, in Levier's words. `eventId` is the provider's own id of the
 * event: Levier processes each id once, however many times it is delivered.
 */
export type PaymentEvent =
  | {
      kind: 'payment_succeeded';
      eventId: string;
      /** The id Levier was given at checkout (or by chargeSavedCard). */
      paymentRef: string;
      /** The charge's own id when the provider has another one (Stripe: the PaymentIntent). */
      chargeRef: string | null;
      donationId: number | null;
      amountCents: number;
      /** Set when the card was saved for a plan. */
      savedCard: { planId: number; customerRef: string; paymentMethodRef: string } | null;
    }
  | {
      kind: 'payment_failed';
      eventId: string;
      paymentRef: string;
      donationId: number | null;
      reason: string;
    }
  | { kind: 'checkout_expired'; eventId: string; paymentRef: string; donationId: number | null }
  | {
      kind: 'refunded';
      eventId: string;
      /** The charge refunded (Stripe: the PaymentIntent id). */
      chargeRef: string;
      donationId: number | null;
      /** All refunded on this charge so far, this refund included (a partial refund may follow another). */
      amountCents: number;
    }
  | {
      kind: 'card_saved';
      eventId: string;
      planId: number;
      customerRef: string;
      paymentMethodRef: string;
    }
  | { kind: 'ignored'; eventId: string; type: string };

/** A payment as the provider knows it, for reconciliation. */
export interface ProviderPayment {
  /** The charge's id (Stripe: the PaymentIntent). */
  chargeRef: string;
  donationId: number | null;
  amountCents: number;
  status: 'succeeded' | 'failed' | 'pending' | 'canceled';
  createdAt: Date;
  /** A plan's first gift that kept the card (as its `payment_succeeded` event would say). */
  savedCard?: { planId: number; customerRef: string; paymentMethodRef: string };
}

/** Money the provider sent to the agent's bank account, and the payments in it. */
export interface ProviderPayout {
  payoutRef: string;
  /** YYYY-MM-DD: the day it reaches the bank. */
  arrivalOn: string;
  amountCents: number;
  status: 'paid' | 'pending' | 'in_transit' | 'failed' | 'canceled';
  /**
   * The payments in it (positive gross), and the refunds taken from it (negative gross, the
   * refunded charge's chargeRef); the provider's other movements are not lines.
   */
  lines: Array<{ chargeRef: string; grossCents: number; feeCents: number }>;
}

/** A webhook whose signature does not verify, or that is too old: answered 400, processed never. */
export class WebhookRejected extends Error {
  readonly code = 'webhook_rejected';
}

export interface PaymentProvider {
  readonly name: ProviderName;
  startCheckout(request: CheckoutRequest): Promise<Checkout>;
  setupCard(request: CardSetupRequest): Promise<Checkout>;
  chargeSavedCard(charge: SavedCardCharge): Promise<ChargeOutcome>;
  refund(
    chargeRef: string,
    amountCents: number,
    idempotencyKey: string,
  ): Promise<{ refundRef: string }>;
  /** Verifies the signature (throws WebhookRejected) and says what happened. */
  readWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<PaymentEvent>;
  /** Payments created since this time, oldest first (reconciliation). */
  paymentsSince(since: Date): AsyncIterable<ProviderPayment>;
  /** Payouts created since this time, with their lines. */
  payoutsSince(since: Date): AsyncIterable<ProviderPayout>;
}
