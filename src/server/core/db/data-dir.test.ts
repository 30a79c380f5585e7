import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './index.ts';

describe('the DATA_DIR layout', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'levier-layout-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('moves a folder written before pgdata/ existed into it, data and all', async () => {
    // How earlier versions kept the embedded database: PostgreSQL's files in DATA_DIR itself.
    const old = await PGlite.create({ dataDir });
    await old.exec(`CREATE TABLE kept (v text); INSERT INTO kept VALUES ('from before')`);
    await old.close();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const database = await openDatabase({ dataDir });
    try {
      expect(await database.query('SELECT v FROM kept')).toEqual([{ v: 'from before' }]);
      expect(readdirSync(dataDir).sort()).toEqual(['levier.lock', 'pgdata']);
      expect(existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    } finally {
      await database.close();
    }
    expect(readdirSync(dataDir)).toEqual(['pgdata']);
  });
});
