import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';

/** The committees a person is a member of (rank member or above: not a mere follower). */
export async function committeesMemberOf(ctx: AppContext, personId: number): Promise<number[]> {
  const rows = await runSql<{ committee_id: number | string }>(
    ctx.database,
    sql`SELECT committee_id FROM committee_members
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}
           AND rank IN ('member', 'manager', 'organiser')`,
  );
  return rows.map((row) => Number(row.committee_id));
}
