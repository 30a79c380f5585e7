import type { FastifyPluginAsync } from 'fastify';
import { backupsApi } from '../../../contracts/backups-api.ts';
import type { BackupStatus } from '../../../contracts/backups.ts';
import type { AppContext } from '../context.ts';
import { serve } from '../http/contract.ts';
import { latestBackupRuns, scheduledBackups } from './schedule.ts';

const cronOrNull = (cron: string) => (cron === 'off' ? null : cron);

export async function backupStatus(ctx: AppContext): Promise<BackupStatus> {
  const { config } = ctx;
  const runs = await latestBackupRuns(ctx.database, ctx.campaignId);
  return {
    schedule: cronOrNull(config.BACKUP_SCHEDULE),
    drillSchedule: cronOrNull(config.BACKUP_DRILL_SCHEDULE),
    keep: config.BACKUP_KEEP,
    timeZone: config.CAMPAIGN_TIMEZONE,
    files: scheduledBackups(config.backupDir, ctx.campaignId).map((file) => ({
      name: file.name,
      bytes: file.bytes,
      createdAt: file.createdAt,
    })),
    runs: runs.map((run) => ({
      at: new Date(run.at).toISOString(),
      action: run.action,
      target: run.target,
      details: run.details,
    })),
  };
}

/** GET /api/admin/backups (admins: audit.read). */
export const backupRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, backupsApi.status, () => backupStatus(ctx));
  };
