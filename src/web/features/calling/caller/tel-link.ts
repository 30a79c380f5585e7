/**
 * The call button's link. `#31#` before a number hides the caller's own number for that call
 * (the GSM code French networks follow); in a `tel:` URI `#` starts a fragment, so it is
 * written `%23`. iPhones refuse to dial a link holding `#`: the page says how to hide the
 * number in their settings instead.
 */
export const HIDE_NUMBER_PREFIX = '#31#';

export function telHref(e164: string, hideNumber: boolean): string {
  const number = e164.replace(/[^\d+]/g, '');
  return `tel:${hideNumber ? encodeURIComponent(HIDE_NUMBER_PREFIX) : ''}${number}`;
}

/**
 * A call's id, made by the page so that a record sent again (a lost answer, a retry) is stored
 * once. `crypto.randomUUID` exists only on secure pages; the fallback makes the same version 4.
 */
export function newCallId(source: Crypto = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
