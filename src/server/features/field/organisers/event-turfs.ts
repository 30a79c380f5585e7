import { sql, type SQL } from 'drizzle-orm';
import type { EventSummary } from '../../../../contracts/events.ts';
import type { EventTurf, EventTurfs, TurfEvent } from '../../../../contracts/field-organisers.ts';
import type { Permission } from '../../../../contracts/roles.ts';
import type { AppContext } from '../../../core/context.ts';
import { conflict, notFound } from '../../../core/http/errors.ts';
import { committeeNames } from '../../committees/service.ts';
import { eventsByIds } from '../../events/service.ts';
import { sessionEvent } from './session-events.ts';

/** Who acts on a session's turfs: staff who manage the field attach any turf. */
export interface TurfChooser {
  permissions: readonly Permission[];
}

const mayChooseAnyTurf = (chooser: TurfChooser) => chooser.permissions.includes('field.manage');

const CHOICES = 50;
/** Sessions a turf's drawer lists, latest first. */
const TURF_EVENTS = 50;

interface EventTurfRow {
  id: number;
  area_id: number;
  name: string;
  committee_id: number | null;
  starts_on: string | null;
  ends_on: string | null;
  door_count: number;
  visited: number;
}

/** Turfs as an event's page lists them (no addresses, no volunteers), in area and id order. */
async function eventTurfsWhere(ctx: AppContext, condition: SQL, limit?: number) {
  const rows = await ctx.database.query<EventTurfRow>(
    sql`SELECT t.id, t.area_id, t.name, t.committee_id, t.starts_on::text AS starts_on,
               t.ends_on::text AS ends_on, t.door_count,
               (SELECT count(DISTINCT v.address_id)::int FROM field_visits v
                 WHERE v.campaign_id = t.campaign_id AND v.turf_id = t.id) AS visited
          FROM field_turfs t
         WHERE t.campaign_id = ${ctx.campaignId} AND ${condition}
         ORDER BY t.area_id, t.id ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`,
  );
  const names = await committeeNames(
    ctx,
    rows.flatMap((row) => (row.committee_id === null ? [] : [Number(row.committee_id)])),
  );
  return rows.map((row): EventTurf => ({
    id: Number(row.id),
    areaId: Number(row.area_id),
    name: row.name,
    committeeId: row.committee_id === null ? null : Number(row.committee_id),
    committeeName: row.committee_id === null ? null : (names.get(Number(row.committee_id)) ?? null),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    addressCount: row.door_count,
    visited: row.visited,
  }));
}

const carriedBy = (ctx: AppContext, eventId: number) =>
  sql`t.id IN (SELECT turf_id FROM field_event_turfs
                WHERE campaign_id = ${ctx.campaignId} AND event_id = ${eventId})`;

/**
 * The turfs a session carries, with their doors together (the route's scope answered 404 for
 * an event that does not exist).
 */
export async function eventTurfs(
  ctx: AppContext,
  eventId: number,
  chooser: TurfChooser,
): Promise<EventTurfs> {
  const items = await eventTurfsWhere(ctx, carriedBy(ctx, eventId));
  return {
    items,
    doors: items.reduce((sum, turf) => sum + turf.addressCount, 0),
    anyTurf: mayChooseAnyTurf(chooser),
  };
}

/** The turfs one may attach to a session: staff any; its managers their committee's. */
function choosable(ctx: AppContext, event: EventSummary, chooser: TurfChooser): SQL | null {
  if (mayChooseAnyTurf(chooser)) return sql`true`;
  if (event.committeeId === null) return null;
  return sql`t.committee_id = ${event.committeeId}`;
}

/** Turfs a session may carry and does not yet, whose name holds `q`. */
export async function eventTurfChoices(
  ctx: AppContext,
  eventId: number,
  q: string,
  chooser: TurfChooser,
): Promise<{ items: EventTurf[] }> {
  const event = await sessionEvent(ctx, eventId);
  const allowed = choosable(ctx, event, chooser);
  if (!allowed) return { items: [] };
  const named = q ? sql`position(lower(${q}) in lower(t.name)) > 0` : sql`true`;
  return {
    items: await eventTurfsWhere(
      ctx,
      sql`${allowed} AND ${named} AND NOT ${carriedBy(ctx, eventId)}`,
      CHOICES,
    ),
  };
}

