import { sql } from 'drizzle-orm';
import type { CallingWindows } from '../../../../contracts/calling.ts';
import type { Territory } from '../../../../contracts/compliance.ts';
import type { AppContext } from '../../../core/context.ts';
import { allRounds } from '../../compliance/elections.ts';
import { contactSubjects } from '../../people/contact-subjects.ts';
import { CarrierError, type VoiceCarrier } from '../carrier/port.ts';
import { dialDecision } from './dial-gate.ts';
import { settleTargets } from './targets.ts';

interface QueuedCall {
  id: number;
  carrier_call_id: string;
  target_id: number;
  e164: string;
  person_id: number | null;
  territory: Territory | null;
  slot_weekdays: number[] | null;
  slot_from: string | null;
  slot_to: string | null;
  windows: CallingWindows;
  starts_at: Date | null;
  ends_at: Date | null;
}

/**
 * Cancels the calls still waiting in the carrier's queue (placed, not yet ringing) that may no
 * longer be made: a window closed, the pre-election silence began, the person's slot or
 * consent ended, or the broadcast's end passed. A call the carrier cancelled goes back to be
 * dialled when allowed (not counted as a try); one that rang meanwhile is left to end.
 * Answers how many were cancelled.
 */
export async function cancelQueuedOutsideWindows(
  ctx: AppContext,
  carrier: VoiceCarrier,
  at: Date,
): Promise<number> {
  const queued = await ctx.database.query<QueuedCall>(
    sql`SELECT a.id, a.carrier_call_id, a.target_id, t.e164, t.person_id, t.territory, t.slot_weekdays,
               t.slot_from, t.slot_to, b.windows, b.starts_at, b.ends_at
          FROM call_broadcasts b
          JOIN call_attempts a ON a.campaign_id = b.campaign_id AND a.broadcast_id = b.id
          JOIN call_targets t ON t.campaign_id = a.campaign_id AND t.broadcast_id = a.broadcast_id AND t.id = a.target_id
         WHERE b.campaign_id = ${ctx.campaignId} AND b.status IN ('running', 'paused')
           AND a.state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled', 'not_placed')
           AND a.state = 'queued' AND a.carrier_call_id IS NOT NULL`,
  );
  if (queued.length === 0) return 0;
  const rounds = await allRounds(ctx.database, ctx.campaignId);
  const people = await contactSubjects(
    ctx.database,
    ctx.campaignId,
    queued.flatMap((q) => (q.person_id === null ? [] : [Number(q.person_id)])),
  );
  const stale = queued.filter((q) => {
    const decision = dialDecision(
      {
        targetId: Number(q.target_id),
        e164: q.e164,
        personId: q.person_id === null ? null : Number(q.person_id),
        territory: q.territory,
        slot:
          q.slot_weekdays && q.slot_from && q.slot_to
            ? { weekdays: q.slot_weekdays.map(Number), from: q.slot_from, to: q.slot_to }
            : null,
      },
      {
        windows: q.windows,
        startsAt: q.starts_at && new Date(q.starts_at),
        endsAt: q.ends_at && new Date(q.ends_at),
        rounds,
      },
      people,
      at,
    );
    return !decision.dial;
  });
  const cancelled: number[] = [];
  for (const call of stale) {
    try {
      await carrier.cancelCall(call.carrier_call_id);
      cancelled.push(Number(call.id));
    } catch (error) {
      // Ringing already (no longer cancellable): it ends as it will.
      if (!(error instanceof CarrierError)) throw error;
    }
  }
  if (cancelled.length === 0) return 0;
  await ctx.database.transaction(async (query) => {
    const rows = await query<{ id: number }>(
      sql`UPDATE call_attempts SET state = 'not_placed', ended_at = now(),
                 error = 'cancelled in the carrier''s queue: no longer allowed at that moment'
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${cancelled}::bigint[]) AND state = 'queued'
          RETURNING id`,
    );
    await settleTargets(
      query,
      ctx.campaignId,
      rows.map((row) => ({ attemptId: Number(row.id), state: 'not_placed' })),
    );
  });
  return cancelled.length;
}
