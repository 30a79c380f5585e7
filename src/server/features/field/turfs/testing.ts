import { lonLatAround } from './projection.ts';
import type { TurfAddress } from './types.ts';

/** Where test addresses are drawn, in metres east (x) and north (y) of this point. */
export const TEST_ORIGIN = { lon: 2.35, lat: 48.85 };

export const addressAt = (
  id: number,
  x: number,
  y: number,
  streetKey: string,
  number: number,
  suffix: string | null = null,
): TurfAddress => ({ id, ...lonLatAround(TEST_ORIGIN, x, y), streetKey, number, suffix });

/**
 * A straight street of `count` addresses numbered 1…count from (x, y) along (dx, dy) (a unit
 * vector): odd numbers on the left, even on the right, `width` metres apart, `spacing` metres
 * between doors on a side. Ids from `firstId`.
 */
export function straightStreet(options: {
  streetKey: string;
  count: number;
  firstId: number;
  x?: number;
  y?: number;
  dx?: number;
  dy?: number;
  spacing?: number;
  width?: number;
}): TurfAddress[] {
  const { streetKey, count, firstId, x = 0, y = 0, dx = 1, dy = 0 } = options;
  const spacing = options.spacing ?? 10;
  const width = options.width ?? 12;
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const along = Math.floor(i / 2) * spacing;
    const side = number % 2 === 1 ? 1 : -1;
    // Left of the direction (dx, dy) is (−dy, dx).
    const px = x + along * dx - (side * width * dy) / 2;
    const py = y + along * dy + (side * width * dx) / 2;
    return addressAt(firstId + i, px, py, streetKey, number);
  });
}
