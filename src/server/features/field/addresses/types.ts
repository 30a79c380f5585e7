import type { HeaderColumns } from './header-columns.ts';
import type { RowReport, SourceProblemCode, SourceRefusalCode } from './reader.ts';
import type { LineProblem } from './tally.ts';

/** One address of the Base Adresse Nationale, normalised: a door of door-to-door. */
export interface BanAddress {
  /** Physical line of the file (the header is line 1). */
  line: number;
  /** The BAN's id (`id`, the BAL interoperability key): `01001_0005_00010`, `01001_0005_00010_bis`. */
  banId: string;
  /** FANTOIR id of the street (`id_fantoir`, `01001_0005`), or null. */
  fantoirId: string | null;
  /** The number in the street; 0 when the address has none (`numero` empty or 99999). */
  number: number;
  /** The repetition index (`rep`) in lower case: `bis`, `ter`, `a`…; null when none. */
  suffix: string | null;
  /** `nom_voie`: the street, or the lieu-dit for addresses named after one. */
  streetName: string;
  /** `nom_ld`: the lieu-dit the address also belongs to, when the file names one; else null. */
  locality: string | null;
  /** Five digits, or null (column absent, empty or not a postal code). */
  postalCode: string | null;
  /** INSEE code of the current commune (`code_insee`): `01001`, `2A004`, `97101`. */
  communeCode: string;
  communeName: string;
  /** WGS 84. */
  lon: number;
  lat: number;
  /**
   * Identifies the street within its commune: the id's first two parts (`01001_0005` for
   * `01001_0005_00010`), else `communeCode|folded street name` (`01001|route de la fontaine`).
   */
  streetKey: string;
}

export type BanProblemCode =
  // errors: the line is skipped
  | 'no_coordinates'
  | 'bad_coordinates'
  | 'bad_number'
  | 'missing_street'
  | 'bad_insee_code'
  | 'missing_commune_name'
  | 'missing_id'
  // a warning: the address is kept
  | 'bad_postal_code'
  // row_cut_short, broken_quote, line_too_long (errors), not_utf8 (a warning)
  | SourceProblemCode;

export type BanProblem = LineProblem<BanProblemCode>;

/** The header as read, and what of it the reader uses. */
export type BanColumns = HeaderColumns;

export interface BanReport extends RowReport<BanProblemCode> {
  /** Whether the file was gzip (inflated as read). */
  gzip: boolean;
  /** Addresses yielded. */
  addresses: number;
  /** Addresses yielded with number 0 (`numero` empty or 99999: a lieu-dit or street point). */
  withoutNumber: number;
  /** Distinct INSEE codes among the addresses yielded. */
  communes: number;
}

export type BanEvent =
  { type: 'addresses'; addresses: BanAddress[] } | { type: 'report'; report: BanReport };

/** Why a file is refused before any row. */
export type BanRefusalCode = SourceRefusalCode | 'bad_gzip' | 'not_ban_file';
