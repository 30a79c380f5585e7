import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { AppError } from '../../../core/http/errors.ts';
import { BOM, csvLine } from '../../people/export.ts';
import { cnccfpFiles, type CnccfpPayment } from '../receipts/cnccfp-tsv.ts';
import { donationSettings } from '../settings.ts';
import { giftColumns, nameOf, receiptGiftOf, type GiftRow } from './gifts.ts';

const BATCH = 2_000;
const euros = (cents: number | string) => (Number(cents) / 100).toFixed(2).replace('.', ',');

/**
 * Gifts in id order, a batch at a time (keyset on id: no transaction or connection is held
 * between batches, and memory stays at one batch whatever the number of gifts).
 */
async function* giftBatches(ctx: AppContext, where = sql`true`): AsyncGenerator<GiftRow[]> {
  let after = 0;
  for (;;) {
    const rows = await runSql<GiftRow & { person_id: number }>(
      ctx.database,
      sql`SELECT ${giftColumns} FROM donations d
           WHERE d.campaign_id = ${ctx.campaignId} AND d.id > ${after} AND ${where}
           ORDER BY d.id LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return;
    yield rows;
    after = Number(rows[rows.length - 1]!.id);
  }
}

const received = sql`d.status IN ('succeeded', 'refunded')`;

/** The donations annex of the campaign account: every gift received, refunds marked. */
export async function* accountCsv(ctx: AppContext): AsyncGenerator<string> {
  yield (
    BOM +
    csvLine(
      [
        'id',
        'date',
        'nature',
        'montant',
        'moyen',
        'statut',
        'civilite',
        'prenom',
        'nom',
        'adresse',
        'complement',
        'code_postal',
        'commune',
        'pays',
        'nationalite',
        'banque',
        'numero_cheque',
        'reference',
        'bordereau',
        'recu',
        'prestataire',
      ],
      ';',
    )
  );
  for await (const rows of giftBatches(ctx, received)) {
    yield rows
      .map((row) => {
        const donor = row.donor;
        const detail = row.means_detail ?? {};
        return csvLine(
          [
            row.id,
            row.given_on,
            row.kind === 'dues' ? 'cotisation' : 'don',
            euros(row.amount_cents),
            row.means,
            row.status === 'refunded' ? 'rembourse' : 'recu',
            donor?.civility ?? '',
            donor?.firstName,
            donor?.lastName,
            donor?.addressLine1,
            donor?.addressLine2,
            donor?.postalCode,
            donor?.commune,
            donor?.country,
            // Recorded with each gift (R39-1); gifts recorded before it was asked: French.
            donor ? (donor.nationality ?? 'FR') : '',
            detail.bank,
            detail.chequeNumber,
            detail.reference,
            row.remittance_number,
            row.receipt_number,
            row.provider,
          ],
          ';',
        );
      })
      .join('');
  }
}

/** Donors with each of their gifts received and its receipt number, by gift. */
export async function* donorsCsv(ctx: AppContext): AsyncGenerator<string> {
  yield (
    BOM +
    csvLine(
      [
        'donateur',
        'nom',
        'email',
        'code_postal',
        'commune',
        'don',
        'date',
        'montant',
        'moyen',
        'recu',
      ],
      ';',
    )
  );
  for await (const rows of giftBatches(ctx, sql`d.status = 'succeeded'`)) {
    yield rows
      .map((row) =>
        csvLine(
          [
            row.person_id,
            nameOf(row.donor),
            row.donor?.email,
            row.donor?.postalCode,
            row.donor?.commune,
            row.id,
            row.given_on,
            euros(row.amount_cents),
            row.means,
            row.receipt_number,
          ],
          ';',
        ),
      )
      .join('');
  }
}

/**
 * One of the commission's files (dematerialised procedure, for a party's agent): every gift and
 * due received in the period, refunded ones marked cancelled, checked field by field first.
 */
export async function commissionFile(
  ctx: AppContext,
  file: 'mandataire.tsv' | 'operations.tsv',
  period: { from?: string; to?: string },
): Promise<string> {
  const settings = await donationSettings(ctx);
  if (settings.mode !== 'party')
    throw new AppError(
      409,
      'commission_export_party_only',
      'The dematerialised procedure is a party’s: a candidate’s receipts follow the paper forms.',
    );
  const where = sql.join(
    [
      received,
      period.from ? sql`d.given_on >= ${period.from}` : sql`true`,
      period.to ? sql`d.given_on <= ${period.to}` : sql`true`,
    ],
    sql` AND `,
  );
  const payments: CnccfpPayment[] = [];
  for await (const rows of giftBatches(ctx, where)) {
    for (const row of rows) {
      if (!row.donor) continue;
      payments.push({
        ...receiptGiftOf({ ...row, donor: row.donor }),
        cancelled: row.status === 'refunded',
      });
    }
  }
  const agent = settings.agent;
  const result = cnccfpFiles({
    agent: {
      commissionId: agent.commissionId,
      name: agent.name,
      address: agent.address,
      phone: agent.phone,
      email: agent.email,
    },
    payments,
  });
  if (!result.ok) {
    const errors = result.problems
      .filter((p) => p.severity === 'error')
      .map((p) => ({
        field: `${p.donationId ?? 'agent'}.${p.field}`,
        code: p.code,
        message: p.message,
      }));
    throw new AppError(
      422,
      'commission_export_invalid',
      `${errors.length} champ(s) à corriger avant l’export : ${errors
        .slice(0, 5)
        .map((e) => e.message)
        .join(' ; ')}`,
      errors,
    );
  }
  return result.files.find((f) => f.name === file)?.text ?? '';
}
