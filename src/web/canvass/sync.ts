import {
  SYNC_BATCH_MAX,
  type VisitInput,
  type VisitSyncResult,
} from '../../contracts/field-visits.ts';
import { ApiError } from '../core/api.ts';
import { learnAccount } from './account.ts';
import { isUnauthenticated, isUnreachable } from './api.ts';
import type { CanvassDb } from './db.ts';
import { anyPending, applyResults, markAttempted, pendingBatch } from './outbox.ts';

export type SendVisits = (visits: VisitInput[]) => Promise<VisitSyncResult>;

/**
 * Who the server says is logged in (null: nobody), with a send that goes under that very
 * session or is refused: never under an account logged in since (api.ts `askSession`).
 */
export interface SyncSession {
  personId: number | null;
  send: SendVisits;
}

export type AskSession = () => Promise<SyncSession>;

/** The server refused the send's CSRF token: someone logged in since the session was asked. */
const isStaleSession = (error: unknown) =>
  error instanceof ApiError && error.status === 403 && error.code === 'csrf_invalid';

/** Why a sync stopped short: `offline` (no answer), `unauthenticated` (log in), `server` (an error answer). */
export type SyncFailure = 'offline' | 'unauthenticated' | 'server';

export interface SyncReport {
  /** Visits the server now has (stored or already stored). */
  done: number;
  rejected: number;
  failure: SyncFailure | null;
}

function failureOf(error: unknown): SyncFailure {
  if (isUnauthenticated(error)) return 'unauthenticated';
  if (isUnreachable(error)) return 'offline';
  return 'server';
}

/**
 * Sends the outbox of the person logged in, oldest first, in batches of at most `batchSize`,
 * until it is empty, a send fails, or the server leaves a whole batch unanswered. Nothing is
 * removed but on the server's word, so a failure at any point loses nothing; ids never change,
 * so nothing is stored twice. The server is first asked who is logged in (when a visit waits,
 * or `askAnyway`): that person's visits alone are sent, under that session; another account's
 * stay, untouched, until it logs in on the phone again.
 */
export async function syncOutbox(
  db: CanvassDb,
  askSession: AskSession,
  options: {
    batchSize?: number;
    inFlight?: Set<string>;
    now?: () => Date;
    /** Ask who is logged in even with nothing to send (to note it for visits made offline). */
    askAnyway?: boolean;
  } = {},
): Promise<SyncReport> {
  const batchSize = Math.min(options.batchSize ?? SYNC_BATCH_MAX, SYNC_BATCH_MAX);
  const inFlight = options.inFlight ?? new Set<string>();
  const now = options.now ?? (() => new Date());
  const report: SyncReport = { done: 0, rejected: 0, failure: null };
  if (!options.askAnyway && !(await anyPending(db))) return report;
  // Asked once more at most, when a login since the first answer makes its send refused.
  let asks = 0;
  const ask = async (): Promise<SyncSession | null> => {
    asks += 1;
    let answer: SyncSession;
    try {
      answer = await askSession();
    } catch (error) {
      report.failure = failureOf(error);
      return null;
    }
    await learnAccount(db, answer.personId);
    return answer;
  };
  let session = await ask();
  // Visits the server left unanswered are not sent again in this pass (no endless loop).
  const unanswered = new Set<string>();
  while (session) {
    const { personId, send } = session;
    if (personId === null) {
      if (await anyPending(db)) report.failure = 'unauthenticated';
      return report;
    }
    const batch = await pendingBatch(db, personId, batchSize, unanswered);
    if (batch.length === 0) return report;
    const ids = batch.map((row) => row.id);
    await markAttempted(db, ids);
    let answer: VisitSyncResult;
    for (const id of ids) inFlight.add(id);
    try {
      answer = await send(batch.map((row) => row.visit));
    } catch (error) {
      if (isStaleSession(error) && asks < 2) {
        session = await ask();
        continue;
      }
      report.failure = failureOf(error);
      return report;
    } finally {
      for (const id of ids) inFlight.delete(id);
    }
    const applied = await applyResults(db, batch, answer.results, now());
    report.done += applied.done.length;
    report.rejected += applied.rejected.length;
    for (const id of applied.unanswered) unanswered.add(id);
    if (applied.done.length + applied.rejected.length === 0) {
      report.failure = 'server';
      return report;
    }
  }
  return report;
}

