import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import {
  nationalForm,
  phoneKind,
  phoneProblem,
  readPhone,
  smsConsentProblem,
  type PhoneKind,
} from './phone.ts';

/** Overseas regions sharing the French 10-digit plan, as libphonenumber's metadata has them. */
const OVERSEAS_REGIONS: CountryCode[] = ['RE', 'YT', 'GP', 'BL', 'MF', 'MQ', 'GF'];

const kindOf = (type: string | undefined): PhoneKind | undefined =>
  type === 'MOBILE'
    ? 'mobile'
    : type === 'FIXED_LINE'
      ? 'landline'
      : type === 'FIXED_LINE_OR_MOBILE'
        ? 'mobile_or_landline'
        : type === undefined
          ? undefined
          : 'other';

/** The overseas region libphonenumber finds a national number valid in, with its type. */
function overseasInMetadata(national: string) {
  for (const region of OVERSEAS_REGIONS) {
    const parsed = parsePhoneNumberFromString(national, region);
    if (parsed?.isValid())
      return { e164: parsed.number as string, kind: kindOf(parsed.getType()), region };
  }
  return undefined;
}

const e164Of = (input: string) => {
  const reading = readPhone(input);
  return reading.status === 'invalid' ? null : reading.e164;
};

describe('readPhone: the national prefix decides the country code', () => {
  // Each prefix of the issue, with a number inside a range libphonenumber knows as allocated.
  const cases: Array<[national: string, e164: string, kind: PhoneKind]> = [
    ['0262 21 12 34', '+262262211234', 'landline'],
    ['0263 10 12 34', '+262263101234', 'landline'],
    ['0269 60 12 34', '+262269601234', 'landline'],
    ['0639 20 12 34', '+262639201234', 'mobile'],
    ['0692 12 34 56', '+262692123456', 'mobile'],
    ['0693 01 12 34', '+262693011234', 'mobile'],
    ['0590 27 12 34', '+590590271234', 'landline'],
    ['0690 00 12 34', '+590690001234', 'mobile'],
    ['0691 22 12 34', '+590691221234', 'mobile'],
    ['0594 20 12 34', '+594594201234', 'landline'],
    ['0694 20 12 34', '+594694201234', 'mobile'],
    ['0596 30 12 34', '+596596301234', 'landline'],
    ['0696 20 12 34', '+596696201234', 'mobile'],
    ['0697 12 34 56', '+596697123456', 'mobile'],
  ];

  it.each(cases)('%s → %s (%s), as libphonenumber has it', (national, e164, kind) => {
    expect(readPhone(national)).toEqual({ status: 'french', e164, kind });
    const inMetadata = overseasInMetadata(national.replace(/\s/g, ''));
    expect(inMetadata).toMatchObject({ e164, kind });
    // Written with +33 (how such numbers were stored before), or with their own code.
    expect(e164Of(`+33 ${national.slice(1)}`)).toBe(e164);
    expect(e164Of(e164)).toBe(e164);
    expect(e164Of(`00${e164.slice(1)}`)).toBe(e164);
    expect(nationalForm(e164)).toBe(national.replace(/\s/g, ''));
  });

  it('reads Saint-Pierre-et-Miquelon (0508 + 6 digits, or +508) as +508', () => {
    expect(readPhone('0508 41 23 45')).toEqual({
      status: 'french',
      e164: '+508412345',
      kind: 'landline',
    });
    expect(readPhone('05 08 55 12 34')).toEqual({
      status: 'french',
      e164: '+508551234',
      kind: 'mobile',
    });
    expect(e164Of('+508 41 23 45')).toBe('+508412345');
    expect(e164Of('+33 5 08 41 23 45')).toBe('+508412345');
    expect(nationalForm('+508412345')).toBe('0508412345');
    // libphonenumber's metadata: the 6-digit number, with its national prefix 0 or +508.
    for (const [input, region] of [
      ['041 23 45', 'PM'],
      ['+508412345', undefined],
    ] as const) {
      const parsed = parsePhoneNumberFromString(input, region);
      expect(parsed?.isValid()).toBe(true);
      expect(parsed?.number).toBe('+508412345');
      expect(parsed?.getType()).toBe('FIXED_LINE');
    }
    expect(parsePhoneNumberFromString('+508551234')?.getType()).toBe('MOBILE');
  });

  it('keeps metropolitan numbers at +33, with their kind', () => {
    expect(readPhone('06 12 34 56 78')).toEqual({
      status: 'french',
      e164: '+33612345678',
      kind: 'mobile',
    });
    expect(readPhone('07 81 23 45 67')).toMatchObject({ e164: '+33781234567', kind: 'mobile' });
    expect(readPhone('01 23 45 67 89')).toMatchObject({ e164: '+33123456789', kind: 'landline' });
    expect(readPhone('09 72 10 12 34')).toMatchObject({ e164: '+33972101234', kind: 'other' });
    expect(readPhone('+33 (0)6 12 34 56 78')).toMatchObject({ e164: '+33612345678' });
    expect(readPhone('612345678')).toMatchObject({ e164: '+33612345678' });
    // The range ARCEP sets aside for fiction is not Mayotte's.
    expect(readPhone('06 39 98 12 34')).toMatchObject({ e164: '+33639981234', kind: 'mobile' });
  });

  it('leaves another country’s number to libphonenumber', () => {
    expect(readPhone('+44 20 7946 0958')).toEqual({ status: 'foreign', e164: '+442079460958' });
    expect(readPhone('0032 470 12 34 56')).toEqual({ status: 'foreign', e164: '+32470123456' });
  });

  it('refuses what cannot be a number', () => {
    for (const bad of ['', '123', 'abc', '06 12 34', '+33 12', '00 00 00 00 00', '0401234567']) {
      expect(readPhone(bad).status, bad).toBe('invalid');
    }
  });

  it('agrees with libphonenumber on every overseas prefix of the national plan', () => {
    // Every 5-digit prefix after the 0 of the ranges overseas numbers start with (02, 05, 06,
    // 07; 08 and 09 are special and internet numbers, kept at +33), two numbers in each.
    const mismatches: string[] = [];
    for (const first of ['2', '5', '6', '7']) {
      for (let next = 0; next < 10_000; next++) {
        for (const tail of ['1234', '8765']) {
          const national = `0${first}${String(next).padStart(4, '0')}${tail}`;
          const inMetadata = overseasInMetadata(national);
          if (!inMetadata || inMetadata.kind === 'other') continue;
          const ours = readPhone(national);
          if (
            ours.status !== 'french' ||
            ours.e164 !== inMetadata.e164 ||
            ours.kind !== inMetadata.kind
          ) {
            mismatches.push(`${national}: ${JSON.stringify(ours)} vs ${inMetadata.region}`);
          }
        }
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});

describe('phoneProblem', () => {
  it('flags a landline when SMS is asked for, not otherwise', () => {
    expect(phoneProblem('01 23 45 67 89', true)).toBe('landline_for_sms');
    expect(phoneProblem('0262 21 12 34', true)).toBe('landline_for_sms');
    expect(phoneProblem('01 23 45 67 89', false)).toBeNull();
    expect(phoneProblem('0692 12 34 56', true)).toBeNull();
    expect(phoneProblem('06 12', false)).toBe('invalid_phone');
    expect(phoneProblem('', true)).toBeNull();
  });
});

describe('smsConsentProblem', () => {
  it('refuses SMS with no phone or a landline, and lets a number of either or unknown kind be', () => {
    const problem = (phone: string | null) => smsConsentProblem(phone ? phoneKind(phone) : null);
    expect(problem(null)).toBe('phone_required_for_sms');
    expect(problem('+33123456789')).toBe('landline_for_sms');
    expect(problem('+262262123456')).toBe('landline_for_sms');
    expect(problem('+33970123456')).toBe('landline_for_sms'); // 09: not reached by SMS
    expect(problem('+262692123456')).toBeNull();
    expect(problem('+508501234')).toBeNull(); // mobile_or_landline
    expect(problem('+3221234567')).toBeNull(); // another country's: the server decides
  });
});
