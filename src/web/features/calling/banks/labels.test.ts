import { describe, expect, it } from 'vitest';
import type { PhoneBankCounts, PhoneBankShift } from '../../../../contracts/phone-banks.ts';
import { barShares, conversationsOf, donePercent, isUnfilled } from './labels.ts';

const counts = (changes: Partial<PhoneBankCounts> = {}): PhoneBankCounts => ({
  audience: 40,
  due: 25,
  claimed: 2,
  done: 13,
  calls: 30,
  byOutcome: {
    no_answer: 12,
    wrong_number: 1,
    call_back: 2,
    conversation: 9,
    refused: 5,
    do_not_call: 1,
  },
  ...changes,
});

const shift = (changes: Partial<PhoneBankShift> = {}): PhoneBankShift => ({
  eventId: 5,
  title: 'Créneau',
  startsAt: '2026-12-12T17:00:00.000Z',
  endsAt: '2026-12-12T19:00:00.000Z',
  capacity: 6,
  going: 2,
  open: 4,
  status: 'published',
  ...changes,
});

describe('a bank’s figures', () => {
  it('count conversations from the outcomes', () => {
    expect(conversationsOf(counts())).toBe(9);
  });

  it('say the share of the audience done, 0 without an audience', () => {
    expect(donePercent(counts())).toBe(33);
    expect(donePercent(counts({ audience: 0, done: 0 }))).toBe(0);
    expect(donePercent(counts({ audience: 3, done: 3 }))).toBe(100);
  });

  it('draw bars against the largest value', () => {
    expect(barShares([2, 8, 4])).toEqual([25, 100, 50]);
    expect(barShares([0, 0])).toEqual([0, 0]);
    expect(barShares([])).toEqual([]);
  });
});

describe('a shift', () => {
  it('is unfilled while fewer go than it has places, never without a capacity', () => {
    expect(isUnfilled(shift())).toBe(true);
    expect(isUnfilled(shift({ going: 6, open: 0 }))).toBe(false);
    expect(isUnfilled(shift({ capacity: null, open: null }))).toBe(false);
  });
});
