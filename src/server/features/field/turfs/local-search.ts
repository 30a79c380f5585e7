import type { Partition } from './partition.ts';
import { sizeViolation } from './partition.ts';
import type { TurfSizeBounds } from './types.ts';

const MAX_ROUNDS = 6;
// Changes must save at least this (metres) so that rounding never trades a segment back.
const EPSILON = 1e-6;
const RESPLIT_DIRECTIONS = 4;
// Swaps tried per segment, with its nearest neighbours first.
const MAX_SWAPS = 6;

/**
 * Improves the turfs on two measures compared in that order: how far sizes are outside the
 * bounds (summed), then the walking cost (summed minimum spanning trees, see Partition).
 * A segment moves to the turf of a neighbouring segment, or swaps turfs with one of its
 * nearest neighbours (MAX_SWAPS) in a turf it would shorten the walk of, when that lowers the
 * first measure, or keeps it and lowers the second. Each round visits the segments touching
 * a turf changed before (all of them at first, or those touching `changed`), until a round
 * changes nothing or MAX_ROUNDS: the work follows the changes.
 */
export function localSearch(
  partition: Partition,
  bounds: TurfSizeBounds,
  changed: Uint8Array | null = null,
): void {
  const { turfOf, size, members, cost, turfCount } = partition;
  const { weight } = partition.points;
  const { start, list } = partition.adjacency;
  const violation = (turf: number, change: number) => sizeViolation(size[turf] + change, bounds);
  const touches = (s: number, turfs: Uint8Array) => {
    if (turfs[turfOf[s]]) return true;
    for (let e = start[s]; e < start[s + 1]; e++) if (turfs[turfOf[list[e]]]) return true;
    return false;
  };
  // Per neighbouring turf of the segment at hand: would moving there shorten the walk?
  const wantsToGo = new Uint8Array(turfCount);
  const neighbourTurfs: number[] = [];

  let dirty = changed ?? new Uint8Array(turfCount).fill(1);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = new Uint8Array(turfCount);
    let changes = 0;
    for (let s = 0; s < turfOf.length; s++) {
      if (!touches(s, dirty)) continue;
      const from = turfOf[s];
      neighbourTurfs.length = 0;
      for (let e = start[s]; e < start[s + 1]; e++) {
        const to = turfOf[list[e]];
        if (to !== from && !neighbourTurfs.includes(to)) neighbourTurfs.push(to);
      }
      // Inside its turf: nowhere to go.
      if (neighbourTurfs.length === 0) continue;
      const own = members[from];
      const w = weight[s];
      const fromWithoutCost = partition.connectionCost(own, 0, own.length, s);
      let bestV = 0;
      let bestC = -EPSILON;
      let bestTo = -1;
      let bestSwap = -1;
      let bestFromCost = 0;
      let bestToCost = 0;
      for (const to of neighbourTurfs) {
        const other = members[to];
        const toCost = partition.connectionCost(other, 0, other.length, -1, s);
        const dc = fromWithoutCost + toCost - cost[from] - cost[to];
        const dv = violation(from, -w) + violation(to, w) - violation(from, 0) - violation(to, 0);
        wantsToGo[to] = dc < -EPSILON ? 1 : 0;
        if (dv < bestV || (dv === bestV && dc < bestC)) {
          bestV = dv;
          bestC = dc;
          bestTo = to;
          bestSwap = -1;
          bestFromCost = fromWithoutCost;
          bestToCost = toCost;
        }
      }
      let swaps = 0;
      for (let e = start[s]; e < start[s + 1] && swaps < MAX_SWAPS; e++) {
        const u = list[e];
        const to = turfOf[u];
        if (to === from || !wantsToGo[to]) continue;
        swaps++;
        const wu = weight[u];
        const dv =
          violation(from, wu - w) + violation(to, w - wu) - violation(from, 0) - violation(to, 0);
        if (dv > bestV) continue;
        const other = members[to];
        const fromCost = partition.connectionCost(own, 0, own.length, s, u);
        const toCost = partition.connectionCost(other, 0, other.length, u, s);
        const dc = fromCost + toCost - cost[from] - cost[to];
        if (dv < bestV || dc < bestC) {
          bestV = dv;
          bestC = dc;
          bestTo = to;
          bestSwap = u;
          bestFromCost = fromCost;
          bestToCost = toCost;
        }
      }
      if (bestTo < 0) continue;
      const fromSet = own.filter((v) => v !== s);
      const toSet = members[bestTo].filter((v) => v !== bestSwap);
      toSet.push(s);
      if (bestSwap >= 0) fromSet.push(bestSwap);
      partition.setTurf(from, fromSet, bestFromCost);
      partition.setTurf(bestTo, toSet, bestToCost);
      dirty[from] = dirty[bestTo] = next[from] = next[bestTo] = 1;
      changes++;
    }
    if (changes === 0) break;
    dirty = next;
  }
}

/**
 * Cuts every pair of neighbouring turfs again: their segments sorted along 4 directions, each
 * cut position tried, the best kept if it beats the pair as it is (same two measures as
 * localSearch). Escapes what moving one segment at a time cannot. Returns the turfs changed.
 */
export function resplitPairs(partition: Partition, bounds: TurfSizeBounds): Uint8Array {
  const { turfOf, size, members, cost, turfCount } = partition;
  const { x, y, weight } = partition.points;
  const { start, list } = partition.adjacency;
  const changed = new Uint8Array(turfCount);
  const along = new Float64Array(turfOf.length);
  const directions = Array.from({ length: RESPLIT_DIRECTIONS }, (_, d) => {
    const angle = (d * Math.PI) / RESPLIT_DIRECTIONS;
    return { ux: Math.cos(angle), uy: Math.sin(angle) };
  });
  for (let a = 0; a < turfCount; a++) {
    const neighbours = new Set<number>();
    for (const s of members[a]) {
      for (let e = start[s]; e < start[s + 1]; e++) {
        if (turfOf[list[e]] > a) neighbours.add(turfOf[list[e]]);
      }
    }
    for (const b of [...neighbours].sort((p, q) => p - q)) {
      const union = [...members[a], ...members[b]];
      const total = size[a] + size[b];
      let bestV = sizeViolation(size[a], bounds) + sizeViolation(size[b], bounds);
      let bestC = cost[a] + cost[b] - EPSILON;
      let best: { left: number[]; right: number[]; leftCost: number; rightCost: number } | null =
        null;
      for (const { ux, uy } of directions) {
        for (const p of union) along[p] = x[p] * ux + y[p] * uy;
        const sorted = union.sort((p, q) => along[p] - along[q] || p - q);
        let left = 0;
        for (let cut = 1; cut < sorted.length; cut++) {
          left += weight[sorted[cut - 1]];
          const v = sizeViolation(left, bounds) + sizeViolation(total - left, bounds);
          if (v > bestV) continue;
          const leftCost = partition.connectionCost(sorted, 0, cut);
          const rightCost = partition.connectionCost(sorted, cut, sorted.length);
          if (v < bestV || leftCost + rightCost < bestC) {
            bestV = v;
            bestC = leftCost + rightCost;
            best = { left: sorted.slice(0, cut), right: sorted.slice(cut), leftCost, rightCost };
          }
        }
      }
      if (!best) continue;
      partition.setTurf(a, best.left, best.leftCost);
      partition.setTurf(b, best.right, best.rightCost);
      changed[a] = changed[b] = 1;
    }
  }
  return changed;
}
