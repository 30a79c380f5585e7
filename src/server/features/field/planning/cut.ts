import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { AppError, conflict } from '../../../core/http/errors.ts';
import { areaCondition, areaScope } from '../areas/service.ts';
import { cutTurfs } from '../turfs/cut.ts';
import { turfName, writeTurf, type PlannedAddress } from './turf-writer.ts';
import { tellTurfsChanged } from './turfs-changed.ts';

/**
 * The most addresses an area may have to be cut at once, in the request: about a city of
 * 400,000 inhabitants. Cutting 100,000 addresses takes about a second (bench/turf-cutting).
 */
export const CUT_MAX_ADDRESSES = 200_000;

interface AddressRow {
  id: number;
  lon: number;
  lat: number;
  street_key: string;
  street_name: string;
  number: number;
  suffix: string | null;
}

export const plannedAddress = (row: AddressRow): PlannedAddress => ({
  id: Number(row.id),
  lon: row.lon,
  lat: row.lat,
  streetKey: row.street_key,
  streetName: row.street_name,
  number: row.number,
  suffix: row.suffix,
});

export const PLANNED_COLUMNS = sql`a.id, a.lon, a.lat, a.street_key, a.street_name, a.number, a.suffix`;

/** Whether any door of these turfs has been visited (their turfs are then kept as they are). */
export async function anyVisit(query: Query, campaignId: number, turfIds: readonly number[]) {
  if (turfIds.length === 0) return false;
  const rows = await query(
    sql`SELECT 1 FROM field_visits WHERE campaign_id = ${campaignId} AND turf_id = ANY(${[...turfIds]}::bigint[]) LIMIT 1`,
  );
  return rows.length > 0;
}

/**
 * Cuts an area into turfs of `minSize`–`maxSize` addresses (turfs/cut.ts), replacing the turfs
 * it had, unless one of them has been visited.
 */
export async function cutArea(
  ctx: AppContext,
  areaId: number,
  bounds: { minSize: number; maxSize: number },
): Promise<{ turfs: number }> {
  const area = await areaScope(ctx.database, ctx.campaignId, areaId);
  const replaced = await ctx.database.transaction(async (query) => {
    const old = await query<{ id: number }>(
      sql`SELECT id FROM field_turfs WHERE campaign_id = ${ctx.campaignId} AND area_id = ${areaId} FOR UPDATE`,
    );
    const oldIds = old.map((row) => Number(row.id));
    if (await anyVisit(query, ctx.campaignId, oldIds)) {
      throw conflict(
        'turfs_visited',
        'Des portes de cette zone ont déjà été visitées : ses secteurs ne sont pas redécoupés. Fusionnez ou divisez-les un à un.',
      );
    }
    await dropTurfs(query, ctx.campaignId, oldIds);
    const rows = await query<AddressRow>(
      sql`SELECT ${PLANNED_COLUMNS} FROM field_addresses a
           WHERE a.campaign_id = ${ctx.campaignId} AND ${areaCondition(ctx.campaignId, area)}
           ORDER BY a.id LIMIT ${CUT_MAX_ADDRESSES + 1}`,
    );
    if (rows.length > CUT_MAX_ADDRESSES) {
      throw new AppError(
        422,
        'area_too_large',
        `Cette zone compte plus de ${CUT_MAX_ADDRESSES.toLocaleString('fr-FR')} adresses : découpez-la en zones plus petites (par commune ou par bureau).`,
      );
    }
    const addresses = rows.map(plannedAddress);
    const byId = new Map(addresses.map((a) => [a.id, a]));
    const turfs = cutTurfs(addresses, bounds);
    const newIds: number[] = [];
    for (const turf of turfs) {
      const members = turf.addressIds.map((id) => byId.get(id)!);
      const id = await writeTurf(
        query,
        ctx.campaignId,
        { turfId: null, areaId, name: turfName(newIds.length + 1, members) },
        members,
      );
      newIds.push(id);
    }
    await query(
      sql`UPDATE field_areas SET door_count = ${addresses.length} WHERE campaign_id = ${ctx.campaignId} AND id = ${areaId}`,
    );
    return { oldIds, newIds };
  });
  await tellTurfsChanged(ctx, [...replaced.oldIds, ...replaced.newIds]);
  return { turfs: replaced.newIds.length };
}

/** Deletes turfs with what hangs on them (their addresses, volunteers, events). */
export async function dropTurfs(query: Query, campaignId: number, turfIds: readonly number[]) {
  if (turfIds.length === 0) return;
  const ids = [...turfIds];
  await query(
    sql`DELETE FROM field_turf_addresses WHERE campaign_id = ${campaignId} AND turf_id = ANY(${ids}::bigint[])`,
  );
  await query(
    sql`DELETE FROM field_turf_assignees WHERE campaign_id = ${campaignId} AND turf_id = ANY(${ids}::bigint[])`,
  );
  await query(
    sql`DELETE FROM field_event_turfs WHERE campaign_id = ${campaignId} AND turf_id = ANY(${ids}::bigint[])`,
  );
  await query(
    sql`DELETE FROM field_turfs WHERE campaign_id = ${campaignId} AND id = ANY(${ids}::bigint[])`,
  );
}
