/**
 * Phone numbers of the French numbering plan, read the same way by the server and in the
 * browser (no metadata library: this file is small enough for the public form's script).
 *
 * France's overseas departments and collectivities share the national 10-digit plan
 * ("0692 12 34 56") but each has its own country code: the national prefix decides, wherever
 * the person lives. The table below follows the ranges of libphonenumber's metadata
 * (RE, YT, GP, BL, MF, MQ, GF, PM); phone.test.ts checks every prefix against it.
 * The server checks the result again with libphonenumber (people/normalize.ts).
 */

export type PhoneKind = 'mobile' | 'landline' | 'mobile_or_landline' | 'other' | 'unknown';

export type PhoneReading =
  | { status: 'invalid' }
  /** A number of the French plan (metropolitan, overseas, Saint-Pierre-et-Miquelon). */
  | { status: 'french'; e164: string; kind: PhoneKind }
  /** Another country's number ("+32 …"): only its shape is checked here. */
  | { status: 'foreign'; e164: string };

/** Country codes whose numbers are written nationally as 0 + 9 digits, like France's. */
const FRENCH_PLAN_CODES = ['33', '262', '590', '594', '596'] as const;

/** National prefixes (with the leading 0) of overseas numbers; the longest match wins. */
const OVERSEAS: ReadonlyArray<readonly [prefix: string, code: string, kind: PhoneKind]> = [
  // Réunion and Mayotte (+262)
  ['0262', '262', 'landline'],
  ['0263', '262', 'landline'],
  ['02688', '262', 'landline'],
  ['02689', '262', 'landline'],
  ['0269', '262', 'landline'],
  ['0639', '262', 'mobile'],
  ['0692', '262', 'mobile'],
  ['0693', '262', 'mobile'],
  ['07092', '262', 'mobile'],
  ['070935', '262', 'mobile'],
  ['070936', '262', 'mobile'],
  ['070937', '262', 'mobile'],
  // Guadeloupe, Saint-Barthélemy, Saint-Martin (+590)
  ['0590', '590', 'landline'],
  ['05987', '590', 'landline'],
  ['0690', '590', 'mobile'],
  ['0691', '590', 'mobile'],
  ['07090', '590', 'mobile'],
  // Guyane (+594)
  ['0594', '594', 'landline'],
  ['05988', '594', 'landline'],
  ['0694', '594', 'mobile'],
  ['070930', '594', 'mobile'],
  ['070931', '594', 'mobile'],
  ['070932', '594', 'mobile'],
  ['070933', '594', 'mobile'],
  // Martinique (+596)
  ['0596', '596', 'landline'],
  ['05989', '596', 'landline'],
  ['0696', '596', 'mobile'],
  ['0697', '596', 'mobile'],
  ['07091', '596', 'mobile'],
  // The range set aside for fiction (films, examples, demo data) stays metropolitan.
  ['063998', '33', 'mobile'],
];

/** Saint-Pierre-et-Miquelon: "0508" then the 6-digit local number → +508 and those 6 digits. */
const SPM_PREFIX = '0508';

function overseasRule(national: string) {
  let best: (typeof OVERSEAS)[number] | undefined;
  for (const rule of OVERSEAS) {
    if (national.startsWith(rule[0]) && (!best || rule[0].length > best[0].length)) best = rule;
  }
  return best;
}

/** Metropolitan numbers by their first digits after the 0. */
function metropolitanKind(national: string): PhoneKind | null {
  const d = national[1];
  if (d >= '1' && d <= '5') return national.startsWith('040') ? null : 'landline';
  if (d === '6' || d === '7') return 'mobile';
  if (d === '8' || d === '9') return 'other';
  return null;
}

/** Saint-Pierre-et-Miquelon's 6-digit numbers; some blocks are mobile only, some fixed only. */
function spmKind(local: string): PhoneKind | null {
  if (!/^[2-9]\d{5}$/.test(local)) return null;
  const two = local.slice(0, 2);
  if (['40', '44', '55', '56'].includes(two)) return 'mobile';
  if (['41', '45', '46', '47', '51'].includes(two)) return 'landline';
  return 'mobile_or_landline';
}

