import type { Partition } from './partition.ts';
import { sizeViolation } from './partition.ts';
import type { TurfSizeBounds } from './types.ts';

const MAX_CHAIN = 16;

interface Step {
  turf: number;
  /** Its size once the chain has passed (what it received and gave so far). */
  sizeAfter: number;
  /** The segment that moves between this turf and the one before it in the chain. */
  segment: number;
  previous: Step | null;
  depth: number;
}

/**
 * Fixes sizes that no single move or swap can: a turf over `maxSize` hands a segment to a
 * neighbour, which hands one on, and so on until a turf can take it (an "ejection chain");
 * a turf under `minSize` takes a segment from a neighbour, which takes one from its own, until
 * a turf can spare one, or gives its last and disappears (two leftovers far apart merge that
 * way). Chains are searched breadth first, shortest first, up to MAX_CHAIN turfs; every turf
 * in the middle of a chain must end within bounds, and a chain is kept only if it lowers the
 * summed distance of sizes from the bounds. Returns the turfs changed.
 */
export function repairWithChains(partition: Partition, bounds: TurfSizeBounds): Uint8Array {
  const { size, turfCount } = partition;
  const changed = new Uint8Array(turfCount);
  for (let turf = 0; turf < turfCount; turf++) {
    const v = sizeViolation(size[turf], bounds);
    if (v === 0) continue;
    const chain = size[turf] > bounds.maxSize ? search(partition, bounds, turf, 'push') : null;
    const found =
      chain ?? (size[turf] < bounds.minSize ? search(partition, bounds, turf, 'pull') : null);
    if (found) {
      for (let step: Step | null = found.last; step; step = step.previous) changed[step.turf] = 1;
      apply(partition, found.last, found.direction);
    }
  }
  return changed;
}

function search(
  partition: Partition,
  bounds: TurfSizeBounds,
  root: number,
  direction: 'push' | 'pull',
): { last: Step; direction: 'push' | 'pull' } | null {
  const { turfOf, size, members } = partition;
  const { weight } = partition.points;
  const { start, list } = partition.adjacency;
  const { minSize, maxSize } = bounds;
  const visited = new Set<number>([root]);
  let frontier: Step[] = [
    { turf: root, sizeAfter: size[root], segment: -1, previous: null, depth: 1 },
  ];
  const rootBefore = sizeViolation(size[root], bounds);
  while (frontier.length) {
    const next: Step[] = [];
    for (const step of frontier) {
      for (const s of members[step.turf]) {
        for (let e = start[s]; e < start[s + 1]; e++) {
          const u = list[e];
          const other = turfOf[u];
          if (visited.has(other)) continue;
          // push: s leaves this turf for `other`; pull: u leaves `other` for this turf.
          const moving = direction === 'push' ? s : u;
          const w = weight[moving];
          const mine = step.sizeAfter + (direction === 'push' ? -w : w);
          const ok =
            step.previous === null
              ? sizeViolation(mine, bounds) < rootBefore
              : mine >= minSize && mine <= maxSize;
          if (!ok) continue;
          const theirs = size[other] + (direction === 'push' ? w : -w);
          const child: Step = {
            turf: other,
            sizeAfter: theirs,
            segment: moving,
            previous: { ...step, sizeAfter: mine },
            depth: step.depth + 1,
          };
          const ends = direction === 'push' ? theirs <= maxSize : theirs >= minSize || theirs === 0;
          if (ends) {
            if (gain(partition, bounds, child) > 0) return { last: child, direction };
            continue;
          }
          if (child.depth < MAX_CHAIN) {
            visited.add(other);
            next.push(child);
          }
        }
      }
    }
    frontier = next;
  }
  return null;
}

/** How much the chain ending at `last` lowers the summed distance of sizes from the bounds. */
function gain(partition: Partition, bounds: TurfSizeBounds, last: Step): number {
  let total = 0;
  for (let step: Step | null = last; step; step = step.previous) {
    total +=
      sizeViolation(partition.size[step.turf], bounds) - sizeViolation(step.sizeAfter, bounds);
  }
  return total;
}

function apply(partition: Partition, last: Step, direction: 'push' | 'pull') {
  const moves: Array<{ segment: number; to: number }> = [];
  for (let step: Step | null = last; step && step.previous; step = step.previous) {
    moves.push({
      segment: step.segment,
      to: direction === 'push' ? step.turf : step.previous.turf,
    });
  }
  const touched = new Map<number, number[]>();
  const membersOf = (turf: number) => {
    let list = touched.get(turf);
    if (!list) {
      list = [...partition.members[turf]];
      touched.set(turf, list);
    }
    return list;
  };
  for (const { segment, to } of moves) {
    const from = partition.turfOf[segment];
    const source = membersOf(from);
    source.splice(source.indexOf(segment), 1);
    membersOf(to).push(segment);
    partition.turfOf[segment] = to;
  }
  for (const [turf, list] of touched) partition.setTurf(turf, list);
}
