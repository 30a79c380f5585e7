/**
 * The header of a BAN address file: which column holds what, found by name (case, accents,
 * spaces and underscores ignored), so that columns may move, be added or (the optional ones)
 * go away.
 */
import { guessFileKind, normaliseName } from './kinds.ts';
import { banRefusals } from './refusal.ts';
import type { BanColumns } from './types.ts';

export type BanField =
  | 'id'
  | 'fantoirId'
  | 'number'
  | 'suffix'
  | 'streetName'
  | 'locality'
  | 'postalCode'
  | 'communeCode'
  | 'communeName'
  | 'lon'
  | 'lat';

/** The BAN's name of each column read, then other names accepted for it. */
const aliases: Record<BanField, string[]> = {
  id: ['id'],
  fantoirId: ['id_fantoir'],
  number: ['numero'],
  suffix: ['rep'],
  streetName: ['nom_voie'],
  locality: ['nom_ld'],
  postalCode: ['code_postal'],
  communeCode: ['code_insee'],
  communeName: ['nom_commune'],
  lon: ['lon', 'longitude'],
  lat: ['lat', 'latitude'],
};

const required: BanField[] = [
  'id',
  'number',
  'streetName',
  'communeCode',
  'communeName',
  'lon',
  'lat',
];

const fieldByName = new Map<string, BanField>();
for (const [field, names] of Object.entries(aliases) as [BanField, string[]][]) {
  for (const name of names) fieldByName.set(normaliseName(name), field);
}

/** Column index of each field; -1 for an optional field the file lacks. */
export type BanColumnMap = Record<BanField, number> & {
  /** Cells a row needs to hold every required field. */
  width: number;
  /** By column index, whether a row's cell is read. */
  wanted: boolean[];
  columns: BanColumns;
};

/** Reads the header; throws a BanFileError when it is not a BAN address file. */
export function readBanHeader(fields: string[]): BanColumnMap {
  const names = fields.map((field) => field.trim());
  while (names.length && names[names.length - 1] === '') names.pop();
  const normalised = names.map(normaliseName);
  const kind = guessFileKind(new Set(normalised));
  if (kind !== 'ban_addresses') throw banRefusals.notBan(kind);

  const index = {} as Record<BanField, number>;
  const ignored: string[] = [];
  normalised.forEach((name, at) => {
    const field = fieldByName.get(name);
    if (field && index[field] === undefined) index[field] = at;
    else ignored.push(names[at]);
  });
  const missing = required.filter((field) => index[field] === undefined);
  if (missing.length) throw banRefusals.missingColumns(missing.map((f) => aliases[f][0]));
  const missingOptional: string[] = [];
  for (const field of Object.keys(aliases) as BanField[]) {
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
