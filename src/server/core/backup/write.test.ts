import { gunzipSync } from 'node:zlib';
import { PassThrough, Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { engines, migratedDatabase } from '../../testing/harness.ts';
import { writeCampaignBackup } from './write.ts';

// Text COPY escapes (backslash, tab, newline, \b \f \r \v), JSON's own escapes, and more.
const NAMES = [
  'plain',
  'quote " and backslash \\ and \\n written out',
  'tab\there, newline\nthere, return\r, \b\f\v',
  'é ü 日本 🗳️',
  'control \u0001 \u001f',
];

const LETTERS: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A value of a COPY text line as it was stored (the escapes undone). */
const unescape = (value: string) =>
  value.replace(/\\(.)/g, (_, letter: string) => LETTERS[letter] ?? letter);

describe.each(engines)('backup writer on %s', (engine) => {
  let database: Database;
  let close = async () => undefined as void;

  beforeAll(async () => {
    ({ database, close } = await migratedDatabase(engine));
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
    await close();
  });

  it('writes each row as a COPY text line, campaign_id first, with its count and hash', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const summary = await writeCampaignBackup(database, 1, out);
    const lines = gunzipSync(Buffer.concat(chunks)).toString('utf8').split('\n');
    const start = lines.findIndex((line) => line.startsWith('{"table":"tags"'));
    const end = lines.findIndex((line) => line.startsWith('{"tableEnd":"tags"'));
    const { columns } = JSON.parse(lines[start]) as { columns: string[] };
    expect(columns[0]).toBe('campaign_id');
    const written = lines.slice(start + 1, end).map((line) => line.split('\t').map(unescape));
    const stored = await database.query<{ id: number; name: string }>(
      `SELECT id, name FROM tags WHERE campaign_id = 1`,
    );
    expect(written.length).toBe(NAMES.length * 1500);
    expect(written.every((fields) => fields.length === columns.length && fields[0] === '1')).toBe(
      true,
    );
    const [id, name] = [columns.indexOf('id'), columns.indexOf('name')];
    expect(written.map((row) => `${row[id]} ${row[name]}`).sort()).toEqual(
      stored.map((row) => `${row.id} ${row.name}`).sort(),
    );
    const sha256 = createHash('sha256')
      .update(
        lines
          .slice(start + 1, end)
          .map((line) => line + '\n')
          .join(''),
      )
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
