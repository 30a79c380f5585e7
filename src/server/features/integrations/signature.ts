import { hmac, safeEqual } from '../../core/crypto.ts';

/** How old a signed delivery may be when checked, by default (replays past it fail). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The `Levier-Signature` header of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" with the endpoint's secret>` (the scheme Stripe uses).
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, `${unixSeconds}.${body}`)}`;
}

/**
 * Whether a delivery is genuine: the header's HMAC matches the raw body and its time is within
 * `toleranceSeconds` of now (docs/api.md shows receivers the same check, standalone).
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  return safeEqual(v1, hmac(secret, `${t}.${body}`));
}
