import { describe, expect, it } from 'vitest';
import type { PlaceRequest } from '../../../core/geo/place-source.ts';
import { parseStreetLine } from '../../../core/geo/street-line.ts';
import { placeOnStreet, type AddressRow } from './choose.ts';

const request = (postalCode: string | null = null): PlaceRequest => ({
  campaignId: 1,
  communes: [{ code: '01053', addressCodes: ['01053'] }],
  postalCode,
  street: null,
});

/** Doors 20 m apart eastwards from `lon`. */
const doors = (
  streetKey: string,
  streetName: string,
  lon: number,
  numbers: number[],
  postalCode = '01000',
): AddressRow[] =>
  numbers.map((number, i) => ({
    commune_code: '01053',
    street_key: streetKey,
    street_name: streetName,
    number,
    suffix: null,
    postal_code: postalCode,
    lon: lon + i * 0.00026,
    lat: 46.2,
  }));

const place = (line: string, rows: AddressRow[], postal: string | null = null) =>
  placeOnStreet(request(postal), parseStreetLine(line), rows);

describe('placeOnStreet', () => {
  it('leaves open a name two streets far apart bear, unless the number or postal code tells', () => {
    // A "Grande Rue" in two former communes, 4 km apart, the second with its own postal code.
    const rows = [
      ...doors('a', 'Grande Rue', 5.2, [1, 2, 3]),
      ...doors('b', 'Grande Rue', 5.25, [3, 4, 5], '01001'),
    ];
    expect(place('Grande Rue', rows)).toBeNull();
    expect(place('3 Grande Rue', rows)).toBeNull();
    expect(place('5 Grande Rue', rows)).toMatchObject({
      precision: 'address',
      lng: 5.25 + 0.00052,
    });
    expect(place('3 Grande Rue', rows, '01001')).toMatchObject({ precision: 'address', lng: 5.25 });
    expect(place('Grande Rue', rows, '01001')).toMatchObject({ precision: 'street' });
  });

  it('takes one street filed under two keys near each other as one', () => {
    const rows = [
      ...doors('a', 'Rue de la Gare', 5.2, [1, 3]),
      ...doors('b', 'Rue de la Gare', 5.2006, [5, 7]),
    ];
    expect(place('rue de la gare', rows)).toMatchObject({ precision: 'street' });
  });

  it('refuses a part of a name two streets share', () => {
    const rows = [
      ...doors('a', 'Rue Victor Hugo', 5.2, [1, 3]),
      ...doors('b', 'Place Victor Hugo', 5.201, [1, 2]),
    ];
    expect(place('Hugo', rows)).toBeNull();
    expect(place('Victor Hugo', rows)).toBeNull();
    expect(place('pl. V. Hugo', rows)).toMatchObject({
      precision: 'street',
      streetLabel: 'Place Victor Hugo',
    });
  });

  it('answers nothing for a street of another name that ends the same', () => {
    expect(place('12 rue de la Paix', doors('a', 'Avenue de la Paix', 5.2, [12]))).toBeNull();
  });
});
