import type { AppContext } from '../../../core/context.ts';
import { linkedHtmlOf, withLinks } from './links.ts';
import { trackRecipient } from './record.ts';
import { clickUrl, pixelUrl, trackingToken } from './token.ts';

/** A tracked mail's invisible image and the address of each of its links. */
export interface MailTracking {
  pixelUrl: string;
  clickUrl: (index: number) => string;
}

/**
 * For one newsletter mail being rendered: null when its recipient does not agree to tracking
 * now (their mail is left as written); otherwise the mail's row is recorded as tracked and its
 * image and links are signed for them. One statement per mail.
 */
export async function mailTracking(
  ctx: AppContext,
  newsletterId: number,
  personId: number,
): Promise<MailTracking | null> {
  if (!(await trackRecipient(ctx, newsletterId, personId))) return null;
  const token = trackingToken(ctx, newsletterId, personId);
  return { pixelUrl: pixelUrl(ctx, token), clickUrl: (index) => clickUrl(ctx, token, index) };
}

/**
 * The drawn newsletter with its web links leading through the click page, for a tracked mail
 * (the same drawing otherwise). Only the newsletter's own text: the footer's unsubscribe link,
 * drawn later by `newsletterMail`, is never rewritten.
 */
export function trackedDrawing<D extends { html: string }>(
  drawn: D,
  tracking: MailTracking | null,
): D {
  if (!tracking) return drawn;
  return { ...drawn, html: withLinks(linkedHtmlOf(drawn), tracking.clickUrl) };
}
