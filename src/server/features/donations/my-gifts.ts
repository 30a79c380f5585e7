import { sql } from 'drizzle-orm';
import type { MyGift } from '../../../contracts/donations.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { donationSettings } from './settings.ts';

/** A person's own gifts (those that went through or are on their way), newest first. */
export async function myGifts(ctx: AppContext, personId: number): Promise<MyGift[]> {
  const rows = await runSql<{
    id: number;
    given_on: string;
    amount_cents: number | string;
    means: MyGift['means'];
    status: MyGift['status'];
    plan_id: number | null;
    receipt_number: string | null;
  }>(
    ctx.database,
    sql`SELECT d.id, d.given_on::text, d.amount_cents, d.means, d.status, d.plan_id,
               (SELECT f.number FROM receipt_forms f
                 WHERE f.campaign_id = d.campaign_id AND f.donation_id = d.id
                   AND f.status = 'issued') AS receipt_number
          FROM donations d
         WHERE d.campaign_id = ${ctx.campaignId} AND d.person_id = ${personId}
           AND d.status IN ('pending', 'succeeded', 'refunded')
         ORDER BY d.given_on DESC, d.id DESC
         LIMIT 500`,
  );
  const { beneficiary } = await donationSettings(ctx);
  return rows.map((row) => ({
    id: Number(row.id),
    givenOn: row.given_on,
    amountCents: Number(row.amount_cents),
    means: row.means,
    status: row.status,
    monthly: row.plan_id !== null,
    beneficiary,
    receiptNumber: row.receipt_number,
  }));
}
