import { lonLatAround } from './projection.ts';
import { seededRandom } from './random.ts';
import type { TurfAddress } from './types.ts';

/**
 * A made-up town for the benchmark and tests, the same for the same count and seed: a rotated
 * grid of streets 100 m apart, each line cut into streets of 1 to 8 blocks (mostly short; every
 * fifth line a wider boulevard), impasses into the blocks, five long radial avenues, winding
 * streets and cul-de-sacs in a suburban ring as deep as 40% of the radius, and hamlets further
 * out (pairs of hamlets share their main road's street key, as a road named after the next
 * village does). Houses on both sides, odd numbers on the left and even on the right rising
 * from the street's start, 6 m apart in the centre to ~28 m at the edge of the grid, some
 * bis/ter, some without number. About 4% of the addresses are in hamlets. Towns of different
 * sizes mix these alike, so that timings at two sizes compare like with like.
 */
export function syntheticTown(count: number, seed = 1): TurfAddress[] {
  const hamletTotal = count >= 200 ? Math.round(count * 0.04) : 0;
  const townTarget = count - hamletTotal;
  // ~3,000 addresses a km² on average: first guess of the radius, then corrected.
  let radius = Math.sqrt(townTarget / 3000 / Math.PI) * 1000;
  let houses: House[] = [];
  for (let attempt = 0; ; attempt++) {
    houses = townHouses(Math.max(radius, 60), seededRandom(seed));
    if (houses.length >= townTarget && (houses.length <= townTarget * 1.03 || attempt >= 12)) {
      break;
    }
    radius *= attempt < 12 ? Math.sqrt((townTarget * 1.015) / Math.max(houses.length, 1)) : 1.03;
  }
  // Exactly the count: the houses farthest from the centre are left out.
  const kept = houses
    .map((h, i) => ({ h, i, r: h.x * h.x + h.y * h.y }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, townTarget)
    .sort((a, b) => a.i - b.i)
    .map(({ h }) => h);
  kept.push(...hamletHouses(hamletTotal, Math.max(radius, 300), seededRandom(seed + 7919)));
  const origin = { lon: 4.85, lat: 45.75 };
  return kept.map((h, i) => ({
    id: i + 1,
    ...lonLatAround(origin, h.x, h.y),
    streetKey: h.streetKey,
    number: h.number,
    suffix: h.suffix,
  }));
}

interface House {
  x: number;
  y: number;
  streetKey: string;
  number: number;
  suffix: string | null;
}

type Random = () => number;
type Path = { x: number; y: number }[];

const BLOCK = 100;
// Street lengths in blocks: mostly short streets, a few long ones.
const STREET_BLOCKS = [1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8];
const GRID_ANGLE = 0.35;

function townHouses(radius: number, random: Random): House[] {
  const houses: House[] = [];
  const cos = Math.cos(GRID_ANGLE);
  const sin = Math.sin(GRID_ANGLE);
  const avenueAngles = Array.from(
    { length: 5 },
    (_, i) => GRID_ANGLE + 0.3 + (i * 2 * Math.PI) / 5,
  );
  const nearAvenue = (px: number, py: number) =>
    avenueAngles.some((a) => {
      const along = px * Math.cos(a) + py * Math.sin(a);
      const across = -px * Math.sin(a) + py * Math.cos(a);
      return along > 0 && Math.abs(across) < 30;
    });
  const edge = (px: number, py: number) => {
    const angle = Math.atan2(py, px);
    return radius * (1 + 0.08 * Math.sin(3 * angle) + 0.05 * Math.cos(7 * angle));
  };
  const spacing = (px: number, py: number) =>
    6 + 22 * Math.min(1, (px * px + py * py) / radius ** 2);

  const band = 200;
  // The ring is as deep as 40% of the radius, so that towns of any size mix centre, suburbs
  // and hamlets alike (a larger town is not only a denser one).
  const bands = Math.max(1, Math.round((0.4 * radius) / band));
  const lines = Math.ceil(radius / BLOCK) + 1;
  for (const direction of [0, 1]) {
    for (let j = -lines; j <= lines; j++) {
      const across = j * BLOCK;
      const half = Math.sqrt(Math.max(0, (radius * 1.15) ** 2 - across * across));
      let from = -Math.ceil(half / BLOCK) * BLOCK;
      for (let piece = 0; from < half; piece++) {
        const blocks = STREET_BLOCKS[Math.floor(random() * STREET_BLOCKS.length)];
        const to = Math.min(half, from + BLOCK * blocks);
        // Grid coordinates (along, across) turned by the grid's angle.
        const toWorld = (along: number, off: number) => {
          const [gx, gy] = direction === 0 ? [along, off] : [off, along];
          return { x: gx * cos - gy * sin, y: gx * sin + gy * cos };
        };
        const path: Path = [];
        for (let u = from; u <= to; u += 5) path.push(toWorld(u, across));
        const key = `grid-${direction}-${j}-${piece}`;
        houses.push(
          ...streetHouses(path, key, j % 5 === 0 ? 12 : 6, random, {
            spacing,
            keep: (px, py, u) => {
              const corner = (((u + from) % BLOCK) + BLOCK) % BLOCK;
              if (corner < 9 || corner > BLOCK - 9) return false;
              if (px * px + py * py > edge(px, py) ** 2 || nearAvenue(px, py)) return false;
              return random() > 0.1 + 0.3 * ((px * px + py * py) / radius ** 2);
            },
          }),
        );
        if (blocks >= 2 && random() < 0.4) {
          // An impasse into the middle of one of the street's blocks.
          const along = from + BLOCK * (Math.floor(random() * blocks) + 0.5);
          const sign = random() < 0.5 ? 1 : -1;
          const dead: Path = [];
          for (let d = 10; d <= 45; d += 5) dead.push(toWorld(along, across + sign * d));
          houses.push(
            ...streetHouses(dead, `impasse-${direction}-${j}-${piece}`, 5, random, {
              spacing: () => 9,
              keep: (px, py) => px * px + py * py <= edge(px, py) ** 2,
            }),
          );
        }
        from = to;
      }
    }
  }

  avenueAngles.forEach((a, i) => {
    const path: Path = [];
    for (let r = 40; r <= radius + 25 + bands * band; r += 5)
      path.push({ x: r * Math.cos(a), y: r * Math.sin(a) });
    houses.push(
      ...streetHouses(path, `avenue-${i}`, 16, random, {
        spacing,
        keep: () => random() > 0.15,
      }),
    );
  });

  // The suburban ring: bands of 200 m beyond the grid's edge, cut into cells ~200 m wide; a
  // winding street meanders across most cells, some with a cul-de-sac, none crossing another.
  let street = 0;
  for (let b = 0; b < bands; b++) {
    const middle = radius + 25 + b * band + band / 2;
    const sectors = Math.max(6, Math.round((2 * Math.PI * middle) / band));
    for (let i = 0; i < sectors; i++) {
      if (random() < 0.15) continue;
      const from = (i / sectors) * 2 * Math.PI;
      const width = (2 * Math.PI) / sectors;
      const phase = random() * 2 * Math.PI;
      const waves = 0.5 + random();
      const base = (angle: number) => edge(Math.cos(angle), Math.sin(angle)) + 25 + b * band;
      const curve: Path = [];
      for (let u = 0; u <= 1; u += 0.01) {
        const angle = from + width * (0.08 + 0.84 * u);
        const rho =
          base(angle) + band / 2 + band * 0.25 * Math.sin(2 * Math.PI * waves * u + phase);
        curve.push({ x: rho * Math.cos(angle), y: rho * Math.sin(angle) });
      }
      houses.push(
        ...streetHouses(resample(curve), `winding-${street++}`, 7, random, {
          spacing: () => 16,
          keep: (px, py) => !nearAvenue(px, py) && random() > 0.1,
        }),
      );
      if (random() < 0.5) {
        const angle = from + width * (random() < 0.5 ? 0.3 : 0.7);
        const rho = base(angle) + band / 2;
        const inward = random() < 0.5 ? -1 : 1;
        const dead: Path = [];
        for (let d = 25; d <= 80; d += 5) {
          dead.push({
            x: (rho + inward * d) * Math.cos(angle),
            y: (rho + inward * d) * Math.sin(angle),
          });
        }
        houses.push(
          ...streetHouses(dead, `winding-${street++}`, 6, random, {
            spacing: () => 14,
            keep: (px, py) => !nearAvenue(px, py) && random() > 0.1,
          }),
        );
      }
    }
  }
  return houses;
}

function hamletHouses(total: number, radius: number, random: Random): House[] {
  if (total === 0) return [];
  const hamlets = Math.max(3, Math.round(total / 100));
  const weights = Array.from({ length: hamlets }, () => 0.4 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((w / sum) * total));
  sizes[0] += total - sizes.reduce((a, b) => a + b, 0);
  const houses: House[] = [];
  sizes.forEach((size, h) => {
    const angle = (h / hamlets) * 2 * Math.PI + random() * 0.5;
    const distance = radius * (1.8 + 0.8 * random()) + 500;
    const cx = distance * Math.cos(angle);
    const cy = distance * Math.sin(angle);
    const streets = Math.min(4, 1 + Math.floor(size / 40));
    for (let s = 0; s < streets; s++) {
      const n = Math.floor(size / streets) + (s < size % streets ? 1 : 0);
      const length = (n / 2) * 28 * 1.5 + 100;
      const heading = s === 0 ? angle + Math.PI / 2 : angle + (random() - 0.5) * 0.6;
      const startX = s === 0 ? cx - (length / 3) * Math.cos(heading) : cx + (random() - 0.5) * 200;
      const startY = s === 0 ? cy - (length / 3) * Math.sin(heading) : cy + (random() - 0.5) * 200;
      const path: Path = [];
      for (let u = 0; u <= length; u += 5) {
        path.push({ x: startX + u * Math.cos(heading), y: startY + u * Math.sin(heading) });
      }
      // Hamlets 0 and 1, 2 and 3… share the key of their main road.
      const key = s === 0 ? `road-${Math.floor(h / 2)}` : `hamlet-${h}-lane-${s}`;
      const placed = streetHouses(path, key, 8, random, {
        spacing: () => 28,
        keep: () => true,
        limit: n,
        numberless: 0.1,
      });
      houses.push(...placed);
    }
  });
  return houses;
}

interface Placement {
  spacing: (x: number, y: number) => number;
  /** Whether a house may stand at (x, y), u metres along the street. */
  keep: (x: number, y: number, u: number) => boolean;
  limit?: number;
  numberless?: number;
}

/**
 * Houses along a path sampled every 5 m, `offset` metres either side: odd numbers on the left,
 * even on the right, each side rising from the path's start; 3% of the houses are followed by
 * a bis (a quarter of those by a ter too), a share have no number.
 */
function streetHouses(
  path: Path,
  streetKey: string,
  offset: number,
  random: Random,
  placement: Placement,
): House[] {
  const houses: House[] = [];
  const limit = placement.limit ?? Infinity;
  const numberlessShare = placement.numberless ?? 0.015;
  const sides = [
    { sign: 1, next: 1, u: random() * 6 },
    { sign: -1, next: 2, u: random() * 6 },
  ];
  const at = (u: number) => {
    const k = Math.min(path.length - 2, Math.floor(u / 5));
    const f = u / 5 - k;
    const a = path[k];
    const b = path[k + 1];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const norm = Math.hypot(dx, dy) || 1;
    return { x: a.x + f * dx, y: a.y + f * dy, nx: -dy / norm, ny: dx / norm };
  };
  const length = (path.length - 1) * 5;
  if (path.length < 2) return houses;
  while (houses.length < limit) {
    const side = sides[0].u <= sides[1].u ? sides[0] : sides[1];
    if (side.u > length) break;
    const p = at(side.u);
    const hx = p.x + side.sign * offset * p.nx + (random() - 0.5) * 2;
    const hy = p.y + side.sign * offset * p.ny + (random() - 0.5) * 2;
    const step = placement.spacing(hx, hy) * (0.7 + 0.6 * random());
    if (placement.keep(hx, hy, side.u)) {
      const number = random() < numberlessShare ? 0 : side.next;
      houses.push({ x: hx, y: hy, streetKey, number, suffix: null });
      if (number > 0 && random() < 0.03) {
        for (const suffix of random() < 0.25 ? ['bis', 'ter'] : ['bis']) {
          if (houses.length >= limit) break;
          // 3 m further along the street (its direction is the normal turned back).
          houses.push({
            x: hx + 3 * p.ny,
            y: hy - 3 * p.nx,
            streetKey,
            number,
            suffix,
          });
        }
      }
    }
    side.next += 2;
    side.u += step;
  }
  return houses;
}

/** The path's points every 5 m along it, as streetHouses reads a path. */
function resample(points: Path): Path {
  const out: Path = [points[0]];
  let carried = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    let at = 5 - carried;
    while (at <= length) {
      out.push({ x: a.x + ((b.x - a.x) * at) / length, y: a.y + ((b.y - a.y) * at) / length });
      at += 5;
    }
    carried = length - (at - 5);
  }
  return out;
}
