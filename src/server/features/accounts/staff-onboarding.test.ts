import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskLink } from '../../../contracts/kiosk.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { purgeUnconfirmed } from '../recruitment/service.ts';

describe.each(engines)('staff invitations and login confirming an address on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  let n = 0;
  const visitor = () => new Browser(t.app, `10.5.${++n % 250}.${Math.floor(Math.random() * 250)}`);

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'admin@onboarding.example', ['admin']);
    await t.ctx.database.query(
      `UPDATE people SET first_name = 'Alice', last_name = 'Martin' WHERE email_normalized = 'admin@onboarding.example'`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const linkTokenIn = (text: string) => /\/login\/link\?token=([\w-]+)/.exec(text)?.[1];

  it('mails a new staff member an invitation whose link logs them in once', async () => {
    const email = 'new.staff@onboarding.example';
    const since = t.smtp.received.length;
    const added = await admin.post('/api/admin/accounts', { email, roles: ['staff'], grants: [] });
    expect(added.statusCode, added.body).toBe(200);
    const mail = await t.smtp.waitFor(
      email,
      (m) => /compte d'équipe/.test(m.subject),
      10_000,
      since,
    );
    expect(mail.subject).toBe("Votre compte d'équipe sur Levier");
    expect(mail.text).toContain("Alice Martin vous a ouvert un compte d'équipe sur Levier.");
    expect(mail.text).toContain('http://levier.test/login');
    const token = linkTokenIn(mail.text);
    expect(token).toBeTruthy();

    const invited = new Browser(t.app, '10.6.0.1');
    await invited.session();
    const login = await invited.post('/api/auth/login/link', { token });
    expect(login.statusCode, login.body).toBe(200);
    expect((login.json() as { me: { roles: string[] } }).me.roles).toEqual(['staff']);
    // Once only.
    const again = new Browser(t.app, '10.6.0.2');
    await again.session();
    expect((await again.post('/api/auth/login/link', { token })).statusCode).toBe(400);

    // The link is valid three days, not fifteen minutes like a login code's.
    const [row] = await t.ctx.database.query<{ hours: number }>(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours
         FROM login_codes WHERE campaign_id = $1 ORDER BY id DESC LIMIT 1`,
      [t.ctx.campaignId],
    );
    expect(row.hours).toBe(72);
    // The mail's body (the link) is not kept once sent.
    await expect
      .poll(
        async () =>
          (
            await t.ctx.database.query<{ text_body: string | null }>(
              `SELECT text_body FROM mail_outbox WHERE kind = 'staff_invitation' AND to_address = $1`,
              [email],
            )
          )[0]?.text_body,
      )
      .toBeNull();
  });

  it('writes the invitation in the person’s language', async () => {
    const email = 'english.staff@onboarding.example';
    await signupAndConfirmEnglish(email);
    const since = t.smtp.received.length;
    await admin.post('/api/admin/accounts', { email, roles: ['finance'], grants: [] });
    const mail = await t.smtp.waitFor(email, (m) => /staff account/.test(m.subject), 10_000, since);
    expect(mail.subject).toBe('Your staff account on Levier');
    expect(mail.text).toContain('Alice Martin has given you a staff account on Levier.');
  });

  async function signupAndConfirmEnglish(email: string) {
    const browser = visitor();
    const since = t.smtp.received.length;
    await browser.post('/api/signup', signupBody({ email, locale: 'en' }));
    const mail = await t.smtp.waitFor(
      email,
      (m) => m.text.includes('/confirm?token='),
      10_000,
      since,
    );
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    expect((await browser.post('/api/signup/confirm', { token })).statusCode).toBe(200);
  }

  it('sends no invitation when the adder may not manage roles', async () => {
    const staff = await staffBrowser(t, 'plain.staff@onboarding.example', ['staff']);
    const email = 'not.invited@onboarding.example';
    const refused = await staff.post('/api/admin/accounts', {
      email,
      roles: ['admin'],
      grants: [],
    });
    expect(refused.statusCode).toBe(403);
    const rows = await t.ctx.database.query(
      `SELECT 1 FROM mail_outbox WHERE kind = 'staff_invitation' AND to_address = $1`,
      [email],
    );
    expect(rows).toEqual([]);
  });

  it('confirms a never-confirmed sign-up when its address logs in by code, and the purge keeps it', async () => {
    const email = 'unconfirmed@onboarding.example';
    const browser = visitor();
    await browser.post(
      '/api/signup',
      signupBody({ email, consents: { email: true, sms: true, phone: false } }),
    );
    await t.smtp.waitFor(email, (m) => m.text.includes('/confirm?token='));
    const before = await t.ctx.database.query<{ id: number; confirmed_at: Date | null }>(
      'SELECT id, confirmed_at FROM people WHERE campaign_id = $1 AND email_normalized = $2',
      [t.ctx.campaignId, email],
    );
    expect(before[0].confirmed_at).toBeNull();
    const personId = Number(before[0].id);

    await browser.login(t, email);
    const [after] = await t.ctx.database.query<{
      confirmed_at: Date | null;
      consent_email: boolean;
      consent_sms: boolean;
    }>('SELECT * FROM people WHERE campaign_id = $1 AND id = $2', [t.ctx.campaignId, personId]);
    expect(after.confirmed_at).not.toBeNull();
    // Logging in proves the address, not that the person ticked the sign-up's boxes.
    expect(after.consent_email).toBe(false);
    expect(after.consent_sms).toBe(false);
    const events = await t.ctx.database.query<{ kind: string; data: { source?: string } }>(
      `SELECT kind, data FROM person_events WHERE campaign_id = $1 AND person_id = $2 AND kind = 'confirmed'`,
      [t.ctx.campaignId, personId],
    );
    expect(events).toEqual([{ kind: 'confirmed', data: { source: 'login_code' } }]);
    expect((await browser.get('/api/me/profile')).json()).toMatchObject({ confirmed: true });

    // A second login confirms nothing more.
    await browser.login(t, email);
    expect(
      await t.ctx.database.query(
        `SELECT 1 FROM person_events WHERE campaign_id = $1 AND person_id = $2 AND kind = 'confirmed'`,
        [t.ctx.campaignId, personId],
      ),
    ).toHaveLength(1);

    // Past the retention, the purge of unconfirmed sign-ups keeps them (and their account).
    await t.ctx.database.query(
      `UPDATE people SET created_at = now() - interval '30 days' WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, personId],
    );
    await t.ctx.database.query(
      `UPDATE signups SET created_at = now() - interval '30 days' WHERE campaign_id = $1 AND person_id = $2`,
      [t.ctx.campaignId, personId],
    );
    await t.ctx.database.query('DELETE FROM accounts WHERE campaign_id = $1 AND person_id = $2', [
      t.ctx.campaignId,
      personId,
    ]);
    await purgeUnconfirmed(t.ctx);
    expect(
      await t.ctx.database.query('SELECT 1 FROM people WHERE campaign_id = $1 AND id = $2', [
        t.ctx.campaignId,
        personId,
      ]),
    ).toHaveLength(1);
  });
});

