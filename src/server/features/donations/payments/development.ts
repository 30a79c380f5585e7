import { hmac, randomToken, safeEqual } from '../../../core/crypto.ts';
import { WebhookRejected, type PaymentEvent, type PaymentProvider } from './port.ts';

/**
 * The development adapter: no money moves. Checkout sends the donor to Levier's own test
 * page (`/donate/pay/dev/…`) where a button makes the payment succeed or fail; a saved card
 * named `dev_card_declined` declines. Production configuration never builds it unless
 * ALLOW_DEV_ADAPTERS is set (provider.ts).
 */
export function createDevelopmentProvider(options: {
  publicUrl: string;
  secret: string;
}): PaymentProvider {
  const signed = (ref: string) => `${ref}.${hmac(options.secret, `devpay:${ref}`, 'base64url')}`;
  const page = (ref: string) => `${options.publicUrl}/donate/pay/dev/${signed(ref)}`;
  return {
    name: 'development',
    async startCheckout(request) {
      const paymentRef = `dev_cs_${request.donationId}_${randomToken(6)}`;
      return { paymentRef, redirectUrl: page(paymentRef), expiresAt: request.expiresAt };
    },
    async setupCard(request) {
      const paymentRef = `dev_setup_${request.planId}_${randomToken(6)}`;
      return {
        paymentRef,
        redirectUrl: page(paymentRef),
        expiresAt: new Date(Date.now() + 30 * 60_000),
      };
    },
    async chargeSavedCard(charge) {
      const paymentRef = `dev_pi_${charge.idempotencyKey}`;
      return charge.paymentMethodRef === 'dev_card_declined'
        ? { paymentRef, status: 'failed', failure: 'card_declined' }
        : { paymentRef, status: 'succeeded' };
    },
    async refund(chargeRef) {
      return { refundRef: `dev_re_${chargeRef}` };
    },
    // The test page reports outcomes itself (see pay-page.ts): nothing comes by webhook.
    async readWebhook() {
      throw new WebhookRejected('The development adapter takes no webhooks.');
    },
    async *paymentsSince() {},
    async *payoutsSince() {},
  };
}

/** The payment reference a development test page's address names, if its signature holds. */
export function devPaymentRef(token: string, secret: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const ref = token.slice(0, dot);
  const expected = `${ref}.${hmac(secret, `devpay:${ref}`, 'base64url')}`;
  return safeEqual(expected, token) ? ref : null;
}

/** A pending gift as the development page shows it. */
export interface DevPendingGift {
  id: number;
  amountCents: number;
  planId: number | null;
}

/** The gift id a development checkout's reference carries (`dev_cs_<id>_<random>`). */
export const devGiftIdOf = (ref: string): number | null => {
  const id = /^dev_cs_(\d{1,15})_/.exec(ref)?.[1];
  return id ? Number(id) : null;
};

/** A development card setup's plan (`dev_setup_<planId>_<random>`), null for a checkout. */
export const devSetupPlanOf = (ref: string): number | null => {
  const id = /^dev_setup_(\d{1,15})_/.exec(ref)?.[1];
  return id ? Number(id) : null;
};

/**
 * What the provider would report once the donor chose an outcome on the development page:
 * a saved card (a setup; `declined_card` saves one that later charges decline), or a payment
 * that succeeded (saving the card of a plan's first gift) or failed.
 */
export function devOutcomeEvent(
  ref: string,
  outcome: string,
  gift: DevPendingGift | null,
): PaymentEvent | null {
  const eventId = `dev_evt_${ref}`;
  const planId = devSetupPlanOf(ref);
  if (planId !== null)
    return {
      kind: 'card_saved',
      eventId,
      planId,
      customerRef: `dev_cus_${planId}`,
      paymentMethodRef: outcome === 'declined_card' ? 'dev_card_declined' : 'dev_card_ok',
    };
  if (!gift) return null;
  if (outcome !== 'succeed')
    return {
      kind: 'payment_failed',
      eventId,
      paymentRef: ref,
      donationId: gift.id,
      reason: 'declined on the test page',
    };
  return {
    kind: 'payment_succeeded',
    eventId,
    paymentRef: ref,
    chargeRef: `dev_pi_${ref}`,
    donationId: gift.id,
    amountCents: gift.amountCents,
    savedCard:
      gift.planId !== null
        ? {
            planId: gift.planId,
            customerRef: `dev_cus_${gift.planId}`,
            paymentMethodRef: 'dev_card_ok',
          }
        : null,
  };
}
