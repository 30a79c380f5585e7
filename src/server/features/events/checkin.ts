import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CheckinAttendee,
  CheckinList,
  checkinQuerySchema,
  walkInInputSchema,
} from '../../../contracts/events.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import { namedPeople, personMetAtEvent } from '../people/directory.ts';
import { admitFromWaitingList, answerEvent } from './rsvp.ts';

/** The answers the door works with: coming or waiting (a pending or cancelled one is none). */
const ANSWERED = sql`('going', 'waitlist')`;

interface CheckinRow {
  person_id: number;
  first_name: string | null;
  last_name: string | null;
  status: 'going' | 'waitlist';
  guests: number;
  checked_in_at: Date | string | null;
  source: string;
}

const attendeeOf = (row: CheckinRow): CheckinAttendee => ({
  personId: Number(row.person_id),
  firstName: row.first_name,
  lastName: row.last_name,
  status: row.status,
  guests: row.guests,
  checkedIn: row.checked_in_at !== null,
  walkIn: row.source === 'walk_in',
});

/** The answers of an event (of some people, or all) with the names of those who gave them. */
function answersWithNames(ctx: AppContext, eventId: number, search: string, only?: SQL): SQL {
  const answered = sql`SELECT person_id FROM event_rsvps
                        WHERE campaign_id = ${ctx.campaignId} AND event_id = ${eventId}
                          AND status IN ${ANSWERED} ${only ?? sql``}`;
  return sql`SELECT r.person_id, p.first_name, p.last_name, r.status, r.guests, r.checked_in_at, r.source
               FROM event_rsvps r
               JOIN (${namedPeople(ctx.campaignId, answered, search)}) p ON p.id = r.person_id
              WHERE r.campaign_id = ${ctx.campaignId} AND r.event_id = ${eventId}
                AND r.status IN ${ANSWERED}`;
}

/** An event's state, as the door needs it: missing or unpublished is a 404, cancelled a 409. */
async function assertOpenEvent(ctx: AppContext, eventId: number) {
  const [event] = await runSql<{ status: string }>(
    ctx.database,
    sql`SELECT status FROM events WHERE campaign_id = ${ctx.campaignId} AND id = ${eventId}`,
  );
  if (!event || event.status === 'unpublished') throw notFound('event');
  if (event.status === 'cancelled') throw conflict('event_cancelled', 'This event was cancelled.');
}

/**
 * Those coming or waiting who match a search, by name, with whether they are checked in; and
 * how many are expected and there, for the door's counter.
 */
export async function checkinList(
  ctx: AppContext,
  eventId: number,
  query: z.output<typeof checkinQuerySchema>,
): Promise<CheckinList> {
  const rows = await runSql<CheckinRow>(
    ctx.database,
    sql`${answersWithNames(ctx, eventId, query.q)}
        ORDER BY lower(p.last_name) NULLS LAST, lower(p.first_name) NULLS LAST, r.person_id
        LIMIT ${query.limit + 1}`,
  );
  const [counts] = await runSql<{ expected: number; present: number }>(
    ctx.database,
    sql`SELECT count(*)::int AS expected, count(checked_in_at)::int AS present FROM event_rsvps
         WHERE campaign_id = ${ctx.campaignId} AND event_id = ${eventId} AND status IN ${ANSWERED}`,
  );
  return {
    items: rows.slice(0, query.limit).map(attendeeOf),
    more: rows.length > query.limit,
    expected: counts!.expected,
    present: counts!.present,
  };
}

async function attendee(ctx: AppContext, eventId: number, personId: number) {
  const [row] = await runSql<CheckinRow>(
    ctx.database,
    answersWithNames(ctx, eventId, '', sql`AND person_id = ${personId}`),
  );
  if (!row) throw notFound('answer');
  return attendeeOf(row);
}

/** Sets or clears one answer's check-in: 404 for a person who is not coming or waiting. */
async function setPresent(ctx: AppContext, eventId: number, personId: number, present: boolean) {
  const updated = await runSql(
    ctx.database,
    sql`UPDATE event_rsvps
           SET checked_in_at = ${present ? sql`COALESCE(checked_in_at, now())` : sql`NULL`},
               updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND event_id = ${eventId}
           AND person_id = ${personId} AND status IN ${ANSWERED}
        RETURNING person_id`,
  );
  return updated.length > 0;
}

/** Marks a person who answered as there, or not (a mistaken tap is undone). */
export async function checkIn(
  ctx: AppContext,
  eventId: number,
  personId: number,
  present: boolean,
): Promise<CheckinAttendee> {
  await assertOpenEvent(ctx, eventId);
  if (!(await setPresent(ctx, eventId, personId, present))) throw notFound('answer');
  if (present) await admitFromWaitingList(ctx, eventId, personId);
  return attendee(ctx, eventId, personId);
}

/**
 * Someone who came without answering: found by their email or added (see `personMetAtEvent`),
 * then checked in. One who had answered keeps their guests and is coming; anyone else gets a
 * `walk_in` answer, coming. Without an email, someone of the same name already answering this
 * event is taken to be that person (a form sent twice at the door adds no second one).
 */
export async function addWalkIn(
  ctx: AppContext,
  eventId: number,
  input: z.output<typeof walkInInputSchema>,
  by: { actorId: number; ip?: string },
): Promise<{ created: boolean; attendee: CheckinAttendee }> {
  await assertOpenEvent(ctx, eventId);
  const person =
    (input.email === '' && (await sameNameAnswering(ctx, eventId, input))) ||
    (await personMetAtEvent(ctx, input, { eventId, ...by }));
  if (await setPresent(ctx, eventId, person.id, true)) {
    await admitFromWaitingList(ctx, eventId, person.id);
  } else await answerEvent(ctx, eventId, person.id, 0, 'walk_in');
  return { created: person.created, attendee: await attendee(ctx, eventId, person.id) };
}

async function sameNameAnswering(
  ctx: AppContext,
  eventId: number,
  input: { firstName: string; lastName: string },
) {
  const rows = await runSql<CheckinRow>(
    ctx.database,
    sql`${answersWithNames(ctx, eventId, `${input.firstName} ${input.lastName}`)}
        ORDER BY r.person_id LIMIT 20`,
  );
  const same = (a: string | null, b: string) =>
    (a ?? '').trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');
  const found = rows.find(
    (row) => same(row.first_name, input.firstName) && same(row.last_name, input.lastName),
  );
  return found ? { id: Number(found.person_id), created: false } : null;
}
