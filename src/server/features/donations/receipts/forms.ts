import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { runSql, type Queryable } from '../../../core/db/statement.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { wallClock } from '../../../core/local-time.ts';
import {
  formatIn,
  isFormNumber,
  overlaps,
  seriesProblem,
  unusedRanges,
  valueOf,
  type NumberRange,
} from './form-numbers.ts';

/**
 * The paper procedure: the numbered forms the commission (CNCCFP) sends the agent, and which
 * gift holds which one. Levier never invents a number: it hands out the commission's, the
 * smallest unused first, with no gap; a spoiled or cancelled form keeps its number for good.
 * Every change takes the campaign's receipt lock (transaction-scoped), so two gifts handed a
 * form at the same moment get two numbers; the unique index on the number stands behind it.
 */

export interface ReceiptSeries {
  id: number;
  firstNumber: string;
  lastNumber: string;
  /** YYYY-MM-DD */
  receivedOn: string;
  note: string;
  /** How many forms the series holds. */
  size: number;
}

export interface SeriesInput {
  firstNumber: string;
  lastNumber: string;
  receivedOn: string;
  note?: string;
}

export type FormStatus = 'issued' | 'spoiled' | 'cancelled';

export interface ReceiptForm {
  id: number;
  seriesId: number;
  number: string;
  status: FormStatus;
  donationId: number | null;
  issuedAt: Date | null;
  voidedAt: Date | null;
  reason: string | null;
}

const unprocessable = (code: string, message: string) => new AppError(422, code, message);

export async function lockReceipts(query: Query, campaignId: number) {
  await runSql(
    query,
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`receipt-forms:${campaignId}`}, 0))`,
  );
}

type SeriesRow = {
  id: number | string;
  first_number: string;
  last_number: string;
  received_on: string;
  note: string;
};

const seriesOf = (row: SeriesRow): ReceiptSeries => ({
  id: Number(row.id),
  firstNumber: row.first_number,
  lastNumber: row.last_number,
  receivedOn: row.received_on,
  note: row.note,
  size: valueOf(row.last_number) - valueOf(row.first_number) + 1,
});

/** The campaign's series, in the order of their numbers. */
export async function listSeries(ctx: AppContext, on: Queryable = ctx.database) {
  const rows = await runSql<SeriesRow>(
    on,
    sql`SELECT id, first_number, last_number, received_on::text AS received_on, note
          FROM receipt_series WHERE campaign_id = ${ctx.campaignId}
         ORDER BY first_number::bigint`,
  );
  return rows.map(seriesOf);
}

const isDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) &&
  !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
  new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/**
 * Records a series received from the commission. Refused (422) when its numbers are not
 * digits, run backwards, or cross a series already recorded (`receipt_series_overlap`).
 */
export async function recordSeries(ctx: AppContext, input: SeriesInput): Promise<ReceiptSeries> {
  const series = {
    firstNumber: input.firstNumber.trim(),
    lastNumber: input.lastNumber.trim(),
    receivedOn: input.receivedOn.trim(),
    note: (input.note ?? '').trim(),
  };
  const problem = seriesProblem(series);
  if (problem) throw unprocessable('receipt_series_invalid', problem);
  if (!isDay(series.receivedOn)) {
    throw unprocessable(
      'receipt_series_invalid',
      `La date de réception « ${series.receivedOn} » n'est pas une date (attendu : AAAA-MM-JJ).`,
    );
  }
  return ctx.database.transaction(async (query) => {
    await lockReceipts(query, ctx.campaignId);
    const clash = (await listSeries(ctx, query)).find((s) => overlaps(s, series));
    if (clash) {
      throw unprocessable(
        'receipt_series_overlap',
        `Les formules n° ${series.firstNumber} à ${series.lastNumber} chevauchent la série n° ${clash.firstNumber} à ${clash.lastNumber}, enregistrée comme reçue le ${clash.receivedOn}. Vérifiez les numéros imprimés sur la première et la dernière formule : si une partie de cette série est déjà enregistrée, saisissez seulement les numéros qui ne le sont pas.`,
      );
    }
    const [row] = await runSql<SeriesRow>(
      query,
      sql`INSERT INTO receipt_series (campaign_id, first_number, last_number, received_on, note)
          VALUES (${ctx.campaignId}, ${series.firstNumber}, ${series.lastNumber},
                  ${series.receivedOn}, ${series.note})
          RETURNING id, first_number, last_number, received_on::text AS received_on, note`,
    );
    return seriesOf(row!);
  });
}

type FormRow = {
  id: number | string;
  series_id: number | string;
  number: string;
  status: FormStatus;
  donation_id: number | string | null;
  issued_at: Date | string | null;
  voided_at: Date | string | null;
  reason: string | null;
};

