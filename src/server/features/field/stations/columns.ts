/**
 * The header of INSEE's REU address table: which column holds what, by name (case, accents,
 * spaces and underscores ignored). INSEE's own code names the station column `id_brut_bv`
 * before publishing it as `id_brut_bv_reu`: both are read.
 */
import { headerColumnsReader, type ColumnMap } from '../addresses/header-columns.ts';
import { reuRefusals } from './refusal.ts';

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

/** Column index of each field; -1 for an optional field the file lacks. */
export type ReuColumnMap = ColumnMap<ReuField>;

/** Reads the header; throws when it is not the file this reader reads. */
export const readReuHeader = headerColumnsReader<ReuField>({
  kind: 'reu_addresses',
  aliases,
  required,
  notKind: (kind) => reuRefusals.notReu(kind),
  missingColumns: (names) => reuRefusals.missingColumns(names),
});
