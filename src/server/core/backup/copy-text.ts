import { sql } from 'drizzle-orm';
import type { Query } from '../db/index.ts';
import type { CopyConnection } from './connection.ts';
import { quoteIdent } from './tables.ts';

/**
 * A backup's rows (format 2) are COPY's text format: one line a row, values separated by
 * tabs, NULL as \N, and in each value the backslash, the tab and the control characters
 * \b \f \n \r \v escaped as a backslash and a letter. It is what pg_dump writes and what
 * COPY FROM reads back, on either engine, without a value passing through JavaScript.
 */

const NEWLINE = 0x0a;

/**
 * How values print, whatever the server's or the session's own settings: the same text for
 * the same row on PGlite and on PostgreSQL, read back the same way (as pg_dump sets them).
 */
export async function setTextFormat(query: Query): Promise<void> {
  await query(`SET LOCAL TimeZone = 'UTC'`);
  await query(`SET LOCAL DateStyle = 'ISO, YMD'`);
  await query(`SET LOCAL IntervalStyle = 'postgres'`);
  await query(`SET LOCAL extra_float_digits = 1`);
  await query(`SET LOCAL bytea_output = 'hex'`);
}

/**
 * The columns of `table` in a backup's order: campaign_id first (so a row's first field says
 * whose it is), then the others in the table's order, generated ones left out.
 */
export async function fileColumns(query: Query, table: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    sql`SELECT attname AS name FROM pg_attribute
         WHERE attrelid = ${quoteIdent(table)}::regclass AND attnum > 0 AND NOT attisdropped
           AND attgenerated = '' ORDER BY attname <> 'campaign_id', attnum`,
  );
  return rows.map((row) => row.name);
}

/**
 * The text-format lines of campaign `campaignId`'s rows of `table`, in pieces; `and`, a
 * further condition of the caller's own making (never a value from outside).
 */
export function tableRows(
  connection: CopyConnection,
  table: string,
  columns: readonly string[],
  campaignId: number,
  and = '',
): AsyncIterable<Buffer> {
  const id = Number(campaignId);
  if (!Number.isSafeInteger(id)) throw new Error(`Not a campaign id: ${campaignId}`);
  // An integer, checked: COPY takes no parameters.
  const select = `SELECT ${columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table)} WHERE campaign_id = ${id} ${and}`;
  return connection.copyOut(select, { table });
}

/** Rows a chunk of COPY text ends: its line ends (a newline in a value comes escaped). */
export function countLines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) count++;
  return count;
}
