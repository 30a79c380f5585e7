import { STATS_RANGE_MAX_DAYS, type RecruitmentStats } from '../../../contracts/recruitment.ts';
import type { AppContext } from '../../core/context.ts';
import { invalidFields } from '../../core/http/errors.ts';

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

/** Today's date (YYYY-MM-DD) in a time zone: the campaign's day, not the server's. */
function todayIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export async function recruitmentStats(
  ctx: AppContext,
  from?: string,
  to?: string,
): Promise<RecruitmentStats> {
  const tz = ctx.config.CAMPAIGN_TIMEZONE;
  const end = to ?? todayIn(tz);
  const start = from ?? addDays(end, -89);
  // Checked on the derived bounds too: `from` alone could span centuries, one row a day.
  if ((Date.parse(end) - Date.parse(start)) / DAY_MS > STATS_RANGE_MAX_DAYS) {
    throw invalidFields([
      {
        field: 'from',
        code: 'range_too_long',
        message: `At most ${STATS_RANGE_MAX_DAYS} days between from and ${to ? 'to' : 'today'}.`,
      },
    ]);
  }
  const q = ctx.database.query;
  const range = `p.campaign_id = $4 AND p.created_at >= ($1::date)::timestamp AT TIME ZONE $3 AND p.created_at < ($2::date + 1)::timestamp AT TIME ZONE $3`;
  const rangeParams = [start, end, tz, ctx.campaignId];
  const [totals, perDay, bySource, byUtm, byDep, top] = await Promise.all([
    q<{ people: number; confirmed: number; d7: number; d30: number }>(
      `SELECT count(*)::int AS people, count(confirmed_at)::int AS confirmed,
              count(*) FILTER (WHERE created_at > now() - interval '7 days')::int AS d7,
              count(*) FILTER (WHERE created_at > now() - interval '30 days')::int AS d30
         FROM people WHERE campaign_id = $1 AND erased_at IS NULL`,
      [ctx.campaignId],
    ),
    q<{ day: string; signups: number; confirmed: number }>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(x.signups, 0)::int AS signups, coalesce(x.confirmed, 0)::int AS confirmed
         FROM generate_series($1::date, $2::date, interval '1 day') d
         LEFT JOIN (SELECT (p.created_at AT TIME ZONE $3)::date AS day, count(*) AS signups, count(p.confirmed_at) AS confirmed
                      FROM people p WHERE p.erased_at IS NULL AND ${range} GROUP BY 1) x ON x.day = d::date
        ORDER BY d`,
      rangeParams,
    ),
    q<{ source: string; count: number }>(
      `SELECT p.source, count(*)::int AS count FROM people p WHERE p.erased_at IS NULL AND ${range} GROUP BY 1 ORDER BY 2 DESC`,
      rangeParams,
    ),
    q<{ source: string; count: number }>(
      `SELECT coalesce(p.utm_source, '(none)') AS source, count(*)::int AS count FROM people p
        WHERE p.erased_at IS NULL AND ${range} GROUP BY 1 ORDER BY 2 DESC LIMIT 20`,
      rangeParams,
    ),
    q<{ code: string; count: number }>(
      `SELECT p.departement_code AS code, count(*)::int AS count FROM people p
        WHERE p.erased_at IS NULL AND p.departement_code IS NOT NULL AND ${range} GROUP BY 1 ORDER BY 2 DESC`,
      rangeParams,
    ),
    q<{ person_id: number; name: string; recruited: number; confirmed: number }>(
      `SELECT r.id AS person_id, concat_ws(' ', r.first_name, r.last_name) AS name,
              count(*)::int AS recruited, count(p.confirmed_at)::int AS confirmed
         FROM people p JOIN people r ON r.campaign_id = p.campaign_id AND r.id = p.recruited_by
        WHERE p.erased_at IS NULL AND r.erased_at IS NULL AND ${range}
        GROUP BY r.campaign_id, r.id ORDER BY recruited DESC, r.id LIMIT 20`,
      rangeParams,
    ),
  ]);
  const t = totals[0];
  return {
    totals: { people: t.people, confirmed: t.confirmed, last7Days: t.d7, last30Days: t.d30 },
    perDay,
    bySource,
    byUtmSource: byUtm,
    byDepartement: byDep.map((d) => ({ ...d, name: ctx.geo.departement(d.code)?.name ?? d.code })),
    topRecruiters: top
      .map((r) => ({ ...r, personId: Number(r.person_id) }))
      .map(({ person_id: _, ...r }) => r),
  };
}
