import { sql, type SQL } from 'drizzle-orm';
import type { Turf, WalkList } from '../../../../contracts/field-turfs.ts';
import type { AppContext } from '../../../core/context.ts';
import { badRequest, notFound } from '../../../core/http/errors.ts';
import { committeeNames } from '../../committees/service.ts';
import { personNames } from '../../people/directory.ts';
import { dropTurfs, PLANNED_COLUMNS, plannedAddress } from './cut.ts';
import { writeTurf } from './turf-writer.ts';
import { tellTurfsChanged } from './turfs-changed.ts';

interface TurfRow {
  id: number;
  area_id: number;
  name: string;
  committee_id: number | null;
  starts_on: string | Date | null;
  ends_on: string | Date | null;
  door_count: number;
  lon: number | null;
  lat: number | null;
  outline: Array<[number, number]> | null;
  visited: number;
}

const day = (value: string | Date | null) =>
  value === null
    ? null
    : typeof value === 'string'
      ? value.slice(0, 10)
      : value.toISOString().slice(0, 10);

/** Turfs as staff and volunteers see them, with their volunteers and doors visited. */
export async function turfsWhere(ctx: AppContext, condition: SQL): Promise<Turf[]> {
  const rows = await ctx.database.query<TurfRow>(
    sql`SELECT t.id, t.area_id, t.name, t.committee_id, t.starts_on::text AS starts_on, t.ends_on::text AS ends_on,
               t.door_count, t.lon, t.lat, t.outline,
               (SELECT count(DISTINCT v.address_id)::int FROM field_visits v
                 WHERE v.campaign_id = t.campaign_id AND v.turf_id = t.id) AS visited
          FROM field_turfs t
         WHERE t.campaign_id = ${ctx.campaignId} AND ${condition}
         ORDER BY t.area_id, t.id`,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((row) => Number(row.id));
  const assignees = await ctx.database.query<{ turf_id: number; person_id: number }>(
    sql`SELECT turf_id, person_id FROM field_turf_assignees
         WHERE campaign_id = ${ctx.campaignId} AND turf_id = ANY(${ids}::bigint[])
         ORDER BY assigned_at, person_id`,
  );
  const names = await personNames(
    ctx,
    assignees.map((a) => Number(a.person_id)),
  );
  const committees = await committeeNames(
    ctx,
    rows.flatMap((row) => (row.committee_id === null ? [] : [Number(row.committee_id)])),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    areaId: Number(row.area_id),
    name: row.name,
    committeeId: row.committee_id === null ? null : Number(row.committee_id),
    committeeName:
      row.committee_id === null ? null : (committees.get(Number(row.committee_id)) ?? null),
    startsOn: day(row.starts_on),
    endsOn: day(row.ends_on),
    addressCount: row.door_count,
    lat: row.lat,
    lng: row.lon,
    outline: row.outline ?? [],
    volunteers: assignees
      .filter((a) => Number(a.turf_id) === Number(row.id))
      .map((a) => ({
        personId: Number(a.person_id),
        name: names.get(Number(a.person_id)) ?? '',
      })),
    visited: row.visited,
  }));
}

export async function turfById(ctx: AppContext, turfId: number): Promise<Turf> {
  const [turf] = await turfsWhere(ctx, sql`t.id = ${turfId}`);
  if (!turf) throw notFound('turf');
  return turf;
}

export const turfsOfArea = async (ctx: AppContext, areaId: number) => ({
  items: await turfsWhere(ctx, sql`t.area_id = ${areaId}`),
});

interface WalkRow {
  id: number;
  position: number;
  number: number;
  suffix: string | null;
  street_name: string;
  street_key: string;
  commune_name: string;
  postal_code: string | null;
  lat: number;
  lon: number;
  side: 'odd' | 'even' | null;
  do_not_visit: boolean;
  last_outcome: WalkList['addresses'][number]['lastOutcome'];
  visits: number;
  electors: string[] | null;
}

/**
 * A turf's addresses in walk order, with the latest outcome at each: one index range scan of
 * the turf's positions and a primary-key probe per address, whatever the size of the campaign.
 */
