import { canvassApi } from '../../contracts/field-api.ts';
import {
  canvassPackSchema,
  type CanvassPack,
  type VisitInput,
  type VisitSyncResult,
} from '../../contracts/field-visits.ts';
import { ApiError, call } from '../core/api.ts';
import type { ResponseOf } from '../../contracts/route.ts';

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

export function sendVisits(visits: VisitInput[]): Promise<VisitSyncResult> {
  return withTimeout(call(canvassApi.sync, { body: { visits } }), SEND_TIMEOUT_MS);
}