/** Reads a national French-plan number (0 + 9 digits). */
function readNational(national: string): PhoneReading {
  if (!/^0[1-9]\d{8}$/.test(national)) return { status: 'invalid' };
  if (national.startsWith(SPM_PREFIX)) {
    const kind = spmKind(national.slice(4));
    return kind
      ? { status: 'french', e164: `+508${national.slice(4)}`, kind }
      : { status: 'invalid' };
  }
  const rule = overseasRule(national);
  if (rule) return { status: 'french', e164: `+${rule[1]}${national.slice(1)}`, kind: rule[2] };
  const kind = metropolitanKind(national);
  return kind ? { status: 'french', e164: `+33${national.slice(1)}`, kind } : { status: 'invalid' };
}

/**
 * Reads a phone number as typed ("06 12 34 56 78", "+262 692 12 34 56", "0033 6…",
 * "+33 (0)6…", "0508 41 23 45"). A French-plan number gets its country code from its
 * national prefix; an international one written with the wrong code for its prefix
 * ("+33 692…", "+262 590…") is read by its prefix too, as it can only be that number.
 */
export function readPhone(input: string): PhoneReading {
  let s = input.replace(/[\s.\-/]/g, '');
  s = s.replace(/^(\+|00)(\d{2,3})\(0\)/, '+$2').replace(/[()]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (s.startsWith('+')) {
    const digits = s.slice(1);
    if (!/^[1-9]\d{5,14}$/.test(digits)) return { status: 'invalid' };
    if (digits.startsWith('508')) {
      const local = digits.slice(3);
      const kind = local.length === 6 ? spmKind(local) : /^708\d{6}$/.test(local) ? 'mobile' : null;
      return kind ? { status: 'french', e164: `+${digits}`, kind } : { status: 'invalid' };
    }
    const code = FRENCH_PLAN_CODES.find((c) => digits.startsWith(c));
    if (code) {
      const rest = digits.slice(code.length);
      // "+33 0 6 12…" is a common way of writing it: the 0 is dropped.
      const national = rest.length === 10 && rest.startsWith('0') ? rest : `0${rest}`;
      return readNational(national);
    }
    if (digits.length < 8) return { status: 'invalid' };
    return { status: 'foreign', e164: `+${digits}` };
  }
  if (!/^\d+$/.test(s)) return { status: 'invalid' };
  if (s.length === 9) return readNational(`0${s}`);
  return readNational(s);
}

/** Whether an SMS can reach a number of this kind ('unknown': not known here, let it be). */
export const reachableBySms = (kind: PhoneKind): boolean => kind !== 'landline' && kind !== 'other';

export type PhoneProblem = 'invalid_phone' | 'landline_for_sms';

/**
 * What is wrong with a phone typed in a form, if anything: the browser shows it and the
 * server refuses it with the same code. `forSms`: the person asks for SMS with it.
 */
export function phoneProblem(input: string, forSms: boolean): PhoneProblem | null {
  if (!input.trim()) return null;
  const reading = readPhone(input);
  if (reading.status === 'invalid') return 'invalid_phone';
  if (forSms && reading.status === 'french' && !reachableBySms(reading.kind)) {
    return 'landline_for_sms';
  }
  return null;
}

export type SmsConsentProblem = 'phone_required_for_sms' | 'landline_for_sms';

/**
 * Why an SMS consent cannot be recorded for a person whose phone has this kind (null: they
 * have none), if it cannot: it would reach nobody. An opt-out is never refused.
 */
export function smsConsentProblem(kind: PhoneKind | null): SmsConsentProblem | null {
  if (kind === null) return 'phone_required_for_sms';
  return reachableBySms(kind) ? null : 'landline_for_sms';
}

/**
 * A number's kind as read here, for the browser: another country's (or one this file cannot
 * read) is 'unknown', and the server, which reads those with libphonenumber, has the last word.
 */
export function phoneKind(input: string): PhoneKind {
  const reading = readPhone(input);
  return reading.status === 'french' ? reading.kind : 'unknown';
}

/**
 * The national form of a French-plan number in E.164 ("+262692123456" → "0692123456",
 * "+508412345" → "0508412345"), or null for another country's number.
 */
export function nationalForm(e164: string): string | null {
  if (/^\+508\d{6}$/.test(e164)) return `${SPM_PREFIX}${e164.slice(4)}`;
  const code = FRENCH_PLAN_CODES.find((c) => e164.startsWith(`+${c}`));
  if (!code) return null;
  const rest = e164.slice(code.length + 1);
  return /^\d{9}$/.test(rest) ? `0${rest}` : null;
}
