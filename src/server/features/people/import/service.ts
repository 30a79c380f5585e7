import { randomBytes } from 'node:crypto';
import {
  importOptionsSchema,
  type ImportField,
  type ImportReport,
} from '../../../../contracts/people.ts';
import type { AppContext } from '../../../core/context.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { transaction } from '../service.ts';
import { refreshPeopleStatistics } from '../statistics.ts';
import { applyTargets } from './apply.ts';
import type { CsvEncoding } from './encoding.ts';
import { inspectFile, REPORTED_ERRORS, stageFile } from './pipeline.ts';
import type { RowError } from './rows.ts';
import { openSession, type Query } from './session.ts';
import {
  dropStage,
  duplicateWarnings,
  groupRows,
  matchTargets,
  saveDuplicateWarnings,
  stageTables,
} from './stage.ts';
import { fileChunks, storeFile, storedChunks, type Upload } from './upload.ts';

export const IMPORT_QUEUE = 'people.import';

/** What the import job receives: a worker may run the jobs of every campaign of the database. */
export interface ImportJob {
  /** Absent from jobs queued before migration 0009 (campaign 1's). */
  campaignId?: number;
  importId: number;
}

/** Share of the progress bar for reading and staging the file; applying takes the rest. */
const READ_SHARE = 0.5;

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
    });
    const duplicateRows = await groupRows(session.query, tables);
    const warnings = duplicateRows
      ? await duplicateWarnings(session.query, tables, REPORTED_ERRORS)
      : [];
    const { merge } = await matchTargets(session.query, tables, ctx.campaignId);
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
    const job: ImportJob = { campaignId: ctx.campaignId, importId: id };
    await ctx.boss.send(IMPORT_QUEUE, job);
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
  );
  const options = { ...upload.options, mapping };
  return transaction(ctx.database, async (query) => {
    const [row] = await query<{ id: number }>(
      `INSERT INTO imports (campaign_id, status, file_name, mapping, options, headers, sample, encoding, delimiter, file_size, created_by)
       VALUES ($1, 'queued', $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        ctx.campaignId,
        upload.fileName,
        JSON.stringify(mapping),
        JSON.stringify(options),
        JSON.stringify(head.headers),
        JSON.stringify(sample),
        head.encoding,
        head.delimiter,
        upload.size,
        actorId,
      ],
    );
    await storeFile(query, ctx.campaignId, Number(row.id), upload.path);
    return Number(row.id);
  });
}

interface ImportRowData {
  id: number;
  status: ImportReport['status'];
  file_name: string;
  mapping: Record<string, ImportField>;
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
  duplicate_rows: number;
  problem: { code: string; message: string } | null;
  progress: number;
  created_by: number | null;
  details_purged_at: Date | null;
}

export async function importReport(ctx: AppContext, id: number): Promise<ImportReport> {
  const [row] = await ctx.database.query<ImportRowData>(
    'SELECT * FROM imports WHERE campaign_id = $1 AND id = $2',
    [ctx.campaignId, id],
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
    duplicateRows: row.duplicate_rows,
    detailsPurgedAt: row.details_purged_at ? new Date(row.details_purged_at).toISOString() : null,
  };
}

async function saveErrors(
  query: Query,
  campaignId: number,
  importId: number,
  errors: RowError[],
): Promise<void> {
  await query(
    `INSERT INTO import_errors (campaign_id, import_id, line, field, code, message, severity)
     SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [
      campaignId,
      importId,
      errors.map((e) => e.line),
      errors.map((e) => e.field),
      errors.map((e) => e.code),
      errors.map((e) => e.message),
      errors.map((e) => e.severity),
    ],
  );
}

interface Totals {
  totalRows: number;
  validRows: number;
  invalidRows: number;
  errorCount: number;
  duplicateRows: number;
  wouldMerge: number | null;
}

/** Records the end of a run (in the apply transaction when it applied) and drops the stored file. */
async function finish(
  query: Query,
  campaignId: number,
  importId: number,
  status: 'applied' | 'rejected',
  totals: Totals,
  result: { created: number; merged: number },
) {
  await query(
    `UPDATE imports SET status = $3, total_rows = $4, valid_rows = $5, invalid_rows = $6, error_count = $7,
            duplicate_rows = $8, would_merge = $9, created_count = $10, merged_count = $11, progress = 1,
            finished_at = now(),
            errors = coalesce((SELECT jsonb_agg(jsonb_build_object('line', line, 'field', field, 'code', code,
                                       'message', message, 'severity', severity) ORDER BY line, id)
                                 FROM (SELECT * FROM import_errors WHERE campaign_id = $1 AND import_id = $2
                                        ORDER BY line, id LIMIT ${REPORTED_ERRORS}) e),
                              '[]'::jsonb)
      WHERE campaign_id = $1 AND id = $2`,
    [
      campaignId,
      importId,
      status,
      totals.totalRows,
      totals.validRows,
      totals.invalidRows,
      totals.errorCount,
      totals.duplicateRows,
      totals.wouldMerge,
      result.created,
      result.merged,
    ],
  );
  await query('DELETE FROM import_files WHERE campaign_id = $1 AND import_id = $2', [
    campaignId,
    importId,
  ]);
}

async function fail(ctx: AppContext, importId: number, error: unknown) {
  ctx.log.error({ err: error, importId }, 'import failed');
  const problem =
    error instanceof AppError
      ? { code: error.code, message: error.message }
      : {
          code: 'import_failed',
          message:
            'The import stopped on an unexpected error and applied nothing. Try again; if it fails again, ask an administrator to look at the server log.',
        };
  await ctx.database.query(
    `UPDATE imports SET status = 'failed', problem = $3, finished_at = now()
      WHERE campaign_id = $1 AND id = $2`,
    [ctx.campaignId, importId, JSON.stringify(problem)],
  );
  await ctx.database.query('DELETE FROM import_files WHERE campaign_id = $1 AND import_id = $2', [
    ctx.campaignId,
    importId,
  ]);
}

/**
 * The import job: reads the stored file, validates every row, and either rejects the file
 * (some rows invalid, applyValidRows off) or applies the valid rows in ONE transaction, so a
 * crash leaves nothing half-applied and a retried job starts over cleanly. Idempotent: a
 * finished import is left alone.
 */
export async function runImport(ctx: AppContext, importId: number): Promise<void> {
  const { campaignId } = ctx;
  const [row] = await ctx.database.query<ImportRowData>(
    'SELECT * FROM imports WHERE campaign_id = $1 AND id = $2',
    [campaignId, importId],
  );
  if (!row || !['queued', 'running'].includes(row.status)) return;
  const options = importOptionsSchema.parse(row.options);
  await ctx.database.query(
    `UPDATE imports SET status = 'running', started_at = now(), progress = 0
      WHERE campaign_id = $1 AND id = $2`,
    [campaignId, importId],
  );
  // From a crashed attempt.
  await ctx.database.query('DELETE FROM import_errors WHERE campaign_id = $1 AND import_id = $2', [
    campaignId,
    importId,
  ]);
  const setProgress = async (value: number) => {
    await ctx.database.query(
      'UPDATE imports SET progress = $3 WHERE campaign_id = $1 AND id = $2',
      [campaignId, importId, Math.min(0.99, value)],
    );
  };
  const session = await openSession(ctx.database);
  const tables = stageTables(`j${importId}`);
  const seconds: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    seconds[phase] = Math.round(now - mark) / 1000;
    mark = now;
  };
  try {
    const staged = await stageFile({
      session,
      tables,
      source: storedChunks(ctx.database, campaignId, importId),
      encoding: row.encoding ?? 'utf-8',
      mapping: row.mapping,
      geo: ctx.geo,
      saveErrors: (errors) => saveErrors(ctx.database.query, campaignId, importId, errors),
      progress: (bytes) => setProgress((READ_SHARE * bytes) / Math.max(1, row.file_size)),
    });
    lap('read');
    const duplicateRows = await groupRows(session.query, tables);
    if (duplicateRows) await saveDuplicateWarnings(session.query, tables, campaignId, importId);
    lap('group');
    const totals: Totals = {
      totalRows: staged.totalRows,
      validRows: staged.validRows,
      invalidRows: staged.invalidRows,
      errorCount: staged.rowErrors + duplicateRows,
      duplicateRows,
      wouldMerge: null,
    };
    if (staged.invalidRows > 0 && !options.applyValidRows) {
      await finish(session.query, campaignId, importId, 'rejected', totals, {
        created: 0,
        merged: 0,
      });
      ctx.log.info(
        { importId, status: 'rejected', rows: staged.totalRows, seconds },
        'import finished',
      );
      return;
    }
    let applied = false;
    await session.transaction(async (tx) => {
      // Against a second run of the same job (a retry after expiry): one applies, the other sees it done.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('people.import'), $1::int)`, [
        importId,
      ]);
      const [current] = await tx.query<{ status: string }>(
        'SELECT status FROM imports WHERE campaign_id = $1 AND id = $2',
        [campaignId, importId],
      );
      if (current?.status !== 'running') return;
      // Matched inside the transaction, so that what is merged is what exists when it commits.
      const { merge } = await matchTargets(tx.query, tables, campaignId);
      lap('match');
      const result = await applyTargets(tx.query, tables, {
        campaignId,
        importId,
        actorId: row.created_by,
        tags: options.tags,
        wordingVersion: options.consentWordingVersion,
        // PGlite has one connection, held by this transaction: progress shows when it commits.
        onProgress:
          ctx.database.engine === 'postgres'
            ? (done, total) =>
                setProgress(READ_SHARE + ((1 - READ_SHARE) * done) / Math.max(1, total))
            : undefined,
      });
      await finish(
        tx.query,
        campaignId,
        importId,
        'applied',
        { ...totals, wouldMerge: merge },
        result,
      );
      applied = result.created + result.merged > 0;
      lap('apply');
    });
    lap('commit');
    if (applied) {
      await refreshPeopleStatistics(session.query);
      lap('analyze');
    }
    ctx.log.info(
      { importId, status: 'applied', rows: staged.totalRows, seconds },
      'import finished',
    );
  } catch (error) {
    await fail(ctx, importId, error);
  } finally {
    await dropStage(session.query, tables).catch(() => undefined);
    await session.release();
  }
}

/** Every error and warning of an import, in line order, a batch at a time. */
export async function* importErrorRows(
  ctx: AppContext,
  importId: number,
): AsyncGenerator<RowError[]> {
  for (let line = -1, id = 0; ;) {
    const rows = await ctx.database.query<RowError & { id: number }>(
      `SELECT id, line, field, code, message, severity FROM import_errors
        WHERE campaign_id = $1 AND import_id = $2 AND (line, id) > ($3, $4) ORDER BY line, id LIMIT 5000`,
      [ctx.campaignId, importId, line, id],
    );
    if (rows.length === 0) return;
    yield rows;
    line = rows.at(-1)!.line;
    id = Number(rows.at(-1)!.id);
  }
}
