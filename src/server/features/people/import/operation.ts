import { sql } from 'drizzle-orm';
import type { Database } from '../../../core/db/index.ts';
import {
  startOperation,
  updateOperation,
  type OperationStatus,
} from '../../../core/operations/index.ts';
import type { ImportReport } from '../../../../contracts/people.ts';

type Query = Database['query'];

/** The operation an import shows as; its progress is counted in thousandths. */
export const IMPORT_OPERATION = 'people.import';
const PROGRESS_STEPS = 1000;

const operationStatus: Record<ImportReport['status'], OperationStatus> = {
  preview: 'queued',
  queued: 'queued',
  running: 'running',
  // Undoing a failed or cancelled import is still work under way.
  undoing: 'running',
  applied: 'succeeded',
  rejected: 'failed',
  failed: 'failed',
  cancelled: 'cancelled',
};

export function startImportOperation(
  query: Query,
  campaignId: number,
  importId: number,
  fileName: string,
  actorId: number | null,
) {
  return startOperation(query, campaignId, {
    kind: IMPORT_OPERATION,
    subjectId: importId,
    label: fileName,
    startedBy: actorId,
    total: PROGRESS_STEPS,
  });
}

/**
 * Brings the import's operation to what its own row says (status, progress, times, cancel):
 * the row stays the truth its run works by; the operation is what the operations list shows.
 */
export async function syncImportOperation(query: Query, campaignId: number, importId: number) {
  const [row] = await query<{
    status: ImportReport['status'];
    progress: number;
    started_at: Date | null;
    finished_at: Date | null;
    cancel_requested_at: Date | null;
  }>(
    sql`SELECT status, progress, started_at, finished_at, cancel_requested_at
       FROM imports WHERE campaign_id = ${campaignId} AND id = ${importId}`,
  );
  if (!row) return;
  await updateOperation(query, campaignId, IMPORT_OPERATION, importId, {
    status: operationStatus[row.status],
    done: Math.round(Math.min(1, Math.max(0, Number(row.progress))) * PROGRESS_STEPS),
    startedAt: row.started_at,
    endedAt: row.finished_at,
    cancelRequestedAt: row.cancel_requested_at,
  });
}
