import { accountsApi } from '../../contracts/accounts-api.ts';
import { canvassApi } from '../../contracts/field-api.ts';
import {
  canvassPackSchema,
  type CanvassPack,
  type VisitInput,
  type VisitSyncResult,
} from '../../contracts/field-visits.ts';
import { ApiError, call, urlOf } from '../core/api.ts';
import type { ResponseOf } from '../../contracts/route.ts';
import type { SyncSession } from './sync.ts';

export type MyTurfs = ResponseOf<typeof canvassApi.myTurfs>;
export type MyTurf = MyTurfs['items'][number];

/** A send that takes longer is given up (the visits stay and go again with the same ids). */
export const SEND_TIMEOUT_MS = 20_000;

/** Where an unauthenticated volunteer logs in, to come back here. */
export const LOGIN_URL = '/login?next=/canvass';

export class TimeoutError extends Error {
  constructor() {
    super('timeout');
    this.name = 'TimeoutError';
  }
}

/**
 * Settles with the promise, or rejects after `ms`. The request itself cannot be cancelled
 * through `call`; an answer arriving late is ignored, which is safe since visits are resent
 * with their ids.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const isUnauthenticated = (error: unknown) =>
  error instanceof ApiError && error.status === 401;

/** No answer from the server at all (offline, cut, timed out): try again later. */
export const isUnreachable = (error: unknown) =>
  error instanceof TimeoutError || (error instanceof ApiError && error.status === 0);

export function loadMyTurfs(): Promise<MyTurfs> {
  return withTimeout(call(canvassApi.myTurfs), SEND_TIMEOUT_MS);
}

/** A turf's pack, read against its contract before it is kept for offline use. */
export async function loadPack(turfId: number): Promise<CanvassPack> {
  const answer = await withTimeout(
    call(canvassApi.pack, { params: { id: turfId } }),
    SEND_TIMEOUT_MS,
  );
  return canvassPackSchema.parse(answer);
}

export async function startSession(turfId: number): Promise<void> {
  await withTimeout(call(canvassApi.startSession, { params: { id: turfId } }), SEND_TIMEOUT_MS);
}

/** An error answer as an ApiError, from its problem+json when it has one. */
async function problemOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const problem = (typeof body === 'object' && body ? body : {}) as Record<string, unknown>;
  return new ApiError(
    response.status,
    typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
    typeof problem.detail === 'string' ? problem.detail : undefined,
  );
}

/**
 * POST /api/field/visits with this CSRF token and no other: core's `call` would, on a refused
 * token, fetch a fresh one and send again, i.e. under whoever is logged in by then.
 */
async function sendWithToken(visits: VisitInput[], csrfToken: string): Promise<VisitSyncResult> {
  let response: Response;
  try {
    response = await fetch(urlOf(canvassApi.sync), {
      method: canvassApi.sync.method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-csrf-token': csrfToken,
      },
      body: JSON.stringify({ visits }),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error');
  }
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as VisitSyncResult;
}

/**
 * Who is logged in (GET /api/session), with a send of visits bound to that answer. The answer's
 * CSRF token is the guard: every login makes a new CSRF secret (the accounts feature's login
 * routes), so once someone else has logged in on the phone, a send with this token is refused
 * (403 `csrf_invalid`) instead of being stored as the newcomer's visits; after a logout alone,
 * it is refused for want of a session (401).
 */
export async function askSession(): Promise<SyncSession> {
  const info = await withTimeout(call(accountsApi.session), SEND_TIMEOUT_MS);
  return {
    personId: info.me?.personId ?? null,
    send: (visits) => withTimeout(sendWithToken(visits, info.csrfToken), SEND_TIMEOUT_MS),
  };
}
