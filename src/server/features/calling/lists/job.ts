import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CallListReport } from '../../../../contracts/calling-lists.ts';
import { forCampaign, type AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { defineJob, type JobRetry } from '../../../core/jobs/index.ts';
import { updateOperation } from '../../../core/operations/index.ts';
import { storedCallListFile } from './files.ts';
import { storeCallListNumbers, type StoreOptions } from './store.ts';

export const CALL_LIST_IMPORT_OPERATION = 'calling.list.import';

const retry: JobRetry = { limit: 1, delaySeconds: 30 };

/** Reads an uploaded list into its numbers (queued by `startCallListImport`). */
export const callListImportJob = defineJob({
  name: 'calling.list.import',
  payload: z.object({
    campaignId: z.number().int().positive(),
    listId: z.number().int().positive(),
  }),
  run: (ctx, { campaignId, listId }, job) =>
    runCallListImport(forCampaign(ctx, campaignId), listId, {
      lastTry: job.retryCount >= retry.limit,
    }),
  retry,
  expireInSeconds: 3 * 3600,
  pollingIntervalSeconds: 1,
});

/** How a run of the import ends when it fails unexpectedly on its last try. */
const importBroke = () =>
  new AppError(
    500,
    'import_failed',
    'L’import de la liste a échoué (erreur du serveur) : aucun numéro n’a été gardé. Importez-la à nouveau ; si l’erreur revient, prévenez l’administrateur.',
  );

/** A list read to its end without a single number to call: failed, with its report. */
class NoNumbersError extends AppError {
  constructor(readonly report: CallListReport) {
    super(
      422,
      'no_numbers',
      'Aucune ligne du fichier n’a donné de numéro à appeler : voyez ci-dessous pourquoi chaque ligne a été ignorée.',
    );
  }
}

export interface RunOptions extends Pick<StoreOptions, 'reader'> {
  /** The job's last try: an unexpected error then ends the list as failed too. */
  lastTry?: boolean;
}

/**
 * Reads a stored list into its numbers. A refusal (a file of another shape, one cut short,
 * or one without a single number to call) ends the list as failed with its reason and keeps
 * no number; any other error is the job's to retry, the store starting over, and on the last
 * try ends the list as failed as well.
 */
export async function runCallListImport(
  ctx: AppContext,
  listId: number,
  options: RunOptions = {},
): Promise<void> {
  const { campaignId } = ctx;
  const [row] = await ctx.database.query<{ size: number }>(
    sql`UPDATE call_lists SET status = 'running'
         WHERE campaign_id = ${campaignId} AND id = ${listId} AND status IN ('queued', 'running')
         RETURNING size`,
  );
  // Deleted while queued, or already ended by an earlier run.
  if (!row) return;
  const operation = (query: Query, change: Parameters<typeof updateOperation>[4]) =>
    updateOperation(query, campaignId, CALL_LIST_IMPORT_OPERATION, listId, change);
  await operation(ctx.database.query, { status: 'running', startedAt: new Date() });
  const source = storedCallListFile(ctx.database, campaignId, listId, Number(row.size));
  try {
    const stored = await storeCallListNumbers(
      ctx,
      listId,
      source,
      async (query, { report, rows }) => {
        if (rows === 0) throw new NoNumbersError(report);
        const found = await finish(query, campaignId, listId, {
          status: 'succeeded',
          report,
          rows,
        });
        if (!found) throw notFound('list');
        await operation(query, { status: 'succeeded', endedAt: new Date(), done: rows });
      },
      {
        progress: (done) => operation(ctx.database.query, { done }),
        reader: options.reader,
      },
    );
    ctx.log.info(
      { listId, rows: stored.rows, seconds: rounded(stored.seconds) },
      'call list imported',
    );
  } catch (error) {
    const refused = error instanceof AppError;
    if (!refused && !options.lastTry) throw error;
    const reason = refused ? error : importBroke();
    const report = error instanceof NoNumbersError ? error.report : null;
    await ctx.database.transaction(async (query) => {
      await finish(query, campaignId, listId, { status: 'failed', error: reason, report });
      await operation(query, { status: 'failed', endedAt: new Date() });
    });
    if (!refused) throw error;
  }
}

const rounded = (seconds: Record<string, number>) =>
  Object.fromEntries(Object.entries(seconds).map(([phase, s]) => [phase, Number(s.toFixed(3))]));

type Outcome =
  | { status: 'succeeded'; report: CallListReport; rows: number }
  | { status: 'failed'; error: AppError; report: CallListReport | null };

/**
 * Writes how the import ended; the file goes with the status change, even after a crash.
 * Answers whether the list was still there.
 */
async function finish(
  query: Query,
  campaignId: number,
  listId: number,
  end: Outcome,
): Promise<boolean> {
  const error = end.status === 'failed' ? end.error : null;
  const [updated] = await query<{ id: number }>(
    sql`UPDATE call_lists SET status = ${end.status},
               report = ${end.report === null ? null : JSON.stringify(end.report)}::jsonb,
               number_count = ${end.status === 'succeeded' ? end.rows : null},
               error_code = ${error?.code ?? null}, error_message = ${error?.message ?? null},
               finished_at = now()
         WHERE campaign_id = ${campaignId} AND id = ${listId}
         RETURNING id`,
  );
  await query(
    sql`DELETE FROM call_list_files WHERE campaign_id = ${campaignId} AND list_id = ${listId}`,
  );
  return updated !== undefined;
}
