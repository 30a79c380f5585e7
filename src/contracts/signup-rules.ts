/**
 * Rules of the public sign-up form that the browser checks too, kept free of zod so the
 * public pages' small script can import them (recruitment.ts builds its schema from them).
 */

/**
 * A web address in a name would be mailed from the campaign's domain in the confirmation
 * ("Bonjour www.…"): the public form refuses it.
 */
export const linkLike =
  /:\/\/|www\.|\.(com|net|org|info|biz|ru|cn|xyz|top|io|co|me|fr|link|click|site|online|app|shop)(\/|\s|$)/i;

/** Longest values the sign-up accepts, per field. */
export const signupMaxLength = {
  firstName: 100,
  lastName: 100,
  email: 254,
  postalCode: 10,
  phone: 30,
} as const;

/** Field error codes that read like another one to a visitor. */
const sameMessageAs: Record<string, string> = {
  too_big: 'too_long',
  invalid_postal_code: 'unknown_postal_code',
  commune_mismatch: 'commune_required',
};

/** The message key (`error.*` in the web dictionaries) of a sign-up field error code. */
export function signupErrorKey(code: string): string {
  return `error.${sameMessageAs[code] ?? code}`;
}