export async function walkList(ctx: AppContext, turfId: number): Promise<WalkList> {
  const turf = await turfById(ctx, turfId);
  const rows = await ctx.database.query<WalkRow>(
    sql`SELECT a.id, ta.position, a.number, a.suffix, a.street_name, a.street_key, a.commune_name,
               a.postal_code, a.lat, a.lon, ta.side, a.do_not_visit, v.outcome AS last_outcome,
               coalesce(v.visits, 0)::int AS visits, x.electors
          FROM field_turf_addresses ta
          JOIN field_addresses a ON a.campaign_id = ta.campaign_id AND a.id = ta.address_id
          LEFT JOIN LATERAL (
                SELECT (array_agg(outcome ORDER BY visited_at DESC))[1] AS outcome, count(*) AS visits
                  FROM field_visits WHERE campaign_id = ta.campaign_id AND address_id = ta.address_id) v ON true
          LEFT JOIN LATERAL (
                SELECT array_agg(given_names || ' ' || coalesce(usage_name, birth_name)
                                 ORDER BY coalesce(usage_name, birth_name), given_names) AS electors
                  FROM field_electors WHERE campaign_id = ta.campaign_id AND address_id = ta.address_id) x ON true
         WHERE ta.campaign_id = ${ctx.campaignId} AND ta.turf_id = ${turfId}
         ORDER BY ta.position`,
  );
  return {
    turf,
    addresses: rows.map((row) => ({
      id: Number(row.id),
      position: row.position,
      number: row.number,
      suffix: row.suffix,
      street: row.street_name,
      streetKey: row.street_key,
      communeName: row.commune_name,
      postalCode: row.postal_code,
      lat: row.lat,
      lng: row.lon,
      side: row.side,
      doNotVisit: row.do_not_visit,
      lastOutcome: row.last_outcome,
      visits: row.visits,
      electors: row.electors ?? [],
    })),
  };
}

export interface TurfChange {
  name?: string;
  committeeId?: number | null;
  startsOn?: string | null;
  endsOn?: string | null;
  volunteerIds?: number[];
}

/** Renames a turf, gives it to a committee and volunteers, for dates. */
export async function updateTurf(
  ctx: AppContext,
  turfId: number,
  change: TurfChange,
  actorId: number,
): Promise<Turf> {
  const turf = await turfById(ctx, turfId);
  if (change.committeeId) {
    const names = await committeeNames(ctx, [change.committeeId]);
    if (!names.has(change.committeeId)) throw notFound('committee');
  }
  const startsOn = change.startsOn === undefined ? turf.startsOn : change.startsOn;
  const endsOn = change.endsOn === undefined ? turf.endsOn : change.endsOn;
  if (startsOn && endsOn && endsOn < startsOn) {
    throw badRequest('ends_before_start', 'La fin est avant le début.', [
      { field: 'endsOn', code: 'ends_before_start', message: 'ends_before_start' },
    ]);
  }
  const volunteers = change.volunteerIds ? [...new Set(change.volunteerIds)] : null;
  if (volunteers?.length) {
    const known = await personNames(ctx, volunteers);
    const unknown = volunteers.filter((id) => !known.has(id));
    if (unknown.length) throw notFound('person');
  }
  await ctx.database.transaction(async (query) => {
    await query(
      sql`UPDATE field_turfs SET name = ${change.name ?? turf.name},
                 committee_id = ${change.committeeId === undefined ? turf.committeeId : change.committeeId},
                 starts_on = ${startsOn}::date, ends_on = ${endsOn}::date
           WHERE campaign_id = ${ctx.campaignId} AND id = ${turfId}`,
    );
    if (!volunteers) return;
    await query(
      sql`DELETE FROM field_turf_assignees WHERE campaign_id = ${ctx.campaignId} AND turf_id = ${turfId}
             AND NOT person_id = ANY(${volunteers}::bigint[])`,
    );
    await query(
      sql`INSERT INTO field_turf_assignees (campaign_id, turf_id, person_id, assigned_by)
          SELECT ${ctx.campaignId}, ${turfId}, p, ${actorId} FROM unnest(${volunteers}::bigint[]) AS p
          ON CONFLICT DO NOTHING`,
    );
  });
  await tellTurfsChanged(ctx, [turfId]);
  return turfById(ctx, turfId);
}

async function plannedOf(ctx: AppContext, turfIds: readonly number[]) {
  const rows = await ctx.database.query<Parameters<typeof plannedAddress>[0]>(
    sql`SELECT ${PLANNED_COLUMNS} FROM field_turf_addresses ta
          JOIN field_addresses a ON a.campaign_id = ta.campaign_id AND a.id = ta.address_id
         WHERE ta.campaign_id = ${ctx.campaignId} AND ta.turf_id = ANY(${[...turfIds]}::bigint[])
         ORDER BY ta.turf_id, ta.position`,
  );
  return rows.map(plannedAddress);
}

/**
 * Splits a turf in two along its walk: at the street change nearest the middle (between a
 * quarter and three quarters of the walk), else at the middle. Its visits stay with the first.
 */
