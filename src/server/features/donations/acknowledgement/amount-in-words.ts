/**
 * An amount of euro cents in words, as on a cheque or a receipt.
 *
 * French follows the traditional spelling (the one cheques and most receipts use, not the
 * 1990 reform that hyphenates every part):
 * - hyphens only inside numbers below one hundred, except where "et" joins:
 *   "vingt et un", "soixante et onze", but "quatre-vingt-un", "quatre-vingt-onze";
 * - "vingt" and "cent" take an s when multiplied and nothing follows them, or only a noun
 *   (million, milliard): "quatre-vingts", "deux cents", "deux cents millions", but
 *   "quatre-vingt-un", "deux cent un", "quatre-vingt mille", "deux cent mille";
 * - "mille" never varies and takes no "un": "mille", "deux mille";
 * - "million" and "milliard" are nouns: "un million", "deux millions", and "d'euros" when
 *   the amount of euros ends on them ("un million d'euros", "deux millions d'euros").
 *
 * English writes no "and" inside a number ("one hundred five euros"), so "and" only ever
 * joins the euros to the cents.
 */
import type { Locale } from '../../../../contracts/common.ts';

/** Below a thousand billion euros, more than any gift (the law's absurd amount is 1 M EUR). */
export const AMOUNT_IN_WORDS_MAX_CENTS = 100_000_000_000_000 - 1;

const FR_UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** `ends`: nothing but a noun (million, milliard) or the end follows, so plurals apply. */
function frBelow100(n: number, ends: boolean): string {
  if (n <= 16) return FR_UNITS[n]!;
  if (n < 20) return `dix-${FR_UNITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens <= 6) {
    const base = FR_TENS[tens]!;
    if (unit === 0) return base;
    return unit === 1 ? `${base} et un` : `${base}-${FR_UNITS[unit]}`;
  }
  if (tens === 7) return n === 71 ? 'soixante et onze' : `soixante-${frBelow100(n - 60, ends)}`;
  if (n === 80) return ends ? 'quatre-vingts' : 'quatre-vingt';
  return `quatre-vingt-${frBelow100(n - 80, ends)}`;
}

function frBelow1000(n: number, ends: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return frBelow100(rest, ends);
  const head =
    hundreds === 1 ? 'cent' : `${FR_UNITS[hundreds]} cent${rest === 0 && ends ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${frBelow100(rest, ends)}`;
}

function frNoun(count: number, singular: string): string {
  return count === 1 ? `un ${singular}` : `${frBelow1000(count, true)} ${singular}s`;
}

/** A whole number in French words, 0 to 999,999,999,999. */
export function frenchNumber(n: number): string {
  if (n === 0) return 'zéro';
  const billions = Math.floor(n / 1e9);
  const millions = Math.floor(n / 1e6) % 1000;
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const parts: string[] = [];
  if (billions) parts.push(frNoun(billions, 'milliard'));
  if (millions) parts.push(frNoun(millions, 'million'));
  if (thousands) parts.push(thousands === 1 ? 'mille' : `${frBelow1000(thousands, false)} mille`);
  if (rest) parts.push(frBelow1000(rest, true));
  return parts.join(' ');
}

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

function enBelow1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds) parts.push(`${EN_UNITS[hundreds]} hundred`);
  if (rest >= 20) {
    const unit = rest % 10;
    parts.push(EN_TENS[Math.floor(rest / 10)]! + (unit ? `-${EN_UNITS[unit]}` : ''));
  } else if (rest > 0) {
    parts.push(EN_UNITS[rest]!);
  }
  return parts.join(' ');
}

/** A whole number in English words, 0 to 999,999,999,999. */
export function englishNumber(n: number): string {
  if (n === 0) return 'zero';
  const scales: [number, string][] = [
    [1e9, ' billion'],
    [1e6, ' million'],
    [1e3, ' thousand'],
    [1, ''],
  ];
  const parts: string[] = [];
  for (const [scale, name] of scales) {
    const count = Math.floor(n / scale) % 1000;
    if (count) parts.push(enBelow1000(count) + name);
  }
  return parts.join(' ');
}

function french(euros: number, cents: number): string {
  const parts: string[] = [];
  if (euros > 0) {
    const unit = euros === 1 ? 'euro' : euros % 1e6 === 0 ? "d'euros" : 'euros';
    parts.push(`${frenchNumber(euros)} ${unit}`);
  }
  if (cents > 0) parts.push(`${frenchNumber(cents)} centime${cents === 1 ? '' : 's'}`);
  return parts.join(' et ');
}

function english(euros: number, cents: number): string {
  const parts: string[] = [];
  if (euros > 0) parts.push(`${englishNumber(euros)} euro${euros === 1 ? '' : 's'}`);
  if (cents > 0) parts.push(`${englishNumber(cents)} cent${cents === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

/**
 * A positive amount of cents in words: 460000 → "quatre mille six cents euros",
 * 5025 → "fifty euros and twenty-five cents". Throws a RangeError for zero, a negative, a
 * fraction of a cent or more than AMOUNT_IN_WORDS_MAX_CENTS (no gift is any of these).
 */
export function amountInWords(amountCents: number, locale: Locale): string {
  if (
    !Number.isSafeInteger(amountCents) ||
    amountCents <= 0 ||
    amountCents > AMOUNT_IN_WORDS_MAX_CENTS
  ) {
    throw new RangeError(`no amount in words for ${amountCents} cents`);
  }
  const euros = Math.floor(amountCents / 100);
  const cents = amountCents % 100;
  return locale === 'fr' ? french(euros, cents) : english(euros, cents);
}
