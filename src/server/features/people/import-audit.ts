import { sql } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import type { Query } from '../../core/db/index.ts';

/**
 * Imports change many people at once: their start, their end (applied, rejected, failed or
 * cancelled, with what they counted) and a cancel request are in the audit log.
 */

/** Written in the transaction that records the end of a run, from the import's own counts. */
export async function auditImportEnd(
  query: Query,
  campaignId: number,
  importId: number,
  status: 'applied' | 'rejected' | 'failed' | 'cancelled',
): Promise<void> {
  const [run] = await query<{ created_by: number | null; details: Record<string, unknown> }>(
    sql`SELECT created_by,
            jsonb_build_object('totalRows', total_rows, 'valid', valid_rows, 'invalid', invalid_rows,
                               'created', created_count, 'merged', merged_count, 'kept', kept_count,
                               'applyValidRows', coalesce((options->>'applyValidRows')::boolean, false)) AS details
       FROM imports WHERE campaign_id = ${campaignId} AND id = ${importId}`,
  );
  if (!run) return;
  // The file name is left out: it is the staff member's, and may name people.
  await audit(
    { query },
    {
      campaignId,
      actorId: run.created_by,
      action: `import.${status}`,
      target: `import:${importId}`,
      details: run.details,
    },
  );
}

/** Who started an import or asked for its cancellation, and from where. */
export function importRequestAudit(
  campaignId: number,
  action: 'import.start' | 'import.cancel',
  importId: number,
  actorId: number,
  details: Record<string, unknown>,
  ip?: string,
) {
  return { campaignId, actorId, action, target: `import:${importId}`, details, ip };
}
