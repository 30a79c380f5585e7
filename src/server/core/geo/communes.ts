import { createRequire } from 'node:module';
import type { Commune, Departement } from '../../../contracts/geo.ts';

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
  cached = {
    communesByPostalCode: (postalCode) => byPostal.get(postalCode) ?? [],
    commune: (code) => byCode.get(code),
    departement: (code) => departementByCode.get(code),
    departements: () => departements,
    isPostalCode: (postalCode) => byPostal.has(postalCode),
    allCommunes: () => communes,
    postalCodesOf: (code) => [...(postalByCommune.get(code) ?? [])],
  };
  return cached;
}
