import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';

/** Calls looked at, and the fewest that make a rate worth acting on. */
const WINDOW = 500;
const ENOUGH = 100;

interface Rate {
  broadcast_id: number;
  caller_id: string;
  ended: number;
  answered: number;
  floor: number;
}

/**
 * Watches the answer rate of each running broadcast's last calls, caller ID by caller ID: a
 * number whose rate falls under the broadcast's floor (a sign that phones label it as spam)
 * is paused, and the broadcast pauses itself when its calls as a whole fall under it. Answers
 * the caller IDs paused.
 */
export async function watchAnswerRates(ctx: AppContext): Promise<string[]> {
  const rates = await ctx.database.query<Rate>(
    sql`SELECT b.id AS broadcast_id, last.caller_id, count(*)::int AS ended,
               count(*) FILTER (WHERE last.state = 'completed')::int AS answered,
               b.answer_rate_floor_percent AS floor
          FROM call_broadcasts b
          CROSS JOIN LATERAL (
            SELECT a.caller_id, a.state FROM call_attempts a
             WHERE a.campaign_id = b.campaign_id AND a.broadcast_id = b.id
               AND a.state IN ('completed', 'busy', 'no_answer', 'failed')
             ORDER BY a.dialled_at DESC LIMIT ${WINDOW}) last
         WHERE b.campaign_id = ${ctx.campaignId} AND b.status = 'running'
         GROUP BY b.id, last.caller_id, b.answer_rate_floor_percent`,
  );
  const low = (r: { ended: number; answered: number; floor: number }) =>
    r.ended >= ENOUGH && (100 * r.answered) / r.ended < r.floor;
  const paused = rates.filter(low).map((r) => r.caller_id);
  if (paused.length > 0) {
    await ctx.database.query(
      sql`UPDATE call_caller_ids SET paused_at = now(), pause_reason = 'answer_rate'
           WHERE campaign_id = ${ctx.campaignId} AND e164 = ANY(${paused}::text[]) AND paused_at IS NULL`,
    );
    ctx.log.warn({ callerIds: paused }, 'caller IDs paused: their answer rate collapsed');
  }
  const byBroadcast = new Map<number, { ended: number; answered: number; floor: number }>();
  for (const r of rates) {
    const sum = byBroadcast.get(Number(r.broadcast_id)) ?? {
      ended: 0,
      answered: 0,
      floor: r.floor,
    };
    sum.ended += r.ended;
    sum.answered += r.answered;
    byBroadcast.set(Number(r.broadcast_id), sum);
  }
  const collapsed = [...byBroadcast].filter(([, sum]) => low(sum)).map(([id]) => id);
  if (collapsed.length > 0) {
    await ctx.database.query(
      sql`UPDATE call_broadcasts SET status = 'paused', paused_at = now(), pause_reason = 'answer_rate',
                 updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${collapsed}::bigint[]) AND status = 'running'`,
    );
    ctx.log.warn({ broadcasts: collapsed }, 'broadcasts paused: their answer rate collapsed');
  }
  return paused;
}
