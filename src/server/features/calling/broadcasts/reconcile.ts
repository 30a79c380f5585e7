import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { CarrierCallRecord, VoiceCarrier } from '../carrier/port.ts';
import { receiveCallback } from './callbacks.ts';
import { settleTargets } from './targets.ts';

/**
 * An answered or ringing call is asked about once it has had no final news for longer than its
 * longest course: its ringing, then twice its longest recording (a machine's greeting, then
 * the message left after the beep), and this margin for the opt-out confirmation and a slow
 * carrier. A status callback the carrier could not deliver is never sent again (Twilio does not
 * retry), and the broadcast waits on that call until then.
 */
const SILENT_MARGIN_SECONDS = 180;
/** Attempts asked about in one go. */
export const RECONCILE_BATCH = 200;
/** Questions to the carrier in flight at once. */
const RECONCILE_CONCURRENCY = 8;
/** Search a little before the dial: the carrier's clock is not ours. */
const CLOCK_MARGIN_MS = 60_000;

interface OpenAttempt {
  id: number;
  to_e164: string;
  caller_id: string;
  carrier_call_id: string | null;
  dialled_at: Date;
}

/**
 * Asks the carrier about attempts left without a final state: unknown ones (the answer to
 * their dial was lost), dialing ones whose dialler died before recording the answer, and
 * calls silent for long. What the carrier says goes through the callback inbox like any
 * callback; a call it has no record of, asked twice at least the delay apart, was never placed
 * and goes back to be dialled. Answers how many it settled.
 */
export async function reconcileAttempts(
  ctx: AppContext,
  carrier: VoiceCarrier,
  limit = RECONCILE_BATCH,
): Promise<number> {
  // A call whose placing answer was lost is looked for only after this: a create still on its
  // way would not be listed yet, and concluding "never placed" then would call twice.
  const lostAfter = ctx.config.CALLING_RECONCILE_AFTER_SECONDS;
  const open = await ctx.database.query<OpenAttempt>(
    sql`WITH longest AS (
          SELECT b.id, b.ring_seconds + 2 * coalesce(max(r.duration_ms), 0) / 1000 + ${SILENT_MARGIN_SECONDS} AS secs
            FROM call_broadcasts b
                 LEFT JOIN call_recordings r ON r.campaign_id = b.campaign_id
                       AND r.id IN (b.recording_id, b.machine_recording_id)
           WHERE b.campaign_id = ${ctx.campaignId}
           GROUP BY b.id, b.ring_seconds)
        SELECT a.id, a.to_e164, a.caller_id, a.carrier_call_id, a.dialled_at
          FROM call_attempts a JOIN longest l ON l.id = a.broadcast_id
         WHERE a.campaign_id = ${ctx.campaignId}
           AND state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled', 'not_placed')
           AND ((state IN ('unknown', 'dialing') AND dialled_at < now() - make_interval(secs => ${lostAfter}))
             OR dialled_at < now() - make_interval(secs => l.secs))
           AND (reconcile_missed_at IS NULL OR reconcile_missed_at < now() - make_interval(secs => ${lostAfter}))
           AND NOT EXISTS (SELECT 1 FROM call_callbacks c WHERE c.campaign_id = a.campaign_id
                             AND c.attempt_id = a.id AND c.applied_at IS NULL)
         ORDER BY dialled_at LIMIT ${limit}`,
  );
  let settled = 0;
  let failed = 0;
  const neverPlaced: number[] = [];
  const settle = async (attempt: OpenAttempt) => {
    const record = await carrierRecord(carrier, attempt);
    if (record === 'none') {
      neverPlaced.push(Number(attempt.id));
      return;
    }
    await receiveCallback(ctx, Number(attempt.id), 'status', {
      CallSid: record.carrierCallId,
      CallStatus: record.status,
      SequenceNumber: `reconciled-${record.status}`,
      ...(record.durationSeconds !== null && { CallDuration: String(record.durationSeconds) }),
      ...(record.answeredBy && { AnsweredBy: record.answeredBy }),
    });
    if (record.priceCents !== null) {
      await ctx.database.query(
        sql`UPDATE call_attempts SET price_cents = ${record.priceCents}
             WHERE campaign_id = ${ctx.campaignId} AND id = ${attempt.id}`,
      );
    }
    settled += 1;
  };
  // A few questions at once: after an outage thousands may wait, each a round trip away.
  let next = 0;
  const asker = async () => {
    while (next < open.length) {
      const attempt = open[next++]!;
      // One call the carrier cannot tell about now is asked again next time; the others go on.
      await settle(attempt).catch((error: unknown) => {
        failed += 1;
        if (failed === 1)
          ctx.log.warn({ err: error, attemptId: attempt.id }, 'call not reconciled');
      });
    }
  };
  await Promise.all(Array.from({ length: RECONCILE_CONCURRENCY }, asker));
  if (failed > 0 && settled === 0 && neverPlaced.length === 0) {
    throw new Error(`the carrier answered none of ${failed} reconciliation questions`);
  }
  if (neverPlaced.length > 0) {
    settled += await ctx.database.transaction(async (query) => {
      // Missing twice, asked at least the delay apart: never placed. Missing once: a create
      // still on its way to a slow carrier would land later, so it is asked again first.
      await query(
        sql`UPDATE call_attempts SET reconcile_missed_at = now()
             WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${neverPlaced}::bigint[])
               AND reconcile_missed_at IS NULL`,
      );
      const rows = await query<{ id: number }>(
        sql`UPDATE call_attempts SET state = 'not_placed', ended_at = now(),
                   error = 'the carrier has no such call: never placed'
             WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${neverPlaced}::bigint[])
               AND state IN ('unknown', 'dialing') AND reconcile_missed_at < now() - make_interval(secs => ${lostAfter})
            RETURNING id`,
      );
      await settleTargets(
        query,
        ctx.campaignId,
        rows.map((row) => ({ attemptId: Number(row.id), state: 'not_placed' })),
      );
      return rows.length;
    });
  }
  return settled;
}

/** The carrier's record of an attempt's call; 'none' when it has none (never placed). */
async function carrierRecord(
  carrier: VoiceCarrier,
  attempt: OpenAttempt,
): Promise<CarrierCallRecord | 'none'> {
  if (attempt.carrier_call_id) {
    return (await carrier.fetchCall(attempt.carrier_call_id)) ?? 'none';
  }
  const found = await carrier.findCalls({
    to: attempt.to_e164,
    from: attempt.caller_id,
    since: new Date(new Date(attempt.dialled_at).getTime() - CLOCK_MARGIN_MS),
  });
  // Several calls to this number from this caller ID since the dial: the attempt's is the first.
  found.sort((a, b) => (a.startedAt?.getTime() ?? 0) - (b.startedAt?.getTime() ?? 0));
  return found[0] ?? 'none';
}
