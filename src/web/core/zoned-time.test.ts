import { describe, expect, it } from 'vitest';
import { isoToZoned, zonedToIso } from './zoned-time.ts';

describe('times on the campaign’s clock', () => {
  it('gives a wall-clock time its offset, winter and summer', () => {
    expect(zonedToIso('2026-12-12 18:00:00')).toBe('2026-12-12T18:00:00+01:00');
    expect(zonedToIso('2026-07-14 09:30')).toBe('2026-07-14T09:30:00+02:00');
    expect(zonedToIso('2026-07-14 09:30', 'America/Cayenne')).toBe('2026-07-14T09:30:00-03:00');
    expect(zonedToIso('2026-07-14 09:30', 'Asia/Kolkata')).toBe('2026-07-14T09:30:00+05:30');
  });

  it('moves a time skipped in spring past the jump, and reads a repeated one as its first', () => {
    expect(zonedToIso('2026-03-29 02:30:00')).toBe('2026-03-29T03:30:00+02:00');
    expect(zonedToIso('2026-10-25 02:30:00')).toBe('2026-10-25T02:30:00+02:00');
  });

  it('refuses what is not a time', () => {
    for (const text of [
      '',
      '2026-02-30 10:00',
      '2026-12-12',
      '12/12/2026 18:00',
      '2026-12-12 24:00',
    ]) {
      expect(zonedToIso(text)).toBeNull();
    }
  });

  it('shows an instant as the campaign’s clock does, whatever its offset', () => {
    expect(isoToZoned('2026-12-12T17:00:00.000Z')).toBe('2026-12-12 18:00:00');
    expect(isoToZoned('2026-07-14T09:30:00+02:00')).toBe('2026-07-14 09:30:00');
    expect(isoToZoned('nonsense')).toBe('');
    const typed = '2026-11-03 20:15:00';
    expect(isoToZoned(zonedToIso(typed)!)).toBe(typed);
  });
});
