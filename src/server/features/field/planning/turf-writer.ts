import { sql } from 'drizzle-orm';
import type { Query } from '../../../core/db/index.ts';
import { walkOrder } from '../turfs/walk-order.ts';
import type { TurfAddress } from '../turfs/types.ts';

/** An address as turfs are made of: what cutting and walk order read, and its street's name. */
export interface PlannedAddress extends TurfAddress {
  streetName: string;
}

type Corner = [number, number];

const cross = (o: Corner, a: Corner, b: Corner) =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The convex hull of the points (monotone chain), counter-clockwise, for the map's outline. */
export function convexHull(points: readonly Corner[]): Corner[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const half = (list: Corner[]) => {
    const hull: Corner[] = [];
    for (const p of list) {
      while (hull.length >= 2 && cross(hull[hull.length - 2], hull[hull.length - 1], p) <= 0)
        hull.pop();
      hull.push(p);
    }
    hull.pop();
    return hull;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** "Rue de la Paix et alentours": the street with most doors names the turf. */
export function turfName(index: number, addresses: readonly PlannedAddress[]): string {
  const counts = new Map<string, number>();
  for (const a of addresses) counts.set(a.streetName, (counts.get(a.streetName) ?? 0) + 1);
  const [main] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const street = main ? ` · ${main[0]}${counts.size > 1 ? ' et alentours' : ''}` : '';
  return `Secteur ${index}${street}`.slice(0, 120);
}

/**
 * Writes a turf's addresses in walk order, with its count, centre and outline. `turfId` is an
 * existing turf whose addresses are replaced, or null for a new turf of `areaId`.
 */
export async function writeTurf(
  query: Query,
  campaignId: number,
  turf: { turfId: number | null; areaId: number; name: string },
  addresses: readonly PlannedAddress[],
): Promise<number> {
  const stops = walkOrder(addresses);
  const corners = addresses.map((a): Corner => [round(a.lon), round(a.lat)]);
  const outline = JSON.stringify(convexHull(corners));
  const lon = addresses.reduce((sum, a) => sum + a.lon, 0) / Math.max(1, addresses.length);
  const lat = addresses.reduce((sum, a) => sum + a.lat, 0) / Math.max(1, addresses.length);
  let turfId = turf.turfId;
  if (turfId === null) {
    const [row] = await query<{ id: number }>(
      sql`INSERT INTO field_turfs (campaign_id, area_id, name, door_count, lon, lat, outline)
          VALUES (${campaignId}, ${turf.areaId}, ${turf.name}, ${addresses.length}, ${lon}, ${lat}, ${outline}::jsonb)
          RETURNING id`,
    );
    turfId = Number(row.id);
  } else {
    await query(
      sql`UPDATE field_turfs SET door_count = ${addresses.length}, lon = ${lon}, lat = ${lat},
                 outline = ${outline}::jsonb, name = ${turf.name}
           WHERE campaign_id = ${campaignId} AND id = ${turfId}`,
    );
    await query(
      sql`DELETE FROM field_turf_addresses WHERE campaign_id = ${campaignId} AND turf_id = ${turfId}`,
    );
  }
  if (stops.length) {
    await query(
      sql`INSERT INTO field_turf_addresses (campaign_id, turf_id, position, address_id, side)
          SELECT ${campaignId}, ${turfId}, s.ordinality, s.address_id, nullif(s.side, 'none')
            FROM unnest(${stops.map((s) => s.id)}::bigint[], ${stops.map((s) => s.side)}::text[])
                 WITH ORDINALITY AS s(address_id, side, ordinality)`,
    );
  }
  return turfId;
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
