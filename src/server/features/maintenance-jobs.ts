import { z } from 'zod';
import { forCampaign } from '../core/context.ts';
import { purgeRateLimitCounters } from '../core/http/rate-limit-store.ts';
import { purgeEndedSessions } from '../core/http/session.ts';
import { defineJob } from '../core/jobs/index.ts';
import { listCampaigns } from './campaigns/service.ts';
import { purgeUnconfirmed } from './recruitment/service.ts';
import { purgeExpiredLoginCodes, purgePasswordFailures } from './accounts/service.ts';
import { purgeImportDetails } from './people/import/retention.ts';
import { refreshPeopleStatistics } from './people/statistics.ts';

/**
 * One schedule for the database: each campaign's personal data past its keeping delay
 * (unconfirmed sign-ups, expired login codes and sessions, raw values kept by imports) goes in
 * turn. The queue keeps its first name, so schedules already stored stay one.
 */
export const purgePersonalDataJob = defineJob({
  name: 'recruitment.purge-unconfirmed',
  payload: z.object({}),
  schedule: { cron: '17 3 * * *' },
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const campaignCtx = forCampaign(ctx, campaign.id);
      const purged = await purgeUnconfirmed(campaignCtx);
      const loginCodes = await purgeExpiredLoginCodes(campaignCtx);
      const passwordFailures = await purgePasswordFailures(campaignCtx);
      const importDetails = await purgeImportDetails(campaignCtx);
      const sessions = await purgeEndedSessions(ctx.database, campaign.id);
      ctx.log.info(
        {
          campaignId: campaign.id,
          ...purged,
          loginCodes,
          passwordFailures,
          importDetails,
          sessions,
        },
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
