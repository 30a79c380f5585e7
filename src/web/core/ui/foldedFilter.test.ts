import { describe, expect, it } from 'vitest';
import { foldedFilter } from './foldedFilter.ts';

const departements = [
  { value: '69', label: '69 · Rhône' },
  { value: '974', label: '974 · La Réunion' },
  { value: '21', label: "21 · Côte-d'Or" },
  { value: '75', label: '75 · Paris' },
];
const shown = (search: string) =>
  foldedFilter({ options: departements, search, limit: 100 }).map((o) =>
    'value' in o ? o.value : null,
  );

describe('foldedFilter', () => {
  it('ignores accents, case and punctuation, each word anywhere', () => {
    expect(shown('rhone')).toEqual(['69']);
    expect(shown('REUNION')).toEqual(['974']);
    expect(shown('cote dor')).toEqual(['21']);
    expect(shown("côte-d'or")).toEqual(['21']);
    expect(shown('97')).toEqual(['974']);
    expect(shown('')).toHaveLength(4);
    expect(shown('lyon')).toEqual([]);
  });
});
