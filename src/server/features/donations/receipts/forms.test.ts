import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forCampaign, type AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { AppError } from '../../../core/http/errors.ts';
import { createTestApp, engines, type TestApp } from '../../../testing/harness.ts';
import { formatIn, seriesProblem, unusedRanges } from './form-numbers.ts';
import {
  assignForm,
  cancelForDonation,
  formsOfDonation,
  formsToReturn,
  liveFormOf,
  recordSeries,
  spoilForm,
  unusedForms,
} from './forms.ts';

describe('form numbers', () => {
  it('keeps the width of the series and compares by value', () => {
    expect(formatIn({ firstNumber: '000001' }, 37)).toBe('000037');
    expect(formatIn({ firstNumber: '1' }, 37)).toBe('37');
    expect(seriesProblem({ firstNumber: '900', lastNumber: '1000' })).toBeNull();
    expect(seriesProblem({ firstNumber: '0900', lastNumber: '1000' })).toBeNull();
    expect(seriesProblem({ firstNumber: '1000', lastNumber: '900' })).toMatch(/plus petit/);
    expect(seriesProblem({ firstNumber: '0001', lastNumber: '10000' })).toMatch(/chiffres/);
    expect(seriesProblem({ firstNumber: 'A12', lastNumber: '20' })).toMatch(/chiffres/);
  });

  it('gives the unused numbers as ranges', () => {
    const series = { firstNumber: '01', lastNumber: '10' };
    expect(unusedRanges(series, [8, 3, 4])).toEqual([
      { first: '01', last: '02', count: 2 },
      { first: '05', last: '07', count: 3 },
      { first: '09', last: '10', count: 2 },
    ]);
    expect(unusedRanges(series, [1, 10])).toEqual([{ first: '02', last: '09', count: 8 }]);
    expect(
      unusedRanges(
        series,
        Array.from({ length: 10 }, (_, i) => i + 1),
      ),
    ).toEqual([]);
  });
});

