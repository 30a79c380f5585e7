import { fillPlaceholders, is, Param, SQL, type SQLChunk } from 'drizzle-orm';
import type { Database, Query } from './index.ts';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * Statements are written with drizzle's `sql` template: a value between `${}` becomes a
 * parameter (`$1`, `$2`… are numbered here, never by hand), `sql.join` joins fragments,
 * `sql.raw` inserts trusted text (a table name from the code, never input), `sql.identifier`
 * a quoted name. Two rules differ from drizzle's own query builder, to keep the drivers'
 * meaning of a parameter: an array is one parameter (an SQL array, for `= ANY(${ids})`), and
 * `undefined` is a NULL parameter (an absent fragment is written sql``).
 */
const dialect = new PgDialect();

/** A statement's text, with its parameters in order. */
export interface QueryText {
  text: string;
  params: unknown[];
}

export function toQuery(statement: SQL): QueryText {
  asDriverParams(statement.queryChunks);
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return { text, params };
}

function asDriverParams(chunks: SQLChunk[]): void {
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (chunk === undefined) chunks[i] = null as never;
    else if (Array.isArray(chunk)) chunks[i] = new Param(chunk);
    else if (is(chunk, SQL)) asDriverParams(chunk.queryChunks);
  }
}

/**
 * A hot statement built once (at module load): its values are named placeholders,
 * `${sql.placeholder('id')}`, given on each call to `Database.prepared(statement, { id })`.
 */
export interface Statement extends QueryText {
  name: string;
}

export function statement(name: string, query: SQL): Statement {
  return { name, ...toQuery(query) };
}

/** The parameters of a prepared statement for one call. */
export function valuesOf(statement: Statement, values: Record<string, unknown>): unknown[] {
  return fillPlaceholders(statement.params, values).map((value) =>
    value === undefined ? null : value,
  );
}

/** Where a statement runs: a database, or a transaction's query (for code that serves both). */
export type Queryable = Query | Pick<Database, 'query'>;

export function runSql<T = Record<string, unknown>>(on: Queryable, statement: SQL): Promise<T[]> {
  return typeof on === 'function' ? on<T>(statement) : on.query<T>(statement);
}
