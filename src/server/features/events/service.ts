import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  PROPAGANDA_EVENT_TYPES,
  type Event,
  type eventInputSchema,
  type EventListQuery,
  type EventSummary,
} from '../../../contracts/events.ts';
import { rankAtLeast, type Rank } from '../../../contracts/access.ts';
import type { AppContext } from '../../core/context.ts';
import { randomToken, safeEqual } from '../../core/crypto.ts';
import { runSql } from '../../core/db/statement.ts';
import { mercator, placeColumns, searchOrigin } from '../../core/geo/place.ts';
import { notFound } from '../../core/http/errors.ts';
import type { Viewer } from '../../core/http/viewer.ts';
import { addDays, instantOf, wallClock } from '../../core/local-time.ts';
import { richTextToHtml } from '../../core/rich-text.ts';
import { committeeNames, membershipOf } from '../committees/service.ts';
import { assertOutsideSilence } from '../compliance/schedule.ts';
import { assertMayPost } from '../moderation/sanctions.ts';
import { contactsOf } from '../people/directory.ts';
import { summaryColumns, toSummaries, type SummaryRow } from './rows.ts';
import { putEventsOnMap, takeEventsOffMap } from './map.ts';

type EventInput = z.output<typeof eventInputSchema>;

/** The columns written from an event's form; the pre-election silence checked first. */
async function writtenColumns(ctx: AppContext, input: EventInput) {
  const located = input.place?.postalCode || input.place?.communeCode;
  const placed = located ? await placeColumns(ctx, input.place!) : null;
  if (PROPAGANDA_EVENT_TYPES.includes(input.type)) {
    await assertOutsideSilence(
      ctx,
      placed
        ? { departementCode: placed.departementCode, communeCode: placed.place.communeCode }
        : null,
      new Date(input.startsAt),
      new Date(input.endsAt),
    );
  }
  return { placed, descriptionHtml: richTextToHtml(input.description) };
}

const blank = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** Creates an event of a committee (its managers) or of HQ (committeeId null). */
export async function createEvent(
  ctx: AppContext,
  committeeId: number | null,
  creatorId: number,
  input: EventInput,
): Promise<number> {
  await assertMayPost(ctx, creatorId);
  const { placed, descriptionHtml } = await writtenColumns(ctx, input);
  const p = placed?.place;
  const [row] = await runSql<{ id: number }>(
    ctx.database,
    sql`INSERT INTO events (campaign_id, committee_id, type, title, description, description_html,
                            starts_at, ends_at, lat, lng, location, precision, place_label, street,
                            postal_code, commune_code, departement_code, online_url, capacity,
                            visibility, private_key, created_by)
        VALUES (${ctx.campaignId}, ${committeeId}, ${input.type}, ${input.title}, ${input.description},
                ${descriptionHtml}, ${input.startsAt}, ${input.endsAt}, ${p?.lat ?? null},
                ${p?.lng ?? null}, ${placed ? placed.location : null}, ${p?.precision ?? null},
                ${p?.label ?? null}, ${blank(input.place?.street)}, ${blank(input.place?.postalCode)},
                ${p?.communeCode ?? null}, ${placed?.departementCode ?? null}, ${input.onlineUrl ?? null},
                ${input.capacity}, ${input.visibility}, ${randomToken(18)}, ${creatorId})
        RETURNING id`,
  );
  const id = Number(row!.id);
  await putEventsOnMap(ctx.database, ctx.campaignId, [id]);
  return id;
}

/** Changes an event; its attendees are told by the caller (notify.ts). */
export async function updateEvent(ctx: AppContext, id: number, input: EventInput) {
  const { placed, descriptionHtml } = await writtenColumns(ctx, input);
  const p = placed?.place;
  await takeEventsOffMap(ctx.database, ctx.campaignId, [id]);
  const updated = await runSql(
    ctx.database,
    sql`UPDATE events SET type = ${input.type}, title = ${input.title}, description = ${input.description},
               description_html = ${descriptionHtml}, starts_at = ${input.startsAt}, ends_at = ${input.endsAt},
               lat = ${p?.lat ?? null}, lng = ${p?.lng ?? null}, location = ${placed ? placed.location : null},
               precision = ${p?.precision ?? null}, place_label = ${p?.label ?? null},
               street = ${blank(input.place?.street)}, postal_code = ${blank(input.place?.postalCode)},
               commune_code = ${p?.communeCode ?? null}, departement_code = ${placed?.departementCode ?? null},
               online_url = ${input.onlineUrl ?? null}, capacity = ${input.capacity},
               visibility = ${input.visibility}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND status <> 'cancelled' RETURNING id`,
  );
  await putEventsOnMap(ctx.database, ctx.campaignId, [id]);
  if (updated.length === 0) throw notFound('event');
}

/** The caller's rank in the event's committee; null for HQ events or non-members. */
async function rankIn(ctx: AppContext, committeeId: number | null, viewer: Viewer | null) {
  if (committeeId === null || !viewer) return null;
  return (
    (await membershipOf(ctx.database, ctx.campaignId, committeeId, viewer.personId))?.rank ?? null
  );
}

