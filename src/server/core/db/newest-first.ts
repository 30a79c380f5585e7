import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './index.ts';
import { runSql } from './statement.ts';

/**
 * One page of a table read newest first (by id), with its total. `select` is the SELECT list,
 * `from` the FROM and WHERE the total counts too; the table's owner writes both.
 */
export async function newestFirst<T>(
  database: Database,
  statement: { select: SQL; from: SQL },
  page: { limit: number; offset: number },
): Promise<{ items: T[]; total: number }> {
  const [items, total] = await Promise.all([
    runSql<T>(
      database,
      sql`SELECT ${statement.select} FROM ${statement.from}
           ORDER BY id DESC LIMIT ${sql.raw(String(page.limit))} OFFSET ${sql.raw(String(page.offset))}`,
    ),
    runSql<{ n: number }>(database, sql`SELECT count(*)::int AS n FROM ${statement.from}`),
  ]);
  return { items, total: total[0].n };
}
