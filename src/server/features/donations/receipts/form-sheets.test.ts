import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../../../core/db/statement.ts';
import type { Browser } from '../../../testing/harness.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { pdfTextLines } from '../../../testing/pdf-text.ts';
import { candidateSettings, openCandidateDonations } from '../test-fixtures.ts';
import { renderFormSheetsPdf } from './form-sheets-pdf.ts';
import { agentAddressLines, formSheets } from './form-sheets.ts';

const cheque = (lastName: string, amount: string, givenOn: string) => ({
  donor: {
    civility: 'Mme',
    firstName: 'Anne',
    lastName,
    addressLine1: '8 quai de la Fosse',
    postalCode: '44000',
    commune: 'Nantes',
    email: `${lastName.toLowerCase()}@donors.example`,
  },
  amount,
  means: 'cheque',
  givenOn,
  bank: 'Crédit Mutuel',
  chequeNumber: '7654321',
  naturalPerson: true,
  frenchOrResident: true,
});

describe.each(engines)('receipts to fill in and send on %s', (engine) => {
  let t: TestApp;
  let finance: Browser;
  beforeAll(async () => {
    t = await createTestApp(engine);
    finance = await staffBrowser(t, 'mandataire@campaign.example', ['finance']);
    await openCandidateDonations(t, finance);
  });
  afterAll(async () => {
    await t?.close();
  });

  const record = async (lastName: string, amount: string, givenOn: string) => {
    const response = await finance.post('/api/donations/manual', cheque(lastName, amount, givenOn));
    expect(response.statusCode, response.body).toBe(200);
    return response.json().id as number;
  };

  it('gives forms in the order the money came, prints what goes on each, and marks them sent', async () => {
    const late = await record('Leroux', '40', '2027-02-12');
    const big = await record('Bastide', '3500', '2027-02-10');
    const middle = await record('Morin', '60', '2027-02-11');
    await record('Vidal', '20', '2027-02-13');
    expect(
      (
        await finance.post('/api/donations/receipt-series', {
          firstNumber: '000201',
          lastNumber: '000203',
          receivedOn: '2027-01-20',
        })
      ).statusCode,
    ).toBe(200);

    const assigned = await finance.post('/api/donations/receipt-forms/assign-all');
    expect(assigned.json()).toEqual({ assigned: 3, first: '000201', last: '000203', waiting: 1 });
    const toSend = (await finance.get('/api/donations/receipt-forms/to-send')).json();
    expect(toSend.total).toBe(3);
    expect(
      toSend.forms.map((f: { number: string; donationId: number }) => [f.number, f.donationId]),
    ).toEqual([
      ['000201', big],
      ['000202', middle],
      ['000203', late],
    ]);
    expect(toSend.forms[0]).toMatchObject({
      donorName: 'Anne Bastide',
      amountCents: 350_000,
      givenOn: '2027-02-10',
      sentOn: null,
    });

    // Forms run out: the last gift waits, and a second call changes nothing.
    expect((await finance.post('/api/donations/receipt-forms/assign-all')).json()).toEqual({
      assigned: 0,
      first: null,
      last: null,
      waiting: 1,
    });
    await finance.post('/api/donations/receipt-series', {
      firstNumber: '000204',
      lastNumber: '000210',
      receivedOn: '2027-02-20',
    });
    expect((await finance.post('/api/donations/receipt-forms/assign-all')).json()).toMatchObject({
      assigned: 1,
      first: '000204',
      waiting: 0,
    });
    expect((await finance.get(`/api/donations?q=vidal`)).json().items[0].receiptNumber).toBe(
      '000204',
    );

    const sheets = await finance.get('/api/donations/receipt-forms/sheets.pdf?from=201&to=202');
    expect(sheets.statusCode).toBe(200);
    expect(sheets.headers['content-type']).toBe('application/pdf');
    expect(sheets.headers['content-disposition']).toMatch(/attachment; filename="levier-recus-/);
    expect(sheets.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [audited] = await runSql<{ details: Record<string, unknown> }>(
      t.ctx.database,
      sql`SELECT details FROM audit_log WHERE action = 'donations.export' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited!.details).toMatchObject({
      file: 'receipt-sheets.pdf',
      forms: 2,
      first: '000201',
      last: '000202',
    });

    const contents = await formSheets(t.ctx, { from: '201', to: '202' });
    expect(contents.map((c) => c.number)).toEqual(['000201', '000202']);
    const text = pdfTextLines(
      await renderFormSheetsPdf(
        contents,
        { beneficiary: 'Claire Martin', printedOn: '01/03/2027' },
        { compress: false },
      ),
    ).join('\n');
    expect(text).toContain('Formule n° 000201 (don)');
    expect(text).toContain('Mme Anne Bastide');
    expect(text).toContain('8 quai de la Fosse');
    expect(text).toContain('trois mille cinq cents euros');
    expect(text).toContain('10/02/2027');
    expect(text).toContain('Nationalité');
    // A candidate's receipt never names the agent, even above 3,000 EUR (R39-1 since 2018).
    expect(text).not.toContain('Jean Dupont');
    expect(contents.some((c) => c.lines.some((line) => line.key === 'agent'))).toBe(false);

    const marked = await finance.post('/api/donations/receipt-forms/sent', {
      from: '000201',
      to: '000202',
    });
    expect(marked.json()).toEqual({ marked: 2 });
    expect(
      (await finance.post('/api/donations/receipt-forms/sent', { from: '201', to: '202' })).json(),
    ).toEqual({ marked: 0 });
    const left = (await finance.get('/api/donations/receipt-forms/to-send')).json();
    expect(left.forms.map((f: { number: string }) => f.number)).toEqual(['000203', '000204']);
    // With no range, the sheets hold the receipts not yet sent.
    expect((await formSheets(t.ctx, {})).map((c) => c.number)).toEqual(['000203', '000204']);
  });

  it('refuses ranges that are not form numbers, or run backwards, changing nothing', async () => {
    const before = (await finance.get('/api/donations/receipt-forms/to-send')).json().total;
    const letters = await finance.get('/api/donations/receipt-forms/sheets.pdf?from=abc');
    expect(letters.statusCode).toBe(400);
    expect(letters.json().errors[0]).toMatchObject({ field: 'from' });
    const backwards = await finance.get('/api/donations/receipt-forms/sheets.pdf?from=9&to=3');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('receipt_range_backwards');
    const markBackwards = await finance.post('/api/donations/receipt-forms/sent', {
      from: '000210',
      to: '000201',
    });
    expect(markBackwards.json().code).toBe('receipt_range_backwards');
    const open = await finance.post('/api/donations/receipt-forms/sent', { from: '000201' });
    expect(open.statusCode).toBe(400);
    expect((await finance.get('/api/donations/receipt-forms/to-send')).json().total).toBe(before);
  });

  it('refuses paper forms to the dematerialised procedure', async () => {
    const party = candidateSettings({
      mode: 'party',
      electionId: null,
      collection: null,
      receiptProcedure: 'dematerialised',
    });
    expect((await finance.put('/api/donations/settings', party)).statusCode).toBe(200);
    const refused = await finance.post('/api/donations/receipt-forms/assign-all');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('receipt_forms_not_paper');
    expect((await finance.put('/api/donations/settings', candidateSettings())).statusCode).toBe(
      200,
    );
  });

  it('refuses these routes to staff without the finance role and to supporters', async () => {
    const staff = await staffBrowser(t, 'staff@campaign.example', ['staff']);
    const { browser: supporter } = await supporterBrowser(t, 'supporter@donors.example');
    for (const browser of [staff, supporter]) {
      for (const [method, url] of [
        ['POST', '/api/donations/receipt-forms/assign-all'],
        ['GET', '/api/donations/receipt-forms/to-send'],
        ['GET', '/api/donations/receipt-forms/sheets.pdf'],
        ['POST', '/api/donations/receipt-forms/sent'],
      ] as const) {
        const response = await browser.request(
          method,
          url,
          method === 'POST' ? { from: '1', to: '9' } : undefined,
        );
        expect(response.statusCode, `${method} ${url}`).toBe(403);
      }
    }
  });
});

describe('the agent’s address on a receipt', () => {
  it('is written one line per line typed, or per comma', () => {
    expect(agentAddressLines('1 rue de la Paix, 75002 Paris')).toEqual([
      '1 rue de la Paix',
      '75002 Paris',
    ]);
    expect(agentAddressLines('AFE Martin\n1 rue de la Paix, bât. B\n75002 Paris')).toEqual([
      'AFE Martin',
      '1 rue de la Paix, bât. B',
      '75002 Paris',
    ]);
  });
});
