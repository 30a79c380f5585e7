import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database, Query } from './index.ts';

const dialect = new PgDialect();

/** A drizzle `sql` template as text with numbered placeholders and its parameters. */
export function statementOf(statement: SQL): { text: string; params: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return { text, params };
}

/**
 * Runs a drizzle `sql` template (placeholders numbered for you) on a database or on a
 * transaction's query. Unlike `Database.rows`, rows keep the driver's types (timestamps come
 * back as Date, as everywhere else). Pass an array as one parameter with `sql.param(list)`:
 * a bare array in the template becomes a list `($1, $2…)`.
 */
/** A database or a transaction's query: where a statement runs. */
export type Queryable = Query | Pick<Database, 'query'>;

export function runSql<T = Record<string, unknown>>(on: Queryable, statement: SQL): Promise<T[]> {
  const { text, params } = statementOf(statement);
  return typeof on === 'function' ? on<T>(text, params) : on.query<T>(text, params);
}
