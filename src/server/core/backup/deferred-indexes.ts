import { sql } from 'drizzle-orm';
import type { Query } from '../db/index.ts';
import { quoteIdent } from './tables.ts';

/** What a restore put aside on a table, made again once every table is loaded. */
export interface PutAside {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/**
 * Loading rows into a table is faster without its secondary indexes and foreign keys, built
 * afterwards in one pass each, as pg_restore does: the bench's 200,000 people (1.1 million
 * rows, bench/README.md) took 10.3 s of COPY into the migrated tables, the people search's
 * trigram index alone half of it, where pg_restore of the whole database took 6.8 s.
 * Only a table no campaign has a row in is changed so (restoring into an empty database):
 * rebuilding an index over other campaigns' rows would cost more than it saves. Unique
 * indexes and those of constraints stay: foreign keys and the restore's own checks use them.
 * The restore's transaction holds the table locked until it ends, and rolls it all back.
 */
export async function putIndexesAside(query: Query, table: string): Promise<PutAside | null> {
  const name = quoteIdent(table);
  const [{ empty }] = await query<{ empty: boolean }>(
    `/* every campaign: an index holds every campaign's rows, so only a table without any is rebuilt */
     SELECT NOT EXISTS (SELECT 1 FROM ${name}) AS empty`,
  );
  if (!empty) return null;
  const indexes = await query<{ name: string; definition: string }>(
    sql`SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
          FROM pg_index i
         WHERE i.indrelid = ${name}::regclass AND NOT i.indisunique
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
         ORDER BY 1`,
  );
  const keys = await query<{ name: string; definition: string }>(
    sql`SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
         WHERE conrelid = ${name}::regclass AND contype = 'f' ORDER BY 1`,
  );
  for (const key of keys)
    await query(`ALTER TABLE ${name} DROP CONSTRAINT ${quoteIdent(key.name)}`);
  for (const index of indexes) await query(`DROP INDEX ${index.name}`);
  return { indexes, foreignKeys: keys.map((key) => ({ table, ...key })) };
}

/** Builds again what was put aside: the indexes, then the foreign keys (each checked once). */
export async function buildAgain(query: Query, putAside: PutAside[]): Promise<void> {
  for (const { indexes } of putAside) {
    for (const index of indexes) await query(index.definition);
  }
  for (const { foreignKeys } of putAside) {
    for (const key of foreignKeys) {
      await query(
        `ALTER TABLE ${quoteIdent(key.table)} ADD CONSTRAINT ${quoteIdent(key.name)} ${key.definition}`,
      );
    }
  }
}
