import { sql } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  importOptionsSchema,
  type ImportTarget,
  type ImportReport,
} from '../../../../contracts/people.ts';
import { z } from 'zod';
import { forCampaign, type AppContext } from '../../../core/context.ts';
import { defineJob, sendJob } from '../../../core/jobs/index.ts';
import { AppError, conflict, notFound } from '../../../core/http/errors.ts';
import { refreshPeopleStatisticsLightly } from '../statistics.ts';
import { applySlices, READ_SHARE, Superseded, importShare, type ApplyHooks } from './apply.ts';
import { Pacer } from '../../../core/event-loop.ts';
import type { CsvEncoding } from './encoding.ts';
import { inspectFile, REPORTED_ERRORS, stageFile } from './pipeline.ts';
import type { RowError } from './rows.ts';
import { openSession, type ImportSession, type Query } from './session.ts';
import {
  buildTargets,
  countMatches,
  dropStage,
  duplicateWarnings,
  groupRows,
  lastLine,
  saveDuplicateWarnings,
  stageTables,
} from './stage.ts';
import { undoImport } from './undo.ts';
import { fileChunks, storeFile, storedChunks, type Upload } from './upload.ts';
import { auditImportEnd } from '../import-audit.ts';
import { startImportOperation, syncImportOperation } from './operation.ts';
import { listCustomFields } from '../custom-fields/definitions.ts';

/**
 * The import job. A run writes a heartbeat; one that stops (its process died) is found by the
 * stalled-imports sweep (job.ts) within a minute of going stale, and a new job goes on from the
 * last committed slice. pg-boss's own retry (after the job's expiry, or an error) is a second
 * net: a run that finds the import finished, or held by a live run, returns at once.
 */
export const importJob = defineJob({
  name: 'people.import',
  payload: z.object({
    /** Absent from jobs queued before migration 0009: their rows became campaign 1's. */
    campaignId: z.number().int().positive().optional(),
    importId: z.number().int().positive(),
  }),
  // The job runs for the campaign that queued it, which may not be this process's own.
  run: (ctx, { campaignId, importId }) => runImport(forCampaign(ctx, campaignId ?? 1), importId),
  retry: { limit: 2, delaySeconds: 30 },
  expireInSeconds: 3600,
  pollingIntervalSeconds: 1,
});

/** A running job writes its heartbeat this often; past HEARTBEAT_STALE_SECONDS it is taken for dead. */
export const HEARTBEAT_SECONDS = 10;
export const HEARTBEAT_STALE_SECONDS = 60;

const byLine = (a: RowError, b: RowError) => a.line - b.line;

/** Validates the whole file and says what importing it would do; writes nothing. */
export async function previewImport(ctx: AppContext, upload: Upload): Promise<ImportReport> {
  const session = await openSession(ctx.database);
  const tables = stageTables(`p${randomBytes(6).toString('hex')}`);
  try {
    const staged = await stageFile({
      session,
      tables,
      source: fileChunks(upload.path),
      encoding: upload.encoding,
      mapping: upload.options.mapping,
      geo: ctx.geo,
      customFields: await listCustomFields(ctx),
    });
    const duplicateRows = await groupRows(session, tables);
    const warnings = duplicateRows
      ? await duplicateWarnings(session.query, tables, REPORTED_ERRORS)
      : [];
    await buildTargets(session, tables);
    const merge = await countMatches(session, tables, ctx.campaignId);
    return {
      id: null,
      status: 'preview',
      fileName: upload.fileName,
      headers: staged.head.headers,
      mapping: staged.mapping,
      totalRows: staged.totalRows,
      validRows: staged.validRows,
      invalidRows: staged.invalidRows,
      wouldMerge: merge,
      createdCount: 0,
      mergedCount: 0,
      errors: [...staged.firstErrors, ...warnings].sort(byLine).slice(0, REPORTED_ERRORS),
      sample: staged.sample,
      problem: null,
      progress: 0,
      encoding: staged.head.encoding,
      delimiter: staged.head.delimiter,
      errorCount: staged.rowErrors + duplicateRows,
      warningCount: staged.rowWarnings + duplicateRows,
      duplicateRows,
    };
  } finally {
    await dropStage(session.query, tables).catch(() => undefined);
    await session.release();
  }
}