const moment = (value: Date | string | null) => (value === null ? null : new Date(value));

const formOf = (row: FormRow): ReceiptForm => ({
  id: Number(row.id),
  seriesId: Number(row.series_id),
  number: row.number,
  status: row.status,
  donationId: row.donation_id === null ? null : Number(row.donation_id),
  issuedAt: moment(row.issued_at),
  voidedAt: moment(row.voided_at),
  reason: row.reason,
});

const formColumns = sql`id, series_id, number, status, donation_id, issued_at, voided_at, reason`;

/** The form a gift holds now (issued, neither spoiled nor cancelled), or null. */
export async function liveFormOf(
  ctx: AppContext,
  donationId: number,
  on: Queryable = ctx.database,
): Promise<ReceiptForm | null> {
  const [row] = await runSql<FormRow>(
    on,
    sql`SELECT ${formColumns} FROM receipt_forms
         WHERE campaign_id = ${ctx.campaignId} AND donation_id = ${donationId}
           AND status = 'issued'`,
  );
  return row ? formOf(row) : null;
}

/** Every form a gift held, the live one and those spoiled or cancelled, in number order. */
export async function formsOfDonation(ctx: AppContext, donationId: number) {
  const rows = await runSql<FormRow>(
    ctx.database,
    sql`SELECT ${formColumns} FROM receipt_forms
         WHERE campaign_id = ${ctx.campaignId} AND donation_id = ${donationId}
         ORDER BY seq`,
  );
  return rows.map(formOf);
}

/**
 * The smallest number no form uses, over every series: a series' first number, or the number
 * after a used one, within its series and unused. Null when every form is used.
 */
async function nextFree(query: Query, campaignId: number) {
  const [row] = await runSql<{
    series_id: number | string;
    first_number: string;
    seq: number | string;
  }>(
    query,
    sql`SELECT s.id AS series_id, s.first_number, c.seq
          FROM receipt_series s
          JOIN LATERAL (
                 SELECT s.first_number::bigint AS seq
                 UNION ALL
                 SELECT f.seq + 1 FROM receipt_forms f
                  WHERE f.campaign_id = s.campaign_id AND f.series_id = s.id
               ) c ON c.seq <= s.last_number::bigint
         WHERE s.campaign_id = ${campaignId}
           AND NOT EXISTS (SELECT 1 FROM receipt_forms u
                            WHERE u.campaign_id = s.campaign_id AND u.seq = c.seq)
         ORDER BY c.seq
         LIMIT 1`,
  );
  if (!row) return null;
  const seq = Number(row.seq);
  return {
    seriesId: Number(row.series_id),
    seq,
    number: formatIn({ firstNumber: row.first_number }, seq),
  };
}

/**
 * Gives a received gift the next unused form: the smallest free number of the recorded series.
 * A gift that already holds a live form gets the same one back. Refused (422) for a gift whose
 * money has not been received (pending, failed, refunded) and when no form is left.
 */
export async function assignForm(ctx: AppContext, donationId: number): Promise<ReceiptForm> {
  return ctx.database.transaction(async (query) => {
    await lockReceipts(query, ctx.campaignId);
    const held = await liveFormOf(ctx, donationId, query);
    if (held) return held;
    const [gift] = await runSql<{ status: string }>(
      query,
      sql`SELECT status FROM donations WHERE campaign_id = ${ctx.campaignId} AND id = ${donationId}`,
    );
    if (!gift) throw notFound('gift');
    if (gift.status !== 'succeeded') {
      throw unprocessable(
        'receipt_gift_not_received',
        `Ce don n'est pas encaissé (état : ${gift.status}) : un reçu ne se délivre que pour un don reçu. Attendez que le paiement aboutisse.`,
      );
    }
    const free = await nextFree(query, ctx.campaignId);
    if (!free) {
      throw unprocessable(
        'receipt_forms_exhausted',
        'Il ne reste aucune formule de reçu inutilisée. Demandez de nouvelles formules à la Commission nationale des comptes de campagne et des financements politiques, puis enregistrez la série reçue (premier et dernier numéro).',
      );
    }
    const [row] = await runSql<FormRow>(
      query,
      sql`INSERT INTO receipt_forms (campaign_id, series_id, number, seq, status, donation_id,
                                     issued_at)
          VALUES (${ctx.campaignId}, ${free.seriesId}, ${free.number}, ${free.seq}, 'issued',
                  ${donationId}, now())
          RETURNING ${formColumns}`,
    );
    return formOf(row!);
  });
}

