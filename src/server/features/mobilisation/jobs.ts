import { z } from 'zod';
import { listCampaigns } from '../../core/campaigns/service.ts';
import { forCampaign } from '../../core/context.ts';
import { defineJob } from '../../core/jobs/index.ts';
import { refreshActions } from './sources.ts';

/**
 * Every five minutes, each campaign's open actions are copied again from the features that
 * own them (new turfs and events appear, those filled or over leave); a sign-up taken from
 * the feed refreshes its own action at once.
 */
export const refreshActionsJob = defineJob({
  name: 'mobilisation.refresh-actions',
  payload: z.object({}),
  schedule: { cron: '*/5 * * * *' },
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const count = await refreshActions(forCampaign(ctx, campaign.id));
      ctx.log.debug({ campaignId: campaign.id, count }, 'refreshed the open actions');
    }
  },
});
