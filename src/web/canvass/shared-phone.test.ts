// One phone, several volunteers: each waiting visit goes under the account that recorded it,
// and no other; nothing is lost to a logout or to an app update.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { knownAccount } from './account.ts';
import { askSession } from './api.ts';
import { CanvassDb } from './db.ts';
import {
  enqueueVisit,
  localVisits,
  otherAccountsWaiting,
  outboxCounts,
  withdrawVisit,
  type NewVisit,
} from './outbox.ts';
import { createSyncLoop, syncOutbox } from './sync.ts';
import { fakeServer, FIRST_PERSON, testDb } from './testing.ts';

const ALICE = FIRST_PERSON;
const BASILE = 2;

let db: CanvassDb;
let server: ReturnType<typeof fakeServer>;

beforeEach(() => {
  db = testDb();
  server = fakeServer();
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  db.close();
  await Dexie.delete(db.name);
});

const visit = (addressId: number, more: Partial<NewVisit> = {}): NewVisit => ({
  turfId: 7,
  addressId,
  outcome: 'not_home',
  mode: 'door',
  ...more,
});

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute));

/** Whose visit the server stored each of these as (undefined: not stored). */
const storedAs = (ids: string[]) => ids.map((id) => server.storedFor.get(id));

describe('two volunteers on one phone', () => {
  it('sends each one’s visits under their own session, and keeps the other’s waiting', async () => {
    await syncOutbox(db, askSession, { askAnyway: true });
    expect(await knownAccount(db)).toBe(ALICE);

    // Alice canvasses without network, then hands the phone over: Basile logs in.
    server.mode = 'offline';
    const alices = [
      await enqueueVisit(db, visit(1), at(1)),
      await enqueueVisit(db, visit(2, { outcome: 'leaflet', mode: 'leaflet' }), at(2)),
    ];
    expect(alices.map((row) => row.personId)).toEqual([ALICE, ALICE]);
    expect((await syncOutbox(db, askSession)).failure).toBe('offline');
    server.mode = 'up';
    server.logIn(BASILE);

    expect(await syncOutbox(db, askSession)).toEqual({ done: 0, rejected: 0, failure: null });
    expect(server.requests).toEqual([]);
    expect(await knownAccount(db)).toBe(BASILE);
    expect(await db.outbox.bulkGet(alices.map((row) => row.id))).toMatchObject([
      { status: 'pending', personId: ALICE, attempts: 0 },
      { status: 'pending', personId: ALICE, attempts: 0 },
    ]);
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 0 });
    expect(await otherAccountsWaiting(db)).toEqual({ visits: 2, accounts: 1 });

    // Basile's own visit goes at once; he may not take back Alice's leaflet.
    const basiles = await enqueueVisit(db, visit(3), at(3));
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 0 });
    expect(await syncOutbox(db, askSession)).toEqual({ done: 1, rejected: 0, failure: null });
    expect(storedAs([basiles.id, ...alices.map((row) => row.id)])).toEqual([
      BASILE,
      undefined,
      undefined,
    ]);
    expect(await withdrawVisit(db, alices[1].id)).toBe(false);
    expect((await localVisits(db, 7)).find((v) => v.id === alices[1].id)).toMatchObject({
      state: 'pending',
      withdrawable: false,
    });

    // Alice logs in again on the phone: hers go, as hers.
    server.logIn(ALICE);
    expect(await syncOutbox(db, askSession)).toEqual({ done: 2, rejected: 0, failure: null });
    expect(storedAs(alices.map((row) => row.id))).toEqual([ALICE, ALICE]);
    expect(await db.outbox.count()).toBe(0);
    expect(await otherAccountsWaiting(db)).toEqual({ visits: 0, accounts: 0 });
  });

  it('never sends under a login that came between the question and the send', async () => {
    const alices = await enqueueVisit(db, visit(1));
    // Alice's session is asked; Basile logs in (another tab) before her visits arrive.
    server.onSend = () => {
      server.onSend = null;
      server.logIn(BASILE);
    };

    expect(await syncOutbox(db, askSession)).toEqual({ done: 0, rejected: 0, failure: null });
    expect(server.requests).toEqual([]);
    expect(await knownAccount(db)).toBe(BASILE);
    expect(await db.outbox.get(alices.id)).toMatchObject({ status: 'pending', personId: ALICE });

    server.logIn(ALICE);
    await syncOutbox(db, askSession);
    expect(storedAs([alices.id])).toEqual([ALICE]);
  });

  it('counts the visits of other accounts apart from those it will send', async () => {
    await syncOutbox(db, askSession, { askAnyway: true });
    await enqueueVisit(db, visit(1));
    server.logIn(BASILE);
    await syncOutbox(db, askSession);
    await enqueueVisit(db, visit(2));
    await enqueueVisit(db, visit(3));
    server.logIn(3);
    await syncOutbox(db, askSession);
    // Alice's one and Basile's two wait for them; nothing for the third volunteer.
    expect(await otherAccountsWaiting(db)).toEqual({ visits: 3, accounts: 2 });
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 0 });
  });
});

