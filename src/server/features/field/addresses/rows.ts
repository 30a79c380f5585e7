/**
 * One row of a BAN file → an address, or the code of the reason it is skipped. Called once per
 * row of files of millions: plain loops and comparisons rather than regular expressions where
 * it is measurably cheaper.
 */
import type { BanColumnMap } from './columns.ts';
import type { RowOutcome as ReaderRowOutcome } from './reader.ts';
import { isBlankRow } from './source.ts';
import type { BanAddress, BanProblemCode } from './types.ts';

/** The BAL's number of a toponym (a street or lieu-dit point without a number). */
export const TOPONYM_NUMBER = 99999;

const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;
const POSTAL_CODE = /^\d{5}$/;
/** A BAN id's street part: commune code, `_`, the street's code (FANTOIR or 6-character), `_`. */
const STREET_OF_ID = /^(?:\d{5}|2[AB]\d{3})_[0-9A-Za-z]+(?=_)/;

const text = (cell: string | undefined) => (cell === undefined ? '' : cell.trim());

/** Street name folded for comparison: no accents, lower case, words separated by one space. */
export const foldStreetName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A street's key by its name: `communeCode|folded street name` (`01001|route de la fontaine`). */
export const namedStreetKey = (communeCode: string, streetName: string) =>
  `${communeCode}|${foldStreetName(streetName)}`;

/** `01001_0005` for `01001_0005_00010`; else `communeCode|folded street name`. */
export function streetKeyOf(banId: string, communeCode: string, streetName: string): string {
  const street = STREET_OF_ID.exec(banId);
  return street ? street[0] : namedStreetKey(communeCode, streetName);
}

/** `numero` → 0–99999, with 99999 (a toponym) and empty read as 0; -1 when not a number. */
export function parseHouseNumber(cell: string): number {
  const digits = cell.trim();
  if (digits.length === 0) return 0;
  if (digits.length > 5) return -1;
  let value = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value === TOPONYM_NUMBER ? 0 : value;
}

/**
 * A coordinate in degrees, NaN when empty or not a number. Plain decimals (`4.921026`, the
 * BAN's) are read digit by digit: one exact division by a power of ten, so the same double as
 * Number() gives, for less. Anything else (a decimal comma, an exponent, many digits) goes to
 * Number().
 */
export function parseDegrees(cell: string): number {
  const length = cell.length;
  let at = 0;
  let negative = false;
  const first = cell.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    at = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; at < length; at++) {
    const code = cell.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      if (decimals !== -1) decimals++;
    } else if (code === 46 /* . */ && decimals === -1) decimals = 0;
    else break;
  }
  if (at === length && digits > 0 && digits <= 15 && decimals !== 0) {
    const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
    return negative ? -value : value;
  }
  const text = cell.trim();
  if (text === '') return NaN;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : NaN;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, n) => 10 ** n);

/** WGS 84 bounds; (0, 0) is a missing position written as zeros. */
export const validPosition = (lon: number, lat: number) =>
  lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 && !(lon === 0 && lat === 0);

/** An address, or null (skipped); one problem: why it was skipped, or a warning on it. */
type RowOutcome = ReaderRowOutcome<BanAddress, BanProblemCode>;

/** A blank row: neither an address nor a problem. */
const BLANK: RowOutcome = { row: null, problems: null };
const skipped = new Map<BanProblemCode, RowOutcome>();
/** The outcome of a skipped row (shared: one per code, never changed). */
const skip = (problem: BanProblemCode): RowOutcome => {
  let outcome = skipped.get(problem);
  if (!outcome) skipped.set(problem, (outcome = { row: null, problems: problem }));
  return outcome;
};

/**
 * Reads one data row; `problems` is one code, either with a null row (skipped) or with the
 * address (a warning). A row of empty cells gives neither (blank, not counted).
 */
export function readBanRow(map: BanColumnMap, line: number, cells: string[]): RowOutcome {
  if (cells.length < map.width) return isBlankRow(cells) ? BLANK : skip('row_cut_short');
  const banId = text(cells[map.id]);
  if (banId === '') return isBlankRow(cells) ? BLANK : skip('missing_id');
  let communeCode = text(cells[map.communeCode]).toUpperCase();
  // A spreadsheet that took the code for a number drops its leading zero: 1001 is 01001.
  if (communeCode.length === 4) communeCode = `0${communeCode}`;
  if (!INSEE_CODE.test(communeCode)) return skip('bad_insee_code');
  const streetName = text(cells[map.streetName]);
  if (streetName === '') return skip('missing_street');
  const communeName = text(cells[map.communeName]);
  if (communeName === '') return skip('missing_commune_name');
  const number = parseHouseNumber(cells[map.number]);
  if (number === -1) return skip('bad_number');
  const lon = parseDegrees(cells[map.lon]);
  const lat = parseDegrees(cells[map.lat]);
  if (Number.isNaN(lon) || Number.isNaN(lat)) {
    return skip(
      cells[map.lon].trim() === '' || cells[map.lat].trim() === ''
        ? 'no_coordinates'
        : 'bad_coordinates',
    );
  }
  if (!validPosition(lon, lat)) return skip('bad_coordinates');

  let problem: BanProblemCode | null = null;
  let postalCode: string | null = null;
  if (map.postalCode !== -1) {
    const written = text(cells[map.postalCode]);
    if (POSTAL_CODE.test(written)) postalCode = written;
    else if (written !== '') problem = 'bad_postal_code';
  }
  const suffix = map.suffix === -1 ? '' : text(cells[map.suffix]).toLowerCase();
  const fantoirId = map.fantoirId === -1 ? '' : text(cells[map.fantoirId]);
  const locality = map.locality === -1 ? '' : text(cells[map.locality]);
  return {
    row: {
      line,
      banId,
      fantoirId: fantoirId || null,
      number,
      suffix: suffix || null,
      streetName,
      locality: locality || null,
      postalCode,
      communeCode,
      communeName,
      lon,
      lat,
      streetKey: streetKeyOf(banId, communeCode, streetName),
    },
    problems: problem,
  };
}
