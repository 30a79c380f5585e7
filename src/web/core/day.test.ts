import { describe, expect, it } from 'vitest';
import { parseDay } from './day.ts';

describe('parseDay', () => {
  it('reads a day written the French way or the ISO way', () => {
    expect(parseDay('25/11/2026')).toBe('2026-11-25');
    expect(parseDay(' 5/3/2026 ')).toBe('2026-03-05');
    expect(parseDay('05.03.2026')).toBe('2026-03-05');
    expect(parseDay('2026-11-25')).toBe('2026-11-25');
    expect(parseDay('29/02/2028')).toBe('2028-02-29');
  });

  it('refuses what is not a day', () => {
    for (const text of [
      '31/02/2026',
      '29/02/2026',
      '2026-13-01',
      '00/01/2026',
      '25/11/26',
      'demain',
      '',
    ])
      expect([text, parseDay(text)]).toEqual([text, null]);
  });
});
