import { describe, expect, it } from 'vitest';
import {
  areaInputSchema,
  ringAreaKm2,
  ringProblem,
  selfIntersects,
  type Position,
} from './committee-area.ts';

const square: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('committee area geometry', () => {
  it('accepts simple rings, convex or not, either way round', () => {
    const concave: Position[] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [3, 4],
      [3, 1],
      [1, 1],
      [1, 4],
      [0, 4],
      [0, 0],
    ];
    expect(ringProblem(square)).toBeNull();
    expect(ringProblem([...square].reverse())).toBeNull();
    expect(ringProblem(concave)).toBeNull();
    // A corner clicked twice is one corner.
    expect(
      ringProblem([square[0]!, square[1]!, square[1]!, square[2]!, square[3]!, square[0]!]),
    ).toBeNull();
  });

  it('finds crossings, touching corners and edges folded back on a line', () => {
    expect(
      selfIntersects([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toBe(true);
    // Two loops touching at (1, 1).
    expect(
      selfIntersects([
        [0, 0],
        [1, 1],
        [2, 0],
        [2, 2],
        [1, 1],
        [0, 2],
        [0, 0],
      ]),
    ).toBe(true);
    // A spike: out to (2, 0) and back along the same line.
    expect(
      selfIntersects([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBe(true);
    // Three corners on a line: no area.
    expect(
      selfIntersects([
        [0, 0],
        [1, 0],
        [2, 0],
        [0, 0],
      ]),
    ).toBe(true);
    expect(selfIntersects(square)).toBe(false);
  });

  it('says what is wrong: not closed, too few or too many corners', () => {
    expect(ringProblem(square.slice(0, 4))).toBe('polygon_not_closed');
    expect(
      ringProblem([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
    ).toBe('polygon_vertices');
    expect(
      ringProblem([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBeNull();
  });

  it('measures on the sphere', () => {
    // A degree square at the equator is about 12,364 km²; at 45° about 8,760 km².
    expect(ringAreaKm2(square)).toBeCloseTo(12_364, -2);
    const north = square.map(([x, y]) => [x, y + 44.5] as Position);
    expect(ringAreaKm2(north)).toBeGreaterThan(8_600);
    expect(ringAreaKm2(north)).toBeLessThan(8_900);
  });

  it('parses the three kinds, and names each problem with its code', () => {
    expect(
      areaInputSchema.parse({ kind: 'communes', communes: [' 2a004', '69123', '69123'] }),
    ).toEqual({
      kind: 'communes',
      communes: ['2A004', '69123'],
    });
    const bowtie = areaInputSchema.safeParse({
      kind: 'polygon',
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    });
    expect(bowtie.success).toBe(false);
    expect(bowtie.error?.issues.map((i) => i.message)).toEqual(['polygon_self_intersecting']);
  });
});
