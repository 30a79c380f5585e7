import { sql } from 'drizzle-orm';
import type { Broadcast, BroadcastInput, CallingWindows } from '../../../../contracts/calling.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { rowById } from '../../../core/db/row-by-id.ts';
import { AppError, conflict } from '../../../core/http/errors.ts';
import { segmentFilter } from '../../people/segments.ts';
import { freezeAudience } from './freeze.ts';
import { launchProblems } from './launch-checks.ts';
import { countDone } from './targets.ts';

export interface BroadcastRow {
  id: number;
  name: string;
  status: Broadcast['status'];
  audience_kind: 'segment' | 'list';
  segment_id: number | null;
  list_id: number | null;
  recording_id: number | null;
  machine_recording_id: number | null;
  machine_action: 'message' | 'hang_up';
  opt_out_confirmed_by: number | null;
  opt_out_confirmed_at: Date | null;
  windows: CallingWindows;
  starts_at: Date | null;
  ends_at: Date | null;
  max_concurrent: number;
  calls_per_second: number;
  ramp_seconds: number;
  max_attempts: number;
  retry_minutes: number;
  ring_seconds: number;
  answer_rate_floor_percent: number;
  minute_price_hundredths: number | null;
  audience_count: number | null;
  requested_by: number | null;
  requested_at: Date | null;
  approved_by: number | null;
  launched_at: Date | null;
  paused_at: Date | null;
  pause_reason: string | null;
  finished_at: Date | null;
  carrier_trouble_at: Date | null;
  carrier_trouble: string | null;
  created_at: Date;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
const num = (value: number | null) => (value === null ? null : Number(value));

export const toBroadcast = (row: BroadcastRow): Broadcast => ({
  id: Number(row.id),
  name: row.name,
  status: row.status,
  audience: {
    kind: row.audience_kind,
    segmentId: num(row.segment_id),
    listId: num(row.list_id),
    count: row.audience_count,
  },
  recordingId: num(row.recording_id),
  machineRecordingId: num(row.machine_recording_id),
  machineAction: row.machine_action,
  optOutConfirmedAt: iso(row.opt_out_confirmed_at),
  optOutConfirmedBy: num(row.opt_out_confirmed_by),
  windows: row.windows,
  startsAt: iso(row.starts_at),
  endsAt: iso(row.ends_at),
  maxConcurrent: row.max_concurrent,
  callsPerSecond: row.calls_per_second,
  rampSeconds: row.ramp_seconds,
  maxAttempts: row.max_attempts,
  retryMinutes: row.retry_minutes,
  ringSeconds: row.ring_seconds,
  answerRateFloor: row.answer_rate_floor_percent,
  minutePriceCents: row.minute_price_hundredths === null ? null : row.minute_price_hundredths / 100,
  requestedBy: num(row.requested_by),
  requestedAt: iso(row.requested_at),
  approvedBy: num(row.approved_by),
  launchedAt: iso(row.launched_at),
  pausedAt: iso(row.paused_at),
  pauseReason: row.pause_reason,
  finishedAt: iso(row.finished_at),
  createdAt: new Date(row.created_at).toISOString(),
});

export const broadcastRow = (query: Query, campaignId: number, id: number, lock = false) =>
  rowById<BroadcastRow>(query, 'call_broadcasts', 'broadcast', campaignId, id, lock);

/**
 * The segment a broadcast names must be the campaign's: read through its feature, on the
 * database itself, so before the transaction (the embedded database has one connection: a
 * read outside an open transaction would wait for it forever).
 */
async function checkSegment(ctx: AppContext, input: BroadcastInput) {
  if (input.audience.kind === 'segment') await segmentFilter(ctx, input.audience.segmentId);
}

/**
 * The recordings and the list a broadcast names must be the campaign's (locked against a
 * delete until the statement's transaction ends).
 */
async function checkReferences(ctx: AppContext, query: Query, input: BroadcastInput) {
  const recordings = [input.recordingId, input.machineRecordingId].filter(
    (id): id is number => id !== null,
  );
  const [found] = await query<{ recordings: number; list: boolean }>(
    sql`SELECT (SELECT count(*)::int FROM (SELECT 1 FROM call_recordings
                  WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${recordings}::bigint[]) FOR KEY SHARE) r) AS recordings,
               EXISTS (SELECT 1 FROM call_lists WHERE campaign_id = ${ctx.campaignId}
                        AND id = ${input.audience.kind === 'list' ? input.audience.listId : null}) AS list`,
  );
  if (found!.recordings !== new Set(recordings).size) {
    throw new AppError(422, 'unknown_recording', 'This recording is not one of the campaign’s.');
  }
  if (input.audience.kind === 'list' && !found!.list) {
    throw new AppError(422, 'unknown_list', 'This list of numbers is not one of the campaign’s.');
  }
}

const settings = (input: BroadcastInput) => ({
  segmentId: input.audience.kind === 'segment' ? input.audience.segmentId : null,
  listId: input.audience.kind === 'list' ? input.audience.listId : null,
  minutePrice: input.minutePriceCents === null ? null : Math.round(input.minutePriceCents * 100),
});

export async function createBroadcast(
  ctx: AppContext,
  input: BroadcastInput,
  actorId: number,
): Promise<Broadcast> {
  const { segmentId, listId, minutePrice } = settings(input);
  await checkSegment(ctx, input);
  const row = await ctx.database.transaction(async (query) => {
    await checkReferences(ctx, query, input);
    const [created] = await query<BroadcastRow>(
      sql`INSERT INTO call_broadcasts (campaign_id, name, audience_kind, segment_id, list_id, recording_id,
          machine_recording_id, machine_action, windows, starts_at, ends_at, max_concurrent, calls_per_second,
          ramp_seconds, max_attempts, retry_minutes, ring_seconds, answer_rate_floor_percent, minute_price_hundredths, created_by)
        VALUES (${ctx.campaignId}, ${input.name}, ${input.audience.kind}, ${segmentId}, ${listId}, ${input.recordingId},
          ${input.machineRecordingId}, ${input.machineAction}, ${JSON.stringify(input.windows)}::jsonb,
          ${input.startsAt}, ${input.endsAt}, ${input.maxConcurrent}, ${input.callsPerSecond}, ${input.rampSeconds},
          ${input.maxAttempts}, ${input.retryMinutes}, ${input.ringSeconds}, ${input.answerRateFloor}, ${minutePrice}, ${actorId})
        RETURNING *`,
    );
    return created!;
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'calling.broadcast.create',
    target: `broadcast:${row.id}`,
    details: { name: input.name },
  });
  return toBroadcast(row);
}

/**
 * A draft's settings; changing what is heard or who is called takes back the opt-out
 * confirmation and a pending launch request (what was approved must be what runs).
 */
export async function updateBroadcast(
  ctx: AppContext,
  id: number,
  input: BroadcastInput,
  actorId: number,
): Promise<Broadcast> {
  const { segmentId, listId, minutePrice } = settings(input);
  await checkSegment(ctx, input);
  const row = await ctx.database.transaction(async (query) => {
    const current = await broadcastRow(query, ctx.campaignId, id, true);
    if (current.status !== 'draft' && current.status !== 'awaiting_approval') {
      throw conflict('broadcast_not_editable', 'Only a broadcast not yet launched can be edited.');
    }
    await checkReferences(ctx, query, input);
    const [updated] = await query<BroadcastRow>(
      sql`UPDATE call_broadcasts SET name = ${input.name}, audience_kind = ${input.audience.kind},
            segment_id = ${segmentId}, list_id = ${listId}, recording_id = ${input.recordingId},
            machine_recording_id = ${input.machineRecordingId}, machine_action = ${input.machineAction},
            windows = ${JSON.stringify(input.windows)}::jsonb, starts_at = ${input.startsAt}, ends_at = ${input.endsAt},
            max_concurrent = ${input.maxConcurrent}, calls_per_second = ${input.callsPerSecond},
            ramp_seconds = ${input.rampSeconds}, max_attempts = ${input.maxAttempts},
            retry_minutes = ${input.retryMinutes}, ring_seconds = ${input.ringSeconds},
            answer_rate_floor_percent = ${input.answerRateFloor}, minute_price_hundredths = ${minutePrice},
            status = 'draft',
            requested_by = NULL, requested_at = NULL,
            opt_out_confirmed_by = CASE WHEN recording_id IS NOT DISTINCT FROM ${input.recordingId}
                                        THEN opt_out_confirmed_by END,
            opt_out_confirmed_at = CASE WHEN recording_id IS NOT DISTINCT FROM ${input.recordingId}
                                        THEN opt_out_confirmed_at END,
            updated_at = now()
          WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING *`,
    );
    return updated!;
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'calling.broadcast.update',
    target: `broadcast:${id}`,
  });
  return toBroadcast(row);
}

export async function getBroadcast(ctx: AppContext, id: number): Promise<Broadcast> {
  return toBroadcast(await broadcastRow(ctx.database.query, ctx.campaignId, id));
}

export async function listBroadcasts(ctx: AppContext): Promise<Broadcast[]> {
  const rows = await ctx.database.query<BroadcastRow>(
    sql`SELECT * FROM call_broadcasts WHERE campaign_id = ${ctx.campaignId} ORDER BY created_at DESC, id DESC`,
  );
  return rows.map(toBroadcast);
}

/** Staff confirm that the recording says how to opt out, at its start (CNIL). */
export async function confirmOptOutNotice(
  ctx: AppContext,
  id: number,
  actorId: number,
): Promise<Broadcast> {
  const [row] = await ctx.database.query<BroadcastRow>(
    sql`UPDATE call_broadcasts SET opt_out_confirmed_by = ${actorId}, opt_out_confirmed_at = now(), updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND recording_id IS NOT NULL
           AND status IN ('draft', 'awaiting_approval')
        RETURNING *`,
  );
  if (!row) {
    await broadcastRow(ctx.database.query, ctx.campaignId, id);
    throw conflict(
      'recording_required',
      'Choose the recording before confirming that it says how to opt out.',
    );
  }
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'calling.broadcast.confirm_opt_out',
    target: `broadcast:${id}`,
  });
  return toBroadcast(row);
}

