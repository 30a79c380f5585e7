import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import type { CarrierError } from '../carrier/port.ts';
import { settleTargets } from './targets.ts';

/** What the carrier answered to one dial. */
export type Placement =
  | { attemptId: number; carrierCallId: string }
  | { attemptId: number; error: CarrierError['kind']; message: string };

/** The state an attempt takes from its placing's failure. */
const stateOfFailure = {
  // The carrier refused this call: a failed try, counted.
  rejected: 'failed',
  // Refused for its pace, or the carrier out of reach before any call: not placed, not counted.
  rate_limited: 'not_placed',
  unavailable: 'not_placed',
  // It may have been placed: never redialled until reconciliation knows.
  unknown: 'unknown',
} as const;

/**
 * Records the carrier's answers of a round in a few statements: carrier ids on placed calls
 * (a callback may have moved the attempt already: its state is kept), failures as their
 * state, the numbers of ended attempts settled, those of unknown ones held as unknown.
 */
export async function recordPlacements(
  ctx: AppContext,
  broadcastId: number,
  placements: readonly Placement[],
): Promise<void> {
  const placed = placements.filter((p) => 'carrierCallId' in p);
  const failed = placements.flatMap((p) =>
    'error' in p ? [{ ...p, state: stateOfFailure[p.error] }] : [],
  );
  await ctx.database.transaction(async (query) => {
    // Rows locked in id order, as the callback applier locks them: the two never deadlock.
    await query(
      sql`SELECT 1 FROM call_attempts WHERE campaign_id = ${ctx.campaignId}
             AND id = ANY(${placements.map((p) => p.attemptId)}::bigint[])
           ORDER BY id FOR UPDATE`,
    );
    if (placed.length > 0) {
      await query(
        sql`UPDATE call_attempts a SET carrier_call_id = p.sid,
                   state = CASE WHEN a.state IN ('dialing', 'unknown') THEN 'queued' ELSE a.state END
              FROM unnest(${placed.map((p) => p.attemptId)}::bigint[], ${placed.map((p) => p.carrierCallId)}::text[])
                   AS p(id, sid)
             WHERE a.campaign_id = ${ctx.campaignId} AND a.id = p.id`,
      );
    }
    await noteCarrierTrouble(query, ctx.campaignId, broadcastId, placements);
    if (failed.length === 0) return;
    // Only an attempt no callback has moved: one that rang was placed, whatever the answer said.
    const changed = await query<{ id: number; state: string }>(
      sql`UPDATE call_attempts a SET state = f.state, error = f.message,
                 ended_at = CASE WHEN f.state = 'unknown' THEN NULL ELSE now() END
            FROM unnest(${failed.map((f) => f.attemptId)}::bigint[], ${failed.map((f) => f.state)}::text[],
                        ${failed.map((f) => f.message.slice(0, 300))}::text[]) AS f(id, state, message)
           WHERE a.campaign_id = ${ctx.campaignId} AND a.id = f.id AND a.state = 'dialing'
          RETURNING a.id, a.state`,
    );
    const ended = changed.filter((row) => row.state !== 'unknown');
    await settleTargets(
      query,
      ctx.campaignId,
      ended.map((row) => ({ attemptId: Number(row.id), state: row.state })),
    );
    const unknown = changed.filter((row) => row.state === 'unknown').map((row) => Number(row.id));
    if (unknown.length > 0) {
      await query(
        sql`UPDATE call_targets t SET status = 'unknown'
              FROM call_attempts a
             WHERE a.campaign_id = ${ctx.campaignId} AND a.id = ANY(${unknown}::bigint[])
               AND t.campaign_id = a.campaign_id AND t.broadcast_id = ${broadcastId}
               AND t.id = a.target_id AND t.last_attempt_id = a.id AND t.status = 'dialing'`,
      );
    }
  });
}

/**
 * The failure that says the carrier is not taking calls, if the batch shows one: any call it
 * could not be reached for (`unavailable`), or most of the batch left without an answer
 * (`unknown`: a rare lost answer or 5xx is no outage).
 */
export function carrierTroubleIn(
  placements: readonly Placement[],
): Extract<Placement, { error: string }> | undefined {
  const failed = placements.filter((p): p is Extract<Placement, { error: string }> => 'error' in p);
  const unreachable = failed.find((p) => p.error === 'unavailable');
  if (unreachable) return unreachable;
  const lost = failed.filter((p) => p.error === 'unknown');
  return lost.length * 2 > placements.length ? lost[0] : undefined;
}

/**
 * Keeps on the broadcast whether the carrier fails to take its calls (out of reach, or gone
 * silent), for the dashboard's alert: set from the first such failure of a batch, cleared by a
 * batch it took calls from without one.
 */
async function noteCarrierTrouble(
  query: Query,
  campaignId: number,
  broadcastId: number,
  placements: readonly Placement[],
): Promise<void> {
  const trouble = carrierTroubleIn(placements);
  if (trouble) {
    await query(
      sql`UPDATE call_broadcasts SET carrier_trouble_at = coalesce(carrier_trouble_at, now()),
                 carrier_trouble = ${trouble.message.slice(0, 300)}
           WHERE campaign_id = ${campaignId} AND id = ${broadcastId}`,
    );
  } else if (placements.some((p) => 'carrierCallId' in p)) {
    await query(
      sql`UPDATE call_broadcasts SET carrier_trouble_at = NULL, carrier_trouble = NULL
           WHERE campaign_id = ${campaignId} AND id = ${broadcastId} AND carrier_trouble_at IS NOT NULL`,
    );
  }
}
