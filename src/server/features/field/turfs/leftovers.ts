import type { Partition } from './partition.ts';
import type { TurfSizeBounds } from './types.ts';

/**
 * Turfs still under `minSize` after the local search (the rest of an area whose streets would
 * not divide evenly), smallest number first:
 * 1. spread: each of its segments, largest first, goes to the neighbouring turf it is nearest
 *    to among those that stay within `maxSize`; done only if every segment finds one;
 * 2. else merged whole into the neighbouring turf it is nearest to, when the two together hold
 *    at most `maxSize + tolerance` addresses;
 * 3. else kept as a small turf. A turf with no neighbour (a hamlet: places are cut apart) is
 *    always kept.
 * Neighbours are turfs holding a segment adjacent to one of its segments. Returns the turfs
 * changed.
 */
export function absorbLeftovers(
  partition: Partition,
  { minSize, maxSize }: TurfSizeBounds,
  tolerance: number,
): Uint8Array {
  const { turfOf, size, members, turfCount } = partition;
  const changed = new Uint8Array(turfCount);
  const { weight } = partition.points;
  const { start, list, distance } = partition.adjacency;

  for (let turf = 0; turf < turfCount; turf++) {
    if (size[turf] <= 0 || size[turf] >= minSize) continue;
    const own = [...members[turf]].sort((a, b) => weight[b] - weight[a] || a - b);

    const planned = new Map<number, number>();
    const added = new Map<number, number>();
    for (const s of own) {
      let bestTurf = -1;
      let bestDistance = Infinity;
      for (let e = start[s]; e < start[s + 1]; e++) {
        const to = turfOf[list[e]];
        if (to === turf || size[to] + (added.get(to) ?? 0) + weight[s] > maxSize) continue;
        if (distance[e] < bestDistance || (distance[e] === bestDistance && to < bestTurf)) {
          bestDistance = distance[e];
          bestTurf = to;
        }
      }
      if (bestTurf < 0) break;
      planned.set(s, bestTurf);
      added.set(bestTurf, (added.get(bestTurf) ?? 0) + weight[s]);
    }
    if (planned.size === own.length) {
      for (const to of added.keys()) {
        const joining = own.filter((s) => planned.get(s) === to);
        partition.setTurf(to, [...members[to], ...joining]);
        changed[to] = 1;
      }
      partition.setTurf(turf, []);
      changed[turf] = 1;
      continue;
    }

    let nearest = -1;
    let nearestDistance = Infinity;
    for (const s of own) {
      for (let e = start[s]; e < start[s + 1]; e++) {
        const to = turfOf[list[e]];
        if (to === turf) continue;
        if (distance[e] < nearestDistance || (distance[e] === nearestDistance && to < nearest)) {
          nearestDistance = distance[e];
          nearest = to;
        }
      }
    }
    if (nearest >= 0 && size[turf] + size[nearest] <= maxSize + tolerance) {
      partition.setTurf(nearest, [...members[nearest], ...own]);
      partition.setTurf(turf, []);
      changed[nearest] = changed[turf] = 1;
    }
  }
  return changed;
}
