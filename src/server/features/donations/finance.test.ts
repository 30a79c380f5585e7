import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../../testing/harness.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { OPERATION_COLUMNS } from './receipts/cnccfp-tsv.ts';
import { candidateSettings, openCandidateDonations } from './test-fixtures.ts';

const donor = (email: string, overrides: Record<string, string> = {}) => ({
  civility: 'M',
  firstName: 'Paul',
  lastName: 'Lefèvre',
  addressLine1: '3 rue Victor Hugo',
  postalCode: '33000',
  commune: 'Bordeaux',
  email,
  ...overrides,
});

const cheque = (email: string, amount: string, overrides: Record<string, unknown> = {}) => ({
  donor: donor(email),
  amount,
  means: 'cheque',
  givenOn: '2027-02-10',
  bank: 'Banque Populaire',
  chequeNumber: '1234567',
  naturalPerson: true,
  frenchOrResident: true,
  ...overrides,
});

describe.each(engines)('the finance back office on %s', (engine) => {
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

  it('records cheques, transfers and cash up to the cap of 4,600 EUR, and not one cent more', async () => {
    const email = 'paul@donors.example';
    const first = await finance.post('/api/donations/manual', cheque(email, '3000'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      amountCents: 300_000,
      means: 'cheque',
      status: 'succeeded',
      meansDetail: { bank: 'Banque Populaire', chequeNumber: '1234567' },
    });
    const transfer = await finance.post(
      '/api/donations/manual',
      cheque(email, '1 499,99', { means: 'transfer', reference: 'VIR-2027-1' }),
    );
    expect(transfer.statusCode).toBe(200);
    const over = await finance.post(
      '/api/donations/manual',
      cheque(email, '100,02', { means: 'cash' }),
    );
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('above_cap');
    const exactly = await finance.post(
      '/api/donations/manual',
      cheque(email, '100,01', { means: 'cash' }),
    );
    expect(exactly.statusCode).toBe(200);
    const oneMore = await finance.post('/api/donations/manual', cheque(email, '0,01'));
    expect(oneMore.json()).toMatchObject({ code: 'above_cap' });
    const listed = await finance.get('/api/donations?q=lefevre');
    expect(listed.json().total).toBe(3);
    const near = (await finance.get('/api/donations/near-cap')).json() as Array<{
      email: string;
      leftCents: number;
    }>;
    expect(near.find((d) => d.email === email)?.leftCents).toBe(0);
  });

  it('refuses cash above 150 EUR, bad amounts and missing attestations, changing nothing', async () => {
    const before = (await finance.get('/api/donations')).json().total as number;
    const cash = await finance.post(
      '/api/donations/manual',
      cheque('cash@donors.example', '150,01', { means: 'cash' }),
    );
    expect(cash.json()).toMatchObject({ code: 'cash_above_150' });
    for (const amount of ['0', '-1', '10,001', 'dix']) {
      const bad = await finance.post('/api/donations/manual', cheque('bad@donors.example', amount));
      expect(bad.statusCode, amount).toBe(400);
      expect(bad.json().errors[0]).toMatchObject({ field: 'amount', code: 'invalid_amount' });
    }
    const unattested = await finance.post(
      '/api/donations/manual',
      cheque('firm@donors.example', '50', { naturalPerson: false }),
    );
    expect(unattested.json()).toMatchObject({ code: 'not_natural_person' });
    expect((await finance.get('/api/donations')).json().total).toBe(before);
  });

  it('takes a foreigner living in France, and refuses one living abroad, by what they state', async () => {
    const resident = await finance.post(
      '/api/donations/manual',
      cheque('ana@donors.example', '50', {
        donor: donor('ana@donors.example', { firstName: 'Ana', nationality: 'ES' }),
      }),
    );
    expect(resident.statusCode, resident.body).toBe(200);
    const before = (await finance.get('/api/donations')).json().total as number;
    const abroad = await finance.post(
      '/api/donations/manual',
      cheque('jan@donors.example', '50', {
        donor: donor('jan@donors.example', {
          firstName: 'Jan',
          nationality: 'BE',
          country: 'BE',
          postalCode: '1000',
          commune: 'Bruxelles',
        }),
      }),
    );
    expect(abroad.statusCode).toBe(422);
    expect(abroad.json().code).toBe('not_french_nor_resident');
    expect((await finance.get('/api/donations')).json().total).toBe(before);
  });

  it('numbers receipts from the recorded series, and a refund cancels the receipt and frees the cap', async () => {
    const series = await finance.post('/api/donations/receipt-series', {
      firstNumber: '000101',
      lastNumber: '000150',
      receivedOn: '2027-01-15',
    });
    expect(series.statusCode).toBe(200);
    const gift = (
      await finance.post('/api/donations/manual', cheque('rosa@donors.example', '200'))
    ).json();
    const form = await finance.post(`/api/donations/${gift.id}/receipt`);
    expect(form.json()).toMatchObject({ number: '000101', status: 'issued', donationId: gift.id });
    expect((await finance.post(`/api/donations/${gift.id}/receipt`)).json().number).toBe('000101');
    const refunded = await finance.post(`/api/donations/${gift.id}/refund`);
    expect(refunded.json()).toMatchObject({ status: 'refunded', receiptNumber: null });
    expect((await finance.post(`/api/donations/${gift.id}/refund`)).json().code).toBe(
      'not_refundable',
    );
    const next = (
      await finance.post('/api/donations/manual', cheque('rosa@donors.example', '4600'))
    ).json();
    // The cancelled form keeps its number: the next gift takes the next one.
    expect((await finance.post(`/api/donations/${next.id}/receipt`)).json().number).toBe('000102');
    const left = (await finance.get('/api/donations/receipt-series')).json();
    expect(left[0]).toMatchObject({ firstNumber: '000101', unused: 48 });
    expect((await finance.post('/api/donations/999999/receipt')).statusCode).toBe(404);
    const toReturn = await finance.get('/api/donations/receipt-forms/to-return');
    expect(toReturn.statusCode).toBe(200);
    expect(toReturn.json().totals).toMatchObject({
      issued: 1,
      cancelled: 1,
      unused: 48,
      total: 50,
    });
    const payouts = await finance.get('/api/donations/payouts');
    expect([payouts.statusCode, payouts.json()]).toEqual([200, []]);
  });

  it('groups cheques on a remittance slip, only received cheques not yet banked', async () => {
    const a = (
      await finance.post('/api/donations/manual', cheque('slip1@donors.example', '20'))
    ).json();
    const b = (
      await finance.post('/api/donations/manual', cheque('slip2@donors.example', '30'))
    ).json();
    const slip = await finance.post('/api/donations/remittance-slips', {
      means: 'cheque',
      depositedOn: '2027-02-12',
      donationIds: [a.id, b.id],
    });
    expect(slip.json()).toMatchObject({ number: '2027-001', count: 2, totalCents: 5_000 });
    const again = await finance.post('/api/donations/remittance-slips', {
      means: 'cheque',
      depositedOn: '2027-02-13',
      donationIds: [a.id],
    });
    expect(again.json().code).toBe('remittance_invalid_gifts');
  });

  it('flags donors with the same name and address under two emails, and merged they share one cap', async () => {
    const one = (
      await finance.post(
        '/api/donations/manual',
        cheque('marie@one.example', '3000', {
          donor: donor('marie@one.example', { firstName: 'Marie', lastName: 'Curie' }),
        }),
      )
    ).json();
    const two = (
      await finance.post(
        '/api/donations/manual',
        cheque('marie@two.example', '1000', {
          donor: donor('marie@two.example', { firstName: 'MARIE', lastName: 'Curie ' }),
        }),
      )
    ).json();
    const groups = (await finance.get('/api/donations/duplicate-donors')).json() as Array<{
      people: Array<{ personId: number }>;
    }>;
    const group = groups.find((g) => g.people.some((p) => p.personId === one.personId));
    expect(group?.people.map((p) => p.personId).sort()).toEqual(
      [one.personId, two.personId].sort(),
    );
    const merged = await finance.post('/api/donations/duplicate-donors/merge', {
      keptId: one.personId,
      mergedId: two.personId,
    });
    expect(merged.statusCode).toBe(200);
    const over = await finance.post(
      '/api/donations/manual',
      cheque('marie@one.example', '600,01', {
        donor: donor('marie@one.example', { firstName: 'Marie', lastName: 'Curie' }),
      }),
    );
    expect(over.json()).toMatchObject({ code: 'above_cap' });
    const stranger = (
      await finance.post(
        '/api/donations/manual',
        cheque('other@donors.example', '10', {
          donor: donor('other@donors.example', { firstName: 'Zoé', lastName: 'Autre' }),
        }),
      )
    ).json();
    const refused = await finance.post('/api/donations/duplicate-donors/merge', {
      keptId: one.personId,
      mergedId: stranger.personId,
    });
    expect(refused.json().code).toBe('not_duplicate_donors');
  });

  it('exports the account annex (audited) and the commission’s files in party mode', async () => {
    const csv = await finance.get('/api/donations/exports/account.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="levier-dons-/);
    expect(csv.body).toContain('Banque Populaire;1234567');
    expect(csv.body).toContain(';commune;pays;nationalite;banque;');
    expect(csv.body).toContain(';Bordeaux;FR;FR;Banque Populaire;1234567');
    expect(csv.body).toContain(';rembourse;');
    const tsvCandidate = await finance.get('/api/donations/exports/commission/operations.tsv');
    expect(tsvCandidate.json().code).toBe('commission_export_party_only');
    await finance.put(
      '/api/donations/settings',
      candidateSettings({
        mode: 'party',
        electionId: null,
        collection: null,
        receiptProcedure: 'dematerialised',
        agent: {
          ...candidateSettings().agent,
          commissionId: 'MF-0042',
          phone: '0102030405',
          email: 'mf@party.example',
        },
      }),
    );
    // Checked field by field: cheques and cash not yet banked have no remittance slip.
    const unbanked = await finance.get('/api/donations/exports/commission/operations.tsv');
    expect(unbanked.json()).toMatchObject({ code: 'commission_export_invalid' });
    expect(unbanked.json().detail).toContain('bordereau de remise');
    for (const means of ['cheque', 'cash'] as const) {
      const { items } = (await finance.get(`/api/donations?means=${means}&limit=200`)).json() as {
        items: Array<{ id: number; remittanceNumber: string | null; status: string }>;
      };
      const ids = items
        .filter((g) => !g.remittanceNumber && g.status !== 'failed')
        .map((g) => g.id);
      if (ids.length)
        expect(
          (
            await finance.post('/api/donations/remittance-slips', {
              means,
              depositedOn: '2027-02-20',
              donationIds: ids,
            })
          ).statusCode,
        ).toBe(200);
    }
    const tsv = await finance.get('/api/donations/exports/commission/operations.tsv');
    expect(tsv.statusCode).toBe(200);
    const lines = tsv.body.split('\r\n').filter(Boolean);
    expect(lines[0]!.split('\t')).toHaveLength(OPERATION_COLUMNS.length);
    expect(lines.some((line) => line.includes('Banque') || line.includes('CHEQUE'))).toBe(true);
    const audits = await t.ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'donations.export'",
    );
    expect(audits[0]!.n).toBe(2);
  });

  it('refuses every finance route to staff and supporters, and shows staff sums only', async () => {
    const staff = await staffBrowser(t, 'staff@campaign.example', ['staff']);
    const { browser: supporter } = await supporterBrowser(t, 'supporter@donors.example');
    const summary = await staff.get('/api/donations/summary');
    expect(summary.statusCode).toBe(200);
    expect(summary.json().count).toBeGreaterThan(0);
    expect(JSON.stringify(summary.json())).not.toContain('@');
    expect((await supporter.get('/api/donations/summary')).statusCode).toBe(403);
    for (const browser of [staff, supporter]) {
      for (const [method, url] of [
        ['GET', '/api/donations'],
        ['GET', '/api/donations/totals'],
        ['GET', '/api/donations/exports/account.csv'],
        ['POST', '/api/donations/manual'],
        ['POST', '/api/donations/1/refund'],
      ] as const) {
        const response = await browser.request(method, url, method === 'POST' ? {} : undefined);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
      }
    }
  });
});
