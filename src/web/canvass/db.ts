import { Dexie, type Table } from 'dexie';
import type { CanvassPack, VisitInput } from '../../contracts/field-visits.ts';
import type { VisitOutcome } from '../../contracts/field-turfs.ts';

/** A turf's pack as downloaded, kept to canvass it without network. */
export interface StoredPack {
  turfId: number;
  pack: CanvassPack;
  /** When this phone stored it (ms since the epoch). */
  savedAt: number;
}

/**
 * A visit waiting for the server. `pending` ones are sent by the sync loop; `rejected` ones
 * stay, with the server's reason, until the volunteer sends them again by hand.
 */
export interface OutboxVisit {
  id: string;
  turfId: number;
  addressId: number;
  visit: VisitInput;
  status: 'pending' | 'rejected';
  /** When it was recorded (ms): the order it is sent in. */
  createdAt: number;
  /** Sends tried; a visit never sent may be withdrawn (a leaflet tapped by mistake). */
  attempts: number;
  rejection?: { code: string; message: string };
  /**
   * The person logged in on the phone when it was recorded: only their session sends it.
   * Absent on a visit kept by a version of the app from before (which did not note it), or
   * recorded while the phone knew nobody logged in: the first account that syncs claims it
   * (account.ts).
   */
  personId?: number;
}

/**
 * What remains of a visit once the server has it: enough to show the address as done, and
 * nothing the resident said (answers and contact leave the phone with the visit).
 */
export interface RecordedVisit {
  id: string;
  turfId: number;
  addressId: number;
  outcome: VisitOutcome;
  building?: string;
  floor?: string;
  door?: string;
  visitedAt: string;
  /** When the server confirmed it (ms): a pack packed later already counts it. */
  confirmedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** The canvassing app's IndexedDB: turf packs, the outbox, visits sent, small settings. */
export class CanvassDb extends Dexie {
  packs!: Table<StoredPack, number>;
  outbox!: Table<OutboxVisit, string>;
  recorded!: Table<RecordedVisit, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'levier-canvass') {
    super(name);
    this.version(1).stores({
      packs: 'turfId',
      outbox: 'id, turfId, [status+createdAt]',
      recorded: 'id, turfId',
      meta: 'key',
    });
    // Each waiting visit's account, to send a person's visits under their session alone. The
    // visits of version 1 stay as they are, without one: nothing on the phone says whose they
    // are, so no upgrade can fill it in; the first account that syncs claims them (account.ts).
    this.version(2).stores({
      outbox: 'id, turfId, [status+createdAt], [personId+status+createdAt]',
    });
  }
}

export async function readMeta<T>(db: CanvassDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function writeMeta(db: CanvassDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
