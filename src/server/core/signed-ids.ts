import { hmac, safeEqual } from './crypto.ts';

/**
 * Ids a link carries with their signature (`12.345.<hmac>`), for links in mails that act
 * without a session (an unsubscribe): the purpose and the campaign are signed with them, so a
 * token of one purpose or campaign is worth nothing for another.
 */
export function signIds(
  secret: string,
  purpose: string,
  campaignId: number,
  ids: readonly number[],
): string {
  const payload = ids.join('.');
  return `${payload}.${hmac(secret, `${purpose}:${campaignId}:${payload}`, 'base64url')}`;
}

/** The ids of a token signed for this purpose and campaign, or null when it is not one. */
export function verifySignedIds(
  secret: string,
  purpose: string,
  campaignId: number,
  token: string,
  count: number,
): number[] | null {
  const parts = token.split('.');
  if (parts.length !== count + 1) return null;
  const ids = parts.slice(0, count);
  if (!ids.every((id) => /^\d{1,15}$/.test(id))) return null;
  const numbers = ids.map(Number);
  return safeEqual(token, signIds(secret, purpose, campaignId, numbers)) ? numbers : null;
}
