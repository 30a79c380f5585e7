import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../core/api.ts';
import type { CanvassPack } from '../../contracts/field-visits.ts';
import type { CanvassDb } from './db.ts';
import { enqueueVisit, applyResults, localVisits } from './outbox.ts';
import { silenceAt } from './silence.ts';
import { TurfOpener } from './services.tsx';
import { testDb, testPack } from './testing.ts';
import { openTurf, type TurfServer } from './turf-open.ts';

/** The day before a vote on Sunday 2027-03-14, in Paris: silence from Saturday 00:00. */
const silence = { from: '2027-03-12T23:00:00.000Z', until: '2027-03-14T19:00:00.000Z' };
const offline = new ApiError(0, 'network_error');

let db: CanvassDb;
afterEach(async () => {
  await db?.delete();
});

function server(overrides: Partial<TurfServer> = {}): TurfServer {
  return {
    loadPack: () => Promise.resolve(testPack({ silences: [silence] })),
    startSession: () => Promise.resolve(),
    ...overrides,
  };
}

const friday = () => new Date('2027-03-12T18:00:00.000Z');
const saturday = () => new Date('2027-03-13T09:00:00.000Z');

describe('the pre-election silence', () => {
  it('holds from its start, included, to its end, excluded', () => {
    expect(silenceAt([silence], new Date('2027-03-12T22:59:59.999Z'))).toBeNull();
    expect(silenceAt([silence], new Date(silence.from))).toEqual(silence);
    expect(silenceAt([silence], saturday())).toEqual(silence);
    expect(silenceAt([silence], new Date(silence.until))).toBeNull();
    expect(silenceAt([], saturday())).toBeNull();
  });
});

describe('opening a turf', () => {
  it('online: keeps the pack on the phone and starts the session', async () => {
    db = testDb();
    const opened = await openTurf(db, 7, server(), friday);
    expect(opened).toMatchObject({ kind: 'ready', offline: false, pack: { turf: { id: 7 } } });
    expect(await db.packs.get(7)).toMatchObject({ turfId: 7, savedAt: friday().getTime() });
  });

  it('online: refuses when the server says the silence holds', async () => {
    db = testDb();
    const refusing = server({
      startSession: () => Promise.reject(new ApiError(409, 'pre_election_silence')),
    });
    expect(await openTurf(db, 7, refusing, saturday)).toEqual({
      kind: 'silence',
      until: silence.until,
    });
  });

  it('offline: opens from the pack kept on the phone, unless the silence holds', async () => {
    db = testDb();
    await openTurf(db, 7, server(), friday);
    const unreachable = server({
      loadPack: () => Promise.reject(offline),
      startSession: () => Promise.reject(offline),
    });
    expect(await openTurf(db, 7, unreachable, friday)).toMatchObject({
      kind: 'ready',
      offline: true,
      savedAt: friday().getTime(),
    });
    expect(await openTurf(db, 7, unreachable, saturday)).toEqual({
      kind: 'silence',
      until: silence.until,
    });
  });

  it('offline: opens a pack kept by an earlier version, without electors, as having none', async () => {
    db = testDb();
    const pack = testPack();
    const earlier = pack.addresses.map(({ electors: _none, ...address }) => address);
    // Written as the earlier version wrote it: addresses without `electors`.
    await db.packs.put({
      turfId: 7,
      pack: { ...pack, addresses: earlier } as unknown as CanvassPack,
      savedAt: 1,
    });
    const unreachable = server({
      loadPack: () => Promise.reject(offline),
      startSession: () => Promise.reject(offline),
    });
    const opened = await openTurf(db, 7, unreachable, friday);
    expect(opened.kind === 'ready' && opened.pack.addresses.map((a) => a.electors)).toEqual([
      [],
      [],
      [],
    ]);
  });

  it('offline: says a turf never opened on this phone is not there', async () => {
    db = testDb();
    const unreachable = server({ loadPack: () => Promise.reject(offline) });
    expect(await openTurf(db, 7, unreachable, friday)).toEqual({ kind: 'not_downloaded' });
  });

  it('forgets the pack of a turf taken back, keeps the visits made on it', async () => {
    db = testDb();
    await openTurf(db, 7, server(), friday);
    await enqueueVisit(db, { turfId: 7, addressId: 1, outcome: 'not_home', mode: 'door' });
    const taken = server({
      loadPack: () => Promise.reject(new ApiError(403, 'turf_not_assigned')),
    });
    expect(await openTurf(db, 7, taken, friday)).toEqual({ kind: 'not_assigned' });
    expect(await db.packs.get(7)).toBeUndefined();
    expect(await localVisits(db, 7)).toHaveLength(1);
  });

  it('asks for a login when the session is gone', async () => {
    db = testDb();
    const loggedOut = server({
      loadPack: () => Promise.reject(new ApiError(401, 'unauthenticated')),
    });
    expect(await openTurf(db, 7, loggedOut, friday)).toEqual({ kind: 'unauthenticated' });
  });

  it('drops the sent visits a fresh pack already counts', async () => {
    db = testDb();
    const sent = await enqueueVisit(db, {
      turfId: 7,
      addressId: 1,
      outcome: 'moved',
      mode: 'door',
    });
    await applyResults(
      db,
      [sent],
      [{ id: sent.id, status: 'stored' }],
      new Date('2027-03-12T10:00:00Z'),
    );
    await openTurf(db, 7, server(), friday); // packed 2026-12-05: before the visit
    expect(await localVisits(db, 7)).toHaveLength(1);
    const fresh = server({
      loadPack: () => Promise.resolve(testPack({ packedAt: '2027-03-12T17:00:00.000Z' })),
    });
    await openTurf(db, 7, fresh, friday);
    expect(await localVisits(db, 7)).toEqual([]);
  });
});

describe('turfs opened in this visit of the app', () => {
  it('start their session once, again after half an hour, and not into a silence begun since', async () => {
    db = testDb();
    const startSession = vi.fn(() => Promise.resolve());
    let clock = new Date('2027-03-12T22:00:00.000Z').getTime();
    const opener = new TurfOpener(db, server({ startSession }), () => clock);

    expect((await opener.open(7)).kind).toBe('ready');
    clock += 10 * 60_000;
    expect((await opener.open(7)).kind).toBe('ready');
    expect(startSession).toHaveBeenCalledTimes(1);

    clock += 25 * 60_000;
    expect((await opener.open(7)).kind).toBe('ready');
    expect(startSession).toHaveBeenCalledTimes(2);

    // Midnight passed with the app open: the silence holds, the server says so too.
    clock = new Date(silence.from).getTime() + 60_000;
    startSession.mockRejectedValue(new ApiError(409, 'pre_election_silence'));
    expect(opener.peek(7)).toBeNull();
    expect(await opener.open(7)).toEqual({ kind: 'silence', until: silence.until });
  });
});
