import type { AppContext } from '../../../core/context.ts';
import { IMPORT_QUEUE, runImport } from './service.ts';

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
  await ctx.boss.work<{ importId: number }>(
    IMPORT_QUEUE,
    { pollingIntervalSeconds: 1 },
    async ([job]) => {
      await runImport(ctx, job.data.importId);
    },
  );
}
