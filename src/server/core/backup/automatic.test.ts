import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Database } from '../db/index.ts';
import { AUTOMATIC_COPIES_KEPT, automaticCopies, copyBeforeMigrations } from './automatic.ts';
import { journal, migrationLevel } from './migration-level.ts';

describe('automatic copy before migrations', () => {
  const backupDir = mkdtempSync(join(tmpdir(), 'levier-auto-'));
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('makes none for a new database, nor when nothing is pending', async () => {
    expect(await copyBeforeMigrations(database, backupDir)).toBeUndefined();
    await runMigrations(database);
    expect((await migrationLevel(database)).tag).toBe(journal().at(-1)!.tag);
    expect(await copyBeforeMigrations(database, backupDir)).toBeUndefined();
    expect(automaticCopies(backupDir)).toEqual([]);
  });

  it('copies every campaign (and the embedded folder) when a migration is pending, keeping the last few', async () => {
    const last = journal().at(-1)!;
    // As if this code had one migration more than the database.
    const [removed] = await database.query<{ hash: string; created_at: string }>(
      'DELETE FROM drizzle.__drizzle_migrations WHERE created_at = $1 RETURNING hash, created_at',
      [last.when],
    );
    try {
      await database.query(`INSERT INTO campaigns (name) VALUES ('Second')`);
      for (let i = 0; i <= AUTOMATIC_COPIES_KEPT; i++) {
        const copy = await copyBeforeMigrations(database, backupDir);
        expect(copy!.folder).toContain(`-before-${last.tag}`);
        expect(readdirSync(copy!.folder).sort()).toEqual([
          'campaign-1.levier.gz',
          'campaign-2.levier.gz',
          'data-dir.tar.gz',
        ]);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const copies = automaticCopies(backupDir);
      expect(copies).toHaveLength(AUTOMATIC_COPIES_KEPT);
      expect(copies.every((folder) => existsSync(folder))).toBe(true);
    } finally {
      await database.query(
        'INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)',
        [removed.hash, removed.created_at],
      );
    }
  });
});
