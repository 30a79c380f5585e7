import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { hmac, safeEqual } from '../../core/crypto.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { AppError, badRequest, conflict, notFound } from '../../core/http/errors.ts';
import { membershipOf } from '../committees/service.ts';
import { rankAtLeast } from '../../../contracts/access.ts';
import type { EventType } from '../../../contracts/events.ts';

export type RsvpStatus = 'going' | 'waitlist' | 'pending' | 'cancelled';

interface EventRow {
  status: string;
  visibility: string;
  committee_id: number | null;
  capacity: number | null;
  going: number;
  ends_at: Date | string;
}

/** Locks the event's row: its places are counted one request at a time. */
async function lockEvent(query: Query, campaignId: number, id: number) {
  const [row] = await runSql<EventRow>(
    query,
    sql`SELECT status, visibility, committee_id, capacity, going, ends_at FROM events
         WHERE campaign_id = ${campaignId} AND id = ${id} FOR UPDATE`,
  );
  return row;
}

async function currentRsvp(query: Query, campaignId: number, eventId: number, personId: number) {
  const [row] = await runSql<{ id: number; status: RsvpStatus; guests: number }>(
    query,
    sql`SELECT id, status, guests FROM event_rsvps
         WHERE campaign_id = ${campaignId} AND event_id = ${eventId} AND person_id = ${personId}`,
  );
  return row ?? null;
}

const fits = (event: EventRow, seats: number) =>
  event.capacity === null || event.going + seats <= event.capacity;

async function addCounts(
  query: Query,
  campaignId: number,
  id: number,
  going: number,
  waiting: number,
) {
  if (going === 0 && waiting === 0) return;
  await runSql(
    query,
    sql`UPDATE events SET going = going + ${going}, waiting = waiting + ${waiting}
         WHERE campaign_id = ${campaignId} AND id = ${id}`,
  );
}

/**
 * Whether an answer can be taken: not for a cancelled event, nor (but at the door) one that
 * is over, nor a members' event from someone who is not a member. Checked again under the
 * event's lock; a visitor's answer is checked first, so nobody is made for nothing.
 */
export function assertAnswerable(
  event: { status: string; endsAt: Date | string; membersOnly: boolean },
  source: 'member' | 'visitor' | 'walk_in',
  isMember: boolean,
) {
  if (event.status === 'cancelled') throw conflict('event_cancelled', 'This event was cancelled.');
  if (new Date(event.endsAt) < new Date() && source !== 'walk_in') {
    throw conflict('event_over', 'This event is over.');
  }
  if (event.membersOnly && !isMember) {
    throw new AppError(403, 'members_only', "This event is for the committee's members.");
  }
}

/**
 * Answers "I'm coming" (with guests): going while places remain, else on the waiting list;
 * someone added at the door is there, so going whatever the count.
 * A members' event takes its committee's members only; a past or cancelled one nobody. Changing
 * the number of guests keeps one's place if the new number fits.
 */
export async function answerEvent(
  ctx: AppContext,
  eventId: number,
  personId: number,
  guests: number,
  source: 'member' | 'visitor' | 'walk_in',
  status: 'going' | 'pending' = 'going',
): Promise<{ status: RsvpStatus; guests: number }> {
  return answerEventOn(ctx, eventId, personId, guests, source, status);
}

/**
 * Called with a person's answer (going or on the waiting list; a visitor's pending answer once
 * their address is confirmed), inside the answer's transaction so that what listens commits
 * with it or not at all: other features listen (newsletters' automations, on a first answer).
 * A listener's failure would undo the answer: none may throw (each catches its own under a
 * savepoint).
 */
export const rsvpListeners = new Set<
  (
    query: Query,
    ctx: AppContext,
    personId: number,
    rsvp?: { eventId: number; status: 'going' | 'waitlist' },
  ) => Promise<void>
>();

