import { forCampaign, type AppContext } from '../core/context.ts';
import { listCampaigns } from './campaigns/service.ts';
import { purgeRateLimitCounters } from '../core/http/rate-limit-store.ts';
import { registerImportJob } from './people/import/job.ts';
import { purgeUnconfirmed, registerRecruitmentMail } from './recruitment/service.ts';

const PURGE_UNCONFIRMED = 'recruitment.purge-unconfirmed';
const PURGE_RATE_LIMITS = 'maintenance.purge-rate-limit-counters';

/** Queues and schedules of every feature; handlers run only in processes that work. */
export async function registerJobs(ctx: AppContext, work: boolean) {
  registerRecruitmentMail(ctx);
  await registerImportJob(ctx, work);
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
  // One schedule for the database: each campaign's sign-ups are purged in turn.
  await ctx.boss.work(PURGE_UNCONFIRMED, async () => {
    for (const campaign of await listCampaigns(ctx.database)) {
      const purged = await purgeUnconfirmed(forCampaign(ctx, campaign.id));
      ctx.log.info({ campaignId: campaign.id, ...purged }, 'purged unconfirmed sign-ups');
    }
  });
}
