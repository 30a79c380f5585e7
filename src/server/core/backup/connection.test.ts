import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { engines, migratedDatabase } from '../../testing/harness.ts';
import { withCopyConnection } from './connection.ts';

const lines = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `1\ttag ${from + i}\\twith a tab\n`).join('');

async function* pieces(text: string, size: number, failAfter = Infinity) {
  for (let at = 0; at < text.length; at += size) {
    if (at >= failAfter) throw new Error('the file broke off');
    yield Buffer.from(text.slice(at, at + size));
  }
}

const tagNames = (database: Database) =>
  database.query<{ name: string }>(`SELECT name FROM tags WHERE campaign_id = 1 ORDER BY id`);

describe.each(engines)('COPY connection on %s', (engine) => {
  let database: Database;
  let close = async () => undefined as void;

  beforeAll(async () => {
    ({ database, close } = await migratedDatabase(engine));
  });

  afterAll(async () => {
    await close();
  });

  it('copies lines in from pieces cut anywhere, and out again whole or a few pages at a time', async () => {
    const text = lines(3000);
    await withCopyConnection(database, 'write', (connection) =>
      connection.copyIn('tags', ['campaign_id', 'name'], pieces(text, 1000)),
    );
    const names = await tagNames(database);
    expect(names).toHaveLength(3000);
    expect(names[2999].name).toBe('tag 2999\twith a tab');
    const select = `SELECT campaign_id, name FROM tags WHERE campaign_id = 1`;
    for (const pagesAtOnce of [undefined, 2]) {
      const out = await withCopyConnection(database, 'snapshot', async (connection) => {
        const read: Buffer[] = [];
        for await (const chunk of connection.copyOut(select, { table: 'tags', pagesAtOnce })) {
          read.push(chunk);
        }
        return Buffer.concat(read).toString();
      });
      expect(out.split('\n').sort()).toEqual(text.split('\n').sort());
    }
  });

  it('leaves nothing of a copy whose source fails, and the database answers after', async () => {
    const before = (await tagNames(database)).length;
    await expect(
      withCopyConnection(database, 'write', (connection) =>
        connection.copyIn('tags', ['campaign_id', 'name'], pieces(lines(2000, 5000), 500, 20_000)),
      ),
    ).rejects.toThrow('the file broke off');
    await expect(
      withCopyConnection(database, 'write', (connection) =>
        connection.copyIn('tags', ['campaign_id', 'name'], pieces('1\tok\nnot a number\tx\n', 100)),
      ),
    ).rejects.toThrow(/invalid input syntax for type integer/);
    expect(await tagNames(database)).toHaveLength(before);
  });
});
