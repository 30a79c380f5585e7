/**
 * # Call lists
 *
 * A pure, streaming reader of an imported list of numbers to call, each with the evidence of
 * the person's consent. It takes bytes (`AsyncIterable<Uint8Array>`, a `Readable`) and gives
 * the numbers in batches, then a report. No database, no I/O: the import job stores what it
 * yields. Built on the field readers' pipeline (`field/addresses/reader.ts`): binary files
 * refused from their first bytes, text decoded line by line, problems counted by code.
 *
 * ## Format
 *
 * CSV with a header line; the delimiter is the most frequent of `;`, `,` and tab in the header.
 * UTF-8 (with or without a BOM) or Windows-1252, as Excel saves a French "CSV (;)": told from
 * the bytes, with a warning for the latter. Columns are found by name, case, accents, spaces
 * and punctuation ignored (`call-list-columns.ts` has every name accepted):
 *
 * - `téléphone` (or `phone`, `numéro`, `mobile`, `portable`, `tel`…): required. Read by
 *   `plan.ts`: national ("06 12 34 56 78", "0690…"), international ("+33…", "0033…"), a
 *   9-digit number whose 0 a spreadsheet dropped.
 * - `date_consentement` (or `consentement`, `consent_at`): required. `AAAA-MM-JJ` or
 *   `JJ/MM/AAAA`, a time after it or not (`14:30`, `14h30`, `T14:30:00+01:00`); without an
 *   offset, on the campaign's clock (`timeZone`, Europe/Paris by default).
 * - `source` (or `consent_source`, `preuve`): required. Free text, 200 characters kept.
 * - `créneau` (or `slot`): optional. The days and hours agreed to automated calls:
 *   `lun-ven 10:00-13:00`, `lun,mer,sam 9h-12h30`, `mon-fri 10-13` (see `consent.ts`).
 * - `prénom`, `nom`, `code_commune` (INSEE code): optional.
 *
 * ## Rows, problems, refusals
 *
 * A row is skipped, counted by a stable code with its first 20 line numbers, when its number
 * is missing or unreadable (one code per reason), a special number (08, short numbers: a
 * broadcast has no one to reach there), its consent's date is missing, unreadable, before 1990
 * or in the future, its source is missing, its number came earlier in the file (the first is
 * kept, and counted in `duplicates`), or its line is longer than 10 kB. A source over 200
 * characters is cut, an unreadable slot or commune code dropped, with a warning.
 *
 * A file is refused before any number, with a CallListFileError (422) and a stable code: an
 * empty or binary file, an unreadable header, no phone column (`not_a_call_list`, naming the
 * columns found), no consent date or source column (`missing_columns`), no row.
 *
 * Duplicates are found in an E164Set (8 bytes a number: 67 MB for 6,000,000).
 */
import type { Readable } from 'node:stream';
import { territories, type Territory } from '../../../../contracts/compliance.ts';
import {
  readTable,
  RowReader,
  sourceProblems,
  type RowFile,
  type RowReport,
} from '../../field/addresses/reader.ts';
import type { ProblemDescription } from '../../field/addresses/tally.ts';
import {
  callListColumnName,
  callListRefusals,
  readCallListHeader,
  type CallListColumnMap,
} from './call-list-columns.ts';
import {
  CallListRows,
  MAX_SOURCE_CHARS,
  type CallListProblemCode,
  type CallListRow,
} from './call-list-rows.ts';
import type { NumberClass } from './plan.ts';

export { CallListFileError, type CallListRefusalCode } from './call-list-columns.ts';
export type { CallListProblemCode, CallListRow } from './call-list-rows.ts';

/** Rows per batch, by default. */
export const CALL_LIST_BATCH_SIZE = 5000;

export interface CallListReport extends RowReport<CallListProblemCode> {
  /** Numbers yielded. */
  kept: number;
  /** Rows skipped because their number came earlier in the file (within `skipped`). */
  duplicates: number;
  /**
   * Numbers yielded by class (`special` stays 0: they are skipped), and by territory
   * (`foreign`: other countries').
   */
  byClass: Record<NumberClass, number>;
  byTerritory: Record<Territory | 'foreign', number>;
  /** Numbers yielded without an agreed slot: automated calls need one. */
  withoutSlot: number;
}

export type CallListEvent =
  { type: 'numbers'; rows: CallListRow[] } | { type: 'report'; report: CallListReport };

export interface CallListOptions {
  batchSize?: number;
  /** The clock of consent times written without an offset. */
  timeZone?: string;
  /** When the list is read: later consent dates are refused. */
  now?: Date;
}

const skipped = (message: string): ProblemDescription => ({
  severity: 'error',
  message: `${message} : ligne ignorée.`,
});

