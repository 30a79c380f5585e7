import { along, principalAxis } from './axis.ts';
import type { TurfAddress } from './types.ts';

/**
 * Addresses of one street key this far from every other address of that key start another
 * piece of the street: the same name in two hamlets, or a road with a long empty stretch.
 */
export const DEFAULT_STREET_GAP_METRES = 400;

/** The addresses (indices into the input) of one street key that lie together. */
export interface StreetPiece {
  streetKey: string;
  /** Indices into the addresses, by ascending id. */
  members: number[];
}

/**
 * Streets as the turf cutter and the quality measure see them: addresses grouped by street
 * key, each group split into pieces linked by hops of at most `gapMetres` (single linkage).
 * Keys in code-unit order, pieces by their smallest id: the result does not depend on the
 * input's order.
 */
export function streetPieces(
  addresses: readonly TurfAddress[],
  x: Float64Array,
  y: Float64Array,
  gapMetres = DEFAULT_STREET_GAP_METRES,
): StreetPiece[] {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < addresses.length; i++) {
    const key = addresses[i].streetKey;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pieces: StreetPiece[] = [];
  for (const key of keys) {
    const members = byKey.get(key)!;
    members.sort((a, b) => addresses[a].id - addresses[b].id);
    for (const piece of splitAtGaps(members, x, y, gapMetres)) {
      pieces.push({ streetKey: key, members: piece });
    }
  }
  return pieces;
}

/**
 * Connected components of "within `gap` metres". Sorted along the principal axis, a point
 * only needs comparing with the points ahead of it within `gap` along that axis, since a
 * distance is at least its projection: near-linear for a street.
 */
function splitAtGaps(members: number[], x: Float64Array, y: Float64Array, gap: number): number[][] {
  const n = members.length;
  if (n < 2) return [members];
  const axis = principalAxis(members, x, y);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = along(axis, x[members[i]], y[members[i]]);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  let components = n;
  const gap2 = gap * gap;
  for (let a = 0; a < n && components > 1; a++) {
    const i = order[a];
    for (let b = a + 1; b < n; b++) {
      const j = order[b];
      if (t[j] - t[i] > gap) break;
      const ri = find(i);
      const rj = find(j);
      if (ri === rj) continue;
      const dx = x[members[i]] - x[members[j]];
      const dy = y[members[i]] - y[members[j]];
      if (dx * dx + dy * dy <= gap2) {
        parent[Math.max(ri, rj)] = Math.min(ri, rj);
        components--;
      }
    }
  }
  if (components === 1) return [members];
  // members are by ascending id, so pieces come out by their smallest id.
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = byRoot.get(root);
    if (list) list.push(members[i]);
    else byRoot.set(root, [members[i]]);
  }
  return [...byRoot.values()];
}
