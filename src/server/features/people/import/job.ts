import { forCampaign, type AppContext } from '../../../core/context.ts';
import { IMPORT_QUEUE, runImport, type ImportJob } from './service.ts';

/**
 * The import queue. A job that outlives its expiry is retried, and so is one whose process
 * died: runImport starts over from the stored file and applies in one transaction, so a
 * retry never applies twice.
 */
export async function registerImportJob(ctx: AppContext, work: boolean): Promise<void> {
  await ctx.boss.createQueue(IMPORT_QUEUE, {
    name: IMPORT_QUEUE,
    retryLimit: 2,
    retryDelay: 30,
    expireInHours: 1,
  });
  if (!work) return;
  // The job runs for the campaign that queued it, which may not be this process's own. A job
  // queued before campaigns existed (migration 0009) has none: its rows became campaign 1.
  await ctx.boss.work<ImportJob>(IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await runImport(forCampaign(ctx, job.data.campaignId ?? 1), job.data.importId);
  });
}