/** Whether this caller manages the event: its committee's managers, or staff. */
export const managesEvent = (rank: Rank | null, viewer: Viewer | null) =>
  !!viewer?.permissions.includes('events.manage') ||
  (rank !== null && rankAtLeast(rank, 'manager'));

interface DetailRow extends SummaryRow {
  description_html: string;
  visibility: Event['visibility'];
  online_url: string | null;
  waiting: number;
  private_key: string;
}

/**
 * An event as its page shows it, to whoever may see it: a public one to all; a members one to
 * its committee's members; a private one with its link's key; an unpublished one to its
 * managers only. Anyone else is told it does not exist.
 */
export async function eventDetail(
  ctx: AppContext,
  id: number,
  viewer: Viewer | null,
  key?: string,
): Promise<Event> {
  const [row] = await runSql<DetailRow>(
    ctx.database,
    sql`SELECT ${summaryColumns}, e.description_html, e.visibility, e.online_url, e.waiting, e.private_key
          FROM events e WHERE e.campaign_id = ${ctx.campaignId} AND e.id = ${id}`,
  );
  if (!row) throw notFound('event');
  const committeeId = row.committee_id === null ? null : Number(row.committee_id);
  const rank = await rankIn(ctx, committeeId, viewer);
  const manages = managesEvent(rank, viewer);
  const seen =
    manages ||
    (row.status !== 'unpublished' &&
      (row.visibility === 'public' ||
        (row.visibility === 'members' && rank !== null && rankAtLeast(rank, 'member')) ||
        (row.visibility === 'private' && !!key && safeEqual(key, row.private_key))));
  if (!seen) throw notFound('event');
  const [mine] = viewer
    ? await runSql<NonNullable<Event['myRsvp']>>(
        ctx.database,
        sql`SELECT status, guests FROM event_rsvps
             WHERE campaign_id = ${ctx.campaignId} AND event_id = ${id} AND person_id = ${viewer.personId}
               AND status <> 'cancelled'`,
      )
    : [];
  const [summary] = await toSummaries([row], null, (ids) => committeeNames(ctx, ids));
  return {
    ...summary!,
    descriptionHtml: row.description_html,
    visibility: row.visibility,
    onlineUrl: row.online_url,
    waitlist: Number(row.waiting),
    privateKey: manages ? row.private_key : null,
    myRsvp: mine ? { status: mine.status, guests: mine.guests } : null,
  };
}

/**
 * Events by id whatever their visibility, as their managers see them, for another feature
 * whose route has admitted the caller already (door-to-door sessions and their turfs).
 */
export async function eventsByIds(
  ctx: AppContext,
  ids: readonly number[],
): Promise<EventSummary[]> {
  if (ids.length === 0) return [];
  const rows = await runSql<SummaryRow>(
    ctx.database,
    sql`SELECT ${summaryColumns} FROM events e
         WHERE e.campaign_id = ${ctx.campaignId} AND e.id = ANY(${ids}::bigint[])`,
  );
  return toSummaries(rows, null, (found) => committeeNames(ctx, found));
}

/** Bounds of the calendar days asked, in the campaign's time zone (from today by default). */
function dayBounds(ctx: AppContext, query: EventListQuery) {
  const zone = ctx.config.CAMPAIGN_TIMEZONE;
  const from = instantOf(query.from ?? wallClock(new Date(), zone).day, 0, zone);
  const to = query.to ? instantOf(addDays(query.to, 1), 0, zone) : null;
  return { from, to };
}

/**
 * Public events, upcoming: nearest first from a point (the GiST index on campaign, location
 * and start walks them in order of distance), otherwise soonest first; by committee, type and
 * days. An event still under way counts as upcoming.
 */
export async function listEvents(ctx: AppContext, query: EventListQuery) {
  const origin = await searchOrigin(ctx, query);
  const { from, to } = dayBounds(ctx, query);
  const conditions = [
    sql`e.status = 'published' AND e.visibility = 'public' AND e.campaign_id = ${ctx.campaignId}`,
    sql`e.ends_at >= ${from.toISOString()}`,
    ...(to ? [sql`e.starts_at < ${to.toISOString()}`] : []),
    ...(query.committeeId ? [sql`e.committee_id = ${query.committeeId}`] : []),
    ...(query.type ? [sql`e.type = ${query.type}`] : []),
    ...(origin ? [sql`e.location IS NOT NULL`] : []),
  ];
  const at = origin && mercator(origin.lat, origin.lng);
  const order = at ? sql`e.location <-> point(${at[0]}, ${at[1]})` : sql`e.starts_at, e.id`;
  const rows = await runSql<SummaryRow>(
    ctx.database,
    sql`SELECT ${summaryColumns} FROM events e WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY ${order} LIMIT ${query.limit + 1} OFFSET ${query.offset}`,
  );
  return {
    items: await toSummaries(rows.slice(0, query.limit), origin, (ids) => committeeNames(ctx, ids)),
    more: rows.length > query.limit,
  };
}

