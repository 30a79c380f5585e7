import { createRequire } from 'node:module';
import type { Commune, CommuneMatch, Departement } from '../../../contracts/geo.ts';

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}
interface RawDepartement {
  code: string;
  nom: string;
}

/** French communes and postal codes from @etalab/decoupage-administratif, loaded once. */
export interface GeoReference {
  communesByPostalCode(postalCode: string): Commune[];
  commune(code: string): Commune | undefined;
  departement(code: string): Departement | undefined;
  departements(): Departement[];
  isPostalCode(postalCode: string): boolean;
  allCommunes(): Commune[];
  /** The postal codes serving a commune (several for Paris, Lyon, Marseille and a few others). */
  postalCodesOf(code: string): string[];
  /** A commune with its postal codes, as searches return it. */
  communeMatch(code: string): CommuneMatch | undefined;
  /**
   * Communes whose name contains `query` (accents, case and hyphens ignored; "st" reads
   * "saint"), or, for a query of digits, whose postal or INSEE code starts with it. Names that
   * start with the query come first, then those with a word that does; biggest first within.
   */
  searchCommunes(query: string, limit?: number): CommuneMatch[];
}

/** A name as compared in searches: no accents, no case, words separated by single spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What people type for "Saint-" and "Sainte-": "St Étienne", "Ste-Foy". */
const foldQuery = (query: string) =>
  foldName(query)
    .replace(/\bst (?=\S)/g, 'saint ')
    .replace(/\bste (?=\S)/g, 'sainte ');

const CODE_QUERY = /^\d[\dab]*$/i;

interface SearchEntry {
  commune: Commune;
  folded: string;
  postalCodes: string[];
}

/** Every commune, biggest first, with its folded name: built on the first search. */
function searchIndex(communes: Commune[], postalCodesOf: (code: string) => string[]) {
  return [...communes]
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code))
    .map((commune) => ({
      commune,
      folded: foldName(commune.name),
      postalCodes: postalCodesOf(commune.code),
    }));
}

function search(index: SearchEntry[], query: string, limit: number): CommuneMatch[] {
  const match = (e: SearchEntry) => ({ ...e.commune, postalCodes: e.postalCodes });
  const compact = query.replace(/\s/g, '');
  if (CODE_QUERY.test(compact)) {
    const code = compact.toUpperCase();
    const found: CommuneMatch[] = [];
    for (const e of index) {
      if (e.commune.code.startsWith(code) || e.postalCodes.some((p) => p.startsWith(code))) {
        found.push(match(e));
        if (found.length === limit) break;
      }
    }
    return found;
  }
  const folded = foldQuery(query);
  if (!folded) return [];
  // The index is biggest first, so each tier is too; the scan stops once the first is full.
  const tiers: [SearchEntry[], SearchEntry[], SearchEntry[]] = [[], [], []];
  const wordStart = ` ${folded}`;
  for (const e of index) {
    const at = e.folded.indexOf(folded);
    if (at < 0) continue;
    const tier = at === 0 ? 0 : e.folded.includes(wordStart) ? 1 : 2;
    if (tiers[tier].length < limit) tiers[tier].push(e);
    if (tiers[0].length === limit) break;
  }
  return tiers.flat().slice(0, limit).map(match);
}

let cached: GeoReference | undefined;

export function geoReference(): GeoReference {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const rawCommunes = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const rawDepartements =
    require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[];
  const byCode = new Map<string, Commune>();
  const byPostal = new Map<string, Commune[]>();
  const postalByCommune = new Map<string, string[]>();
  for (const raw of rawCommunes) {
    if (raw.type !== 'commune-actuelle' || !raw.departement) continue;
    const commune: Commune = {
      code: raw.code,
      name: raw.nom,
      departementCode: raw.departement,
      population: raw.population ?? null,
    };
    byCode.set(commune.code, commune);
    postalByCommune.set(commune.code, raw.codesPostaux ?? []);
    for (const postal of raw.codesPostaux ?? []) {
      const list = byPostal.get(postal) ?? [];
      list.push(commune);
      byPostal.set(postal, list);
    }
  }
  for (const list of byPostal.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const departements = rawDepartements
    .map((d) => ({ code: d.code, name: d.nom }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const departementByCode = new Map(departements.map((d) => [d.code, d]));
  const communes = [...byCode.values()];
  const postalCodesOf = (code: string) => [...(postalByCommune.get(code) ?? [])];
  let index: SearchEntry[] | undefined;
  cached = {
    communesByPostalCode: (postalCode) => byPostal.get(postalCode) ?? [],
    commune: (code) => byCode.get(code),
    departement: (code) => departementByCode.get(code),
    departements: () => departements,
    isPostalCode: (postalCode) => byPostal.has(postalCode),
    allCommunes: () => communes,
    postalCodesOf,
    communeMatch: (code) => {
      const commune = byCode.get(code);
      return commune && { ...commune, postalCodes: postalCodesOf(code) };
    },
    searchCommunes: (query, limit = 20) => {
      index ??= searchIndex(communes, postalCodesOf);
      return search(index, query, limit);
    },
  };
  return cached;
}
