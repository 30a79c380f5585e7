import { describe, expect, it } from 'vitest';
import {
  AMOUNT_IN_WORDS_MAX_CENTS,
  amountInWords,
  englishNumber,
  frenchNumber,
} from './amount-in-words.ts';

const fr = (cents: number) => amountInWords(cents, 'fr');
const en = (cents: number) => amountInWords(cents, 'en');

describe('French numbers, traditional spelling', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [10, 'dix'],
    [11, 'onze'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [19, 'dix-neuf'],
    [20, 'vingt'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [30, 'trente'],
    [31, 'trente et un'],
    [41, 'quarante et un'],
    [51, 'cinquante et un'],
    [61, 'soixante et un'],
    [69, 'soixante-neuf'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [72, 'soixante-douze'],
    [77, 'soixante-dix-sept'],
    [79, 'soixante-dix-neuf'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [89, 'quatre-vingt-neuf'],
    [90, 'quatre-vingt-dix'],
    [91, 'quatre-vingt-onze'],
    [97, 'quatre-vingt-dix-sept'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [180, 'cent quatre-vingts'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [280, 'deux cent quatre-vingts'],
    [999, 'neuf cent quatre-vingt-dix-neuf'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [1100, 'mille cent'],
    [2000, 'deux mille'],
    [4600, 'quatre mille six cents'],
    [21_000, 'vingt et un mille'],
    [80_000, 'quatre-vingt mille'],
    [80_080, 'quatre-vingt mille quatre-vingts'],
    [100_000, 'cent mille'],
    [200_000, 'deux cent mille'],
    [999_999, 'neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf'],
    [1_000_000, 'un million'],
    [1_000_001, 'un million un'],
    [1_200_000, 'un million deux cent mille'],
    [2_000_000, 'deux millions'],
    [80_000_000, 'quatre-vingts millions'],
    [200_000_000, 'deux cents millions'],
    [201_000_000, 'deux cent un millions'],
    [1_000_000_000, 'un milliard'],
    [3_000_000_000, 'trois milliards'],
  ])('%i → %s', (n, words) => {
    expect(frenchNumber(n)).toBe(words);
  });
});

describe('English numbers', () => {
  it.each([
    [0, 'zero'],
    [1, 'one'],
    [13, 'thirteen'],
    [19, 'nineteen'],
    [20, 'twenty'],
    [21, 'twenty-one'],
    [40, 'forty'],
    [99, 'ninety-nine'],
    [100, 'one hundred'],
    [105, 'one hundred five'],
    [1000, 'one thousand'],
    [4600, 'four thousand six hundred'],
    [1_000_000, 'one million'],
    [2_000_000, 'two million'],
    [1_000_000_000, 'one billion'],
  ])('%i → %s', (n, words) => {
    expect(englishNumber(n)).toBe(words);
  });
});

describe('an amount in French words', () => {
  it.each([
    [460_000, 'quatre mille six cents euros'],
    [5025, 'cinquante euros et vingt-cinq centimes'],
    [8000, 'quatre-vingts euros'],
    [8100, 'quatre-vingt-un euros'],
    [7100, 'soixante et onze euros'],
    [20_000_000, 'deux cent mille euros'],
    [100, 'un euro'],
    [101, 'un euro et un centime'],
    [150, 'un euro et cinquante centimes'],
    [1, 'un centime'],
    [99, 'quatre-vingt-dix-neuf centimes'],
    [80, 'quatre-vingts centimes'],
    [200, 'deux euros'],
    [2100, 'vingt et un euros'],
    [15_000, 'cent cinquante euros'],
    [750_000, 'sept mille cinq cents euros'],
    [8_000_000, 'quatre-vingt mille euros'],
    [100_000_000, "un million d'euros"],
    [100_000_025, "un million d'euros et vingt-cinq centimes"],
    [200_000_000, "deux millions d'euros"],
    [100_000_100, 'un million un euros'],
    [150_000_000, 'un million cinq cent mille euros'],
    [8_000_000_000, "quatre-vingts millions d'euros"],
    [100_000_000_000, "un milliard d'euros"],
  ])('%i cents → %s', (cents, words) => {
    expect(fr(cents)).toBe(words);
  });
});

describe('an amount in English words', () => {
  it.each([
    [460_000, 'four thousand six hundred euros'],
    [5025, 'fifty euros and twenty-five cents'],
    [100, 'one euro'],
    [101, 'one euro and one cent'],
    [1, 'one cent'],
    [99, 'ninety-nine cents'],
    [8100, 'eighty-one euros'],
    [100_000_000, 'one million euros'],
    [20_000_050, 'two hundred thousand euros and fifty cents'],
  ])('%i cents → %s', (cents, words) => {
    expect(en(cents)).toBe(words);
  });
});

describe('amounts with no words', () => {
  it.each([0, -100, 12.5, Number.NaN, AMOUNT_IN_WORDS_MAX_CENTS + 1])('%s cents', (cents) => {
    expect(() => fr(cents)).toThrow(RangeError);
    expect(() => en(cents)).toThrow(RangeError);
  });

  it('reaches the largest amount it takes', () => {
    expect(fr(AMOUNT_IN_WORDS_MAX_CENTS)).toBe(
      'neuf cent quatre-vingt-dix-neuf milliards neuf cent quatre-vingt-dix-neuf millions ' +
        'neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf euros ' +
        'et quatre-vingt-dix-neuf centimes',
    );
    expect(en(AMOUNT_IN_WORDS_MAX_CENTS)).toBe(
      'nine hundred ninety-nine billion nine hundred ninety-nine million ' +
        'nine hundred ninety-nine thousand nine hundred ninety-nine euros and ninety-nine cents',
    );
  });
});

/** Reads traditional French number words back (the test's own, independent reading). */
function readFrench(words: string): number {
  const units = new Map(
    'zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize'
      .split(' ')
      .map((w, i) => [w, i]),
  );
  const tens = new Map([
    ['trente', 30],
    ['quarante', 40],
    ['cinquante', 50],
    ['soixante', 60],
  ]);
  let total = 0;
  let current = 0;
  let previous = '';
  for (const token of words.split(/[ -]/)) {
    if (units.has(token)) current += units.get(token)!;
    else if (tens.has(token)) current += tens.get(token)!;
    else if (token === 'vingt' || token === 'vingts') current += previous === 'quatre' ? 76 : 20;
    else if (token === 'cent' || token === 'cents') current = (current || 1) * 100;
    else if (token === 'mille') [total, current] = [total + (current || 1) * 1000, 0];
    else if (/^millions?$/.test(token)) [total, current] = [total + current * 1e6, 0];
    else if (/^milliards?$/.test(token)) [total, current] = [total + current * 1e9, 0];
    else if (token !== 'et') throw new Error(`unknown word ${token} in ${words}`);
    previous = token;
  }
  return total + current;
}

describe('French numbers, read back', () => {
  const samples = [
    ...Array.from({ length: 20_000 }, (_, i) => i),
    ...Array.from({ length: 20_000 }, (_, i) => i * 997 + 20_000),
    ...Array.from({ length: 2_000 }, (_, i) => i * 499_999_999 + 7),
  ];

  it('gives back every number it wrote', () => {
    for (const n of samples) {
      const words = frenchNumber(n);
      if (readFrench(words) !== n) throw new Error(`${n} → ${words}`);
    }
  });

  it('puts the plural s of vingt and cent only at the end or before a noun', () => {
    for (const n of samples) {
      const words = frenchNumber(n);
      for (const match of words.matchAll(/(?:vingts|cents)( \S+)?/g)) {
        const next = match[1]?.trim();
        if (next !== undefined && !/^(millions?|milliards?)$/.test(next))
          throw new Error(`${n} → ${words}`);
      }
      if (/(^|(millions?|milliards?) )un (cent|mille)/.test(words) || / {2}|^ | $/.test(words))
        throw new Error(`${n} → ${words}`);
    }
  });
});
