import { describe, expect, it } from 'vitest';
import { compareHouseNumbers, suffixRank } from './house-number.ts';
import { addressAt, straightStreet } from './testing.ts';
import type { TurfAddress } from './types.ts';
import { walkOrder } from './walk-order.ts';

const label = (addresses: readonly TurfAddress[]) => {
  const byId = new Map(addresses.map((a) => [a.id, a]));
  return (id: number) => {
    const a = byId.get(id)!;
    return a.number === 0 ? `${a.streetKey}:-` : `${a.streetKey}:${a.number}${a.suffix ?? ''}`;
  };
};
const order = (addresses: TurfAddress[], options?: Parameters<typeof walkOrder>[1]) =>
  walkOrder(addresses, options).map((stop) => label(addresses)(stop.id));

describe('house numbers', () => {
  it('orders 10, 10 a, 10 bis, 10 b, 10 ter, 11', () => {
    const numbers = [
      { id: 1, number: 11, suffix: null },
      { id: 2, number: 10, suffix: 'ter' },
      { id: 3, number: 10, suffix: 'B' },
      { id: 4, number: 10, suffix: 'bis' },
      { id: 5, number: 10, suffix: null },
      { id: 6, number: 10, suffix: 'a' },
    ];
    expect(numbers.sort(compareHouseNumbers).map((n) => `${n.number}${n.suffix ?? ''}`)).toEqual([
      '10',
      '10a',
      '10bis',
      '10B',
      '10ter',
      '11',
    ]);
    expect([null, '', 'bis', 'ter', 'quater', 'a', 'c', 'escalier 2'].map(suffixRank)).toEqual([
      0, 0, 1, 2, 3, 1, 3, 100,
    ]);
  });
});

