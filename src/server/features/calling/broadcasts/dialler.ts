import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CallingWindows } from '../../../../contracts/calling.ts';
import type { AppContext } from '../../../core/context.ts';
import { allRounds } from '../../compliance/elections.ts';
import { optedOutNumbers } from '../../compliance/phone-opt-outs.ts';
import { contactSubjects } from '../../people/contact-subjects.ts';
import { CarrierError, type VoiceCarrier } from '../carrier/port.ts';
import { pickCallerId } from '../numbers/caller-id.ts';
import type { CallUrls } from './call-urls.ts';
import { dialDecision, type DialCandidate } from './dial-gate.ts';
import { carrierTroubleIn, recordPlacements, type Placement } from './placements.ts';
import { claimDue, closeTargets, holdTargets, insertAttempts, type NewAttempt } from './targets.ts';

/** How far ahead a round claims: Levier never hands a carrier more than this of calls. */
const ROUND_SECONDS = 0.5;
/** A lease outlives a few rounds; a dialler killed loses it this long after. */
const LEASE_SECONDS = 10;
/**
 * Calls are spaced at this share of the per-second cap: the carrier counts them on its own
 * clock, and a request delayed a few milliseconds must not put one over the cap in a second.
 */
const PACE_SHARE = 0.985;
/** The longest pause of dialling while the carrier fails to take calls. */
const MAX_BACKOFF_MS = 30_000;
/** How far behind its slots the dialler may catch up after a stall. */
const MAX_OWED_MS = 200;

interface RunningBroadcast {
  id: number;
  windows: CallingWindows;
  starts_at: Date | null;
  ends_at: Date | null;
  max_concurrent: number;
  calls_per_second: number;
  ramp_seconds: number;
  ring_seconds: number;
  launched_at: Date;
  resumed_at: Date | null;
}

export interface DiallerOptions {
  carrier: VoiceCarrier;
  urls: CallUrls;
  /** Names this process in leases. */
  diallerId?: string;
  /** The moment the gate decides on (tests give a weekday's hour); the real time otherwise. */
  clock?: () => Date;
}

/**
 * Dials the running broadcasts of a campaign from this process: a broadcast is dialled by the
 * process holding its lease (renewed every round; a killed process's lease lapses and
 * another takes it over). Each round: the open calls counted, numbers claimed for the next
 * half second at the current pace, each decided on at that moment (dial-gate.ts), attempts
 * committed, then the calls placed one by one at their slot; what the carrier answered is
 * recorded in batches (placements.ts).
 */
