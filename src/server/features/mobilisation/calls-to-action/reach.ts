import { addressCommuneCodes } from '../../../core/geo/arrondissements.ts';
import { communeCentres, type CommuneCentre } from '../../../core/geo/commune-centres.ts';
import { distanceKm } from '../../../core/geo/place.ts';

/** Paris, Lyon and Marseille's arrondissements (75101, 69381, 13201…) by their city. */
const CITY_OF_ARRONDISSEMENT: Array<[RegExp, string]> = [
  [/^751\d\d$/, '75056'],
  [/^6938\d$/, '69123'],
  [/^132\d\d$/, '13055'],
];

/** The commune a code is filed under in the reference data (an arrondissement's city). */
export function referenceCommune(code: string): string {
  for (const [pattern, city] of CITY_OF_ARRONDISSEMENT) if (pattern.test(code)) return city;
  return code;
}

/**
 * The communes whose centre lies within `km` of any target commune's centre (the targets
 * themselves always), with the arrondissements' codes of Paris, Lyon and Marseille beside
 * their city's, as addresses carry them: a call's audience is the supporters whose address is
 * in one of them. Distances are from centre to centre, so a commune counts whole or not at all.
 */
export function communesWithin(
  targets: readonly string[],
  km: number,
  centres: ReadonlyMap<string, CommuneCentre> = communeCentres(),
): string[] {
  const found = new Set(targets.map(referenceCommune));
  const origins = [...found].flatMap((code) => {
    const centre = centres.get(code);
    return centre ? [centre] : [];
  });
  if (origins.length > 0 && km > 0) {
    // A degree of latitude is about 111 km: that bound first keeps the exact distance for few.
    const dLat = km / 111 + 0.01;
    for (const [code, centre] of centres) {
      if (found.has(code)) continue;
      if (!origins.some((o) => Math.abs(centre.lat - o.lat) <= dLat && distanceKm(o, centre) <= km))
        continue;
      found.add(code);
    }
  }
  const codes = new Set(targets);
  for (const code of found)
    for (const filed of [code, ...addressCommuneCodes(code)]) codes.add(filed);
  return [...codes].sort();
}

/** Commune centres by cells of a fifth of a degree, for the nearest one to a point. */
const CELL = 5;
let grid: Map<string, Array<[string, CommuneCentre]>> | undefined;
const cellKey = (lat: number, lng: number) => `${Math.floor(lat * CELL)}:${Math.floor(lng * CELL)}`;

/**
 * The commune whose centre is nearest a point (within about 20 km), for an action placed by
 * its coordinates only (a turf): its area on the needs list.
 */
export function nearestCommune(lat: number, lng: number): string | null {
  if (!grid) {
    grid = new Map();
    for (const entry of communeCentres()) {
      const key = cellKey(entry[1].lat, entry[1].lng);
      const cell = grid.get(key) ?? [];
      cell.push(entry);
      grid.set(key, cell);
    }
  }
  let best: { code: string; km: number } | null = null;
  const [cy, cx] = [Math.floor(lat * CELL), Math.floor(lng * CELL)];
  for (let dy = -1; dy <= 1; dy += 1) {
    for (let dx = -1; dx <= 1; dx += 1) {
      for (const [code, centre] of grid.get(`${cy + dy}:${cx + dx}`) ?? []) {
        const km = distanceKm({ lat, lng }, centre);
        if (!best || km < best.km) best = { code, km };
      }
    }
  }
  return best?.code ?? null;
}
