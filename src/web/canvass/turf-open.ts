import type { CanvassPack } from '../../contracts/field-visits.ts';
import { ApiError } from '../core/api.ts';
import { isUnauthenticated, isUnreachable } from './api.ts';
import type { CanvassDb, StoredPack } from './db.ts';
import { forgetCountedVisits } from './outbox.ts';
import { silenceAt } from './silence.ts';

export type OpenedTurf =
  | { kind: 'ready'; pack: CanvassPack; savedAt: number; offline: boolean }
  /** The pre-election silence (L49) holds: no session may start. */
  | { kind: 'silence'; until: string | null }
  | { kind: 'not_assigned' }
  /** Offline, and this turf was never opened on this phone. */
  | { kind: 'not_downloaded' }
  | { kind: 'unauthenticated' }
  | { kind: 'error' };

export interface TurfServer {
  loadPack(turfId: number): Promise<CanvassPack>;
  startSession(turfId: number): Promise<void>;
}

/** An address as a pack kept by an earlier version of the app holds it: no electors yet. */
type KeptAddress = Omit<CanvassPack['addresses'][number], 'electors'> & { electors?: string[] };

/** A pack kept on the phone, read with what later versions added (electors: none known). */
export function keptPack(stored: StoredPack | undefined): StoredPack | undefined {
  if (!stored) return undefined;
  const addresses: KeptAddress[] = stored.pack.addresses;
  return {
    ...stored,
    pack: {
      ...stored.pack,
      addresses: addresses.map((a) => ({ ...a, electors: a.electors ?? [] })),
    },
  };
}

const isProblem = (error: unknown, status: number, code?: string) =>
  error instanceof ApiError && error.status === status && (!code || error.code === code);

/**
 * Opens a turf to canvass it. Online: downloads its pack (kept for offline use) and asks the
 * server to start the session, which refuses in the pre-election silence. Without an answer
 * from the server: the pack kept on the phone, and the silence windows it carries decide.
 */
export async function openTurf(
  db: CanvassDb,
  turfId: number,
  server: TurfServer,
  now: () => Date = () => new Date(),
): Promise<OpenedTurf> {
  let stored = keptPack(await db.packs.get(turfId));
  let reached = false;
  let failure: unknown = null;
  try {
    const pack = await server.loadPack(turfId);
    const savedAt = now().getTime();
    stored = { turfId, pack, savedAt };
    await db.transaction('rw', db.packs, db.recorded, async () => {
      await db.packs.put({ turfId, pack, savedAt });
      await forgetCountedVisits(db, turfId, pack.packedAt);
    });
    reached = true;
  } catch (error) {
    if (isUnauthenticated(error)) return { kind: 'unauthenticated' };
    if (isProblem(error, 403) || isProblem(error, 404)) {
      // Taken back from this volunteer: its visits stay in the outbox, the pack goes.
      await db.packs.delete(turfId);
      return { kind: 'not_assigned' };
    }
    // Unreachable or an error answer: the pack kept on the phone, if any, will do.
    failure = error;
  }
  if (!stored) return isUnreachable(failure) ? { kind: 'not_downloaded' } : { kind: 'error' };

  const offlineCheck = (): OpenedTurf => {
    const silence = silenceAt(stored.pack.silences, now());
    if (silence) return { kind: 'silence', until: silence.until };
    return { kind: 'ready', pack: stored.pack, savedAt: stored.savedAt, offline: !reached };
  };
  try {
    await server.startSession(turfId);
    return { kind: 'ready', pack: stored.pack, savedAt: stored.savedAt, offline: false };
  } catch (error) {
    if (isProblem(error, 409, 'pre_election_silence')) {
      return { kind: 'silence', until: silenceAt(stored.pack.silences, now())?.until ?? null };
    }
    if (isUnauthenticated(error)) return { kind: 'unauthenticated' };
    if (isProblem(error, 403)) return { kind: 'not_assigned' };
    if (isUnreachable(error) || error instanceof ApiError) return offlineCheck();
    return { kind: 'error' };
  }
}
