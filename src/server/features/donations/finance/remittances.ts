import { sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { AppError } from '../../../core/http/errors.ts';

interface SlipRow {
  id: number;
  number: string;
  means: 'cheque' | 'cash';
  deposited_on: string;
  count: number | string;
  total: number | string | null;
}

const slipOf = (row: SlipRow) => ({
  id: Number(row.id),
  number: row.number,
  means: row.means,
  depositedOn: row.deposited_on,
  count: Number(row.count),
  totalCents: Number(row.total ?? 0),
});

const slips = (ctx: AppContext) => sql`
  SELECT r.id, r.number, r.means, r.deposited_on::text,
         count(d.id) AS count, sum(d.amount_cents) AS total
    FROM remittance_slips r
    LEFT JOIN donations d ON d.campaign_id = r.campaign_id AND d.remittance_id = r.id
   WHERE r.campaign_id = ${ctx.campaignId}`;

export async function listRemittances(ctx: AppContext) {
  const rows = await runSql<SlipRow>(
    ctx.database,
    sql`${slips(ctx)} GROUP BY r.campaign_id, r.id ORDER BY r.deposited_on DESC, r.id DESC LIMIT 500`,
  );
  return rows.map(slipOf);
}

/**
 * Cheques (or cash) taken to the bank together: a slip numbered in sequence for the year
 * ("2027-003"), holding received gifts of that means not yet on a slip. Any other gift named
 * refuses the whole slip.
 */
export async function createRemittance(
  ctx: AppContext,
  input: { means: 'cheque' | 'cash'; depositedOn: string; donationIds: number[] },
  actorId: number,
  ip: string,
) {
  return ctx.database.transaction(async (query) => {
    await runSql(
      query,
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`remittance:${ctx.campaignId}`}, 0))`,
    );
    const ids = [...new Set(input.donationIds)];
    const eligible = await runSql<{ id: number }>(
      query,
      sql`SELECT id FROM donations WHERE campaign_id = ${ctx.campaignId}
            AND id = ANY(${ids}::bigint[]) AND means = ${input.means}
            AND status IN ('succeeded', 'refunded')
            AND remittance_id IS NULL FOR UPDATE`,
    );
    if (eligible.length !== ids.length)
      throw new AppError(
        422,
        'remittance_invalid_gifts',
        `Only received ${input.means === 'cheque' ? 'cheques' : 'cash gifts'} not yet on a slip can go on it: ${ids.length - eligible.length} of the chosen gifts cannot.`,
      );
    const year = input.depositedOn.slice(0, 4);
    const [last] = await runSql<{ n: number | string }>(
      query,
      sql`SELECT count(*) AS n FROM remittance_slips WHERE campaign_id = ${ctx.campaignId}
            AND number LIKE ${`${year}-%`}`,
    );
    const number = `${year}-${String(Number(last?.n ?? 0) + 1).padStart(3, '0')}`;
    const [slip] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO remittance_slips (campaign_id, number, means, deposited_on, created_by)
          VALUES (${ctx.campaignId}, ${number}, ${input.means}, ${input.depositedOn}, ${actorId})
          RETURNING id`,
    );
    await runSql(
      query,
      sql`UPDATE donations SET remittance_id = ${slip!.id}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${ids}::bigint[])`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'donations.remittance',
        target: `remittance:${slip!.id}`,
        details: { number, count: ids.length },
        ip,
      },
    );
    const [row] = await runSql<SlipRow>(
      query,
      sql`${slips(ctx)} AND r.id = ${slip!.id} GROUP BY r.campaign_id, r.id`,
    );
    return slipOf(row!);
  });
}
