import { describe, expect, it } from 'vitest';
import { agreedSlotSchema } from '../../../../contracts/compliance.ts';
import { ConsentDateReader, readSlot } from './consent.ts';

const now = new Date('2025-06-01T12:00:00Z');
const paris = new ConsentDateReader('Europe/Paris', now);
const iso = (cell: string) => {
  const read = paris.read(cell);
  return read === 'invalid' ? read : read.toISOString();
};

describe('ConsentDateReader', () => {
  it('reads French and ISO dates, a date alone being its midnight on the campaign’s clock', () => {
    // Winter: Paris is UTC+1; summer: UTC+2.
    expect(iso('12/03/2024')).toBe('2024-03-11T23:00:00.000Z');
    expect(iso('1/7/2024')).toBe('2024-06-30T22:00:00.000Z');
    expect(iso('12-03-2024')).toBe('2024-03-11T23:00:00.000Z');
    expect(iso('12.03.2024')).toBe('2024-03-11T23:00:00.000Z');
    expect(iso('2024-03-12')).toBe('2024-03-11T23:00:00.000Z');
    expect(iso('2024-07-01')).toBe('2024-06-30T22:00:00.000Z');
  });

  it('reads times, on the campaign’s clock unless an offset is written', () => {
    expect(iso('12/03/2024 14:30')).toBe('2024-03-12T13:30:00.000Z');
    expect(iso('12/03/2024 14h30')).toBe('2024-03-12T13:30:00.000Z');
    expect(iso('12/03/2024 14:30:15')).toBe('2024-03-12T13:30:15.000Z');
    expect(iso('2024-03-12T14:30')).toBe('2024-03-12T13:30:00.000Z');
    expect(iso('2024-03-12 14:30:00')).toBe('2024-03-12T13:30:00.000Z');
    expect(iso('2024-03-12T14:30:00.123Z')).toBe('2024-03-12T14:30:00.000Z');
    expect(iso('2024-03-12T14:30:00+02:00')).toBe('2024-03-12T12:30:00.000Z');
    expect(iso('2024-03-12T14:30:00-0330')).toBe('2024-03-12T18:00:00.000Z');
  });

  it('follows the clock change on the days it happens', () => {
    // 31 March 2024: 02:00 → 03:00 in Paris. 27 October 2024: 03:00 → 02:00.
    expect(iso('31/03/2024 01:30')).toBe('2024-03-31T00:30:00.000Z');
    expect(iso('31/03/2024 12:00')).toBe('2024-03-31T10:00:00.000Z');
    expect(iso('27/10/2024 12:00')).toBe('2024-10-27T11:00:00.000Z');
    expect(iso('26/10/2024 12:00')).toBe('2024-10-26T10:00:00.000Z');
  });

  it('gives a new Date for every row, though it remembers the cells it read', () => {
    const reader = new ConsentDateReader('Europe/Paris', now);
    const first = reader.read('12/03/2024') as Date;
    const again = reader.read('12/03/2024') as Date;
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    first.setTime(0);
    expect((reader.read('12/03/2024') as Date).toISOString()).toBe('2024-03-11T23:00:00.000Z');
  });

  it('reads on another territory’s clock when told', () => {
    const reunion = new ConsentDateReader('Indian/Reunion', now);
    expect((reunion.read('12/03/2024 14:30') as Date).toISOString()).toBe(
      '2024-03-12T10:30:00.000Z',
    );
  });

  it('refuses what is not a date, impossible dates, too old or future ones', () => {
    for (const cell of [
      'hier',
      '12/03/24',
      '2024/03/12',
      '31/02/2024',
      '29/02/2023',
      '12/13/2024',
      '00/03/2024',
      '12/03/2024 25:00',
      '12/03/2024 14:60',
      '01/01/1989',
      '03/06/2025',
      '2030-01-01',
    ]) {
      expect(paris.read(cell), cell).toBe('invalid');
    }
    expect(iso('29/02/2024')).toBe('2024-02-28T23:00:00.000Z');
    // Today in any time zone is not the future.
    expect(iso('2025-06-02')).toBe('2025-06-01T22:00:00.000Z');
  });
});

describe('readSlot', () => {
  it('reads days and hours, French or English, ranges and lists', () => {
    expect(readSlot('lun-ven 10:00-13:00')).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      from: '10:00',
      to: '13:00',
    });
    expect(readSlot('Lundi au Vendredi 9h-12h30')).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      from: '09:00',
      to: '12:30',
    });
    expect(readSlot('lun,mer,sam 18h - 20h')).toEqual({
      weekdays: [1, 3, 6],
      from: '18:00',
      to: '20:00',
    });
    expect(readSlot('lun-mer, sam 10-13')).toEqual({
      weekdays: [1, 2, 3, 6],
      from: '10:00',
      to: '13:00',
    });
    expect(readSlot('mon-fri 10:00–13:00')).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      from: '10:00',
      to: '13:00',
    });
    expect(readSlot('sam 9h-12h')).toEqual({ weekdays: [6], from: '09:00', to: '12:00' });
    // A range may wrap around the week's end.
    expect(readSlot('ven-lun 10:00-12:00')).toEqual({
      weekdays: [1, 5, 6, 7],
      from: '10:00',
      to: '12:00',
    });
    expect(readSlot('MER. 14H-16H')).toEqual({ weekdays: [3], from: '14:00', to: '16:00' });
  });

  it('gives the same frozen slot for the same cell', () => {
    const slot = readSlot('lun-ven 10:00-13:00');
    expect(readSlot(' lun-ven 10:00-13:00 ')).toBe(slot);
    expect(Object.isFrozen(slot)).toBe(true);
    expect(() => (slot as { weekdays: number[] }).weekdays.push(7)).toThrow(TypeError);
  });

  it('gives slots the compliance contract accepts', () => {
    for (const cell of ['lun-ven 10:00-13:00', 'dim 9h-10h', 'lun-dim 0-23']) {
      expect(agreedSlotSchema.safeParse(readSlot(cell)).success, cell).toBe(true);
    }
  });

  it('gives null for an empty cell, invalid for one that cannot be read', () => {
    expect(readSlot('')).toBeNull();
    expect(readSlot('  ')).toBeNull();
    for (const cell of [
      '10:00-13:00',
      'lun-ven',
      'lun-ven 13:00-10:00',
      'lun-ven 10:00-10:00',
      'lun-ven 10:00-24:00',
      'lun-ven 10:75-12:00',
      'blip 10:00-13:00',
      'lun-mar-mer 10-12',
      'le matin',
    ]) {
      expect(readSlot(cell), cell).toBe('invalid');
    }
  });
});
