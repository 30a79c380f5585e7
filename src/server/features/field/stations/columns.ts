/**
 * The header of INSEE's REU address table: which column holds what, by name (case, accents,
 * spaces and underscores ignored). INSEE's own code names the station column `id_brut_bv`
 * before publishing it as `id_brut_bv_reu`: both are read.
 */
import { guessFileKind, normaliseName } from '../addresses/kinds.ts';
import { reuRefusals } from './refusal.ts';
import type { ReuColumns } from './types.ts';

export type ReuField =
  | 'communeCode'
  | 'station'
  | 'id'
  | 'label'
  | 'geoType'
  | 'geoScore'
  | 'lon'
  | 'lat'
  | 'addressCount'
  | 'stationsInCommune';

/** The table's name of each column read, then other names accepted for it. */
const aliases: Record<ReuField, string[]> = {
  communeCode: ['code_commune_ref'],
  station: ['id_brut_bv_reu', 'id_brut_bv'],
  id: ['id'],
  label: ['geo_adresse'],
  geoType: ['geo_type'],
  geoScore: ['geo_score'],
  lon: ['longitude', 'lon'],
  lat: ['latitude', 'lat'],
  addressCount: ['nb_adresses'],
  stationsInCommune: ['nb_bv_commune'],
};

const required: ReuField[] = ['communeCode', 'station', 'id', 'lon', 'lat'];

const fieldByName = new Map<string, ReuField>();
for (const [field, names] of Object.entries(aliases) as [ReuField, string[]][]) {
  for (const name of names) fieldByName.set(normaliseName(name), field);
}

/** Column index of each field; -1 for an optional field the file lacks. */
export type ReuColumnMap = Record<ReuField, number> & {
  /** Cells a row needs to hold every required field. */
  width: number;
  /** By column index, whether a row's cell is read. */
  wanted: boolean[];
  columns: ReuColumns;
};

/** Reads the header; throws a ReuFileError when it is not the REU address table. */
export function readReuHeader(fields: string[]): ReuColumnMap {
  const names = fields.map((field) => field.trim());
  while (names.length && names[names.length - 1] === '') names.pop();
  const normalised = names.map(normaliseName);
  const kind = guessFileKind(new Set(normalised));
  if (kind !== 'reu_addresses') throw reuRefusals.notReu(kind);

  const index = {} as Record<ReuField, number>;
  const ignored: string[] = [];
  normalised.forEach((name, at) => {
    const field = fieldByName.get(name);
    if (field && index[field] === undefined) index[field] = at;
    else ignored.push(names[at]);
  });
  const missing = required.filter((field) => index[field] === undefined);
  if (missing.length) throw reuRefusals.missingColumns(missing.map((f) => aliases[f][0]));
  const missingOptional: string[] = [];
  for (const field of Object.keys(aliases) as ReuField[]) {
    if (index[field] === undefined) {
      index[field] = -1;
      missingOptional.push(aliases[field][0]);
    }
  }
  const wanted = names.map(() => false);
  for (const at of Object.values(index)) if (at !== -1) wanted[at] = true;
  return {
    ...index,
    width: Math.max(...required.map((field) => index[field])) + 1,
    wanted,
    columns: { names, ignored, missingOptional },
  };
}
