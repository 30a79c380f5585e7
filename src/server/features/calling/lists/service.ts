import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { CallList, CallListReport } from '../../../../contracts/calling-lists.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { Pacer } from '../../../core/event-loop.ts';
import { conflict, notFound } from '../../../core/http/errors.ts';
import { sendJob } from '../../../core/jobs/index.ts';
import { startOperation } from '../../../core/operations/index.ts';
import { receiveCallListFile } from './files.ts';
import { CALL_LIST_IMPORT_OPERATION, callListImportJob } from './job.ts';
import { forgetNumbers } from './store.ts';

/** Broadcasts in these states still call (or will call) their list. */
const LIVE_BROADCASTS = ['draft', 'awaiting_approval', 'running', 'paused'];

interface ListRow {
  id: number;
  name: string;
  file_name: string;
  size: number;
  status: CallList['status'] | 'uploading';
  report: CallListReport | null;
  number_count: number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
  accepted_at: Date | string | null;
}

/** Rows a list's reader left out as invalid: skipped, repeated numbers aside. */
export const invalidRowsOf = (report: CallListReport | null) =>
  report ? report.skipped - report.duplicates : 0;

const iso = (value: Date | string) => new Date(value).toISOString();

function toCallList(row: ListRow): CallList {
  return {
    id: Number(row.id),
    name: row.name,
    fileName: row.file_name,
    size: Number(row.size),
    status: row.status === 'uploading' ? 'queued' : row.status,
    numberCount: row.number_count === null ? null : Number(row.number_count),
    report: row.report,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    createdAt: iso(row.created_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
    invalidRows: invalidRowsOf(row.report),
    acceptedAt: row.accepted_at ? iso(row.accepted_at) : null,
  };
}

/** Staff accept a list whose report they read, its invalid rows left out; once is enough. */
export async function acceptCallList(
  ctx: AppContext,
  listId: number,
  personId: number,
): Promise<CallList> {
  const list = await callList(ctx, listId);
  if (list.status !== 'succeeded') {
    throw conflict('list_not_ready', 'The list of numbers is not imported (or its import failed).');
  }
  await ctx.database.query(
    sql`UPDATE call_lists SET accepted_by = ${personId}, accepted_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${listId} AND accepted_at IS NULL`,
  );
  return callList(ctx, listId);
}

/** Receives the file, queues its reading and answers the queued list. */
export async function startCallListImport(
  ctx: AppContext,
  request: FastifyRequest,
  personId: number,
): Promise<CallList> {
  const file = await receiveCallListFile(ctx, request, personId);
  await ctx.database.transaction(async (query) => {
    await query(
      sql`UPDATE call_lists SET status = 'queued', size = ${file.size}
           WHERE campaign_id = ${ctx.campaignId} AND id = ${file.listId}`,
    );
    await startOperation(query, ctx.campaignId, {
      kind: CALL_LIST_IMPORT_OPERATION,
      subjectId: file.listId,
      label: file.name,
      startedBy: personId,
    });
  });
  await sendJob(ctx, callListImportJob, { campaignId: ctx.campaignId, listId: file.listId });
  return callList(ctx, file.listId);
}

export async function callList(ctx: AppContext, listId: number): Promise<CallList> {
  const [row] = await ctx.database.query<ListRow>(
    sql`SELECT * FROM call_lists WHERE campaign_id = ${ctx.campaignId} AND id = ${listId}
           AND status <> 'uploading'`,
  );
  if (!row) throw notFound('list');
  return toCallList(row);
}

/** The latest lists, newest first. */
export async function listCallLists(ctx: AppContext): Promise<{ items: CallList[] }> {
  const rows = await ctx.database.query<ListRow>(
    sql`SELECT * FROM call_lists WHERE campaign_id = ${ctx.campaignId} AND status <> 'uploading'
         ORDER BY created_at DESC, id DESC LIMIT 100`,
  );
  return { items: rows.map(toCallList) };
}

/**
 * Deletes a list, its numbers and what is left of its file; refused while a broadcast that
 * is not over calls it, or while its import runs. On PostgreSQL in one transaction; on PGlite
 * the list is first marked failed (no broadcast can launch on it), its numbers then go in
 * slices (a crash between them leaves a list that can be deleted again), and the row last.
 */
export async function deleteCallList(ctx: AppContext, listId: number): Promise<CallList> {
  const { campaignId } = ctx;
  const claim = async (query: Query) => {
    const [row] = await query<ListRow>(
      sql`SELECT * FROM call_lists WHERE campaign_id = ${campaignId} AND id = ${listId}
             AND status <> 'uploading' FOR UPDATE`,
    );
    if (!row) throw notFound('list');
    const [use] = await query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM call_broadcasts
           WHERE campaign_id = ${campaignId} AND list_id = ${listId}
             AND status = ANY(${LIVE_BROADCASTS}::text[])`,
    );
    if (use.n > 0) {
      throw conflict(
        'list_in_use',
        'Une diffusion vocale en préparation, en cours ou en pause appelle cette liste : annulez-la ou attendez sa fin avant de supprimer la liste.',
      );
    }
    if (row.status === 'running') {
      throw conflict(
        'list_importing',
        'L’import de cette liste est en cours : attendez sa fin pour la supprimer.',
      );
    }
    return row;
  };
  const forgetList = async (query: Query) => {
    await query(
      sql`DELETE FROM call_list_files WHERE campaign_id = ${campaignId} AND list_id = ${listId}`,
    );
    await query(sql`DELETE FROM call_lists WHERE campaign_id = ${campaignId} AND id = ${listId}`);
  };

  if (ctx.database.engine === 'postgres') {
    return ctx.database.transaction(async (query) => {
      const row = await claim(query);
      await query(
        sql`DELETE FROM call_list_numbers WHERE campaign_id = ${campaignId} AND list_id = ${listId}`,
      );
      await forgetList(query);
      return toCallList(row);
    });
  }
  const row = await ctx.database.transaction(async (query) => {
    const claimed = await claim(query);
    await query(
      sql`UPDATE call_lists SET status = 'failed', error_code = 'deleting',
                 error_message = 'Suppression de la liste interrompue : supprimez-la à nouveau.',
                 finished_at = coalesce(finished_at, now())
           WHERE campaign_id = ${campaignId} AND id = ${listId}`,
    );
    return claimed;
  });
  await forgetNumbers(ctx.database.query, campaignId, listId, new Pacer(0.5));
  await ctx.database.transaction(forgetList);
  return toCallList(row);
}
