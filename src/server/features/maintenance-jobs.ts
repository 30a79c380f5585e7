import { z } from 'zod';
import { forCampaign } from '../core/context.ts';
import { purgeRateLimitCounters } from '../core/http/rate-limit-store.ts';
import { defineJob } from '../core/jobs/index.ts';
import { listCampaigns } from '../core/campaigns/service.ts';
import { runRetentionPurges } from '../core/personal-data/rights.ts';
import { runScheduledBackups } from '../core/backup/schedule.ts';
import { runScheduledDrills } from '../core/backup/drill-run.ts';
import { personalData } from './personal-data.ts';
import { refreshPeopleStatistics } from './people/statistics.ts';

/**
 * One schedule for the database: each campaign's personal data past its keeping delay (every
 * feature's retention purges of the personal-data registry) goes in turn. The queue keeps its first name, so schedules already stored stay one.
 */
export const purgePersonalDataJob = defineJob({
  name: 'recruitment.purge-unconfirmed',
  payload: z.object({}),
  schedule: { cron: '17 3 * * *' },
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const removed = await runRetentionPurges(personalData(), forCampaign(ctx, campaign.id));
      ctx.log.info(
        { campaignId: campaign.id, ...removed },
        'purged personal data past its keeping delay',
      );
    }
    // PGlite has no autovacuum: a day of sign-ups and purges would otherwise never reach the
    // statistics behind the people counts past their exact cap.
    if (ctx.database.engine === 'pglite') await refreshPeopleStatistics(ctx.database);
  },
});

/** Windows older than a day are over; without this the shared counters table only grows. */
export const purgeRateLimitCountersJob = defineJob({
  name: 'maintenance.purge-rate-limit-counters',
  payload: z.object({}),
  schedule: { cron: '47 3 * * *' },
  async run(ctx) {
    await purgeRateLimitCounters(ctx.database);
  },
});

const cronOrOff = (cron: string) => (cron === 'off' ? undefined : cron);

/**
 * A backup of every campaign into BACKUP_DIR/scheduled (BACKUP_SCHEDULE, daily at 02:30 by
 * default), the last BACKUP_KEEP of each kept; each run goes to the campaign's audit log.
 */
export const scheduledBackupJob = defineJob({
  name: 'maintenance.backup',
  payload: z.object({}),
  schedule: { cron: '30 2 * * *' },
  cronFrom: (config) => cronOrOff(config.BACKUP_SCHEDULE),
  retry: { limit: 2, delaySeconds: 600 },
  expireInSeconds: 6 * 3600,
  async run(ctx) {
    await runScheduledBackups(ctx);
  },
});

/**
 * The restore drill (BACKUP_DRILL_SCHEDULE, Sundays at 04:30 by default): each campaign's
 * newest backup restored into a scratch database and compared with its file.
 */
export const backupDrillJob = defineJob({
  name: 'maintenance.backup-drill',
  payload: z.object({}),
  schedule: { cron: '30 4 * * 0' },
  cronFrom: (config) => cronOrOff(config.BACKUP_DRILL_SCHEDULE),
  retry: { limit: 0, delaySeconds: 60 },
  expireInSeconds: 6 * 3600,
  async run(ctx) {
    await runScheduledDrills(ctx);
  },
});
