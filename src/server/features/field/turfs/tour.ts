/**
 * Improvement sweeps of 2-opt at most: each is O(n²), so 100 points take ~10⁴ distance pairs a
 * sweep. 2-opt usually settles within a few sweeps; the cap bounds the rest.
 */
export const DEFAULT_TWO_OPT_SWEEPS = 25;

/**
 * Estimated walk through points (metres, straight lines between doors): an open path from the
 * point farthest from their centroid, built by nearest neighbour and improved by 2-opt
 * (reversing any stretch of the path, its ends included, when that shortens it), until a sweep
 * finds nothing or `maxSweeps` sweeps. Returns the length and the order.
 */
export function walkingTour(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  maxSweeps = DEFAULT_TWO_OPT_SWEEPS,
): { metres: number; order: number[] } {
  const n = x.length;
  if (n < 2) return { metres: 0, order: n ? [0] : [] };
  const d = (i: number, j: number) => {
    const dx = x[i] - x[j];
    const dy = y[i] - y[j];
    return Math.sqrt(dx * dx + dy * dy);
  };

  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += x[i];
    cy += y[i];
  }
  cx /= n;
  cy /= n;
  let first = 0;
  let farthest = -1;
  for (let i = 0; i < n; i++) {
    const r = (x[i] - cx) ** 2 + (y[i] - cy) ** 2;
    if (r > farthest) {
      farthest = r;
      first = i;
    }
  }

  const path = new Int32Array(n);
  const visited = new Uint8Array(n);
  path[0] = first;
  visited[first] = 1;
  for (let k = 1; k < n; k++) {
    const from = path[k - 1];
    let next = -1;
    let nearest = Infinity;
    for (let j = 0; j < n; j++) {
      if (visited[j]) continue;
      const dj = d(from, j);
      if (dj < nearest) {
        nearest = dj;
        next = j;
      }
    }
    path[k] = next;
    visited[next] = 1;
  }

  // Reversing path[i+1..j] replaces edges (i, i+1) and (j, j+1) by (i, j) and (i+1, j+1); at
  // i = -1 or j = n - 1 the missing edge costs nothing (the path's ends move).
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let improved = false;
    for (let i = -1; i < n - 2; i++) {
      for (let j = i + 2; j < n; j++) {
        const before =
          (i >= 0 ? d(path[i], path[i + 1]) : 0) + (j < n - 1 ? d(path[j], path[j + 1]) : 0);
        const after =
          (i >= 0 ? d(path[i], path[j]) : 0) + (j < n - 1 ? d(path[i + 1], path[j + 1]) : 0);
        if (after < before - 1e-9) {
          path.subarray(i + 1, j + 1).reverse();
          improved = true;
        }
      }
    }
    if (!improved) break;
  }

  let metres = 0;
  for (let k = 1; k < n; k++) metres += d(path[k - 1], path[k]);
  return { metres, order: Array.from(path) };
}
