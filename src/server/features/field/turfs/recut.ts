import { bisectInto } from './bisection.ts';
import type { Partition } from './partition.ts';
import { sizeViolation } from './partition.ts';
import type { TurfSizeBounds } from './types.ts';

const DIRECTIONS = 8;

/**
 * For each turf still outside the bounds, its neighbourhood (it and the turfs next to it) is
 * cut again from scratch: by bisection into as many turfs, or one fewer (which absorbs a
 * leftover), the first cut along each of 8 directions. The best cut replaces the neighbourhood
 * if it lowers the summed distance of sizes from the bounds, or keeps it and shortens the walk.
 * Returns the turfs changed.
 */
export function recutAroundMisfits(partition: Partition, bounds: TurfSizeBounds): Uint8Array {
  const { turfOf, size, members, cost, turfCount } = partition;
  const { start, list } = partition.adjacency;
  const changed = new Uint8Array(turfCount);
  for (let turf = 0; turf < turfCount; turf++) {
    if (size[turf] <= 0 || sizeViolation(size[turf], bounds) === 0) continue;
    const around = new Set<number>([turf]);
    for (const s of members[turf]) {
      for (let e = start[s]; e < start[s + 1]; e++) around.add(turfOf[list[e]]);
    }
    const turfs = [...around].sort((a, b) => a - b);
    const segments = turfs.flatMap((t) => members[t]);
    let bestV = 0;
    let bestC = 0;
    for (const t of turfs) {
      bestV += sizeViolation(size[t], bounds);
      bestC += cost[t];
    }
    bestC -= 1e-6;
    let best: number[][] | null = null;
    for (const k of [turfs.length, turfs.length - 1]) {
      if (k < 1) continue;
      for (let d = 0; d < DIRECTIONS; d++) {
        const groups = bisectInto(segments, k, partition.points, bounds, {
          firstAngle: (d * Math.PI) / DIRECTIONS,
        });
        let v = 0;
        for (const group of groups) {
          let w = 0;
          for (const s of group) w += partition.points.weight[s];
          v += sizeViolation(w, bounds);
        }
        if (v > bestV) continue;
        const c = groups.reduce((sum, group) => sum + partition.connectionCost(group), 0);
        if (v < bestV || c < bestC) {
          bestV = v;
          bestC = c;
          best = groups;
        }
      }
    }
    if (!best) continue;
    turfs.forEach((t, i) => {
      partition.setTurf(t, best[i] ?? []);
      changed[t] = 1;
    });
  }
  return changed;
}
