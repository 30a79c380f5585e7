import type PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { DEFAULT_RETRY, JobPayloadError, type JobDefinition } from './define.ts';

/** pg-boss polls at least this often by default; a definition may ask for more often. */
const DEFAULT_POLLING_SECONDS = 2;

export interface SendOptions {
  /** At most one job of this key waiting or running at once (pg-boss singleton). */
  singletonKey?: string;
}

/**
 * Queues a job after checking its payload against the definition: a bad payload throws
 * JobPayloadError and nothing is queued. Returns the job's id (null when a singleton
 * already waits).
 */
export async function sendJob<Schema extends z.ZodType>(
  ctx: Pick<AppContext, 'boss'>,
  definition: JobDefinition<Schema>,
  payload: z.input<Schema>,
  options: SendOptions = {},
): Promise<string | null> {
  const checked = definition.payload.safeParse(payload);
  if (!checked.success) throw new JobPayloadError(definition.name, checked.error.issues);
  return ctx.boss.send(definition.name, payload as object, options);
}

function queueOptions(definition: JobDefinition) {
  const retry = definition.retry ?? DEFAULT_RETRY;
  return {
    name: definition.name,
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff ?? true,
    ...(definition.expireInSeconds ? { expireInSeconds: definition.expireInSeconds } : {}),
  };
}

/**
 * Creates each definition's queue (or brings an existing one to the definition's retry and
 * expiry), sets or clears its schedule, and, when this process works, runs its handler.
 */
export async function registerJobs(
  ctx: AppContext,
  definitions: readonly JobDefinition[],
  work: boolean,
): Promise<void> {
  for (const definition of definitions) {
    const options = queueOptions(definition);
    await ctx.boss.createQueue(definition.name, options);
    await ctx.boss.updateQueue(definition.name, options);
    const cron = definition.cronFrom ? definition.cronFrom(ctx.config) : definition.schedule?.cron;
    if (definition.schedule && cron) {
      const payload = definition.schedule.payload ?? {};
      const checked = definition.payload.safeParse(payload);
      if (!checked.success) throw new JobPayloadError(definition.name, checked.error.issues);
      await ctx.boss.schedule(definition.name, cron, payload as object, {
        tz: definition.schedule.tz ?? ctx.config.CAMPAIGN_TIMEZONE,
      });
    } else {
      // A schedule dropped from the definition must stop firing.
      await ctx.boss.unschedule(definition.name);
    }
  }
  if (!work) return;
  for (const definition of definitions) {
    await ctx.boss.work<object>(
      definition.name,
      {
        batchSize: 1,
        includeMetadata: true,
        pollingIntervalSeconds: definition.pollingIntervalSeconds ?? DEFAULT_POLLING_SECONDS,
      },
      async ([job]) => runJob(ctx, definition, job),
    );
  }
}

/**
 * One run. Every failure is logged with the job's name, id and attempt, then thrown again so
 * that pg-boss retries it (with backoff, up to the definition's limit) or marks it failed.
 */
export async function runJob(
  ctx: AppContext,
  definition: JobDefinition,
  job: PgBoss.JobWithMetadata<object>,
): Promise<void> {
  const fields = {
    job: definition.name,
    jobId: job.id,
    attempt: job.retryCount + 1,
    attempts: job.retryLimit + 1,
  };
  // A schedule set before payloads were checked may have queued jobs with no data.
  const checked = definition.payload.safeParse(job.data ?? {});
  if (!checked.success) {
    const error = new JobPayloadError(definition.name, checked.error.issues);
    ctx.log.error({ ...fields, err: error }, `job ${definition.name} refused its payload`);
    throw error;
  }
  try {
    await definition.run(ctx, checked.data, { id: job.id, retryCount: job.retryCount });
  } catch (error) {
    ctx.log.error(
      { ...fields, err: error, willRetry: job.retryCount < job.retryLimit },
      `job ${definition.name} failed`,
    );
    throw error;
  }
}
