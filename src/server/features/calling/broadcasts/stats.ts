import { sql } from 'drizzle-orm';
import type { Query } from '../../../core/db/index.ts';

const counts = {
  dialled: sql`count(*) FILTER (WHERE a.state <> 'not_placed')`,
  answeredHuman: sql`count(*) FILTER (WHERE a.state = 'completed' AND coalesce(a.answered_as, 'human') = 'human')`,
  answeredMachine: sql`count(*) FILTER (WHERE a.state = 'completed' AND a.answered_as = 'machine')`,
  listened: sql`count(*) FILTER (WHERE a.listened_to_end)`,
  busy: sql`count(*) FILTER (WHERE a.state = 'busy')`,
  noAnswer: sql`count(*) FILTER (WHERE a.state = 'no_answer')`,
  failed: sql`count(*) FILTER (WHERE a.state = 'failed')`,
  // Carriers bill each started minute of an answered call.
  billedMinutes: sql`coalesce(sum(ceil(a.duration_seconds / 60.0)) FILTER (WHERE a.state = 'completed'), 0)`,
};

/**
 * Adds the ended attempts to the dashboard's counts: one row of deltas per broadcast, hour of
 * the dial and département of the number (rows are summed when read and merged by `compactStats`).
 */
export async function addStats(
  query: Query,
  campaignId: number,
  attemptIds: readonly number[],
): Promise<void> {
  if (attemptIds.length === 0) return;
  await query(
    sql`INSERT INTO call_stats (campaign_id, broadcast_id, hour, departement, dialled, answered_human,
               answered_machine, listened, busy, no_answer, failed, billed_minutes)
        SELECT a.campaign_id, a.broadcast_id, date_trunc('hour', a.dialled_at), coalesce(t.departement, ''),
               ${counts.dialled}, ${counts.answeredHuman}, ${counts.answeredMachine}, ${counts.listened},
               ${counts.busy}, ${counts.noAnswer}, ${counts.failed}, ${counts.billedMinutes}
          FROM call_attempts a
          JOIN call_targets t ON t.campaign_id = a.campaign_id AND t.broadcast_id = a.broadcast_id AND t.id = a.target_id
         WHERE a.campaign_id = ${campaignId} AND a.id = ANY(${[...attemptIds]}::bigint[])
         GROUP BY 1, 2, 3, 4`,
  );
}

/** Counts an opt-out by keypress on the hour and département of its attempt. */
export async function addOptOutStat(
  query: Query,
  campaignId: number,
  attemptId: number,
): Promise<void> {
  await query(
    sql`INSERT INTO call_stats (campaign_id, broadcast_id, hour, departement, opt_outs)
        SELECT a.campaign_id, a.broadcast_id, date_trunc('hour', a.dialled_at), coalesce(t.departement, ''), 1
          FROM call_attempts a
          JOIN call_targets t ON t.campaign_id = a.campaign_id AND t.broadcast_id = a.broadcast_id AND t.id = a.target_id
         WHERE a.campaign_id = ${campaignId} AND a.id = ${attemptId}`,
  );
}

/** Merges a broadcast's delta rows into one per hour and département. */
export async function compactStats(
  query: Query,
  campaignId: number,
  broadcastId: number,
): Promise<void> {
  await query(
    sql`WITH gone AS (
          DELETE FROM call_stats WHERE campaign_id = ${campaignId} AND broadcast_id = ${broadcastId}
          RETURNING *)
        INSERT INTO call_stats (campaign_id, broadcast_id, hour, departement, dialled, answered_human,
               answered_machine, listened, opt_outs, busy, no_answer, failed, billed_minutes, settled)
        SELECT ${campaignId}, ${broadcastId}, hour, departement, sum(dialled), sum(answered_human),
               sum(answered_machine), sum(listened), sum(opt_outs), sum(busy), sum(no_answer), sum(failed),
               sum(billed_minutes), sum(settled)
          FROM gone GROUP BY hour, departement`,
  );
}
