import { hmac, safeEqual } from '../crypto.ts';

/** A mail of the outbox, named by a bounce. */
export interface MailRef {
  campaignId: number;
  mailId: number;
}

// Hex, lower case: some servers fold the case of a bounce's recipient.
const signature = (secret: string, ref: MailRef) =>
  hmac(secret, `verp:${ref.campaignId}:${ref.mailId}`).slice(0, 20);

/** The signed reference a mail carries (`1.1234.<hex>`), in its return path and a header. */
export const mailToken = (secret: string, ref: MailRef) =>
  `${ref.campaignId}.${ref.mailId}.${signature(secret, ref)}`;

/** The mail a token names, or null when it is not one of ours (forged, altered). */
export function mailOfToken(secret: string, token: string): MailRef | null {
  const match = /^(\d{1,9})\.(\d{1,15})\.([0-9a-f]{20})$/.exec(token.trim().toLowerCase());
  if (!match) return null;
  const ref = { campaignId: Number(match[1]), mailId: Number(match[2]) };
  return safeEqual(match[3], signature(secret, ref)) ? ref : null;
}

/**
 * The return path of one mail (VERP): `bounces@example.org` gives
 * `bounces+1.1234.<signature>@example.org`, so the bounce that comes back to it says which
 * mail failed, and nobody can make us suppress an address by forging one.
 */
export function returnPathFor(returnPath: string, secret: string, ref: MailRef): string {
  const at = returnPath.lastIndexOf('@');
  return `${returnPath.slice(0, at)}+${mailToken(secret, ref)}${returnPath.slice(at)}`;
}

/** The mail a bounce's recipient (a return path made by returnPathFor) names, or null. */
export function mailOfReturnPath(
  returnPath: string,
  secret: string,
  address: string,
): MailRef | null {
  const at = returnPath.lastIndexOf('@');
  const local = returnPath.slice(0, at).toLowerCase();
  const domain = returnPath.slice(at + 1).toLowerCase();
  const match = /^(.+)\+([^+@]+)@(.+)$/.exec(address.trim().toLowerCase());
  if (!match || match[1] !== local || match[3] !== domain) return null;
  return mailOfToken(secret, match[2]);
}
