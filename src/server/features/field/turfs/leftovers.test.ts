import { describe, expect, it } from 'vitest';
import { segmentAdjacency } from './adjacency.ts';
import { absorbLeftovers } from './leftovers.ts';
import { Partition } from './partition.ts';
import { projectToLocalPlane } from './projection.ts';
import { straightStreet } from './testing.ts';
import type { TurfAddress } from './types.ts';

const BOUNDS = { minSize: 60, maxSize: 80 };

/** Each street a segment, the segments in the turfs given. */
function partitionOf(streets: TurfAddress[][], turfOf: number[]): Partition {
  const addresses = streets.flat();
  const { x, y } = projectToLocalPlane(addresses);
  let next = 0;
  const members = streets.map((street) => street.map(() => next++));
  const points = {
    x: Float64Array.from(members, (m) => m.reduce((s, i) => s + x[i], 0) / m.length),
    y: Float64Array.from(members, (m) => m.reduce((s, i) => s + y[i], 0) / m.length),
    weight: Float64Array.from(members, (m) => m.length),
  };
  const adjacency = segmentAdjacency(members, x, y, 80);
  return new Partition(points, adjacency, Int32Array.from(turfOf), Math.max(...turfOf) + 1);
}

// A street of `count` doors running north from (x, 20), next to the main street's doors.
const side = (key: string, count: number, firstId: number, x: number) =>
  straightStreet({ streetKey: key, count, firstId, x, y: 20, dx: 0, dy: 1 });
const main = (count: number) => straightStreet({ streetKey: 'main', count, firstId: 1 });

describe('absorbLeftovers', () => {
  it('spreads a leftover over neighbours with room', () => {
    const partition = partitionOf([main(70), side('b', 8, 100, 50)], [0, 1]);
    absorbLeftovers(partition, BOUNDS, 8);
    expect(Array.from(partition.size)).toEqual([78, 0]);
    expect(Array.from(partition.turfOf)).toEqual([0, 0]);
  });

  it('merges a leftover whole when the turf stays within the tolerance', () => {
    const partition = partitionOf(
      [main(75), side('b', 5, 100, 50), side('c', 5, 200, 150)],
      [0, 1, 1],
    );
    absorbLeftovers(partition, BOUNDS, 8);
    expect(Array.from(partition.size)).toEqual([85, 0]);
  });

  it('keeps a leftover that would make too big a turf, or that has no neighbour', () => {
    const crowded = partitionOf(
      [main(75), side('b', 10, 100, 50), side('c', 10, 200, 150)],
      [0, 1, 1],
    );
    absorbLeftovers(crowded, BOUNDS, 8);
    expect(Array.from(crowded.size)).toEqual([75, 20]);
    const far = partitionOf([main(60), side('far', 10, 100, 5000)], [0, 1]);
    absorbLeftovers(far, BOUNDS, 8);
    expect(Array.from(far.size)).toEqual([60, 10]);
  });
});