/** Only a door-to-door session, not cancelled, carries turfs. */
function assertCarriesTurfs(event: EventSummary) {
  if (event.type !== 'door_to_door') {
    throw conflict(
      'not_door_to_door',
      'Seule une session de porte-à-porte porte des secteurs : choisissez ce type pour l’événement.',
    );
  }
  if (event.status === 'cancelled') {
    throw conflict('event_cancelled', 'Cet événement est annulé : il ne porte plus de secteurs.');
  }
}

/**
 * Has a session carry a turf (again: nothing changes). Staff who manage the field attach any
 * turf; the event's managers only a turf given to its committee: another is answered as one
 * that does not exist.
 */
export async function attachEventTurf(
  ctx: AppContext,
  eventId: number,
  turfId: number,
  chooser: TurfChooser,
): Promise<EventTurfs> {
  const event = await sessionEvent(ctx, eventId);
  assertCarriesTurfs(event);
  const allowed = choosable(ctx, event, chooser);
  const [turf] = allowed
    ? await ctx.database.query<{ id: number }>(
        sql`SELECT t.id FROM field_turfs t
             WHERE t.campaign_id = ${ctx.campaignId} AND t.id = ${turfId} AND ${allowed}`,
      )
    : [];
  if (!turf) throw notFound('turf');
  await ctx.database.query(
    sql`INSERT INTO field_event_turfs (campaign_id, event_id, turf_id)
        VALUES (${ctx.campaignId}, ${eventId}, ${turfId}) ON CONFLICT DO NOTHING`,
  );
  return eventTurfs(ctx, eventId, chooser);
}

/** Stops a session carrying a turf; 404 when it did not. */
export async function detachEventTurf(
  ctx: AppContext,
  eventId: number,
  turfId: number,
  chooser: TurfChooser,
): Promise<EventTurfs> {
  const removed = await ctx.database.query(
    sql`DELETE FROM field_event_turfs
         WHERE campaign_id = ${ctx.campaignId} AND event_id = ${eventId} AND turf_id = ${turfId}
        RETURNING turf_id`,
  );
  if (removed.length === 0) throw notFound('turf');
  return eventTurfs(ctx, eventId, chooser);
}

/** The sessions that carry a turf, latest first (for HQ's turf drawer). */
export async function turfEvents(ctx: AppContext, turfId: number): Promise<{ items: TurfEvent[] }> {
  const [turf] = await ctx.database.query<{ id: number }>(
    sql`SELECT id FROM field_turfs WHERE campaign_id = ${ctx.campaignId} AND id = ${turfId}`,
  );
  if (!turf) throw notFound('turf');
  const rows = await ctx.database.query<{ event_id: number }>(
    sql`SELECT event_id FROM field_event_turfs
         WHERE campaign_id = ${ctx.campaignId} AND turf_id = ${turfId}
         ORDER BY event_id DESC LIMIT ${TURF_EVENTS}`,
  );
  // An event gone from the events feature leaves nothing to show.
  const events = await eventsByIds(
    ctx,
    rows.map((row) => Number(row.event_id)),
  );
  const items: TurfEvent[] = events.map((event) => ({
    id: event.id,
    type: event.type,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    status: event.status,
    committeeId: event.committeeId,
    committeeName: event.committeeName,
    going: event.going,
  }));
  items.sort((a, b) => b.startsAt.localeCompare(a.startsAt) || b.id - a.id);
  return { items };
}

/** How much a session covers, for its public page: turfs and doors, never an address. */
export async function sessionCoverage(
  ctx: AppContext,
  eventId: number,
): Promise<{ turfs: number; doors: number }> {
  const [row] = await ctx.database.query<{ turfs: number; doors: number }>(
    sql`SELECT count(*)::int AS turfs, coalesce(sum(t.door_count), 0)::int AS doors
          FROM field_event_turfs et
          JOIN field_turfs t ON t.campaign_id = et.campaign_id AND t.id = et.turf_id
         WHERE et.campaign_id = ${ctx.campaignId} AND et.event_id = ${eventId}`,
  );
  return { turfs: row?.turfs ?? 0, doors: row?.doors ?? 0 };
}
