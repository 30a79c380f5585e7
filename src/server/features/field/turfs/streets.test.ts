import { describe, expect, it } from 'vitest';
import { addressTable } from './columns.ts';
import { cutStreetIntoStretches, streetOrder } from './stretches.ts';
import { streetPieces } from './streets.ts';
import { addressAt, straightStreet } from './testing.ts';

describe('streetPieces', () => {
  it('groups by street key, in key order, and splits a key at a gap over 400 m', () => {
    const addresses = [
      ...straightStreet({ streetKey: 'b', count: 6, firstId: 1 }),
      ...straightStreet({ streetKey: 'a', count: 4, firstId: 7, y: 100 }),
      // The same key 1 km east: another place.
      ...straightStreet({ streetKey: 'b', count: 3, firstId: 11, x: 1000 }),
      // 300 m along: still the same street.
      addressAt(14, 330, 0, 'a', 9),
    ];
    const table = addressTable(addresses);
    const pieces = streetPieces(table).map((p) => ({
      key: p.streetKey,
      ids: p.members.map((i) => table.id[i]),
    }));
    expect(pieces).toEqual([
      { key: 'a', ids: [7, 8, 9, 10, 14] },
      { key: 'b', ids: [1, 2, 3, 4, 5, 6] },
      { key: 'b', ids: [11, 12, 13] },
    ]);
    expect(streetPieces(table, 5000).map((p) => p.members.length)).toEqual([5, 9]);
    expect(streetPieces(table, 100).map((p) => p.members.length)).toEqual([4, 1, 6, 3]);
  });
});

const BOUNDS = { minSize: 60, maxSize: 80 };

describe('stretches of a long street', () => {
  it('returns a street of at most maxSize addresses whole', () => {
    const street = straightStreet({ streetKey: 's', count: 80, firstId: 1 });
    const members = street.map((_, i) => i);
    expect(cutStreetIntoStretches(members, addressTable(street), BOUNDS, 4).stretches).toEqual([
      members,
    ]);
  });

  it('cuts by house number, both sides of each stretch together, 10 bis with 10', () => {
    const street = straightStreet({ streetKey: 's', count: 100, firstId: 1 });
    // 20 bis, between 20 and 21, right where a cut would fall.
    street.push({ ...addressAt(101, 95, -6, 's', 20), suffix: 'bis' });
    // Table indices follow ids: the array's order here.
    const { order, stretches } = cutStreetIntoStretches(
      street.map((_, i) => i),
      addressTable(street),
      BOUNDS,
      4,
    );
    expect(order).toBe('number');
    // 101 addresses make one turf (turfCountFor), cut in 4 stretches.
    expect(stretches).toHaveLength(4);
    expect(stretches.flat().sort((a, b) => a - b)).toEqual(street.map((_, i) => i));
    let next = 1;
    for (const stretch of stretches) {
      expect(Math.abs(stretch.length - 25)).toBeLessThanOrEqual(1);
      // Every number of its range, odd and even, in order (20 bis right after 20).
      const numbers = [...new Set(stretch.map((i) => street[i].number))];
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => next + k));
      next += numbers.length;
      const twenty = stretch.filter((i) => street[i].number === 20);
      expect(twenty.length === 0 || twenty.length === 2).toBe(true);
    }
  });

  it('puts an address without a number with the numbered door nearest to it', () => {
    const street = straightStreet({ streetKey: 's', count: 100, firstId: 1 });
    street.push(addressAt(101, 240, 15, 's', 0));
    const { sorted } = streetOrder(
      street.map((_, i) => i),
      addressTable(street),
    );
    const at = sorted.indexOf(100);
    // Door 49 and 50 stand 240 m along.
    expect([street[sorted[at - 1]].number, street[sorted[at + 1]].number]).toEqual([49, 50]);
  });

  it('orders along the street when numbers are missing or scattered', () => {
    const street = straightStreet({ streetKey: 's', count: 100, firstId: 1 }).map((a, i) => ({
      ...a,
      number: i % 3 === 0 ? 0 : a.number,
    }));
    const members = street.map((_, i) => i);
    expect(streetOrder(members, addressTable(street)).order).toBe('axis');
    const scattered = addressTable(street.map((a, i) => ({ ...a, number: ((i * 37) % 100) + 1 })));
    const result = streetOrder(members, scattered);
    expect(result.order).toBe('axis');
    const along = result.sorted.map((i) => scattered.x[i]);
    expect(along).toEqual([...along].sort((a, b) => a - b));
  });
});
