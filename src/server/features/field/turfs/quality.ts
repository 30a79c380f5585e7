import { addressTable } from './columns.ts';
import { DEFAULT_STREET_GAP_METRES, streetPieces } from './streets.ts';
import { DEFAULT_TWO_OPT_SWEEPS, walkingTour } from './tour.ts';
import type { Turf, TurfAddress } from './types.ts';

export interface TurfQuality {
  turfCount: number;
  sizes: { min: number; median: number; max: number };
  /** Share of turfs with minSize ≤ addresses ≤ maxSize. */
  withinBoundsShare: number;
  streets: {
    /** Streets: street keys, split where a gap exceeds streetGapMetres (as cutTurfs sees them). */
    count: number;
    /** Share of streets whose addresses land in more than one turf. */
    splitShare: number;
    /** Streets of at most maxSize addresses, which cutTurfs never splits. */
    shortCount: number;
    shortSplitShare: number;
  };
  /** Estimated walk per turf (walkingTour: nearest neighbour + 2-opt, straight lines), metres. */
  walking: {
    meanMetres: number;
    medianMetres: number;
    p90Metres: number;
    /** Total walk over total addresses. */
    metresPerAddress: number;
    /** Each turf's walk, in the order of the turfs. */
    perTurf: number[];
  };
}

export interface QualityOptions {
  minSize?: number;
  maxSize?: number;
  streetGapMetres?: number;
  twoOptSweeps?: number;
}

/**
 * How good a cut is, measured the same way for any algorithm: sizes against the bounds, streets
 * split across turfs, and the walk each turf takes. Addresses no turf holds are ignored.
 */
export function turfQuality(
  addresses: readonly TurfAddress[],
  turfs: readonly Turf[],
  {
    minSize = 60,
    maxSize = 80,
    streetGapMetres = DEFAULT_STREET_GAP_METRES,
    twoOptSweeps = DEFAULT_TWO_OPT_SWEEPS,
  }: QualityOptions = {},
): TurfQuality {
  const table = addressTable(addresses);
  const { x, y } = table;
  const indexOfId = new Map<number, number>();
  table.id.forEach((id, i) => indexOfId.set(id, i));
  const turfOfAddress = new Int32Array(table.count).fill(-1);
  turfs.forEach((turf, t) => {
    for (const id of turf.addressIds) {
      const i = indexOfId.get(id);
      if (i !== undefined) turfOfAddress[i] = t;
    }
  });

  let streets = 0;
  let split = 0;
  let short = 0;
  let shortSplit = 0;
  for (const piece of streetPieces(table, streetGapMetres)) {
    const held = new Set<number>();
    for (const i of piece.members) if (turfOfAddress[i] >= 0) held.add(turfOfAddress[i]);
    if (held.size === 0) continue;
    const isSplit = held.size > 1;
    streets++;
    if (isSplit) split++;
    if (piece.members.length <= maxSize) {
      short++;
      if (isSplit) shortSplit++;
    }
  }

  const sizes = turfs.map((t) => t.addressCount).sort((a, b) => a - b);
  const perTurf = turfs.map((turf) => {
    const members = turf.addressIds
      .map((id) => indexOfId.get(id))
      .filter((i): i is number => i !== undefined);
    return walkingTour(
      members.map((i) => x[i]),
      members.map((i) => y[i]),
      twoOptSweeps,
    ).metres;
  });
  const walks = [...perTurf].sort((a, b) => a - b);
  const totalWalk = perTurf.reduce((sum, m) => sum + m, 0);
  const totalAddresses = sizes.reduce((sum, s) => sum + s, 0);

  return {
    turfCount: turfs.length,
    sizes: { min: sizes[0] ?? 0, median: quantile(sizes, 0.5), max: sizes[sizes.length - 1] ?? 0 },
    withinBoundsShare: share(
      sizes.filter((s) => s >= minSize && s <= maxSize).length,
      sizes.length,
    ),
    streets: {
      count: streets,
      splitShare: share(split, streets),
      shortCount: short,
      shortSplitShare: share(shortSplit, short),
    },
    walking: {
      meanMetres: turfs.length ? totalWalk / turfs.length : 0,
      medianMetres: quantile(walks, 0.5),
      p90Metres: quantile(walks, 0.9),
      metresPerAddress: totalAddresses ? totalWalk / totalAddresses : 0,
      perTurf,
    },
  };
}

const share = (part: number, whole: number) => (whole ? part / whole : 0);

/** Nearest-rank quantile of ascending values (0 for none). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
