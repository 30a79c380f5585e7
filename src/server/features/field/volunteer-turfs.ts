import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { notFound } from '../../core/http/errors.ts';
import { tellTurfsChanged } from './planning/turfs-changed.ts';

/** A turf still looking for volunteers, as mobilisation lists it. */
export interface TurfWanted {
  id: number;
  name: string;
  committeeId: number | null;
  doors: number;
  lat: number | null;
  lng: number | null;
  startsOn: string | null;
  endsOn: string | null;
}

interface TurfWantedRow {
  id: number | string;
  name: string;
  committee_id: number | string | null;
  door_count: number;
  lat: number | null;
  lon: number | null;
  starts_on: string | null;
  ends_on: string | null;
}

/**
 * Turfs that no volunteer has been given yet and whose dates are not over (all of them, or
 * those of `ids`): the "turfs without volunteers" mobilisation offers supporters near them.
 */
export async function turfsWithoutVolunteers(
  ctx: AppContext,
  ids?: readonly number[],
): Promise<TurfWanted[]> {
  const rows = await runSql<TurfWantedRow>(
    ctx.database,
    sql`SELECT t.id, t.name, t.committee_id, t.door_count, t.lat, t.lon,
               t.starts_on::text AS starts_on, t.ends_on::text AS ends_on
          FROM field_turfs t
         WHERE t.campaign_id = ${ctx.campaignId} AND t.door_count > 0
           AND (t.ends_on IS NULL OR t.ends_on >= current_date)
           ${ids ? sql`AND t.id = ANY(${[...ids]}::bigint[])` : sql``}
           AND NOT EXISTS (SELECT 1 FROM field_turf_assignees a
                            WHERE a.campaign_id = t.campaign_id AND a.turf_id = t.id)`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    committeeId: row.committee_id === null ? null : Number(row.committee_id),
    doors: Number(row.door_count),
    lat: row.lat,
    lng: row.lon,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  }));
}

/** The doors of the turfs each door-to-door session (an event) carries. */
export async function sessionDoors(
  ctx: AppContext,
  eventIds: readonly number[],
): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await runSql<{ event_id: number | string; doors: number }>(
    ctx.database,
    sql`SELECT et.event_id, sum(t.door_count)::int AS doors FROM field_event_turfs et
          JOIN field_turfs t ON t.campaign_id = et.campaign_id AND t.id = et.turf_id
         WHERE et.campaign_id = ${ctx.campaignId} AND et.event_id = ANY(${[...eventIds]}::bigint[])
         GROUP BY et.event_id`,
  );
  return new Map(rows.map((row) => [Number(row.event_id), Number(row.doors)]));
}

/** Which of these turfs the person is a volunteer of. */
export async function turfsOfVolunteer(
  ctx: AppContext,
  personId: number,
  turfIds: readonly number[],
): Promise<Set<number>> {
  if (turfIds.length === 0) return new Set();
  const rows = await runSql<{ turf_id: number | string }>(
    ctx.database,
    sql`SELECT turf_id FROM field_turf_assignees
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}
           AND turf_id = ANY(${[...turfIds]}::bigint[])`,
  );
  return new Set(rows.map((row) => Number(row.turf_id)));
}

/** A turf's committee (null: HQ's), for who may volunteer on it; not found when none or over. */
export async function turfForVolunteering(
  ctx: AppContext,
  turfId: number,
): Promise<{ committeeId: number | null }> {
  const [row] = await runSql<{ committee_id: number | string | null }>(
    ctx.database,
    sql`SELECT committee_id FROM field_turfs
         WHERE campaign_id = ${ctx.campaignId} AND id = ${turfId}
           AND (ends_on IS NULL OR ends_on >= current_date)`,
  );
  if (!row) throw notFound('turf');
  return { committeeId: row.committee_id === null ? null : Number(row.committee_id) };
}

/**
 * A supporter volunteers for a turf (self-assigned). Idempotent: `false` when they already were.
 */
export async function volunteerForTurf(
  ctx: AppContext,
  turfId: number,
  personId: number,
): Promise<boolean> {
  const rows = await runSql<{ turf_id: number }>(
    ctx.database,
    sql`INSERT INTO field_turf_assignees (campaign_id, turf_id, person_id, assigned_by)
        SELECT ${ctx.campaignId}, t.id, ${personId}, ${personId} FROM field_turfs t
         WHERE t.campaign_id = ${ctx.campaignId} AND t.id = ${turfId}
        ON CONFLICT DO NOTHING RETURNING turf_id`,
  );
  if (rows.length > 0) await tellTurfsChanged(ctx, [turfId]);
  return rows.length > 0;
}
