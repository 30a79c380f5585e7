import { foldText } from '../people/normalize.ts';
import { lonLatAround } from '../field/turfs/projection.ts';
import { streetNames, streetPeople, streetTypes } from './field-names.ts';
import { WeightedPicker, type Random } from './random.ts';

/**
 * The streets and doors of a demo commune, laid out around its real centre: a slightly rotated
 * grid of streets (blocks of ~110 m) cut into lanes, streets and avenues, doors on both sides
 * (odd numbers on one, even on the other, some `bis`), kept within a disc, then grouped into
 * polling stations of neighbouring doors. Pure: the same commune and generator give the same
 * town.
 */

/** A commune of the demo committees, with what the official files say of it. */
export interface DemoFieldCommune {
  code: string;
  name: string;
  departementCode: string;
  departementName: string;
  postalCodes: string[];
  lat: number;
  lng: number;
  /** Polling stations to make (3–15). */
  stations: number;
}

export interface DemoStreet {
  /** The BAN id's street part: commune code, `_`, FANTOIR code or the BAN's own 6 characters. */
  key: string;
  /** Null for a street the BAN knows without a FANTOIR code. */
  fantoir: string | null;
  name: string;
  /** The name as La Poste writes it (capitals, no accents). */
  afnor: string;
}

export interface DemoDoor {
  banId: string;
  street: DemoStreet;
  number: number;
  suffix: 'bis' | 'ter' | null;
  postalCode: string;
  lon: number;
  lat: number;
  /** 1…stations, numbered from the centre outwards. */
  station: number;
}

export interface DemoTown {
  commune: DemoFieldCommune;
  /** In BAN id order, as the BAN file lists them. */
  doors: DemoDoor[];
}

const BLOCK = 110;
/** Doors a km² in the grid (both sides of ~18 km of street): the disc's first guess. */
const DENSITY = 2_000;
const BLOCKS_PER_STREET = [1, 1, 2, 2, 2, 3, 3, 4, 5, 6];
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz0123456789';

interface Plot {
  x: number;
  y: number;
  line: number;
  number: number;
  suffix: DemoDoor['suffix'];
}

interface Line {
  blocks: number;
  plots: Plot[];
}

export function layTown(commune: DemoFieldCommune, doorCount: number, random: Random): DemoTown {
  const radius = Math.sqrt(doorCount / DENSITY / Math.PI) * 1000 * 1.3;
  const angle = random.next() * (Math.PI / 2);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const lines: Line[] = [];
  const reach = Math.ceil(radius / BLOCK) + 1;
  for (const across of [false, true]) {
    for (let k = -reach; k <= reach; k++) {
      const offset = k * BLOCK + (random.next() - 0.5) * 16;
      let from = -reach * BLOCK;
      while (from < reach * BLOCK) {
        const blocks = random.pick(BLOCKS_PER_STREET);
        const to = from + blocks * BLOCK;
        const line: Line = { blocks, plots: [] };
        layPlots(line, lines.length, { from, to, offset, across }, random);
        if (line.plots.length) lines.push(line);
        from = to;
      }
    }
  }
  const plots = lines
    .flatMap((line) => line.plots)
    .map((plot) => ({ plot, r: Math.hypot(plot.x, plot.y) }))
    .sort((a, b) => a.r - b.r || a.plot.line - b.plot.line || a.plot.number - b.plot.number)
    .slice(0, doorCount)
    .map(({ plot }) => ({
      ...plot,
      // The grid turned by `angle`, in metres east and north of the centre.
      x: plot.x * cos - plot.y * sin,
      y: plot.x * sin + plot.y * cos,
    }));
  const streets = nameStreets(
    commune.code,
    [...new Set(plots.map((p) => p.line))].map((index) => ({ index, blocks: lines[index].blocks })),
    random,
  );
  const stations = groupStations(plots, commune.stations, random);
  const doors = plots.map((plot, i): DemoDoor => {
    const street = streets.get(plot.line)!;
    const { lon, lat } = lonLatAround({ lon: commune.lng, lat: commune.lat }, plot.x, plot.y);
    const station = stations[i];
    return {
      banId: `${street.key}_${String(plot.number).padStart(5, '0')}${plot.suffix ? `_${plot.suffix}` : ''}`,
      street,
      number: plot.number,
      suffix: plot.suffix,
      postalCode: commune.postalCodes[(station - 1) % commune.postalCodes.length],
      lon: round6(lon),
      lat: round6(lat),
      station,
    };
  });
  doors.sort((a, b) => (a.banId < b.banId ? -1 : a.banId > b.banId ? 1 : 0));
  return { commune, doors };
}

