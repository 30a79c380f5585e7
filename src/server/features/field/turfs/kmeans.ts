import { turfFromAddresses } from './cut.ts';
import { projectToLocalPlane } from './projection.ts';
import { seededRandom } from './random.ts';
import type { Turf, TurfAddress } from './types.ts';

export interface KMeansOptions {
  /** Seed of the k-means++ draws. Default 1. */
  seed?: number;
  /** Lloyd iterations at most. Default 50. */
  maxIterations?: number;
}

/**
 * The reference the turf cutter is measured against: plain Lloyd k-means of the addresses'
 * positions (local plane), seeded by k-means++ with a seeded generator, iterated until no
 * address changes cluster or `maxIterations`. It knows nothing of streets or sizes. An empty
 * cluster keeps its centre; empty clusters make no turf.
 */
export function kMeansTurfs(
  addresses: readonly TurfAddress[],
  k: number,
  { seed = 1, maxIterations = 50 }: KMeansOptions = {},
): Turf[] {
  const n = addresses.length;
  if (n === 0) return [];
  k = Math.max(1, Math.min(Math.floor(k), n));
  // A fixed order (by id) so that the draws do not depend on the input's order.
  const sorted = [...addresses].sort((a, b) => a.id - b.id);
  const { x, y } = projectToLocalPlane(sorted);
  const random = seededRandom(seed);

  const centreX = new Float64Array(k);
  const centreY = new Float64Array(k);
  const nearest2 = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centreX[c] = x[chosen];
    centreY[c] = y[chosen];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d2 = (x[i] - centreX[c]) ** 2 + (y[i] - centreY[c]) ** 2;
      if (d2 < nearest2[i]) nearest2[i] = d2;
      total += nearest2[i];
    }
    if (c === k - 1) break;
    // Next centre drawn with probability proportional to the squared distance to the nearest.
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest2[i];
      if (target < 0) {
        chosen = i;
        break;
      }
    }
  }

  const cluster = new Int32Array(n).fill(-1);
  const sumX = new Float64Array(k);
  const sumY = new Float64Array(k);
  const count = new Int32Array(k);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD2 = Infinity;
      for (let c = 0; c < k; c++) {
        const dx = x[i] - centreX[c];
        const dy = y[i] - centreY[c];
        const d2 = dx * dx + dy * dy;
        if (d2 < bestD2) {
          bestD2 = d2;
          best = c;
        }
      }
      if (cluster[i] !== best) {
        cluster[i] = best;
        changed++;
      }
    }
    if (changed === 0) break;
    sumX.fill(0);
    sumY.fill(0);
    count.fill(0);
    for (let i = 0; i < n; i++) {
      sumX[cluster[i]] += x[i];
      sumY[cluster[i]] += y[i];
      count[cluster[i]]++;
    }
    for (let c = 0; c < k; c++) {
      if (count[c] === 0) continue;
      centreX[c] = sumX[c] / count[c];
      centreY[c] = sumY[c] / count[c];
    }
  }

  const members: TurfAddress[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[cluster[i]].push(sorted[i]);
  return members.filter((list) => list.length > 0).map(turfFromAddresses);
}
