import { principalAxis } from './axis.ts';
import { compareHouseNumbers, sideOf, type StreetSide } from './house-number.ts';
import { projectToLocalPlane } from './projection.ts';
import type { TurfAddress } from './types.ts';

/**
 * 'one-side-then-other': odd numbers up, cross once, even numbers back down (a wide or busy
 * street); 'zigzag': every number in turn, 1, 2, 3, 4… (a small street one crosses freely).
 */
export type SideMode = 'one-side-then-other' | 'zigzag';

/** In 'auto', only a street whose two sides are at most this far apart is walked zigzag. */
export const ZIGZAG_MAX_WIDTH_METRES = 20;

// Ends of a street this close in distance from the turf's centre count as equally far out.
const START_SLACK_METRES = 20;

export interface WalkOrderOptions {
  /** Default 'auto': zigzag on a narrow street where it is the shorter walk (see chooseMode). */
  sides?: SideMode | 'auto';
  /** Per street key; wins over `sides`. */
  sidesByStreet?: Readonly<Record<string, SideMode>>;
}

export interface WalkStop {
  id: number;
  streetKey: string;
  /** 'none' for an address without a number. */
  side: StreetSide;
}

interface Point {
  address: TurfAddress;
  x: number;
  y: number;
  /** Position along the street, rising with the numbers. */
  t: number;
}

/**
 * The walk list of one turf. Streets are taken one after another by nearest neighbour: the
 * walk starts on the street reaching farthest from the turf's centre, at its low-numbered end
 * (its high end when that is more than 20 m farther out), and from the last door of a street
 * goes to the nearest end of a street not yet walked, which it enters there. A street entered
 * at its low end is walked numbers rising (zigzag: 1, 2, 3…; one side then the other: odd
 * numbers up, even numbers back down); entered at its high end, the other way round (zigzag
 * falling; even numbers down, odd numbers back up). 10 bis and 10 ter come after 10 on the way
 * up. Addresses without a number come last in their street, by position, starting from the end
 * nearer to where the numbered walk ended. Streets are told apart by street key only.
 */
