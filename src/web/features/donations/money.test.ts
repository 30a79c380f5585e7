import { describe, expect, it } from 'vitest';
import { centsListToInput, centsToInput, parseEurosList } from './money.ts';

describe('centsToInput', () => {
  it('writes whole euros without decimals and cents with the locale’s separator', () => {
    expect(centsToInput(5_000)).toBe('50');
    expect(centsToInput(1_250)).toBe('12,50');
    expect(centsToInput(1_205, 'en')).toBe('12.05');
    expect(centsToInput(0)).toBe('0');
  });
});

describe('parseEurosList', () => {
  it('reads amounts separated by semicolons, with French decimals and spaces', () => {
    expect(parseEurosList('20 ; 50;100 ; 1 000,50')).toEqual([2_000, 5_000, 10_000, 100_050]);
  });

  it('ignores empty parts and refuses a part that is not an amount', () => {
    expect(parseEurosList('20 ;; 50 ;')).toEqual([2_000, 5_000]);
    expect(parseEurosList('20 ; cinquante')).toBeNull();
    expect(parseEurosList('12,345')).toBeNull();
  });

  it('round-trips with centsListToInput', () => {
    const cents = [2_000, 5_050, 460_000];
    expect(centsListToInput(cents)).toBe('20 ; 50,50 ; 4600');
    expect(parseEurosList(centsListToInput(cents))).toEqual(cents);
  });
});
