import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

export type OperationStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface NewOperation {
  kind: string;
  /** The kind's own row (the import's id): the operation is found again by kind and subject. */
  subjectId: number;
  label: string;
  startedBy: number | null;
  total?: number | null;
}

/** A change to an operation; a field left out keeps its value. */
export interface OperationChange {
  status?: OperationStatus;
  done?: number;
  total?: number;
  startedAt?: Date | null;
  endedAt?: Date | null;
  cancelRequestedAt?: Date | null;
}

type Query = Database['query'];

/** Records long work as it is queued. */
export async function startOperation(
  query: Query,
  campaignId: number,
  operation: NewOperation,
): Promise<void> {
  await query(
    sql`INSERT INTO operations (campaign_id, kind, subject, label, started_by, total)
     VALUES (${campaignId}, ${operation.kind}, ${operation.subjectId}, ${operation.label}, ${operation.startedBy}, ${operation.total ?? null})`,
  );
}

/**
 * Moves an operation on (status, progress, times). `query` may be a transaction's, so that
 * the operation changes with the kind's own rows.
 */
export async function updateOperation(
  query: Query,
  campaignId: number,
  kind: string,
  subjectId: number,
  change: OperationChange,
): Promise<void> {
  await query(
    sql`UPDATE operations SET status = coalesce(${change.status ?? null}, status), done = coalesce(${change.done ?? null}, done),
            total = coalesce(${change.total ?? null}, total), started_at = coalesce(${change.startedAt ?? null}, started_at),
            ended_at = coalesce(${change.endedAt ?? null}, ended_at), cancel_requested_at = coalesce(${change.cancelRequestedAt ?? null}, cancel_requested_at)
      WHERE campaign_id = ${campaignId} AND kind = ${kind} AND subject = ${subjectId}`,
  );
}

export interface OperationRow {
  id: number;
  kind: string;
  subjectId: number | null;
  label: string;
  status: OperationStatus;
  done: number;
  total: number | null;
  startedBy: number | null;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  cancelRequestedAt: Date | null;
}

const COLUMNS =
  sql.raw(`id, kind, subject AS "subjectId", label, status, done, total, started_by AS "startedBy",
  created_at AS "createdAt", started_at AS "startedAt", ended_at AS "endedAt",
  cancel_requested_at AS "cancelRequestedAt"`);

/** The campaign's latest operations, newest first; or the one of `id`. */
export async function listOperations(
  database: Database,
  campaignId: number,
  limit: number,
  id?: number,
): Promise<OperationRow[]> {
  const rows = await database.query<OperationRow>(
    sql`SELECT ${COLUMNS} FROM operations
      WHERE campaign_id = ${campaignId} AND (${id ?? null}::bigint IS NULL OR id = ${id ?? null})
      ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    subjectId: r.subjectId === null ? null : Number(r.subjectId),
    startedBy: r.startedBy === null ? null : Number(r.startedBy),
  }));
}
