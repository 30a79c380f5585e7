import { describe, expect, it } from 'vitest';
import { geoReference } from '../../core/geo/communes.ts';
import {
  buildSearchText,
  foldText,
  normalizeEmail,
  normalizePhone,
  readPhoneNumber,
  resolvePlace,
} from './normalize.ts';

describe('normalizeEmail', () => {
  it('trims and lowercases a valid address', () => {
    expect(normalizeEmail('  Alice.Martin@Example.ORG ')).toBe('alice.martin@example.org');
    expect(normalizeEmail('bob+tag@sub.example.fr')).toBe('bob+tag@sub.example.fr');
  });

  it('refuses what is not an email address', () => {
    for (const bad of ['', '   ', 'alice', 'alice@', '@example.org', 'a b@example.org', 'a@b']) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });
});

describe('normalizePhone', () => {
  it('reads national French numbers in any common layout as E.164', () => {
    for (const input of ['06 12 34 56 78', '0612345678', '06.12.34.56.78', '06-12-34-56-78']) {
      expect(normalizePhone(input), input).toBe('+33612345678');
    }
    expect(normalizePhone('01 23 45 67 89')).toBe('+33123456789');
  });

  it('keeps international numbers, French or not', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhone('+33612345678')).toBe('+33612345678');
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('gives overseas numbers the country code of their national prefix', () => {
    expect(normalizePhone('0692 12 34 56')).toBe('+262692123456');
    expect(normalizePhone('+33 6 92 12 34 56')).toBe('+262692123456');
    expect(normalizePhone('0590 27 12 34')).toBe('+590590271234');
    expect(normalizePhone('0508 41 23 45')).toBe('+508412345');
  });

  it('tells mobiles from landlines, here and abroad', () => {
    expect(readPhoneNumber('0692 12 34 56')?.kind).toBe('mobile');
    expect(readPhoneNumber('0262 21 12 34')?.kind).toBe('landline');
    expect(readPhoneNumber('+44 20 7946 0958')?.kind).toBe('landline');
    expect(readPhoneNumber('+44 7400 123456')?.kind).toBe('mobile');
  });

  it('refuses numbers that are not valid', () => {
    for (const bad of ['123', '', 'abcdefghij', '06 12 34', '+33 12', '00 00 00 00 00']) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });
});

describe('foldText', () => {
  it('strips accents, lowercases and folds spaces', () => {
    expect(foldText('Éloïse')).toBe('eloise');
    expect(foldText('  Saint-Étienne   du   Rouvray ')).toBe('saint-etienne du rouvray');
    expect(foldText('ÇA GÈNE Noël')).toBe('ca gene noel');
  });

  it('makes composed and decomposed forms equal', () => {
    expect(foldText('E\u0301loi\u0308se')).toBe(foldText('\u00c9lo\u00efse'));
  });
});

describe('buildSearchText', () => {
  it('holds folded names, email, commune and both phone forms, without punctuation', () => {
    const text = buildSearchText({
      firstName: 'Éloïse',
      lastName: 'Lefèvre',
      email: 'eloise@example.org',
      phone: '+33612345678',
      communeName: 'Saint-Étienne',
      postalCode: '42000',
    });
    expect(text).toBe('eloise lefevre eloiseexampleorg 33612345678 0612345678 saintetienne 42000');
  });

  it('skips missing parts', () => {
    expect(buildSearchText({ email: 'x@example.org', firstName: null })).toBe('xexampleorg');
  });
});

describe('resolvePlace', () => {
  const geo = geoReference();

  it('resolves a postal code with one commune', () => {
    expect(resolvePlace(geo, '69001', undefined)).toEqual({
      place: {
        postalCode: '69001',
        communeCode: '69123',
        communeName: 'Lyon',
        departementCode: '69',
      },
    });
    expect(resolvePlace(geo, ' 42 000', undefined).place).toMatchObject({
      postalCode: '42000',
      communeName: 'Saint-Étienne',
      departementCode: '42',
    });
  });

  it('requires the commune when the postal code covers several', () => {
    expect(resolvePlace(geo, '01400', undefined)).toEqual({
      error: {
        field: 'communeCode',
        code: 'commune_required',
        message: expect.any(String) as string,
      },
    });
    expect(resolvePlace(geo, '01400', '01001').place).toMatchObject({
      communeCode: '01001',
      communeName: "L'Abergement-Clémenciat",
      departementCode: '01',
    });
  });

  it('refuses a commune that does not match the postal code', () => {
    expect(resolvePlace(geo, '01400', '69123').error).toMatchObject({
      field: 'communeCode',
      code: 'commune_mismatch',
    });
  });

  it('refuses unknown or malformed postal codes, naming the field', () => {
    for (const bad of ['99999', '6900', 'abcde', '']) {
      expect(resolvePlace(geo, bad, undefined).error, bad).toMatchObject({
        field: 'postalCode',
        code: 'unknown_postal_code',
      });
    }
    expect(resolvePlace(geo, '99999', undefined, 'address.postalCode').error?.field).toBe(
      'address.postalCode',
    );
  });
});
