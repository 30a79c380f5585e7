import { readMeta, writeMeta, type CanvassDb, type OutboxVisit } from './db.ts';

/**
 * Who the phone last knew logged in, as the server said (GET /api/session): `personId` null
 * when the server said nobody. Kept on the phone so that a visit recorded offline is noted as
 * that person's.
 */
interface KnownAccount {
  personId: number | null;
}

const ACCOUNT = 'account';

/** The person the phone knows logged in, or null (nobody, or not known yet). */
export async function knownAccount(db: CanvassDb): Promise<number | null> {
  return (await readMeta<KnownAccount>(db, ACCOUNT))?.personId ?? null;
}

/**
 * Notes who the server says is logged in. A logged-in person claims the waiting visits no
 * account holds: those kept by a version of the app from before accounts were noted, and
 * those recorded while the phone knew nobody logged in. That older version sent its whole
 * outbox under whichever session it found, so the first account to sync after the update
 * would have sent them anyway; claiming them keeps that, and from then on they wait for that
 * account alone. Nothing on the phone says better whose they are.
 */
export async function learnAccount(db: CanvassDb, personId: number | null): Promise<void> {
  await db.transaction('rw', db.meta, db.outbox, async () => {
    // Written only when it changes: the screens that read it are drawn again on every write.
    if ((await readMeta<KnownAccount>(db, ACCOUNT))?.personId !== personId) {
      const known: KnownAccount = { personId };
      await writeMeta(db, ACCOUNT, known);
    }
    if (personId === null) return;
    await db.outbox.filter((row) => row.personId === undefined).modify({ personId });
  });
}

/**
 * Whether a visit is the known account's to see among its own (counted, listed as refused,
 * resent): its own and those no account holds yet; with nobody known, any. Resending only puts
 * a visit back in line: it still goes under its own account's session alone.
 */
export const isOwnVisit = (row: Pick<OutboxVisit, 'personId'>, personId: number | null) =>
  personId === null || row.personId === undefined || row.personId === personId;
