import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';

/** What a run knows of its job besides the payload (the id is pg-boss's, for the logs). */
export interface JobRun {
  id: string;
  /** 0 on the first try, then 1, 2... up to the definition's retry limit. */
  retryCount: number;
}

export interface JobSchedule {
  /** Five-field cron expression. */
  cron: string;
  /** Time zone of the cron; the campaign's (CAMPAIGN_TIMEZONE) when absent. */
  tz?: string;
}

export interface JobRetry {
  /** Tries after the first one; 0 means a failed job stays failed. */
  limit: number;
  /** Seconds before the first retry; doubled at each next one (with jitter) unless `backoff` is false. */
  delaySeconds: number;
  backoff?: boolean;
}

/**
 * A named job type: its payload schema (checked when it is sent and again when it runs), what
 * it does, and how pg-boss keeps it (retries, expiry, schedule). Features export these; the
 * list in `features/jobs.ts` registers them.
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  payload: Schema;
  run(ctx: AppContext, payload: z.output<Schema>, job: JobRun): Promise<void>;
  retry?: JobRetry;
  schedule?: JobSchedule & { payload?: z.input<Schema> };
  /**
   * The schedule's cron read from the configuration (BACKUP_SCHEDULE…), in place of
   * `schedule.cron`; undefined turns the schedule off.
   */
  cronFrom?: (config: Config) => string | undefined;
  /** A run longer than this is taken for lost and retried (pg-boss's expiry). */
  expireInSeconds?: number;
  /** How often an idle worker looks for this job (pg-boss polls); 2 s when absent. */
  pollingIntervalSeconds?: number;
}

/** The default when a definition says nothing: a few tries, a minute apart and growing. */
export const DEFAULT_RETRY: JobRetry = { limit: 3, delaySeconds: 60, backoff: true };

export function defineJob<Schema extends z.ZodType>(
  definition: JobDefinition<Schema>,
): JobDefinition<Schema> {
  return definition;
}

/** Thrown by sendJob when a payload does not match its job's schema: nothing is queued. */
export class JobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `Payload refused for job ${jobName}: ${issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
    this.name = 'JobPayloadError';
  }
}
