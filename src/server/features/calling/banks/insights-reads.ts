import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';

/** Which of these people recorded a call from a phone bank as its caller. */
export async function callersAmong(
  ctx: AppContext,
  personIds: readonly number[],
): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await runSql<{ person_id: number | string }>(
    ctx.database,
    sql`SELECT DISTINCT c.caller_person_id AS person_id FROM phone_bank_calls c
         WHERE c.campaign_id = ${ctx.campaignId} AND c.caller_person_id = ANY(${personIds})`,
  );
  return new Set(rows.map((r) => Number(r.person_id)));
}
