/** Seeded draws (mulberry32): a run with the same seed and the same creates repeats itself. */
export interface Random {
  /** In [0, 1). */
  next(): number;
  /** True with probability `share`. */
  chance(share: number): boolean;
  /** Uniform in [min, max]. */
  between(min: number, max: number): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (share) => share > 0 && next() < share,
    between: (min, max) => min + (max - min) * next(),
  };
}
