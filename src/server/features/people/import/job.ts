import { forCampaign, type AppContext } from '../../../core/context.ts';
import { listCampaigns } from '../../../core/campaigns/service.ts';
import { IMPORT_QUEUE, requeueStalledImports, runImport, type ImportJob } from './service.ts';

/** Every minute: imports whose run stopped writing its heartbeat get a new job. */
const STALLED_QUEUE = 'people.import-stalled';

/**
 * The import queue. A run writes a heartbeat; one that stops (its process died) is found by
 * the stalled-imports sweep within a minute of going stale, and a new job goes on from the last
 * committed slice. pg-boss's own retry (after the job's expiry, or an error) is a second net:
 * a run that finds the import finished, or held by a live run, returns at once.
 */
export async function registerImportJob(ctx: AppContext, work: boolean): Promise<void> {
  await ctx.boss.createQueue(IMPORT_QUEUE, {
    name: IMPORT_QUEUE,
    retryLimit: 2,
    retryDelay: 30,
    expireInHours: 1,
  });
  await ctx.boss.createQueue(STALLED_QUEUE);
  await ctx.boss.schedule(STALLED_QUEUE, '* * * * *');
  if (!work) return;
  // The job runs for the campaign that queued it, which may not be this process's own. A job
  // queued before campaigns existed (migration 0009) has none: its rows became campaign 1.
  await ctx.boss.work<ImportJob>(IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await runImport(forCampaign(ctx, job.data.campaignId ?? 1), job.data.importId);
  });
  await ctx.boss.work(STALLED_QUEUE, async () => {
    for (const campaign of await listCampaigns(ctx.database)) {
      const requeued = await requeueStalledImports(forCampaign(ctx, campaign.id));
      if (requeued.length)
        ctx.log.warn({ campaignId: campaign.id, imports: requeued }, 'stalled imports requeued');
    }
  });
}
