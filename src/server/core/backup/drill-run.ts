import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppContext } from '../context.ts';
import { audit } from '../audit.ts';
import { listCampaigns } from '../campaigns/service.ts';
import { automaticCopies } from './automatic.ts';
import { drillBackup, drillReport, type DrillResult } from './drill.ts';
import { scheduledBackups } from './schedule.ts';

/** The newest backup of the campaign in BACKUP_DIR: a scheduled one, else an automatic copy's. */
export function newestBackup(backupDir: string, campaignId: number): string | undefined {
  const scheduled = scheduledBackups(backupDir, campaignId)[0];
  if (scheduled) return scheduled.path;
  return automaticCopies(backupDir)
    .map((folder) => join(folder, `campaign-${campaignId}.levier.gz`))
    .find((file) => existsSync(file));
}

/**
 * A drill of `file` (the campaign's newest backup when absent) into a scratch database of the
 * engine this process runs on, written to the campaign's audit log and to the log.
 */
export async function runRecordedDrill(
  ctx: AppContext,
  campaignId: number,
  file?: string,
): Promise<DrillResult> {
  const chosen = file ?? newestBackup(ctx.config.backupDir, campaignId);
  const result: DrillResult = chosen
    ? await drillBackup(chosen, {
        databaseUrl: ctx.database.engine === 'postgres' ? ctx.config.DATABASE_URL : undefined,
      })
    : {
        ok: false,
        file: '',
        target: ctx.database.engine,
        campaignId,
        backupCreatedAt: null,
        tables: [],
        rows: 0,
        ms: 0,
        error: `No backup of campaign ${campaignId} in ${ctx.config.backupDir}: nothing to drill.`,
      };
  // The audit log and the admin page show the file's name, not where the server keeps it.
  if (result.error && result.file) {
    result.error = result.error.split(result.file).join(basename(result.file));
  }
  const differing = result.tables.filter((table) => !table.ok).map((table) => table.table);
  await audit(ctx.database, {
    campaignId,
    actorId: null,
    action: result.ok ? 'backup.drill' : 'backup.drill_failed',
    target: result.file ? basename(result.file) : undefined,
    details: {
      ok: result.ok,
      target: result.target,
      tables: result.tables.length,
      rows: result.rows,
      ms: result.ms,
      ...(result.backupCreatedAt ? { backupCreatedAt: result.backupCreatedAt } : {}),
      ...(differing.length ? { differing } : {}),
      ...(result.error ? { error: result.error.slice(0, 500) } : {}),
    },
  });
  const fields = { campaignId, file: result.file, rows: result.rows, ms: result.ms };
  if (result.ok) ctx.log.info(fields, 'restore drill passed');
  else ctx.log.error({ ...fields, error: result.error }, 'restore drill FAILED');
  return result;
}

/** The scheduled drill: the newest backup of every campaign; throws when one fails. */
export async function runScheduledDrills(ctx: AppContext): Promise<DrillResult[]> {
  const results: DrillResult[] = [];
  for (const { id } of await listCampaigns(ctx.database)) {
    results.push(await runRecordedDrill(ctx, id));
  }
  const failed = results.filter((result) => !result.ok);
  if (failed.length > 0) {
    throw new Error(failed.flatMap(drillReport).join('\n'));
  }
  return results;
}
