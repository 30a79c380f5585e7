import type { RowReport, SourceProblemCode, SourceRefusalCode } from '../addresses/reader.ts';
import type { LineProblem } from '../addresses/tally.ts';

/** One elector of the electoral list a candidate obtains (Code électoral L37), normalised. */
export interface Elector {
  /** Physical line of the file (the header is line 1). */
  line: number;
  /** INSEE code of the list's commune, 5 characters: `01001`, `2A004`, `97120`. */
  communeCode: string;
  communeName: string | null;
  /** The polling station's code, padded to 4 characters (`1` → `0001`). */
  stationCode: string;
  /** `communeCode + '_' + stationCode` (`01001_0001`), as the REU and results readers name stations. */
  stationId: string;
  /** `NoElecteurGeneral`, or the number in the station (« Numéro d'ordre »), as written. */
  listNumber: string | null;
  sex: 'F' | 'M' | null;
  /** `NomdeNaissance`, or `NomDusage` when the birth name is empty. */
  birthName: string;
  /** `NomDusage`; null when empty or the same as the birth name. */
  usageName: string | null;
  givenNames: string;
  /** ISO `yyyy-mm-dd`; null when absent or unreadable (a `bad_birth_date` warning). */
  birthDate: string | null;
  /** The number in the street (`NumeroVoie`'s digits), or null. */
  number: number | null;
  /** The repetition index after the number (`12 BIS`, `12B`) in lower case: `bis`, `b`…; or null. */
  suffix: string | null;
  /** `TypeVoie LibelleVoie` as written, or the lieu-dit when there is no street; or null. */
  street: string | null;
  /** `ComplementDeLocalisation1` and `2`, joined by `, `; or null. */
  complement: string | null;
  /** Five digits, or null. */
  postalCode: string | null;
  /** `VilleLocalite`: where the elector lives, as written; or null. */
  city: string | null;
  /**
   * `communeCode|folded street name` with the street type spelt out (`R` → `Rue`), folded as the
   * BAN reader folds its street names (`01004|rue alexandre berard`): matches the BAN addresses
   * named alike, with `number` and `suffix`. Null without a street.
   */
  streetKey: string | null;
}

export type ElectorProblemCode =
  // errors: the row is skipped
  | 'missing_name'
  | 'missing_given_names'
  | 'bad_commune_code'
  | 'missing_station'
  // warnings: the elector is kept
  | 'bad_birth_date'
  | 'bad_sex'
  | 'bad_postal_code'
  | 'bad_number'
  // row_cut_short, broken_quote, line_too_long (errors), not_utf8 (a warning)
  | SourceProblemCode;

export type ElectorProblem = LineProblem<ElectorProblemCode>;

export interface ElectorReport extends RowReport<ElectorProblemCode> {
  /** Electors yielded. */
  electors: number;
  /** Distinct communes and polling stations (`stationId`) among the electors yielded. */
  communes: number;
  stations: number;
}

export type ElectorEvent =
  { type: 'electors'; electors: Elector[] } | { type: 'report'; report: ElectorReport };

/** Why a file is refused before any row. */
export type ElectorRefusalCode = SourceRefusalCode | 'not_electoral_list';
