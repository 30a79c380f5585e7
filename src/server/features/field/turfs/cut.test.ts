import { describe, expect, it } from 'vitest';
import { cutTurfs } from './cut.ts';
import { turfQuality } from './quality.ts';
import { syntheticTown } from './synthetic-town.ts';
import { addressAt, straightStreet } from './testing.ts';
import type { Turf, TurfAddress } from './types.ts';

/** Rows of streets 100 m apart, each row cut into streets of `counts[c]` addresses. */
function grid(rows: number, counts: number[]): TurfAddress[] {
  const addresses: TurfAddress[] = [];
  for (let r = 0; r < rows; r++) {
    let x = 0;
    counts.forEach((count, c) => {
      addresses.push(
        ...straightStreet({
          streetKey: `r${r}-c${c}`,
          count,
          firstId: addresses.length + 1,
          x,
          y: r * 100,
        }),
      );
      x += Math.ceil(count / 2) * 10 + 30;
    });
  }
  return addresses;
}

const turfOfEach = (turfs: Turf[]) => {
  const turfOf = new Map<number, number>();
  turfs.forEach((turf, t) => turf.addressIds.forEach((id) => turfOf.set(id, t)));
  return turfOf;
};

describe('cutTurfs', () => {
  it('cuts a grid of short streets into turfs within 60–80 addresses, streets whole', () => {
    const addresses = grid(10, [40, 40, 40, 40, 40]);
    const turfs = cutTurfs(addresses);
    expect(turfs.map((t) => t.addressCount).every((n) => n >= 60 && n <= 80)).toBe(true);
    expect(turfs.reduce((sum, t) => sum + t.addressCount, 0)).toBe(addresses.length);
    const turfOf = turfOfEach(turfs);
    for (const key of new Set(addresses.map((a) => a.streetKey))) {
      const held = new Set(
        addresses.filter((a) => a.streetKey === key).map((a) => turfOf.get(a.id)),
      );
      expect(held.size, key).toBe(1);
    }
  });

  it('keeps most turfs within bounds on uneven streets, and never splits a short one', () => {
    // 12 rows of 7 streets of 6 to 50 addresses.
    const addresses: TurfAddress[] = [];
    for (let r = 0; r < 12; r++) {
      let x = 0;
      for (let c = 0; c < 7; c++) {
        const count = 6 + ((7919 + r * 31337 + c * 104729) % 45);
        addresses.push(
          ...straightStreet({
            streetKey: `r${r}-c${c}`,
            count,
            firstId: addresses.length + 1,
            x,
            y: r * 100,
          }),
        );
        x += Math.ceil(count / 2) * 10 + 30;
      }
    }
    const turfs = cutTurfs(addresses);
    const quality = turfQuality(addresses, turfs);
    expect(quality.withinBoundsShare).toBeGreaterThanOrEqual(0.9);
    expect(quality.streets.splitShare).toBe(0);
  });

  it('cuts a long street into contiguous stretches with both of their sides', () => {
    const addresses = straightStreet({ streetKey: 'long', count: 300, firstId: 1 });
    const turfs = cutTurfs(addresses);
    expect(turfs.map((t) => t.addressCount)).toEqual([75, 75, 75, 75]);
    const numberOf = new Map(addresses.map((a) => [a.id, a.number]));
    const ranges = turfs
      .map((turf) => turf.addressIds.map((id) => numberOf.get(id)!).sort((a, b) => a - b))
      .sort((a, b) => a[0] - b[0]);
    let next = 1;
    for (const numbers of ranges) {
      // Every number of its stretch, odd and even: 1–75, 76–150…
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => next + i));
      next += numbers.length;
    }
  });

  it('orders a long street along its axis when its numbers do not follow it', () => {
    // Numbers shuffled along the street: stretches follow positions, not numbers.
    const street = straightStreet({ streetKey: 'shuffled', count: 160, firstId: 1 });
    const numbers = street.map((a) => a.number);
    const scrambled = street.map((a, i) => ({ ...a, number: numbers[(i * 37) % numbers.length] }));
    const turfs = cutTurfs(scrambled);
    expect(turfs).toHaveLength(2);
    const x = new Map(street.map((a) => [a.id, a.lon]));
    const [first, second] = turfs
      .map((t) => t.addressIds.map((id) => x.get(id)!))
      .sort((a, b) => Math.min(...a) - Math.min(...b));
    expect(Math.max(...first)).toBeLessThanOrEqual(Math.min(...second));
  });

  it('makes one turf of an area under the minimum size', () => {
    const addresses = [
      ...straightStreet({ streetKey: 'a', count: 20, firstId: 1 }),
      ...straightStreet({ streetKey: 'b', count: 15, firstId: 21, y: 100 }),
    ];
    const turfs = cutTurfs(addresses);
    expect(turfs).toHaveLength(1);
    expect(turfs[0]).toMatchObject({ addressCount: 35, streetKeys: ['a', 'b'] });
    expect(turfs[0].addressIds).toEqual(addresses.map((a) => a.id));
  });

  it('keeps a far hamlet apart rather than merging it into the town', () => {
    const town = grid(4, [40, 30]);
    const hamlet = straightStreet({ streetKey: 'hamlet', count: 20, firstId: 1000, x: 3000 });
    const turfs = cutTurfs([...town, ...hamlet]);
    const hamletTurf = turfs.find((t) => t.addressIds.includes(1000))!;
    expect(hamletTurf.addressIds).toEqual(hamlet.map((a) => a.id));
    expect(turfs.reduce((sum, t) => sum + t.addressCount, 0)).toBe(town.length + hamlet.length);
  });

  it('splits a street key at a long gap (the same name in two places)', () => {
    const addresses = [
      ...straightStreet({ streetKey: 'route', count: 40, firstId: 1 }),
      ...straightStreet({ streetKey: 'route', count: 30, firstId: 41, x: 5000 }),
    ];
    const turfs = cutTurfs(addresses);
    expect(turfs.map((t) => t.addressCount).sort()).toEqual([30, 40]);
  });

  it('is deterministic and does not depend on the order of the input', () => {
    const town = syntheticTown(3000, 7);
    const first = cutTurfs(town);
    expect(cutTurfs(town)).toEqual(first);
    const shuffled = [...town].sort((a, b) => ((a.id * 7919) % 3001) - ((b.id * 7919) % 3001));
    expect(cutTurfs(shuffled)).toEqual(first);
  });

  it('cuts a synthetic town within bounds, short streets whole', () => {
    const town = syntheticTown(5000, 3);
    const turfs = cutTurfs(town);
    const quality = turfQuality(town, turfs);
    expect(quality.withinBoundsShare).toBeGreaterThan(0.9);
    expect(quality.streets.shortSplitShare).toBe(0);
    expect(new Set(turfs.flatMap((t) => t.addressIds)).size).toBe(town.length);
  });

  it('honours other bounds, gives centroids and street keys', () => {
    const addresses = grid(4, [20, 20, 20]);
    const turfs = cutTurfs(addresses, { minSize: 35, maxSize: 45 });
    expect(turfs.every((t) => t.addressCount >= 35 && t.addressCount <= 45)).toBe(true);
    for (const turf of turfs) {
      const members = addresses.filter((a) => turf.addressIds.includes(a.id));
      const lon = members.reduce((s, a) => s + a.lon, 0) / members.length;
      expect(turf.centroid.lon).toBeCloseTo(lon, 9);
      expect(turf.streetKeys).toEqual([...new Set(members.map((a) => a.streetKey))].sort());
    }
  });

  it('handles no addresses, one address, and refuses impossible bounds', () => {
    expect(cutTurfs([])).toEqual([]);
    expect(cutTurfs([addressAt(5, 0, 0, 'a', 1)])).toMatchObject([
      { addressIds: [5], addressCount: 1, streetKeys: ['a'] },
    ]);
    expect(() => cutTurfs([addressAt(5, 0, 0, 'a', 1)], { minSize: 80, maxSize: 60 })).toThrow(
      RangeError,
    );
  });
});
