import { describe, expect, it } from 'vitest';
import type { ChipContext } from './audience-filter.ts';
import { audienceFilters, filterChips, peopleFilterSchema } from './audience-filters.ts';

const ctx: ChipContext = {
  t: (key, vars) => (vars ? `${key}(${Object.values(vars).join('|')})` : key),
  yesNo: (v) => v,
  day: (v) => `day ${v}`,
  departementName: (code) => `dep ${code}`,
  rankName: (rank) => `rank ${rank}`,
  communeName: (code) => `commune ${code}`,
  sourceName: (s) => `source ${s}`,
  personName: () => null,
  segmentName: (id) => (id === 3 ? 'Lyon' : null),
  customConditions: (conditions) => conditions.map((c) => `field ${c.key}`),
};

const everything = peopleFilterSchema.parse({
  q: 'Martin',
  departementCodes: '69',
  communeCodes: '69123',
  tags: 'a,b',
  sources: 'signup',
  confirmed: 'yes',
  consentEmail: 'yes',
  consentSms: 'no',
  consentPhone: 'yes',
  createdFrom: '2026-01-01',
  createdTo: '2026-02-01',
  recruitedBy: '12',
  customFields: '[{"key":"size","type":"choice","anyOf":["S"]}]',
  committeeRank: 'organiser',
  committeeDepartements: '69,75',
  segmentId: '3',
});

describe('audience filters', () => {
  it('each key of the filter object belongs to exactly one registered filter', () => {
    const owners = audienceFilters.flatMap((f) => Object.keys(f.shape));
    expect(new Set(owners).size).toBe(owners.length);
    expect(owners.sort()).toEqual(Object.keys(peopleFilterSchema.shape).sort());
    expect(new Set(audienceFilters.map((f) => f.key)).size).toBe(audienceFilters.length);
  });

  it('gives one chip per set key (custom fields in one), in the registry order', () => {
    expect(filterChips(everything, ctx)).toEqual([
      { key: 'q', text: 'common.labelValue(people.search|« Martin »)' },
      { key: 'departementCodes', text: 'common.labelValue(filter.departements|dep 69)' },
      { key: 'communeCodes', text: 'common.labelValue(filter.communes|commune 69123)' },
      { key: 'tags', text: 'common.labelValue(filter.tags|a, b)' },
      { key: 'sources', text: 'common.labelValue(filter.sources|source signup)' },
      { key: 'confirmed', text: 'common.labelValue(filter.confirmed|yes)' },
      { key: 'consentEmail', text: 'common.labelValue(filter.consentEmail|yes)' },
      { key: 'consentSms', text: 'common.labelValue(filter.consentSms|no)' },
      { key: 'consentPhone', text: 'common.labelValue(filter.consentPhone|yes)' },
      { key: 'createdFrom', text: 'common.labelValue(filter.createdFrom|day 2026-01-01)' },
      { key: 'createdTo', text: 'common.labelValue(filter.createdTo|day 2026-02-01)' },
      { key: 'recruitedBy', text: 'filter.recruitedByChip(filter.personNumber(12))' },
      { key: 'customFields', text: 'field size' },
      { key: 'committeeRank', text: 'common.labelValue(filter.committeeRank|rank organiser)' },
      {
        key: 'committeeDepartements',
        text: 'common.labelValue(filter.committeeDepartements|dep 69, dep 75)',
      },
      { key: 'segmentId', text: 'filter.segmentChip(Lyon)' },
    ]);
    expect(filterChips({}, ctx)).toEqual([]);
  });
});