/**
 * Checks the header, keeps the file in the database and queues the import job. The request
 * returns at once; the job validates and applies.
 */
export async function createImport(
  ctx: AppContext,
  upload: Upload,
  actorId: number | null,
): Promise<ImportReport> {
  const id = await storeImport(ctx, upload, actorId);
  try {
    await sendJob(ctx, importJob, { campaignId: ctx.campaignId, importId: id });
  } catch (error) {
    await fail(ctx, id, error);
  }
  return importReport(ctx, id);
}

/** The import row and its stored file, status 'queued'; nothing else is written. */
export async function storeImport(
  ctx: AppContext,
  upload: Upload,
  actorId: number | null,
): Promise<number> {
  const { head, mapping, sample } = await inspectFile(
    fileChunks(upload.path),
    upload.encoding,
    upload.options.mapping,
    await listCustomFields(ctx),
  );
  const options = { ...upload.options, mapping };
  return ctx.database.transaction(async (query) => {
    const [row] = await query<{ id: number }>(
      sql`INSERT INTO imports (campaign_id, status, file_name, mapping, options, headers, sample, encoding, delimiter, file_size, created_by)
       VALUES (${ctx.campaignId}, 'queued', ${upload.fileName}, ${JSON.stringify(mapping)}, ${JSON.stringify(options)}, ${JSON.stringify(head.headers)}, ${JSON.stringify(sample)}, ${head.encoding}, ${head.delimiter}, ${upload.size}, ${actorId}) RETURNING id`,
    );
    await storeFile(query, ctx.campaignId, Number(row.id), upload.path);
    await startImportOperation(query, ctx.campaignId, Number(row.id), upload.fileName, actorId);
    return Number(row.id);
  });
}

interface ImportRowData {
  id: number;
  status: ImportReport['status'];
  file_name: string;
  mapping: Record<string, ImportTarget>;
  options: unknown;
  headers: string[];
  sample: Record<string, string>[];
  encoding: CsvEncoding | null;
  delimiter: ',' | ';' | '\t' | null;
  file_size: number;
  total_rows: number;
  valid_rows: number;
  invalid_rows: number;
  would_merge: number | null;
  created_count: number;
  merged_count: number;
  errors: RowError[];
  error_count: number;
  warning_count: number;
  duplicate_rows: number;
  problem: { code: string; message: string } | null;
  progress: number;
  created_by: number | null;
  details_purged_at: Date | null;
  applied_line: number;
  cancel_requested_at: Date | null;
  kept_count: number;
}

