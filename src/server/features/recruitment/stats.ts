import { STATS_RANGE_MAX_DAYS, type RecruitmentStats } from '../../../contracts/recruitment.ts';
import type { AppContext } from '../../core/context.ts';
import { invalidFields } from '../../core/http/errors.ts';
import { peopleGrowth } from '../people/growth.ts';

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
  const { totals, perDay, bySource, byUtm, byDep, top } = await peopleGrowth(ctx, {
    start,
    end,
    timeZone: tz,
  });
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
