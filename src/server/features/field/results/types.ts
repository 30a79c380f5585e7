import type { Delimiter } from '../../people/import/csv.ts';
import type { CsvEncoding } from '../../people/import/encoding.ts';

/** One candidate (or list) of a polling station's row. */
export interface CandidateResult {
  /** Panel number (N°Panneau, N.Pan., N°Liste, Numéro de panneau N); the block's rank when the file has none. */
  panel: number;
  /** 'F' or 'M' (the 2024 files' FEMININ / MASCULIN are shortened); null for lists or when absent. */
  sex: 'F' | 'M' | null;
  /**
   * The candidate's last name; for a list, the head of list's name when the file gives it, else
   * the list's (short) label, so that every candidate has a name.
   */
  lastName: string;
  firstName: string | null;
  /** The nuance (candidate's, else the list's), as the ministry codes it; null when none. */
  nuance: string | null;
  /** The list's label (short label when both are given), for list elections; else null. */
  list: string | null;
  votes: number;
}

/** One polling station's results, normalised. */
export interface StationResult {
  /** Physical line of the file (the header is line 1). */
  line: number;
  /** INSEE département code: '01', '2A', '971', '977'…; 'ZZ' for French people abroad. */
  departmentCode: string;
  departmentName: string | null;
  /** Constituency code as the file writes it (legislative and presidential files); else null. */
  constituencyCode: string | null;
  /** INSEE commune code ('01001', '2A004', '97101'); null abroad (ZZ) or when it cannot be derived. */
  communeCode: string | null;
  communeName: string;
  /** The polling station's code, padded to 4 characters ('1' → '0001'). */
  stationCode: string;
  /** `communeCode + '_' + stationCode`, as INSEE's REU names polling stations; null without a commune code. */
  stationId: string | null;
  /** A ZZ row: French people abroad, no commune. */
  abroad: boolean;
  /** The codes as the file writes them (before mapping). */
  source: { departmentCode: string; communeCode: string; stationCode: string };
  registered: number;
  /** From the file, or registered − voters when the file has no Abstentions column. */
  abstentions: number;
  /** From the file, or registered − abstentions when the file has no Votants column. */
  voters: number;
  /** Null when the file has no Blancs column (files before 2014 merge blank and invalid ballots). */
  blank: number | null;
  /** Null when the file has no Nuls column. */
  invalid: number | null;
  expressed: number;
  candidates: CandidateResult[];
}

/**
 * '2017-2022': fixed columns, then a block of candidate columns that the header names once and
 * that rows repeat any number of times (municipal 2020 files included).
 * '2024': numbered columns (`Voix 1`, `Voix 2`…), every block named in the header.
 */
export type ResultsLayoutKind = '2017-2022' | '2024';

export interface ResultsLayout {
  kind: ResultsLayoutKind;
  /** The header's columns. */
  columns: number;
  /** The fixed columns before the candidates (2017–2022), or all unnumbered columns (2024). */
  fixedColumns: string[];
  /** One block's column names as the header writes them (without the number in 2024 files). */
  blockColumns: string[];
  /** Blocks named in the header: 1 in 2017–2022 files (rows repeat it), N in 2024 files. */
  headerBlocks: number;
  /** Whether candidates carry a nuance (legislative, municipal, 2024 files). */
  nuance: boolean;
  /** Whether rows carry a constituency code. */
  constituency: boolean;
  /** Whether blocks carry a list label (list elections, municipal files). */
  lists: boolean;
}

/** Line problems. Errors skip the row; warnings keep it. */
export type ResultsProblemCode =
  // errors: the row is not yielded
  | 'not_a_number'
  | 'empty_count'
  | 'missing_code'
  | 'row_cut_short'
  | 'block_cut_short'
  | 'incomplete_candidate'
  | 'too_many_cells'
  | 'broken_quote'
  | 'line_too_long'
  | 'duplicate_station'
  // warnings: the row is yielded
  | 'no_insee_code'
  | 'candidate_votes_exceed_expressed'
  | 'votes_do_not_add_up'
  | 'ballots_do_not_add_up'
  | 'turnout_does_not_add_up';

export interface ResultsProblem {
  line: number;
  code: ResultsProblemCode;
  /** 'error': the row was skipped; 'warning': it was kept. */
  severity: 'error' | 'warning';
  /** A sentence in French, for the staff. */
  message: string;
}

/** A candidate seen in the file, with the stations that list it and its total of votes. */
export interface CandidateSeen {
  panel: number;
  sex: 'F' | 'M' | null;
  lastName: string;
  firstName: string | null;
  nuance: string | null;
  list: string | null;
  stations: number;
  votes: number;
}

export interface ResultsReport {
  layout: ResultsLayout;
  encoding: CsvEncoding;
  bom: boolean;
  delimiter: Delimiter;
  /** Data rows read (blank lines aside), skipped ones included. */
  rows: number;
  /** Stations yielded. */
  stations: number;
  /** Rows skipped for an error. */
  skipped: number;
  /** Stations of French people abroad (ZZ), yielded without a commune code. */
  abroad: number;
  /** Stations yielded without a commune code although not abroad (see the no_insee_code warnings). */
  withoutCommuneCode: number;
  /** Problems by code (errors and warnings). */
  problems: Partial<Record<ResultsProblemCode, number>>;
  /** Candidates in order of first appearance. */
  candidates: CandidateSeen[];
}

export type ResultsEvent =
  | { type: 'layout'; layout: ResultsLayout }
  | { type: 'station'; station: StationResult }
  | { type: 'problem'; problem: ResultsProblem }
  | { type: 'report'; report: ResultsReport };

/** Why a file is refused before any row. */
export type ResultsRefusalCode =
  | 'empty_file'
  | 'not_text'
  | 'unreadable_header'
  | 'not_results_file'
  | 'not_by_polling_station'
  | 'missing_columns'
  | 'no_rows';