describe.each(engines)('kiosk mode on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, { SIGNUP_RATE_LIMIT: '2', KIOSK_SIGNUP_RATE_LIMIT: '5' });
    staff = await staffBrowser(t, 'staff@kiosk.example', ['staff']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const signUp = (device: Browser) =>
    device.post('/api/signup', signupBody({ email: `k${++n}@kiosk.example` }));
  const statuses = async (device: Browser, count: number) => {
    const result: number[] = [];
    for (let i = 0; i < count; i++) result.push((await signUp(device)).statusCode);
    return result;
  };
  const tokenOf = (link: KioskLink) => new URL(link.url!).searchParams.get('token')!;

  it('lifts the per-address limit on a device opened with a kiosk link, up to its own ceiling', async () => {
    const created = await staff.post('/api/kiosks', { label: 'Stand <b>marché</b>' });
    expect(created.statusCode, created.body).toBe(200);
    const link = created.json() as KioskLink;
    expect(link.label).toBe('Stand <b>marché</b>');
    expect(link.url).toMatch(/^http:\/\/levier\.test\/kiosk\?token=\d+\./);
    const [audit] = await t.ctx.database.query<{ target: string }>(
      `SELECT target FROM audit_log WHERE campaign_id = $1 AND action = 'kiosk.create'`,
      [t.ctx.campaignId],
    );
    expect(audit.target).toBe(`kiosk:${link.id}`);

    // Without the link, the address gets SIGNUP_RATE_LIMIT sign-ups a window.
    expect(await statuses(new Browser(t.app, '10.8.0.1'), 3)).toEqual([200, 200, 429]);

    // The tablet on the same network opens the link: a signed httpOnly cookie for the day.
    const tablet = new Browser(t.app, '10.8.0.1');
    const opened = await tablet.get(`/kiosk?token=${tokenOf(link)}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toMatch(/text\/html/);
    expect(opened.body).toContain('Mode kiosque');
    const cookie = opened.cookies.find((c) => c.name === 'levier_kiosk')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(new Date(cookie.expires!).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(await statuses(tablet, 6)).toEqual([200, 200, 200, 200, 200, 429]);

    // The cookie cannot be forged into another link's.
    const forger = new Browser(t.app, '10.8.0.2');
    const forged = await forger.request('GET', '/api/session', undefined, {
      cookie: `levier_kiosk=${link.id + 1}`,
    });
    expect(forged.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/signup',
          remoteAddress: '10.8.0.1',
          headers: { cookie: `levier_kiosk=${link.id}` },
          payload: signupBody({ email: 'forged@kiosk.example' }),
        })
      ).statusCode,
    ).toBe(429);
  });

  it('stops working once revoked or expired, and refuses forged links', async () => {
    const link = (await staff.post('/api/kiosks', { label: 'Meeting' })).json() as KioskLink;
    const tablet = new Browser(t.app, '10.8.1.1');
    await tablet.get(`/kiosk?token=${tokenOf(link)}`);
    expect(await statuses(tablet, 3)).toEqual([200, 200, 200]);

    expect((await staff.post(`/api/kiosks/${link.id}/revoke`)).statusCode).toBe(200);
    // Back to the address's own budget (which the kiosk did not spend).
    expect(await statuses(tablet, 3)).toEqual([200, 200, 429]);
    const listed = (await staff.get('/api/kiosks')).json() as KioskLink[];
    expect(listed.find((l) => l.id === link.id)).toMatchObject({ url: null });
    expect(listed.find((l) => l.id === link.id)?.revokedAt).not.toBeNull();

    const reopened = await new Browser(t.app, '10.8.1.2').get(`/kiosk?token=${tokenOf(link)}`);
    expect(reopened.statusCode).toBe(400);
    expect(reopened.cookies.find((c) => c.name === 'levier_kiosk')).toBeUndefined();

    const expiring = (await staff.post('/api/kiosks', { label: 'Old' })).json() as KioskLink;
    await t.ctx.database.query(
      `UPDATE kiosk_links SET expires_at = now() - interval '1 second' WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, expiring.id],
    );
    expect((await new Browser(t.app).get(`/kiosk?token=${tokenOf(expiring)}`)).statusCode).toBe(
      400,
    );

    const forged = await new Browser(t.app).get(`/kiosk?token=${link.id + 100}.${'A'.repeat(43)}`);
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('plus valable');
  });

  it('lets only staff with signup.kiosk make or revoke links, audited', async () => {
    const finance = await staffBrowser(t, 'finance@kiosk.example', ['finance']);
    const visitor = new Browser(t.app);
    await visitor.session();
    for (const [browser, status] of [
      [finance, 403],
      [visitor, 401],
    ] as const) {
      expect((await browser.post('/api/kiosks', { label: 'x' })).statusCode).toBe(status);
      expect((await browser.get('/api/kiosks')).statusCode).toBe(status);
      expect((await browser.post('/api/kiosks/1/revoke')).statusCode).toBe(status);
    }
    const empty = await staff.post('/api/kiosks', { label: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'label', code: 'required' })],
    });
    const revokes = await t.ctx.database.query(
      `SELECT 1 FROM audit_log WHERE campaign_id = $1 AND action = 'kiosk.revoke'`,
      [t.ctx.campaignId],
    );
    expect(revokes).toHaveLength(1);
    expect((await staff.post('/api/kiosks/999999/revoke')).statusCode).toBe(404);
  });
});
