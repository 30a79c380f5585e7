import { gunzipSync } from 'node:zlib';
import { PassThrough, Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Database } from '../db/index.ts';
import { createPostgresDatabase, engines } from '../../testing/harness.ts';
import { writeCampaignBackup } from './write.ts';

// Text COPY escapes (backslash, tab, newline, \b \f \r \v), JSON's own escapes, and more.
const NAMES = [
  'plain',
  'quote " and backslash \\ and \\n written out',
  'tab\there, newline\nthere, return\r, \b\f\v',
  'é ü 日本 🗳️',
  'control \u0001 \u001f',
];

describe.each(engines)('backup writer on %s', (engine) => {
  let database: Database;
  let drop = async () => undefined as void;

  beforeAll(async () => {
    if (engine === 'pglite') {
      database = await openDatabase({ dataDir: 'memory://' });
    } else {
      const scratch = await createPostgresDatabase();
      database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
      drop = scratch.drop;
    }
    await runMigrations(database);
    const [campaign] = await database.query<{ id: number }>(
      `SELECT id FROM campaigns ORDER BY id LIMIT 1`,
    );
    expect(campaign?.id).toBe(1);
    // More rows than a PGlite fetch or a COPY chunk holds.
    await database.query(
      `INSERT INTO tags (campaign_id, name)
       SELECT 1, n || ' ' || g FROM unnest($1::text[]) n, generate_series(1, 1500) g`,
      [NAMES],
    );
  });

  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('writes each row as row_to_json prints it, with its count and hash', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const summary = await writeCampaignBackup(database, 1, out);
    const lines = gunzipSync(Buffer.concat(chunks)).toString('utf8').split('\n');
    const start = lines.findIndex((line) => line.startsWith('{"table":"tags"'));
    const end = lines.findIndex((line) => line.startsWith('{"tableEnd":"tags"'));
    const written = lines.slice(start + 1, end);
    const expected = await database.transaction(async (query) => {
      await query("SET LOCAL TimeZone = 'UTC'");
      return (
        await query<{ j: string }>(
          `SELECT row_to_json(t)::text AS j FROM tags t WHERE campaign_id = 1`,
        )
      ).map((row) => row.j);
    });
    expect(written.length).toBe(NAMES.length * 1500);
    expect([...written].sort()).toEqual([...expected].sort());
    const sha256 = createHash('sha256')
      .update(written.map((line) => line + '\n').join(''))
      .digest('hex');
    expect(JSON.parse(lines[end])).toEqual({ tableEnd: 'tags', rows: written.length, sha256 });
    expect(summary.tables.tags).toBe(written.length);
    expect(JSON.parse(lines.at(-2)!)).toEqual({ end: true, rows: summary.rows });
  });

  it('fails with the output, and the database answers the next backup', async () => {
    await database.query(
      `INSERT INTO tags (campaign_id, name)
       SELECT 1, md5(g::text) || md5(random()::text) FROM generate_series(1, 20000) g`,
    );
    const failing = new Writable({
      write: (_chunk, _encoding, done) => done(new Error('disk full')),
    });
    await expect(writeCampaignBackup(database, 1, failing)).rejects.toThrow('disk full');
    const out = new PassThrough();
    out.resume();
    const summary = await writeCampaignBackup(database, 1, out);
    expect(summary.tables.tags).toBe(NAMES.length * 1500 + 20000);
  });
});
