import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { toQuery } from '../../core/db/statement.ts';
import { createTestApp, engines, type TestApp } from '../../testing/harness.ts';
import { personMetAtDoor } from '../people/met-at-door.ts';
import { erasePerson } from '../people/service.ts';

/**
 * Tables an erasure may read whole: their size follows the campaign's work (its imports, its
 * settings), not its number of people, so the erasure stays constant in the people it holds.
 */
const NOT_PER_PERSON: Record<string, string> = {
  imports: 'one row per import file: the samples quoting the person are found by their text',
  opt_out_keys: 'one row per campaign',
};

/** Each statement of `work` on the database, as it was sent. */
function recording(ctx: AppContext) {
  const statements: Array<SQL | { text: string; params?: unknown[] }> = [];
  const wrap = (query: Query): Query =>
    ((statement: SQL | string, params?: unknown[]) => {
      statements.push(typeof statement === 'string' ? { text: statement, params } : statement);
      return typeof statement === 'string' ? query(statement, params) : query(statement);
    }) as Query;
  const database = {
    ...ctx.database,
    query: wrap(ctx.database.query),
    transaction: <T>(work: (query: Query) => Promise<T>) =>
      ctx.database.transaction((query) => work(wrap(query))),
  };
  return { ctx: { ...ctx, database } as AppContext, statements };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Filter?: string;
  'Hash Cond'?: string;
  'Join Filter'?: string;
  Plans?: PlanNode[];
}

/** The columns (or expressions' last words) a condition compares with `=`, campaign aside. */
const comparedColumns = (condition: string) =>
  [...condition.matchAll(/(\w+)\)* = /g)]
    .map((match) => match[1]!)
    .filter((column) => column !== 'campaign_id');

/**
 * The tables a statement finds its rows in without an index that leads with the campaign and a
 * column it compares (`(campaign_id, person_id)`): the planner's choice on a test's few rows
 * says nothing, so the plan's conditions are checked against the table's indexes.
 */
async function unindexedTables(
  t: TestApp,
  statement: SQL | { text: string; params?: unknown[] },
): Promise<string[]> {
  const [row] =
    'text' in statement && typeof statement.text === 'string'
      ? await t.ctx.database.query<{ 'QUERY PLAN': unknown }>(
          `EXPLAIN (FORMAT JSON) ${statement.text}`,
          statement.params,
        )
      : await t.ctx.database.query<{ 'QUERY PLAN': unknown }>(
          sql`EXPLAIN (FORMAT JSON) ${statement as SQL}`,
        );
  const raw = row!['QUERY PLAN'];
  const [root] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  const scans: Array<{ table: string; columns: string[] }> = [];
  const walk = (node: PlanNode, joins: string) => {
    const joined = [joins, node['Hash Cond'], node['Join Filter']].filter(Boolean).join(' ');
    const table = node['Relation Name'];
    if (table && /Scan/.test(node['Node Type']) && !/Function|Values/.test(node['Node Type'])) {
      const conditions = [node['Index Cond'], node['Recheck Cond'], node.Filter, joined];
      scans.push({ table, columns: comparedColumns(conditions.filter(Boolean).join(' ')) });
    }
    for (const child of node.Plans ?? []) walk(child, joined);
  };
  walk(root!.Plan, '');
  const found: string[] = [];
  for (const { table, columns } of scans) {
    const indexes = await t.ctx.database.query<{ indexdef: string }>(
      sql`SELECT indexdef FROM pg_indexes WHERE tablename = ${table}`,
    );
    // The keys only: a partial index's condition names columns it does not lead with.
    const keys = indexes.map(({ indexdef }) => indexdef.split(' WHERE ')[0]!);
    const served = columns.some((column) =>
      keys.some((key) => new RegExp(`\\((campaign_id, )?[^,]*\\b${column}\\b`).test(key)),
    );
    if (!served) found.push(table);
  }
  return found;
}

describe.each(engines)('erasure reads by index on %s', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the person’s rows in every table through an index, never by reading a table whole', async () => {
    const person = await t.ctx.database.transaction((query) =>
      personMetAtDoor(
        query,
        t.ctx.campaignId,
        {
          firstName: 'Index',
          lastName: 'Erased',
          email: 'index.erased@retention.example',
          phone: '+33612349999',
          consents: { email: true, sms: true, phone: false },
        },
        { source: 'door_to_door', wordingVersion: 'v1', volunteerId: 1, visitId: 'index-visit' },
      ),
    );
    const recorded = recording(t.ctx);
    await erasePerson(recorded.ctx, person.id, null);
    expect(recorded.statements.length).toBeGreaterThan(20);
    const scanned = new Map<string, string[]>();
    for (const statement of recorded.statements) {
      for (const table of await unindexedTables(t, statement)) {
        if (table in NOT_PER_PERSON) continue;
        const text =
          'text' in statement && typeof statement.text === 'string'
            ? statement.text
            : toQuery(statement as SQL).text;
        scanned.set(table, [...(scanned.get(table) ?? []), text.slice(0, 160)]);
      }
    }
    expect(Object.fromEntries(scanned)).toEqual({});
  });
});