export async function splitTurf(ctx: AppContext, turfId: number): Promise<Turf[]> {
  const turf = await turfById(ctx, turfId);
  const walk = await plannedOf(ctx, [turfId]);
  if (walk.length < 2) {
    throw badRequest('turf_too_small', 'Un secteur d’une seule adresse ne se divise pas.');
  }
  const middle = Math.round(walk.length / 2);
  let cut = middle;
  for (let offset = 0; offset <= walk.length / 4; offset++) {
    const at = [middle - offset, middle + offset].find(
      (i) => i > 0 && i < walk.length && walk[i].streetKey !== walk[i - 1].streetKey,
    );
    if (at !== undefined) {
      cut = at;
      break;
    }
  }
  const [first, second] = [walk.slice(0, cut), walk.slice(cut)];
  const newId = await ctx.database.transaction(async (query) => {
    await writeTurf(
      query,
      ctx.campaignId,
      { turfId, areaId: turf.areaId, name: `${turf.name} (1)`.slice(0, 120) },
      first,
    );
    const id = await writeTurf(
      query,
      ctx.campaignId,
      { turfId: null, areaId: turf.areaId, name: `${turf.name} (2)`.slice(0, 120) },
      second,
    );
    await query(
      sql`UPDATE field_turfs SET committee_id = ${turf.committeeId}, starts_on = ${turf.startsOn}::date,
                 ends_on = ${turf.endsOn}::date
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    return id;
  });
  await tellTurfsChanged(ctx, [turfId, newId]);
  return [await turfById(ctx, turfId), await turfById(ctx, newId)];
}

/**
 * Merges turfs of one area into the first: its addresses walked again as one turf, the others'
 * visits, volunteers, events and support counts moved to it.
 */
export async function mergeTurfs(ctx: AppContext, turfIds: readonly number[]): Promise<Turf> {
  const ids = [...new Set(turfIds)];
  const found = await turfsWhere(ctx, sql`t.id = ANY(${ids}::bigint[])`);
  if (found.length !== ids.length) throw notFound('turf');
  const turfs = ids.map((id) => found.find((t) => t.id === id)!);
  if (new Set(turfs.map((t) => t.areaId)).size > 1) {
    throw badRequest('turfs_of_other_areas', 'Seuls des secteurs d’une même zone se fusionnent.');
  }
  const [kept, ...otherIds] = ids;
  const addresses = await plannedOf(ctx, ids);
  await ctx.database.transaction(async (query) => {
    await query(
      sql`UPDATE field_visits SET turf_id = ${kept} WHERE campaign_id = ${ctx.campaignId} AND turf_id = ANY(${otherIds}::bigint[])`,
    );
    await query(
      sql`INSERT INTO field_support_tallies (campaign_id, turf_id, address_id, level, count)
          SELECT campaign_id, ${kept}::bigint, address_id, level, sum(count) FROM field_support_tallies
           WHERE campaign_id = ${ctx.campaignId} AND turf_id = ANY(${otherIds}::bigint[])
           GROUP BY campaign_id, address_id, level
          ON CONFLICT (campaign_id, turf_id, address_id, level)
          DO UPDATE SET count = field_support_tallies.count + excluded.count`,
    );
    await query(
      sql`DELETE FROM field_support_tallies WHERE campaign_id = ${ctx.campaignId} AND turf_id = ANY(${otherIds}::bigint[])`,
    );
    await query(
      sql`INSERT INTO field_turf_assignees (campaign_id, turf_id, person_id, assigned_by, assigned_at)
          SELECT campaign_id, ${kept}::bigint, person_id, assigned_by, min(assigned_at) FROM field_turf_assignees
           WHERE campaign_id = ${ctx.campaignId} AND turf_id = ANY(${otherIds}::bigint[])
           GROUP BY campaign_id, person_id, assigned_by
          ON CONFLICT DO NOTHING`,
    );
    await query(
      sql`INSERT INTO field_event_turfs (campaign_id, event_id, turf_id)
          SELECT DISTINCT campaign_id, event_id, ${kept}::bigint FROM field_event_turfs
           WHERE campaign_id = ${ctx.campaignId} AND turf_id = ANY(${otherIds}::bigint[])
          ON CONFLICT DO NOTHING`,
    );
    await dropTurfs(query, ctx.campaignId, otherIds);
    await writeTurf(
      query,
      ctx.campaignId,
      { turfId: kept, areaId: turfs[0].areaId, name: turfs[0].name },
      addresses,
    );
  });
  await tellTurfsChanged(ctx, ids);
  return turfById(ctx, kept);
}
