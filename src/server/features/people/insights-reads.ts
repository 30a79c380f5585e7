import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';

/** Days in a time zone, both included: the insights' periods. */
export interface DayPeriod {
  start: string;
  end: string;
  timeZone: string;
}

/**
 * The people who signed up themselves (the site's form or the embedded one) in the period,
 * erased ones aside, and whether they confirmed their address: the recruitment funnel's start.
 */
export async function signupsInPeriod(
  ctx: AppContext,
  period: DayPeriod,
): Promise<Array<{ id: number; confirmed: boolean }>> {
  const { start, end, timeZone: tz } = period;
  const rows = await runSql<{ id: number | string; confirmed: boolean }>(
    ctx.database,
    sql`SELECT p.id, p.confirmed_at IS NOT NULL AS confirmed FROM people p
         WHERE p.campaign_id = ${ctx.campaignId} AND p.erased_at IS NULL
           AND p.source IN ('signup', 'embed')
           AND p.created_at >= (${start}::date)::timestamp AT TIME ZONE ${tz}
           AND p.created_at < (${end}::date + 1)::timestamp AT TIME ZONE ${tz}`,
  );
  return rows.map((r) => ({ id: Number(r.id), confirmed: r.confirmed }));
}
