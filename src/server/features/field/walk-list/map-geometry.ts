/**
 * The map snippet's geometry, without drawing: positions from longitude and latitude onto a
 * frame of the page, a scale bar's length, and which point numbers fit without overlapping.
 *
 * A turf spans a few hundred metres, so a plane tangent at its centre (longitudes shrunk by
 * the cosine of the latitude) is true to well under 1 % — enough for a scale bar in metres.
 */
import type { LonLat } from './types.ts';

const METRES_PER_DEGREE = (Math.PI / 180) * 6_371_008.8;
/** A single building still gets a readable neighbourhood rather than an infinite zoom. */
const MIN_EXTENT_METRES = 80;

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Projection {
  /** Page coordinates (points, y downwards) of a position. */
  toPage(position: LonLat): [x: number, y: number];
  /** Ground metres one point of the page stands for. */
  metresPerPoint: number;
}

export const isPosition = ([lon, lat]: LonLat) =>
  Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

interface Extent {
  centre: LonLat;
  /** Metres per degree of longitude at the centre. */
  eastScale: number;
  widthMetres: number;
  heightMetres: number;
}

function extentOf(positions: LonLat[]): Extent {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of positions) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const centre: LonLat = [(west + east) / 2, (south + north) / 2];
  const eastScale = METRES_PER_DEGREE * Math.cos((centre[1] * Math.PI) / 180);
  return {
    centre,
    eastScale,
    widthMetres: Math.max((east - west) * eastScale, MIN_EXTENT_METRES),
    heightMetres: Math.max((north - south) * METRES_PER_DEGREE, MIN_EXTENT_METRES),
  };
}

/** The frame's height for `positions` at `width`: their shape, kept between the bounds. */
export function frameHeight(positions: LonLat[], width: number, min: number, max: number) {
  const { widthMetres, heightMetres } = extentOf(positions);
  return Math.min(max, Math.max(min, (width * heightMetres) / widthMetres));
}

/** North up, every position inside the frame less `padding`, centred. */
export function fitProjection(positions: LonLat[], frame: Frame, padding: number): Projection {
  const { centre, eastScale, widthMetres, heightMetres } = extentOf(positions);
  const pointsPerMetre = Math.min(
    (frame.width - 2 * padding) / widthMetres,
    (frame.height - 2 * padding) / heightMetres,
  );
  const midX = frame.x + frame.width / 2;
  const midY = frame.y + frame.height / 2;
  return {
    toPage: ([lon, lat]) => [
      midX + (lon - centre[0]) * eastScale * pointsPerMetre,
      midY - (lat - centre[1]) * METRES_PER_DEGREE * pointsPerMetre,
    ],
    metresPerPoint: 1 / pointsPerMetre,
  };
}

/** The longest round length (1, 2 or 5 times a power of ten metres) not over `metres`. */
export function roundScaleLength(metres: number): number {
  const power = 10 ** Math.floor(Math.log10(metres));
  const step = [5, 2, 1].find((m) => m * power <= metres) ?? 1;
  return step * power;
}

/** "200 m", "1 km", "20 km". */
export const scaleLabel = (metres: number) =>
  metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Places labels in the order given, each at the first of its candidate boxes that stays inside
 * `bounds` and clear of `reserved` and of those placed before; a label with no such box is
 * left out (null).
 * A grid of cells keeps 2,000 labels from comparing each with every other.
 */
export function placeLabels(
  candidates: Box[][],
  bounds: Box,
  reserved: Box[] = [],
  cell = 16,
): (Box | null)[] {
  const grid = new Map<string, Box[]>();
  const cellsOf = (box: Box) => {
    const keys: string[] = [];
    for (let i = Math.floor(box.x / cell); i <= Math.floor((box.x + box.width) / cell); i++) {
      for (let j = Math.floor(box.y / cell); j <= Math.floor((box.y + box.height) / cell); j++) {
        keys.push(`${i}:${j}`);
      }
    }
    return keys;
  };
  const inside = (box: Box) =>
    box.x >= bounds.x &&
    box.y >= bounds.y &&
    box.x + box.width <= bounds.x + bounds.width &&
    box.y + box.height <= bounds.y + bounds.height;
  const occupy = (box: Box) => {
    for (const key of cellsOf(box)) {
      const placed = grid.get(key);
      if (placed) placed.push(box);
      else grid.set(key, [box]);
    }
  };
  reserved.forEach(occupy);
  return candidates.map((boxes) => {
    const free = boxes.find(
      (box) =>
        inside(box) &&
        cellsOf(box).every((key) => !(grid.get(key) ?? []).some((other) => overlaps(box, other))),
    );
    if (free) occupy(free);
    return free ?? null;
  });
}
