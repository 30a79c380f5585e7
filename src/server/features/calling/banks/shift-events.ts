import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';

/** Which of these events are phone banks' shifts. */
export async function shiftEventsAmong(
  ctx: AppContext,
  eventIds: readonly number[],
): Promise<Set<number>> {
  if (eventIds.length === 0) return new Set();
  const rows = await runSql<{ event_id: number | string }>(
    ctx.database,
    sql`SELECT event_id FROM phone_bank_shifts
         WHERE campaign_id = ${ctx.campaignId} AND event_id = ANY(${[...eventIds]}::bigint[])`,
  );
  return new Set(rows.map((row) => Number(row.event_id)));
}