async function answerEventOn(
  ctx: AppContext,
  eventId: number,
  personId: number,
  guests: number,
  source: 'member' | 'visitor' | 'walk_in',
  status: 'going' | 'pending',
): Promise<{ status: RsvpStatus; guests: number }> {
  return ctx.database.transaction(async (query) => {
    const event = await lockEvent(query, ctx.campaignId, eventId);
    if (!event || event.status === 'unpublished') throw notFound('event');
    const membersOnly =
      event.visibility === 'members' && event.committee_id !== null && source !== 'walk_in';
    const rank = membersOnly
      ? (await membershipOf(query, ctx.campaignId, Number(event.committee_id), personId))?.rank
      : undefined;
    assertAnswerable(
      { status: event.status, endsAt: event.ends_at, membersOnly },
      source,
      rank !== undefined && rankAtLeast(rank, 'member'),
    );
    const current = await currentRsvp(query, ctx.campaignId, eventId, personId);
    // Anyone can type a known address: an answer waiting for it changes nothing that stands.
    if (status === 'pending' && (current?.status === 'going' || current?.status === 'waitlist')) {
      return { status: current.status, guests: current.guests };
    }
    const seats = 1 + guests;
    const heldSeats = current?.status === 'going' ? 1 + current.guests : 0;
    const wasWaiting = current?.status === 'waitlist' ? 1 : 0;
    let next: RsvpStatus;
    if (status === 'pending') next = 'pending';
    else if (current?.status === 'going') {
      if (!fits({ ...event, going: event.going - heldSeats }, seats)) {
        throw conflict('not_enough_places', 'Not enough places left for that many guests.');
      }
      next = 'going';
    } else next = source === 'walk_in' || fits(event, seats) ? 'going' : 'waitlist';
    await runSql(
      query,
      sql`INSERT INTO event_rsvps (campaign_id, event_id, person_id, status, guests, source, checked_in_at)
          VALUES (${ctx.campaignId}, ${eventId}, ${personId}, ${next}, ${guests}, ${source},
                  ${source === 'walk_in' ? sql`now()` : null})
          ON CONFLICT (campaign_id, event_id, person_id) DO UPDATE
             SET status = EXCLUDED.status, guests = EXCLUDED.guests, updated_at = now(),
                 checked_in_at = COALESCE(event_rsvps.checked_in_at, EXCLUDED.checked_in_at)`,
    );
    await addCounts(
      query,
      ctx.campaignId,
      eventId,
      (next === 'going' ? seats : 0) - heldSeats,
      (next === 'waitlist' ? 1 : 0) - wasWaiting,
    );
    if (next === 'going' || next === 'waitlist')
      for (const listener of rsvpListeners)
        await listener(query, ctx, personId, { eventId, status: next });
    return { status: next, guests };
  });
}

/**
 * Withdraws an answer; a place freed goes to the waiting list in order (each promoted
 * person is returned, to be told). Cancelling twice changes nothing.
 */
export async function withdrawAnswer(
  ctx: AppContext,
  eventId: number,
  personId: number,
): Promise<number[]> {
  return ctx.database.transaction(async (query) => {
    const event = await lockEvent(query, ctx.campaignId, eventId);
    if (!event) throw notFound('event');
    const current = await currentRsvp(query, ctx.campaignId, eventId, personId);
    if (!current || current.status === 'cancelled') return [];
    await runSql(
      query,
      sql`UPDATE event_rsvps SET status = 'cancelled', updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${current.id}`,
    );
    const freed = current.status === 'going' ? 1 + current.guests : 0;
    await addCounts(query, ctx.campaignId, eventId, -freed, current.status === 'waitlist' ? -1 : 0);
    return freed > 0
      ? promote(query, ctx.campaignId, eventId, { ...event, going: event.going - freed })
      : [];
  });
}

/** Moves people from the waiting list, oldest first, while the next one's party fits. */
async function promote(query: Query, campaignId: number, eventId: number, event: EventRow) {
  if (event.status !== 'published') return [];
  const waiting = await runSql<{ id: number; person_id: number; guests: number }>(
    query,
    sql`SELECT id, person_id, guests FROM event_rsvps
         WHERE campaign_id = ${campaignId} AND event_id = ${eventId} AND status = 'waitlist'
         ORDER BY created_at, id LIMIT 100`,
  );
  const promoted: number[] = [];
  let going = event.going;
  for (const row of waiting) {
    if (!fits({ ...event, going }, 1 + row.guests)) break;
    going += 1 + row.guests;
    promoted.push(Number(row.person_id));
    await runSql(
      query,
      sql`UPDATE event_rsvps SET status = 'going', updated_at = now()
           WHERE campaign_id = ${campaignId} AND id = ${row.id}`,
    );
  }
  await addCounts(query, campaignId, eventId, going - event.going, -promoted.length);
  return promoted;
}

/**
 * Someone on the waiting list whom the door lets in: checked in, they are coming (their party
 * counted among those coming, even past the capacity the organiser chose to exceed).
 */
