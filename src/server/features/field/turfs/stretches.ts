import { along, principalAxis } from './axis.ts';
import { turfCountFor } from './bisection.ts';
import type { AddressTable } from './columns.ts';
import type { TurfSizeBounds } from './types.ts';

/**
 * How a long street is ordered before it is cut: by house number when the numbers follow the
 * street (French numbering: odd on one side, even on the other, both rising from the same
 * end, so "numbers up to 40" is one stretch with both of its sides), else by position along
 * the street's principal axis (numbers missing, or scattered).
 */
export type StretchOrder = 'number' | 'axis';

// Numbers are trusted when most addresses have one and walking each side in number order is
// not much longer than walking it in axis order (it is shorter on a curved street).
const NUMBERED_SHARE = 0.8;
const NUMBER_PATH_SLACK = 1.5;

export interface StreetStretches {
  order: StretchOrder;
  /** Contiguous stretches, each a list of address indices in street order. */
  stretches: number[][];
}

/**
 * Cuts one street piece of more than `maxSize` addresses into contiguous stretches of
 * near-equal size: `stretchesPerTurf` for each of the turfs the street would make alone
 * (turfCountFor), so that whole turfs of stretches fit the bounds (a piece of `maxSize` or
 * fewer is returned whole). Small stretches (about a block of a dense street) let a long
 * street share its turfs with the streets across it; the turfs keep a street's neighbouring
 * stretches together when that makes the shorter walk. In number order a cut never separates
 * addresses of the same number (10 and 10 bis).
 */
export function cutStreetIntoStretches(
  members: readonly number[],
  table: AddressTable,
  bounds: TurfSizeBounds,
  stretchesPerTurf: number,
): StreetStretches {
  const n = members.length;
  if (n <= bounds.maxSize) return { order: 'number', stretches: [[...members]] };
  const count = Math.max(Math.ceil(n / bounds.maxSize), stretchesPerTurf * turfCountFor(n, bounds));
  const { order, sorted } = streetOrder(members, table);
  const stretches: number[][] = [];
  let start = 0;
  for (let s = 1; s <= count; s++) {
    let end = s === count ? n : Math.round((s * n) / count);
    if (order === 'number' && end < n)
      end = nearestNumberBoundary(sorted, table.number, end, start);
    if (end > start) stretches.push(sorted.slice(start, end));
    start = end;
  }
  return { order, stretches };
}

/** The members in street order, and which order it is. */
export function streetOrder(
  members: readonly number[],
  table: AddressTable,
): { order: StretchOrder; sorted: number[] } {
  const { x, y, number, suffix } = table;
  const axis = principalAxis(members, x, y);
  const t = new Map<number, number>();
  for (const m of members) t.set(m, along(axis, x[m], y[m]));
  const byAxis = [...members].sort((a, b) => t.get(a)! - t.get(b)! || a - b);
  const numbered = byAxis.filter((m) => number[m] > 0);
  if (numbered.length < NUMBERED_SHARE * members.length) return { order: 'axis', sorted: byAxis };

  const byNumber = (a: number, b: number) =>
    number[a] - number[b] || suffix[a] - suffix[b] || a - b;
  const sidePath = (sort: ((a: number, b: number) => number) | null) => {
    let length = 0;
    for (const parity of [0, 1]) {
      const side = numbered.filter((m) => number[m] % 2 === parity);
      if (sort) side.sort(sort);
      for (let i = 1; i < side.length; i++) {
        length += Math.hypot(x[side[i]] - x[side[i - 1]], y[side[i]] - y[side[i - 1]]);
      }
    }
    return length;
  };
  if (sidePath(byNumber) > NUMBER_PATH_SLACK * sidePath(null) + 1) {
    return { order: 'axis', sorted: byAxis };
  }

  // An address without a number takes the place of the numbered address nearest along the axis.
  const key = new Map<number, number>();
  const tNumbered = numbered.map((m) => t.get(m)!);
  const rankOf = (m: number) => number[m] + Math.min(suffix[m], 99) / 100;
  for (const m of members) {
    if (number[m] > 0) key.set(m, rankOf(m));
    else key.set(m, rankOf(numbered[nearestIndex(tNumbered, t.get(m)!)]) + 0.001);
  }
  const sorted = [...members].sort((a, b) => key.get(a)! - key.get(b)! || a - b);
  return { order: 'number', sorted };
}

/** Index of the value of `sortedValues` (ascending) closest to `value`. */
function nearestIndex(sortedValues: number[], value: number): number {
  let lo = 0;
  let hi = sortedValues.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedValues[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && value - sortedValues[lo - 1] < sortedValues[lo] - value) return lo - 1;
  return lo;
}

/** The cut nearest `end` that falls between two different house numbers (and after `start`). */
function nearestNumberBoundary(
  sorted: number[],
  number: Float64Array,
  end: number,
  start: number,
): number {
  const differs = (i: number) => number[sorted[i - 1]] !== number[sorted[i]];
  for (let d = 0; d < sorted.length; d++) {
    if (end - d > start && differs(end - d)) return end - d;
    if (end + d < sorted.length && differs(end + d)) return end + d;
  }
  return end;
}
