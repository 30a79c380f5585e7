import { forCampaign, type AppContext } from '../core/context.ts';
import { listCampaigns } from '../core/campaigns/service.ts';
import { purgeRateLimitCounters } from '../core/http/rate-limit-store.ts';
import { registerImportJob } from './people/import/job.ts';
import { registerDuplicatesJob } from './people/duplicates/find.ts';
import { refreshPeopleStatistics } from './people/statistics.ts';
import { registerRecruitmentMail } from './recruitment/service.ts';
import { runRetentionPurges } from '../core/personal-data/rights.ts';
import { personalData } from './personal-data.ts';
import { registerComplianceMailGate } from './compliance/mail-gate.ts';

const PURGE_UNCONFIRMED = 'recruitment.purge-unconfirmed';
const PURGE_RATE_LIMITS = 'maintenance.purge-rate-limit-counters';

/** Queues and schedules of every feature; handlers run only in processes that work. */
export async function registerJobs(ctx: AppContext, work: boolean) {
  registerRecruitmentMail(ctx);
  registerComplianceMailGate();
  await registerImportJob(ctx, work);
  await registerDuplicatesJob(ctx, work);
  await ctx.boss.createQueue(PURGE_UNCONFIRMED);
  await ctx.boss.schedule(
    PURGE_UNCONFIRMED,
    '17 3 * * *',
    {},
    { tz: ctx.config.CAMPAIGN_TIMEZONE },
  );
  await ctx.boss.createQueue(PURGE_RATE_LIMITS);
  await ctx.boss.schedule(
    PURGE_RATE_LIMITS,
    '47 3 * * *',
    {},
    { tz: ctx.config.CAMPAIGN_TIMEZONE },
  );
  if (!work) return;
  // Windows older than a day are over; without this the shared counters table only grows.
  await ctx.boss.work(PURGE_RATE_LIMITS, () => purgeRateLimitCounters(ctx.database));
  // One schedule for the database: each campaign's personal data past its keeping delay
  // (unconfirmed sign-ups, expired login codes and sessions, raw values kept by imports) goes in turn.
  await ctx.boss.work(PURGE_UNCONFIRMED, async () => {
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
  });
}
