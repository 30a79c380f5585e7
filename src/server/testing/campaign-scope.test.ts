import { parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkStatement, loadParser, unscopedTables } from './campaign-scope.ts';

const tables = new Set(['people', 'person_tags', 'tags', 'events', 'event_rsvps']);
const unscoped = (text: string) => unscopedTables(parseSync(text), tables);

describe('a statement names its campaign wherever it uses a campaign table', () => {
  beforeAll(() => loadParser());

  it.each([
    'SELECT * FROM people WHERE campaign_id = $1',
    'SELECT * FROM people p JOIN person_tags pt ON pt.campaign_id = p.campaign_id AND pt.person_id = p.id WHERE p.campaign_id = $1',
    'SELECT * FROM people p JOIN person_tags pt USING (campaign_id) WHERE p.id = 1',
    'UPDATE people SET first_name = $2 WHERE campaign_id = $1 AND id = $3',
    'DELETE FROM person_tags WHERE campaign_id = $1 AND person_id = ANY($2)',
    'INSERT INTO tags (campaign_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    'INSERT INTO person_tags (campaign_id, person_id, tag_id) SELECT campaign_id, id, $2 FROM people WHERE campaign_id = $1',
    'WITH chosen AS (SELECT id FROM people WHERE campaign_id = $1) SELECT * FROM chosen',
    'SELECT e.id FROM events e WHERE e.campaign_id = $1 AND EXISTS (SELECT 1 FROM event_rsvps r WHERE r.campaign_id = e.campaign_id AND r.event_id = e.id)',
    'SELECT * FROM pgboss.job WHERE name = $1',
    'SELECT p.id, (SELECT count(*) FROM person_tags t WHERE t.campaign_id = p.campaign_id AND t.person_id = p.id) FROM people p WHERE p.campaign_id = $1',
    'INSERT INTO tags (campaign_id, name) VALUES ($1, $2) RETURNING campaign_id, id',
    'SELECT * FROM campaigns WHERE id = $1',
    'TRUNCATE people',
  ])('accepts %s', (text) => {
    expect(unscoped(text)).toEqual([]);
  });

  it.each([
    ['SELECT count(*) FROM people', ['people']],
    ['UPDATE people SET first_name = $1 WHERE id = $2', ['people']],
    ['SELECT campaign_id, id FROM people WHERE id = $1', ['people']],
    ['SELECT p.campaign_id FROM people p ORDER BY p.campaign_id', ['people']],
    ['UPDATE people SET campaign_id = $1 WHERE id = $2', ['people']],
    [
      'SELECT p.id, (SELECT count(*) FROM person_tags t WHERE t.person_id = p.id) FROM people p WHERE p.campaign_id = $1',
      ['person_tags'],
    ],
    ['DELETE FROM people WHERE id = $1', ['people']],
    [
      'SELECT * FROM people p JOIN person_tags pt ON pt.person_id = p.id WHERE p.campaign_id = $1',
      ['person_tags'],
    ],
    [
      'DELETE FROM people WHERE campaign_id = $1 AND id IN (SELECT person_id FROM person_tags WHERE tag_id = $2)',
      ['person_tags'],
    ],
    [
      'INSERT INTO person_tags (campaign_id, person_id, tag_id) SELECT $1, id, $2 FROM people',
      ['people'],
    ],
    [
      'UPDATE people p SET first_name = t.name FROM tags t WHERE p.campaign_id = $1 AND t.id = p.id',
      ['tags'],
    ],
  ])('refuses %s', (text, missing) => {
    expect(unscoped(text)).toEqual(missing);
  });

  it('lets a statement marked as spanning every campaign through, and caches by text', () => {
    const cache = new Map<string, string[]>();
    const marked =
      '/* every campaign: the daily purge */ DELETE FROM people WHERE confirmed_at IS NULL';
    expect(checkStatement(marked, tables, cache)).toEqual([]);
    expect(checkStatement('SELECT * FROM tags', tables, cache)).toEqual(['tags']);
    expect(cache.get('SELECT * FROM tags')).toEqual(['tags']);
  });
});
