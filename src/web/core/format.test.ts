import { describe, expect, it } from 'vitest';
import { formatPhone } from './format.ts';

describe('formatPhone', () => {
  it('writes French numbers the national way', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+33140000000')).toBe('01 40 00 00 00');
    expect(formatPhone('0639981111')).toBe('06 39 98 11 11');
  });

  it('writes other numbers internationally, with spaces', () => {
    expect(formatPhone('+447911123456')).toBe('+44 7911 123456');
    expect(formatPhone('+32470123456')).toBe('+32 470 12 34 56');
  });

  it('leaves what it cannot read as it is', () => {
    expect(formatPhone('poste 12')).toBe('poste 12');
    expect(formatPhone('')).toBe('');
    expect(formatPhone(null)).toBe('');
  });
});
