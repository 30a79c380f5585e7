import type { AppContext } from '../../../core/context.ts';
import { signIds, verifySignedIds } from '../../../core/signed-ids.ts';

/** The purpose a tracking token is signed for: worth nothing as an unsubscribe, nor elsewhere. */
const TRACKING = 'newsletter-tracking';

/** The image and the links of a tracked mail, by the page and route that read them. */
export const PIXEL_PATH = '/api/newsletters/tracking/open';
export const CLICK_PATH = '/newsletter/click';

/** A tracked mail's token: the newsletter and the person, signed for this campaign. */
export const trackingToken = (ctx: AppContext, newsletterId: number, personId: number) =>
  signIds(ctx.config.sessionSecret, TRACKING, ctx.campaignId, [newsletterId, personId]);

/** The newsletter and the person a token names, or null when it is not one of this campaign's. */
export function readTrackingToken(
  ctx: AppContext,
  token: unknown,
): { newsletterId: number; personId: number } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const ids = verifySignedIds(ctx.config.sessionSecret, TRACKING, ctx.campaignId, token, 2);
  return ids ? { newsletterId: ids[0]!, personId: ids[1]! } : null;
}

/** The invisible image's address in a tracked mail. */
export const pixelUrl = (ctx: AppContext, token: string) =>
  `${ctx.config.publicUrl}${PIXEL_PATH}?t=${token}`;

/** A tracked link's address: the token and the link's place among the newsletter's web links. */
export const clickUrl = (ctx: AppContext, token: string, index: number) =>
  `${ctx.config.publicUrl}${CLICK_PATH}?t=${token}&l=${index}`;
