import { z } from 'zod';
import { forCampaign } from '../../../core/context.ts';
import { defineJob } from '../../../core/jobs/index.ts';
import { listCampaigns } from '../../../core/campaigns/service.ts';
import { requeueStalledImports } from './service.ts';

/** Every minute: imports whose run stopped writing its heartbeat get a new job (importJob). */
export const importStalledJob = defineJob({
  name: 'people.import-stalled',
  payload: z.object({}),
  schedule: { cron: '* * * * *' },
  // The next minute's run is the retry.
  retry: { limit: 0, delaySeconds: 0 },
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const requeued = await requeueStalledImports(forCampaign(ctx, campaign.id));
      if (requeued.length)
        ctx.log.warn({ campaignId: campaign.id, imports: requeued }, 'stalled imports requeued');
    }
  },
});
