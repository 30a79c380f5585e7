import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';

/** Which of these people answered "going" to an event (checked in or not). */
export async function eventGoersAmong(
  ctx: AppContext,
  personIds: readonly number[],
): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await runSql<{ person_id: number | string }>(
    ctx.database,
    sql`SELECT DISTINCT r.person_id FROM event_rsvps r
         WHERE r.campaign_id = ${ctx.campaignId} AND r.person_id = ANY(${personIds})
           AND (r.status = 'going' OR r.checked_in_at IS NOT NULL)`,
  );
  return new Set(rows.map((r) => Number(r.person_id)));
}

/**
 * Committees' published events: how many start in [since, until), and the start of
 * the latest one before `until`, by committee.
 */
export async function committeeEventCounts(
  ctx: AppContext,
  since: Date,
  until: Date,
): Promise<Map<number, { events: number; lastStartAt: Date | null }>> {
  const rows = await runSql<{
    committee_id: number | string;
    events: number;
    last_start_at: Date | string | null;
  }>(
    ctx.database,
    sql`SELECT e.committee_id,
               count(*) FILTER (WHERE e.starts_at >= ${since})::int AS events,
               max(e.starts_at) AS last_start_at
          FROM events e
         WHERE e.campaign_id = ${ctx.campaignId} AND e.committee_id IS NOT NULL
           AND e.status = 'published' AND e.starts_at < ${until}
         GROUP BY e.committee_id`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.committee_id),
      {
        events: r.events,
        lastStartAt: r.last_start_at === null ? null : new Date(r.last_start_at),
      },
    ]),
  );
}
