import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';

/**
 * How the people base grew between two days (YYYY-MM-DD, both included, in `timeZone`): the
 * recruitment statistics' figures. Erased people are not counted.
 */
export async function peopleGrowth(
  ctx: AppContext,
  period: { start: string; end: string; timeZone: string },
) {
  const { start, end, timeZone: tz } = period;
  const q = <T>(statement: SQL) => runSql<T>(ctx.database, statement);
  const range = sql`p.campaign_id = ${ctx.campaignId} AND p.created_at >= (${start}::date)::timestamp AT TIME ZONE ${tz}
                    AND p.created_at < (${end}::date + 1)::timestamp AT TIME ZONE ${tz}`;
  const [totals, perDay, bySource, byUtm, byDep, top] = await Promise.all([
    q<{ people: number; confirmed: number; d7: number; d30: number }>(
      sql`SELECT count(*)::int AS people, count(confirmed_at)::int AS confirmed,
                 count(*) FILTER (WHERE created_at > now() - interval '7 days')::int AS d7,
                 count(*) FILTER (WHERE created_at > now() - interval '30 days')::int AS d30
            FROM people WHERE campaign_id = ${ctx.campaignId} AND erased_at IS NULL`,
    ),
    q<{ day: string; signups: number; confirmed: number }>(
      sql`SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(x.signups, 0)::int AS signups, coalesce(x.confirmed, 0)::int AS confirmed
            FROM generate_series(${start}::date, ${end}::date, interval '1 day') d
            LEFT JOIN (SELECT (p.created_at AT TIME ZONE ${tz})::date AS day, count(*) AS signups, count(p.confirmed_at) AS confirmed
                         FROM people p WHERE p.erased_at IS NULL AND ${range} GROUP BY 1) x ON x.day = d::date
           ORDER BY d`,
    ),
    q<{ source: string; count: number }>(
      sql`SELECT p.source, count(*)::int AS count FROM people p WHERE p.erased_at IS NULL AND ${range} GROUP BY 1 ORDER BY 2 DESC`,
    ),
    q<{ source: string; count: number }>(
      sql`SELECT coalesce(p.utm_source, '(none)') AS source, count(*)::int AS count FROM people p
           WHERE p.erased_at IS NULL AND ${range} GROUP BY 1 ORDER BY 2 DESC LIMIT 20`,
    ),
    q<{ code: string; count: number }>(
      sql`SELECT p.departement_code AS code, count(*)::int AS count FROM people p
           WHERE p.erased_at IS NULL AND p.departement_code IS NOT NULL AND ${range} GROUP BY 1 ORDER BY 2 DESC`,
    ),
    q<{ person_id: number; name: string; recruited: number; confirmed: number }>(
      sql`SELECT r.id AS person_id, concat_ws(' ', r.first_name, r.last_name) AS name,
                 count(*)::int AS recruited, count(p.confirmed_at)::int AS confirmed
            FROM people p JOIN people r ON r.campaign_id = p.campaign_id AND r.id = p.recruited_by
           WHERE p.erased_at IS NULL AND r.erased_at IS NULL AND ${range}
           GROUP BY r.campaign_id, r.id ORDER BY recruited DESC, r.id LIMIT 20`,
    ),
  ]);
  return { totals, perDay, bySource, byUtm, byDep, top };
}