const round6 = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** Doors along one street, both sides, numbered from the end the street starts at. */
function layPlots(
  line: Line,
  index: number,
  at: { from: number; to: number; offset: number; across: boolean },
  random: Random,
) {
  const spacing = 12 + random.next() * 10;
  const width = 12 + random.next() * 10;
  const reversed = random.chance(0.5);
  const numbers = { odd: 1, even: 2 };
  const place = (along: number, side: 1 | -1, number: number, suffix: Plot['suffix']) => {
    const u = along + (random.next() - 0.5) * 3;
    const v = at.offset + (side * width) / 2 + (random.next() - 0.5) * 3;
    line.plots.push({
      x: at.across ? v : u,
      y: at.across ? u : v,
      line: index,
      number,
      suffix,
    });
  };
  const length = at.to - at.from;
  for (let t = 10; t <= length - 10; t += spacing) {
    const along = reversed ? at.to - t : at.from + t;
    // No door in the middle of a crossing.
    const fromCrossing = Math.abs(along - Math.round(along / BLOCK) * BLOCK);
    if (fromCrossing < 12) continue;
    const step = reversed ? -1 : 1;
    for (const side of [1, -1] as const) {
      const key = side === 1 ? 'odd' : 'even';
      const number = numbers[key];
      numbers[key] += 2;
      // A garden, a car park, a school yard: not every plot has a door.
      if (!random.chance(0.88)) continue;
      place(along, side, number, null);
      if (random.chance(0.04)) {
        place(along + 4 * step, side, number, 'bis');
        if (random.chance(0.15)) place(along + 8 * step, side, number, 'ter');
      }
    }
  }
}

/** Names, FANTOIR codes (in the names' alphabetical order, as the old registers gave them). */
function nameStreets(
  communeCode: string,
  lines: Array<{ index: number; blocks: number }>,
  random: Random,
): Map<number, DemoStreet> {
  const used = new Set<string>();
  const typePicker = (types: ReadonlyArray<readonly [string, number]>) =>
    new WeightedPicker(types, ([, w]) => w);
  const short = typePicker(streetTypes.short);
  const medium = typePicker(streetTypes.medium);
  const long = typePicker(streetTypes.long);
  const named = lines.map(({ index, blocks }) => {
    const type = (blocks <= 1 ? short : blocks <= 3 ? medium : long).pick(random)[0];
    let rest = '';
    for (let tries = 0; tries < 20 && (rest === '' || used.has(rest)); tries++) {
      rest = random.chance(0.8) ? random.pick(streetNames) : random.pick(streetPeople);
    }
    if (used.has(rest)) rest = `${rest} ${used.size}`;
    used.add(rest);
    return { index, name: `${type} ${rest}` };
  });
  named.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.index - b.index);
  const streets = new Map<number, DemoStreet>();
  let code = 0;
  for (const { index, name } of named) {
    code += random.int(5, 40);
    const fantoir = random.chance(0.92) ? String(code).padStart(4, '0') : null;
    const part =
      fantoir ??
      Array.from({ length: 6 }, () => CODE_ALPHABET[random.int(0, CODE_ALPHABET.length - 1)]).join(
        '',
      );
    streets.set(index, {
      key: `${communeCode}_${part}`,
      fantoir,
      name,
      afnor: afnorName(name),
    });
  }
  return streets;
}

/** "Rue de l’Église" → "RUE DE L EGLISE", as La Poste's normalised names read. */
export const afnorName = (name: string) =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .toUpperCase();

/**
 * Polling stations as groups of neighbouring doors (a few rounds of k-means), numbered by the
 * distance of their middle from the centre: station 1 is the town hall's.
 */
function groupStations(points: ReadonlyArray<{ x: number; y: number }>, k: number, random: Random) {
  const count = Math.max(1, Math.min(k, points.length));
  const step = points.length / count;
  let centres = Array.from({ length: count }, (_, i) => {
    const p = points[Math.min(points.length - 1, Math.floor(i * step + random.next() * step))];
    return { x: p.x, y: p.y };
  });
  const owner = new Int32Array(points.length);
  for (let round = 0; round < 12; round++) {
    points.forEach((p, i) => {
      let best = 0;
      let bestDistance = Infinity;
      centres.forEach((c, j) => {
        const d = (p.x - c.x) ** 2 + (p.y - c.y) ** 2;
        if (d < bestDistance) [best, bestDistance] = [j, d];
      });
      owner[i] = best;
    });
    centres = centres.map((c, j) => {
      let [x, y, n] = [0, 0, 0];
      points.forEach((p, i) => {
        if (owner[i] === j) [x, y, n] = [x + p.x, y + p.y, n + 1];
      });
      return n ? { x: x / n, y: y / n } : c;
    });
  }
  const order = centres
    .map((c, j) => ({ j, r: Math.hypot(c.x, c.y) }))
    .sort((a, b) => a.r - b.r || a.j - b.j);
  const numberOf = new Int32Array(count);
  order.forEach(({ j }, rank) => (numberOf[j] = rank + 1));
  return Array.from(owner, (j) => numberOf[j]);
}