export async function importReport(ctx: AppContext, id: number): Promise<ImportReport> {
  const [row] = await ctx.database.query<ImportRowData>(
    sql`SELECT * FROM imports WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
  );
  if (!row) throw notFound('import');
  return {
    id: Number(row.id),
    status: row.status,
    fileName: row.file_name,
    headers: row.headers,
    mapping: row.mapping,
    totalRows: row.total_rows,
    validRows: row.valid_rows,
    invalidRows: row.invalid_rows,
    wouldMerge: row.would_merge,
    createdCount: row.created_count,
    mergedCount: row.merged_count,
    errors: row.errors,
    sample: row.sample,
    problem: row.problem?.message ?? null,
    progress: Math.min(1, Math.max(0, Number(row.progress))),
    encoding: row.encoding ?? undefined,
    delimiter: row.delimiter ?? undefined,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    duplicateRows: row.duplicate_rows,
    detailsPurgedAt: row.details_purged_at ? new Date(row.details_purged_at).toISOString() : null,
    cancelRequested: row.cancel_requested_at !== null,
    keptCount: row.kept_count,
  };
}

async function saveErrors(
  query: Query,
  campaignId: number,
  importId: number,
  errors: RowError[],
): Promise<void> {
  await query(
    sql`INSERT INTO import_errors (campaign_id, import_id, line, field, code, message, severity)
     SELECT ${campaignId}, ${importId}, * FROM unnest(${errors.map((e) => e.line)}::int[], ${errors.map((e) => e.field)}::text[], ${errors.map((e) => e.code)}::text[], ${errors.map((e) => e.message)}::text[], ${errors.map((e) => e.severity)}::text[])`,
  );
}

interface Totals {
  totalRows: number;
  validRows: number;
  invalidRows: number;
  errorCount: number;
  warningCount: number;
  duplicateRows: number;
}

/** The first errors, kept with the import for its report. */
const firstErrorsJson = (
  campaignId: number,
  importId: number,
) => sql`coalesce((SELECT jsonb_agg(jsonb_build_object('line', line, 'field', field, 'code', code,
                                       'message', message, 'severity', severity) ORDER BY line, id)
                                 FROM (SELECT * FROM import_errors WHERE campaign_id = ${campaignId} AND import_id = ${importId}
                                        ORDER BY line, id LIMIT ${REPORTED_ERRORS}) e),
                              '[]'::jsonb)`;

/** The file's counts, once read (kept when a later run resumes, since reading finds the same). */
async function saveTotals(query: Query, campaignId: number, importId: number, totals: Totals) {
  await query(
    sql`UPDATE imports SET total_rows = ${totals.totalRows}, valid_rows = ${totals.validRows}, invalid_rows = ${totals.invalidRows}, error_count = ${totals.errorCount}, warning_count = ${totals.warningCount},
            duplicate_rows = ${totals.duplicateRows}, errors = ${firstErrorsJson(campaignId, importId)}
      WHERE campaign_id = ${campaignId} AND id = ${importId}`,
  );
}

/**
 * Records the end of a run, under the run's token (a run taken for dead must not finish over
 * the one that replaced it), and drops the stored file.
 */
async function finish(
  session: ImportSession,
  run: { campaignId: number; importId: number; token: string },
  status: 'applied' | 'rejected' | 'failed' | 'cancelled',
  problem: { code: string; message: string } | null = null,
) {
  await session.transaction(async (tx) => {
    const done = await tx.query(
      sql`UPDATE imports SET status = ${status}, progress = 1, finished_at = now(), run_token = NULL,
              problem = coalesce(${problem && JSON.stringify(problem)}::jsonb, problem),
              would_merge = CASE WHEN ${status} = 'applied' THEN merged_count ELSE would_merge END,
              kept_count = CASE WHEN ${status} IN ('failed', 'cancelled')
                                THEN (SELECT count(*)::int FROM people WHERE campaign_id = ${run.campaignId} AND import_id = ${run.importId})
                                ELSE 0 END,
              created_count = CASE WHEN ${status} = 'applied' THEN created_count ELSE 0 END,
              merged_count = CASE WHEN ${status} = 'applied' THEN merged_count ELSE 0 END
        WHERE campaign_id = ${run.campaignId} AND id = ${run.importId} AND run_token = ${run.token} RETURNING id`,
    );
    if (done.length === 0) throw new Superseded();
    await syncImportOperation(tx.query, run.campaignId, run.importId);
    await auditImportEnd(tx.query, run.campaignId, run.importId, status);
    await tx.query(
      sql`DELETE FROM import_files WHERE campaign_id = ${run.campaignId} AND import_id = ${run.importId}`,
    );
  });
}

const failure = (error: unknown) =>
  error instanceof AppError
    ? { code: error.code, message: error.message }
    : {
        code: 'import_failed',
        message:
          'The import stopped on an unexpected error; what it had applied was undone. Try again; if it fails again, ask an administrator to look at the server log.',
      };

/** A queued import whose job could not even be queued. */
async function fail(ctx: AppContext, importId: number, error: unknown) {
  ctx.log.error({ err: error, importId }, 'import failed');
  await ctx.database.query(
    sql`UPDATE imports SET status = 'failed', problem = ${JSON.stringify(failure(error))}, finished_at = now()
      WHERE campaign_id = ${ctx.campaignId} AND id = ${importId}`,
  );
  await syncImportOperation(ctx.database.query, ctx.campaignId, importId);
  await ctx.database.query(
    sql`DELETE FROM import_files WHERE campaign_id = ${ctx.campaignId} AND import_id = ${importId}`,
  );
}

const cancelledProblem = {
  code: 'import_cancelled',
  message: 'The import was cancelled; what it had applied was undone.',
};

/**
 * Takes the import for this run: a queued one, or one whose last run has stopped writing its
 * heartbeat (a dead process) — never one that another live run holds.
 */
async function claim(ctx: AppContext, importId: number, token: string) {
  const [row] = await ctx.database.query<ImportRowData>(
    sql`UPDATE imports SET status = CASE WHEN status = 'queued' THEN 'running' ELSE status END,
            run_token = ${token}, heartbeat_at = now(), started_at = coalesce(started_at, now())
      WHERE campaign_id = ${ctx.campaignId} AND id = ${importId}
        AND (status = 'queued' OR (status IN ('running', 'undoing')
             AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${HEARTBEAT_STALE_SECONDS}))))
      RETURNING *`,
  );
  return row;
}

/** Writes the run's heartbeat every HEARTBEAT_SECONDS and reads whether a cancel was asked. */
function heartbeat(ctx: AppContext, importId: number, token: string) {
  const state = { cancel: false, superseded: false };
  // A slice holds the import's row to its commit (and moves the heartbeat itself): the beat
  // skips the update then rather than wait, holding a connection, behind the slice.
  const beat = async () => {
    const rows = await ctx.database.query<{ mine: boolean; cancel: boolean }>(
      sql`WITH beat AS (
         UPDATE imports SET heartbeat_at = now()
          WHERE campaign_id = ${ctx.campaignId} AND id = ${importId} AND run_token = ${token}
            AND id IN (SELECT id FROM imports WHERE campaign_id = ${ctx.campaignId} AND id = ${importId} FOR NO KEY UPDATE SKIP LOCKED))
       SELECT run_token IS NOT DISTINCT FROM ${token} AS mine, cancel_requested_at IS NOT NULL AS cancel
         FROM imports WHERE campaign_id = ${ctx.campaignId} AND id = ${importId}`,
    );
    if (!rows[0]?.mine) state.superseded = true;
    else {
      state.cancel = rows[0].cancel;
      await syncImportOperation(ctx.database.query, ctx.campaignId, importId);
    }
  };
  const timer = setInterval(() => {
    beat().catch((error: unknown) => ctx.log.warn({ err: error, importId }, 'import heartbeat'));
  }, HEARTBEAT_SECONDS * 1000);
  return { state, stop: () => clearInterval(timer) };
}

class Cancelled extends Error {}

/**
 * The import job. Reads the stored file and validates every row; rejects the file (some rows
 * invalid, applyValidRows off), or applies the valid rows in slices that each commit (see
 * apply.ts), so sign-ups and pages go on meanwhile. A run that dies leaves whole slices and a
 * heartbeat that stops: the next run (the sweep queues one) reads the file again and goes on
 * after the last committed slice, applying nothing twice. A failure or a cancel undoes what was
 * applied (undo.ts), itself resumable. A finished import is left alone.
 */
export async function runImport(
  ctx: AppContext,
  importId: number,
  hooks: ApplyHooks = {},
): Promise<void> {
  const { campaignId } = ctx;
  const token = randomUUID();
  const row = await claim(ctx, importId, token);
  if (!row) return;
  await syncImportOperation(ctx.database.query, campaignId, importId);
  const run = { campaignId, importId, token };
  const options = importOptionsSchema.parse(row.options);
  const beating = heartbeat(ctx, importId, token);
  const session = await openSession(ctx.database);
  const pacer = new Pacer(importShare(session.engine, ctx.requests));
  // Per run: on PGlite, one connection, a dead run's temporary tables may still be there.
  const tables = stageTables(`j${importId}_${token.slice(0, 8)}`);
  const seconds: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    seconds[phase] = Math.round(now - mark) / 1000;
    mark = now;
  };
  const undo = async (problem: { code: string; message: string }) => {
    await ctx.database.query(
      sql`UPDATE imports SET status = 'undoing', problem = ${JSON.stringify(problem)} WHERE campaign_id = ${campaignId} AND id = ${importId} AND run_token = ${token}`,
    );
    await syncImportOperation(ctx.database.query, campaignId, importId);
    await undoImport(session, run);
    await finish(
      session,
      run,
      problem.code === cancelledProblem.code ? 'cancelled' : 'failed',
      problem,
    );
    lap('undo');
  };
  try {
    if (row.status === 'undoing') {
      await undo(row.problem ?? failure(null));
      return;
    }
    if (row.cancel_requested_at) {
      await undo(cancelledProblem);
      return;
    }
    // Errors are found again by reading the file again (a resumed run reads it whole).
    await ctx.database.query(
      sql`DELETE FROM import_errors WHERE campaign_id = ${campaignId} AND import_id = ${importId}`,
    );
    let shown = 0;
    const staged = await stageFile({
      session,
      tables,
      source: storedChunks(ctx.database, campaignId, importId),
      encoding: row.encoding ?? 'utf-8',
      mapping: row.mapping,
      geo: ctx.geo,
      customFields: await listCustomFields(ctx),
      saveErrors: (errors) => saveErrors(ctx.database.query, campaignId, importId, errors),
      pacer,
      progress: async (bytes) => {
        if (beating.state.superseded) throw new Superseded();
        if (beating.state.cancel) throw new Cancelled();
        // Only once the last run's cursor is passed does the bar move on.
        const value = (READ_SHARE * bytes) / Math.max(1, row.file_size);
        if (row.applied_line > 0 || value - shown < 0.01) return;
        shown = value;
        await ctx.database.query(
          sql`UPDATE imports SET progress = ${Math.min(0.99, value)} WHERE campaign_id = ${campaignId} AND id = ${importId}`,
        );
      },
    });
    lap('read');
    const duplicateRows = await groupRows(session, tables);
    if (duplicateRows) await saveDuplicateWarnings(session, tables, campaignId, importId);
    const totals: Totals = {
      totalRows: staged.totalRows,
      validRows: staged.validRows,
      invalidRows: staged.invalidRows,
      errorCount: staged.rowErrors + duplicateRows,
      warningCount: staged.rowWarnings + duplicateRows,
      duplicateRows,
    };
    await saveTotals(session.query, campaignId, importId, totals);
    lap('group');
    if (staged.invalidRows > 0 && !options.applyValidRows) {
      await finish(session, run, 'rejected');
      ctx.log.info(
        { importId, status: 'rejected', rows: staged.totalRows, seconds },
        'import finished',
      );
      return;
    }
    await buildTargets(session, tables);
    const last = await lastLine(session.query, tables.targets);
    lap('targets');
    let slices = 0;
    let slowest = 0;
    const outcome = await applySlices(
      session,
      tables,
      {
        ...run,
        actorId: row.created_by,
        tags: options.tags,
        wordingVersion: options.consentWordingVersion,
        lastLine: last,
      },
      row.applied_line,
      {
        maxSliceRows: hooks.maxSliceRows,
        pacer,
        afterSlice: async (info) => {
          slices++;
          slowest = Math.max(slowest, info.ms);
          await hooks.afterSlice?.(info);
        },
      },
    );
    lap('apply');
    if (outcome === 'cancelled') {
      await undo(cancelledProblem);
    } else {
      await finish(session, run, 'applied');
      await refreshPeopleStatisticsLightly(session);
      lap('analyze');
    }
    ctx.log.info(
      {
        importId,
        status: outcome,
        rows: staged.totalRows,
        slices,
        slowestSliceMs: slowest,
        seconds,
      },
      'import finished',
    );
  } catch (error) {
    if (error instanceof Superseded) {
      ctx.log.warn({ importId }, 'import taken over by another run; this one stops');
      return;
    }
    if (error instanceof Cancelled) {
      await undo(cancelledProblem);
      return;
    }
    ctx.log.error({ err: error, importId }, 'import failed; undoing what it applied');
    try {
      await undo(failure(error));
    } catch (undoError) {
      // Left 'undoing' with its heartbeat stopping: the sweep queues a run that goes on.
      if (!(undoError instanceof Superseded))
        ctx.log.error({ err: undoError, importId }, 'import undo stopped; it will be retried');
    }
  } finally {
    beating.stop();
    await dropStage(session.query, tables).catch(() => undefined);
    await session.release();
  }
}

/**
 * Asks a queued or running import to stop: a queued one is cancelled at once (nothing was
 * applied), a running one at its next slice, which then undoes what it applied.
 */
export async function cancelImport(ctx: AppContext, id: number): Promise<ImportReport> {
  const current = await importReport(ctx, id); // 404 first
  const [row] = await ctx.database.query<{ status: string }>(
    sql`UPDATE imports SET cancel_requested_at = coalesce(cancel_requested_at, now()),
            status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
            problem = CASE WHEN status = 'queued' THEN ${JSON.stringify(cancelledProblem)}::jsonb ELSE problem END,
            finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END,
            progress = CASE WHEN status = 'queued' THEN 1 ELSE progress END
      WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND status IN ('queued', 'running', 'undoing')
      RETURNING status`,
  );
  if (row) await syncImportOperation(ctx.database.query, ctx.campaignId, id);
  if (!row && current.status !== 'cancelled') {
    throw conflict(
      'import_finished',
      'This import has already finished; only a queued or running import can be cancelled.',
    );
  }
  if (row?.status === 'cancelled') {
    await ctx.database.query(
      sql`DELETE FROM import_files WHERE campaign_id = ${ctx.campaignId} AND import_id = ${id}`,
    );
  }
  return importReport(ctx, id);
}

/**
 * Imports whose run stopped writing its heartbeat (its process died): a job is queued for each,
 * whose run goes on from the last committed slice. Called every minute, for every campaign.
 */
export async function requeueStalledImports(ctx: AppContext): Promise<number[]> {
  const stalled = await ctx.database.query<{ id: number }>(
    sql`SELECT id FROM imports
      WHERE campaign_id = ${ctx.campaignId} AND status IN ('running', 'undoing')
        AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${HEARTBEAT_STALE_SECONDS}))`,
  );
  for (const { id } of stalled) {
    await sendJob(ctx, importJob, { campaignId: ctx.campaignId, importId: Number(id) });
  }
  return stalled.map((r) => Number(r.id));
}

/** Every error and warning of an import, in line order, a batch at a time. */
export async function* importErrorRows(
  ctx: AppContext,
  importId: number,
): AsyncGenerator<RowError[]> {
  for (let line = -1, id = 0; ;) {
    const rows = await ctx.database.query<RowError & { id: number }>(
      sql`SELECT id, line, field, code, message, severity FROM import_errors
        WHERE campaign_id = ${ctx.campaignId} AND import_id = ${importId} AND (line, id) > (${line}, ${id}) ORDER BY line, id LIMIT 5000`,
    );
    if (rows.length === 0) return;
    yield rows;
    line = rows.at(-1)!.line;
    id = Number(rows.at(-1)!.id);
  }
}
