import { createHash } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { closeContext, createContext } from '../runtime.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { engines, migratedDatabase } from '../../testing/harness.ts';
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

const fresh = migratedDatabase;

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

/** Every index and constraint of the database, as PostgreSQL would make them again. */
async function schemaObjects(database: Database) {
  const indexes = await database.query<{ d: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS d FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relnamespace = to_regnamespace(current_schema()) ORDER BY 1`,
  );
  const constraints = await database.query<{ d: string }>(
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END AS d
       FROM pg_constraint WHERE connamespace = to_regnamespace(current_schema()) ORDER BY 1`,
  );
  return { indexes: indexes.map((row) => row.d), constraints: constraints.map((row) => row.d) };
}

/** `file` in format 1 (row_to_json lines), as Levier wrote backups before format 2. */
async function inFormat1(database: Database, campaignId: number, file: Buffer) {
  const lines = gunzipSync(file).toString('utf8').trimEnd().split('\n');
  const out = [JSON.stringify({ ...JSON.parse(lines[0]), version: 1 })];
  await database.transaction(async (query) => {
    await query("SET LOCAL TimeZone = 'UTC'");
    for (const line of lines.slice(1)) {
      if (!line.startsWith('{"table"')) continue;
      const { table } = JSON.parse(line) as { table: string };
      const rows = await query<{ j: string }>(
        `SELECT row_to_json(t)::text AS j FROM ${quoteIdent(table)} t WHERE campaign_id = $1`,
        [campaignId],
      );
      const text = rows.map((row) => row.j + '\n').join('');
      const sha256 = createHash('sha256').update(text).digest('hex');
      out.push(line, ...rows.map((row) => row.j));
      out.push(JSON.stringify({ tableEnd: table, rows: rows.length, sha256 }));
    }
  });
  out.push(lines.at(-1)!);
  return gzipSync(out.join('\n') + '\n');
}

describe('campaign backup and restore', () => {
  let source: Awaited<ReturnType<typeof fresh>>;
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
      const migrated = await schemaObjects(target.database);
      const summary = await restore(target.database, file);
      expect(summary).toMatchObject({ campaignId: 1, fromCampaignId: 1 });
      // Indexes and foreign keys put aside for the load are all back, as the migrations made them.
      expect(await schemaObjects(target.database)).toEqual(migrated);
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

  it.each(engines)('restores a backup of format 1 (JSON lines) on %s', async (engine) => {
    const target = await fresh(engine);
    try {
      await restore(target.database, await inFormat1(source.database, 1, file));
      const restored = await contents(target.database, 1);
      restored.audit_log = restored.audit_log.filter((row) => !row.includes('campaign.restore'));
      expect(restored).toEqual(original);
    } finally {
      await target.close();
    }
  });

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
      // A value changed (still a valid one): the table's hash tells.
      const altered = gzipSync(text.replace(/(\n1\t[^\n]*?)@/, '$1X@'));
      await expect(restore(target.database, altered)).rejects.toThrow(
        /does not match its count and checksum/,
      );
      // A value the database refuses, and a row of another campaign: refused, not loaded.
      const peopleStart = text.indexOf('\n', text.indexOf('{"table":"people"')) + 1;
      const invalid = gzipSync(
        text.slice(0, peopleStart) +
          '1\tnot an id' +
          text.slice(text.indexOf('\t', text.indexOf('\t', peopleStart) + 1)),
      );
      await expect(restore(target.database, invalid)).rejects.toThrow(
        /table people could not be loaded near line \d+: invalid input syntax/,
      );
      const foreign = gzipSync(text.slice(0, peopleStart) + '2' + text.slice(peopleStart + 1));
      await expect(restore(target.database, foreign)).rejects.toThrow(
        /damaged at line \d+: a row of another campaign/,
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
