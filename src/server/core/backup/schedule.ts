import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { audit, auditEntriesOf } from '../audit.ts';
import { listCampaigns } from '../campaigns/service.ts';
import { writeCampaignBackup } from './write.ts';

/** Scheduled backups go in this folder of BACKUP_DIR, apart from the automatic copies. */
export const SCHEDULED_FOLDER = 'scheduled';

/** Audit actions of the scheduled backups and drills (labels in the admin's audit log). */
export const BACKUP_AUDIT_ACTIONS = [
  'backup.scheduled',
  'backup.scheduled_failed',
  'backup.drill',
  'backup.drill_failed',
  'campaign.backup',
  'campaign.restore',
] as const;

const PARTIAL = '.partial';
const NAME = /^campaign-(\d+)-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.levier\.gz$/;

export const scheduledDir = (backupDir: string) => join(backupDir, SCHEDULED_FOLDER);

export interface ScheduledBackupFile {
  path: string;
  name: string;
  campaignId: number;
  bytes: number;
  /** When it was written (from its name). */
  createdAt: string;
}

/** `2026-12-06T02:30:00.000Z` as it appears in a file name (no colons nor dots). */
const stampOf = (at: Date) => at.toISOString().replace(/[:.]/g, '-');
const dateOfStamp = (stamp: string) =>
  stamp.replace(
    /T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/,
    (_all, h: string, m: string, sec: string, ms: string) => `T${h}:${m}:${sec}.${ms}Z`,
  );

/**
 * The complete scheduled backups in `backupDir` (of one campaign when given), newest first.
 * A file still being written (or left by a write that failed) ends in `.partial` and is not one.
 */
export function scheduledBackups(backupDir: string, campaignId?: number): ScheduledBackupFile[] {
  const folder = scheduledDir(backupDir);
  if (!existsSync(folder)) return [];
  const found: ScheduledBackupFile[] = [];
  for (const name of readdirSync(folder)) {
    const match = NAME.exec(name);
    if (!match) continue;
    const id = Number(match[1]);
    if (campaignId !== undefined && id !== campaignId) continue;
    const path = join(folder, name);
    found.push({
      path,
      name,
      campaignId: id,
      bytes: statSync(path).size,
      createdAt: dateOfStamp(match[2]),
    });
  }
  return found.sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name),
  );
}

export interface ScheduledBackup {
  file: ScheduledBackupFile;
  rows: number;
  /** Older backups of the campaign deleted by the rotation. */
  removed: string[];
}

/**
 * Writes a backup of `campaignId` into BACKUP_DIR/scheduled (0600), under a `.partial` name
 * renamed once whole: a write that fails (a full disk, a lost connection) leaves no file that
 * could pass for a backup. Then keeps the newest `keep` complete backups of the campaign
 * (at least 1: the one just written is never deleted).
 */
export async function writeScheduledBackup(
  database: Database,
  backupDir: string,
  campaignId: number,
  keep: number,
  now = new Date(),
): Promise<ScheduledBackup> {
  const folder = scheduledDir(backupDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const name = `campaign-${campaignId}-${stampOf(now)}.levier.gz`;
  const path = join(folder, name);
  const partial = path + PARTIAL;
  // What a process killed mid-write left behind for this campaign.
  for (const leftover of readdirSync(folder)) {
    if (leftover.startsWith(`campaign-${campaignId}-`) && leftover.endsWith(PARTIAL)) {
      rmSync(join(folder, leftover), { force: true });
    }
  }
  let rows: number;
  try {
    rows = (
      await writeCampaignBackup(database, campaignId, createWriteStream(partial, { mode: 0o600 }))
    ).rows;
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const removed: string[] = [];
  for (const old of scheduledBackups(backupDir, campaignId).slice(Math.max(1, keep))) {
    if (old.path === path) continue;
    rmSync(old.path, { force: true });
    removed.push(old.name);
  }
  return {
    file: { path, name, campaignId, bytes: statSync(path).size, createdAt: now.toISOString() },
    rows,
    removed,
  };
}

export interface ScheduledRun {
  written: ScheduledBackup[];
  failed: Array<{ campaignId: number; error: string }>;
}

/**
 * The scheduled job's work: a backup of every campaign of the database, each written to its
 * campaign's audit log (done or failed). Throws when one failed, after trying them all, so the
 * job shows as failed (and is retried).
 */
export async function runScheduledBackups(ctx: AppContext): Promise<ScheduledRun> {
  const { backupDir, BACKUP_KEEP } = ctx.config;
  const run: ScheduledRun = { written: [], failed: [] };
  for (const { id } of await listCampaigns(ctx.database)) {
    const started = performance.now();
    try {
      const backup = await writeScheduledBackup(ctx.database, backupDir, id, BACKUP_KEEP);
      const ms = Math.round(performance.now() - started);
      await audit(ctx.database, {
        campaignId: id,
        actorId: null,
        action: 'backup.scheduled',
        target: backup.file.name,
        details: {
          rows: backup.rows,
          bytes: backup.file.bytes,
          ms,
          removed: backup.removed.length,
        },
      });
      ctx.log.info(
        { campaignId: id, file: backup.file.path, rows: backup.rows, ms, removed: backup.removed },
        'scheduled backup written',
      );
      run.written.push(backup);
    } catch (error) {
      const message = (error as Error).message;
      run.failed.push({ campaignId: id, error: message });
      ctx.log.error({ campaignId: id, err: error }, 'scheduled backup failed');
      await audit(ctx.database, {
        campaignId: id,
        actorId: null,
        action: 'backup.scheduled_failed',
        details: { error: message.slice(0, 500) },
      }).catch((auditError: unknown) =>
        ctx.log.error({ err: auditError }, 'the failed backup could not be audited'),
      );
    }
  }
  if (run.failed.length > 0) {
    throw new Error(
      `Scheduled backup failed for campaign(s) ${run.failed.map((f) => `${f.campaignId} (${f.error})`).join(', ')}.`,
    );
  }
  return run;
}

export interface BackupRun {
  at: Date;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** The campaign's latest backups, restores and drills, from its audit log, newest first. */
export const latestBackupRuns = (
  database: Database,
  campaignId: number,
  limit = 20,
): Promise<BackupRun[]> => auditEntriesOf(database, campaignId, BACKUP_AUDIT_ACTIONS, limit);

/** The file's name only: what the admin pages and the audit log show of a path. */
export const fileName = (path: string) => basename(path);
