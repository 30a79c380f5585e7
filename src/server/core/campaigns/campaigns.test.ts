import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catcherTransport } from '../../core/mail/transport.ts';
import { createContext } from '../../core/runtime.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { listCampaigns } from './service.ts';

/** Two campaigns served from one database, as two deployments sharing a cluster would be. */
describe.each(engines)('campaigns sharing a database on %s', (engine) => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await createTestApp(engine);
    second = await createCampaignApp(first, 'Seconde campagne');
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const peopleWithEmail = (email: string) =>
    first.ctx.database.query<{ campaign_id: number; id: number; first_name: string }>(
      'SELECT campaign_id, id, first_name FROM people WHERE email_normalized = $1 ORDER BY campaign_id',
      [email],
    );

  /** Signs up on one campaign's site and confirms by the link that campaign mailed. */
  const signUp = async (t: TestApp, email: string, firstName: string) => {
    const browser = new Browser(t.app, `10.9.${t.ctx.campaignId}.${firstName.length}`);
    const since = t.smtp.received.length;
    expect((await browser.post('/api/signup', signupBody({ email, firstName }))).statusCode).toBe(
      200,
    );
    const mail = await t.smtp.waitFor(
      email,
      (m) => m.text.includes('/confirm?token='),
      10_000,
      since,
    );
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    return { browser, mail, token };
  };

  it('lists the campaign the migration made and the one created since', async () => {
    const campaigns = await listCampaigns(first.ctx.database);
    expect(campaigns.map((c) => c.id)).toEqual([1, second.ctx.campaignId]);
    expect(campaigns[1].name).toBe('Seconde campagne');
  });

  it('keeps one person per campaign for the same email, each confirmed by its own link', async () => {
    await second.app.inject({ method: 'GET', url: '/api/site' });
    const staff = await staffBrowser(second, 'staff@seconde.example', ['admin']);
    const home = (await staff.get('/api/site')).json() as { home: Record<string, string> };
    const saved = await staff.put('/api/admin/site/home', {
      ...home.home,
      campaignName: 'Seconde',
    });
    expect(saved.statusCode).toBe(200);

    const a = await signUp(first, 'same@both.example', 'Anne');
    const b = await signUp(second, 'same@both.example', 'Bea');
    expect(b.mail.text).toContain('Seconde');
    expect(a.mail.text).not.toContain('Seconde');

    // A link only confirms on the site of the campaign that sent it.
    const crossed = await b.browser.post('/api/signup/confirm', { token: a.token });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json()).toMatchObject({ code: 'invalid_token' });
    expect((await b.browser.post('/api/signup/confirm', { token: b.token })).statusCode).toBe(200);

    const rows = await peopleWithEmail('same@both.example');
    expect(rows.map((r) => [r.campaign_id, r.first_name])).toEqual([
      [1, 'Anne'],
      [second.ctx.campaignId, 'Bea'],
    ]);
    const confirmed = await first.ctx.database.query<{ campaign_id: number; confirmed: boolean }>(
      `SELECT campaign_id, confirmed_at IS NOT NULL AS confirmed FROM people
        WHERE email_normalized = 'same@both.example' ORDER BY campaign_id`,
    );
    expect(confirmed.map((r) => r.confirmed)).toEqual([false, true]);
  });

  it('shows each campaign its own home page', async () => {
    const one = (await first.app.inject({ method: 'GET', url: '/api/site' })).json() as {
      home: { campaignName: string };
    };
    const two = (await second.app.inject({ method: 'GET', url: '/api/site' })).json() as {
      home: { campaignName: string };
    };
    expect(two.home.campaignName).toBe('Seconde');
    expect(one.home.campaignName).not.toBe('Seconde');
  });

  it("does not let one campaign's session, login code or account work on the other", async () => {
    const staff = await staffBrowser(first, 'boss@premiere.example', ['admin']);
    expect((await staff.session()).me?.permissions).toContain('people.read');

    // The same cookie, presented to the other campaign's site, is nobody.
    const cookie = staff.cookieHeader();
    const elsewhere = await second.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie },
    });
    expect((elsewhere.json() as { me: unknown }).me).toBeNull();
    const people = await second.app.inject({
      method: 'GET',
      url: '/api/people',
      headers: { cookie },
    });
    expect(people.statusCode).toBe(401);

    // Nor on any HQ or admin route of the other campaign, with an id of this campaign or not.
    const staffId = (await staff.session()).me!.personId;
    const segment = await staff.post('/api/segments', {
      name: 'Première',
      filter: { communeCodes: ['69123'] },
    });
    expect(segment.statusCode).toBe(200);
    const segmentId = (segment.json() as { id: number }).id;
    const auditRows = () =>
      first.ctx.database.query(
        'SELECT campaign_id, id, action FROM audit_log ORDER BY campaign_id, id',
      );
    const sessionRows = () =>
      first.ctx.database.query(
        'SELECT campaign_id, id_hash, person_id, last_seen_at FROM sessions ORDER BY campaign_id, id_hash',
      );
    const auditBefore = await auditRows();
    const sessionsBefore = await sessionRows();
    const segmentsBefore = await first.ctx.database.query(
      'SELECT * FROM segments ORDER BY campaign_id, id',
    );
    const hqUrls = [
      `/api/people/${staffId}`,
      '/api/segments',
      '/api/tags',
      '/api/admin/accounts',
      '/api/admin/audit',
      '/api/admin/mail',
      '/api/stats/recruitment',
      '/api/people/imports',
      '/api/people/export.csv',
    ];
    for (const url of hqUrls) {
      const response = await second.app.inject({ method: 'GET', url, headers: { cookie } });
      expect([url, response.statusCode, (response.json() as { code: string }).code]).toEqual([
        url,
        401,
        'unauthenticated',
      ]);
    }
    // Writes too, with this campaign's CSRF token: refused for the session, not the token.
    const writes = [
      { method: 'POST', url: '/api/segments', payload: { name: 'Ailleurs', filter: {} } },
      {
        method: 'PUT',
        url: `/api/segments/${segmentId}`,
        payload: { name: 'Ailleurs', filter: {} },
      },
      { method: 'DELETE', url: `/api/segments/${segmentId}` },
      { method: 'PUT', url: `/api/admin/accounts/${staffId}`, payload: { roles: [] } },
      {
        method: 'POST',
        url: '/api/admin/accounts',
        payload: { email: 'boss@premiere.example', roles: ['admin'] },
      },
    ] as const;
    for (const write of writes) {
      const response = await second.app.inject({
        ...write,
        headers: { cookie, 'x-csrf-token': staff.csrfToken },
      });
      const label = `${write.method} ${write.url}`;
      expect([label, response.statusCode, (response.json() as { code: string }).code]).toEqual([
        label,
        401,
        'unauthenticated',
      ]);
    }
    // Nothing recorded or changed in either campaign, and the session still works at home.
    expect(await auditRows()).toEqual(auditBefore);
    expect(await sessionRows()).toEqual(sessionsBefore);
    expect(
      await first.ctx.database.query('SELECT * FROM segments ORDER BY campaign_id, id'),
    ).toEqual(segmentsBefore);
    expect((await staff.get(`/api/people/${staffId}`)).statusCode).toBe(200);

    // Asking the other campaign for a login code sends nothing: the email is not known there.
    const visitor = new Browser(second.app, '10.9.9.9');
    await visitor.session();
    const since = second.smtp.received.length;
    expect(
      (await visitor.post('/api/auth/login/start', { email: 'boss@premiere.example' })).statusCode,
    ).toBe(200);
    await second.ctx.mailer.drain();
    expect(
      second.smtp.received.slice(since).filter((m) => m.to === 'boss@premiere.example'),
    ).toHaveLength(0);
    const accounts = await first.ctx.database.query<{ campaign_id: number }>(
      `SELECT a.campaign_id FROM accounts a
         JOIN people p ON p.campaign_id = a.campaign_id AND p.id = a.person_id
        WHERE p.email_normalized = 'boss@premiere.example'`,
    );
    expect(accounts).toEqual([{ campaign_id: 1 }]);
  });

  it("keeps each campaign's caught mail (development catcher) to itself", async () => {
    const mail = { from: 'x@levier.test', subject: 'Votre lien', text: 'lien secret' };
    await catcherTransport(first.ctx.database, first.ctx.campaignId).send({
      ...mail,
      to: 'chef@premiere.example',
    });
    await catcherTransport(second.ctx.database, second.ctx.campaignId).send({
      ...mail,
      to: 'chef@seconde.example',
    });
    const firstAdmin = await staffBrowser(first, 'catcher@premiere.example', ['admin']);
    const secondAdmin = await staffBrowser(second, 'catcher@seconde.example', ['admin']);
    const listed = async (admin: Browser) =>
      ((await admin.get('/api/admin/mail')).json() as { items: Array<{ id: number; to: string }> })
        .items;
    const firstMail = (await listed(firstAdmin)).filter((m) => m.to.endsWith('.example'));
    const secondMail = (await listed(secondAdmin)).filter((m) => m.to.endsWith('.example'));
    expect(firstMail.map((m) => m.to)).toEqual(['chef@premiere.example']);
    expect(secondMail.map((m) => m.to)).toEqual(['chef@seconde.example']);
    expect((await secondAdmin.get(`/api/admin/mail/${firstMail[0].id}`)).statusCode).toBe(404);
    expect((await firstAdmin.get(`/api/admin/mail/${firstMail[0].id}`)).statusCode).toBe(200);
  });

  it("keeps each campaign's audit log to itself", async () => {
    const admin = await staffBrowser(second, 'staff@seconde.example', ['admin']);
    const log = (await admin.get('/api/admin/audit')).json() as {
      items: Array<{ target: string | null }>;
    };
    expect(log.items.length).toBeGreaterThan(0);
    const rows = await first.ctx.database.query<{ target: string }>(
      'SELECT target FROM audit_log WHERE campaign_id = $1',
      [second.ctx.campaignId],
    );
    expect(log.items.map((i) => i.target).sort()).toEqual(rows.map((r) => r.target).sort());
    const firstTargets = await first.ctx.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE campaign_id = 1',
    );
    expect(firstTargets[0].n).toBeGreaterThan(0);
  });

  it("counts only the campaign's own people in its recruitment statistics", async () => {
    const admin = await staffBrowser(second, 'staff@seconde.example', ['admin']);
    const stats = (await admin.get('/api/stats/recruitment')).json() as {
      totals: { people: number };
    };
    const [own] = await first.ctx.database.query<{ n: number; all: number }>(
      `SELECT count(*) FILTER (WHERE campaign_id = $1)::int AS n, count(*)::int AS "all"
         FROM people WHERE erased_at IS NULL`,
      [second.ctx.campaignId],
    );
    expect(stats.totals.people).toBe(own.n);
    expect(own.all).toBeGreaterThan(own.n);
  });

  it('refuses to start for a campaign that does not exist, saying how to make one', async () => {
    const config = { ...first.ctx.config, CAMPAIGN_ID: 999 };
    await expect(createContext(config, { database: first.ctx.database })).rejects.toThrow(
      /CAMPAIGN_ID=999: no such campaign.*levier campaign create/s,
    );
  });
});
