import { Dexie } from 'dexie';
import type { VisitOutcome } from '../../contracts/field-turfs.ts';
import type { VisitInput, VisitSyncResult } from '../../contracts/field-visits.ts';
import { isOwnVisit, knownAccount } from './account.ts';
import type { CanvassDb, OutboxVisit, RecordedVisit } from './db.ts';

/** A visit as the address sheet or the leaflet mode makes it, before it gets its id. */
export type NewVisit = Omit<VisitInput, 'id' | 'visitedAt'> & { visitedAt?: string };

/** Optional texts are left out when blank, so the outbox holds what the server would keep. */
function withoutBlanks(visit: VisitInput): VisitInput {
  const clean: VisitInput = { ...visit };
  for (const key of ['building', 'floor', 'door', 'notes'] as const) {
    const value = clean[key]?.trim();
    if (value) clean[key] = value;
    else delete clean[key];
  }
  return clean;
}

/**
 * The outbox sends oldest first, by `createdAt`: a visit recorded in the same millisecond as
 * one waiting goes a thousandth of a millisecond after it, so both keep the order they were
 * recorded in (the id, random, would otherwise decide).
 */
async function freeMoment(db: CanvassDb, at: number): Promise<number> {
  let moment = at;
  while ((await db.outbox.where('[status+createdAt]').equals(['pending', moment]).count()) > 0)
    moment += 0.001;
  return moment;
}

/**
 * Puts a visit in the outbox under an id made here: the id travels with every retry, so the
 * server stores it once however many times it is sent. It is noted as the visit of the person
 * the phone knows logged in, whose session alone will send it.
 */
export async function enqueueVisit(
  db: CanvassDb,
  visit: NewVisit,
  now: Date = new Date(),
  makeId: () => string = () => crypto.randomUUID(),
): Promise<OutboxVisit> {
  const id = makeId();
  const row: OutboxVisit = {
    id,
    turfId: visit.turfId,
    addressId: visit.addressId,
    visit: withoutBlanks({ ...visit, id, visitedAt: visit.visitedAt ?? now.toISOString() }),
    status: 'pending',
    createdAt: 0,
    attempts: 0,
  };
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const personId = await knownAccount(db);
    if (personId !== null) row.personId = personId;
    row.createdAt = await freeMoment(db, now.getTime());
    await db.outbox.add(row);
  });
  return row;
}

/** The visits of the account the phone knows (with those no account holds yet), by status. */
export interface OutboxCounts {
  pending: number;
  rejected: number;
}

const byStatus = (db: CanvassDb, status: OutboxVisit['status']) =>
  db.outbox.where('[status+createdAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]);

/** The owner and status of every visit some account holds, read from the index alone. */
async function ownedVisits(
  db: CanvassDb,
): Promise<Array<{ personId: number; status: OutboxVisit['status'] }>> {
  const keys = await db.outbox.orderBy('[personId+status+createdAt]').keys();
  return keys.map((key) => {
    // The index's keys are [personId, status, createdAt], as the schema declares it (db.ts).
    const [personId, status] = key as unknown as [number, OutboxVisit['status'], number];
    return { personId, status };
  });
}

/** Visits another account recorded on this phone: they wait for it to log in here again. */
export interface OtherAccountsWaiting {
  visits: number;
  accounts: number;
}

function otherAccountsVisits(
  owned: Awaited<ReturnType<typeof ownedVisits>>,
  personId: number | null,
) {
  return personId === null ? [] : owned.filter((visit) => visit.personId !== personId);
}

/**
 * What waits for the account the phone knows. With nobody known (logged out), every visit
 * counts: whoever logs in, each will go under its own account.
 */
export async function outboxCounts(db: CanvassDb): Promise<OutboxCounts> {
  const [personId, pending, rejected, owned] = await Promise.all([
    knownAccount(db),
    byStatus(db, 'pending').count(),
    byStatus(db, 'rejected').count(),
    ownedVisits(db),
  ]);
  const others = otherAccountsVisits(owned, personId);
  return {
    pending: pending - others.filter((visit) => visit.status === 'pending').length,
    rejected: rejected - others.filter((visit) => visit.status === 'rejected').length,
  };
}

export async function otherAccountsWaiting(db: CanvassDb): Promise<OtherAccountsWaiting> {
  const [personId, owned] = await Promise.all([knownAccount(db), ownedVisits(db)]);
  const others = otherAccountsVisits(owned, personId);
  return {
    visits: others.length,
    accounts: new Set(others.map((visit) => visit.personId)).size,
  };
}

/** The refused visits of the account the phone knows: another account's are its to resend. */
export async function rejectedVisits(db: CanvassDb): Promise<OutboxVisit[]> {
  const [personId, rows] = await Promise.all([
    knownAccount(db),
    byStatus(db, 'rejected').toArray(),
  ]);
  return rows.filter((row) => isOwnVisit(row, personId));
}

/**
 * This person's oldest pending visits, at most `limit`, leaving out those in `skip`. Visits no
 * account holds are not among them until claimed (account.ts `learnAccount`).
 */
export async function pendingBatch(
  db: CanvassDb,
  personId: number,
  limit: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<OutboxVisit[]> {
  return db.outbox
    .where('[personId+status+createdAt]')
    .between([personId, 'pending', Dexie.minKey], [personId, 'pending', Dexie.maxKey])
    .filter((row) => !skip.has(row.id))
    .limit(limit)
    .toArray();
}

/** Whether any visit, whoever's, waits to be sent. */
export async function anyPending(db: CanvassDb): Promise<boolean> {
  return (await byStatus(db, 'pending').first()) !== undefined;
}

/** Counts a send of these visits before it leaves: a visit once sent can no longer be withdrawn. */
export async function markAttempted(db: CanvassDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const id of ids) {
      await db.outbox
        .where('id')
        .equals(id)
        .modify((row) => void (row.attempts += 1));
    }
  });
}

