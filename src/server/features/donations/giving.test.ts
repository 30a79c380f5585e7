import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  Browser,
  type TestApp,
} from '../../testing/harness.ts';
import { donorTotal } from './ledger.ts';
import { applyPaymentEvent } from './payment-events.ts';
import { candidateSettings, giftForm, openCandidateDonations } from './test-fixtures.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(engines)('giving online on %s', (engine) => {
  let t: TestApp;
  let visitor: Browser;
  beforeAll(async () => {
    t = await createTestApp(engine, { DONATION_RATE_LIMIT: '1000' });
    const finance = await staffBrowser(t, 'finance@campaign.example', ['finance']);
    await openCandidateDonations(t, finance);
    visitor = new Browser(t.app, '10.9.0.1');
  });
  afterAll(async () => {
    await t?.close();
  });

  const give = (fields: Record<string, string> = {}) =>
    visitor.request('POST', '/donate', giftForm(fields), formHeaders);
  const gifts = async (email: string) =>
    t.ctx.database.query<{ id: number; status: string; amount_cents: number; person_id: number }>(
      `SELECT d.id, d.status, d.amount_cents::int AS amount_cents, d.person_id FROM donations d
         JOIN people p ON p.campaign_id = d.campaign_id AND p.id = d.person_id
        WHERE p.email_normalized = '${email}' ORDER BY d.id`,
    );

  it('shows the page with the notices the law requires', async () => {
    const page = await visitor.get('/donate');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jean Dupont, mandataire financier de Claire Martin');
    expect(page.body).toContain('1 septembre 2026');
    expect(page.body).toContain('ne peuvent excéder 4 600 euros');
    expect(page.body).toContain('L52-4');
  });

  it('links the page from the public header only while the campaign collects', async () => {
    const link = '<a href="/donate">Faire un don</a>';
    expect((await visitor.get('/')).body).toContain(link);
    expect((await visitor.get('/events')).body).toContain(link);
    const finance = await staffBrowser(t, 'finance@campaign.example', ['finance']);
    const over = candidateSettings({
      collection: { opensOn: '2020-01-01', closesOn: '2020-06-30' },
    });
    expect((await finance.put('/api/donations/settings', over)).statusCode).toBe(200);
    expect((await visitor.get('/')).body).not.toContain(link);
    expect((await visitor.get('/donate')).body).toContain('2020-06-30');
    expect((await finance.put('/api/donations/settings', candidateSettings())).statusCode).toBe(
      200,
    );
    expect((await visitor.get('/committees')).body).toContain(link);
  });

  it('takes a gift, sends the donor to the test payment page, and counts it once paid', async () => {
    const started = await give();
    expect(started.statusCode).toBe(303);
    const payPage = new URL(started.headers.location as string);
    expect(payPage.pathname).toMatch(/^\/donate\/pay\/dev\//);
    const [pending] = await gifts('alice@donors.example');
    expect(pending).toMatchObject({ status: 'pending', amount_cents: 5_000 });
    expect((await visitor.get(payPage.pathname)).body).toContain('50');
    const paid = await visitor.request('POST', payPage.pathname, 'outcome=succeed', formHeaders);
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toContain('/donate/thanks');
    const [done] = await gifts('alice@donors.example');
    expect(done!.status).toBe('succeeded');
    expect(await donorTotal(t.ctx, done!.person_id, 'election:1')).toBe(5_000);
    // The test page is gone once the payment is over.
    expect((await visitor.get(payPage.pathname)).statusCode).toBe(404);
  });

  it('mails the acknowledgement with its PDF, and shows the gift in the donor’s space', async () => {
    const mail = await t.smtp.waitFor(
      'alice@donors.example',
      (m) => m.subject.startsWith('Merci pour votre don'),
      10_000,
    );
    expect(mail.text.replace(/[\u00a0\u202f]/g, ' ')).toContain('votre don de 50,00 €');
    const [pdf] = mail.attachments;
    expect(pdf).toMatchObject({ contentType: 'application/pdf' });
    expect(pdf!.filename).toMatch(/^accuse-reception-don-\d+\.pdf$/);
    expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const donor = new Browser(t.app, '10.9.0.2');
    await donor.login(t, 'alice@donors.example');
    const mine = await donor.get('/api/me/donations');
    expect(mine.statusCode).toBe(200);
    const [gift] = mine.json() as Array<{ id: number; amountCents: number; status: string }>;
    expect(gift).toMatchObject({ amountCents: 5_000, status: 'succeeded', means: 'card' });
    const download = await donor.get(`/api/me/donations/${gift!.id}/acknowledgement.pdf`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf!.content)).toBe(true);
    // Another donor's gift is not theirs to read.
    const { browser: other } = await supporterBrowser(t, 'someone.else@donors.example');
    expect((await other.get('/api/me/donations')).json()).toEqual([]);
    expect((await other.get(`/api/me/donations/${gift!.id}/acknowledgement.pdf`)).statusCode).toBe(
      404,
    );
  });

  it('gives the room back when the payment fails', async () => {
    const started = await give({ email: 'failing@donors.example' });
    const path = new URL(started.headers.location as string).pathname;
    const failed = await visitor.request('POST', path, 'outcome=fail', formHeaders);
    expect(failed.headers.location).toContain('cancelled=1');
    const [gift] = await gifts('failing@donors.example');
    expect(gift!.status).toBe('failed');
    expect(await donorTotal(t.ctx, gift!.person_id, 'election:1')).toBe(0);
  });

  it('refuses past the cap in words, on the page and in the API, changing nothing', async () => {
    const email = 'big@donors.example';
    const first = await give({ email, amount: 'other', otherAmount: '4500' });
    const path = new URL(first.headers.location as string).pathname;
    await visitor.request('POST', path, 'outcome=succeed', formHeaders);
    const before = await gifts(email);
    const page = await give({ email, amount: 'other', otherAmount: '150,01' });
    expect(page.statusCode).toBe(422);
    expect(page.body.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'Ce don porterait votre total pour cette élection à 4 650,01 € ; le maximum légal est de 4 600 €. Vous pouvez encore donner 100 €.',
    );
    expect(page.body).toContain('value="150,01"');
    const api = await visitor.post('/api/donations/gifts', {
      amount: '100.01',
      frequency: 'once',
      donor: {
        civility: null,
        firstName: 'Big',
        lastName: 'Donor',
        addressLine1: '1 place Bellecour',
        postalCode: '69002',
        commune: 'Lyon',
        email,
      },
      naturalPerson: true,
      frenchOrResident: true,
      locale: 'en',
    });
    expect(api.statusCode).toBe(422);
    expect(api.json()).toMatchObject({ code: 'above_cap' });
    expect(api.json().detail ?? api.json().message).toMatch(/legal maximum is €4,600/);
    const exactly = await give({ email, amount: 'other', otherAmount: '100' });
    expect(exactly.statusCode).toBe(303);
    expect((await gifts(email)).length).toBe(before.length + 1);
  });

  it('gives every field its error for bad input, and writes nothing', async () => {
    const count = async () =>
      (await t.ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM donations'))[0]!.n;
    const before = await count();
    for (const otherAmount of ['0', '-5', '12,345', '1e3', 'abc', '99999999999']) {
      const page = await give({ amount: 'other', otherAmount, email: 'bad@donors.example' });
      expect(page.statusCode, otherAmount).toBe(400);
      expect(page.body).toContain('au plus deux décimales');
    }
    const missing = await give({ firstName: '', naturalPerson: '', email: 'nope' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Ce champ est obligatoire.');
    expect(missing.body).toContain('Cette attestation est nécessaire pour donner.');
    expect(missing.body).toContain('Indiquez une adresse e-mail valide.');
    const script = await give({ lastName: '<script>alert(1)</script>', naturalPerson: '' });
    expect(script.body).not.toContain('<script>alert(1)</script>');
    // A Belgian living in Belgium may not give, whatever is ticked; the form keeps the choice.
    const abroad = await give({
      email: 'jan@donors.example',
      nationality: 'BE',
      country: 'BE',
      postalCode: '1000',
      commune: 'Bruxelles',
    });
    expect(abroad.statusCode).toBe(422);
    expect(abroad.body).toContain('il faut être de nationalité française ou résider en France');
    expect(abroad.body).toContain('<option value="BE" selected>Belgique</option>');
    const forged = await give({ email: 'forged@donors.example', nationality: 'belge' });
    expect(forged.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('asks the nationality, France first, and takes a foreigner living in France', async () => {
    const page = (await visitor.get('/donate')).body;
    expect(page).toMatch(
      /<label for="donate-nationality">Nationalité \(pays\)<\/label>\s*<select id="donate-nationality" name="nationality"><option value="FR" selected>France<\/option><option value="AF">Afghanistan<\/option>/,
    );
    expect(page).not.toContain('<option value="GP">');
    const resident = await give({ email: 'ana@donors.example', nationality: 'ES' });
    expect(resident.statusCode).toBe(303);
    const [gift] = await t.ctx.database.query<{ nationality: string }>(
      `SELECT d.donor->>'nationality' AS nationality FROM donations d
        WHERE d.donor->>'email' = 'ana@donors.example'`,
    );
    expect(gift!.nationality).toBe('ES');
  });

  it('takes gifts sent at the same moment together, and never past one donor’s cap', async () => {
    const body = (email: string, amount: string) => ({
      amount,
      frequency: 'once',
      donor: {
        civility: null,
        firstName: 'Same',
        lastName: 'Moment',
        addressLine1: '1 cours Lafayette',
        postalCode: '69003',
        commune: 'Lyon',
        email,
      },
      naturalPerson: true,
      frenchOrResident: true,
    });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        visitor.post(
          '/api/donations/gifts',
          body(i < 25 ? 'burst@donors.example' : `other${i}@donors.example`, '200'),
        ),
      ),
    );
    const burst = answers.slice(0, 25);
    expect(burst.filter((a) => a.statusCode === 200)).toHaveLength(23);
    expect(burst.filter((a) => a.statusCode === 422).map((a) => a.json().code)).toEqual([
      'above_cap',
      'above_cap',
    ]);
    expect(answers.slice(25).every((a) => a.statusCode === 200)).toBe(true);
    const ids = burst.filter((a) => a.statusCode === 200).map((a) => a.json().donationId as number);
    expect(new Set(ids).size).toBe(23);
    const [gift] = await gifts('burst@donors.example');
    expect(await donorTotal(t.ctx, gift!.person_id, 'election:1')).toBe(460_000);
  });

  it('processes a replayed payment event once', async () => {
    const started = await give({ email: 'replay@donors.example' });
    const [gift] = await gifts('replay@donors.example');
    const ref = decodeURIComponent(
      new URL(started.headers.location as string).pathname.split('/').pop()!,
    ).replace(/\.[^.]+$/, '');
    const event = {
      kind: 'payment_succeeded' as const,
      eventId: 'evt_replayed',
      paymentRef: ref,
      chargeRef: 'ch_1',
      donationId: gift!.id,
      amountCents: 5_000,
      savedCard: null,
    };
    const outcomes = [];
    for (let i = 0; i < 1_000; i++)
      outcomes.push(await applyPaymentEvent(t.ctx, 'development', event));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(999);
    const mails = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'donation_acknowledgement'
         AND to_address = 'replay@donors.example'`,
    );
    expect(mails[0]!.n).toBe(1);
  });

  it('refuses an election the campaign does not have, changing nothing', async () => {
    const finance = await staffBrowser(t, 'finance@campaign.example', ['finance']);
    const refused = await finance.put(
      '/api/donations/settings',
      candidateSettings({ electionId: 4242 }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'unknown_election',
      errors: [{ field: 'electionId', code: 'unknown_election' }],
    });
    expect((await finance.get('/api/donations/settings')).json().electionId).toBe(1);
    expect((await finance.get('/api/donations/elections')).json()).toEqual([
      { id: 1, name: 'Municipales', firstRound: '2029-03-11' },
    ]);
    expect((await visitor.get('/api/donations/elections')).statusCode).toBe(401);
  });

  it('refuses the settings to anyone without the finance permission', async () => {
    const staff = await staffBrowser(t, 'staff@campaign.example', ['staff']);
    expect((await staff.get('/api/donations/settings')).statusCode).toBe(403);
    expect((await staff.get('/api/donations/elections')).statusCode).toBe(403);
    expect((await staff.put('/api/donations/settings', candidateSettings())).statusCode).toBe(403);
    expect((await visitor.get('/api/donations/settings')).statusCode).toBe(401);
  });
});
