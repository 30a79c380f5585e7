import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Database } from './core/db/index.ts';

/**
 * The schema stays ready to be distributed by campaign (Citus, docs/operations.md): a
 * distributed table needs its distribution column in its primary key and in every unique
 * index, and a foreign key between two distributed tables must include it on both sides
 * (a key to a reference table is allowed).
 */

/** Tables without a campaign_id, and what they become on a distributed engine. */
const NOT_DISTRIBUTED: Record<string, 'reference' | 'local'> = {
  campaigns: 'reference',
  rate_limit_counters: 'local',
};

let database: Database;

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await runMigrations(database);
});
afterAll(() => database.close());

const campaignTables = () =>
  database.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'campaign_id' ORDER BY table_name`,
  );

describe('the schema can be distributed by campaign_id', () => {
  it('names every table that has no campaign_id, with what it becomes', async () => {
    const rows = await database.query<{ table_name: string }>(
      `SELECT t.table_name FROM information_schema.tables t
        WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                           WHERE c.table_schema = 'public' AND c.table_name = t.table_name
                             AND c.column_name = 'campaign_id')
        ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(Object.keys(NOT_DISTRIBUTED).sort());
  });

  it('puts campaign_id in every primary key and unique index of a campaign table', async () => {
    expect((await campaignTables()).length).toBeGreaterThan(100);
    const rows = await database.query<{ table_name: string; index_name: string }>(
      `SELECT t.relname AS table_name, i.relname AS index_name
         FROM pg_index x
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE x.indisunique
          AND EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = t.oid AND a.attname = 'campaign_id' AND NOT a.attisdropped)
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                           WHERE a.attrelid = t.oid AND a.attname = 'campaign_id'
                             AND a.attnum = ANY (x.indkey::int2[]))
        ORDER BY 1, 2`,
    );
    expect(rows).toEqual([]);
  });

  it('makes every foreign key between campaign tables carry campaign_id on both sides', async () => {
    const rows = await database.query<{ table_name: string; constraint_name: string }>(
      `SELECT t.relname AS table_name, c.conname AS constraint_name
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE c.contype = 'f'
          AND r.relname <> ALL ($1::text[])
          AND NOT EXISTS (
            SELECT 1 FROM unnest(c.conkey, c.confkey) AS k(mine, theirs)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.mine
              JOIN pg_attribute b ON b.attrelid = r.oid AND b.attnum = k.theirs
             WHERE a.attname = 'campaign_id' AND b.attname = 'campaign_id')
        ORDER BY 1, 2`,
      [
        Object.entries(NOT_DISTRIBUTED)
          .filter(([, kind]) => kind === 'reference')
          .map(([t]) => t),
      ],
    );
    expect(rows).toEqual([]);
  });
});
