import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DATA_DIR holds Levier's files around the embedded database, which lives in its own
 * sub-folder: a copy of that folder (PGlite's dumpDataDir, `levier restore`) then holds
 * PostgreSQL's files and nothing else, never the lock or the automatic copies.
 *
 *   DATA_DIR/pgdata/          PGlite's PostgreSQL data folder
 *   DATA_DIR/levier.lock      who has it open (db/lock.ts)
 *   DATA_DIR/levier.control   how to reach the running server (0600; cli-channel)
 *   DATA_DIR/backups/         automatic copies, unless BACKUP_DIR says otherwise
 */
export const PGDATA = 'pgdata';

export const pgliteFolder = (dataDir: string) => join(dataDir, PGDATA);

const levierEntries = new Set([PGDATA, 'backups', 'levier.lock', 'levier.lock.takeover']);

/**
 * Folders written before the sub-folder existed kept PostgreSQL's files in DATA_DIR itself:
 * they are moved into pgdata/ (renames only; PG_VERSION last, so a move cut short by a crash
 * is resumed at the next start). Called with the lock held.
 */
export function useDataDirLayout(dataDir: string): void {
  const marker = join(dataDir, 'PG_VERSION');
  if (!existsSync(marker)) return;
  const target = pgliteFolder(dataDir);
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(dataDir)) {
    if (levierEntries.has(entry) || entry.startsWith('levier.') || entry === 'PG_VERSION') continue;
    renameSync(join(dataDir, entry), join(target, entry));
  }
  renameSync(marker, join(target, 'PG_VERSION'));
}
