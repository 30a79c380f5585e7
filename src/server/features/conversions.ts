import type { FastifyRequest } from 'fastify';
import type { PaymentMeans } from '../../contracts/donation-law.ts';
import type { AppContext } from '../core/context.ts';
import type { Query } from '../core/db/index.ts';
import { creditGift, creditSignup, giftPaid } from './content/attribution.ts';

/**
 * What a visitor's sign-up or gift tells the features that credit it (content: the supporter
 * whose shared link brought the visitor). Recruitment and donations call these after their own
 * work and know nothing of who listens; a listener's failure is logged and never undoes a
 * sign-up or a gift. A function, read when used, as the other registrations.
 */
export interface ConversionObserver {
  name: string;
  /** A sign-up was recorded from this request, for this email as typed. */
  signedUp?(ctx: AppContext, request: FastifyRequest, email: string): Promise<void>;
  /** A gift was taken from this request (not paid yet). */
  giftStarted?(ctx: AppContext, request: FastifyRequest, donationId: number): Promise<void>;
}

export const conversionObservers = (): readonly ConversionObserver[] => [
  { name: 'content', signedUp: creditSignup, giftStarted: creditGift },
];

export async function tellSignup(ctx: AppContext, request: FastifyRequest, email: string) {
  for (const observer of conversionObservers()) {
    try {
      await observer.signedUp?.(ctx, request, email);
    } catch (error) {
      ctx.log.error({ err: error, observer: observer.name }, 'a sign-up observer failed');
    }
  }
}

export async function tellGiftStarted(
  ctx: AppContext,
  request: FastifyRequest,
  donationId: number,
) {
  for (const observer of conversionObservers()) {
    try {
      await observer.giftStarted?.(ctx, request, donationId);
    } catch (error) {
      ctx.log.error({ err: error, observer: observer.name }, 'a gift observer failed');
    }
  }
}

/** A gift that became paid or received, and its donor. */
export interface PaidGift {
  donationId: number;
  personId: number;
  /** Membership dues are recorded as gifts are (party mode), and told as well. */
  kind: 'gift' | 'dues';
  /** Always euro cents (the donations table has no other currency). */
  amountCents: number;
  means: PaymentMeans;
}

export type GiftPaidListener = (query: Query, ctx: AppContext, gift: PaidGift) => Promise<void>;

/**
 * What listens to a gift becoming paid or received: content (the share that brought a paid
 * gift counts from now) and, once they register, newsletters' automations (a first gift).
 * Every path that makes a gift paid calls them once, inside the transaction that does
 * (`tellGiftPaid`): a provider's payment (`donations/payment-events.ts`, the webhook, the
 * reconciliation and the development page), a plan's monthly charge (`plan-charges.ts`), a
 * cheque, transfer or cash gift recorded by the finance officer (`finance/manual.ts`). A
 * listener's failure would undo the payment: none may throw (a listener that might catches
 * its own failure under a savepoint).
 */
export const giftPaidListeners = new Set<GiftPaidListener>([
  (query, ctx, gift) => giftPaid(query, ctx.campaignId, gift.donationId),
]);

/** Inside the transaction that made the gift paid or received, once per gift. */
export async function tellGiftPaid(query: Query, ctx: AppContext, gift: PaidGift) {
  for (const listener of giftPaidListeners) await listener(query, ctx, gift);
}