/** A staff member asks for the launch; another one must approve it. */
export async function requestLaunch(
  ctx: AppContext,
  id: number,
  actorId: number,
): Promise<Broadcast> {
  const current = await broadcastRow(ctx.database.query, ctx.campaignId, id);
  if (current.status !== 'draft') {
    throw conflict('broadcast_not_draft', 'Only a draft broadcast can be put up for launch.');
  }
  await launchProblems(ctx, current, new Date());
  const [row] = await ctx.database.query<BroadcastRow>(
    sql`UPDATE call_broadcasts SET status = 'awaiting_approval', requested_by = ${actorId}, requested_at = now(),
           updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND status = 'draft' RETURNING *`,
  );
  if (!row) throw conflict('broadcast_not_draft', 'The broadcast changed meanwhile: reload it.');
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'calling.broadcast.request_launch',
    target: `broadcast:${id}`,
  });
  return toBroadcast(row);
}

/**
 * The second staff member's approval launches: the checks again, then the audience frozen
 * (numbers normalised, deduplicated, opted-out ones left out) in the same transaction.
 */
export async function approveLaunch(
  ctx: AppContext,
  id: number,
  actorId: number,
): Promise<Broadcast> {
  const current = await broadcastRow(ctx.database.query, ctx.campaignId, id);
  if (current.status !== 'awaiting_approval') {
    throw conflict('broadcast_not_awaiting', 'This broadcast is not waiting for an approval.');
  }
  if (Number(current.requested_by) === actorId) {
    throw conflict(
      'second_approval_required',
      'Another staff member must approve the launch you asked for.',
    );
  }
  await launchProblems(ctx, current, new Date());
  const row = await freezeAudience(ctx, current, actorId);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'calling.broadcast.launch',
    target: `broadcast:${id}`,
    details: { audience: row.audience_count },
  });
  return toBroadcast(row);
}

