/**
 * Separate places (a town and its hamlets): segments whose addresses fall in the same or
 * touching cells of a `cellMetres` grid belong together, so places are at least `cellMetres`
 * apart. Returns each segment's place, numbered by their first segment; the turf cutter never
 * puts two places in one turf.
 */
export function placesOf(
  segmentMembers: readonly (readonly number[])[],
  x: Float64Array,
  y: Float64Array,
  cellMetres: number,
): { placeOf: Int32Array; count: number } {
  const OFFSET = 1 << 20;
  const cellKey = (ix: number, iy: number) => (ix + OFFSET) * 2 * OFFSET + (iy + OFFSET);
  const cellIndex = new Map<number, number>();
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstCellOf = new Int32Array(segmentMembers.length);
  segmentMembers.forEach((members, s) => {
    let first = -1;
    for (const a of members) {
      const key = cellKey(Math.floor(x[a] / cellMetres), Math.floor(y[a] / cellMetres));
      let cell = cellIndex.get(key);
      if (cell === undefined) {
        cell = parent.length;
        parent.push(cell);
        cellIndex.set(key, cell);
      }
      if (first < 0) first = cell;
      else union(first, cell);
    }
    firstCellOf[s] = first;
  });
  for (const [key, cell] of cellIndex) {
    const ix = Math.floor(key / (2 * OFFSET)) - OFFSET;
    const iy = (key % (2 * OFFSET)) - OFFSET;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const other = cellIndex.get(cellKey(ix + dx, iy + dy));
        if (other !== undefined) union(cell, other);
      }
    }
  }
  const placeOf = new Int32Array(segmentMembers.length);
  const numbering = new Map<number, number>();
  for (let s = 0; s < segmentMembers.length; s++) {
    const root = find(firstCellOf[s]);
    let place = numbering.get(root);
    if (place === undefined) {
      place = numbering.size;
      numbering.set(root, place);
    }
    placeOf[s] = place;
  }
  return { placeOf, count: numbering.size };
}
