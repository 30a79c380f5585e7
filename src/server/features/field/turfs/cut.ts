import { segmentAdjacency } from './adjacency.ts';
import { bisect } from './bisection.ts';
import { addressTable, type AddressTable } from './columns.ts';
import { repairWithChains } from './chains.ts';
import { absorbLeftovers } from './leftovers.ts';
import { placesOf } from './places.ts';
import { recutAroundMisfits } from './recut.ts';
import { localSearch, resplitPairs } from './local-search.ts';
import { Partition, type WeightedPoints } from './partition.ts';
import { cutStreetIntoStretches } from './stretches.ts';
import { DEFAULT_STREET_GAP_METRES, streetPieces } from './streets.ts';
import type { Turf, TurfAddress, TurfSizeBounds } from './types.ts';

export interface CutOptions {
  /** Default 60. */
  minSize?: number;
  /** Default 80. */
  maxSize?: number;
  /** A gap this long splits a street key into separate streets. Default 400 m. */
  streetGapMetres?: number;
  /** How far past `maxSize` merging a leftover may take a turf. Default 10% of `maxSize`. */
  mergeTolerance?: number;
}

// Segments with addresses this close are neighbours (two streets meeting at a corner, the
// facing sides of a small block): segments move only between turfs holding neighbours.
const NEIGHBOUR_METRES = 80;
// A long street is cut into stretches of about a quarter of a turf (17–20 addresses).
const STRETCHES_PER_TURF = 4;
// Groups of addresses at least this far from any other (hamlets) are cut apart.
const PLACE_CELL_METRES = 200;

/**
 * Cuts an area's addresses into walkable turfs of `minSize`–`maxSize` addresses (docs/field.md):
 * 1. streets: addresses grouped by street key, split where a gap exceeds `streetGapMetres`; a
 *    street of more than `maxSize` addresses is cut into contiguous stretches (stretches.ts);
 *    streets and stretches are the segments, never divided further;
 * 2. places: segments are grouped into places at least 200 m apart (a town, its hamlets), and
 *    each place is cut on its own by recursive inertial bisection (bisection.ts);
 * 3. local search (local-search.ts): segments move or swap between neighbouring turfs to bring
 *    sizes within bounds, then to shorten the walk (each turf's minimum spanning tree over its
 *    segments); leftovers under `minSize` are spread over or merged into a neighbouring turf
 *    (leftovers.ts); every pair of neighbouring turfs is then cut again if that is better.
 * A street of `maxSize` addresses or fewer is never split (but at a gap). An area of fewer
 * than `minSize` addresses is one turf. Near-linear in the number of addresses; deterministic,
 * whatever the order of the input.
 */
export function cutTurfs(addresses: readonly TurfAddress[], options: CutOptions = {}): Turf[] {
  const bounds: TurfSizeBounds = {
    minSize: options.minSize ?? 60,
    maxSize: options.maxSize ?? 80,
  };
  if (!(bounds.minSize >= 1 && bounds.maxSize >= bounds.minSize)) {
    throw new RangeError(
      `turf sizes must satisfy 1 ≤ min ≤ max (${bounds.minSize}–${bounds.maxSize})`,
    );
  }
  if (addresses.length === 0) return [];
  const tolerance = options.mergeTolerance ?? Math.round(bounds.maxSize * 0.1);
  // By id, in columns: everything after, down to the last bit of the projection, is the same
  // whatever the order of the input.
  const table = addressTable(addresses);
  const { x, y } = table;

  const streetSegments: number[][] = [];
  for (const piece of streetPieces(table, options.streetGapMetres ?? DEFAULT_STREET_GAP_METRES)) {
    const { stretches } = cutStreetIntoStretches(piece.members, table, bounds, STRETCHES_PER_TURF);
    streetSegments.push(...stretches);
  }

  const { placeOf } = placesOf(streetSegments, x, y, PLACE_CELL_METRES);
  const firstCut = bisect(segmentPoints(streetSegments, x, y), bounds, placeOf);
  // Segments renumbered turf by turf: neighbours on the ground sit near each other in memory,
  // which keeps the local search's lookups in cache on large areas.
  const order = Array.from(firstCut.keys()).sort((a, b) => firstCut[a] - firstCut[b] || a - b);
  const segments = order.map((s) => streetSegments[s]);
  const turfOf = Int32Array.from(order, (s) => firstCut[s]);
  const points = segmentPoints(segments, x, y);
  let turfCount = 0;
  for (const t of turfOf) turfCount = Math.max(turfCount, t + 1);
  const adjacency = segmentAdjacency(segments, x, y, NEIGHBOUR_METRES);
  const partition = new Partition(points, adjacency, turfOf, turfCount);
  localSearch(partition, bounds);
  const chained = repairWithChains(partition, bounds);
  const absorbed = absorbLeftovers(partition, bounds, tolerance);
  localSearch(
    partition,
    bounds,
    chained.map((c, t) => c | absorbed[t]),
  );
  localSearch(partition, bounds, resplitPairs(partition, bounds));
  localSearch(partition, bounds, recutAroundMisfits(partition, bounds));

  return buildTurfs(table, segments, turfOf, turfCount);
}

/** Segments as points: their addresses' centre, weighted by their number of addresses. */
function segmentPoints(segments: number[][], x: Float64Array, y: Float64Array): WeightedPoints {
  const points: WeightedPoints = {
    x: new Float64Array(segments.length),
    y: new Float64Array(segments.length),
    weight: new Float64Array(segments.length),
  };
  segments.forEach((members, s) => {
    let sx = 0;
    let sy = 0;
    for (const a of members) {
      sx += x[a];
      sy += y[a];
    }
    points.weight[s] = members.length;
    points.x[s] = sx / members.length;
    points.y[s] = sy / members.length;
  });
  return points;
}

/** Turfs in the order of their numbers (empty ones dropped). */
function buildTurfs(
  table: AddressTable,
  segments: number[][],
  turfOf: Int32Array,
  turfCount: number,
): Turf[] {
  const members: number[][] = Array.from({ length: turfCount }, () => []);
  segments.forEach((list, s) => members[turfOf[s]].push(...list));
  return members
    .filter((list) => list.length > 0)
    .map((list) => {
      // Table indices ascend with ids.
      list.sort((a, b) => a - b);
      let lon = 0;
      let lat = 0;
      const streets = new Set<number>();
      for (const i of list) {
        lon += table.lon[i];
        lat += table.lat[i];
        streets.add(table.street[i]);
      }
      return {
        addressIds: list.map((i) => table.id[i]),
        centroid: { lon: lon / list.length, lat: lat / list.length },
        addressCount: list.length,
        streetKeys: [...streets].sort((a, b) => a - b).map((k) => table.streetKeys[k]),
      };
    });
}

/** A turf holding exactly these addresses. */
export function turfFromAddresses(list: readonly TurfAddress[]): Turf {
  let lon = 0;
  let lat = 0;
  const keys = new Set<string>();
  for (const a of list) {
    lon += a.lon;
    lat += a.lat;
    keys.add(a.streetKey);
  }
  return {
    addressIds: list.map((a) => a.id).sort((a, b) => a - b),
    centroid: { lon: lon / list.length, lat: lat / list.length },
    addressCount: list.length,
    streetKeys: [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}
