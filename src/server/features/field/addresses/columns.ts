/**
 * The header of a BAN address file: which column holds what, found by name (case, accents,
 * spaces and underscores ignored), so that columns may move, be added or (the optional ones)
 * go away.
 */
import { headerColumnsReader, type ColumnMap } from './header-columns.ts';
import { banRefusals } from './refusal.ts';

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

/** Column index of each field; -1 for an optional field the file lacks. */
export type BanColumnMap = ColumnMap<BanField>;

/** Reads the header; throws when it is not the file this reader reads. */
export const readBanHeader = headerColumnsReader<BanField>({
  kind: 'ban_addresses',
  aliases,
  required,
  notKind: (kind) => banRefusals.notBan(kind),
  missingColumns: (names) => banRefusals.missingColumns(names),
});
