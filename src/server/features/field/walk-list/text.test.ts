import { describe, expect, it } from 'vitest';
import {
  addressCountText,
  buildingText,
  capped,
  datesText,
  doNotVisitCountText,
  inert,
  numberText,
  printedAtText,
  stopHeading,
} from './text.ts';
import type { WalkListAddress } from './types.ts';

const nb = '\u00a0';
const address = (extra: Partial<WalkListAddress>): WalkListAddress => ({
  id: 1,
  number: 12,
  suffix: null,
  label: '12',
  lon: 4.84,
  lat: 45.75,
  doNotVisit: false,
  ...extra,
});

describe('inert text', () => {
  it('turns line breaks and tabs into single spaces and drops other control characters', () => {
    expect(inert('  Rue\tde la\r\n\r\nPaix \u0000\u0007\u001b\u007f\u0085 ')).toBe(
      'Rue de la Paix',
    );
  });

  it('drops direction overrides and invisible marks', () => {
    expect(inert('Rue\u202e xuaehcaR\u202c\u200b\u2066 B\u00adis\ufeff')).toBe('Rue xuaehcaR Bis');
  });

  it('keeps French accents and writes other letters in ones the fonts have', () => {
    expect(inert('Allée de l’Œuvre – Saint-Étienne')).toBe('Allée de l’Œuvre – Saint-Étienne');
    expect(inert('Łódź')).toBe('Lódz');
  });

  it('keeps no-break spaces and writes narrow ones as no-break spaces the fonts have', () => {
    expect(inert(`2${nb}000  adresses`)).toBe(`2${nb}000 adresses`);
    expect(inert('10\u202f%\u2003fin')).toBe(`10${nb}% fin`);
  });

  it('cuts long text with an ellipsis', () => {
    expect(capped('abcdef', 10)).toBe('abcdef');
    expect(capped('abc defgh', 5)).toBe('abc…');
  });
});

describe('French wording', () => {
  it("writes the printing time on the campaign's clock", () => {
    expect(printedAtText(new Date('2026-03-06T17:05:00Z'), 'Europe/Paris')).toBe(
      '06/03/2026 à 18:05',
    );
    expect(printedAtText(new Date('2026-07-06T22:30:00Z'), 'Europe/Paris')).toBe(
      '07/07/2026 à 00:30',
    );
    expect(printedAtText(new Date('2026-03-06T17:05:00Z'), 'America/Cayenne')).toBe(
      '06/03/2026 à 14:05',
    );
  });

  it('writes the days of the walk', () => {
    expect(datesText({ from: '2026-03-07', to: '2026-03-08' })).toBe('Du 07/03/2026 au 08/03/2026');
    expect(datesText({ from: '2026-03-07', to: '2026-03-07' })).toBe('Le 07/03/2026');
    expect(datesText({ from: 'samedi', to: 'dimanche\n' })).toBe('Du samedi au dimanche');
  });

  it('counts addresses', () => {
    expect(addressCountText(0)).toBe('0 adresse');
    expect(addressCountText(1)).toBe('1 adresse');
    expect(addressCountText(2000)).toBe(`2${nb}000 adresses`);
    expect(doNotVisitCountText(0)).toBe('');
    expect(doNotVisitCountText(3)).toBe(', dont 3 à ne pas visiter');
  });

  it('names the street, its commune and its side', () => {
    const stop = { street: 'Rue Pasteur', communeName: 'Lyon', addresses: [] };
    expect(stopHeading(stop)).toBe('Rue Pasteur – Lyon');
    expect(stopHeading({ ...stop, side: 'odd' })).toBe('Rue Pasteur – Lyon · côté impair');
    expect(stopHeading({ ...stop, side: 'even' })).toBe('Rue Pasteur – Lyon · côté pair');
    expect(stopHeading({ ...stop, street: ' ', communeName: '' })).toBe('Voie sans nom');
  });

  it('writes the number on the door, or s/n', () => {
    expect(numberText(address({ label: '12 bis', suffix: 'bis' }))).toBe('12 bis');
    expect(numberText(address({ label: '', suffix: 'ter' }))).toBe('12 ter');
    expect(numberText(address({ number: 0, label: '' }))).toBe('s/n');
  });

  it('describes a building by its floors and doors', () => {
    expect(buildingText(null)).toBe('');
    expect(buildingText({})).toBe('');
    expect(buildingText({ floors: 6, doors: 24 })).toBe('6 ét. · 24 portes');
    expect(buildingText({ doors: 1 })).toBe('1 porte');
    expect(buildingText({ floors: -1, doors: 2.5 })).toBe('');
  });
});
