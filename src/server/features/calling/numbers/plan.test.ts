import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Territory } from '../../../../contracts/compliance.ts';
import { readPhone } from '../../../../contracts/phone.ts';
import {
  nationalOf,
  readCallNumber,
  territoryOfNumber,
  type CallNumber,
  type InvalidReason,
  type NumberClass,
} from './plan.ts';

const read = (input: string) => {
  const reading = readCallNumber(input);
  if (reading.status !== 'ok') throw new Error(`${input}: ${reading.reason}`);
  return reading;
};

describe('readCallNumber: the French plan, every class and territory', () => {
  const cases: Array<[string, string, NumberClass, Territory, string]> = [
    // Metropolitan France
    ['01 42 68 53 00', '+33142685300', 'geographic', 'metropole', '33'],
    ['02 99 12 34 56', '+33299123456', 'geographic', 'metropole', '33'],
    ['03 88 12 34 56', '+33388123456', 'geographic', 'metropole', '33'],
    ['04 91 12 34 56', '+33491123456', 'geographic', 'metropole', '33'],
    ['05 56 12 34 56', '+33556123456', 'geographic', 'metropole', '33'],
    ['06 12 34 56 78', '+33612345678', 'mobile', 'metropole', '33'],
    ['07 81 23 45 67', '+33781234567', 'mobile', 'metropole', '33'],
    ['09 51 23 45 67', '+33951234567', 'voip', 'metropole', '33'],
    ['09 37 12 34 56', '+33937123456', 'voip', 'metropole', '33'],
    ['08 00 12 34 56', '+33800123456', 'special', 'metropole', '33'],
    ['08 99 12 34 56', '+33899123456', 'special', 'metropole', '33'],
    // The fiction range stays metropolitan, though 0639 is Mayotte's.
    ['06 39 98 12 34', '+33639981234', 'mobile', 'metropole', '33'],
    // Guadeloupe, Saint-Barthélemy, Saint-Martin (+590)
    ['0590 82 12 34', '+590590821234', 'geographic', '971', '590'],
    ['0590 27 12 34', '+590590271234', 'geographic', '977', '590'],
    ['0590 87 12 34', '+590590871234', 'geographic', '978', '590'],
    ['0590 77 12 34', '+590590771234', 'geographic', '978', '590'],
    // Listed for both islands: told apart by nothing, so Guadeloupe's.
    ['0590 29 12 34', '+590590291234', 'geographic', '971', '590'],
    ['0690 12 34 56', '+590690123456', 'mobile', '971', '590'],
    ['0691 22 12 34', '+590691221234', 'mobile', '971', '590'],
    ['07 09 01 23 45', '+590709012345', 'mobile', '971', '590'],
    ['0947 51 23 45', '+590947512345', 'voip', '971', '590'],
    ['0976 01 23 45', '+590976012345', 'voip', '971', '590'],
    // Guyane (+594)
    ['0594 20 12 34', '+594594201234', 'geographic', '973', '594'],
    ['0694 20 12 34', '+594694201234', 'mobile', '973', '594'],
    ['0947 61 23 45', '+594947612345', 'voip', '973', '594'],
    ['0976 41 23 45', '+594976412345', 'voip', '973', '594'],
    // Martinique (+596)
    ['0596 30 12 34', '+596596301234', 'geographic', '972', '596'],
    ['0696 20 12 34', '+596696201234', 'mobile', '972', '596'],
    ['0697 12 34 56', '+596697123456', 'mobile', '972', '596'],
    ['0947 71 23 45', '+596947712345', 'voip', '972', '596'],
    // Réunion (+262)
    ['0262 21 12 34', '+262262211234', 'geographic', '974', '262'],
    ['0263 10 12 34', '+262263101234', 'geographic', '974', '262'],
    ['0692 12 34 56', '+262692123456', 'mobile', '974', '262'],
    ['0693 01 12 34', '+262693011234', 'mobile', '974', '262'],
    ['0947 91 23 45', '+262947912345', 'voip', '974', '262'],
    // Mayotte (+262)
    ['0269 60 12 34', '+262269601234', 'geographic', '976', '262'],
    ['0639 20 12 34', '+262639201234', 'mobile', '976', '262'],
    ['07 09 35 12 34', '+262709351234', 'mobile', '976', '262'],
    ['0947 80 12 34', '+262947801234', 'voip', '976', '262'],
    // Saint-Pierre-et-Miquelon (+508)
    ['+508 41 23 45', '+508412345', 'geographic', '975', '508'],
    ['0508 41 23 45', '+508412345', 'geographic', '975', '508'],
    ['+508 55 12 34', '+508551234', 'mobile', '975', '508'],
    ['+508 708 41 23 45', '+508708412345', 'mobile', '975', '508'],
    // Wallis-et-Futuna (+681)
    ['+681 72 12 34', '+681721234', 'geographic', '986', '681'],
    ['+681 82 12 34', '+681821234', 'mobile', '986', '681'],
    ['+681 92 12 34', '+681921234', 'voip', '986', '681'],
    // French Polynesia (+689)
    ['+689 40 50 12 34', '+68940501234', 'geographic', '987', '689'],
    ['+689 87 12 34 56', '+68987123456', 'mobile', '987', '689'],
    ['+689 49 91 23 45', '+68949912345', 'voip', '987', '689'],
    ['+689 44 12 34', '+689441234', 'special', '987', '689'],
    // New Caledonia (+687)
    ['+687 25 12 34', '+687251234', 'geographic', '988', '687'],
    ['+687 75 12 34', '+687751234', 'mobile', '988', '687'],
    ['+687 36 12 34', '+687361234', 'special', '988', '687'],
  ];

  it.each(cases)('%s → %s, %s in %s', (input, e164, numberClass, territory, countryCode) => {
    expect(readCallNumber(input)).toEqual({
      status: 'ok',
      e164,
      numberClass,
      territory,
      countryCode,
    });
    // The E.164 form reads back to itself, in the same territory.
    expect(readCallNumber(e164)).toEqual(readCallNumber(input));
    expect(territoryOfNumber(e164)).toBe(territory);
  });

  it('reads short numbers as special numbers', () => {
    for (const short of ['15', '112', '3949', '118 712', '116 000', '1016']) {
      expect(readCallNumber(short), short).toMatchObject({
        status: 'ok',
        numberClass: 'special',
        territory: 'metropole',
      });
    }
  });
});

