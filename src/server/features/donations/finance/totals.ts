import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';

type Means = 'card' | 'direct_debit' | 'transfer' | 'cheque' | 'cash';

/** What others may see too: sums, never donors. Gifts that went through (or are on their way back) count. */
export async function donationTotals(ctx: AppContext) {
  const received = sql`campaign_id = ${ctx.campaignId} AND status = 'succeeded'`;
  const [all] = await runSql<{
    count: number | string;
    total: number | string | null;
    donors: number | string;
    to_review: number | string;
  }>(
    ctx.database,
    sql`SELECT count(*) AS count, sum(amount_cents) AS total, count(DISTINCT person_id) AS donors,
               (SELECT count(*) FROM donations WHERE campaign_id = ${ctx.campaignId} AND review IS NOT NULL
                   AND status = 'succeeded') AS to_review
          FROM donations WHERE ${received}`,
  );
  const byMeans = await runSql<{ means: Means; count: number | string; total: number | string }>(
    ctx.database,
    sql`SELECT means, count(*) AS count, sum(amount_cents) AS total FROM donations
         WHERE ${received} GROUP BY means ORDER BY sum(amount_cents) DESC`,
  );
  const byDay = await runSql<{ day: string; count: number | string; total: number | string }>(
    ctx.database,
    sql`SELECT given_on::text AS day, count(*) AS count, sum(amount_cents) AS total FROM donations
         WHERE ${received} AND given_on >= CURRENT_DATE - 90 GROUP BY given_on ORDER BY given_on`,
  );
  const [plans] = await runSql<{ active: number | string; monthly: number | string | null }>(
    ctx.database,
    sql`SELECT count(*) AS active, sum(amount_cents) AS monthly FROM donation_plans
         WHERE campaign_id = ${ctx.campaignId} AND status = 'active'`,
  );
  const count = Number(all?.count ?? 0);
  const totalCents = Number(all?.total ?? 0);
  return {
    count,
    totalCents,
    averageCents: count ? Math.round(totalCents / count) : 0,
    donors: Number(all?.donors ?? 0),
    activePlans: Number(plans?.active ?? 0),
    monthlyCents: Number(plans?.monthly ?? 0),
    byMeans: byMeans.map((row) => ({
      means: row.means,
      count: Number(row.count),
      totalCents: Number(row.total),
    })),
    byDay: byDay.map((row) => ({
      day: row.day,
      count: Number(row.count),
      totalCents: Number(row.total),
    })),
    toReview: Number(all?.to_review ?? 0),
  };
}
