import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/index.ts';
import { campaignsTableExists, listCampaigns } from '../campaigns/service.ts';
import { pendingMigrations } from './migration-level.ts';
import { writeCampaignBackup } from './write.ts';

/** Automatic copies kept in the backup folder; older ones are deleted after a new one. */
export const AUTOMATIC_COPIES_KEPT = 3;
export const DATA_DIR_COPY = 'data-dir.tar.gz';

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

export interface AutomaticCopy {
  folder: string;
  files: string[];
}

/** Writes a backup of every campaign of `database` (and a data-folder copy for PGlite). */
export async function writeAutomaticCopy(
  database: Database,
  backupDir: string,
  reason: string,
): Promise<AutomaticCopy> {
  const folder = join(backupDir, `${stamp()}-${reason}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const files: string[] = [];
  try {
    const campaigns = await listCampaigns(database);
    for (const { id } of campaigns) {
      const file = join(folder, `campaign-${id}.levier.gz`);
      await writeCampaignBackup(database, id, createWriteStream(file, { mode: 0o600 }));
      files.push(file);
    }
    if (database.pglite) {
      // A checkpoint first, so the copy's files hold every committed write, not only the WAL.
      await database.exec('CHECKPOINT');
      const tarball = await database.pglite.dumpDataDir('gzip');
      const file = join(folder, DATA_DIR_COPY);
      writeFileSync(file, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
      files.push(file);
    }
  } catch (error) {
    // A copy cut short (a full disk) must not pass for one: restore --last would pick it.
    rmSync(folder, { recursive: true, force: true });
    throw new Error(
      `The automatic copy in ${folder} could not be written: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  pruneAutomaticCopies(backupDir);
  return { folder, files };
}

/** The automatic copies in `backupDir`, newest first. */
export function automaticCopies(backupDir: string): string[] {
  if (!existsSync(backupDir)) return [];
  return readdirSync(backupDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}-\d\d-\d\dT.*-before-/.test(entry.name))
    .map((entry) => join(backupDir, entry.name))
    .sort()
    .reverse();
}

function pruneAutomaticCopies(backupDir: string) {
  for (const folder of automaticCopies(backupDir).slice(AUTOMATIC_COPIES_KEPT)) {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Before migrations that change an existing database: a copy in `backupDir`, so a migration
 * that goes wrong (or a code version given up) can be undone with `levier restore`.
 */
export async function copyBeforeMigrations(
  database: Database,
  backupDir: string | undefined,
  log?: FastifyBaseLogger,
): Promise<AutomaticCopy | undefined> {
  if (!backupDir) return undefined;
  const pending = await pendingMigrations(database);
  if (pending.length === 0) return undefined;
  if (!(await campaignsTableExists(database))) return undefined; // a new database: nothing to keep
  const copy = await writeAutomaticCopy(database, backupDir, `before-${pending[0].tag}`);
  log?.info({ folder: copy.folder }, 'automatic copy written before migrating');
  return copy;
}

/** What to tell someone whose embedded folder no longer opens. */
export function recoveryAdvice(dataDir: string, backupDir: string | undefined): string {
  const copies = backupDir
    ? automaticCopies(backupDir).filter((folder) => existsSync(join(folder, DATA_DIR_COPY)))
    : [];
  const lines = [
    'If the folder is damaged (a disk that filled up, a copy cut short, two programs that opened it at once),',
  ];
  if (copies.length > 0) {
    lines.push(
      `put back the last automatic copy (${resolve(copies[0])}) with:`,
      '  npx levier restore --last',
      `The damaged folder is kept beside it. Writes made after that copy are not in it; a campaign backup made since (npx levier backup) can be restored on top with --replace.`,
    );
  } else {
    lines.push(
      `no automatic copy was found in ${backupDir ?? 'the backup folder'}; restore a campaign backup into a new folder:`,
      `  DATA_DIR=${dataDir}-new npx levier restore <file.levier.gz>`,
    );
  }
  return lines.join('\n');
}