export function createDialler(ctx: AppContext, options: DiallerOptions) {
  const diallerId = options.diallerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const pacing = new Map<number, Pacing>();
  const clock = options.clock ?? (() => new Date());
  const inFlight = new Set<Promise<void>>();

  const lease = async () =>
    ctx.database.query<RunningBroadcast>(
      sql`UPDATE call_broadcasts SET dialler_id = ${diallerId},
             dialler_lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
           WHERE campaign_id = ${ctx.campaignId} AND status = 'running'
             AND (dialler_lease_until IS NULL OR dialler_lease_until < now() OR dialler_id = ${diallerId})
          RETURNING id, windows, starts_at, ends_at, max_concurrent, calls_per_second, ramp_seconds,
                    ring_seconds, launched_at, paused_at AS resumed_at`,
    );

  /** Calls a second now: the cap, ramped up from a tenth over the ramp after the launch. */
  const pace = (b: RunningBroadcast, now: number) => {
    const since = (now - new Date(b.launched_at).getTime()) / 1000;
    const ramp = b.ramp_seconds > 0 ? Math.min(1, 0.1 + (0.9 * since) / b.ramp_seconds) : 1;
    return Math.max(1, b.calls_per_second * ramp * PACE_SHARE);
  };

  const openCalls = async (broadcastId: number) => {
    const [row] = await ctx.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM call_attempts
           WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${broadcastId}
             AND state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled', 'not_placed')`,
    );
    return row!.n;
  };

  interface Queued {
    attempt: NewAttempt;
    candidate: DialCandidate;
    check: (at: Date) => boolean;
  }

  /** Claims, decides and records a batch of attempts in one transaction. */
  const prepare = async (b: RunningBroadcast, limit: number): Promise<Queued[]> => {
    const rounds = await allRounds(ctx.database, ctx.campaignId);
    const pool = await ctx.database.query<{ e164: string; paused: boolean }>(
      sql`SELECT e164, paused_at IS NOT NULL AS paused FROM call_caller_ids
           WHERE campaign_id = ${ctx.campaignId} ORDER BY id`,
    );
    return ctx.database.transaction(async (query) => {
      const claimed = await claimDue(query, ctx.campaignId, b.id, limit);
      if (claimed.length === 0) return [];
      const now = clock();
      const optedOut = await optedOutNumbers(
        query,
        ctx.campaignId,
        claimed.map((c) => c.e164),
      );
      const people = await contactSubjects(
        { query },
        ctx.campaignId,
        claimed.flatMap((c) => (c.personId === null ? [] : [c.personId])),
      );
      const rules = {
        windows: b.windows,
        startsAt: b.starts_at && new Date(b.starts_at),
        endsAt: b.ends_at && new Date(b.ends_at),
        rounds,
      };
      const held: Array<{ targetId: number; until: Date }> = [];
      const closed: Array<{ targetId: number; result: string }> = [];
      const dials: Array<DialCandidate & { callerId: string; to: string }> = [];
      const state = stateOf(b.id);
      for (const candidate of claimed) {
        if (optedOut.has(candidate.e164)) {
          closed.push({ targetId: candidate.targetId, result: 'opted_out' });
          continue;
        }
        const decision = dialDecision(candidate, rules, people, now);
        if (!decision.dial) {
          if ('until' in decision)
            held.push({ targetId: candidate.targetId, until: decision.until });
          else closed.push({ targetId: candidate.targetId, result: decision.done });
          continue;
        }
        const callerId = pickCallerId(pool, candidate.territory, state.turn++);
        if (!callerId) {
          closed.push({ targetId: candidate.targetId, result: 'no_caller_id' });
          continue;
        }
        dials.push({ ...candidate, callerId, to: candidate.e164 });
      }
      await holdTargets(query, ctx.campaignId, b.id, held);
      await closeTargets(query, ctx.campaignId, b.id, closed);
      const attempts = await insertAttempts(query, ctx.campaignId, b.id, dials);
      const byTarget = new Map(dials.map((d) => [d.targetId, d]));
      return attempts.map((attempt) => {
        const candidate = byTarget.get(attempt.targetId)!;
        return {
          attempt,
          candidate,
          check: (at: Date) => dialDecision(candidate, rules, people, at).dial,
        };
      });
    });
  };

  const place = async (b: RunningBroadcast, queued: Queued): Promise<Placement> => {
    const { attempt } = queued;
    // Checked again at the moment of dialling: a window may have closed since the claim.
    if (!queued.check(clock())) {
      return { attemptId: attempt.attemptId, error: 'rate_limited', message: 'window closed' };
    }
    try {
      const { carrierCallId } = await options.carrier.placeCall({
        attemptId: attempt.attemptId,
        to: attempt.to,
        from: attempt.callerId,
        answerUrl: options.urls.answer(attempt.attemptId),
        statusCallbackUrl: options.urls.status(attempt.attemptId),
        machineDetectionUrl: options.urls.machine(attempt.attemptId),
        ringSeconds: b.ring_seconds,
        detectMachines: true,
      });
      return { attemptId: attempt.attemptId, carrierCallId };
    } catch (error) {
      if (!(error instanceof CarrierError)) {
        return { attemptId: attempt.attemptId, error: 'unknown', message: String(error) };
      }
      return { attemptId: attempt.attemptId, error: error.kind, message: error.message };
    }
  };

  interface Pacing {
    nextSlot: number;
    turn: number;
    queue: Queued[];
    /** When this process placed each of its calls of the last second. */
    recent: number[];
    /** Calls handed to the carrier whose create it has not answered yet. */
    unanswered: number;
    /** No new claims before then: the carrier failed to take calls (see backOff). */
    backoffUntil: number;
    backoffMs: number;
    placed: Array<Promise<Placement>>;
    firing: NodeJS.Timeout | null;
    broadcast: RunningBroadcast | null;
  }
  const stateOf = (id: number): Pacing => {
    let state = pacing.get(id);
    if (!state) {
      state = {
        nextSlot: 0,
        turn: 0,
        queue: [],
        recent: [],
        unanswered: 0,
        backoffUntil: 0,
        backoffMs: 0,
        placed: [],
        firing: null,
        broadcast: null,
      };
      pacing.set(id, state);
    }
    return state;
  };

  /**
   * A carrier out of reach (or gone silent for most of a batch) is not asked again at once: no new claims for 1 s,
   * doubling up to 30 s while it keeps failing; the first batch it takes ends the pause.
   */
  const backOff = (id: number, state: Pacing, done: readonly Placement[]) => {
    if (carrierTroubleIn(done)) {
      state.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(1000, state.backoffMs * 2));
      state.backoffUntil = Date.now() + state.backoffMs;
      ctx.log.warn(
        { broadcastId: id, pauseMs: state.backoffMs },
        'carrier not taking calls: dialling paused',
      );
    } else if (done.some((p) => 'carrierCallId' in p)) {
      state.backoffMs = 0;
    }
  };

  /** Records what the carrier answered to the calls placed since the last time. */
  const flush = (b: RunningBroadcast, state: Pacing) => {
    if (state.placed.length === 0) return;
    const batch = state.placed;
    state.placed = [];
    const recorded: Promise<void> = Promise.all(batch)
      .then((done) => {
        backOff(b.id, state, done);
        return recordPlacements(ctx, b.id, done);
      })
      .catch((error: unknown) =>
        ctx.log.error({ err: error, broadcastId: b.id }, 'calls placed but not recorded'),
      )
      .finally(() => inFlight.delete(recorded));
    inFlight.add(recorded);
  };

  /**
   * Fires the calls owed by now, one per slot, on a timer of its own, whatever the rounds do.
   * A timer firing late leaves its slots owed (up to a fifth of a second's worth: a longer
   * stall's calls would reach the carrier in one burst) rather than lost, no more than a tenth
   * of a second's worth of creates wait for the carrier's answer at once, and
   * no more than the pace is placed within any one second of this process's clock.
   */
  const fire = (id: number) => {
    const state = stateOf(id);
    state.firing = null;
    const b = state.broadcast;
    if (!b) return;
    const now = Date.now();
    const rate = pace(b, now);
    const perSecond = Math.floor(rate);
    while (state.recent.length > 0 && state.recent[0]! <= now - 1000) state.recent.shift();
    state.nextSlot = Math.max(state.nextSlot, now - MAX_OWED_MS);
    // Creates the carrier has not answered yet: a tenth of a second's worth at most, so that a
    // slow carrier (or a stall on the way) never receives a backlog of calls in one burst.
    const inFlightCap = Math.max(5, Math.ceil(rate / 10));
    while (
      state.queue.length > 0 &&
      state.nextSlot <= now &&
      state.recent.length < perSecond &&
      state.unanswered < inFlightCap
    ) {
      const placing = place(b, state.queue.shift()!);
      state.unanswered += 1;
      void placing.finally(() => {
        state.unanswered -= 1;
        // Held back by the cap: the answer frees a place, the firing goes on.
        if (!state.firing && state.queue.length > 0 && state.broadcast) {
          state.firing = setTimeout(() => fire(id), 0);
        }
      });
      state.placed.push(placing);
      state.recent.push(now);
      state.nextSlot += 1000 / rate;
    }
    if (state.queue.length === 0 || state.placed.length >= 50) flush(b, state);
    if (state.queue.length === 0 || state.unanswered >= inFlightCap) return;
    const windowFree = state.recent.length < perSecond ? now : state.recent[0]! + 1000;
    const wait = Math.max(state.nextSlot, windowFree) - now;
    state.firing = setTimeout(() => fire(id), Math.max(1, wait));
  };

  /** Tops up a broadcast's queue to half a second of calls ahead, within its open-call cap. */
  const feed = async (b: RunningBroadcast) => {
    const state = stateOf(b.id);
    state.broadcast = b;
    if (Date.now() < state.backoffUntil) return;
    const rate = pace(b, Date.now());
    const wanted = Math.ceil(rate * ROUND_SECONDS) - state.queue.length;
    if (wanted <= 0) return;
    const room = b.max_concurrent - (await openCalls(b.id)) - state.queue.length;
    const limit = Math.min(wanted, room);
    if (limit <= 0) return;
    const prepared = await prepare(b, limit);
    state.queue.push(...prepared);
    if (!state.firing && state.queue.length > 0) {
      // A queue that ran dry owes nothing for the time it was empty.
      state.nextSlot = Math.max(state.nextSlot, Date.now());
      state.firing = setTimeout(() => fire(b.id), state.nextSlot - Date.now());
    }
  };

  /** A broadcast no longer held (paused, canceled, leased elsewhere): its queue goes back. */
  const drop = async (id: number) => {
    const state = stateOf(id);
    if (state.firing) clearTimeout(state.firing);
    state.firing = null;
    const left = state.queue.splice(0);
    if (state.broadcast) flush(state.broadcast, state);
    state.broadcast = null;
    pacing.delete(id);
    if (left.length === 0) return;
    await recordPlacements(
      ctx,
      id,
      left.map((q) => ({
        attemptId: q.attempt.attemptId,
        error: 'rate_limited',
        message: 'not dialled: broadcast stopped',
      })),
    );
  };

  return {
    diallerId,
    /** Leases the broadcasts and tops up their queues; answers how many it holds. */
    async round(): Promise<number> {
      const held = await lease();
      const ids = new Set(held.map((b) => Number(b.id)));
      for (const id of [...pacing.keys()]) if (!ids.has(id)) await drop(id);
      await Promise.all(held.map((b) => feed({ ...b, id: Number(b.id) })));
      return held.length;
    },
    /** Waits for the carrier's answers of the calls placed so far to be recorded. */
    async settled(): Promise<void> {
      await Promise.all([...inFlight]);
    },
    /** Stops dialling and gives up the leases (another process takes over at once). */
    async release(): Promise<void> {
      for (const id of [...pacing.keys()]) await drop(id);
      await Promise.all([...inFlight]);
      await ctx.database.query(
        sql`UPDATE call_broadcasts SET dialler_lease_until = NULL
             WHERE campaign_id = ${ctx.campaignId} AND dialler_id = ${diallerId}`,
      );
    },
  };
}

export type Dialler = ReturnType<typeof createDialler>;
