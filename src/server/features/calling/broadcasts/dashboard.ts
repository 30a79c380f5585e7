import { sql } from 'drizzle-orm';
import type { BroadcastDashboard, CallCounts } from '../../../../contracts/calling.ts';
import type { AppContext } from '../../../core/context.ts';
import { broadcastRow, toBroadcast } from './service.ts';

const sums = sql`coalesce(sum(dialled), 0)::int AS dialled, coalesce(sum(answered_human), 0)::int AS "answeredHuman",
  coalesce(sum(answered_machine), 0)::int AS "answeredMachine", coalesce(sum(listened), 0)::int AS listened,
  coalesce(sum(opt_outs), 0)::int AS "optOuts", coalesce(sum(busy), 0)::int AS busy,
  coalesce(sum(no_answer), 0)::int AS "noAnswer", coalesce(sum(failed), 0)::int AS failed,
  coalesce(sum(billed_minutes), 0)::int AS "billedMinutes"`;

type SummedCounts = Omit<CallCounts, 'costCents'>;

/** The minutes at the broadcast's price (hundredths of a cent), in cents; none without a price. */
const withCost = <T extends SummedCounts>(counts: T, minutePrice: number | null) => ({
  ...counts,
  costCents: minutePrice === null ? null : Math.round((counts.billedMinutes * minutePrice) / 100),
});

/**
 * A broadcast live, from pre-aggregated rows only (its counts per hour and département and
 * its numbers settled, its open calls and the last minute's dials, each through its own index): the
 * same few reads at 60,000 numbers as at 6,000,000.
 */
export async function broadcastDashboard(ctx: AppContext, id: number): Promise<BroadcastDashboard> {
  const row = await broadcastRow(ctx.database.query, ctx.campaignId, id);
  const scope = sql`campaign_id = ${ctx.campaignId} AND broadcast_id = ${id}`;
  const [byHour, byDepartement, [live]] = await Promise.all([
    ctx.database.query<SummedCounts & { hour: Date }>(
      sql`SELECT hour, ${sums} FROM call_stats WHERE ${scope} GROUP BY hour
           HAVING sum(dialled) + sum(opt_outs) > 0 ORDER BY hour`,
    ),
    // A row of deltas with nothing but settled numbers is no département's calls.
    ctx.database.query<SummedCounts & { departement: string }>(
      sql`SELECT departement, ${sums} FROM call_stats WHERE ${scope} GROUP BY departement
           HAVING sum(dialled) + sum(opt_outs) > 0 ORDER BY departement`,
    ),
    ctx.database.query<{ in_call: number; last_minute: number; done: number }>(
      sql`SELECT (SELECT coalesce(sum(settled), 0)::int FROM call_stats WHERE ${scope}) AS done,
                 (SELECT count(*)::int FROM call_attempts WHERE ${scope}
                   AND state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled', 'not_placed')) AS in_call,
                 (SELECT count(*)::int FROM call_attempts WHERE ${scope}
                   AND dialled_at > now() - interval '1 minute') AS last_minute`,
    ),
  ]);
  const totals = byDepartement.reduce<SummedCounts>(
    (sum, d) => {
      for (const key of Object.keys(sum) as Array<keyof SummedCounts>) sum[key] += d[key];
      return sum;
    },
    {
      dialled: 0,
      answeredHuman: 0,
      answeredMachine: 0,
      listened: 0,
      optOuts: 0,
      busy: 0,
      noAnswer: 0,
      failed: 0,
      billedMinutes: 0,
    },
  );
  const audience = row.audience_count ?? 0;
  const inCall = live!.in_call;
  const done = live!.done;
  const due = Math.max(0, audience - done - inCall);
  const currentRate = live!.last_minute / 60;
  return {
    broadcast: toBroadcast(row),
    totals: withCost(totals, row.minute_price_hundredths),
    byHour: byHour.map((h) =>
      withCost({ ...h, hour: new Date(h.hour).toISOString() }, row.minute_price_hundredths),
    ),
    byDepartement: byDepartement.map((d) => withCost(d, row.minute_price_hundredths)),
    left: { due, inCall, done },
    carrierTrouble: row.carrier_trouble_at
      ? {
          since: new Date(row.carrier_trouble_at).toISOString(),
          message: row.carrier_trouble ?? '',
        }
      : null,
    currentRate: Number(currentRate.toFixed(2)),
    estimatedEnd:
      currentRate > 0 && row.status === 'running'
        ? new Date(Date.now() + (due / currentRate) * 1000).toISOString()
        : null,
  };
}