describe.each(engines)('receipt forms on %s', (engine) => {
  let t: TestApp;
  let campaigns = 7000;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Each test in its own campaign: numbers are counted per campaign. */
  const campaign = () => forCampaign(t.ctx, ++campaigns);

  const gift = async (ctx: AppContext, status = 'succeeded', amountCents = 5_000) => {
    const [row] = await runSql<{ id: number }>(
      ctx.database,
      sql`INSERT INTO donations (campaign_id, person_id, cap_key, amount_cents, means, status, counts)
          VALUES (${ctx.campaignId}, 1, 'year:2027', ${amountCents}, 'cheque', ${status}, true)
          RETURNING id`,
    );
    return Number(row!.id);
  };
  const gifts = (ctx: AppContext, n: number) =>
    Promise.all(Array.from({ length: n }, () => gift(ctx)));

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  /** The SQLSTATE a statement fails with (null when it succeeds). */
  const pgCode = (statement: SQL) =>
    runSql(t.ctx.database, statement).then(
      () => null,
      (e: unknown) => (e as { code?: string }).code ?? 'unknown',
    );

  it('records series and refuses one that overlaps, in words a person can act on', async () => {
    const ctx = campaign();
    const first = await recordSeries(ctx, {
      firstNumber: '000901',
      lastNumber: '000999',
      receivedOn: '2027-01-10',
      note: 'Envoi n° 1',
    });
    expect(first).toMatchObject({ firstNumber: '000901', lastNumber: '000999', size: 99 });
    // Compared by value: "1000" sorts before "901" as text, but comes after it.
    await recordSeries(ctx, { firstNumber: '1000', lastNumber: '1099', receivedOn: '2027-02-01' });

    const overlap = await failure(
      recordSeries(ctx, { firstNumber: '000950', lastNumber: '001010', receivedOn: '2027-03-01' }),
    );
    expect([overlap.status, overlap.code]).toEqual([422, 'receipt_series_overlap']);
    expect(overlap.message).toBe(
      'Les formules n° 000950 à 001010 chevauchent la série n° 000901 à 000999, enregistrée comme reçue le 2027-01-10. Vérifiez les numéros imprimés sur la première et la dernière formule : si une partie de cette série est déjà enregistrée, saisissez seulement les numéros qui ne le sont pas.',
    );
    const inside = await failure(
      recordSeries(ctx, { firstNumber: '1050', lastNumber: '1050', receivedOn: '2027-03-01' }),
    );
    expect(inside.code).toBe('receipt_series_overlap');
    const backwards = await failure(
      recordSeries(ctx, { firstNumber: '3000', lastNumber: '2000', receivedOn: '2027-03-01' }),
    );
    expect([backwards.status, backwards.code]).toEqual([422, 'receipt_series_invalid']);
    const badDay = await failure(
      recordSeries(ctx, { firstNumber: '3000', lastNumber: '3999', receivedOn: '2027-02-30' }),
    );
    expect(badDay.code).toBe('receipt_series_invalid');
    expect((await unusedForms(ctx)).map((u) => u.series.firstNumber)).toEqual(['000901', '1000']);
  });

  it('gives the smallest unused number over the series in order, the same one again to the same gift', async () => {
    const ctx = campaign();
    // Recorded out of order: numbering still starts with the smallest number.
    await recordSeries(ctx, { firstNumber: '0101', lastNumber: '0102', receivedOn: '2027-01-20' });
    await recordSeries(ctx, { firstNumber: '0001', lastNumber: '0003', receivedOn: '2027-01-10' });
    const [a, b, c, d, e, f] = await gifts(ctx, 6);
    const numbers = [];
    for (const id of [a!, b!, c!, d!, e!]) numbers.push((await assignForm(ctx, id)).number);
    expect(numbers).toEqual(['0001', '0002', '0003', '0101', '0102']);

    const again = await assignForm(ctx, b!);
    expect(again).toMatchObject({ number: '0002', status: 'issued', donationId: b });
    expect((await liveFormOf(ctx, b!))?.number).toBe('0002');

    const exhausted = await failure(assignForm(ctx, f!));
    expect([exhausted.status, exhausted.code]).toEqual([422, 'receipt_forms_exhausted']);
    expect(exhausted.message).toMatch(/^Il ne reste aucune formule de reçu inutilisée/);
    await recordSeries(ctx, { firstNumber: '0004', lastNumber: '0010', receivedOn: '2027-02-01' });
    expect((await assignForm(ctx, f!)).number).toBe('0004');
  });

  it("gives a receipt only for money received, and knows no other campaign's gift", async () => {
    const ctx = campaign();
    await recordSeries(ctx, { firstNumber: '1', lastNumber: '50', receivedOn: '2027-01-10' });
    const pending = await gift(ctx, 'pending');
    const refused = await failure(assignForm(ctx, pending));
    expect([refused.status, refused.code]).toEqual([422, 'receipt_gift_not_received']);
    const elsewhere = await gift(campaign());
    expect((await failure(assignForm(ctx, elsewhere))).status).toBe(404);
    expect((await unusedForms(ctx))[0]!.count).toBe(50);
  });

  it('never reuses a spoiled or cancelled number; a spoiled gift gets the next one', async () => {
    const ctx = campaign();
    await recordSeries(ctx, {
      firstNumber: '00001',
      lastNumber: '00010',
      receivedOn: '2027-01-10',
    });
    const [a, b, c] = await gifts(ctx, 3);
    // A torn form, typed without its zeros, before any gift is written on it.
    const torn = await spoilForm(ctx, '2', 'Formule déchirée');
    expect(torn).toMatchObject({ number: '00002', status: 'spoiled', donationId: null });
    expect(await spoilForm(ctx, '00002', 'encore')).toMatchObject({ reason: 'Formule déchirée' });

    expect((await assignForm(ctx, a!)).number).toBe('00001');
    expect((await assignForm(ctx, b!)).number).toBe('00003');
    // Miswritten: spoiled, and the gift gets the next free number.
    const miswritten = await spoilForm(ctx, '00003', 'Erreur sur le montant');
    expect(miswritten).toMatchObject({ status: 'spoiled', donationId: b });
    expect(await liveFormOf(ctx, b!)).toBeNull();
    expect((await assignForm(ctx, b!)).number).toBe('00004');
    expect((await formsOfDonation(ctx, b!)).map((f) => [f.number, f.status])).toEqual([
      ['00003', 'spoiled'],
      ['00004', 'issued'],
    ]);

    // Refunded: its form is cancelled, and the number stays taken.
    const cancelled = await cancelForDonation(ctx, a!, 'Don remboursé');
    expect(cancelled).toMatchObject({
      number: '00001',
      status: 'cancelled',
      reason: 'Don remboursé',
    });
    expect(await cancelForDonation(ctx, a!, 'Don remboursé')).toBeNull();
    expect((await assignForm(ctx, c!)).number).toBe('00005');
    const stillCancelled = await failure(spoilForm(ctx, '1', 'erreur'));
    expect([stillCancelled.status, stillCancelled.code]).toEqual([422, 'receipt_form_cancelled']);

    expect((await failure(spoilForm(ctx, '11', 'x'))).code).toBe('receipt_form_unknown');
    expect((await failure(spoilForm(ctx, '6', '  '))).code).toBe('receipt_reason_required');
  });

  it('never gives one number to two gifts at the same moment, nor two forms to one gift', async () => {
    const ctx = campaign();
    await recordSeries(ctx, {
      firstNumber: '000100',
      lastNumber: '000199',
      receivedOn: '2027-01-10',
    });
    const ids = await gifts(ctx, 12);
    const forms = await Promise.all(ids.map((id) => assignForm(ctx, id)));
    const numbers = forms.map((f) => f.number).sort();
    expect(new Set(numbers).size).toBe(12);
    expect(numbers).toEqual(
      Array.from({ length: 12 }, (_, i) => formatIn({ firstNumber: '000100' }, 100 + i)),
    );

    const one = await gift(ctx);
    const same = await Promise.all([
      assignForm(ctx, one),
      assignForm(ctx, one),
      assignForm(ctx, one),
    ]);
    expect(new Set(same.map((f) => f.number))).toEqual(new Set(['000112']));
    expect(await formsOfDonation(ctx, one)).toHaveLength(1);

    // The database itself refuses a second live form for a gift, or a number used twice.
    const seriesId = forms[0]!.seriesId;
    expect(
      await pgCode(
        sql`INSERT INTO receipt_forms (campaign_id, series_id, number, seq, status, donation_id)
            VALUES (${ctx.campaignId}, ${seriesId}, '000150', 150, 'issued', ${one})`,
      ),
    ).toBe('23505');
    expect(
      await pgCode(
        sql`INSERT INTO receipt_forms (campaign_id, series_id, number, seq, status)
            VALUES (${ctx.campaignId}, ${seriesId}, '000100', 100, 'spoiled')`,
      ),
    ).toBe('23505');
  });

  it('lists the unused numbers and everything to return to the commission, adding up', async () => {
    const ctx = campaign();
    await recordSeries(ctx, { firstNumber: '0001', lastNumber: '0008', receivedOn: '2027-01-10' });
    await recordSeries(ctx, {
      firstNumber: '0020',
      lastNumber: '0024',
      receivedOn: '2027-02-10',
      note: 'Envoi 2',
    });
    const [a, b, c] = await gifts(ctx, 3);
    await assignForm(ctx, a!); // 0001
    await spoilForm(ctx, '2', 'Formule tachée');
    await assignForm(ctx, b!); // 0003
    await assignForm(ctx, c!); // 0004
    await cancelForDonation(ctx, c!, 'Don remboursé');
    await spoilForm(ctx, '22', 'Formule perdue');

    const unused = await unusedForms(ctx);
    expect(unused.map((u) => [u.series.firstNumber, u.ranges, u.count])).toEqual([
      ['0001', [{ first: '0005', last: '0008', count: 4 }], 4],
      [
        '0020',
        [
          { first: '0020', last: '0021', count: 2 },
          { first: '0023', last: '0024', count: 2 },
        ],
        4,
      ],
    ]);

    const list = await formsToReturn(ctx);
    expect(list.totals).toEqual({ issued: 2, spoiled: 2, cancelled: 1, unused: 8, total: 13 });
    const [first, second] = list.series;
    expect(first!.counts).toEqual({ issued: 2, spoiled: 1, cancelled: 1, unused: 4, total: 8 });
    expect(
      first!.lines.map((l) => [
        l.kind,
        'number' in l ? l.number : `${l.first}-${l.last}`,
        l.returns,
      ]),
    ).toEqual([
      ['issued', '0001', 'stub'],
      ['spoiled', '0002', 'whole_form'],
      ['issued', '0003', 'stub'],
      ['cancelled', '0004', 'stub'],
      ['unused', '0005-0008', 'whole_form'],
    ]);
    const stub = first!.lines[0]!;
    expect(stub).toMatchObject({ kind: 'issued', donationId: a, amountCents: 5_000 });
    expect(stub.kind === 'issued' && /^\d{4}-\d{2}-\d{2}$/.test(stub.issuedOn)).toBe(true);
    expect(first!.lines[3]).toMatchObject({ reason: 'Don remboursé', donationId: c });
    expect(second!.series.note).toBe('Envoi 2');
    expect(second!.lines.map((l) => l.kind)).toEqual(['unused', 'spoiled', 'unused']);
  });
});
