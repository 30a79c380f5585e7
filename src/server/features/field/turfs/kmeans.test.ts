import { describe, expect, it } from 'vitest';
import { kMeansTurfs } from './kmeans.ts';
import { addressAt } from './testing.ts';
import type { TurfAddress } from './types.ts';

/** `count` addresses in a 40 m square around (cx, cy), ids from `firstId`. */
const cluster = (cx: number, cy: number, count: number, firstId: number): TurfAddress[] =>
  Array.from({ length: count }, (_, i) =>
    addressAt(
      firstId + i,
      cx + ((i * 17) % 40) - 20,
      cy + ((i * 29) % 40) - 20,
      `s${firstId}`,
      i + 1,
    ),
  );

describe('kMeansTurfs', () => {
  const addresses = [
    ...cluster(0, 0, 30, 1),
    ...cluster(2000, 0, 50, 101),
    ...cluster(0, 2000, 20, 201),
  ];

  it('finds obvious clusters', () => {
    const turfs = kMeansTurfs(addresses, 3);
    const groups = turfs.map((t) => t.addressIds).sort((a, b) => a[0] - b[0]);
    expect(groups).toEqual([
      addresses.slice(0, 30).map((a) => a.id),
      addresses.slice(30, 80).map((a) => a.id),
      addresses.slice(80).map((a) => a.id),
    ]);
    expect(turfs.map((t) => t.addressCount).sort((a, b) => a - b)).toEqual([20, 30, 50]);
  });

  it('is deterministic for a seed, whatever the order of the input', () => {
    const first = kMeansTurfs(addresses, 7, { seed: 3 });
    expect(kMeansTurfs([...addresses].reverse(), 7, { seed: 3 })).toEqual(first);
    expect(first.reduce((sum, t) => sum + t.addressCount, 0)).toBe(addresses.length);
  });

  it('makes at most one turf per address and none for no address', () => {
    expect(kMeansTurfs(addresses.slice(0, 2), 5)).toHaveLength(2);
    expect(kMeansTurfs([], 3)).toEqual([]);
    expect(kMeansTurfs(addresses, 1)).toHaveLength(1);
  });
});
