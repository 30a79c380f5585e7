import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import type { VoiceCarrier } from '../carrier/port.ts';
import {
  advances,
  answeredByOf,
  isTerminal,
  rankSql,
  stateOfCarrierStatus,
  type AttemptState,
} from './attempt-state.ts';
import type { CallUrls } from './call-urls.ts';
import { addStats } from './stats.ts';
import { settleTargets } from './targets.ts';

export type CallbackKind = 'status' | 'machine';

/**
 * Keeps a verified callback in the inbox, once: its key (kind, status, the carrier's sequence
 * number) makes a duplicate a no-op. One statement: the route answers the carrier at once,
 * the applier does the rest.
 */
export async function receiveCallback(
  ctx: AppContext,
  attemptId: number,
  kind: CallbackKind,
  params: Record<string, string>,
): Promise<void> {
  const eventKey =
    kind === 'status'
      ? `status:${params.CallStatus ?? ''}:${params.SequenceNumber ?? ''}`
      : `machine:${params.AnsweredBy ?? ''}`;
  await ctx.database.query(
    sql`INSERT INTO call_callbacks (campaign_id, attempt_id, event_key, params)
        VALUES (${ctx.campaignId}, ${attemptId}, ${eventKey}, ${JSON.stringify(params)}::jsonb)
        ON CONFLICT DO NOTHING`,
  );
}

interface PendingCallback {
  id: number;
  attempt_id: number;
  event_key: string;
  params: Record<string, string>;
}

/** What a batch of callbacks says of one attempt, the highest-ranked report kept. */
interface AttemptReport {
  attemptId: number;
  state: AttemptState | null;
  carrierCallId: string | null;
  answeredBy: string | null;
  durationSeconds: number | null;
}

function reportsOf(callbacks: readonly PendingCallback[]): AttemptReport[] {
  const byAttempt = new Map<number, AttemptReport>();
  for (const callback of callbacks) {
    const attemptId = Number(callback.attempt_id);
    const report = byAttempt.get(attemptId) ?? {
      attemptId,
      state: null,
      carrierCallId: null,
      answeredBy: null,
      durationSeconds: null,
    };
    const { params } = callback;
    report.carrierCallId ??= params.CallSid ?? null;
    if (callback.event_key.startsWith('machine:')) {
      report.answeredBy = answeredByOf(params.AnsweredBy);
    } else if (params.CallStatus) {
      const state = stateOfCarrierStatus(params.CallStatus as never);
      if (!report.state || advances(report.state, state)) report.state = state;
      if (params.CallDuration) report.durationSeconds = Number(params.CallDuration);
      if (params.AnsweredBy) report.answeredBy ??= answeredByOf(params.AnsweredBy);
    }
    byAttempt.set(attemptId, report);
  }
  return [...byAttempt.values()];
}

interface MovedAttempt {
  id: number;
  broadcast_id: number;
  state: AttemptState;
  answered_as: string | null;
  carrier_call_id: string | null;
  newly_machine: boolean;
  newly_ended: boolean;
}

/**
 * Applies the inbox's pending callbacks in batches, in one transaction each: states by rank
 * (a late or repeated report changes nothing, a terminal state is final), who answered, the
 * duration and whether the message was heard to its end; the numbers of attempts that ended
 * settled and counted. Answers how many callbacks it applied.
 */
