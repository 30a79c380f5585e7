/**
 * Twilio's REST API over fetch, with every failure turned into the port's CarrierError kinds
 * (port.ts says what Levier does with each kind).
 */
import { CarrierError } from './port.ts';

export interface TwilioHttpOptions {
  accountSid: string;
  authToken: string;
  baseUrl: string;
  requestTimeoutMs: number;
}

export type TwilioRequest = (
  method: 'GET' | 'POST',
  /** A path under the base URL (Twilio's `next_page_uri` is one), with its query. */
  path: string,
  form?: URLSearchParams,
) => Promise<unknown>;

/**
 * Failures that happen before a byte of the request leaves: nothing reached the carrier, so
 * nothing was placed. Anything else may have reached it.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  // A refused TLS handshake comes before the HTTP request too.
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function errorCode(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('code' in value)) return undefined;
  return typeof value.code === 'string' ? value.code : undefined;
}

/** The system codes under fetch's "fetch failed" (one, or one per address tried). */
function causeCodes(error: unknown): Array<string | undefined> {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof AggregateError && cause.errors.length > 0) {
    return cause.errors.map(errorCode);
  }
  return [errorCode(cause)];
}

function transportFailure(error: unknown, timeoutMs: number): CarrierError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new CarrierError('unknown', `Twilio gave no answer within ${timeoutMs} ms`);
  }
  const codes = causeCodes(error);
  const detail = codes.filter(Boolean).join(', ') || String(error);
  if (codes.every((code) => code !== undefined && NOT_SENT_CODES.has(code))) {
    return new CarrierError('unavailable', `Twilio could not be reached: ${detail}`);
  }
  // A reset or a closed socket after the request left: Twilio may have acted on it.
  return new CarrierError('unknown', `Twilio's answer was lost: ${detail}`);
}

interface TwilioErrorBody {
  code?: number | string;
  message?: string;
}

function readErrorBody(text: string): TwilioErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as TwilioErrorBody) : {};
  } catch {
    return {};
  }
}

function httpFailure(status: number, text: string): CarrierError {
  const body = readErrorBody(text);
  const code = body.code === undefined ? undefined : String(body.code);
  const message = `Twilio answered ${status}${code ? ` (${code})` : ''}: ${body.message ?? text.slice(0, 200)}`;
  if (status === 429 || code === '20429') return new CarrierError('rate_limited', message, code);
  // A 5xx is `unknown`, not `unavailable`, even on a create: Twilio (or a proxy in front of it)
  // may have created the call before failing to answer, and redialling would call the person
  // twice. Reconciliation (findCalls) settles it.
  if (status >= 500) return new CarrierError('unknown', message, code);
  // Refused credentials say nothing against this call: failing it would fail every attempt of
  // a list on a configuration mistake. No call was placed, so it waits like a carrier outage.
  if (status === 401) return new CarrierError('unavailable', message, code);
  return new CarrierError('rejected', message, code);
}

export function twilioRequester(options: TwilioHttpOptions): TwilioRequest {
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  return async (method, path, form) => {
    const signal = AbortSignal.timeout(options.requestTimeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization,
          accept: 'application/json',
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form?.toString(),
        signal,
      });
      status = response.status;
      // Reading the body is under the same deadline: a create's answer cut half-way is lost.
      text = await response.text();
    } catch (error) {
      throw transportFailure(error, options.requestTimeoutMs);
    }
    if (status < 200 || status >= 300) throw httpFailure(status, text);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new CarrierError('unknown', `Twilio answered ${status} with unreadable JSON`);
    }
  };
}