export function walkOrder(
  addresses: readonly TurfAddress[],
  options: WalkOrderOptions = {},
): WalkStop[] {
  if (addresses.length === 0) return [];
  const sorted = [...addresses].sort((a, b) => a.id - b.id);
  const { x, y } = projectToLocalPlane(sorted);
  const byStreet = new Map<string, Point[]>();
  sorted.forEach((address, i) => {
    const point = { address, x: x[i], y: y[i], t: 0 };
    const list = byStreet.get(address.streetKey);
    if (list) list.push(point);
    else byStreet.set(address.streetKey, [point]);
  });
  const keys = [...byStreet.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  // Each street walked from either end: [entering at the low numbers, entering at the high].
  const ways = keys.map((key) => {
    const points = byStreet.get(key)!;
    const mode = options.sidesByStreet?.[key] ?? chooseMode(points, options.sides ?? 'auto');
    return [streetWalk(points, mode, 'up'), streetWalk(points, mode, 'down')];
  });

  let cx = 0;
  let cy = 0;
  for (let i = 0; i < sorted.length; i++) {
    cx += x[i];
    cy += y[i];
  }
  cx /= sorted.length;
  cy /= sorted.length;

  // The first street: the one reaching farthest from the centre, entered at its low end
  // unless its high end is farther out by more than START_SLACK_METRES.
  const fromCentre = (p: Point) => Math.hypot(p.x - cx, p.y - cy);
  let first = 0;
  let farthest = -1;
  ways.forEach(([up, down], s) => {
    const reach = Math.max(fromCentre(up[0]), fromCentre(down[0]));
    if (reach > farthest) {
      farthest = reach;
      first = s;
    }
  });
  const [firstUp, firstDown] = ways[first];
  const firstWay =
    fromCentre(firstDown[0]) > fromCentre(firstUp[0]) + START_SLACK_METRES ? firstDown : firstUp;

  const done = new Uint8Array(keys.length);
  const stops: WalkStop[] = [];
  let current: Point | null = null;
  for (let step = 0; step < keys.length; step++) {
    let best: Point[] = firstWay;
    let bestStreet = first;
    let bestScore = Infinity;
    if (current) {
      const here = current;
      ways.forEach((pair, s) => {
        if (done[s]) return;
        for (const way of pair) {
          const score = Math.hypot(way[0].x - here.x, way[0].y - here.y);
          if (score < bestScore) {
            bestScore = score;
            best = way;
            bestStreet = s;
          }
        }
      });
    }
    done[bestStreet] = 1;
    for (const p of best) {
      stops.push({
        id: p.address.id,
        streetKey: p.address.streetKey,
        side: sideOf(p.address.number),
      });
    }
    current = best[best.length - 1];
  }
  return stops;
}

/**
 * 'auto': zigzag when the street is narrow (its two sides at most ZIGZAG_MAX_WIDTH_METRES
 * apart, median over its doors) and zigzagging is the shorter walk (sparse houses); one side
 * then the other otherwise. A street with one side only is walked the same either way.
 */
function chooseMode(points: Point[], sides: SideMode | 'auto'): SideMode {
  if (sides !== 'auto') return sides;
  const odd = points.filter((p) => sideOf(p.address.number) === 'odd');
  const even = points.filter((p) => sideOf(p.address.number) === 'even');
  if (odd.length === 0 || even.length === 0) return 'one-side-then-other';
  const across = [...odd, ...even].map((p) => {
    let nearest = Infinity;
    for (const q of sideOf(p.address.number) === 'odd' ? even : odd) {
      nearest = Math.min(nearest, Math.hypot(p.x - q.x, p.y - q.y));
    }
    return nearest;
  });
  across.sort((a, b) => a - b);
  if (across[Math.floor(across.length / 2)] > ZIGZAG_MAX_WIDTH_METRES) return 'one-side-then-other';
  const length = (walk: Point[]) => {
    let total = 0;
    for (let i = 1; i < walk.length; i++) {
      total += Math.hypot(walk[i].x - walk[i - 1].x, walk[i].y - walk[i - 1].y);
    }
    return total;
  };
  return length(streetWalk(points, 'zigzag', 'up')) <
    length(streetWalk(points, 'one-side-then-other', 'up'))
    ? 'zigzag'
    : 'one-side-then-other';
}

/**
 * Positions along the street: along the line from its lower half of numbers to its upper half
 * (robust on a short street whose doors stand far from its middle), or along its principal
 * axis when it has fewer than two different numbers.
 */
function orient(points: Point[]) {
  const numbered = points.filter((p) => p.address.number > 0);
  const numbers = numbered.map((p) => p.address.number).sort((a, b) => a - b);
  const median = numbers[Math.floor(numbers.length / 2)];
  const low = numbered.filter((p) => p.address.number < median);
  const high = numbered.filter((p) => p.address.number >= median);
  const mean = (list: Point[], k: 'x' | 'y') =>
    list.reduce((sum, p) => sum + p[k], 0) / list.length;
  let ux: number;
  let uy: number;
  if (low.length > 0 && high.length > 0) {
    ux = mean(high, 'x') - mean(low, 'x');
    uy = mean(high, 'y') - mean(low, 'y');
  } else {
    const axis = principalAxis(
      points.map((_, i) => i),
      points.map((p) => p.x),
      points.map((p) => p.y),
    );
    [ux, uy] = [axis.ux, axis.uy];
  }
  const norm = Math.hypot(ux, uy) || 1;
  for (const p of points) p.t = (p.x * ux + p.y * uy) / norm;
}

function streetWalk(points: Point[], mode: SideMode, direction: 'up' | 'down'): Point[] {
  orient(points);
  const rising = (a: Point, b: Point) => compareHouseNumbers(a.address, b.address);
  const falling = (a: Point, b: Point) => -rising(a, b);
  const odd = points.filter((p) => sideOf(p.address.number) === 'odd');
  const even = points.filter((p) => sideOf(p.address.number) === 'even');
  const unnumbered = points.filter((p) => p.address.number <= 0);

  let walk: Point[];
  if (mode === 'zigzag') {
    walk = [...odd, ...even].sort(direction === 'up' ? rising : falling);
  } else {
    // Up one side and back down the other; entered at the high end, down one side and back up.
    const [first = [], second = []] = (direction === 'up' ? [odd, even] : [even, odd]).filter(
      (side) => side.length > 0,
    );
    const [out, back] = direction === 'up' ? [rising, falling] : [falling, rising];
    walk = [...first.sort(out), ...second.sort(back)];
  }

  let low = Infinity;
  let high = -Infinity;
  for (const p of points) {
    low = Math.min(low, p.t);
    high = Math.max(high, p.t);
  }
  const last = walk[walk.length - 1];
  const endsHigh = last ? high - last.t < last.t - low : direction === 'down';
  unnumbered.sort((a, b) => (endsHigh ? b.t - a.t : a.t - b.t) || a.address.id - b.address.id);
  return [...walk, ...unnumbered];
}
