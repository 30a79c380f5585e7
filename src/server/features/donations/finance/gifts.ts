import { sql, type SQL } from 'drizzle-orm';
import { capOf } from '../../../../contracts/donation-law.ts';
import type { FinanceGift, FinanceListQuery } from '../../../../contracts/donations-finance.ts';
import type { DonorIdentity, GiftForReceipt } from '../../../../contracts/donations.ts';
import type { AppContext } from '../../../core/context.ts';
import { audit } from '../../../core/audit.ts';
import { runSql, type Queryable } from '../../../core/db/statement.ts';
import { notFound } from '../../../core/http/errors.ts';
import { namedPeople } from '../../people/directory.ts';
import { campaignToday, capKeyOf, donationSettings } from '../settings.ts';

export interface GiftRow {
  id: number;
  person_id: number;
  donor: DonorIdentity | null;
  kind: 'gift' | 'dues';
  given_on: string | null;
  amount_cents: number | string;
  means: FinanceGift['means'];
  status: FinanceGift['status'];
  provider: string;
  plan_id: number | null;
  receipt_number: string | null;
  remittance_number: string | null;
  review: string | null;
  means_detail: Record<string, string>;
  payout_ref: string | null;
  total?: number | string;
}

/** The columns a finance list reads, `d` being donations. */
export const giftColumns = sql`d.id, d.person_id, d.donor, d.kind, d.given_on::text, d.amount_cents,
  d.means, d.status, d.provider, d.plan_id, d.review, d.means_detail,
  (SELECT f.number FROM receipt_forms f WHERE f.campaign_id = d.campaign_id
      AND f.donation_id = d.id AND f.status = 'issued') AS receipt_number,
  (SELECT r.number FROM remittance_slips r WHERE r.campaign_id = d.campaign_id
      AND r.id = d.remittance_id) AS remittance_number,
  (SELECT p.payout_ref FROM payouts p WHERE p.campaign_id = d.campaign_id
      AND p.id = d.payout_id) AS payout_ref`;

export const nameOf = (donor: DonorIdentity | null) =>
  donor ? `${donor.firstName} ${donor.lastName}` : '';

export function financeGiftOf(row: GiftRow): FinanceGift {
  return {
    id: Number(row.id),
    personId: Number(row.person_id),
    donorName: nameOf(row.donor),
    email: row.donor?.email ?? '',
    kind: row.kind,
    givenOn: row.given_on,
    amountCents: Number(row.amount_cents),
    means: row.means,
    status: row.status,
    provider: row.provider,
    monthly: row.plan_id !== null,
    receiptNumber: row.receipt_number,
    remittanceNumber: row.remittance_number,
    review: row.review,
    meansDetail: row.means_detail ?? {},
  };
}

/** A gift as receipts and the commission's files need it (a row with its donor). */
export function receiptGiftOf(row: GiftRow & { donor: DonorIdentity }): GiftForReceipt {
  const detail = row.means_detail ?? {};
  return {
    donationId: Number(row.id),
    kind: row.kind,
    givenOn: row.given_on ?? '',
    amountCents: Number(row.amount_cents),
    means: row.means as GiftForReceipt['means'],
    donor: row.donor,
    bankReference: detail.reference || row.payout_ref || null,
    remittanceSlip: row.remittance_number,
    personId: Number(row.person_id),
  };
}

/** One gift as the finance list shows it. */
export async function financeGift(
  ctx: AppContext,
  id: number,
  on: Queryable = ctx.database,
): Promise<FinanceGift | null> {
  const [row] = await runSql<GiftRow>(
    on,
    sql`SELECT ${giftColumns} FROM donations d WHERE d.campaign_id = ${ctx.campaignId} AND d.id = ${id}`,
  );
  return row ? financeGiftOf(row) : null;
}

function conditions(ctx: AppContext, query: FinanceListQuery): SQL[] {
  const where: SQL[] = [sql`d.campaign_id = ${ctx.campaignId}`];
  if (query.status) where.push(sql`d.status = ${query.status}`);
  if (query.means) where.push(sql`d.means = ${query.means}`);
  if (query.from) where.push(sql`d.given_on >= ${query.from}`);
  if (query.to) where.push(sql`d.given_on <= ${query.to}`);
  if (query.review) where.push(sql`d.review IS NOT NULL`);
  if (query.q?.trim())
    // The people feature matches names and email as HQ's search reads them.
    where.push(
      sql`d.person_id IN (SELECT id FROM (${namedPeople(
        ctx.campaignId,
        sql`SELECT DISTINCT person_id FROM donations WHERE campaign_id = ${ctx.campaignId}`,
        query.q,
      )}) AS named)`,
    );
  return where;
}

/**
 * The bank statement line that shows a gift (a transfer's reference, the line of a payout
 * the bank statement names), as the finance officer reads it on the statement: the
 * commission's files need it for every payment. Audited.
 */
export async function setBankReference(
  ctx: AppContext,
  donationId: number,
  reference: string,
  actorId: number,
  ip: string,
) {
  const rows = await runSql(
    ctx.database,
    sql`UPDATE donations
           SET means_detail = means_detail || jsonb_build_object('reference', ${reference}::text),
               updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}
           AND status IN ('succeeded', 'refunded')
        RETURNING id`,
  );
  if (rows.length === 0) throw notFound('donation');
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'donations.bank_reference',
    target: `donation:${donationId}`,
    details: { reference },
    ip,
  });
  return (await financeGift(ctx, donationId))!;
}

/** Gifts newest first, filtered, one page, with the count of all that match. */
export async function listGifts(ctx: AppContext, query: FinanceListQuery) {
  const rows = await runSql<GiftRow>(
    ctx.database,
    sql`SELECT ${giftColumns}, count(*) OVER () AS total FROM donations d
         WHERE ${sql.join(conditions(ctx, query), sql` AND `)}
         ORDER BY d.given_on DESC NULLS LAST, d.id DESC
         LIMIT ${query.limit} OFFSET ${query.offset}`,
  );
  return { items: rows.map(financeGiftOf), total: Number(rows[0]?.total ?? 0) };
}

/** Donors who gave 80% of the cap or more in the current period. */
export async function donorsNearCap(ctx: AppContext) {
  const settings = await donationSettings(ctx);
  const capKey = capKeyOf(settings, campaignToday(ctx));
  const cap = capOf(settings.mode);
  const rows = await runSql<{
    person_id: number;
    counted: number | string;
    donor: DonorIdentity | null;
  }>(
    ctx.database,
    sql`SELECT d.person_id, sum(d.amount_cents) AS counted,
               (array_agg(d.donor ORDER BY d.id DESC))[1] AS donor
          FROM donations d
         WHERE d.campaign_id = ${ctx.campaignId} AND d.cap_key = ${capKey} AND d.counts
         GROUP BY d.person_id
        HAVING sum(d.amount_cents) >= ${Math.floor(cap * 0.8)}
         ORDER BY counted DESC LIMIT 500`,
  );
  return rows.map((row) => ({
    personId: Number(row.person_id),
    donorName: nameOf(row.donor),
    email: row.donor?.email ?? '',
    countedCents: Number(row.counted),
    capCents: cap,
    leftCents: Math.max(0, cap - Number(row.counted)),
  }));
}
