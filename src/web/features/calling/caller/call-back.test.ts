import { describe, expect, it } from 'vitest';
import {
  callBackBounds,
  callBackIso,
  callBackProblem,
  countdown,
  secondsLeft,
  toFieldValue,
} from './call-back.ts';

const now = new Date('2026-12-08T09:30:20Z'); // 10:30:20 in Paris

describe('call-back times', () => {
  it('reads the field on the campaign’s clock, with its offset', () => {
    expect(callBackIso('2026-12-08T18:00')).toBe('2026-12-08T18:00:00+01:00');
    expect(callBackIso('2026-07-01T18:00')).toBe('2026-07-01T18:00:00+02:00');
    expect(callBackIso('')).toBeNull();
    expect(callBackIso('demain')).toBeNull();
  });

  it('shows an instant as the field holds it', () => {
    expect(toFieldValue(now)).toBe('2026-12-08T10:30');
  });

  it('bounds the field from the next minute to 30 days ahead', () => {
    expect(callBackBounds(now)).toEqual({ min: '2026-12-08T10:31', max: '2027-01-07T10:30' });
  });

  it('refuses a time missing, unreadable, past or beyond 30 days', () => {
    expect(callBackProblem('', now)).toBe('required');
    expect(callBackProblem('2026-02-30T10:00', now)).toBe('invalid_date');
    expect(callBackProblem('2026-12-08T10:30', now)).toBe('in_past');
    expect(callBackProblem('2027-01-08T10:00', now)).toBe('too_far');
    expect(callBackProblem('2026-12-08T10:32', now)).toBeNull();
  });
});

describe('the claim’s countdown', () => {
  it('counts whole seconds left, never below zero', () => {
    const until = '2026-12-08T09:45:00Z';
    expect(secondsLeft(until, Date.parse('2026-12-08T09:30:00Z'))).toBe(900);
    expect(secondsLeft(until, Date.parse('2026-12-08T09:44:59.500Z'))).toBe(1);
    expect(secondsLeft(until, Date.parse('2026-12-08T09:46:00Z'))).toBe(0);
  });

  it('reads as minutes and seconds', () => {
    expect(countdown(900)).toBe('15:00');
    expect(countdown(65)).toBe('1:05');
    expect(countdown(9)).toBe('0:09');
  });
});
