import { verify, type KeyObject } from 'node:crypto';
import { sendgridEventSchema, type SendgridEvent } from '../../../contracts/mail-feedback.ts';
import { isAddressFailure } from '../../core/mail/dsn.ts';
import type { FeedbackKind } from '../../core/mail/feedback.ts';
import { SENDGRID_REF_ARG } from '../../core/mail/outbox.ts';
import { mailOfToken } from '../../core/mail/verp.ts';
import type { ProviderFeedback } from './mailgun.ts';

/** A batch signed longer ago than this is a replay (as Mailgun's events). */
export const SENDGRID_MAX_AGE_SECONDS = 12 * 3600;

export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

/**
 * Whether SendGrid signed this batch: an ECDSA (P-256, SHA-256) signature, base64 of DER, over
 * the timestamp header followed by the body's exact bytes, checked with the verification key.
 * Offline: nothing is asked of SendGrid.
 */
export function sendgridSignatureValid(
  key: KeyObject,
  body: Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
  now: Date,
): boolean {
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (!/^[A-Za-z0-9+/]{8,200}={0,2}$/.test(signature)) return false;
  const age = now.getTime() / 1000 - Number(timestamp);
  if (!(age < SENDGRID_MAX_AGE_SECONDS && age > -300)) return false;
  try {
    return verify(
      'sha256',
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      { key, dsaEncoding: 'der' },
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** The batch's events as Levier reads them (null for a body that is not an array of objects). */
export function sendgridEvents(body: Buffer): Array<SendgridEvent | null> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length > 10_000) return null;
  return parsed.map((event) => {
    const read = sendgridEventSchema.safeParse(event);
    return read.success ? read.data : null;
  });
}

/** `dropped` because the address is on SendGrid's own lists: what it says of the address. */
const droppedKind = (reason: string): FeedbackKind | null =>
  /bounced address|^invalid$/i.test(reason.trim())
    ? 'hard_bounce'
    : /spam report/i.test(reason)
      ? 'complaint'
      : null;

/**
 * What an event says, or null for the others (processed, delivered, open…) and for a mail
 * dropped for a reason that is not the address's (a size limit, SendGrid's own unsubscribe
 * list, which Levier does not use). A `bounce` is hard when the status or SendGrid's class
 * says the address does not exist (5.1.x, 5.2.1, 5.4.4, `Invalid Address`), else soft; a
 * `blocked` one is soft; `deferred` (SendGrid still tries) is a delay; `spamreport` a
 * complaint. A mail SendGrid `dropped` because the address bounced before or is invalid is a
 * hard bounce, because it was reported as spam a complaint.
 */
export function sendgridFeedback(secret: string, event: SendgridEvent): ProviderFeedback | null {
  const status = event.status?.trim() || null;
  let kind: FeedbackKind | null = null;
  if (event.event === 'spamreport') kind = 'complaint';
  else if (event.event === 'deferred') kind = 'delayed';
  else if (event.event === 'dropped') kind = droppedKind(event.reason ?? '');
  else if (event.event === 'bounce') {
    const addressFailure =
      (status !== null && isAddressFailure(status)) ||
      /^invalid address$/i.test(event.bounce_classification ?? '');
    kind =
      event.type === 'blocked'
        ? 'soft_bounce'
        : addressFailure || (status === null && !event.bounce_classification)
          ? 'hard_bounce'
          : 'soft_bounce';
  }
  if (!kind) return null;
  const token = event[SENDGRID_REF_ARG];
  return {
    kind,
    ref: token ? mailOfToken(secret, token) : null,
    address: event.email ?? null,
    status,
    detail: event.reason || event.response || event.bounce_classification || null,
  };
}
