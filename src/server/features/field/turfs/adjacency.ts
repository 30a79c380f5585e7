/**
 * Which segments touch, and how far apart they are: two segments are neighbours when some of
 * their addresses fall in the same or adjacent cells of a square grid of `cellMetres` (so
 * within one to three cells of each other); their distance is the shortest between such
 * addresses. Near-linear: addresses sorted by cell once, pairs taken per pair of cells.
 * Compressed rows: the neighbours of s are list[start[s] .. start[s + 1]), distances alike.
 */
export interface Adjacency {
  start: Int32Array;
  list: Int32Array;
  distance: Float64Array;
}

export function segmentAdjacency(
  segmentMembers: readonly (readonly number[])[],
  x: Float64Array,
  y: Float64Array,
  cellMetres: number,
): Adjacency {
  const segmentCount = segmentMembers.length;
  let total = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const members of segmentMembers) {
    for (const a of members) {
      total++;
      minX = Math.min(minX, x[a]);
      minY = Math.min(minY, y[a]);
      maxY = Math.max(maxY, y[a]);
    }
  }
  // Cells numbered column by column, with a spare row so that y ± 1 never wraps.
  const rows = Math.floor((maxY - minY) / cellMetres) + 3;
  const cellOf = (a: number) =>
    (Math.floor((x[a] - minX) / cellMetres) + 1) * rows +
    Math.floor((y[a] - minY) / cellMetres) +
    1;
  // Addresses grouped by cell (a counting sort over the occupied cells); within a cell they
  // keep their order, by segment, so each segment is one run.
  const cells = new Float64Array(total);
  const addressAt = new Int32Array(total);
  const segmentAt = new Int32Array(total);
  const count = new Map<number, number>();
  let i = 0;
  segmentMembers.forEach((members, s) => {
    for (const a of members) {
      const cell = cellOf(a);
      cells[i] = cell;
      addressAt[i] = a;
      segmentAt[i++] = s;
      count.set(cell, (count.get(cell) ?? 0) + 1);
    }
  });
  const occupied = Float64Array.from(count.keys()).sort();
  const cellStart = new Map<number, number>();
  let offset = 0;
  for (const cell of occupied) {
    cellStart.set(cell, offset);
    offset += count.get(cell)!;
  }
  const fillAt = new Map(cellStart);
  const sortedAddress = new Int32Array(total);
  const sortedSegment = new Int32Array(total);
  for (let k = 0; k < total; k++) {
    const at = fillAt.get(cells[k])!;
    fillAt.set(cells[k], at + 1);
    sortedAddress[at] = addressAt[k];
    sortedSegment[at] = segmentAt[k];
  }

  const nearest = new Map<number, number>();
  const runEnd = (p: number, end: number) => {
    let q = p;
    while (q < end && sortedSegment[q] === sortedSegment[p]) q++;
    return q;
  };
  for (const cell of occupied) {
    const begin = cellStart.get(cell)!;
    const end = begin + count.get(cell)!;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const other = cell + dx * rows + dy;
        const otherBegin = cellStart.get(other);
        if (otherBegin === undefined) continue;
        const otherEnd = otherBegin + count.get(other)!;
        for (let p = begin, pEnd = runEnd(p, end); p < end; p = pEnd, pEnd = runEnd(p, end)) {
          const s = sortedSegment[p];
          for (
            let q = otherBegin, qEnd = runEnd(q, otherEnd);
            q < otherEnd;
            q = qEnd, qEnd = runEnd(q, otherEnd)
          ) {
            const u = sortedSegment[q];
            if (u <= s) continue;
            let d2 = Infinity;
            for (let pa = p; pa < pEnd; pa++) {
              const a = sortedAddress[pa];
              for (let qb = q; qb < qEnd; qb++) {
                const b = sortedAddress[qb];
                const d = (x[a] - x[b]) ** 2 + (y[a] - y[b]) ** 2;
                if (d < d2) d2 = d;
              }
            }
            const code = s * segmentCount + u;
            const known = nearest.get(code);
            if (known === undefined || d2 < known) nearest.set(code, d2);
          }
        }
      }
    }
  }

  const codes = Float64Array.from(nearest.keys()).sort();
  const start = new Int32Array(segmentCount + 1);
  for (const code of codes) {
    const s = Math.floor(code / segmentCount);
    start[s + 1]++;
    start[code - s * segmentCount + 1]++;
  }
  for (let s = 0; s < segmentCount; s++) start[s + 1] += start[s];
  const fill = start.slice(0, segmentCount);
  const list = new Int32Array(start[segmentCount]);
  const distance = new Float64Array(start[segmentCount]);
  for (const code of codes) {
    const s = Math.floor(code / segmentCount);
    const u = code - s * segmentCount;
    const d = Math.sqrt(nearest.get(code)!);
    list[fill[s]] = u;
    distance[fill[s]++] = d;
    list[fill[u]] = s;
    distance[fill[u]++] = d;
  }
  return { start, list, distance };
}
