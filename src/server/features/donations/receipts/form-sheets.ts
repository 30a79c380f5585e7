import { sql, type SQL } from 'drizzle-orm';
import type { DonorIdentity } from '../../../../contracts/donations.ts';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { AppError } from '../../../core/http/errors.ts';
import { wallClock } from '../../../core/local-time.ts';
import { giftColumns, nameOf, receiptGiftOf, type GiftRow } from '../finance/gifts.ts';
import { campaignToday, donationSettings } from '../settings.ts';
import { renderFormSheetsPdf } from './form-sheets-pdf.ts';
import { formContent, writtenDay, type Beneficiary, type FormContent } from './form-content.ts';
import { isFormNumber, valueOf } from './form-numbers.ts';

/**
 * The receipts staff fill in and send: issued forms, the content to write on each, and which
 * were sent to their donor. A form is filled in from its gift as recorded on the day of the
 * gift (the donor's identity and tax address then), never from the person record today.
 */

/** A range of form numbers, both ends included; an end left out is open. */
export interface FormRange {
  from?: string;
  to?: string;
}

/** Forms one sheet file may hold: a few weeks of a large campaign's gifts. */
export const SHEETS_LIMIT = 2_000;

const unprocessable = (code: string, message: string) => new AppError(422, code, message);

function rangeCondition(range: FormRange): SQL {
  const ends: SQL[] = [];
  for (const [end, op] of [
    [range.from, sql`>=`],
    [range.to, sql`<=`],
  ] as const) {
    if (end === undefined || end.trim() === '') continue;
    const typed = end.trim();
    if (!isFormNumber(typed)) {
      throw unprocessable(
        'receipt_form_unknown',
        `« ${typed} » n'est pas un numéro de formule : saisissez les chiffres imprimés sur la formule.`,
      );
    }
    ends.push(sql`f.seq ${op} ${valueOf(typed)}`);
  }
  if (range.from && range.to && valueOf(range.from.trim()) > valueOf(range.to.trim())) {
    throw unprocessable(
      'receipt_range_backwards',
      `Le numéro de fin (${range.to.trim()}) est plus petit que celui du début (${range.from.trim()}) : saisissez le plus petit numéro d'abord.`,
    );
  }
  return ends.length > 0 ? sql.join(ends, sql` AND `) : sql`true`;
}

/** Issued forms in `range`; with no range, those whose receipt is not yet sent. */
function selection(ctx: AppContext, range: FormRange): SQL {
  const open = !range.from?.trim() && !range.to?.trim();
  return sql`f.campaign_id = ${ctx.campaignId} AND f.status = 'issued'
             AND ${open ? sql`f.sent_at IS NULL` : rangeCondition(range)}`;
}

type SheetRow = GiftRow & {
  form_number: string;
  issued_at: Date | string;
  sent_at: Date | string | null;
};

async function issuedForms(ctx: AppContext, range: FormRange, limit: number) {
  return runSql<SheetRow>(
    ctx.database,
    sql`SELECT ${giftColumns}, f.number AS form_number, f.issued_at, f.sent_at
          FROM receipt_forms f
          JOIN donations d ON d.campaign_id = f.campaign_id AND d.id = f.donation_id
         WHERE ${selection(ctx, range)}
         ORDER BY f.seq
         LIMIT ${limit}`,
  );
}

/** An issued form as the list of receipts to fill in and send shows it. */
export interface FormToSend {
  number: string;
  donationId: number;
  donorName: string;
  amountCents: number;
  givenOn: string;
  /** YYYY-MM-DD in the campaign's time zone. */
  issuedOn: string;
  sentOn: string | null;
}

/** Issued forms whose receipt is not yet marked sent, in number order (the first 500). */
export async function formsToSend(ctx: AppContext): Promise<{
  forms: FormToSend[];
  total: number;
}> {
  const day = (at: Date | string) => wallClock(new Date(at), ctx.config.CAMPAIGN_TIMEZONE).day;
  const rows = await issuedForms(ctx, {}, 500);
  const [count] = await runSql<{ n: number | string }>(
    ctx.database,
    sql`SELECT count(*) AS n FROM receipt_forms f WHERE ${selection(ctx, {})}`,
  );
  return {
    total: Number(count?.n ?? 0),
    forms: rows.map((row) => ({
      number: row.form_number,
      donationId: Number(row.id),
      donorName: nameOf(row.donor),
      amountCents: Number(row.amount_cents),
      givenOn: row.given_on ?? '',
      issuedOn: day(row.issued_at),
      sentOn: row.sent_at === null ? null : day(row.sent_at),
    })),
  };
}

/** The agent's address as written under its name: one line per line typed, or per comma. */
export function agentAddressLines(address: string): string[] {
  const lines = address.includes('\n') ? address.split('\n') : address.split(/,\s*/);
  return lines.map((line) => line.trim()).filter(Boolean);
}

/**
 * What to write on each issued form of `range` (with no range: every receipt not yet sent),
 * in number order. Refused when the range holds more than SHEETS_LIMIT forms.
 */
export async function formSheets(ctx: AppContext, range: FormRange): Promise<FormContent[]> {
  return (await sheetsOf(ctx, range)).forms;
}

/** The sheets of `range` as the PDF staff print, with the forms it holds. */
export async function formSheetsPdf(ctx: AppContext, range: FormRange) {
  const { forms, beneficiary } = await sheetsOf(ctx, range);
  const pdf = await renderFormSheetsPdf(forms, {
    beneficiary,
    printedOn: writtenDay(campaignToday(ctx)),
  });
  return { forms, pdf };
}

async function sheetsOf(ctx: AppContext, range: FormRange) {
  const settings = await donationSettings(ctx);
  const beneficiary: Beneficiary = {
    mode: settings.mode,
    agentName: settings.agent.name,
    agentAddress: agentAddressLines(settings.agent.address),
  };
  const rows = await issuedForms(ctx, range, SHEETS_LIMIT + 1);
  if (rows.length > SHEETS_LIMIT) {
    throw unprocessable(
      'receipt_sheets_too_many',
      `Plus de ${SHEETS_LIMIT} formules à la fois : indiquez une plage de numéros plus courte (par exemple les ${SHEETS_LIMIT} premières).`,
    );
  }
  const forms = rows
    .filter((row): row is SheetRow & { donor: DonorIdentity } => row.donor !== null)
    .map((row) => formContent(row.form_number, receiptGiftOf(row), beneficiary));
  return { forms, beneficiary: settings.beneficiary };
}

/**
 * Marks the receipts of the issued forms in `range` as sent to their donors (those already
 * marked keep their day). Returns how many were marked now.
 */
export async function markSent(ctx: AppContext, range: Required<FormRange>): Promise<number> {
  if (!range.from.trim() || !range.to.trim()) {
    throw unprocessable(
      'receipt_range_required',
      'Indiquez le premier et le dernier numéro des reçus envoyés.',
    );
  }
  const rows = await runSql<{ id: number | string }>(
    ctx.database,
    sql`UPDATE receipt_forms f SET sent_at = now()
         WHERE ${selection(ctx, range)} AND f.sent_at IS NULL
        RETURNING f.id`,
  );
  return rows.length;
}