/** The wait before the next try after `failures` failed passes in a row: 30 s, 1 min, 2 min… 10 min. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const base = Math.min(30_000 * 2 ** (failures - 1), 600_000);
  // ±20 %, so that phones cut off by one outage do not all come back at the same second.
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface SyncState {
  syncing: boolean;
  failure: SyncFailure | null;
  /** Failed passes in a row. */
  failures: number;
  /** No automatic try before this (ms); 0 when none is waiting. */
  retryAt: number;
  lastSuccessAt: number | null;
}

export interface SyncLoop {
  /** Sends now unless a pass is running or a retry waits (`force` ignores the wait). */
  trigger(force?: boolean): Promise<void>;
  start(): void;
  stop(): void;
  getState(): SyncState;
  subscribe(listener: () => void): () => void;
  /** Ids being sent right now: they may not be withdrawn. */
  readonly inFlight: ReadonlySet<string>;
}

export interface SyncLoopOptions {
  db: CanvassDb;
  askSession: AskSession;
  intervalMs?: number;
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
  /** Where `online` events come from (the window). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** The page, whose return into view may follow a login in another tab (the document). */
  page?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    readonly visibilityState: DocumentVisibilityState;
  };
}

/**
 * Sends the outbox at start, on every `online` event and every 30 s while online; after a
 * failure it waits longer each time (`retryDelay`), until the network comes back or the
 * volunteer asks. Who is logged in is asked before each send, and also at start, when the
 * network comes back and when the page comes back into view (someone may have logged in
 * meanwhile), so that visits recorded offline next are noted as the right person's.
 */
export function createSyncLoop(options: SyncLoopOptions): SyncLoop {
  const intervalMs = options.intervalMs ?? 30_000;
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  const now = options.now ?? Date.now;
  const inFlight = new Set<string>();
  const listeners = new Set<() => void>();
  let state: SyncState = {
    syncing: false,
    failure: null,
    failures: 0,
    retryAt: 0,
    lastSuccessAt: null,
  };
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let askAnyway = true;
  const askSession: AskSession = async () => {
    const session = await options.askSession();
    askAnyway = false;
    return session;
  };

  const set = (next: Partial<SyncState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  const pass = async () => {
    set({ syncing: true });
    const report = await syncOutbox(options.db, askSession, { inFlight, askAnyway }).catch(
      (): SyncReport => ({ done: 0, rejected: 0, failure: 'server' }),
    );
    if (report.failure) {
      const failures = state.failures + 1;
      set({
        syncing: false,
        failure: report.failure,
        failures,
        retryAt: now() + retryDelay(failures, options.random),
      });
    } else {
      set({ syncing: false, failure: null, failures: 0, retryAt: 0, lastSuccessAt: now() });
    }
  };

  const trigger = async (force = false): Promise<void> => {
    if (running) {
      if (force) again = true;
      return running;
    }
    if (!force && (!isOnline() || now() < state.retryAt)) return;
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const onOnline = () => {
    askAnyway = true;
    set({ failures: 0, retryAt: 0 });
    void trigger(true);
  };

  const onVisible = () => {
    if (options.page?.visibilityState !== 'visible') return;
    askAnyway = true;
    // A pass running may have asked already: one more follows it.
    if (running) again = true;
    else void trigger();
  };

  return {
    trigger,
    start() {
      options.events?.addEventListener('online', onOnline);
      options.page?.addEventListener('visibilitychange', onVisible);
      timer = setInterval(() => void trigger(), intervalMs);
      void trigger();
    },
    stop() {
      options.events?.removeEventListener('online', onOnline);
      options.page?.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    inFlight,
  };
}
