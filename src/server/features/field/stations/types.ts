import type { HeaderColumns } from '../addresses/header-columns.ts';
import type { RowReport, SourceProblemCode, SourceRefusalCode } from '../addresses/reader.ts';
import type { LineProblem } from '../addresses/tally.ts';

/** The geocoder's match types seen in the REU table (`geo_type`), best first. */
export const reuGeoTypes = [
  'housenumber',
  'interpolation',
  'street',
  'locality',
  'municipality',
] as const;

/**
 * One row of INSEE's REU address table: the electors' addresses of one polling station that
 * the geocoder matched to one Base Adresse Nationale object.
 */
export interface ReuAddress {
  /** Physical line of the file (the header is line 1). */
  line: number;
  /** `code_commune_ref`: the INSEE code of the station's commune. */
  communeCode: string;
  /** The station's code in its commune, padded to 4 characters (`1` → `0001`). */
  stationCode: string;
  /** `communeCode + '_' + stationCode` (`01001_0001`), as the results reader names stations. */
  stationId: string;
  /** `id_brut_bv_reu` as written (`01001_1`). */
  rawStationId: string;
  /**
   * The BAN id the addresses were geocoded to: an address (`01001_0120_00001`), a street
   * (`01001_0120`, when `geoType` is street), a lieu-dit, or a commune code (municipality).
   * Null when the row has none or an OpenStreetMap (BANO) id.
   */
  banId: string | null;
  /** `geo_type` in lower case (housenumber, interpolation, street, locality, municipality…), or null. */
  geoType: string | null;
  /** `geo_score`, 0–1, or null. */
  geoScore: number | null;
  /** WGS 84, both null when the row has no usable position. */
  lon: number | null;
  lat: number | null;
  /** `geo_adresse`: the label of what the geocoder found, or null. */
  label: string | null;
  /**
   * `nb_adresses`: how many of the station's address lines in INSEE's (anonymised) extract of
   * the register were geocoded to this BAN id. Addresses, not electors: a weight, not a head
   * count. Null when absent.
   */
  addressCount: number | null;
  /** `nb_bv_commune`: the commune's polling stations in the register, or null. */
  stationsInCommune: number | null;
}

export type ReuProblemCode =
  // errors: the row is skipped
  | 'bad_insee_code'
  | 'missing_station'
  // warnings: the row is kept
  | 'no_coordinates'
  | 'bad_coordinates'
  | 'no_ban_id'
  | 'bano_id'
  | 'bad_geo_score'
  | 'bad_count'
  | 'station_commune_differs'
  // row_cut_short, broken_quote, line_too_long (errors), not_utf8 (a warning)
  | SourceProblemCode;

export type ReuProblem = LineProblem<ReuProblemCode>;

/** The header as read, and what of it the reader uses. */
export type ReuColumns = HeaderColumns;

export interface ReuReport extends RowReport<ReuProblemCode> {
  gzip: boolean;
  /** Rows yielded. */
  addresses: number;
  /** Distinct polling stations (`stationId`) and communes among the rows yielded. */
  stations: number;
  communes: number;
  /** Rows yielded without a BAN id, and without a position. */
  withoutBanId: number;
  withoutPosition: number;
  /** Rows yielded by geo_type (`none` for an empty one). */
  geoTypes: Record<string, number>;
}

export type ReuEvent =
  { type: 'addresses'; addresses: ReuAddress[] } | { type: 'report'; report: ReuReport };

/** Why a file is refused before any row. */
export type ReuRefusalCode = SourceRefusalCode | 'bad_gzip' | 'not_reu_file';
