import { describe, expect, it } from 'vitest';
import { territories, type Territory } from '../../../../contracts/compliance.ts';
import {
  callerIdProblem,
  callerIdServes,
  pickCallerId,
  territoriesWithoutCallerId,
} from './caller-id.ts';

const METROPOLITAN_RANGES = [
  '0162',
  '0163',
  '0270',
  '0271',
  '0377',
  '0378',
  '0424',
  '0425',
  '0568',
  '0569',
  '0948',
  '0949',
];

/** Verified overseas ranges and the callee territories each serves, nothing else. */
const OVERSEAS_RANGES: Array<[string, Territory[]]> = [
  ['09475', ['971', '977', '978']],
  ['09476', ['973']],
  ['09477', ['972']],
  ['09478', ['974', '976']],
  ['09479', ['974', '976']],
];

/** A number of the range: its prefix, then digits up to 10. */
const inRange = (prefix: string) => `${prefix}${'123456789'.slice(0, 10 - prefix.length)}`;

describe('callerIdProblem', () => {
  it('accepts every verified range, written nationally or in E.164', () => {
    for (const prefix of [...METROPOLITAN_RANGES, ...OVERSEAS_RANGES.map(([p]) => p)]) {
      expect(callerIdProblem(inRange(prefix)), prefix).toBeNull();
    }
    expect(callerIdProblem('01 62 12 34 56')).toBeNull();
    expect(callerIdProblem('+33162123456')).toBeNull();
    expect(callerIdProblem('+33 9 48 12 34 56')).toBeNull();
    expect(callerIdProblem('+590 947 51 23 45')).toBeNull();
    expect(callerIdProblem('+262 947 91 23 45')).toBeNull();
  });

  it('refuses numbers outside the verified ranges: mobiles, other geographic and 09 numbers', () => {
    for (const number of [
      '06 12 34 56 78',
      '07 81 23 45 67',
      '01 42 68 53 00',
      '01 64 12 34 56',
      '09 51 23 45 67',
      '09 37 12 34 56',
      '08 00 12 34 56',
      '0590 27 12 34',
      '0690 12 34 56',
      '0947 41 23 45',
      '+508 41 23 45',
      '+32 470 12 34 56',
    ]) {
      expect(callerIdProblem(number), number).toBe('not_verified_range');
    }
  });

  it('says when it is not a number at all', () => {
    expect(callerIdProblem('')).toBe('not_a_number');
    expect(callerIdProblem('01 62 12')).toBe('not_a_number');
    expect(callerIdProblem('Levier')).toBe('not_a_number');
  });
});

describe('callerIdServes: the callee’s territory decides', () => {
  it('lets metropolitan ranges call metropolitan callees only', () => {
    for (const prefix of METROPOLITAN_RANGES) {
      const callerId = inRange(prefix);
      for (const territory of territories) {
        expect(callerIdServes(callerId, territory), `${prefix} → ${territory}`).toBe(
          territory === 'metropole',
        );
      }
    }
  });

  it.each(OVERSEAS_RANGES)('lets %s call %j only', (prefix, serves) => {
    for (const territory of territories) {
      expect(callerIdServes(inRange(prefix), territory), territory).toBe(
        serves.includes(territory),
      );
    }
  });

  it('lets nothing call Saint-Pierre, the Pacific territories or other countries', () => {
    const every = [...METROPOLITAN_RANGES, ...OVERSEAS_RANGES.map(([p]) => p)].map(inRange);
    for (const callerId of every) {
      for (const territory of ['975', '986', '987', '988', null] as const) {
        expect(callerIdServes(callerId, territory), `${callerId} → ${territory}`).toBe(false);
      }
    }
  });

  it('lets no unverified number call anyone', () => {
    for (const territory of territories) {
      expect(callerIdServes('06 12 34 56 78', territory)).toBe(false);
      expect(callerIdServes('0590 82 12 34', territory)).toBe(false);
    }
  });
});

describe('pickCallerId', () => {
  const pool = [
    { e164: '+33162000001', paused: false },
    { e164: '+590947500001', paused: false },
    { e164: '+33948000002', paused: true },
    { e164: '+33270000003', paused: false },
    { e164: '+33612345678', paused: false },
    { e164: '+262947900004', paused: false },
  ];

  it('takes turns among the unpaused numbers that serve the territory, in pool order', () => {
    const turns = (territory: Territory, count: number) =>
      Array.from({ length: count }, (_, turn) => pickCallerId(pool, territory, turn));
    expect(turns('metropole', 5)).toEqual([
      '+33162000001',
      '+33270000003',
      '+33162000001',
      '+33270000003',
      '+33162000001',
    ]);
    expect(turns('978', 3)).toEqual(['+590947500001', '+590947500001', '+590947500001']);
    expect(turns('976', 2)).toEqual(['+262947900004', '+262947900004']);
  });

  it('takes any integer turn, negative or large', () => {
    expect(pickCallerId(pool, 'metropole', -1)).toBe('+33270000003');
    expect(pickCallerId(pool, 'metropole', 1_000_000_001)).toBe('+33270000003');
  });

  it('gives null when no unpaused number serves the territory', () => {
    expect(pickCallerId(pool, '972', 0)).toBeNull();
    expect(pickCallerId(pool, '975', 0)).toBeNull();
    expect(pickCallerId(pool, null, 0)).toBeNull();
    const paused = pool.map((entry) => ({ ...entry, paused: true }));
    expect(pickCallerId(paused, 'metropole', 0)).toBeNull();
    expect(pickCallerId([], 'metropole', 0)).toBeNull();
  });
});

describe('territoriesWithoutCallerId', () => {
  it('names the audience’s territories no unpaused caller ID serves, once each, in order', () => {
    const pool = [
      { e164: '+33162000001', paused: false },
      { e164: '+590947500001', paused: false },
      // Paused: Martinique is not served.
      { e164: '+596947700001', paused: true },
    ];
    expect(
      territoriesWithoutCallerId(pool, ['metropole', '972', '977', '975', '972', '974', '971']),
    ).toEqual(['972', '975', '974']);
    expect(territoriesWithoutCallerId(pool, [])).toEqual([]);
    // Null: callees abroad, whom no caller ID serves.
    expect(territoriesWithoutCallerId(pool, [null, 'metropole', null, '971'])).toEqual([null]);
    expect(territoriesWithoutCallerId([], ['metropole'])).toEqual(['metropole']);
  });

  it('leaves the four territories without a verified range unserved by any pool', () => {
    const everyRange = [...METROPOLITAN_RANGES, ...OVERSEAS_RANGES.map(([p]) => p)].map(
      (prefix) => ({ e164: inRange(prefix), paused: false }),
    );
    expect(territoriesWithoutCallerId(everyRange, territories)).toEqual([
      '975',
      '986',
      '987',
      '988',
    ]);
  });
});