function requireReason(reason: string) {
  const said = reason.trim();
  if (!said) {
    throw unprocessable(
      'receipt_reason_required',
      'Indiquez pourquoi (par exemple « formule déchirée », « erreur de montant », « don remboursé ») : la raison figure sur la liste retournée à la Commission.',
    );
  }
  return said;
}

/**
 * Marks a form spoiled (miswritten, torn, lost): it keeps its number, which is never given
 * again. The number may be typed without its leading zeros. A form issued to a gift is
 * spoiled too; the gift then gets a new number from `assignForm`. Spoiling a spoiled form
 * changes nothing; a cancelled form stays cancelled (422).
 */
export async function spoilForm(
  ctx: AppContext,
  number: string,
  reason: string,
): Promise<ReceiptForm> {
  const typed = number.trim();
  const why = requireReason(reason);
  if (!isFormNumber(typed)) {
    throw unprocessable(
      'receipt_form_unknown',
      `« ${typed} » n'est pas un numéro de formule : saisissez les chiffres imprimés sur la formule.`,
    );
  }
  const value = valueOf(typed);
  return ctx.database.transaction(async (query) => {
    await lockReceipts(query, ctx.campaignId);
    const series = (await listSeries(ctx, query)).find(
      (s) => valueOf(s.firstNumber) <= value && value <= valueOf(s.lastNumber),
    );
    if (!series) {
      throw unprocessable(
        'receipt_form_unknown',
        `La formule n° ${typed} n'appartient à aucune série enregistrée : enregistrez d'abord la série reçue de la Commission, ou vérifiez le numéro.`,
      );
    }
    const formatted = formatIn(series, value);
    const [existing] = await runSql<FormRow>(
      query,
      sql`SELECT ${formColumns} FROM receipt_forms
           WHERE campaign_id = ${ctx.campaignId} AND seq = ${value}`,
    );
    if (existing?.status === 'spoiled') return formOf(existing);
    if (existing?.status === 'cancelled') {
      throw unprocessable(
        'receipt_form_cancelled',
        `La formule n° ${formatted} est déjà annulée (${existing.reason ?? 'don remboursé'}) : elle sera retournée à la Commission comme annulée.`,
      );
    }
    const [row] = existing
      ? await runSql<FormRow>(
          query,
          sql`UPDATE receipt_forms SET status = 'spoiled', voided_at = now(), reason = ${why}
               WHERE campaign_id = ${ctx.campaignId} AND id = ${existing.id}
              RETURNING ${formColumns}`,
        )
      : await runSql<FormRow>(
          query,
          sql`INSERT INTO receipt_forms (campaign_id, series_id, number, seq, status, voided_at,
                                         reason)
              VALUES (${ctx.campaignId}, ${series.id}, ${formatted}, ${value}, 'spoiled', now(),
                      ${why})
              RETURNING ${formColumns}`,
        );
    return formOf(row!);
  });
}

/**
 * A refunded gift's receipt is cancelled: its form keeps its number (never given again) and
 * goes back to the commission as cancelled. Returns the cancelled form, or null when the gift
 * held none.
 */
export async function cancelForDonation(
  ctx: AppContext,
  donationId: number,
  reason: string,
): Promise<ReceiptForm | null> {
  const why = requireReason(reason);
  return ctx.database.transaction((query) => cancelFormOf(query, ctx.campaignId, donationId, why));
}

/** cancelForDonation within the caller's transaction (a refund cancels its receipt with it). */
export async function cancelFormOf(
  query: Query,
  campaignId: number,
  donationId: number,
  reason: string,
): Promise<ReceiptForm | null> {
  await lockReceipts(query, campaignId);
  const [row] = await runSql<FormRow>(
    query,
    sql`UPDATE receipt_forms SET status = 'cancelled', voided_at = now(), reason = ${reason}
         WHERE campaign_id = ${campaignId} AND donation_id = ${donationId}
           AND status = 'issued'
        RETURNING ${formColumns}`,
  );
  return row ? formOf(row) : null;
}

/** What is left of a series: its unused numbers as ranges. */
export interface UnusedForms {
  series: ReceiptSeries;
  ranges: NumberRange[];
  count: number;
}

export async function usedValues(ctx: AppContext, on: Queryable = ctx.database) {
  const rows = await runSql<{ series_id: number | string; seq: number | string }>(
    on,
    sql`SELECT series_id, seq FROM receipt_forms WHERE campaign_id = ${ctx.campaignId}`,
  );
  const bySeries = new Map<number, number[]>();
  for (const row of rows) {
    const list = bySeries.get(Number(row.series_id)) ?? [];
    list.push(Number(row.seq));
    bySeries.set(Number(row.series_id), list);
  }
  return bySeries;
}