export interface AppliedResults {
  /** Stored now or before: gone from the outbox. */
  done: string[];
  rejected: string[];
  /** Sent but not answered for: still pending. */
  unanswered: string[];
}

/**
 * Applies the server's answer to a batch: a visit leaves the outbox only when the server says
 * it has it (`stored`, `duplicate`); a `rejected` one stays with its reason and is not resent;
 * a visit the answer does not mention stays pending.
 */
export async function applyResults(
  db: CanvassDb,
  batch: readonly OutboxVisit[],
  results: VisitSyncResult['results'],
  now: Date = new Date(),
): Promise<AppliedResults> {
  const byId = new Map(results.map((result) => [result.id, result]));
  const applied: AppliedResults = { done: [], rejected: [], unanswered: [] };
  await db.transaction('rw', db.outbox, db.recorded, async () => {
    for (const sent of batch) {
      const result = byId.get(sent.id);
      const row = await db.outbox.get(sent.id);
      if (!result || !row) {
        if (!result) applied.unanswered.push(sent.id);
        continue;
      }
      if (result.status === 'rejected') {
        await db.outbox.update(sent.id, {
          status: 'rejected',
          rejection: { code: result.code ?? 'rejected', message: result.message ?? '' },
        });
        applied.rejected.push(sent.id);
        continue;
      }
      await db.recorded.put(recordOf(row, now));
      await db.outbox.delete(sent.id);
      applied.done.push(sent.id);
    }
  });
  return applied;
}

function recordOf(row: OutboxVisit, now: Date): RecordedVisit {
  const { visit } = row;
  return {
    id: row.id,
    turfId: row.turfId,
    addressId: row.addressId,
    outcome: visit.outcome,
    ...(visit.building ? { building: visit.building } : {}),
    ...(visit.floor ? { floor: visit.floor } : {}),
    ...(visit.door ? { door: visit.door } : {}),
    visitedAt: visit.visitedAt,
    confirmedAt: now.getTime(),
  };
}

/** Puts rejected visits back in line (the volunteer asked), keeping their ids. */
export async function resendRejected(db: CanvassDb, ids?: readonly string[]): Promise<number> {
  const rows = await rejectedVisits(db);
  const chosen = ids ? rows.filter((row) => ids.includes(row.id)) : rows;
  await db.transaction('rw', db.outbox, async () => {
    for (const row of chosen) {
      await db.outbox.update(row.id, { status: 'pending', rejection: undefined });
    }
  });
  return chosen.length;
}

/**
 * Whether the account the phone knows may take this visit back: never another account's, nor
 * with nobody logged in one that an account holds.
 */
const mayWithdraw = (row: OutboxVisit, personId: number | null) =>
  row.status === 'pending' &&
  row.attempts === 0 &&
  (row.personId === undefined || row.personId === personId);

/**
 * Takes back a visit that never left the phone (a leaflet tapped by mistake). One that was
 * sent, even without an answer, may be stored already: it stays.
 */
export async function withdrawVisit(
  db: CanvassDb,
  id: string,
  inFlight: ReadonlySet<string> = new Set(),
): Promise<boolean> {
  if (inFlight.has(id)) return false;
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const row = await db.outbox.get(id);
    if (!row || !mayWithdraw(row, await knownAccount(db))) return false;
    await db.outbox.delete(id);
    return true;
  });
}

/** A visit recorded on this phone, waiting or sent, as the walk list shows it. */
export interface LocalVisit {
  id: string;
  addressId: number;
  outcome: VisitOutcome;
  building?: string;
  floor?: string;
  door?: string;
  visitedAt: string;
  state: 'pending' | 'rejected' | 'sent';
  /** Whether it may still be withdrawn (never sent). */
  withdrawable: boolean;
}

/**
 * Every visit this phone recorded on a turf (waiting, refused or sent, whichever account made
 * it: the door was knocked), oldest first.
 */
export async function localVisits(db: CanvassDb, turfId: number): Promise<LocalVisit[]> {
  const [personId, waiting, sent] = await Promise.all([
    knownAccount(db),
    db.outbox.where('turfId').equals(turfId).toArray(),
    db.recorded.where('turfId').equals(turfId).toArray(),
  ]);
  const visits: LocalVisit[] = [
    ...waiting.map((row) => ({
      id: row.id,
      addressId: row.addressId,
      outcome: row.visit.outcome,
      building: row.visit.building,
      floor: row.visit.floor,
      door: row.visit.door,
      visitedAt: row.visit.visitedAt,
      state: row.status,
      withdrawable: mayWithdraw(row, personId),
    })),
    ...sent.map((row) => ({
      id: row.id,
      addressId: row.addressId,
      outcome: row.outcome,
      building: row.building,
      floor: row.floor,
      door: row.door,
      visitedAt: row.visitedAt,
      state: 'sent' as const,
      withdrawable: false,
    })),
  ];
  return visits.sort((a, b) => a.visitedAt.localeCompare(b.visitedAt));
}

/**
 * Forgets the sent visits a fresh pack already counts (confirmed before it was packed): the
 * pack's own last outcome then speaks for them.
 */
export async function forgetCountedVisits(
  db: CanvassDb,
  turfId: number,
  packedAt: string,
): Promise<void> {
  const packed = Date.parse(packedAt);
  await db.recorded
    .where('turfId')
    .equals(turfId)
    .filter((row) => row.confirmedAt < packed)
    .delete();
}
