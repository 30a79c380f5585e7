import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** A keyed hash: not reversible, nor recomputable, without the secret. */
export const hmac = (secret: string, value: string, encoding: 'hex' | 'base64url' = 'hex') =>
  createHmac('sha256', secret).update(value).digest(encoding);
export const sixDigitCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Short, unambiguous code for personal recruitment links (?r=code). */
export function recruitCode(length = 8): string {
  // One call for all the bytes: randomInt per character was visible in the sign-up profile.
  // The modulo bias (256 % 31) is irrelevant for an identifier that is not a secret.
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}
