import { sql } from 'drizzle-orm';
import type { EventType } from '../../../contracts/events.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import type { RsvpStatus } from './rsvp.ts';

/** An upcoming event that still takes people, as mobilisation lists it. */
export interface OpenEvent {
  id: number;
  type: EventType;
  title: string;
  startsAt: string;
  endsAt: string;
  lat: number | null;
  lng: number | null;
  placeLabel: string | null;
  communeCode: string | null;
  /** Set for a members' event: only that committee's members may answer. */
  membersOf: number | null;
  capacity: number | null;
  going: number;
}

interface OpenEventRow {
  id: number | string;
  type: EventType;
  title: string;
  starts_at: Date | string;
  ends_at: Date | string;
  lat: number | null;
  lng: number | null;
  place_label: string | null;
  commune_code: string | null;
  visibility: string;
  committee_id: number | string | null;
  capacity: number | null;
  going: number;
}

/**
 * Published events that have not started yet, within `days`, public or for a committee's
 * members, with places left (or no limit): all of them, or those of `ids`.
 */
export async function openEvents(
  ctx: AppContext,
  options: { ids?: readonly number[]; days?: number } = {},
): Promise<OpenEvent[]> {
  const rows = await runSql<OpenEventRow>(
    ctx.database,
    sql`SELECT id, type, title, starts_at, ends_at, lat, lng, place_label, commune_code,
               visibility, committee_id, capacity, going
          FROM events
         WHERE campaign_id = ${ctx.campaignId} AND status = 'published'
           AND visibility IN ('public', 'members')
           AND starts_at > now() AND starts_at < now() + make_interval(days => ${options.days ?? 60})
           AND (capacity IS NULL OR going < capacity)
           ${options.ids ? sql`AND id = ANY(${[...options.ids]}::bigint[])` : sql``}`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    type: row.type,
    title: row.title,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    lat: row.lat,
    lng: row.lng,
    placeLabel: row.place_label,
    communeCode: row.commune_code,
    membersOf:
      row.visibility === 'members' && row.committee_id !== null ? Number(row.committee_id) : null,
    capacity: row.capacity,
    going: Number(row.going),
  }));
}

/** A person's answers (not cancelled) to these events. */
export async function answersAmong(
  ctx: AppContext,
  personId: number,
  eventIds: readonly number[],
): Promise<Map<number, RsvpStatus>> {
  if (eventIds.length === 0) return new Map();
  const rows = await runSql<{ event_id: number | string; status: RsvpStatus }>(
    ctx.database,
    sql`SELECT event_id, status FROM event_rsvps
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}
           AND event_id = ANY(${[...eventIds]}::bigint[]) AND status <> 'cancelled'`,
  );
  return new Map(rows.map((row) => [Number(row.event_id), row.status]));
}
