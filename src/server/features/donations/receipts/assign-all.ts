import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { AppError } from '../../../core/http/errors.ts';
import { donationSettings } from '../settings.ts';
import { formatIn, unusedRanges } from './form-numbers.ts';
import { listSeries, lockReceipts, usedValues } from './forms.ts';

export interface AssignAllResult {
  /** Forms handed out, and the first and last numbers given (null when none). */
  assigned: number;
  first: string | null;
  last: string | null;
  /** Received gifts still without a form: the forms ran out before them. */
  waiting: number;
}

/** Gifts taken per call: a campaign's week of cheques and cards, in one short transaction. */
export const ASSIGN_ALL_LIMIT = 5_000;

/** A received gift (alias `d`) that holds no issued form: none yet, or its form spoiled. */
const withoutLiveForm = (campaignId: number) =>
  sql`d.campaign_id = ${campaignId} AND d.status = 'succeeded'
      AND NOT EXISTS (SELECT 1 FROM receipt_forms f
                       WHERE f.campaign_id = d.campaign_id AND f.donation_id = d.id
                         AND f.status = 'issued')`;

/** The free numbers of every series, smallest first, as many as asked. */
function* freeNumbers(
  series: Awaited<ReturnType<typeof listSeries>>,
  used: Map<number, number[]>,
): Generator<{ seriesId: number; number: string; seq: number }> {
  for (const s of series) {
    for (const range of unusedRanges(s, used.get(s.id) ?? [])) {
      const first = Number(range.first);
      for (let seq = first; seq < first + range.count; seq++) {
        yield { seriesId: s.id, number: formatIn(s, seq), seq };
      }
    }
  }
}

/**
 * Gives every received gift without a form (none yet, or its form spoiled) the next unused
 * numbers, in the order the money came in (day, then arrival): what staff do each week before
 * filling in the forms. The same lock as `assignForm`, so numbers never gap nor repeat.
 */
export async function assignAllForms(ctx: AppContext): Promise<AssignAllResult> {
  const settings = await donationSettings(ctx);
  if (settings.receiptProcedure !== 'paper') {
    throw new AppError(
      409,
      'receipt_forms_not_paper',
      'Les reçus suivent la procédure dématérialisée : aucune formule papier ne leur est attribuée. Produisez les fichiers de la Commission depuis la page des exports.',
    );
  }
  return ctx.database.transaction(async (query) => {
    await lockReceipts(query, ctx.campaignId);
    const waiting = await runSql<{ id: number | string }>(
      query,
      sql`SELECT d.id FROM donations d WHERE ${withoutLiveForm(ctx.campaignId)}
           ORDER BY d.given_on, d.id LIMIT ${ASSIGN_ALL_LIMIT}`,
    );
    const [series, used] = [await listSeries(ctx, query), await usedValues(ctx, query)];
    const numbers = freeNumbers(series, used);
    const taken: Array<{ donationId: number; seriesId: number; number: string; seq: number }> = [];
    for (const gift of waiting) {
      const next = numbers.next();
      if (next.done) break;
      taken.push({ donationId: Number(gift.id), ...next.value });
    }
    if (taken.length > 0) {
      const column = <T>(pick: (t: (typeof taken)[number]) => T) => taken.map(pick);
      await runSql(
        query,
        sql`INSERT INTO receipt_forms (campaign_id, series_id, number, seq, status, donation_id,
                                       issued_at)
            SELECT ${ctx.campaignId}, t.series_id, t.number, t.seq, 'issued', t.donation_id, now()
              FROM unnest(${column((t) => t.seriesId)}::bigint[],
                          ${column((t) => t.number)}::text[],
                          ${column((t) => t.seq)}::bigint[],
                          ${column((t) => t.donationId)}::bigint[])
                   AS t(series_id, number, seq, donation_id)`,
      );
    }
    const [remaining] = await runSql<{ n: number | string }>(
      query,
      sql`SELECT count(*) AS n FROM donations d WHERE ${withoutLiveForm(ctx.campaignId)}`,
    );
    return {
      assigned: taken.length,
      first: taken[0]?.number ?? null,
      last: taken.at(-1)?.number ?? null,
      waiting: Number(remaining?.n ?? 0),
    };
  });
}