export async function admitFromWaitingList(ctx: AppContext, eventId: number, personId: number) {
  await ctx.database.transaction(async (query) => {
    await lockEvent(query, ctx.campaignId, eventId);
    const current = await currentRsvp(query, ctx.campaignId, eventId, personId);
    if (current?.status !== 'waitlist') return;
    await runSql(
      query,
      sql`UPDATE event_rsvps SET status = 'going', updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${current.id}`,
    );
    await addCounts(query, ctx.campaignId, eventId, 1 + current.guests, -1);
  });
}

/**
 * A visitor's pending answers (to one event, or all), once their address is proved (as a
 * sign-up's is): each takes a place or the waiting list; one for an event since cancelled or
 * over stays pending, with the problem's code.
 */
export async function confirmPendingAnswers(
  ctx: AppContext,
  personId: number,
  eventId?: number,
): Promise<Array<{ eventId: number; status: RsvpStatus; problem: string | null }>> {
  const pending = await runSql<{ event_id: number; guests: number }>(
    ctx.database,
    sql`SELECT event_id, guests FROM event_rsvps
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} AND status = 'pending'
               ${eventId === undefined ? sql`` : sql`AND event_id = ${eventId}`}`,
  );
  const outcomes: Array<{ eventId: number; status: RsvpStatus; problem: string | null }> = [];
  for (const row of pending) {
    const id = Number(row.event_id);
    try {
      const answer = await answerEvent(ctx, id, personId, row.guests, 'visitor');
      outcomes.push({ eventId: id, status: answer.status, problem: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ eventId: id, status: 'pending', problem: error.code });
    }
  }
  return outcomes;
}

/** Pending answers older than `days`: their sign-up's confirmation link has expired. */
export async function purgePendingAnswers(ctx: AppContext): Promise<number> {
  const removed = await runSql<{ id: number }>(
    ctx.database,
    sql`DELETE FROM event_rsvps WHERE campaign_id = ${ctx.campaignId} AND status = 'pending'
           AND updated_at < now() - make_interval(days => ${ctx.config.UNCONFIRMED_RETENTION_DAYS})
        RETURNING id`,
  );
  return removed.length;
}

/** The one-click cancellation link's token: the answer's event and person, signed. */
export function cancelToken(ctx: AppContext, eventId: number, personId: number): string {
  const payload = `${eventId}.${personId}`;
  return `${payload}.${hmac(ctx.config.sessionSecret, `rsvp-cancel:${ctx.campaignId}:${payload}`, 'base64url')}`;
}

export function readCancelToken(
  ctx: AppContext,
  token: string,
): { eventId: number; personId: number } {
  const [eventId, personId, signature] = token.split('.');
  const expected = hmac(
    ctx.config.sessionSecret,
    `rsvp-cancel:${ctx.campaignId}:${eventId}.${personId}`,
    'base64url',
  );
  if (!eventId || !personId || !signature || !safeEqual(signature, expected)) {
    throw badRequest('invalid_token', 'This cancellation link is not valid.');
  }
  return { eventId: Number(eventId), personId: Number(personId) };
}

/**
 * The door-to-door sessions a person takes part in now or soon (going to, or running as the
 * event's creator), that have not ended more than `graceDays` ago: for the turfs they carry.
 */
export async function doorToDoorSessionsOf(
  ctx: AppContext,
  personId: number,
  graceDays = 7,
): Promise<number[]> {
  return sessionsOf(ctx, personId, 'door_to_door', graceDays);
}

/**
 * The published events of a type a person organises or is going to, ended at most `graceDays`
 * ago (a door-to-door session, a phone-bank shift).
 */
export async function sessionsOf(
  ctx: AppContext,
  personId: number,
  type: EventType,
  graceDays = 7,
): Promise<number[]> {
  const rows = await runSql<{ id: number }>(
    ctx.database,
    sql`SELECT e.id FROM events e
         WHERE e.campaign_id = ${ctx.campaignId} AND e.type = ${type} AND e.status = 'published'
           AND e.ends_at > now() - make_interval(days => ${graceDays})
           AND (e.created_by = ${personId}
                OR EXISTS (SELECT 1 FROM event_rsvps r WHERE r.campaign_id = e.campaign_id
                              AND r.event_id = e.id AND r.person_id = ${personId} AND r.status = 'going'))`,
  );
  return rows.map((row) => Number(row.id));
}
