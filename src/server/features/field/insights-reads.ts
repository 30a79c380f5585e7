import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';

/** Which of these people recorded a door visit or a leaflet drop as a volunteer. */
export async function canvassersAmong(
  ctx: AppContext,
  personIds: readonly number[],
): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await runSql<{ person_id: number | string }>(
    ctx.database,
    sql`SELECT DISTINCT v.volunteer_person_id AS person_id FROM field_visits v
         WHERE v.campaign_id = ${ctx.campaignId} AND v.volunteer_person_id = ANY(${personIds})`,
  );
  return new Set(rows.map((r) => Number(r.person_id)));
}

/**
 * Visits recorded on committees' turfs: how many in [since, until), and the latest before
 * `until`, by committee.
 */
export async function committeeVisitCounts(
  ctx: AppContext,
  since: Date,
  until: Date,
): Promise<Map<number, { visits: number; lastVisitAt: Date | null }>> {
  const rows = await runSql<{
    committee_id: number | string;
    visits: number;
    last_visit_at: Date | string | null;
  }>(
    ctx.database,
    sql`SELECT t.committee_id,
               count(*) FILTER (WHERE v.visited_at >= ${since})::int AS visits,
               max(v.visited_at) AS last_visit_at
          FROM field_turfs t
          JOIN field_visits v ON v.campaign_id = t.campaign_id AND v.turf_id = t.id
         WHERE t.campaign_id = ${ctx.campaignId} AND t.committee_id IS NOT NULL
           AND v.visited_at < ${until}
         GROUP BY t.committee_id`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.committee_id),
      {
        visits: r.visits,
        lastVisitAt: r.last_visit_at === null ? null : new Date(r.last_visit_at),
      },
    ]),
  );
}