describe('walkOrder', () => {
  // 1–11: odd doors on the north side (y = +6), even on the south, 10 m apart along x.
  const street = straightStreet({ streetKey: 'rue', count: 11, firstId: 1 });

  it('walks odd numbers up then even numbers back down, one side then the other', () => {
    expect(order(street, { sides: 'one-side-then-other' })).toEqual(
      [1, 3, 5, 7, 9, 11, 10, 8, 6, 4, 2].map((n) => `rue:${n}`),
    );
  });

  it('walks every number in turn in zigzag', () => {
    expect(order(street, { sides: 'zigzag' })).toEqual(
      Array.from({ length: 11 }, (_, i) => `rue:${i + 1}`),
    );
  });

  it('marks the side of each stop', () => {
    const stops = walkOrder([...street.slice(0, 2), addressAt(99, 40, 0, 'rue', 0)], {
      sides: 'zigzag',
    });
    expect(stops.map((s) => s.side)).toEqual(['odd', 'even', 'none']);
    expect(stops[0]).toEqual({ id: 1, streetKey: 'rue', side: 'odd' });
  });

  it('puts 10 bis and 10 ter after 10 and before 11', () => {
    const addresses = [
      ...straightStreet({ streetKey: 'rue', count: 12, firstId: 1 }),
      { ...addressAt(20, 47, -6, 'rue', 10), suffix: 'ter' },
      { ...addressAt(21, 46, -6, 'rue', 10), suffix: 'bis' },
    ];
    const zigzag = order(addresses, { sides: 'zigzag' });
    expect(zigzag.slice(8, 13)).toEqual(['rue:9', 'rue:10', 'rue:10bis', 'rue:10ter', 'rue:11']);
    // Coming back down the even side: 12, 10 ter, 10 bis, 10, 8.
    const sides = order(addresses, { sides: 'one-side-then-other' });
    expect(sides.slice(6, 11)).toEqual(['rue:12', 'rue:10ter', 'rue:10bis', 'rue:10', 'rue:8']);
  });

  it('puts addresses without a number at the end of their street, by position', () => {
    const addresses = [
      ...straightStreet({ streetKey: 'rue', count: 10, firstId: 1 }),
      addressAt(30, 5, 15, 'rue', 0),
      addressAt(31, 35, 15, 'rue', 0),
    ];
    // Zigzag ends at the high end (x = 40): the unnumbered door nearer it first.
    const zigzag = walkOrder(addresses, { sides: 'zigzag' });
    expect(zigzag.map((s) => label(addresses)(s.id))).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `rue:${i + 1}`),
      'rue:-',
      'rue:-',
    ]);
    expect(zigzag.slice(-2).map((s) => s.id)).toEqual([31, 30]);
    // One side then the other ends back at the low end: the unnumbered door there first.
    const sides = walkOrder(addresses, { sides: 'one-side-then-other' });
    expect(sides.slice(-2).map((s) => s.id)).toEqual([30, 31]);
  });

  it('takes streets one after another, entering each at its nearest end', () => {
    // 'c' runs west from (-300, 300) to (-340, 300), away from the rest: its high end reaches
    // farthest out, so the walk starts there, numbers falling. Then 'a', east from (0, 0) to
    // (190, 0), entered at its west end; then 'b', north from (210, 20), near the end of 'a'.
    const addresses = [
      ...straightStreet({ streetKey: 'a', count: 40, firstId: 1 }),
      ...straightStreet({ streetKey: 'b', count: 20, firstId: 41, x: 210, y: 20, dx: 0, dy: 1 }),
      ...straightStreet({ streetKey: 'c', count: 10, firstId: 61, x: -300, y: 300, dx: -1 }),
    ];
    const stops = walkOrder(addresses, { sides: 'zigzag' });
    expect(stops.map((s) => s.streetKey)).toEqual([
      ...Array(10).fill('c'),
      ...Array(40).fill('a'),
      ...Array(20).fill('b'),
    ]);
    const names = stops.map((s) => label(addresses)(s.id));
    expect(names.slice(0, 3)).toEqual(['c:10', 'c:9', 'c:8']);
    expect(names.slice(9, 12)).toEqual(['c:1', 'a:1', 'a:2']);
    expect(names.slice(49, 52)).toEqual(['a:40', 'b:1', 'b:2']);
    // Alone, a street is walked from its low end.
    expect(
      order(
        addresses.filter((a) => a.streetKey === 'c'),
        { sides: 'zigzag' },
      )[0],
    ).toBe('c:1');
  });

  it('chooses zigzag on a narrow street of sparse houses, one side then the other on an avenue', () => {
    const lane = straightStreet({
      streetKey: 'lane',
      count: 10,
      firstId: 1,
      spacing: 40,
      width: 10,
    });
    expect(order(lane)).toEqual(Array.from({ length: 10 }, (_, i) => `lane:${i + 1}`));
    const avenue = straightStreet({
      streetKey: 'avenue',
      count: 10,
      firstId: 1,
      spacing: 10,
      width: 40,
    });
    expect(order(avenue)).toEqual([1, 3, 5, 7, 9, 10, 8, 6, 4, 2].map((n) => `avenue:${n}`));
    // Dense and narrow: one side then the other is shorter.
    const dense = straightStreet({
      streetKey: 'dense',
      count: 10,
      firstId: 1,
      spacing: 6,
      width: 12,
    });
    expect(order(dense)[5]).toBe('dense:10');
  });

  it('lets a street be told how to walk it', () => {
    const lane = straightStreet({
      streetKey: 'lane',
      count: 6,
      firstId: 1,
      spacing: 40,
      width: 10,
    });
    expect(order(lane, { sidesByStreet: { lane: 'one-side-then-other' } })).toEqual([
      'lane:1',
      'lane:3',
      'lane:5',
      'lane:6',
      'lane:4',
      'lane:2',
    ]);
    expect(
      order(lane, { sides: 'one-side-then-other', sidesByStreet: { lane: 'zigzag' } }),
    ).toEqual(Array.from({ length: 6 }, (_, i) => `lane:${i + 1}`));
  });

  it('is the same whatever the order of the input', () => {
    const addresses = [
      ...straightStreet({ streetKey: 'a', count: 10, firstId: 1 }),
      ...straightStreet({ streetKey: 'b', count: 6, firstId: 11, x: 60, y: 20, dx: 0, dy: 1 }),
    ];
    expect(walkOrder([...addresses].reverse())).toEqual(walkOrder(addresses));
    expect(walkOrder([])).toEqual([]);
  });
});
