import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { statement, toQuery, valuesOf } from './statement.ts';

describe('statements written with the sql template', () => {
  it('numbers the parameters, an array being one parameter and undefined a NULL', () => {
    const ids = [1, 2, 3];
    expect(
      toQuery(sql`SELECT id FROM people WHERE campaign_id = ${7} AND id = ANY(${ids}::bigint[])
        AND note = ${undefined}`),
    ).toEqual({
      text: `SELECT id FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[])
        AND note = $3`,
      params: [7, ids, null],
    });
  });

  it('numbers across fragments, joined lists and trusted names', () => {
    const scope = sql`campaign_id = ${7}`;
    const values = [sql`${'a'}`, sql`${'b'}`];
    expect(
      toQuery(
        sql`SELECT ${sql.raw('label')} FROM ${sql.identifier('tags')} WHERE ${scope}
          AND name IN (${sql.join(values, sql`, `)})${sql``}`,
      ),
    ).toEqual({
      text: `SELECT label FROM "tags" WHERE campaign_id = $1
          AND name IN ($2, $3)`,
      params: [7, 'a', 'b'],
    });
  });

  it('builds a hot statement once, its placeholders filled per call', () => {
    const byId = statement(
      'person_by_id',
      sql`SELECT 1 FROM people WHERE campaign_id = ${sql.placeholder('campaignId')} AND id = ${sql.placeholder('id')}`,
    );
    expect(byId.text).toBe('SELECT 1 FROM people WHERE campaign_id = $1 AND id = $2');
    expect(valuesOf(byId, { campaignId: 7, id: 12 })).toEqual([7, 12]);
    expect(() => valuesOf(byId, { campaignId: 7 })).toThrow(/id/);
  });

  it('gives a fragment used twice its parameters each time, however often it is built', () => {
    const where = sql`p.campaign_id = ${7} AND p.id = ANY(${[1]}::bigint[])`;
    expect(
      toQuery(
        sql`SELECT 1 FROM people p WHERE ${where} UNION ALL SELECT 2 FROM people p WHERE ${where} AND p.id > ${3}`,
      ),
    ).toEqual({
      text: 'SELECT 1 FROM people p WHERE p.campaign_id = $1 AND p.id = ANY($2::bigint[]) UNION ALL SELECT 2 FROM people p WHERE p.campaign_id = $3 AND p.id = ANY($4::bigint[]) AND p.id > $5',
      params: [7, [1], 7, [1], 3],
    });
    expect(toQuery(sql`SELECT 1 FROM people p WHERE ${where}`).params).toEqual([7, [1]]);
  });
});
