/**
 * Reading a phone number for a call list: E.164, class (mobile, geographic, VoIP, special) and
 * the French territory it rings in (null: another country's).
 *
 * The French plan's numbers — metropolitan, overseas departments (+262, +590, +594, +596),
 * Saint-Pierre-et-Miquelon (+508), Wallis-et-Futuna (+681), Polynesia (+689), New Caledonia
 * (+687) — are read here, without libphonenumber: an import reads millions of them. Other
 * countries' numbers go to libphonenumber (with its types metadata).
 *
 * Accepted: "06 12 34 56 78", "06.12.34.56.78", "+33 6 12…", "+33 (0)6 12…", "0033 6…",
 * "+590 690 12 34 56", "00590 690…", "+5900690…"; a 9-digit number is one whose leading 0 a
 * spreadsheet dropped ("612345678"), and "33612345678" or "262692123456" lost their "+". The
 * national prefix decides the country code: "+33 692…" is Réunion's +262 692…, as it can only
 * be that number. Short numbers (15, 112, 3949, 118 712…) are read as special numbers, their
 * `e164` being "+33" and the short number (they cannot be dialled from abroad).
 *
 * Pacific numbers have no national prefix: "+689 87 12 34 56" is read, "87 12 34 56" is not (it
 * is no French-plan number), and a 9-digit "681 72 12 34" is the metropolitan 06 81 72 12 34.
 */
import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type NumberType,
} from 'libphonenumber-js/max';
import type { Territory } from '../../../../contracts/compliance.ts';
import {
  prefixLeaf,
  SAINT_PIERRE,
  UNASSIGNED,
  TEN_DIGIT_PLAN_CODES,
  type NumberClass,
} from './prefixes.ts';

export type { NumberClass };

export interface CallNumber {
  status: 'ok';
  e164: string;
  numberClass: NumberClass;
  /** Where the number rings; null: another country's number. */
  territory: Territory | null;
  /** The E.164 country code, without "+" ("33", "590"). */
  countryCode: string;
}

export type InvalidReason =
  /** Nothing written. */
  | 'empty'
  /** Letters or signs that no way of writing a number has. */
  | 'not_a_number'
  | 'too_short'
  | 'too_long'
  /** A French-plan number whose prefix is not opened (04 0…, 07 1…, 00…). */
  | 'unknown_prefix'
  /** "+" and a country code that does not exist. */
  | 'unknown_country'
  /** Another country's number that its plan does not have (libphonenumber says so). */
  | 'invalid_number';

export interface InvalidNumber {
  status: 'invalid';
  reason: InvalidReason;
}

export type CallNumberReading = CallNumber | InvalidNumber;

const invalid = (reason: InvalidReason): InvalidNumber => ({ status: 'invalid', reason });
const ok = (
  e164: string,
  numberClass: NumberClass,
  territory: Territory | null,
  countryCode: string,
): CallNumber => ({ status: 'ok', e164, numberClass, territory, countryCode });

/** Spaces (all of Unicode's), dots, dashes, slashes and brackets: how people space numbers. */
const SEPARATORS = /[\s.\-/()]/g;
const DIGITS = /^\d+$/;
/** 15, 17, 18, 112, 114, 115, 119, 116 xxx, 118 xxx, 10 xx, 3 xxx (ARCEP's short numbers). */
const SHORT_NUMBER = /^(?:1[578]|11[0-9]|116\d{3}|118\d{3}|10\d\d|3\d{3})$/;

