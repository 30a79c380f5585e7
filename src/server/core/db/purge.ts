import { sql } from 'drizzle-orm';
import type { Database } from './index.ts';

/**
 * Deletes a campaign's rows of `table` past their keeping delay and counts them, for the
 * purge job's log. `condition` is SQL written in the code, never user input.
 */
export async function purgeRows(
  database: Database,
  table: string,
  campaignId: number,
  condition: string,
): Promise<number> {
  const rows = await database.query(
    sql`DELETE FROM ${sql.raw(table)} WHERE campaign_id = ${campaignId} AND ${sql.raw(condition)} RETURNING 1`,
  );
  return rows.length;
}
