import { sql } from 'drizzle-orm';
import {
  INSIGHTS_PERIOD_MAX_DAYS,
  type InsightsPeriodQuery,
} from '../../../contracts/insights-funnels.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { invalidFields } from '../../core/http/errors.ts';

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

/** Today's date (YYYY-MM-DD) in a time zone: the campaign's day, not the server's. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A period of the funnels and committee activity: its days and the instants that bound it. */
export interface FunnelPeriod {
  from: string;
  to: string;
  timeZone: string;
  /** The first instant of `from` and the first instant after `to`, in the campaign's zone. */
  since: Date;
  until: Date;
}

/**
 * The days asked (without `to`, today in the campaign's time zone; without `from`, 90 days
 * ending on `to`), refused with `range_too_long` beyond INSIGHTS_PERIOD_MAX_DAYS, and when
 * `from` comes after `to`.
 */
export async function periodOf(ctx: AppContext, query: InsightsPeriodQuery): Promise<FunnelPeriod> {
  const timeZone = ctx.config.CAMPAIGN_TIMEZONE;
  const to = query.to ?? todayIn(timeZone);
  const from = query.from ?? addDays(to, -89);
  if (from > to) {
    throw invalidFields([
      { field: 'from', code: 'range_reversed', message: 'from must not come after to.' },
    ]);
  }
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS > INSIGHTS_PERIOD_MAX_DAYS) {
    throw invalidFields([
      {
        field: 'from',
        code: 'range_too_long',
        message: `At most ${INSIGHTS_PERIOD_MAX_DAYS} days between from and to.`,
      },
    ]);
  }
  const [bounds] = await runSql<{ since: Date | string; until: Date | string }>(
    ctx.database,
    sql`SELECT (${from}::date)::timestamp AT TIME ZONE ${timeZone} AS since,
               (${to}::date + 1)::timestamp AT TIME ZONE ${timeZone} AS until`,
  );
  return { from, to, timeZone, since: new Date(bounds.since), until: new Date(bounds.until) };
}