export async function applyCallbacks(
  ctx: AppContext,
  carrier: VoiceCarrier,
  urls: CallUrls,
  limit = 2000,
): Promise<number> {
  const machines: MovedAttempt[] = [];
  const applied = await ctx.database.transaction(async (query) => {
    const pending = await query<PendingCallback>(
      sql`SELECT id, attempt_id, event_key, params FROM call_callbacks
           WHERE campaign_id = ${ctx.campaignId} AND applied_at IS NULL
           ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
    if (pending.length === 0) return 0;
    const moved = await applyReports(query, ctx.campaignId, reportsOf(pending));
    const ended = moved.filter((a) => isTerminal(a.state));
    await settleTargets(
      query,
      ctx.campaignId,
      ended.map((a) => ({ attemptId: Number(a.id), state: a.state })),
    );
    await addStats(
      query,
      ctx.campaignId,
      ended.map((a) => Number(a.id)),
    );
    machines.push(...moved.filter((a) => a.newly_machine && !isTerminal(a.state)));
    await query(
      sql`UPDATE call_callbacks SET applied_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${pending.map((p) => Number(p.id))}::bigint[])`,
    );
    return pending.length;
  });
  await actOnMachines(ctx, carrier, urls, machines);
  return applied;
}

async function applyReports(
  query: Query,
  campaignId: number,
  reports: readonly AttemptReport[],
): Promise<MovedAttempt[]> {
  if (reports.length === 0) return [];
  const column = <T>(pick: (r: AttemptReport) => T) => reports.map(pick);
  return query<MovedAttempt>(
    sql`WITH r AS (
          SELECT * FROM unnest(${column((r) => r.attemptId)}::bigint[], ${column((r) => r.state)}::text[],
                               ${column((r) => r.carrierCallId)}::text[], ${column((r) => r.answeredBy)}::text[],
                               ${column((r) => r.durationSeconds)}::int[])
                   AS r(id, state, sid, answered_as, duration)),
        old AS (
          SELECT a.id, a.state, a.answered_as FROM call_attempts a JOIN r ON a.campaign_id = ${campaignId} AND a.id = r.id
           ORDER BY a.id FOR UPDATE OF a)
        UPDATE call_attempts a SET
               state = CASE WHEN r.state IS NOT NULL AND ${sql.raw(rankSql('r.state'))} > ${sql.raw(rankSql('a.state'))}
                             AND ${sql.raw(rankSql('a.state'))} < 10 THEN r.state ELSE a.state END,
               carrier_call_id = coalesce(a.carrier_call_id, r.sid),
               answered_as = coalesce(r.answered_as, a.answered_as),
               answered_at = CASE WHEN r.state IN ('answered', 'completed') THEN coalesce(a.answered_at, now())
                                  ELSE a.answered_at END,
               duration_seconds = coalesce(r.duration, a.duration_seconds),
               ended_at = CASE WHEN ${sql.raw(rankSql('r.state'))} = 10 AND ${sql.raw(rankSql('a.state'))} < 10
                               THEN now() ELSE a.ended_at END,
               listened_to_end = a.listened_to_end OR coalesce(
                 r.state = 'completed' AND coalesce(r.answered_as, a.answered_as, 'human') = 'human'
                 AND r.duration >= (SELECT rec.duration_ms / 1000 - 1 FROM call_broadcasts b
                                      JOIN call_recordings rec ON rec.campaign_id = b.campaign_id AND rec.id = b.recording_id
                                     WHERE b.campaign_id = a.campaign_id AND b.id = a.broadcast_id), false)
          FROM r, old
         WHERE a.campaign_id = ${campaignId} AND a.id = r.id AND old.id = r.id
        RETURNING a.id, a.broadcast_id, a.state, a.answered_as, a.carrier_call_id,
                  (a.answered_as = 'machine' AND old.answered_as IS DISTINCT FROM 'machine') AS newly_machine,
                  (${sql.raw(rankSql('old.state'))} < 10 AND ${sql.raw(rankSql('a.state'))} = 10) AS newly_ended`,
  ).then((rows) => rows.filter((row) => row.newly_ended || row.newly_machine));
}

/**
 * An answering machine heard the message's start during its greeting: with the "hang up"
 * setting the call ends; otherwise it is sent to the machine's message after the beep.
 */
async function actOnMachines(
  ctx: AppContext,
  carrier: VoiceCarrier,
  urls: CallUrls,
  machines: readonly MovedAttempt[],
): Promise<void> {
  if (machines.length === 0) return;
  const actions = await ctx.database.query<{ id: number; machine_action: string }>(
    sql`SELECT id, machine_action FROM call_broadcasts
         WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${[...new Set(machines.map((m) => Number(m.broadcast_id)))]}::bigint[])`,
  );
  const actionOf = new Map(actions.map((a) => [Number(a.id), a.machine_action]));
  await Promise.all(
    machines.map(async (machine) => {
      if (!machine.carrier_call_id) return;
      try {
        if (actionOf.get(Number(machine.broadcast_id)) === 'hang_up') {
          await carrier.endCall(machine.carrier_call_id);
        } else {
          await carrier.redirectCall(machine.carrier_call_id, urls.answer(Number(machine.id)));
        }
      } catch (error) {
        ctx.log.warn({ err: error, attemptId: machine.id }, 'answering machine not acted on');
      }
    }),
  );
}