describe('readCallNumber: ways of writing a number', () => {
  it('reads national, international, spaced and punctuated forms alike', () => {
    const forms = [
      '0612345678',
      '06 12 34 56 78',
      '06.12.34.56.78',
      '06-12-34-56-78',
      '06/12/34/56/78',
      '(06) 12 34 56 78',
      '\u00a006\u00a012\u202f34 56 78 ',
      '+33612345678',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '+33 0 6 12 34 56 78',
      '0033 6 12 34 56 78',
      '0033 (0)6 12 34 56 78',
      // A spreadsheet dropped the leading 0, or the "+".
      '612345678',
      '33612345678',
    ];
    for (const form of forms) expect(read(form).e164, form).toBe('+33612345678');
  });

  it('gives overseas numbers their country code from the national prefix, whatever code is written', () => {
    for (const form of [
      '0690 12 34 56',
      '+590 690 12 34 56',
      '00590 690 12 34 56',
      '+590 (0)690 12 34 56',
      '+5900690123456',
      '590690123456',
      '690123456',
      // Written with another French code: the prefix decides.
      '+33 690 12 34 56',
      '+262 690 12 34 56',
    ]) {
      expect(read(form), form).toMatchObject({ e164: '+590690123456', territory: '971' });
    }
  });

  it('reads other countries’ numbers with libphonenumber', () => {
    expect(readCallNumber('+32 470 12 34 56')).toEqual({
      status: 'ok',
      e164: '+32470123456',
      numberClass: 'mobile',
      territory: null,
      countryCode: '32',
    });
    expect(read('0044 20 7946 0958')).toMatchObject({
      e164: '+442079460958',
      numberClass: 'geographic',
    });
    // North America's numbers may be fixed or mobile: numbers of a place.
    expect(read('+1 202 555 0123')).toMatchObject({ numberClass: 'geographic', countryCode: '1' });
    expect(read('+1 800 555 0199').numberClass).toBe('special');
    expect(read('+44 56 1234 5678').numberClass).toBe('voip');
    expect(read('+377 6 12 34 56 78')).toMatchObject({ numberClass: 'mobile', territory: null });
    expect(territoryOfNumber('+32470123456')).toBeNull();
  });
});

describe('readCallNumber: what is not a number', () => {
  const cases: Array<[string, InvalidReason]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['--', 'not_a_number'],
    ['6,12E+08', 'not_a_number'],
    ['06 12 34 56 7x', 'not_a_number'],
    ['++33612345678', 'not_a_number'],
    ['tel:0612345678', 'not_a_number'],
    ['06 12 34', 'too_short'],
    ['12345', 'too_short'],
    ['+33 6 12', 'too_short'],
    ['+590 690 12 34', 'too_short'],
    ['06 12 34 56 78 9', 'too_long'],
    ['+33 6 12 34 56 78 9', 'too_long'],
    ['1234567890123456', 'too_long'],
    ['+687 25 12 34 5', 'too_long'],
    ['04 01 23 45 67', 'unknown_prefix'],
    ['07 12 34 56 78', 'unknown_prefix'],
    ['+33 0 0 12 34 56 78', 'unknown_prefix'],
    ['+508 12 34 56', 'unknown_prefix'],
    ['+681 11 12 34', 'unknown_prefix'],
    ['+689 30 12 34 56', 'unknown_prefix'],
    ['+687 21 12 34', 'unknown_prefix'],
    ['+999 12 34 56 78', 'unknown_country'],
    ['+0612345678', 'unknown_country'],
    ['+32 123 45 67 89', 'invalid_number'],
    ['+1 999 555 0100', 'invalid_number'],
  ];

  it.each(cases)('%j: %s', (input, reason) => {
    expect(readCallNumber(input)).toEqual({ status: 'invalid', reason });
  });

  it('has no territory for what is not an E.164 French-plan number', () => {
    for (const e164 of ['0612345678', '+33', '+33x12345678', '+3304']) {
      expect(territoryOfNumber(e164), e164).toBeNull();
    }
  });
});

