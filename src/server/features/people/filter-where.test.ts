import type { SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { peopleFilterSchema } from '../../../contracts/people.ts';
import { toQuery } from '../../core/db/statement.ts';
import { filterToWhere } from './filter-where.ts';

const where = (filter: Record<string, unknown>, segment?: Record<string, unknown>) =>
  filterToWhere(
    7,
    peopleFilterSchema.parse(filter),
    segment && peopleFilterSchema.parse(segment),
    'Europe/Paris',
  );
const text = (fragment: SQL) => toQuery(fragment).text.replace(/\s+/g, ' ');

/**
 * The SQL text of each registered filter, pinned: the people search's indexes and plans were
 * tuned on it (docs/architecture.md), so a change here must be a deliberate one.
 */
describe('the WHERE built from the registered filters', () => {
  it('holds the campaign first, then each filter in the registry order, numbered in turn', () => {
    const w = where({
      q: 'Lef ab',
      communeCodes: '69123',
      departementCodes: '69,75,69',
      consentEmail: 'yes',
      consentPhone: 'no',
      confirmed: 'yes',
      tags: 'a',
      sources: 'signup',
      recruitedBy: 3,
      createdFrom: '2026-01-01',
      createdTo: '2026-01-31',
      customFields: [{ key: 'n', type: 'number', min: 1 }],
    });
    expect(text(w.conditions)).toBe(
      [
        'p.campaign_id = $1',
        'p.erased_at IS NULL',
        'p.search_text LIKE $2',
        'strpos(p.search_text, $3) > 0',
        'p.commune_code = ANY($4::text[])',
        'p.departement_code = ANY($5::text[])',
        'p.consent_email = true',
        'p.consent_phone = false',
        'p.confirmed_at IS NOT NULL',
        'EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id WHERE pt.campaign_id = $6 AND pt.person_id = p.id AND t.name = ANY($7::text[]))',
        'p.source = ANY($8::text[])',
        'p.recruited_by = $9',
        'p.created_at >= (($10::date + 0)::timestamp AT TIME ZONE $11::text)',
        'p.created_at < (($12::date + 1)::timestamp AT TIME ZONE $13::text)',
        'EXISTS (SELECT 1 FROM person_field_values v WHERE v.campaign_id = $14 AND v.person_id = p.id AND v.custom_field_id = (SELECT f.id FROM custom_fields f WHERE f.campaign_id = $15 AND f.key = $16 AND f.type = $17) AND v.number_value IS NOT NULL AND v.number_value >= $18::numeric)',
      ].join(' AND '),
    );
    expect(toQuery(w.conditions).params).toEqual([
      7,
      '%lef%',
      'ab',
      ['69123'],
      ['69', '75'],
      7,
      ['a'],
      ['signup'],
      3,
      '2026-01-01',
      'Europe/Paris',
      '2026-01-31',
      'Europe/Paris',
      7,
      7,
      'n',
      'number',
      1,
    ]);
    expect(w).toMatchObject({ substringSearch: true, narrowedBeyondSearch: true });
    expect(w.departements?.codes).toEqual(['69', '75']);
    // The other conditions, to which each walk adds its own département.
    const others = toQuery(w.departements!.otherConditions);
    expect(others.text).not.toContain('departement_code');
    expect(others.params).toHaveLength(17);
    expect(others.params).not.toContainEqual(['69', '75']);
  });

  it('tells a search alone from a narrowed list, and adds a segment’s filter after', () => {
    expect(where({ q: 'Martin' })).toMatchObject({
      narrowedBeyondSearch: false,
      departements: null,
    });
    const w = where({ q: 'Martin' }, { tags: 'x' });
    expect(w.narrowedBeyondSearch).toBe(true);
    expect(toQuery(w.conditions).params).toEqual([7, '%martin%', 7, ['x']]);
    expect(text(where({ q: '06 12 34 56 78' }).conditions)).toBe(
      'p.campaign_id = $1 AND p.erased_at IS NULL AND p.phone = $2',
    );
  });
});
