import { describe, expect, it } from 'vitest';
import { turfFromAddresses } from './cut.ts';
import { turfQuality } from './quality.ts';
import { addressAt } from './testing.ts';
import { walkingTour } from './tour.ts';

describe('walkingTour', () => {
  it('walks points on a line end to end', () => {
    const { metres, order } = walkingTour([30, 0, 20, 10], [0, 0, 0, 0]);
    expect(metres).toBeCloseTo(30, 9);
    expect([order[0], order[3]].sort()).toEqual([0, 1]);
  });

  it('walks three sides of a square, and nothing for one point', () => {
    expect(walkingTour([0, 100, 100, 0], [0, 0, 100, 100]).metres).toBeCloseTo(300, 9);
    expect(walkingTour([5], [5])).toEqual({ metres: 0, order: [0] });
    expect(walkingTour([], [])).toEqual({ metres: 0, order: [] });
  });

  it('undoes what nearest neighbour gets wrong (two rows of doors)', () => {
    // Two rows 12 m apart, doors 10 m apart, plus a stray door: the best open walk goes up one
    // row and back the other, 2 × 90 m + 12 m.
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 10; i++) {
      x.push(i * 10, i * 10);
      y.push(6, -6);
    }
    const { metres } = walkingTour(x, y);
    expect(metres).toBeLessThanOrEqual(192 + 1e-6);
    expect(metres).toBeGreaterThanOrEqual(192 - 1e-6);
  });

  it('stays quick on 200 points', () => {
    const x = Array.from({ length: 200 }, (_, i) => (i * 7919) % 500);
    const y = Array.from({ length: 200 }, (_, i) => (i * 104729) % 300);
    const { order } = walkingTour(x, y);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});

describe('turfQuality', () => {
  // Street s1: three doors at x = 0, 10, 20; street s2: two doors at x = 1000, 1010.
  const addresses = [
    addressAt(1, 0, 0, 's1', 1),
    addressAt(2, 10, 0, 's1', 3),
    addressAt(3, 20, 0, 's1', 5),
    addressAt(4, 1000, 0, 's2', 1),
    addressAt(5, 1010, 0, 's2', 3),
  ];
  const byIds = (...ids: number[]) =>
    turfFromAddresses(addresses.filter((a) => ids.includes(a.id)));

  it('measures sizes, split streets and walks on a hand-made cut', () => {
    const quality = turfQuality(addresses, [byIds(1, 2), byIds(3, 4, 5)], {
      minSize: 2,
      maxSize: 2,
    });
    expect(quality.turfCount).toBe(2);
    expect(quality.sizes).toEqual({ min: 2, median: 2, max: 3 });
    expect(quality.withinBoundsShare).toBe(0.5);
    // s1 is split (doors 1, 2 | 3); s2 is not. Only s2 has at most maxSize (2) addresses.
    expect(quality.streets).toEqual({
      count: 2,
      splitShare: 0.5,
      shortCount: 1,
      shortSplitShare: 0,
    });
    expect(quality.walking.perTurf[0]).toBeCloseTo(10, 6);
    expect(quality.walking.perTurf[1]).toBeCloseTo(990, 6);
    expect(quality.walking.meanMetres).toBeCloseTo(500, 6);
    expect(quality.walking.medianMetres).toBeCloseTo(10, 6);
    expect(quality.walking.p90Metres).toBeCloseTo(990, 6);
    expect(quality.walking.metresPerAddress).toBeCloseTo(200, 6);
  });

  it('counts a short street split across turfs', () => {
    const quality = turfQuality(addresses, [byIds(1, 2, 3, 4), byIds(5)], {
      minSize: 1,
      maxSize: 10,
    });
    expect(quality.withinBoundsShare).toBe(1);
    expect(quality.streets).toEqual({
      count: 2,
      splitShare: 0.5,
      shortCount: 2,
      shortSplitShare: 0.5,
    });
  });

  it('tells apart streets of one key more than 400 m apart', () => {
    const sameKey = addresses.map((a) => ({ ...a, streetKey: 'route' }));
    const turfs = [turfFromAddresses(sameKey.slice(0, 3)), turfFromAddresses(sameKey.slice(3))];
    expect(turfQuality(sameKey, turfs).streets).toMatchObject({ count: 2, splitShare: 0 });
    expect(turfQuality(sameKey, turfs, { streetGapMetres: 2000 }).streets).toMatchObject({
      count: 1,
      splitShare: 1,
    });
  });

  it('is all zeros with no turf', () => {
    expect(turfQuality(addresses, [])).toMatchObject({
      turfCount: 0,
      withinBoundsShare: 0,
      streets: { count: 0, splitShare: 0 },
      walking: { meanMetres: 0, medianMetres: 0, p90Metres: 0, metresPerAddress: 0 },
    });
  });
});
