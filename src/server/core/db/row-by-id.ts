import { sql } from 'drizzle-orm';
import { notFound } from '../http/errors.ts';
import type { Query } from './index.ts';

/**
 * One row of a campaign table by its id (`FOR UPDATE` when `lock`), or 404 `not_found` naming
 * `what`. `table` is the caller's own table name, never user input.
 */
export async function rowById<Row>(
  query: Query,
  table: string,
  what: string,
  campaignId: number,
  id: number,
  lock = false,
): Promise<Row> {
  const [row] = await query<Row>(
    sql`SELECT * FROM ${sql.raw(table)} WHERE campaign_id = ${campaignId} AND id = ${id}
        ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  if (!row) throw notFound(what);
  return row;
}
