import { z } from 'zod';
import { forCampaign } from '../core/context.ts';
import { purgeRateLimitCounters } from '../core/http/rate-limit-store.ts';
import { defineJob } from '../core/jobs/index.ts';
import { listCampaigns } from '../core/campaigns/service.ts';
import { runRetentionPurges } from '../core/personal-data/rights.ts';
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