/** The events a person answered (not cancelled), upcoming first. */
export async function myEvents(ctx: AppContext, personId: number) {
  const rows = await runSql<SummaryRow & { rsvp: 'going' | 'waitlist' | 'pending' }>(
    ctx.database,
    sql`SELECT ${summaryColumns}, r.status AS rsvp FROM event_rsvps r
          JOIN events e ON e.campaign_id = r.campaign_id AND e.id = r.event_id
         WHERE r.campaign_id = ${ctx.campaignId} AND r.person_id = ${personId} AND r.status <> 'cancelled'
         ORDER BY e.ends_at < now(), e.starts_at LIMIT 200`,
  );
  const summaries = await toSummaries(rows, null, (ids) => committeeNames(ctx, ids));
  return summaries.map((summary, i) => ({ ...summary, rsvp: rows[i]!.rsvp }));
}

/** Cancels an event: kept, marked cancelled; returns who was coming or waiting, to tell them. */
export async function cancelEvent(ctx: AppContext, id: number): Promise<void> {
  const cancelled = await runSql(
    ctx.database,
    sql`UPDATE events SET status = 'cancelled', updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND status = 'published' RETURNING id`,
  );
  if (cancelled.length === 0) throw notFound('event');
  await takeEventsOffMap(ctx.database, ctx.campaignId, [id]);
}

/** Who comes and who waits (the event's managers see names, never contact details here). */
export async function attendees(ctx: AppContext, eventId: number) {
  const rows = await runSql<{
    person_id: number;
    status: 'going' | 'waitlist' | 'pending';
    guests: number;
    checked_in_at: Date | string | null;
    created_at: Date | string;
  }>(
    ctx.database,
    sql`SELECT person_id, status, guests, checked_in_at, created_at FROM event_rsvps
         WHERE campaign_id = ${ctx.campaignId} AND event_id = ${eventId} AND status <> 'cancelled'
         ORDER BY array_position(ARRAY['going', 'waitlist', 'pending'], status), created_at
         LIMIT 5000`,
  );
  const people = await contactsOf(
    ctx,
    rows.map((row) => Number(row.person_id)),
  );
  return rows.flatMap((row) => {
    const person = people.get(Number(row.person_id));
    if (!person || person.erased) return [];
    return [
      {
        personId: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        status: row.status,
        guests: row.guests,
        checkedIn: row.checked_in_at !== null,
        at: new Date(row.created_at).toISOString(),
      },
    ];
  });
}

/** The upcoming and recent public events of a committee, for its calendar feed. */
export async function committeeCalendarEvents(ctx: AppContext, committeeId: number) {
  const rows = await runSql<SummaryRow & { description: string; online_url: string | null }>(
    ctx.database,
    sql`SELECT ${summaryColumns}, e.description, e.online_url FROM events e
         WHERE e.campaign_id = ${ctx.campaignId} AND e.committee_id = ${committeeId}
           AND e.visibility = 'public' AND e.status <> 'unpublished'
           AND e.ends_at > now() - interval '30 days'
         ORDER BY e.starts_at LIMIT 500`,
  );
  const summaries = await toSummaries(rows, null, (ids) => committeeNames(ctx, ids));
  return summaries.map((event, i) => ({
    event: { ...event, onlineUrl: rows[i]!.online_url },
    description: rows[i]!.description,
  }));
}

/** How many public events a committee held (or holds) since a moment: for its certification. */
export async function publicEventsSince(ctx: AppContext, committeeId: number, since: Date) {
  const [row] = await runSql<{ n: number }>(
    ctx.database,
    sql`SELECT count(*)::int AS n FROM events
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}
           AND visibility = 'public' AND status = 'published' AND starts_at >= ${since.toISOString()}
           AND starts_at <= now()`,
  );
  return row!.n;
}

/** Each committee's latest public event held (started), by committee id. */
export async function lastPublicEvents(ctx: AppContext, committeeIds: readonly number[]) {
  if (committeeIds.length === 0) return new Map<number, Date>();
  const rows = await runSql<{ committee_id: number; at: Date | string }>(
    ctx.database,
    sql`SELECT committee_id, max(starts_at) AS at FROM events
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ANY(${[...committeeIds]})
           AND visibility = 'public' AND status = 'published' AND starts_at <= now()
         GROUP BY committee_id`,
  );
  return new Map(rows.map((r) => [Number(r.committee_id), new Date(r.at)]));
}

/** The committees with a public event since a moment (for "inactive" lists). */
export function committeesWithPublicEventsSince(campaignId: number, since: Date): SQL {
  return sql`SELECT committee_id FROM events
              WHERE campaign_id = ${campaignId} AND committee_id IS NOT NULL
                AND visibility = 'public' AND status = 'published' AND starts_at >= ${since.toISOString()}`;
}
