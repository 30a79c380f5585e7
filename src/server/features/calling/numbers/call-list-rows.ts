/** One row of a call list → a number to call with its consent evidence, or why it is skipped. */
import type { Territory } from '../../../../contracts/compliance.ts';
import type { RowOutcome, SourceProblemCode } from '../../field/addresses/reader.ts';
import { isBlankRow } from '../../field/addresses/source.ts';
import { MAX_LINE_CHARS, type CallListColumnMap } from './call-list-columns.ts';
import { ConsentDateReader, readSlot, type AgreedSlot } from './consent.ts';
import { E164Set } from './e164-set.ts';
import { readCallNumber, type InvalidReason, type NumberClass } from './plan.ts';

export interface CallListRow {
  /** Physical line of the file (the header is line 1). */
  line: number;
  e164: string;
  numberClass: NumberClass;
  /** Where the number rings; null: another country's number. */
  territory: Territory | null;
  /** When the person agreed (a row without it is skipped). */
  consentAt: Date;
  /** What proves it, as written (200 characters at most). */
  consentSource: string;
  /** The days and hours agreed for automated calls; null when the row gives none. */
  slot: AgreedSlot | null;
  firstName: string | null;
  lastName: string | null;
  /** INSEE code of the person's commune (5 characters), when given. */
  communeCode: string | null;
}

export type CallListProblemCode =
  // errors: the row is skipped
  | 'missing_phone'
  | `phone_${Exclude<InvalidReason, 'empty'>}`
  | 'special_number'
  | 'missing_consent_date'
  | 'bad_consent_date'
  | 'missing_consent_source'
  | 'duplicate_phone'
  // warnings: the number is kept
  | 'consent_source_cut'
  | 'bad_slot'
  | 'bad_commune_code'
  // row_cut_short, broken_quote, line_too_long (errors), not_utf8 (a warning)
  | SourceProblemCode;

/** Characters of a consent's source kept. */
export const MAX_SOURCE_CHARS = 200;
const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;

type Outcome = RowOutcome<CallListRow, CallListProblemCode>;
const BLANK: Outcome = { row: null, problems: null };
const skip = (problem: CallListProblemCode): Outcome => ({ row: null, problems: problem });

/** A field's cell, trimmed; '' for a field the file lacks (-1) or a row too short for it. */
function cellOf(cells: string[], index: number): string {
  const cell = index === -1 ? undefined : cells[index];
  return cell === undefined ? '' : cell.trim();
}

function lineLength(cells: string[]): number {
  let length = cells.length - 1;
  for (const cell of cells) length += cell.length;
  return length;
}

/** A commune code as written → 5 characters (a 4-digit one lost its leading zero); or null. */
function communeCodeOf(written: string): string | null | 'invalid' {
  if (written === '') return null;
  const code = /^\d{4}$/.test(written) ? `0${written}` : written.toUpperCase();
  return INSEE_CODE.test(code) ? code : 'invalid';
}

/** Reads the rows of one file: it remembers the numbers seen, to skip their duplicates. */
export class CallListRows {
  private readonly seen = new E164Set();
  private readonly dates: ConsentDateReader;

  constructor(options: { timeZone: string; now: Date }) {
    this.dates = new ConsentDateReader(options.timeZone, options.now);
  }

  /** Reads one data row. A row of empty cells gives neither a number nor a problem. */
  read(map: CallListColumnMap, line: number, cells: string[]): Outcome {
    if (lineLength(cells) > MAX_LINE_CHARS) return skip('line_too_long');
    if (cells.length < map.width) return isBlankRow(cells) ? BLANK : skip('row_cut_short');
    const phone = cellOf(cells, map.phone);
    if (phone === '') return isBlankRow(cells) ? BLANK : skip('missing_phone');
    const number = readCallNumber(phone);
    if (number.status === 'invalid') {
      return skip(number.reason === 'empty' ? 'missing_phone' : `phone_${number.reason}`);
    }
    if (number.numberClass === 'special') return skip('special_number');

    const writtenDate = cellOf(cells, map.consentAt);
    if (writtenDate === '') return skip('missing_consent_date');
    const consentAt = this.dates.read(writtenDate);
    if (consentAt === 'invalid') return skip('bad_consent_date');
    let consentSource = cellOf(cells, map.consentSource);
    if (consentSource === '') return skip('missing_consent_source');
    // Last: a number skipped above does not hide a later line that has what it lacked.
    if (!this.seen.add(number.e164)) return skip('duplicate_phone');

    const problems: CallListProblemCode[] = [];
    if (consentSource.length > MAX_SOURCE_CHARS) {
      consentSource = consentSource.slice(0, MAX_SOURCE_CHARS);
      problems.push('consent_source_cut');
    }
    let slot = readSlot(cellOf(cells, map.slot));
    if (slot === 'invalid') {
      problems.push('bad_slot');
      slot = null;
    }
    let communeCode = communeCodeOf(cellOf(cells, map.communeCode));
    if (communeCode === 'invalid') {
      problems.push('bad_commune_code');
      communeCode = null;
    }
    const row: CallListRow = {
      line,
      e164: number.e164,
      numberClass: number.numberClass,
      territory: number.territory,
      consentAt,
      consentSource,
      slot,
      firstName: cellOf(cells, map.firstName) || null,
      lastName: cellOf(cells, map.lastName) || null,
      communeCode,
    };
    return { row, problems: problems.length ? problems : null };
  }
}
