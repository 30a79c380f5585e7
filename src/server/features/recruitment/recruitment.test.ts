import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  signupBody,
  type TestApp,
} from '../../testing/harness.ts';
import { purgeUnconfirmed } from './service.ts';

describe.each(engines)('recruitment on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs up, emails a confirmation link over SMTP and confirms on click', async () => {
    const browser = new Browser(t.app);
    const response = await browser.post(
      '/api/signup',
      signupBody({ email: 'Alice@Example.org', firstName: 'Alice', phone: '06 12 34 56 78' }),
    );
    expect(response.statusCode).toBe(200);
    const mail = await t.smtp.waitFor('alice@example.org', (m) =>
      m.text.includes('/confirm?token='),
    );
    expect(mail.subject).toMatch(/Confirmez votre inscription/);
    const [before] = await t.ctx.database.query<{
      confirmed_at: Date | null;
      consent_email: boolean;
      phone: string;
    }>(
      "SELECT confirmed_at, consent_email, phone FROM people WHERE email_normalized = 'alice@example.org'",
    );
    expect(before.confirmed_at).toBeNull();
    expect(before.consent_email).toBe(false);
    expect(before.phone).toBe('+33612345678');

    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    const confirm = await browser.post('/api/signup/confirm', { token });
    expect(confirm.statusCode).toBe(200);
    const [after] = await t.ctx.database.query<{
      id: number;
      confirmed_at: Date | null;
      consent_email: boolean;
      consent_sms: boolean;
      commune_name: string;
      recruit_code: string;
    }>(
      "SELECT id, confirmed_at, consent_email, consent_sms, commune_name, recruit_code FROM people WHERE email_normalized = 'alice@example.org'",
    );
    expect(confirm.json()).toEqual({
      ok: true,
      firstName: 'Alice',
      recruitCode: after.recruit_code,
      recruitUrl: `${t.ctx.config.publicUrl}/?r=${after.recruit_code}`,
    });
    expect(after.confirmed_at).not.toBeNull();
    expect(after.consent_email).toBe(true);
    expect(after.consent_sms).toBe(false);
    expect(after.commune_name).toBe('Lyon');
    const consents = await t.ctx.database.query<{
      channel: string;
      source: string;
      wording_version: string;
    }>('SELECT channel, source, wording_version FROM consent_events WHERE person_id = $1', [
      after.id,
    ]);
    expect(consents).toEqual([
      { channel: 'email', source: 'signup', wording_version: 'fr-2026-11' },
    ]);
    // Clicking twice is harmless.
    expect((await browser.post('/api/signup/confirm', { token })).statusCode).toBe(200);
  });

  it('never duplicates a known email and answers the same either way', async () => {
    const browser = new Browser(t.app);
    const first = await browser.post('/api/signup', signupBody({ email: 'bob@example.org' }));
    const second = await browser.post(
      '/api/signup',
      signupBody({ email: 'BOB@example.org ', firstName: 'Robert' }),
    );
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.body).toBe(first.body);
    const rows = await t.ctx.database.query(
      "SELECT id FROM people WHERE email_normalized = 'bob@example.org'",
    );
    expect(rows).toHaveLength(1);
  });

  it('applies a new submission for a known person only once its email owner confirms', async () => {
    const id = await signupAndConfirm(t, { email: 'carla@example.org', firstName: 'Carla' });
    const browser = new Browser(t.app);
    await browser.post(
      '/api/signup',
      signupBody({
        email: 'carla@example.org',
        firstName: 'Mallory',
        consents: { email: true, sms: true, phone: true },
      }),
    );
    const [unchanged] = await t.ctx.database.query<{ first_name: string; consent_sms: boolean }>(
      'SELECT first_name, consent_sms FROM people WHERE id = $1',
      [id],
    );
    expect(unchanged).toEqual({ first_name: 'Carla', consent_sms: false });
  });

  it('rejects invalid email, phone and postal code with field errors and stores nothing', async () => {
    const browser = new Browser(t.app);
    const response = await browser.post(
      '/api/signup',
      signupBody({ email: 'not-an-email', phone: '123', postalCode: '99999' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    expect(
      body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort(),
    ).toEqual(['email:invalid_email', 'phone:invalid_phone', 'postalCode:unknown_postal_code']);
    const rows = await t.ctx.database.query("SELECT id FROM people WHERE email = 'not-an-email'");
    expect(rows).toHaveLength(0);
  });

  it('asks for the commune when a postal code covers several', async () => {
    const lookup = await new Browser(t.app).get('/api/geo/postal-codes/01400');
    expect(lookup.json().communes.length).toBeGreaterThan(1);
    const browser = new Browser(t.app);
    const missing = await browser.post(
      '/api/signup',
      signupBody({ email: 'dan@example.org', postalCode: '01400' }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({
      field: 'communeCode',
      code: 'commune_required',
    });
    const chosen = await browser.post(
      '/api/signup',
      signupBody({ email: 'dan@example.org', postalCode: '01400', communeCode: '01001' }),
    );
    expect(chosen.statusCode).toBe(200);
  });

  it('finds communes by name, accents and case ignored, biggest first', async () => {
    const browser = new Browser(t.app);
    const search = async (q: string) => {
      const response = await browser.get(`/api/geo/communes?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      return response.json() as Array<{ code: string; name: string; postalCodes: string[] }>;
    };
    const saintEtienne = await search('saint etienne');
    expect(saintEtienne[0]).toEqual({
      code: '42218',
      name: 'Saint-Étienne',
      departementCode: '42',
      population: expect.any(Number),
      postalCodes: ['42000', '42100', '42230'],
    });
    expect(saintEtienne.length).toBeLessThanOrEqual(20);
    expect((await search('ST-ÉTIENNE'))[0].code).toBe('42218');
    // Names that start with the query before those that only contain it.
    const lyon = await search('lyon');
    expect(lyon[0].name).toBe('Lyon');
    expect(lyon.findIndex((c) => !c.name.startsWith('Lyon'))).toBeGreaterThan(0);
    const etienne = await search('étienne');
    expect(etienne.map((c) => c.code)).toContain('42218');
    expect(await search('zzzz')).toEqual([]);
  });

  it('finds communes by postal code or INSEE code prefix', async () => {
    const browser = new Browser(t.app);
    const codes = async (q: string) =>
      ((await browser.get(`/api/geo/communes?q=${q}`)).json() as Array<{ code: string }>).map(
        (c) => c.code,
      );
    expect((await codes('750'))[0]).toBe('75056');
    // 42100 is a postal code of Saint-Étienne and the INSEE code of a smaller commune.
    expect((await codes('42100'))[0]).toBe('42218');
    expect(await codes('42100')).toHaveLength(2);
    expect(await codes('4221')).toContain('42218');
    expect(await codes('2A004')).toEqual(['2A004']);
    const inAin = await codes('01');
    expect(inAin).toHaveLength(20);
  });

  it('refuses a commune search shorter than 2 characters', async () => {
    const browser = new Browser(t.app);
    for (const url of [
      '/api/geo/communes?q=a',
      '/api/geo/communes?q=%20a%20',
      '/api/geo/communes',
    ]) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const body = response.json();
      expect(body.code).toBe('validation_failed');
      expect(body.errors[0].field).toBe('q');
    }
    const short = (await browser.get('/api/geo/communes?q=a')).json();
    expect(short.errors[0].code).toBe('too_short');
  });

  it('names communes from their codes', async () => {
    const browser = new Browser(t.app);
    const response = await browser.get('/api/geo/communes/by-code?codes=69123,nope,44109,69123');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      expect.objectContaining({ code: '69123', name: 'Lyon', departementCode: '69' }),
      expect.objectContaining({ code: '44109', name: 'Nantes', departementCode: '44' }),
    ]);
    const tooMany = Array.from({ length: 201 }, (_, i) => String(10000 + i)).join(',');
    const refused = await browser.get(`/api/geo/communes/by-code?codes=${tooMany}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('validation_failed');
  });

  it('refuses HTML in names, and mails nothing', async () => {
    const browser = new Browser(t.app);
    const response = await browser.post(
      '/api/signup',
      signupBody({ email: 'xss@example.org', firstName: '<script>alert(1)</script>' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'firstName', code: 'invalid_name' }),
    ]);
    const queued = await t.ctx.database.query(
      "SELECT 1 FROM mail_outbox WHERE to_address = 'xss@example.org'",
    );
    expect(queued).toHaveLength(0);
  });

  it('credits the recruiter and stores UTM attribution', async () => {
    const recruiterId = await signupAndConfirm(t, { email: 'rita@example.org' });
    const [{ recruit_code: code }] = await t.ctx.database.query<{ recruit_code: string }>(
      'SELECT recruit_code FROM people WHERE id = $1',
      [recruiterId],
    );
    await signupAndConfirm(t, {
      email: 'recruit1@example.org',
      ref: code,
      utmSource: 'twitter',
      utmMedium: 'social',
      utmCampaign: 'launch',
    });
    const [row] = await t.ctx.database.query<{
      recruited_by: number;
      utm_source: string;
      utm_campaign: string;
    }>(
      "SELECT recruited_by, utm_source, utm_campaign FROM people WHERE email_normalized = 'recruit1@example.org'",
    );
    expect(row).toEqual({
      recruited_by: recruiterId,
      utm_source: 'twitter',
      utm_campaign: 'launch',
    });
    const browser = new Browser(t.app);
    await browser.login(t, 'rita@example.org');
    const profile = (await browser.get('/api/me/profile')).json();
    expect(profile.recruitedCount).toBe(1);
    expect(profile.recruitUrl).toBe(`http://levier.test/?r=${code}`);
  });

  it('writes concurrent sign-ups together without losing or duplicating any', async () => {
    const emails = Array.from({ length: 60 }, (_, i) => `burst${i % 50}@example.org`);
    const responses = await Promise.all(
      emails.map((email, i) =>
        new Browser(t.app, `192.0.2.${i}`).post(
          '/api/signup',
          signupBody({ email, firstName: burstName(i) }),
        ),
      ),
    );
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    const [people] = await t.ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM people WHERE email_normalized LIKE 'burst%'",
    );
    expect(people.n).toBe(50);
    const [submissions] = await t.ctx.database.query<{ n: number; mails: number }>(
      `SELECT count(*)::int AS n,
              (SELECT count(*)::int FROM mail_outbox WHERE to_address LIKE 'burst%') AS mails
         FROM signups WHERE data->>'email' LIKE 'burst%'`,
    );
    expect(submissions).toEqual({ n: 60, mails: 60 });
    // Each submission's link confirms that submission's data (the mails carry no name).
    await t.smtp.waitFor(
      'burst7@example.org',
      () => t.smtp.received.filter((m) => m.to === 'burst7@example.org').length >= 2,
    );
    const confirmed: string[] = [];
    for (const mail of t.smtp.received.filter((m) => m.to === 'burst7@example.org')) {
      const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
      const answer = await new Browser(t.app).post('/api/signup/confirm', { token });
      confirmed.push((answer.json() as { firstName: string }).firstName);
    }
    expect(confirmed.sort()).toEqual([burstName(57), burstName(7)].sort());
  });

  it("answers a confirmation with that person's own recruitment code, and no one else's", async () => {
    const recruiterId = await signupAndConfirm(t, { email: 'inviter@example.org' });
    const [recruiter] = await t.ctx.database.query<{ recruit_code: string }>(
      'SELECT recruit_code FROM people WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, recruiterId],
    );
    // A recruit signs up through the recruiter's link: the answer holds the recruit's code.
    const browser = new Browser(t.app);
    await browser.post(
      '/api/signup',
      signupBody({ email: 'invited@example.org', ref: recruiter.recruit_code }),
    );
    const mail = await t.smtp.waitFor('invited@example.org', (m) =>
      m.text.includes('/confirm?token='),
    );
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    const answer = (await browser.post('/api/signup/confirm', { token })).json() as {
      recruitCode: string;
      recruitUrl: string;
    };
    const [invited] = await t.ctx.database.query<{ recruit_code: string; recruited_by: number }>(
      'SELECT recruit_code, recruited_by FROM people WHERE campaign_id = $1 AND email_normalized = $2',
      [t.ctx.campaignId, 'invited@example.org'],
    );
    expect(Number(invited.recruited_by)).toBe(Number(recruiterId));
    expect(answer.recruitCode).toBe(invited.recruit_code);
    expect(answer.recruitCode).not.toBe(recruiter.recruit_code);
    expect(answer.recruitUrl).toBe(`${t.ctx.config.publicUrl}/?r=${invited.recruit_code}`);
    // Once the person is erased, the link no longer gives their code.
    await t.ctx.database.query(
      'UPDATE people SET erased_at = now() WHERE campaign_id = $1 AND email_normalized = $2',
      [t.ctx.campaignId, 'invited@example.org'],
    );
    const afterErasure = (await browser.post('/api/signup/confirm', { token })).json();
    expect(afterErasure).toMatchObject({ recruitCode: null, recruitUrl: null });
  });

  it('rejects an invalid confirmation token', async () => {
    const response = await new Browser(t.app).post('/api/signup/confirm', {
      token: 'x'.repeat(43),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_token');
  });

  it('purges unconfirmed sign-ups after the retention delay, keeping confirmed people', async () => {
    await new Browser(t.app).post('/api/signup', signupBody({ email: 'ghost@example.org' }));
    const keptId = await signupAndConfirm(t, { email: 'kept@example.org' });
    await t.ctx.database.query(
      `UPDATE people SET created_at = now() - interval '30 days' WHERE email_normalized IN ('ghost@example.org', 'kept@example.org')`,
    );
    await t.ctx.database.query(`UPDATE signups SET created_at = now() - interval '30 days'`);
    const purged = await purgeUnconfirmed(t.ctx);
    expect(purged.people).toBeGreaterThanOrEqual(1);
    expect(
      await t.ctx.database.query(
        "SELECT id FROM people WHERE email_normalized = 'ghost@example.org'",
      ),
    ).toHaveLength(0);
    expect(
      await t.ctx.database.query('SELECT id FROM people WHERE id = $1', [keptId]),
    ).toHaveLength(1);
  });

  it('rejects oversized bodies', async () => {
    const response = await new Browser(t.app).post('/api/signup', {
      ...signupBody(),
      firstName: 'x'.repeat(2_000_000),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });
});

describe('sign-up rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { SIGNUP_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('limits a flood from one address without blocking others', async () => {
    const flooder = new Browser(t.app, '203.0.113.7');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await flooder.post('/api/signup', signupBody({ email: `f${i}@example.org` }))).statusCode,
      );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await flooder.post('/api/signup', signupBody({ email: 'f9@example.org' }));
    expect(limited.json().code).toBe('rate_limited');
    const other = new Browser(t.app, '198.51.100.9');
    expect(
      (await other.post('/api/signup', signupBody({ email: 'other@example.org' }))).statusCode,
    ).toBe(200);
  });
});

describe('confirmation rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { CONFIRM_RATE_LIMIT: '2' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts the page and the API in one budget per address', async () => {
    const prober = new Browser(t.app, '203.0.113.8');
    const token = 'x'.repeat(43);
    const api = async () => (await prober.post('/api/signup/confirm', { token })).statusCode;
    const page = async () =>
      (
        await prober.request('POST', '/confirm', `token=${token}&locale=fr`, {
          'content-type': 'application/x-www-form-urlencoded',
        })
      ).statusCode;
    expect([await api(), await page(), await page(), await api()]).toEqual([400, 400, 429, 429]);
    const limited = await prober.post('/api/signup/confirm', { token });
    expect(limited.json().code).toBe('rate_limited');
    const other = new Browser(t.app, '198.51.100.10');
    expect((await other.post('/api/signup/confirm', { token })).statusCode).toBe(400);
  });
});

/** A letters-only first name for the i-th sign-up of a burst (names hold no digits). */
function burstName(i: number): string {
  return `B${'abcdefghij'[Math.floor(i / 10)]}${'abcdefghij'[i % 10]}`;
}