const transitions = {
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  cancel: { from: ['draft', 'awaiting_approval', 'running', 'paused'], to: 'canceled' },
} as const;

/** Pause, resume or cancel; a canceled broadcast's numbers still due are never called. */
export async function changeBroadcast(
  ctx: AppContext,
  id: number,
  change: keyof typeof transitions,
  actorId: number,
): Promise<Broadcast> {
  const { from, to } = transitions[change];
  const row = await ctx.database.transaction(async (query) => {
    const [updated] = await query<BroadcastRow>(
      sql`UPDATE call_broadcasts SET status = ${to}, updated_at = now(),
             paused_at = CASE WHEN ${to} = 'paused' THEN now() END,
             pause_reason = CASE WHEN ${to} = 'paused' THEN 'staff' END,
             finished_at = CASE WHEN ${to} = 'canceled' THEN now() ELSE finished_at END
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND status = ANY(${[...from]}::text[])
          RETURNING *`,
    );
    if (!updated) {
      await broadcastRow(query, ctx.campaignId, id);
      throw conflict('broadcast_state', `This broadcast cannot be ${change}d now.`);
    }
    if (to === 'canceled') {
      await query(
        sql`WITH canceled AS (
              UPDATE call_targets SET status = 'done', result = 'canceled'
               WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${id} AND status = 'due'
              RETURNING broadcast_id)
            ${countDone(ctx.campaignId, 'canceled')}`,
      );
    }
    return updated;
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: `calling.broadcast.${change}`,
    target: `broadcast:${id}`,
  });
  return toBroadcast(row);
}