/** Whether the string is digits, with one "+" first or not: nothing to take out. */
function isCompact(input: string): boolean {
  const length = input.length;
  if (length === 0) return false;
  for (let at = input.charCodeAt(0) === 43 ? 1 : 0; at < length; at++) {
    const code = input.charCodeAt(at);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Reads a number as written in a call list, a form or a caller-ID setting. */
export function readCallNumber(input: string): CallNumberReading {
  let s = input;
  if (!isCompact(s)) {
    // "+33 (0)6…": the trunk 0 some write after the country code goes with its brackets.
    s = s.replace('(0)', '').replace(SEPARATORS, '');
    if (s === '') return invalid(input.trim() === '' ? 'empty' : 'not_a_number');
  }
  if (s.charCodeAt(0) === 43) return readInternational(s.slice(1));
  if (!DIGITS.test(s)) return invalid('not_a_number');
  if (s.startsWith('00')) return readInternational(s.slice(2));
  if (s.charCodeAt(0) === 48) {
    return s.length === 10 ? readNational(s) : invalid(s.length < 10 ? 'too_short' : 'too_long');
  }
  return readWithoutPrefix(s);
}

/** Digits with neither "+" nor a leading 0. */
function readWithoutPrefix(digits: string): CallNumberReading {
  const length = digits.length;
  if (length === 9) return readNational(`0${digits}`);
  if (length === 11 && (digits.startsWith('33') || digits.startsWith('689'))) {
    return readInternational(digits);
  }
  if (length === 12 && TEN_DIGIT_PLAN_CODES.includes(digits.slice(0, 3))) {
    return readInternational(digits);
  }
  if (SHORT_NUMBER.test(digits)) return ok(`+33${digits}`, 'special', 'metropole', '33');
  return invalid(length < 9 ? 'too_short' : 'too_long');
}

/** The digits after "+" (or "00"). */
function readInternational(digits: string): CallNumberReading {
  if (!DIGITS.test(digits)) return invalid('not_a_number');
  return readFrenchPlanInternational(digits) ?? readForeign(digits);
}

/** A number of the French plan given with its country code; null for another country's. */
function readFrenchPlanInternational(digits: string): CallNumberReading | null {
  if (digits.startsWith('33')) return readSignificant(digits.slice(2));
  const code = digits.slice(0, 3);
  const rest = digits.slice(3);
  switch (code) {
    case '262':
    case '590':
    case '594':
    case '596':
      return readSignificant(rest);
    case '508':
      return readSaintPierre(dropTrunkZero(rest, 7));
    case '681':
      return readWallis(rest);
    case '689':
      return readPolynesia(rest);
    case '687':
      return readNewCaledonia(rest);
    default:
      return null;
  }
}

/** "+33 0 6 12…" is a common way of writing it: that 0 goes. */
const dropTrunkZero = (rest: string, length: number) =>
  rest.length === length && rest.charCodeAt(0) === 48 ? rest.slice(1) : rest;

/** The 9 significant digits of a 10-digit-plan number, after its country code. */
function readSignificant(written: string): CallNumberReading {
  const rest = dropTrunkZero(written, 10);
  if (rest.length !== 9) return invalid(rest.length < 9 ? 'too_short' : 'too_long');
  if (rest.charCodeAt(0) === 48) return invalid('unknown_prefix');
  return readNational(`0${rest}`);
}

/** "0" and 9 digits. */
function readNational(national: string): CallNumberReading {
  const leaf = prefixLeaf(national);
  if (leaf === UNASSIGNED) return invalid('unknown_prefix');
  if (leaf === SAINT_PIERRE) return readSaintPierre(national.slice(4));
  return ok(leaf.plus + national.slice(1), leaf.numberClass, leaf.territory, leaf.countryCode);
}

/**
 * Saint-Pierre-et-Miquelon: 6 digits; 40, 44, 55, 56 are mobile blocks, the others fixed or
 * both (geographic); 708 and 6 digits are its longer mobile numbers, 80 and 7 digits special.
 */
function readSaintPierre(local: string): CallNumberReading {
  const at = (numberClass: NumberClass) => ok(`+508${local}`, numberClass, '975', '508');
  if (local.length === 6) {
    if (!/^[2-9]/.test(local)) return invalid('unknown_prefix');
    return at(/^(?:4[04]|5[56])/.test(local) ? 'mobile' : 'geographic');
  }
  if (local.length === 9) {
    if (/^708(?:4[0-5]|5[0-6])/.test(local)) return at('mobile');
    if (/^80[6-9]/.test(local)) return at('geographic');
    if (/^8(?:0[0-5]|[129])/.test(local)) return at('special');
    return invalid('unknown_prefix');
  }
  return invalid(local.length < 6 ? 'too_short' : 'too_long');
}

/** Wallis-et-Futuna: 6 digits (72 fixed or mobile, 82–83 mobile, 92–93 VoIP), 80x special. */
function readWallis(local: string): CallNumberReading {
  const at = (numberClass: NumberClass) => ok(`+681${local}`, numberClass, '986', '681');
  if (local.length === 6) {
    if (local.startsWith('72')) return at('geographic');
    if (/^8[23]/.test(local)) return at('mobile');
    if (/^9[23]/.test(local)) return at('voip');
    if (/^[48]0/.test(local)) return at('special');
    return invalid('unknown_prefix');
  }
  if (local.length === 9) return /^80[0-5]/.test(local) ? at('special') : invalid('unknown_prefix');
  return invalid(local.length < 6 ? 'too_short' : 'too_long');
}

/** French Polynesia: 8 digits (40x/49x fixed, 499 VoIP, 87–89 mobile); 44 xxxx, 80x special. */
function readPolynesia(local: string): CallNumberReading {
  const at = (numberClass: NumberClass) => ok(`+689${local}`, numberClass, '987', '689');
  if (local.length === 8) {
    if (local.startsWith('499')) return at('voip');
    if (/^4(?:0[4-689]|9[4-68])/.test(local)) return at('geographic');
    if (/^8[7-9]/.test(local)) return at('mobile');
    return invalid('unknown_prefix');
  }
  if (local.length === 6) return local.startsWith('44') ? at('special') : invalid('too_short');
  if (local.length === 9) return /^80[0-5]/.test(local) ? at('special') : invalid('too_long');
  return invalid(local.length < 8 ? 'too_short' : 'too_long');
}

/** New Caledonia: 6 digits (2x, 30–35, 41–47, 88 fixed; 5x, 7x, 8x, 9x mobile; 050, 36 special). */
function readNewCaledonia(local: string): CallNumberReading {
  if (local.length !== 6) return invalid(local.length < 6 ? 'too_short' : 'too_long');
  const at = (numberClass: NumberClass) => ok(`+687${local}`, numberClass, '988', '687');
  if (/^(?:2[03-9]|3[0-5]|4[1-7]|88)/.test(local)) return at('geographic');
  if (/^(?:[579]\d|8[0-79])/.test(local)) return at('mobile');
  if (/^(?:050|36)/.test(local)) return at('special');
  return invalid('unknown_prefix');
}

const lengthProblems: Record<string, InvalidReason> = {
  INVALID_COUNTRY: 'unknown_country',
  NOT_A_NUMBER: 'not_a_number',
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_LENGTH: 'invalid_number',
};

/** Another country's number, by libphonenumber. */
function readForeign(digits: string): CallNumberReading {
  // E.164 has 15 digits at most.
  if (digits.length > 15) return invalid('too_long');
  const written = `+${digits}`;
  const lengthProblem = validatePhoneNumberLength(written);
  if (lengthProblem) return invalid(lengthProblems[lengthProblem] ?? 'invalid_number');
  const parsed = parsePhoneNumberFromString(written);
  if (!parsed || !parsed.isValid()) return invalid('invalid_number');
  return ok(parsed.number, foreignClass(parsed.getType()), null, parsed.countryCallingCode);
}

/**
 * libphonenumber's types as classes. A number that may be fixed or mobile (North America's,
 * some others') is a number of a place: geographic.
 */
function foreignClass(type: NumberType): NumberClass {
  switch (type) {
    case 'MOBILE':
      return 'mobile';
    case 'VOIP':
    case 'PERSONAL_NUMBER':
      return 'voip';
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE':
    case undefined:
      return 'geographic';
    default:
      return 'special';
  }
}

/**
 * The territory a number in E.164 rings in: null for another country's number (or something
 * that is not a French-plan number). Never calls libphonenumber.
 */
export function territoryOfNumber(e164: string): Territory | null {
  if (e164.charCodeAt(0) !== 43) return null;
  const digits = e164.slice(1);
  if (!DIGITS.test(digits)) return null;
  const reading = readFrenchPlanInternational(digits);
  return reading?.status === 'ok' ? reading.territory : null;
}

/**
 * The national form of a 10-digit-plan number ("+590690123456" → "0690123456"), which is how
 * ARCEP's ranges are written; null for other numbers.
 */
export function nationalOf(number: CallNumber): string | null {
  if (!TEN_DIGIT_PLAN_CODES.includes(number.countryCode)) return null;
  const significant = number.e164.slice(number.countryCode.length + 1);
  return significant.length === 9 ? `0${significant}` : null;
}
