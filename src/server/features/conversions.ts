import type { FastifyRequest } from 'fastify';
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
  /** A gift was paid, inside the payment's transaction. */
  giftPaid?(query: Query, campaignId: number, donationId: number): Promise<void>;
}

export const conversionObservers = (): readonly ConversionObserver[] => [
  { name: 'content', signedUp: creditSignup, giftStarted: creditGift, giftPaid },
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

/** In the payment's transaction: an observer's failure there would undo the payment, so none may throw. */
export async function tellGiftPaid(query: Query, campaignId: number, donationId: number) {
  for (const observer of conversionObservers())
    await observer.giftPaid?.(query, campaignId, donationId);
}
