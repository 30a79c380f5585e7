import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/index.ts';
import { migrationsFolder } from '../db/index.ts';

export interface MigrationLevel {
  /** Index in migrations/meta/_journal.json; -1 for a database without migrations. */
  index: number;
  tag: string | null;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function journal(): JournalEntry[] {
  const text = readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8');
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}

/** The last migration applied to `database` (drizzle's own record of it). */
export async function migrationLevel(database: Database): Promise<MigrationLevel> {
  const [table] = await database.query<{ exists: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists",
  );
  if (!table.exists) return { index: -1, tag: null };
  const [last] = await database.query<{ created_at: string | number }>(
    'SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1',
  );
  if (!last) return { index: -1, tag: null };
  const when = Number(last.created_at);
  const entries = journal().filter((entry) => entry.when <= when);
  const entry = entries.at(-1);
  return entry ? { index: entry.idx, tag: entry.tag } : { index: -1, tag: null };
}

/** Migrations in this code that `database` has not applied yet (drizzle's own rule). */
export async function pendingMigrations(database: Database): Promise<JournalEntry[]> {
  const level = await migrationLevel(database);
  return journal().filter((entry) => entry.idx > level.index);
}
