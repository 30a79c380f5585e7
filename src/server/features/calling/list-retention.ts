import { sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../core/db/index.ts';

/**
 * The targets of voice broadcasts that called an imported list (no person attached: the
 * number is all they hold) imported before `before`, as an SQL condition on `t`.
 */
const listTargetOf = (campaignId: number, before: Date): SQL =>
  sql`t.campaign_id = ${campaignId} AND t.person_id IS NULL
      AND EXISTS (SELECT 1 FROM call_broadcasts b
                    JOIN call_lists l ON l.campaign_id = b.campaign_id AND l.id = b.list_id
                   WHERE b.campaign_id = t.campaign_id AND b.id = t.broadcast_id
                     AND b.audience_kind = 'list' AND l.created_at < ${before})`;

/**
 * The numbers a broadcast froze from an imported list are prospect data of the election,
 * like the list's own numbers (see `purgeCallListsImportedBefore`): for the lists imported
 * before `before`, the carrier's reports of their calls go, the calls and the targets stay as
 * counted calls without the number (as erasure leaves them), a target still due is closed.
 * One statement per table for the whole set; run again, it finds nothing. Answers the rows
 * deleted or blanked per table.
 */
export async function purgeListTargetsImportedBefore(
  query: Query,
  campaignId: number,
  before: Date,
): Promise<Record<string, number>> {
  const target = listTargetOf(campaignId, before);
  const [callbacks] = await query<{ n: number }>(
    sql`WITH gone AS (
            DELETE FROM call_callbacks c USING call_attempts a, call_targets t
             WHERE c.campaign_id = ${campaignId} AND a.campaign_id = c.campaign_id AND a.id = c.attempt_id
               AND t.campaign_id = a.campaign_id AND t.broadcast_id = a.broadcast_id AND t.id = a.target_id
               AND ${target}
            RETURNING 1)
          SELECT count(*)::int AS n FROM gone`,
  );
  const [attempts] = await query<{ n: number }>(
    sql`WITH blanked AS (
            UPDATE call_attempts a SET to_e164 = 'erased' FROM call_targets t
             WHERE a.campaign_id = ${campaignId} AND a.to_e164 <> 'erased'
               AND t.campaign_id = a.campaign_id AND t.broadcast_id = a.broadcast_id AND t.id = a.target_id
               AND ${target}
            RETURNING 1)
          SELECT count(*)::int AS n FROM blanked`,
  );
  const [targets] = await query<{ n: number }>(
    sql`WITH blanked AS (
            UPDATE call_targets t SET e164 = 'erased:' || t.id, slot_weekdays = NULL,
                   status = CASE WHEN t.status = 'due' THEN 'done' ELSE t.status END,
                   result = CASE WHEN t.status = 'due' THEN 'erased' ELSE t.result END
             WHERE ${target} AND t.e164 NOT LIKE 'erased:%'
            RETURNING 1)
          SELECT count(*)::int AS n FROM blanked`,
  );
  const counts = {
    call_callbacks: callbacks?.n ?? 0,
    call_attempts: attempts?.n ?? 0,
    call_targets: targets?.n ?? 0,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
