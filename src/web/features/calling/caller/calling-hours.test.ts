import { describe, expect, it } from 'vitest';
import { defaultPhoneBankWindows } from '../../../../contracts/phone-banks.ts';
import { callingHoursText, daysText } from './calling-hours.ts';

describe('calling hours', () => {
  it('say the default days and hours in each language', () => {
    expect(callingHoursText(defaultPhoneBankWindows, 'fr')).toBe(
      'lundi–samedi, 10:00–13:00 et 14:00–20:00',
    );
    expect(callingHoursText(defaultPhoneBankWindows, 'en')).toBe(
      'Monday–Saturday, 10:00–13:00 and 14:00–20:00',
    );
  });

  it('name days apart when fewer than three follow each other', () => {
    expect(daysText([6, 1, 3, 2, 7], 'fr')).toBe('lundi–mercredi, samedi, dimanche');
    expect(daysText([2, 4], 'fr')).toBe('mardi, jeudi');
  });
});
