import { describe, expect, it } from 'vitest';
import { interpolate } from './index.tsx';

describe('interpolate', () => {
  const message = '{count, plural, one {# personne} other {# personnes}}';

  it('picks the plural form by the locale’s rules', () => {
    expect(interpolate(message, { count: 0 }, 'fr')).toBe('0 personne');
    expect(interpolate(message, { count: 1 }, 'fr')).toBe('1 personne');
    expect(interpolate(message, { count: 2 }, 'fr')).toBe('2 personnes');
    expect(interpolate('{n, plural, one {# person} other {# people}}', { n: 0 }, 'en')).toBe(
      '0 people',
    );
  });

  it('formats numbers for the locale, also when given already formatted', () => {
    expect(interpolate(message, { count: 1234 }, 'fr')).toBe('1\u202f234 personnes');
    expect(interpolate('{count} rows', { count: 1234 }, 'en')).toBe('1,234 rows');
    expect(interpolate(message, { count: '1 234' }, 'fr')).toBe('1 234 personnes');
  });

  it('leaves unknown placeholders as they are', () => {
    expect(interpolate('{a} {b}', { a: 'x' }, 'fr')).toBe('x {b}');
  });
});