const problems: Record<CallListProblemCode, ProblemDescription> = {
  missing_phone: skipped('Numéro de téléphone vide'),
  phone_not_a_number: skipped('Numéro de téléphone illisible (lettres ou signes)'),
  phone_too_short: skipped('Numéro de téléphone trop court'),
  phone_too_long: skipped('Numéro de téléphone trop long'),
  phone_unknown_prefix: skipped(
    'Numéro dont le début n’existe pas dans le plan de numérotation français (ex. : 04 0…, 07 1…)',
  ),
  phone_unknown_country: skipped('Indicatif international inconnu (après le « + » ou le « 00 »)'),
  phone_invalid_number: skipped('Numéro étranger qui n’existe pas dans le plan de son pays'),
  special_number: skipped(
    'Numéro spécial (08…, numéro court) : personne à joindre par un message enregistré',
  ),
  missing_consent_date: skipped('Date du consentement vide'),
  bad_consent_date: skipped(
    'Date du consentement illisible, impossible, antérieure à 1990 ou à venir (attendu : JJ/MM/AAAA ou AAAA-MM-JJ, heure facultative)',
  ),
  missing_consent_source: skipped('Source (preuve) du consentement vide'),
  duplicate_phone: {
    severity: 'error',
    message: 'Numéro déjà présent plus haut dans le fichier : ligne ignorée, la première gardée.',
  },
  ...sourceProblems,
  line_too_long: skipped('Ligne démesurée (plus de 10 Ko, soit 10 240 caractères)'),
  consent_source_cut: {
    severity: 'warning',
    message: `Source du consentement de plus de ${MAX_SOURCE_CHARS} caractères : coupée (numéro gardé).`,
  },
  bad_slot: {
    severity: 'warning',
    message:
      'Créneau illisible (attendu : « lun-ven 10:00-13:00 ») : numéro gardé sans créneau, les appels automatisés ne l’appelleront pas.',
  },
  bad_commune_code: {
    severity: 'warning',
    message:
      'Code commune qui n’est pas un code INSEE (01001, 2A004…) : numéro gardé sans commune.',
  },
  not_utf8: {
    severity: 'warning',
    message:
      'Ligne qui n’est pas en UTF-8, lue en Windows-1252 : vérifiez ses accents (numéro gardé).',
  },
};

const zeroByClass = (): Record<NumberClass, number> => ({
  mobile: 0,
  geographic: 0,
  voip: 0,
  special: 0,
});
const zeroByTerritory = () =>
  Object.fromEntries([...territories, 'foreign'].map((key) => [key, 0])) as Record<
    Territory | 'foreign',
    number
  >;

/**
 * The push parser: feed it chunks, take the events. `push` and `end` throw a CallListFileError
 * when the file is refused (always before any number); after that, every call throws it again.
 */
export class CallListParser extends RowReader<
  'numbers',
  CallListRow,
  CallListProblemCode,
  CallListColumnMap,
  CallListReport
> {
  private readonly byClass = zeroByClass();
  private readonly byTerritory = zeroByTerritory();
  private withoutSlot = 0;

  constructor(options: CallListOptions = {}) {
    const rows = new CallListRows({
      timeZone: options.timeZone ?? 'Europe/Paris',
      now: options.now ?? new Date(),
    });
    const file: RowFile<'numbers', CallListRow, CallListProblemCode, CallListColumnMap> = {
      kind: 'numbers',
      refusals: callListRefusals,
      problems,
      readHeader: readCallListHeader,
      readRow: (map, line, cells) => rows.read(map, line, cells),
    };
    super(file, options.batchSize ?? CALL_LIST_BATCH_SIZE);
  }

  protected counted(row: CallListRow): void {
    this.byClass[row.numberClass]++;
    this.byTerritory[row.territory ?? 'foreign']++;
    if (row.slot === null) this.withoutSlot++;
  }

  protected report(): CallListReport {
    const reported = this.reported();
    const duplicates =
      reported.problems.find((problem) => problem.code === 'duplicate_phone')?.count ?? 0;
    return {
      ...reported,
      kept: this.kept,
      duplicates,
      byClass: { ...this.byClass },
      byTerritory: { ...this.byTerritory },
      withoutSlot: this.withoutSlot,
      warnings: callListWarnings(reported.encoding, this.map!),
    };
  }
}

/** Sentences for the staff about the file as a whole (line problems are in `problems`). */
function callListWarnings(encoding: CallListReport['encoding'], map: CallListColumnMap): string[] {
  const warnings: string[] = [];
  if (encoding !== 'utf-8') {
    warnings.push(
      `Le fichier n’est pas en UTF-8 : il a été lu en ${encoding === 'windows-1252' ? 'Windows-1252 (ISO-8859-1), comme l’enregistre un tableur' : encoding.toUpperCase()}. Vérifiez les accents de quelques noms et sources.`,
    );
  }
  if (map.slot === -1) {
    warnings.push(
      `La colonne « ${callListColumnName('slot')} » manque : aucun numéro n’a de créneau accepté, et les appels automatisés n’appellent une personne que dans les jours et heures qu’elle a acceptés.`,
    );
  }
  return warnings;
}

/** Bytes, whatever the source gives: a Readable in object or string mode is refused. */
async function* bytesOf(source: AsyncIterable<Uint8Array> | Readable) {
  for await (const chunk of source as AsyncIterable<unknown>) {
    if (!(chunk instanceof Uint8Array))
      throw new TypeError('readCallList: the source must give bytes');
    yield chunk;
  }
}

/**
 * Reads a call list as it streams in: `numbers` events (batches of `batchSize`, in line
 * order), then a `report` event. Throws a CallListFileError, before any number, when the file
 * is refused.
 */
export async function* readCallList(
  source: AsyncIterable<Uint8Array> | Readable,
  options: CallListOptions = {},
): AsyncGenerator<CallListEvent, void, undefined> {
  for await (const event of readTable(new CallListParser(options), bytesOf(source))) {
    yield event.type === 'report' ? event : { type: 'numbers', rows: event.numbers };
  }
}

/** The whole file at once (small files, tests): its numbers and the report. */
export async function collectCallList(
  source: AsyncIterable<Uint8Array> | Readable,
  options: CallListOptions = {},
): Promise<{ rows: CallListRow[]; report: CallListReport }> {
  const rows: CallListRow[] = [];
  let report: CallListReport | null = null;
  for await (const event of readCallList(source, options)) {
    if (event.type === 'report') report = event.report;
    else rows.push(...event.rows);
  }
  if (report === null) throw new Error('readCallList ended without its report');
  return { rows, report };
}
