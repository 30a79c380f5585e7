import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_BATCH_MAX } from '../../contracts/field-visits.ts';
import { askSession, withTimeout } from './api.ts';
import type { CanvassDb } from './db.ts';
import { enqueueVisit, outboxCounts, resendRejected, type NewVisit } from './outbox.ts';
import { createSyncLoop, retryDelay, syncOutbox } from './sync.ts';
import { fakeServer, REFUSED_ADDRESS, sessionWith, testDb } from './testing.ts';

let db: CanvassDb;
let server: ReturnType<typeof fakeServer>;

beforeEach(() => {
  db = testDb();
  server = fakeServer();
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const visit = (addressId: number, more: Partial<NewVisit> = {}): NewVisit => ({
  turfId: 7,
  addressId,
  outcome: 'not_home',
  mode: 'door',
  ...more,
});

describe('sending the outbox', () => {
  it('removes what the server stored or already had, keeps what it refused', async () => {
    const first = await enqueueVisit(db, visit(1));
    const refused = await enqueueVisit(db, visit(REFUSED_ADDRESS));
    const third = await enqueueVisit(db, visit(3, { outcome: 'leaflet', mode: 'leaflet' }));
    server.stored.set(third.id, third.visit); // sent before, from another try

    const report = await syncOutbox(db, askSession);

    expect(report).toEqual({ done: 2, rejected: 1, failure: null });
    expect([...server.stored.keys()].sort()).toEqual([first.id, third.id].sort());
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 1 });
    expect(await db.outbox.get(refused.id)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'turf_not_assigned', message: 'Ce secteur ne vous est pas confié.' },
    });

    // Not sent again by itself; sent again, same id, when the volunteer asks.
    await syncOutbox(db, askSession);
    expect(server.requests).toHaveLength(1);
    await resendRejected(db);
    await syncOutbox(db, askSession);
    expect(server.requests.map((r) => r.map((v) => v.id))).toEqual([
      [first.id, refused.id, third.id],
      [refused.id],
    ]);
  });

  it('sends in batches of at most SYNC_BATCH_MAX, oldest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < SYNC_BATCH_MAX * 2 + 30; i++) {
      ids.push(
        (await enqueueVisit(db, visit(1 + (i % 5)), new Date(Date.UTC(2026, 11, 5, 9, 0, i)))).id,
      );
    }
    const report = await syncOutbox(db, askSession);
    expect(report.done).toBe(ids.length);
    expect(server.requests.map((r) => r.length)).toEqual([SYNC_BATCH_MAX, SYNC_BATCH_MAX, 30]);
    expect(server.requests.flat().map((v) => v.id)).toEqual(ids);
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 0 });
  });

  it('keeps every visit, with its id, when the network is down, then sends it once back', async () => {
    const queued = await enqueueVisit(db, visit(1, { outcome: 'conversation' }));
    server.mode = 'offline';
    expect(await syncOutbox(db, askSession)).toEqual({ done: 0, rejected: 0, failure: 'offline' });
    expect(await db.outbox.get(queued.id)).toMatchObject({
      status: 'pending',
      visit: queued.visit,
    });

    server.mode = 'up';
    expect(await syncOutbox(db, askSession)).toEqual({ done: 1, rejected: 0, failure: null });
    expect([...server.stored.keys()]).toEqual([queued.id]);
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 0 });
  });

  it('records a visit once when the connection drops after the server stored it', async () => {
    const queued = await enqueueVisit(db, visit(2));
    server.mode = 'cut';
    expect((await syncOutbox(db, askSession)).failure).toBe('offline');
    // The server has it, the phone does not know: it stays, to be sent again as it is.
    expect(server.stored.size).toBe(1);
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 0 });

    server.mode = 'up';
    await syncOutbox(db, askSession);
    expect(server.requests.map((r) => r.map((v) => v.id))).toEqual([[queued.id], [queued.id]]);
    expect([...server.stored.keys()]).toEqual([queued.id]);
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 0 });
  });

  it('keeps visits through server errors, a lost session and an answer that never comes', async () => {
    await enqueueVisit(db, visit(1));
    server.mode = 'error';
    expect((await syncOutbox(db, askSession)).failure).toBe('server');
    server.mode = 'logged_out';
    expect((await syncOutbox(db, askSession)).failure).toBe('unauthenticated');
    const never = () => withTimeout(new Promise<never>(() => undefined), 5);
    expect((await syncOutbox(db, sessionWith(never))).failure).toBe('offline');
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 0 });
    expect((await db.outbox.toArray())[0].attempts).toBe(3);
  });

  it('stops when the server leaves a batch unanswered, instead of sending it in a loop', async () => {
    await enqueueVisit(db, visit(1));
    const send = vi.fn(async () => ({ results: [] }));
    expect(await syncOutbox(db, sessionWith(send))).toEqual({
      done: 0,
      rejected: 0,
      failure: 'server',
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 0 });
  });
});

describe('the sync loop', () => {
  it('waits longer after each failure, up to ten minutes', () => {
    const half = () => 0.5;
    expect([0, 1, 2, 3, 10].map((n) => retryDelay(n, half))).toEqual([
      0, 30_000, 60_000, 120_000, 600_000,
    ]);
  });

  it('waits after a failure, and tries at once when the network comes back', async () => {
    await enqueueVisit(db, visit(1));
    let clock = 1_000_000;
    const events = new EventTarget();
    const loop = createSyncLoop({
      db,
      askSession,
      isOnline: () => true,
      now: () => clock,
      random: () => 0.5,
      events,
      intervalMs: 3_600_000,
    });
    server.mode = 'offline';
    await loop.trigger();
    expect(loop.getState()).toMatchObject({
      failure: 'offline',
      failures: 1,
      retryAt: clock + 30_000,
    });

    server.mode = 'up';
    clock += 10_000;
    await loop.trigger(); // too early: the retry waits
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 0 });

    loop.start();
    events.dispatchEvent(new Event('online'));
    // The outbox empties before the pass records its success: wait for both.
    await vi.waitFor(async () => {
      expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 0 });
      expect(loop.getState()).toMatchObject({ failure: null, failures: 0, retryAt: 0 });
    });
    loop.stop();
  });

  it('does not try while the phone is offline unless asked', async () => {
    await enqueueVisit(db, visit(1));
    const ask = vi.fn(askSession);
    const loop = createSyncLoop({ db, askSession: ask, isOnline: () => false });
    await loop.trigger();
    expect(ask).not.toHaveBeenCalled();
    await loop.trigger(true);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(1);
  });
});
