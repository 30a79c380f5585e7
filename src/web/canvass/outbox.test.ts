import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CanvassDb } from './db.ts';
import {
  applyResults,
  enqueueVisit,
  forgetCountedVisits,
  localVisits,
  markAttempted,
  outboxCounts,
  pendingBatch,
  resendRejected,
  withdrawVisit,
} from './outbox.ts';
import { FIRST_PERSON, testDbOf } from './testing.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let db: CanvassDb;

afterEach(async () => {
  await db?.delete();
});

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute));

describe('the outbox', () => {
  it('keeps a visit under a UUID made on the phone, with its time and without blank texts', async () => {
    db = await testDbOf();
    const row = await enqueueVisit(
      db,
      {
        turfId: 7,
        addressId: 1,
        outcome: 'not_home',
        mode: 'door',
        building: ' A ',
        floor: '',
        door: '   ',
        notes: ' Chien méchant ',
      },
      at(0),
    );
    expect(row.id).toMatch(UUID);
    expect(row.visit).toEqual({
      id: row.id,
      turfId: 7,
      addressId: 1,
      outcome: 'not_home',
      mode: 'door',
      building: 'A',
      notes: 'Chien méchant',
      visitedAt: '2026-12-05T09:00:00.000Z',
    });
    expect(await db.outbox.get(row.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 0 });
  });

  it('gives the oldest pending visits first, at most the number asked', async () => {
    db = await testDbOf();
    const later = await enqueueVisit(
      db,
      { turfId: 7, addressId: 2, outcome: 'refused', mode: 'door' },
      at(5),
    );
    const first = await enqueueVisit(
      db,
      { turfId: 7, addressId: 1, outcome: 'moved', mode: 'door' },
      at(1),
    );
    const third = await enqueueVisit(
      db,
      { turfId: 7, addressId: 3, outcome: 'leaflet', mode: 'leaflet' },
      at(9),
    );
    expect((await pendingBatch(db, FIRST_PERSON, 2)).map((r) => r.id)).toEqual([
      first.id,
      later.id,
    ]);
    expect((await pendingBatch(db, FIRST_PERSON, 5, new Set([later.id]))).map((r) => r.id)).toEqual(
      [first.id, third.id],
    );
  });

  it('lets go of a visit only on the server’s word, keeps a refused one with its reason', async () => {
    db = await testDbOf();
    const stored = await enqueueVisit(
      db,
      { turfId: 7, addressId: 1, outcome: 'not_home', mode: 'door', door: '3B' },
      at(1),
    );
    const duplicate = await enqueueVisit(
      db,
      { turfId: 7, addressId: 2, outcome: 'conversation', mode: 'door' },
      at(2),
    );
    const refused = await enqueueVisit(
      db,
      { turfId: 7, addressId: 3, outcome: 'refused', mode: 'door' },
      at(3),
    );
    const unanswered = await enqueueVisit(
      db,
      { turfId: 7, addressId: 3, outcome: 'moved', mode: 'door' },
      at(4),
    );
    const batch = await pendingBatch(db, FIRST_PERSON, 10);

    const applied = await applyResults(
      db,
      batch,
      [
        { id: stored.id, status: 'stored' },
        { id: duplicate.id, status: 'duplicate' },
        { id: refused.id, status: 'rejected', code: 'invalid_visit', message: 'notes: too_long' },
      ],
      at(10),
    );

    expect(applied).toEqual({
      done: [stored.id, duplicate.id],
      rejected: [refused.id],
      unanswered: [unanswered.id],
    });
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 1 });
    expect(await db.outbox.get(refused.id)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'invalid_visit', message: 'notes: too_long' },
    });
    // A refused visit is not sent again on its own.
    expect((await pendingBatch(db, FIRST_PERSON, 10)).map((r) => r.id)).toEqual([unanswered.id]);
    // What the phone keeps of a visit sent: its outcome and door, nothing the resident said.
    expect(await db.recorded.get(stored.id)).toEqual({
      id: stored.id,
      turfId: 7,
      addressId: 1,
      outcome: 'not_home',
      door: '3B',
      visitedAt: '2026-12-05T09:01:00.000Z',
      confirmedAt: at(10).getTime(),
    });
  });

  it('puts refused visits back in line under the same id when the volunteer asks', async () => {
    db = await testDbOf();
    const visit = await enqueueVisit(db, {
      turfId: 7,
      addressId: 1,
      outcome: 'refused',
      mode: 'door',
    });
    await applyResults(
      db,
      [visit],
      [{ id: visit.id, status: 'rejected', code: 'x', message: 'y' }],
    );
    expect(await resendRejected(db)).toBe(1);
    const [again] = await pendingBatch(db, FIRST_PERSON, 10);
    expect(again.id).toBe(visit.id);
    expect(again.rejection).toBeUndefined();
  });

  it('withdraws a visit never sent, never one that left the phone', async () => {
    db = await testDbOf();
    const mistake = await enqueueVisit(db, {
      turfId: 7,
      addressId: 1,
      outcome: 'leaflet',
      mode: 'leaflet',
    });
    const sent = await enqueueVisit(db, {
      turfId: 7,
      addressId: 2,
      outcome: 'leaflet',
      mode: 'leaflet',
    });
    const sending = await enqueueVisit(db, {
      turfId: 7,
      addressId: 3,
      outcome: 'leaflet',
      mode: 'leaflet',
    });
    await markAttempted(db, [sent.id]);

    expect(await withdrawVisit(db, sent.id)).toBe(false);
    expect(await withdrawVisit(db, sending.id, new Set([sending.id]))).toBe(false);
    expect(await withdrawVisit(db, mistake.id)).toBe(true);
    expect((await pendingBatch(db, FIRST_PERSON, 10)).map((r) => r.id).sort()).toEqual(
      [sent.id, sending.id].sort(),
    );
  });

  it('lists a turf’s visits, waiting and sent, and forgets the sent ones a newer pack counts', async () => {
    db = await testDbOf();
    const sent = await enqueueVisit(
      db,
      { turfId: 7, addressId: 1, outcome: 'conversation', mode: 'door' },
      at(1),
    );
    await applyResults(db, [sent], [{ id: sent.id, status: 'stored' }], at(2));
    const waiting = await enqueueVisit(
      db,
      { turfId: 7, addressId: 2, outcome: 'not_home', mode: 'door' },
      at(3),
    );
    await enqueueVisit(db, { turfId: 8, addressId: 9, outcome: 'not_home', mode: 'door' }, at(4));

    expect(await localVisits(db, 7)).toMatchObject([
      { id: sent.id, addressId: 1, outcome: 'conversation', state: 'sent', withdrawable: false },
      { id: waiting.id, addressId: 2, outcome: 'not_home', state: 'pending', withdrawable: true },
    ]);
    await forgetCountedVisits(db, 7, at(1).toISOString());
    expect(await localVisits(db, 7)).toHaveLength(2);
    await forgetCountedVisits(db, 7, at(5).toISOString());
    expect((await localVisits(db, 7)).map((v) => v.id)).toEqual([waiting.id]);
  });
});