describe('nationalOf', () => {
  it('writes 10-digit-plan numbers nationally, and nothing else', () => {
    expect(nationalOf(read('+590690123456'))).toBe('0690123456');
    expect(nationalOf(read('+33162123456'))).toBe('0162123456');
    expect(nationalOf(read('+508412345'))).toBeNull();
    expect(nationalOf(read('+32470123456'))).toBeNull();
  });
});

/** The regions of libphonenumber that share the French 10-digit plan, and their territories. */
const REGIONS: Array<[CountryCode, Territory]> = [
  ['RE', '974'],
  ['YT', '976'],
  ['GP', '971'],
  ['BL', '977'],
  ['MF', '978'],
  ['MQ', '972'],
  ['GF', '973'],
  ['FR', 'metropole'],
];

const classOf = (type: string | undefined, national: string): NumberClass =>
  national.startsWith('09')
    ? 'voip'
    : type === 'MOBILE'
      ? 'mobile'
      : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE'
        ? 'geographic'
        : type === 'VOIP'
          ? 'voip'
          : 'special';

/**
 * Prefixes where the table departs from libphonenumber on purpose, and why: libphonenumber
 * lists some blocks of 0263, 0269, 0508 and 0596 for metropolitan France, which the form
 * readers (contracts/phone.ts) give to Réunion, Mayotte, Saint-Pierre and Martinique; it lists
 * only the allocated blocks of the overseas 09 ranges, which ARCEP gives whole.
 */
const DEPARTURES = /^0(?:26[39]|508|596|939[6-9]|947[5-9]|976[23])/;

/** Whether our reading is one of the regions libphonenumber finds the number valid in. */
function agrees(ours: CallNumber, national: string, found: Array<[Territory, string, string?]>) {
  return found.some(([territory, e164, type]) => {
    if (e164 !== ours.e164 || classOf(type, national) !== ours.numberClass) return false;
    // Blocks libphonenumber lists for Saint-Barthélemy or Saint-Martin and Guadeloupe alike.
    const sharedIsland = (territory === '977' || territory === '978') && ours.territory === '971';
    return territory === ours.territory || sharedIsland;
  });
}

describe('the national prefixes against libphonenumber’s metadata', () => {
  it('agrees on every 5-digit prefix libphonenumber knows, departures aside', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (let prefix = 1000; prefix < 10_000; prefix++) {
      for (const tail of ['12345', '87654']) {
        const national = `0${prefix}${tail}`;
        if (DEPARTURES.test(national)) continue;
        const found: Array<[Territory, string, string?]> = [];
        for (const [region, territory] of REGIONS) {
          const parsed = parsePhoneNumberFromString(national, region);
          if (parsed?.isValid()) found.push([territory, parsed.number, parsed.getType()]);
        }
        if (found.length === 0) continue;
        compared++;
        const ours = readCallNumber(national);
        if (ours.status !== 'ok' || !agrees(ours, national, found)) {
          mismatches.push(`${national}: ${JSON.stringify(ours)} vs ${JSON.stringify(found)}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(15_000);
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('gives French-plan numbers the country code the form readers give them, overseas 09s aside', () => {
    const overseas09: string[] = [];
    for (let prefix = 1000; prefix < 10_000; prefix++) {
      const national = `0${prefix}12345`;
      const form = readPhone(national);
      const ours = readCallNumber(national);
      if (form.status !== 'french' || ours.status !== 'ok') continue;
      if (national.startsWith('09') && ours.territory !== 'metropole') {
        // contracts/phone.ts keeps every 09 at +33; libphonenumber has these at their
        // territory's code, as here. Same digits after the code.
        overseas09.push(national.slice(0, 5));
        expect(ours.e164.slice(-9), national).toBe(form.e164.slice(-9));
      } else {
        expect(ours.e164, national).toBe(form.e164);
      }
    }
    expect(new Set(overseas09)).toEqual(
      new Set([
        ...['09395', '09396', '09397', '09398', '09399'],
        ...['09475', '09476', '09477', '09478', '09479'],
        ...['09760', '09761', '09762', '09763', '09764', '09765', '09766', '09767', '09768'],
        '09769',
      ]),
    );
  });
});
