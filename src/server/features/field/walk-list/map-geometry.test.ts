import { describe, expect, it } from 'vitest';
import {
  fitProjection,
  frameHeight,
  isPosition,
  placeLabels,
  roundScaleLength,
  scaleLabel,
  type Box,
} from './map-geometry.ts';
import type { LonLat } from './types.ts';

const frame = { x: 36, y: 200, width: 500, height: 300 };
/** About 330 m east to west and 220 m north to south, in Lyon. */
const lyon: LonLat[] = [
  [4.84, 45.75],
  [4.8442, 45.752],
  [4.842, 45.751],
];

describe('the projection', () => {
  it('puts every position inside the frame less its padding, north up', () => {
    const { toPage } = fitProjection(lyon, frame, 18);
    for (const position of lyon) {
      const [x, y] = toPage(position);
      expect(x).toBeGreaterThanOrEqual(frame.x + 18 - 1e-9);
      expect(x).toBeLessThanOrEqual(frame.x + frame.width - 18 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(frame.y + 18 - 1e-9);
      expect(y).toBeLessThanOrEqual(frame.y + frame.height - 18 + 1e-9);
    }
    const [, south] = toPage([4.84, 45.75]);
    const [, north] = toPage([4.84, 45.752]);
    expect(north).toBeLessThan(south);
  });

  it('keeps distances true: as many points for 100 m east as for 100 m north', () => {
    const { toPage, metresPerPoint } = fitProjection(lyon, frame, 18);
    const eastDegrees = 100 / (111_195 * Math.cos((45.751 * Math.PI) / 180));
    const northDegrees = 100 / 111_195;
    const [x0, y0] = toPage([4.842, 45.751]);
    const [xEast] = toPage([4.842 + eastDegrees, 45.751]);
    const [, yNorth] = toPage([4.842, 45.751 + northDegrees]);
    expect((xEast - x0) * metresPerPoint).toBeCloseTo(100, 0);
    expect((y0 - yNorth) * metresPerPoint).toBeCloseTo(100, 0);
  });

  it('zooms no closer than 80 m across for a single address', () => {
    const { metresPerPoint } = fitProjection([[2.35, 48.85]], frame, 18);
    expect((frame.height - 36) * metresPerPoint).toBeCloseTo(80, 6);
  });

  it('gives the frame the shape of the turf, within bounds', () => {
    expect(frameHeight(lyon, 500, 170, 330)).toBeCloseTo(330, 0);
    const wide: LonLat[] = [
      [4.83, 45.75],
      [4.85, 45.7505],
    ];
    expect(frameHeight(wide, 500, 170, 330)).toBe(170);
  });

  it('tells a position from NaN and numbers off the globe', () => {
    expect(isPosition([4.84, 45.75])).toBe(true);
    expect(isPosition([NaN, 45.75])).toBe(false);
    expect(isPosition([4.84, 91])).toBe(false);
    expect(isPosition([181, 0])).toBe(false);
    expect(isPosition([Infinity, 0])).toBe(false);
  });
});

describe('the scale bar', () => {
  it('takes the longest round length that fits', () => {
    expect([1, 3.7, 9.9, 180, 260, 740, 1500, 2600].map(roundScaleLength)).toEqual([
      1, 2, 5, 100, 200, 500, 1000, 2000,
    ]);
  });

  it('writes metres under a kilometre, kilometres from one', () => {
    expect(scaleLabel(50)).toBe('50 m');
    expect(scaleLabel(500)).toBe('500 m');
    expect(scaleLabel(1000)).toBe('1 km');
    expect(scaleLabel(5000)).toBe('5 km');
  });
});

describe('label placement', () => {
  const bounds = { x: 0, y: 0, width: 100, height: 100 };
  const at = (x: number, y: number): Box => ({ x, y, width: 10, height: 5 });

  it('takes the first candidate that is free, inside and clear of the reserved', () => {
    const placed = placeLabels(
      [
        [at(10, 10), at(50, 50)],
        [at(12, 12), at(30, 30)],
        [at(95, 10), at(60, 60), at(70, 70)],
      ],
      bounds,
      [at(60, 60)],
    );
    expect(placed).toEqual([at(10, 10), at(30, 30), at(70, 70)]);
  });

  it('leaves out a label with no free candidate', () => {
    expect(placeLabels([[at(10, 10)], [at(14, 12)]], bounds)).toEqual([at(10, 10), null]);
  });

  it('places 2,000 labels on a crowded frame, none over another', () => {
    const candidates = Array.from({ length: 2000 }, (_, i) => [
      at((i * 7) % 90, Math.floor(i / 13) % 95),
      at((i * 3) % 90, (i * 11) % 95),
    ]);
    const placed = placeLabels(candidates, bounds).filter((box): box is Box => box !== null);
    expect(placed.length).toBeGreaterThan(50);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
  });
});