/** The unused numbers of every series, as ranges, series in number order. */
export async function unusedForms(ctx: AppContext): Promise<UnusedForms[]> {
  const [series, used] = [await listSeries(ctx), await usedValues(ctx)];
  return series.map((s) => {
    const ranges = unusedRanges(s, used.get(s.id) ?? []);
    return { series: s, ranges, count: ranges.reduce((n, r) => n + r.count, 0) };
  });
}

/**
 * One line of the list sent back with the forms. What goes back: the stub of an issued form
 * (the receipt went to the donor); the whole form, receipt and stub, of a spoiled or unused
 * one; the stub of a cancelled one (with the receipt when the donor returned it).
 */
export type ReturnLine =
  | {
      kind: 'issued';
      number: string;
      returns: 'stub';
      /** YYYY-MM-DD in the campaign's time zone. */
      issuedOn: string;
      donationId: number;
      amountCents: number;
    }
  | {
      kind: 'spoiled';
      number: string;
      returns: 'whole_form';
      voidedOn: string;
      reason: string;
      donationId: number | null;
    }
  | {
      kind: 'cancelled';
      number: string;
      returns: 'stub';
      voidedOn: string;
      reason: string;
      donationId: number;
    }
  | { kind: 'unused'; first: string; last: string; count: number; returns: 'whole_form' };

export interface ReturnCounts {
  issued: number;
  spoiled: number;
  cancelled: number;
  unused: number;
  /** Every form received: the four counts above add up to it. */
  total: number;
}

export interface SeriesToReturn {
  series: ReceiptSeries;
  counts: ReturnCounts;
  /** In number order; unused numbers grouped in ranges. */
  lines: ReturnLine[];
}

export interface FormsToReturn {
  series: SeriesToReturn[];
  totals: ReturnCounts;
}

const noCounts = (): ReturnCounts => ({ issued: 0, spoiled: 0, cancelled: 0, unused: 0, total: 0 });

/**
 * Everything to send back to the commission, series by series, line by line in number order:
 * a printable list whose counts add up to the forms received.
 */
export async function formsToReturn(ctx: AppContext): Promise<FormsToReturn> {
  const timeZone = ctx.config.CAMPAIGN_TIMEZONE;
  const day = (at: Date | string | null) => (at ? wallClock(new Date(at), timeZone).day : '');
  const series = await listSeries(ctx);
  const rows = await runSql<
    FormRow & { seq: number | string; amount_cents: number | string | null }
  >(
    ctx.database,
    sql`SELECT f.id, f.series_id, f.number, f.seq, f.status, f.donation_id, f.issued_at,
               f.voided_at, f.reason, d.amount_cents
          FROM receipt_forms f
          LEFT JOIN donations d ON d.campaign_id = f.campaign_id AND d.id = f.donation_id
         WHERE f.campaign_id = ${ctx.campaignId}
         ORDER BY f.seq`,
  );
  const totals = noCounts();
  const out = series.map((s): SeriesToReturn => {
    const mine = rows.filter((r) => Number(r.series_id) === s.id);
    const counts = noCounts();
    const placed: Array<{ at: number; line: ReturnLine }> = mine.map((r) => {
      counts[r.status] += 1;
      const at = Number(r.seq);
      if (r.status === 'issued') {
        return {
          at,
          line: {
            kind: 'issued',
            number: r.number,
            returns: 'stub',
            issuedOn: day(r.issued_at),
            donationId: Number(r.donation_id),
            amountCents: Number(r.amount_cents ?? 0),
          },
        };
      }
      if (r.status === 'cancelled') {
        return {
          at,
          line: {
            kind: 'cancelled',
            number: r.number,
            returns: 'stub',
            voidedOn: day(r.voided_at),
            reason: r.reason ?? '',
            donationId: Number(r.donation_id),
          },
        };
      }
      return {
        at,
        line: {
          kind: 'spoiled',
          number: r.number,
          returns: 'whole_form',
          voidedOn: day(r.voided_at),
          reason: r.reason ?? '',
          donationId: r.donation_id === null ? null : Number(r.donation_id),
        },
      };
    });
    for (const range of unusedRanges(
      s,
      mine.map((r) => Number(r.seq)),
    )) {
      counts.unused += range.count;
      placed.push({
        at: valueOf(range.first),
        line: { kind: 'unused', ...range, returns: 'whole_form' },
      });
    }
    counts.total = s.size;
    for (const key of ['issued', 'spoiled', 'cancelled', 'unused', 'total'] as const) {
      totals[key] += counts[key];
    }
    return { series: s, counts, lines: placed.sort((a, b) => a.at - b.at).map((p) => p.line) };
  });
  return { series: out, totals };
}
