import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldImport, FieldImportKind } from '../../../../contracts/field.ts';
import { forCampaign, type AppContext } from '../../../core/context.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { defineJob, sendJob } from '../../../core/jobs/index.ts';
import { startOperation, updateOperation } from '../../../core/operations/index.ts';
import { receiveFieldFile, storedFieldFile } from './files.ts';
import type { FieldImportReport } from './report.ts';
import { fieldImportStores } from './stores.ts';

export const FIELD_IMPORT_OPERATION = 'field.import';

export const fieldImportJob = defineJob({
  name: 'field.import',
  payload: z.object({
    campaignId: z.number().int().positive(),
    importId: z.number().int().positive(),
  }),
  run: (ctx, { campaignId, importId }) => runFieldImport(forCampaign(ctx, campaignId), importId),
  retry: { limit: 1, delaySeconds: 30 },
  expireInSeconds: 3 * 3600,
  pollingIntervalSeconds: 1,
});

/** Receives the file, queues its reading and answers the queued import. */
export async function startFieldImport(
  ctx: AppContext,
  request: FastifyRequest,
  personId: number,
): Promise<FieldImport> {
  const file = await receiveFieldFile(ctx, request, personId);
  await ctx.database.transaction(async (query) => {
    await query(
      sql`UPDATE field_imports SET status = 'queued', size = ${file.size}
           WHERE campaign_id = ${ctx.campaignId} AND id = ${file.importId}`,
    );
    await startOperation(query, ctx.campaignId, {
      kind: FIELD_IMPORT_OPERATION,
      subjectId: file.importId,
      label: file.fileName,
      startedBy: personId,
    });
  });
  await sendJob(ctx, fieldImportJob, { campaignId: ctx.campaignId, importId: file.importId });
  return fieldImport(ctx, file.importId);
}

interface ImportRow {
  id: number;
  kind: FieldImportKind;
  file_name: string;
  size: number;
  status: FieldImport['status'] | 'uploading';
  label: string | null;
  election_id: number | null;
  report: FieldImportReport | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toImport(row: ImportRow): FieldImport {
  return {
    id: Number(row.id),
    kind: row.kind,
    fileName: row.file_name,
    size: Number(row.size),
    status: row.status === 'uploading' ? 'queued' : row.status,
    label: row.label,
    electionId: row.election_id === null ? null : Number(row.election_id),
    counts: row.report?.counts ?? {},
    problems: row.report?.problems ?? [],
    warnings: row.report?.warnings ?? [],
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    createdAt: iso(row.created_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
  };
}

export async function fieldImport(ctx: AppContext, importId: number): Promise<FieldImport> {
  const [row] = await ctx.database.query<ImportRow>(
    sql`SELECT * FROM field_imports WHERE campaign_id = ${ctx.campaignId} AND id = ${importId}
           AND status <> 'uploading'`,
  );
  if (!row) throw notFound('import');
  return toImport(row);
}

export async function listFieldImports(ctx: AppContext): Promise<{ items: FieldImport[] }> {
  const rows = await ctx.database.query<ImportRow>(
    sql`SELECT * FROM field_imports WHERE campaign_id = ${ctx.campaignId} AND status <> 'uploading'
         ORDER BY created_at DESC, id DESC LIMIT 50`,
  );
  return { items: rows.map(toImport) };
}

/**
 * Reads a stored file into the field's tables. A refusal (a file of another shape) ends the
 * import as failed with its reason; any other error is the job's to retry, and the kind's store
 * starts over.
 */
export async function runFieldImport(ctx: AppContext, importId: number): Promise<void> {
  const [row] = await ctx.database.query<ImportRow>(
    sql`SELECT * FROM field_imports WHERE campaign_id = ${ctx.campaignId} AND id = ${importId}`,
  );
  if (!row || row.status === 'succeeded' || row.status === 'failed') return;
  const operation = (change: Parameters<typeof updateOperation>[4]) =>
    updateOperation(ctx.database.query, ctx.campaignId, FIELD_IMPORT_OPERATION, importId, change);
  await ctx.database.query(
    sql`UPDATE field_imports SET status = 'running' WHERE campaign_id = ${ctx.campaignId} AND id = ${importId}`,
  );
  await operation({ status: 'running', startedAt: new Date() });
  const source = storedFieldFile(ctx.database, ctx.campaignId, importId);
  const progress = (done: number) => operation({ done });
  try {
    const report = await fieldImportStores[row.kind](
      ctx,
      source,
      {
        importId,
        label: row.label ?? row.file_name,
        electionId: row.election_id === null ? null : Number(row.election_id),
      },
      progress,
    );
    await finish(ctx, importId, { status: 'succeeded', report });
    await operation({ status: 'succeeded', endedAt: new Date(), done: report.counts.stored });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await finish(ctx, importId, { status: 'failed', error });
    await operation({ status: 'failed', endedAt: new Date() });
  }
}

async function finish(
  ctx: AppContext,
  importId: number,
  end: { status: 'succeeded'; report: FieldImportReport } | { status: 'failed'; error: AppError },
) {
  const report = end.status === 'succeeded' ? JSON.stringify(end.report) : null;
  const error = end.status === 'failed' ? end.error : null;
  // The file goes with the status change: no finished import keeps its file, even after a crash.
  await ctx.database.transaction(async (query) => {
    await query(
      sql`UPDATE field_imports SET status = ${end.status}, report = ${report}::jsonb,
                 error_code = ${error?.code ?? null}, error_message = ${error?.message ?? null},
                 finished_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${importId}`,
    );
    await query(
      sql`DELETE FROM field_import_files WHERE campaign_id = ${ctx.campaignId} AND import_id = ${importId}`,
    );
  });
}
