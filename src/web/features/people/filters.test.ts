import { describe, expect, it } from 'vitest';
import { countActiveFilters, filterFromSearch, filterToSearch } from './filters.ts';

describe('people filters in the URL', () => {
  it('reads every registered filter from its key, and writes it back the same', () => {
    const search = new URLSearchParams({
      q: ' Martin ',
      departementCodes: '69,75',
      communeCodes: '69123',
      tags: 'porte à porte',
      sources: 'signup,import',
      consentEmail: 'yes',
      confirmed: 'no',
      createdFrom: '2026-01-01',
      recruitedBy: '12',
      segmentId: '3',
      customFields: '[{"key":"size","type":"choice","anyOf":["S","M"]}]',
    });
    const filter = filterFromSearch(search);
    expect(filter).toEqual({
      q: 'Martin',
      departementCodes: ['69', '75'],
      communeCodes: ['69123'],
      tags: ['porte à porte'],
      sources: ['signup', 'import'],
      consentEmail: 'yes',
      confirmed: 'no',
      createdFrom: '2026-01-01',
      recruitedBy: 12,
      segmentId: 3,
      customFields: [{ key: 'size', type: 'choice', anyOf: ['S', 'M'] }],
    });
    expect(filterFromSearch(filterToSearch(filter))).toEqual(filter);
    expect(countActiveFilters(filter)).toBe(10);
  });

  it('leaves out what its filter would refuse, and what is empty', () => {
    const search = new URLSearchParams({
      q: '  ',
      consentSms: 'maybe',
      createdTo: '2026-02-31',
      recruitedBy: '-1',
      tags: ',',
      customFields: '{not json',
      page: '2',
    });
    expect(filterFromSearch(search)).toEqual({});
  });
});
