import { along, principalAxis } from './axis.ts';
import type { WeightedPoints } from './partition.ts';
import type { TurfSizeBounds } from './types.ts';

/**
 * How many turfs `weight` addresses make: the count nearest weight / ((min + max) / 2) among
 * those for which every turf can be within bounds; when no count can (100 addresses for 60–80),
 * the nearest count all the same. At least one.
 */
export function turfCountFor(weight: number, { minSize, maxSize }: TurfSizeBounds): number {
  const ideal = Math.max(1, Math.round(weight / ((minSize + maxSize) / 2)));
  const fewest = Math.ceil(weight / maxSize);
  const most = Math.floor(weight / minSize);
  if (fewest > most) return ideal;
  return Math.min(Math.max(ideal, fewest), most);
}

/**
 * Recursive inertial bisection, each place on its own: the segments are sorted along their
 * weighted principal axis and cut where both sides can make whole turfs (k1 turfs on one side,
 * k − k1 on the other, each side between k·min and k·max addresses, or as near as the segments
 * allow), choosing among those cuts the one whose two sides are most compact (least weighted
 * squared distance of segments to their side's centre); each side is cut again until it makes
 * one turf. Returns each segment's turf, numbered in the order the recursion leaves them.
 */
export function bisect(
  points: WeightedPoints,
  bounds: TurfSizeBounds,
  placeOf: Int32Array,
): Int32Array {
  const turfOf = new Int32Array(points.weight.length);
  const byPlace: number[][] = [];
  for (let i = 0; i < turfOf.length; i++) (byPlace[placeOf[i]] ??= []).push(i);
  let turfs = 0;
  for (const members of byPlace) {
    let weight = 0;
    for (const m of members) weight += points.weight[m];
    const groups = bisectInto(members, turfCountFor(weight, bounds), points, bounds, {
      recount: true,
    });
    for (const group of groups) {
      for (const m of group) turfOf[m] = turfs;
      turfs++;
    }
  }
  return turfOf;
}

/**
 * `members` cut into `k` groups by recursive bisection (fewer if there are fewer segments).
 * With `recount`, each side's number of turfs is counted again from its weight (turfCountFor)
 * rather than inherited (⌊k/2⌋ and the rest): sides whose segments would not divide evenly get
 * the count that suits them. The first cut goes along `firstAngle` (radians from east) instead
 * of the principal axis when given. Groups in left-to-right order of the cuts.
 */
export function bisectInto(
  members: number[],
  k: number,
  points: WeightedPoints,
  bounds: TurfSizeBounds,
  { recount = false, firstAngle }: { recount?: boolean; firstAngle?: number } = {},
): number[][] {
  const groups: number[][] = [];
  // An explicit stack, right side pushed first, keeps the left-to-right order.
  const stack: Array<{ members: number[]; k: number; angle?: number }> = [
    { members, k, angle: firstAngle },
  ];
  while (stack.length) {
    const node = stack.pop()!;
    let weight = 0;
    for (const m of node.members) weight += points.weight[m];
    const count = recount && node.angle === undefined ? turfCountFor(weight, bounds) : node.k;
    if (count <= 1 || node.members.length === 1) {
      groups.push(node.members);
      continue;
    }
    const k1 = Math.floor(count / 2);
    const [left, right] = cutInTwo(node.members, points, weight, count, bounds, node.angle);
    stack.push({ members: right, k: count - k1 }, { members: left, k: k1 });
  }
  return groups;
}

function cutInTwo(
  members: number[],
  { x, y, weight }: WeightedPoints,
  total: number,
  k: number,
  { minSize, maxSize }: TurfSizeBounds,
  angle?: number,
): [number[], number[]] {
  const axis = principalAxis(members, x, y, weight);
  if (angle !== undefined) {
    axis.ux = Math.cos(angle);
    axis.uy = Math.sin(angle);
  }
  const n = members.length;
  const t = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = along(axis, x[members[i]], y[members[i]]);
    order[i] = i;
  }
  order.sort((a, b) => t[a] - t[b] || members[a] - members[b]);

  const k1 = Math.floor(k / 2);
  const k2 = k - k1;
  const low = Math.max(k1 * minSize, total - k2 * maxSize);
  const high = Math.min(k1 * maxSize, total - k2 * minSize);
  // Sums along the order (centred on the axis's centre), for each side's spread in O(1).
  let allX = 0;
  let allY = 0;
  let allQ = 0;
  for (const m of members) {
    const dx = x[m] - axis.cx;
    const dy = y[m] - axis.cy;
    allX += weight[m] * dx;
    allY += weight[m] * dy;
    allQ += weight[m] * (dx * dx + dy * dy);
  }
  let best = 1;
  let bestOutside = Infinity;
  let bestSpread = Infinity;
  let w = 0;
  let sx = 0;
  let sy = 0;
  let sq = 0;
  for (let i = 0; i < n - 1; i++) {
    const m = members[order[i]];
    const dx = x[m] - axis.cx;
    const dy = y[m] - axis.cy;
    w += weight[m];
    sx += weight[m] * dx;
    sy += weight[m] * dy;
    sq += weight[m] * (dx * dx + dy * dy);
    const outside = w < low ? low - w : w > high ? w - high : 0;
    const rw = total - w;
    const rx = allX - sx;
    const ry = allY - sy;
    const spread = sq - (sx * sx + sy * sy) / w + (allQ - sq) - (rx * rx + ry * ry) / rw;
    if (outside < bestOutside || (outside === bestOutside && spread < bestSpread)) {
      bestOutside = outside;
      bestSpread = spread;
      best = i + 1;
    }
  }
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < n; i++) (i < best ? left : right).push(members[order[i]]);
  return [left, right];
}
