/**
 * Which segments touch, and how far apart they are: two segments are neighbours when one
 * address of each lies within `reachMetres` of the other; their distance is the shortest
 * between their addresses. Near-linear: addresses are bucketed once in square cells of
 * `reachMetres`, and only the addresses of a cell and the 8 around it are compared.
 * Compressed rows: the neighbours of s are list[start[s] .. start[s + 1]), nearest first,
 * their distances alike.
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
  reachMetres: number,
): Adjacency {
  const segmentCount = segmentMembers.length;
  const cellMetres = reachMetres;
  const reach2 = reachMetres * reachMetres;
  // Squared distances in whole m², below DISTANCE_SLOTS; the pair code takes the bits above
  // (exact up to 2⁵³: a million segments at 80 m).
  const DISTANCE_SLOTS = 2 ** Math.ceil(Math.log2(reach2 + 2));
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
  // Addresses grouped by cell (a counting sort); within a cell they keep their order, by
  // segment, so each segment is one run. Cells are numbered densely, in first-seen order.
  const cellIndex = new Map<number, number>();
  const cellOfItem = new Int32Array(total);
  const addressAt = new Int32Array(total);
  const segmentAt = new Int32Array(total);
  const cellKeys: number[] = [];
  let i = 0;
  segmentMembers.forEach((members, s) => {
    for (const a of members) {
      const key = cellOf(a);
      let cell = cellIndex.get(key);
      if (cell === undefined) {
        cell = cellKeys.length;
        cellIndex.set(key, cell);
        cellKeys.push(key);
      }
      cellOfItem[i] = cell;
      addressAt[i] = a;
      segmentAt[i++] = s;
    }
  });
  const cellCount = cellKeys.length;
  const cellStart = new Int32Array(cellCount + 1);
  for (let k = 0; k < total; k++) cellStart[cellOfItem[k] + 1]++;
  for (let c = 0; c < cellCount; c++) cellStart[c + 1] += cellStart[c];
  const fillAt = cellStart.slice(0, cellCount);
  const sortedAddress = new Int32Array(total);
  const sortedSegment = new Int32Array(total);
  for (let k = 0; k < total; k++) {
    const at = fillAt[cellOfItem[k]]++;
    sortedAddress[at] = addressAt[k];
    sortedSegment[at] = segmentAt[k];
  }
  // The up to 9 cells around each cell (itself included), looked up once.
  const around = new Int32Array(cellCount * 9).fill(-1);
  for (let c = 0; c < cellCount; c++) {
    let k = 0;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const other = cellIndex.get(cellKeys[c] + dx * rows + dy);
        if (other !== undefined) around[c * 9 + k++] = other;
      }
    }
  }

  // Each pair found, packed as (pair code, squared distance in whole m², capped) in one number
  // so that a numeric sort brings the nearest first; no per-pair object or boxed number.
  let found = new Float64Array(1024);
  let foundCount = 0;
  const runEnd = (p: number, end: number) => {
    let q = p;
    while (q < end && sortedSegment[q] === sortedSegment[p]) q++;
    return q;
  };
  for (let cell = 0; cell < cellCount; cell++) {
    const begin = cellStart[cell];
    const end = cellStart[cell + 1];
    for (let k = 0; k < 9; k++) {
      const other = around[cell * 9 + k];
      if (other < 0) break;
      const otherBegin = cellStart[other];
      const otherEnd = cellStart[other + 1];
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
          if (d2 > reach2) continue;
          if (foundCount === found.length) {
            const grown = new Float64Array(found.length * 2);
            grown.set(found);
            found = grown;
          }
          found[foundCount++] =
            (s * segmentCount + u) * DISTANCE_SLOTS + Math.min(Math.round(d2), DISTANCE_SLOTS - 1);
        }
      }
    }
  }

  const sorted = found.subarray(0, foundCount).sort();
  const pairs: number[] = [];
  const gaps: number[] = [];
  let previous = -1;
  for (const packed of sorted) {
    const code = Math.floor(packed / DISTANCE_SLOTS);
    if (code === previous) continue;
    previous = code;
    pairs.push(code);
    gaps.push(Math.sqrt(packed - code * DISTANCE_SLOTS));
  }
  const start = new Int32Array(segmentCount + 1);
  for (const code of pairs) {
    const s = Math.floor(code / segmentCount);
    start[s + 1]++;
    start[code - s * segmentCount + 1]++;
  }
  for (let s = 0; s < segmentCount; s++) start[s + 1] += start[s];
  const fill = start.slice(0, segmentCount);
  const list = new Int32Array(start[segmentCount]);
  const distance = new Float64Array(start[segmentCount]);
  pairs.forEach((code, k) => {
    const s = Math.floor(code / segmentCount);
    const u = code - s * segmentCount;
    list[fill[s]] = u;
    distance[fill[s]++] = gaps[k];
    list[fill[u]] = s;
    distance[fill[u]++] = gaps[k];
  });
  // Each segment's neighbours nearest first (then by number).
  for (let s = 0; s < segmentCount; s++) {
    const row = Array.from({ length: start[s + 1] - start[s] }, (_, k) => start[s] + k);
    row.sort((a, b) => distance[a] - distance[b] || list[a] - list[b]);
    const neighbours = row.map((e) => list[e]);
    const gapsOfRow = row.map((e) => distance[e]);
    list.set(neighbours, start[s]);
    distance.set(gapsOfRow, start[s]);
  }
  return { start, list, distance };
}
