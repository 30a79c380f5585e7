import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';

/**
 * The donation funnel over [since, until): people who began a gift (any outcome), donors whose
 * gift succeeded, and people who set up a monthly gift that started (its first charge passed).
 * Page visits are not recorded by this feature.
 */
export async function donationFunnelCounts(
  ctx: AppContext,
  since: Date,
  until: Date,
): Promise<{ started: number; donors: number; recurring: number }> {
  const [row] = await runSql<{ started: number; donors: number; recurring: number }>(
    ctx.database,
    sql`SELECT
          (SELECT count(DISTINCT d.person_id) FROM donations d
            WHERE d.campaign_id = ${ctx.campaignId} AND d.created_at >= ${since} AND d.created_at < ${until})::int AS started,
          (SELECT count(DISTINCT d.person_id) FROM donations d
            WHERE d.campaign_id = ${ctx.campaignId} AND d.created_at >= ${since} AND d.created_at < ${until}
              AND d.status = 'succeeded')::int AS donors,
          (SELECT count(DISTINCT p.person_id) FROM donation_plans p
            WHERE p.campaign_id = ${ctx.campaignId} AND p.created_at >= ${since} AND p.created_at < ${until}
              AND p.status <> 'pending')::int AS recurring`,
  );
  return row;
}
