import type { MailgunWebhook } from '../../../contracts/mail-feedback.ts';
import { hmac, safeEqual } from '../../core/crypto.ts';
import type { FeedbackKind } from '../../core/mail/feedback.ts';
import { MAILGUN_REF_VARIABLE } from '../../core/mail/outbox.ts';
import { mailOfToken, type MailRef } from '../../core/mail/verp.ts';

/** Mailgun retries an event for about 8 hours: an older signature is a replay. */
export const MAILGUN_MAX_AGE_SECONDS = 12 * 3600;

/** Whether Mailgun signed this event: HMAC-SHA256 of timestamp + token with the signing key. */
export function mailgunSignatureValid(
  signingKey: string,
  signature: MailgunWebhook['signature'],
  now: Date,
): boolean {
  const age = now.getTime() / 1000 - Number(signature.timestamp);
  if (!(age < MAILGUN_MAX_AGE_SECONDS && age > -300)) return false;
  const expected = hmac(signingKey, `${signature.timestamp}${signature.token}`);
  return safeEqual(expected, signature.signature.toLowerCase());
}

/** What a provider's event says of a mail (Mailgun's, SendGrid's). */
export interface ProviderFeedback {
  kind: FeedbackKind;
  ref: MailRef | null;
  address: string | null;
  status: string | null;
  detail: string | null;
}

/**
 * What an event says, or null for events that are not bounces or complaints (delivered,
 * opened…). Mailgun's permanent failures for a bounce are hard; other permanent ones (a
 * policy refusal) soft; a temporary failure is retried by Mailgun: recorded as delayed.
 */
export function mailgunFeedback(
  secret: string,
  event: MailgunWebhook['event-data'],
): ProviderFeedback | null {
  const kind: FeedbackKind | null =
    event.event === 'complained'
      ? 'complaint'
      : event.event !== 'failed'
        ? null
        : event.severity === 'temporary'
          ? 'delayed'
          : event.reason === 'bounce' || event.reason === 'suppress-bounce'
            ? 'hard_bounce'
            : 'soft_bounce';
  if (!kind) return null;
  const token = event['user-variables']?.[MAILGUN_REF_VARIABLE];
  const status = event['delivery-status'];
  return {
    kind,
    ref: typeof token === 'string' ? mailOfToken(secret, token) : null,
    address: event.recipient ?? null,
    status: status?.['enhanced-code'] ?? (status?.code === undefined ? null : String(status.code)),
    detail: status?.description || status?.message || event.reason || null,
  };
}
