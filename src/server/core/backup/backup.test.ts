import { gzipSync, gunzipSync } from 'node:zlib';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { closeContext, createContext } from '../runtime.ts';
import type { AppContext } from '../context.ts';
import { openDatabase, runMigrations, type Database } from '../db/index.ts';
import { createPostgresDatabase, engines, type EngineName } from '../../testing/harness.ts';
import { seedDemo } from '../../features/demo/seed.ts';
import { writeCampaignBackup } from './write.ts';
import { restoreCampaignBackup, RestoreRefusedError } from './restore.ts';
import { campaignTables, quoteIdent } from './tables.ts';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../schema.ts';

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'http://levier.test',
});

interface Opened {
  database: Database;
  close(): Promise<void>;
}

async function fresh(engine: EngineName, poolSize = 2): Promise<Opened> {
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await runMigrations(database);
    return { database, close: () => database.close() };
  }
  const scratch = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize });
  await runMigrations(database);
  return {
    database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

async function backup(database: Database, campaignId: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeCampaignBackup(database, campaignId, out);
  return Buffer.concat(chunks);
}

const restore = (database: Database, file: Buffer, options = {}) =>
  restoreCampaignBackup(database, Readable.from([file]), options);

/** Every row of the campaign, campaign_id left out, as PostgreSQL prints it: comparable across engines. */
async function contents(database: Database, campaignId: number) {
  return database.transaction(async (query) => {
    await query("SET LOCAL TimeZone = 'UTC'");
    const tables: Record<string, string[]> = {};
    for (const name of await campaignTables(query)) {
      const rows = await query<{ j: string }>(
        `SELECT (to_jsonb(t) - 'campaign_id')::text AS j FROM ${quoteIdent(name)} t WHERE campaign_id = $1 ORDER BY 1`,
        [campaignId],
      );
      tables[name] = rows.map((row) => row.j);
    }
    return tables;
  });
}

const nonEmpty = (tables: Record<string, string[]>) =>
  Object.keys(tables).filter((name) => tables[name].length > 0);

/**
 * Every table of the campaign as a row count and an ordered checksum of its rows, each row
 * whole (campaign_id too) as row_to_json prints it in UTC: what a round trip must keep.
 */
async function checksums(database: Database, campaignId: number) {
  return database.transaction(async (query) => {
    await query("SET LOCAL TimeZone = 'UTC'");
    const tables: Record<string, string> = {};
    for (const name of await campaignTables(query)) {
      const [row] = await query<{ n: number; md5: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(j, E'\\n' ORDER BY j COLLATE "C")) AS md5
           FROM (SELECT row_to_json(t)::text AS j FROM ${quoteIdent(name)} t WHERE campaign_id = $1) r`,
        [campaignId],
      );
      tables[name] = `${row.n}:${row.md5 ?? ''}`;
    }
    return tables;
  });
}

describe('campaign backup and restore', () => {
  let source: Opened;
  let ctx: AppContext;
  let file: Buffer;
  let original: Record<string, string[]>;
  let seededPeople = 0;

  beforeAll(async () => {
    source = await fresh('pglite');
    ctx = await createContext(config, { database: source.database });
    // Residents met at the door (demo visits with a contact) are people too.
    seededPeople = 300 + (await seedDemo(ctx, { people: 300 })).field.contacts;
    // A bytea column (an import's file chunks) and json values, beside the demo's rows.
    await ctx.database.query(
      `INSERT INTO imports (campaign_id, status, file_name) VALUES (1, 'uploaded', 'ü "quoted".csv')`,
    );
    await ctx.database.query(
      `INSERT INTO import_files (campaign_id, import_id, seq, data)
       SELECT 1, max(id), 0, '\\x00ff10'::bytea FROM imports WHERE campaign_id = 1`,
    );
    file = await backup(source.database, 1);
    original = await contents(source.database, 1);
  });
  afterAll(async () => {
    if (ctx) await closeContext(ctx);
    await source?.close();
  });

  it('holds every campaign table of the schema, with counts and checksums', async () => {
    const lines = gunzipSync(file).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]) as { tables: string[]; migration: { tag: string } };
    expect(header.tables).toEqual(await campaignTables(source.database.query));
    const schemaTables = (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, PgTable))
      .map((table) => getTableConfig(table))
      .filter((table) => table.columns.some((column) => column.name === 'campaign_id'))
      .map((table) => table.name);
    expect([...header.tables].sort()).toEqual(schemaTables.sort());
    expect(header.migration.tag).toMatch(/^\d{4}_/);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true });
    const people = lines.find((line) => line.startsWith('{"tableEnd":"people"'))!;
    expect(JSON.parse(people)).toMatchObject({ rows: original.people.length });
    expect(original.people.length).toBeGreaterThanOrEqual(300);
    expect(nonEmpty(original)).toEqual(
      expect.arrayContaining([
        'people',
        'tags',
        'person_tags',
        'segments',
        'import_files',
        'imports',
      ]),
    );
  });

  it.each(engines)('moves the campaign to %s and back, rows identical', async (engine) => {
    const target = await fresh(engine);
    try {
      const summary = await restore(target.database, file);
      expect(summary).toMatchObject({ campaignId: 1, fromCampaignId: 1 });
      const restored = await contents(target.database, 1);
      // The restore adds its own audit entry; everything else is the same, row for row.
      expect(restored.audit_log.filter((row) => row.includes('campaign.restore'))).toHaveLength(1);
      restored.audit_log = restored.audit_log.filter((row) => !row.includes('campaign.restore'));
      expect(restored).toEqual(original);

      // New rows get ids past the restored ones (sequences advanced).
      const [{ max }] = await target.database.query<{ max: number }>(
        'SELECT max(id)::int AS max FROM tags WHERE campaign_id = 1',
      );
      const [{ id }] = await target.database.query<{ id: number }>(
        `INSERT INTO tags (campaign_id, name) VALUES (1, 'after the restore') RETURNING id`,
      );
      expect(id).toBeGreaterThan(max);
      await target.database.query('DELETE FROM tags WHERE id = $1', [id]);

      // And back, into a fresh embedded database.
      const back = await fresh('pglite');
      try {
        await restore(back.database, await backup(target.database, 1));
        const again = await contents(back.database, 1);
        again.audit_log = again.audit_log.filter((row) => !row.includes('campaign.restore'));
        expect(again).toEqual(original);
      } finally {
        await back.close();
      }
    } finally {
      await target.close();
    }
  });

  it.each(engines)(
    'a demo campaign made on %s comes back whole into an empty database of the other engine',
    async (engine) => {
      // The demo seed works on several connections at once, as the app does.
      const made = await fresh(engine, 8);
      const madeCtx = await createContext(config, { database: made.database });
      try {
        await seedDemo(madeCtx, { people: 200 });
        const sums = await checksums(made.database, 1);
        const filled = Object.keys(sums).filter((name) => !sums[name].startsWith('0:'));
        // The demo reaches most of the schema: people, committees, events, door-to-door…
        expect(filled.length).toBeGreaterThanOrEqual(25);
        const copy = await backup(made.database, 1);
        // Into the other engine (the same one when only PGlite runs): a move between engines.
        for (const into of engines.filter((e) => e !== engine || engines.length === 1)) {
          const target = await fresh(into);
          try {
            await restore(target.database, copy);
            const back = await checksums(target.database, 1);
            // Only the restore's own audit entry is new.
            const [own] = await target.database.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM audit_log WHERE action = 'campaign.restore'`,
            );
            expect(own.n).toBe(1);
            await target.database.query(`DELETE FROM audit_log WHERE action = 'campaign.restore'`);
            back.audit_log = (await checksums(target.database, 1)).audit_log;
            expect(back).toEqual(sums);
          } finally {
            await target.close();
          }
        }
      } finally {
        // The context started nothing (no jobs, no mailer): its database is closed with it.
        await made.close();
      }
    },
    // A demo seed, a backup and a restore with its migrations: minutes on a loaded 2-core machine.
    300_000,
  );

  it('refuses to overwrite a campaign that has data, changing nothing; --replace replaces it', async () => {
    const before = await contents(source.database, 1);
    await expect(restore(source.database, file)).rejects.toThrow(
      new RegExp(`Campaign 1 already has data \\(.*people: ${seededPeople}.*\\)\\. Add --replace`),
    );
    expect(await contents(source.database, 1)).toEqual(before);
    await source.database.query(
      `INSERT INTO tags (campaign_id, name) VALUES (1, 'after the backup')`,
    );
    await restore(source.database, file, { replace: true });
    const replaced = await contents(source.database, 1);
    expect(replaced.tags).toEqual(original.tags);
    expect(replaced.people).toEqual(original.people);
  });

  it('restores beside the original as a new campaign (campaign_id remapped)', async () => {
    const summary = await restore(source.database, file, { newCampaign: true });
    expect(summary.campaignId).not.toBe(1);
    const copy = await contents(source.database, summary.campaignId);
    expect(copy.people).toEqual(original.people);
    expect(copy.segments).toEqual(original.segments);
    const [campaign] = await source.database.query<{ name: string }>(
      'SELECT name FROM campaigns WHERE id = $1',
      [summary.campaignId],
    );
    expect(campaign.name).toBe('Levier');
  });

  it('refuses a damaged or cut-short file and a newer one, changing nothing', async () => {
    const target = await fresh('pglite');
    try {
      const text = gunzipSync(file).toString('utf8');
      const cut = gzipSync(text.slice(0, Math.floor(text.length / 2)));
      await expect(restore(target.database, cut)).rejects.toThrow(RestoreRefusedError);
      const altered = gzipSync(text.replace('"first_name":"', '"first_name":"X'));
      await expect(restore(target.database, altered)).rejects.toThrow(
        /does not match its count and checksum/,
      );
      const newer = gzipSync(text.replace(/"index":\d+/, '"index":9999'));
      await expect(restore(target.database, newer)).rejects.toThrow(/newer than this database/);
      await expect(restore(target.database, Buffer.from('not gzip'))).rejects.toThrow(
        /not a Levier campaign backup/,
      );
      const people = await target.database.query('SELECT 1 FROM people');
      expect(people).toHaveLength(0);
    } finally {
      await target.close();
    }
  });
});