describe('logging out', () => {
  it('keeps the waiting visits, sends none, and sends them once their account is back', async () => {
    await syncOutbox(db, askSession, { askAnyway: true });
    server.mode = 'offline';
    const alices = [await enqueueVisit(db, visit(1)), await enqueueVisit(db, visit(2))];
    server.mode = 'up';
    server.logOut();

    expect(await syncOutbox(db, askSession)).toEqual({
      done: 0,
      rejected: 0,
      failure: 'unauthenticated',
    });
    expect(server.requests).toEqual([]);
    expect(await knownAccount(db)).toBeNull();
    expect(await db.outbox.count()).toBe(2);
    // Nobody logged in: all of them wait, for whoever logs in (each goes to its own account).
    expect(await outboxCounts(db)).toEqual({ pending: 2, rejected: 0 });
    expect(await otherAccountsWaiting(db)).toEqual({ visits: 0, accounts: 0 });
    expect(await withdrawVisit(db, alices[0].id)).toBe(false);

    server.logIn(BASILE);
    await syncOutbox(db, askSession);
    expect(server.requests).toEqual([]);
    expect(await otherAccountsWaiting(db)).toEqual({ visits: 2, accounts: 1 });

    server.logIn(ALICE);
    expect(await syncOutbox(db, askSession)).toEqual({ done: 2, rejected: 0, failure: null });
    expect(storedAs(alices.map((row) => row.id))).toEqual([ALICE, ALICE]);
  });

  it('gives a visit recorded while nobody was logged in to the next account that syncs', async () => {
    server.logOut();
    await syncOutbox(db, askSession, { askAnyway: true });
    server.mode = 'offline';
    const unknown = await enqueueVisit(db, visit(1));
    expect(unknown.personId).toBeUndefined();
    server.mode = 'up';
    server.logIn(BASILE);
    await syncOutbox(db, askSession);
    expect(storedAs([unknown.id])).toEqual([BASILE]);
  });
});

describe('visits kept by an earlier version of the app', () => {
  /** The outbox as version 1 of the app wrote it: no account on its visits. */
  async function outboxOfVersion1(name: string, visits: NewVisit[]): Promise<string[]> {
    const old = new Dexie(name);
    old.version(1).stores({
      packs: 'turfId',
      outbox: 'id, turfId, [status+createdAt]',
      recorded: 'id, turfId',
      meta: 'key',
    });
    const ids = visits.map(() => crypto.randomUUID());
    await old.table('outbox').bulkAdd(
      visits.map((v, i) => ({
        id: ids[i],
        turfId: v.turfId,
        addressId: v.addressId,
        visit: { ...v, id: ids[i], visitedAt: at(i).toISOString() },
        status: 'pending',
        createdAt: at(i).getTime(),
        attempts: 1,
      })),
    );
    old.close();
    return ids;
  }

  it('keeps them through the update and gives them to the first account that syncs', async () => {
    db.close();
    await Dexie.delete(db.name);
    const ids = await outboxOfVersion1(db.name, [visit(1), visit(2)]);
    db = new CanvassDb(db.name);

    expect(await db.outbox.count()).toBe(2);
    expect(await outboxCounts(db)).toEqual({ pending: 2, rejected: 0 });

    // The first account to sync after the update is Basile's: the old app would have sent
    // them under his session too. A cut connection leaves them his, waiting for him.
    server.logIn(BASILE);
    server.mode = 'cut';
    await syncOutbox(db, askSession);
    expect(await db.outbox.bulkGet(ids)).toMatchObject([
      { personId: BASILE },
      { personId: BASILE },
    ]);
    server.mode = 'up';
    server.logIn(ALICE);
    await syncOutbox(db, askSession);
    expect(await otherAccountsWaiting(db)).toEqual({ visits: 2, accounts: 1 });

    server.logIn(BASILE);
    expect((await syncOutbox(db, askSession)).failure).toBeNull();
    expect(storedAs(ids)).toEqual([BASILE, BASILE]);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('the sync loop', () => {
  it('learns who is logged in at start, and again when the page comes back into view', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as const });
    const loop = createSyncLoop({
      db,
      askSession,
      isOnline: () => true,
      page,
      intervalMs: 3_600_000,
    });
    loop.start();
    await vi.waitFor(async () => expect(await knownAccount(db)).toBe(ALICE));

    // Basile logged in from another tab: this one hears of it when he comes back to it.
    server.logIn(BASILE);
    page.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(async () => expect(await knownAccount(db)).toBe(BASILE));
    expect((await enqueueVisit(db, visit(1))).personId).toBe(BASILE);
    loop.stop();
  });
});
