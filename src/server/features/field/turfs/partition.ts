import type { Adjacency } from './adjacency.ts';
import type { TurfSizeBounds } from './types.ts';

/** Segments (street stretches) as points: centre, and their address count as weight. */
export interface WeightedPoints {
  x: Float64Array;
  y: Float64Array;
  weight: Float64Array;
}

/** How far a size is outside the bounds; an empty turf (it has disappeared) is not. */
export function sizeViolation(size: number, { minSize, maxSize }: TurfSizeBounds): number {
  if (size <= 0) return 0;
  return size < minSize ? minSize - size : size > maxSize ? size - maxSize : 0;
}

/**
 * Segments grouped into turfs, with each turf's size and walking cost kept up to date.
 *
 * The walking cost of a turf is the length of the minimum spanning tree joining its segments,
 * two segments being as far apart as their nearest addresses (the adjacency's distance; the
 * distance between their centres when they are not neighbours). Walking each segment costs
 * the same whatever turf it is in, so this is what a turf's shape adds to its walk: a turf
 * whose streets meet costs little, one of parallel streets a block apart costs a crossing of
 * the block per street, one with a far-away piece costs the way there.
 */
export class Partition {
  readonly size: Float64Array;
  readonly cost: Float64Array;
  readonly members: number[][];
  // Scratch space of connectionCost, one slot per segment.
  private readonly inTree: Uint8Array;
  private readonly reach: Float64Array;
  private readonly neighbourGap: Float64Array;
  private readonly neighbourStamp: Uint32Array;
  private readonly nodes: Int32Array;
  private stamp = 0;

  constructor(
    readonly points: WeightedPoints,
    readonly adjacency: Adjacency,
    readonly turfOf: Int32Array,
    readonly turfCount: number,
  ) {
    this.size = new Float64Array(turfCount);
    this.cost = new Float64Array(turfCount);
    this.members = Array.from({ length: turfCount }, () => []);
    this.inTree = new Uint8Array(turfOf.length);
    this.reach = new Float64Array(turfOf.length);
    this.neighbourGap = new Float64Array(turfOf.length);
    this.neighbourStamp = new Uint32Array(turfOf.length);
    this.nodes = new Int32Array(turfOf.length + 1);
    for (let s = 0; s < turfOf.length; s++) {
      this.members[turfOf[s]].push(s);
      this.size[turfOf[s]] += points.weight[s];
    }
    for (let t = 0; t < turfCount; t++) this.cost[t] = this.connectionCost(this.members[t]);
  }

  /**
   * Length of the minimum spanning tree (Prim, O(m² + m·degree)) of segments[begin..end),
   * without `skip` and with `extra` when given (≥ 0): a turf as it would be after a move,
   * without building it.
   */
  connectionCost(
    segments: ArrayLike<number>,
    begin = 0,
    end = segments.length,
    skip = -1,
    extra = -1,
  ): number {
    const { inTree, reach, neighbourGap, neighbourStamp } = this;
    const { x, y } = this.points;
    const { start, list, distance } = this.adjacency;
    const nodes = this.nodes;
    let m = 0;
    for (let i = begin; i < end; i++) if (segments[i] !== skip) nodes[m++] = segments[i];
    if (extra >= 0) nodes[m++] = extra;
    if (m < 2) return 0;
    for (let i = 0; i < m; i++) {
      inTree[nodes[i]] = 0;
      reach[nodes[i]] = Infinity;
    }
    let total = 0;
    let next = nodes[0];
    reach[next] = 0;
    for (let added = 0; added < m; added++) {
      inTree[next] = 1;
      total += reach[next];
      const from = next;
      // The gaps from `from` to its neighbours, looked up once.
      const stamp = ++this.stamp;
      for (let e = start[from]; e < start[from + 1]; e++) {
        neighbourStamp[list[e]] = stamp;
        neighbourGap[list[e]] = distance[e];
      }
      next = -1;
      for (let i = 0; i < m; i++) {
        const s = nodes[i];
        if (inTree[s]) continue;
        const d =
          neighbourStamp[s] === stamp
            ? neighbourGap[s]
            : Math.sqrt((x[from] - x[s]) ** 2 + (y[from] - y[s]) ** 2);
        if (d < reach[s]) reach[s] = d;
        if (next < 0 || reach[s] < reach[next]) next = s;
      }
    }
    return total;
  }

  /** Makes `segments` the whole of turf t; `cost` when the caller has it already. */
  setTurf(t: number, segments: number[], cost = this.connectionCost(segments)) {
    let size = 0;
    for (const s of segments) {
      this.turfOf[s] = t;
      size += this.points.weight[s];
    }
    this.members[t] = segments;
    this.size[t] = size;
    this.cost[t] = cost;
  }
}
