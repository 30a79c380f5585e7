import { along, principalAxis } from './axis.ts';
import type { AddressTable } from './columns.ts';

/**
 * Addresses of one street key this far from every other address of that key start another
 * piece of the street: the same name in two hamlets, or a road with a long empty stretch.
 */
export const DEFAULT_STREET_GAP_METRES = 400;

/** The addresses (indices into the table) of one street key that lie together. */
export interface StreetPiece {
  streetKey: string;
  /** Indices into the address table, ascending (so by ascending id). */
  members: number[];
}

/**
 * Streets as the turf cutter and the quality measure see them: addresses grouped by street
 * key, each group split into pieces linked by hops of at most `gapMetres` (single linkage).
 * Keys in code-unit order, pieces by their smallest id: the result does not depend on the
 * input's order.
 */
export function streetPieces(
  table: AddressTable,
  gapMetres = DEFAULT_STREET_GAP_METRES,
): StreetPiece[] {
  const { count, street, streetKeys, x, y } = table;
  const byStreet: number[][] = streetKeys.map(() => []);
  for (let i = 0; i < count; i++) byStreet[street[i]].push(i);
  const pieces: StreetPiece[] = [];
  byStreet.forEach((members, k) => {
    for (const piece of splitAtGaps(members, x, y, gapMetres)) {
      pieces.push({ streetKey: streetKeys[k], members: piece });
    }
  });
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
  // Usually each point is within the gap of the next along the axis: then they are all one.
  const gap2 = gap * gap;
  let chained = true;
  for (let k = 1; k < n && chained; k++) {
    const i = members[order[k - 1]];
    const j = members[order[k]];
    chained = (x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2 <= gap2;
  }
  if (chained) return [members];
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  let components = n;
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
