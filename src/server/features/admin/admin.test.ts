import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { audit as writeAudit } from '../../core/audit.ts';
import { catcherTransport } from '../../core/mail/transport.ts';
import { defaultHome } from '../settings/service.ts';

interface Problem {
  status: number;
  code: string;
  detail: string;
}

type Call = { method: 'GET' | 'POST' | 'PUT'; url: string; body?: unknown };

describe.each(engines)('access and administration on %s', (engine) => {
  let t: TestApp;
  let supporter: Browser;
  let staff: Browser;
  let admin: Browser;
  let adminId: number;
  let supporterId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    supporterId = await signupAndConfirm(t, { email: 'supporter@admin.example' });
    supporter = new Browser(t.app);
    await supporter.login(t, 'supporter@admin.example');
    staff = await staffBrowser(t, 'staff@admin.example', ['staff']);
    admin = await staffBrowser(t, 'admin@admin.example', ['admin']);
    adminId = (await admin.session()).me!.personId;
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (browser: Browser, call: Call) =>
    browser.request(call.method, call.url, call.method === 'GET' ? undefined : (call.body ?? {}));

  /** HQ and admin routes, each with input that is valid so only access can refuse it. */
  const hqRoutes = (): Call[] => [
    { method: 'GET', url: '/api/people' },
    { method: 'GET', url: `/api/people/${supporterId}` },
    { method: 'GET', url: '/api/stats/recruitment' },
    { method: 'GET', url: '/api/admin/accounts' },
    { method: 'GET', url: '/api/admin/mail' },
    { method: 'GET', url: '/api/admin/audit' },
    { method: 'GET', url: '/api/segments' },
    { method: 'GET', url: '/api/tags' },
    {
      method: 'POST',
      url: '/api/segments',
      body: { name: 'Lyon', filter: { communeCodes: ['69123'] } },
    },
    {
      method: 'POST',
      url: '/api/people/tags/bulk',
      body: { personIds: [supporterId], add: ['checked'] },
    },
    {
      method: 'PUT',
      url: '/api/admin/site/home',
      body: { ...defaultHome, title: 'Rejoignez-nous' },
    },
    { method: 'PUT', url: `/api/admin/accounts/${supporterId}`, body: { roles: [] } },
  ];

  it('answers 401 to a logged-out visitor on private routes', async () => {
    const anonymous = new Browser(t.app);
    for (const url of ['/api/me/profile', '/api/people', '/api/admin/accounts', '/api/me/export']) {
      const response = await anonymous.get(url);
      expect(response.statusCode, url).toBe(401);
      expect((response.json() as Problem).code).toBe('unauthenticated');
    }
  });

  it('answers 403 to a supporter on every HQ and admin route, and changes nothing', async () => {
    expect((await supporter.session()).me?.personId).toBe(supporterId);
    const auditBefore = await t.ctx.database.query('SELECT id FROM audit_log');
    for (const call of hqRoutes()) {
      const response = await send(supporter, call);
      expect(response.statusCode, `${call.method} ${call.url}`).toBe(403);
      expect((response.json() as Problem).code).toBe('forbidden');
    }
    // Even with invalid input, the answer is the refusal, not a validation error.
    expect((await supporter.get('/api/people?pageSize=10000')).statusCode).toBe(403);
    expect((await supporter.post('/api/segments', { name: '' })).statusCode).toBe(403);
    expect(await t.ctx.database.query('SELECT id FROM segments')).toHaveLength(0);
    expect(await t.ctx.database.query('SELECT 1 FROM person_tags')).toHaveLength(0);
    expect(await t.ctx.database.query("SELECT 1 FROM settings WHERE key = 'home'")).toHaveLength(0);
    expect(await t.ctx.database.query('SELECT id FROM audit_log')).toHaveLength(auditBefore.length);
  });

  it('lets staff work with people but not manage accounts, mail or the audit log', async () => {
    for (const url of ['/api/people', `/api/people/${supporterId}`, '/api/stats/recruitment']) {
      expect((await staff.get(url)).statusCode, url).toBe(200);
    }
    for (const url of ['/api/admin/accounts', '/api/admin/mail', '/api/admin/audit']) {
      const response = await staff.get(url);
      expect(response.statusCode, url).toBe(403);
      expect((response.json() as Problem).code).toBe('forbidden');
    }
    const promote = await staff.put(`/api/admin/accounts/${supporterId}`, { roles: ['admin'] });
    expect(promote.statusCode).toBe(403);
    const [row] = await t.ctx.database.query<{ roles: string[] }>(
      'SELECT roles FROM accounts WHERE person_id = $1',
      [supporterId],
    );
    expect(row.roles).toEqual([]);
  });

  it('gives finance read access only, and moderators no access to people', async () => {
    const finance = await staffBrowser(t, 'finance@admin.example', ['finance']);
    expect((await finance.get('/api/people')).statusCode).toBe(200);
    expect((await finance.get('/api/stats/recruitment')).statusCode).toBe(200);
    for (const call of hqRoutes().filter((c) => c.method !== 'GET')) {
      const response = await send(finance, call);
      expect(response.statusCode, `${call.method} ${call.url}`).toBe(403);
    }
    const moderator = await staffBrowser(t, 'moderator@admin.example', ['moderator']);
    expect((await moderator.get('/api/people')).statusCode).toBe(403);
    // A grant adds one permission without a role.
    const granted = await staffBrowser(t, 'granted@admin.example', [], ['stats.read']);
    expect((await granted.get('/api/stats/recruitment')).statusCode).toBe(200);
    expect((await granted.get('/api/people')).statusCode).toBe(403);
  });

  it('lets an admin call everything', async () => {
    for (const call of hqRoutes()) {
      const response = await send(admin, call);
      expect(response.statusCode, `${call.method} ${call.url}: ${response.body}`).toBe(200);
    }
    const mail = (await admin.get('/api/admin/mail')).json() as {
      transport: string;
      total: number;
    };
    expect(mail).toMatchObject({ transport: 'smtp', total: 0 });
    const site = (await new Browser(t.app).get('/api/site')).json() as { home: { title: string } };
    expect(site.home.title).toBe('Rejoignez-nous');
  });

  it('writes role changes to the audit log and applies them on the next request', async () => {
    const personId = await signupAndConfirm(t, { email: 'promoted@admin.example' });
    const promoted = new Browser(t.app);
    await promoted.login(t, 'promoted@admin.example');
    expect((await promoted.get('/api/people')).statusCode).toBe(403);

    const response = await admin.put(`/api/admin/accounts/${personId}`, {
      roles: ['staff'],
      grants: ['people.export'],
    });
    expect(response.statusCode).toBe(200);
    // Permissions are read per request: no need to log in again.
    expect((await promoted.get('/api/people')).statusCode).toBe(200);
    const me = (await promoted.session()).me as { permissions: string[] };
    expect(me.permissions).toContain('people.export');
    expect(me.permissions).not.toContain('roles.manage');

    const rows = await t.ctx.database.query<{ actor_id: number; target: string; details: unknown }>(
      `SELECT actor_id, target, details FROM audit_log WHERE action = 'account.roles' AND target = $1`,
      [`person:${personId}`],
    );
    expect(rows).toEqual([
      {
        actor_id: adminId,
        target: `person:${personId}`,
        details: { roles: ['staff'], grants: ['people.export'] },
      },
    ]);
    const audit = (await admin.get('/api/admin/audit')).json() as {
      items: Array<{ action: string; target: string; actorName: string | null }>;
      total: number;
    };
    // The admin account was made from a bare email: it names the actor.
    expect(audit.items[0]).toMatchObject({
      action: 'account.roles',
      target: `person:${personId}`,
      actorName: 'admin@admin.example',
    });
    expect(audit.total).toBeGreaterThanOrEqual(1);

    const accounts = (await admin.get('/api/admin/accounts')).json() as Array<{
      personId: number;
      roles: string[];
      grants: string[];
    }>;
    expect(accounts.find((a) => a.personId === personId)).toMatchObject({
      roles: ['staff'],
      grants: ['people.export'],
    });

    // Taking the role away takes the access away.
    expect((await admin.put(`/api/admin/accounts/${personId}`, { roles: [] })).statusCode).toBe(
      200,
    );
    expect((await promoted.get('/api/people')).statusCode).toBe(403);
    const after = await t.ctx.database.query(
      `SELECT 1 FROM audit_log WHERE action = 'account.roles' AND target = $1`,
      [`person:${personId}`],
    );
    expect(after).toHaveLength(2);
  });

  it('gives a role by email, creating the person if needed', async () => {
    const response = await admin.post('/api/admin/accounts', {
      email: 'New.Staff@Admin.example',
      roles: ['staff'],
    });
    expect(response.statusCode).toBe(200);
    const [person] = await t.ctx.database.query<{ id: number; source: string; roles: string[] }>(
      `SELECT p.id, p.source, a.roles FROM people p JOIN accounts a ON a.person_id = p.id
        WHERE p.email_normalized = 'new.staff@admin.example'`,
    );
    expect(person).toMatchObject({ source: 'staff', roles: ['staff'] });
    const again = await admin.post('/api/admin/accounts', {
      email: 'new.staff@admin.example',
      roles: ['staff', 'finance'],
    });
    expect(again.statusCode).toBe(200);
    const people = await t.ctx.database.query(
      "SELECT id FROM people WHERE email_normalized = 'new.staff@admin.example'",
    );
    expect(people).toHaveLength(1);
    const bad = await admin.post('/api/admin/accounts', { email: 'nope', roles: ['staff'] });
    expect(bad.statusCode).toBe(400);
    const unknownRole = await admin.put(`/api/admin/accounts/${person.id}`, { roles: ['king'] });
    expect(unknownRole.statusCode).toBe(400);
    const nobody = await admin.put('/api/admin/accounts/987654321', { roles: ['staff'] });
    expect(nobody.statusCode).toBe(404);
  });

  it('does not let an admin remove their own admin role', async () => {
    for (const body of [{ roles: ['staff'] }, { roles: [] }]) {
      const response = await admin.put(`/api/admin/accounts/${adminId}`, body);
      expect(response.statusCode).toBe(400);
      expect((response.json() as Problem).code).toBe('cannot_demote_self');
    }
    const byEmail = await admin.post('/api/admin/accounts', {
      email: 'admin@admin.example',
      roles: ['staff'],
    });
    expect((byEmail.json() as Problem).code).toBe('cannot_demote_self');
    const [row] = await t.ctx.database.query<{ roles: string[] }>(
      'SELECT roles FROM accounts WHERE person_id = $1',
      [adminId],
    );
    expect(row.roles).toEqual(['admin']);
    expect((await admin.get('/api/admin/accounts')).statusCode).toBe(200);
    // Keeping admin while adding another role is fine.
    const widen = await admin.put(`/api/admin/accounts/${adminId}`, {
      roles: ['admin', 'finance'],
    });
    expect(widen.statusCode).toBe(200);
  });

  it('lets another admin remove an admin role', async () => {
    const second = await staffBrowser(t, 'second.admin@admin.example', ['admin']);
    const secondId = (await second.session()).me!.personId;
    const response = await admin.put(`/api/admin/accounts/${secondId}`, { roles: ['staff'] });
    expect(response.statusCode).toBe(200);
    expect((await second.get('/api/admin/accounts')).statusCode).toBe(403);
  });

  it('pages the audit log and validates the page number', async () => {
    expect((await admin.get('/api/admin/audit?page=0')).statusCode).toBe(400);
    const far = (await admin.get('/api/admin/audit?page=999')).json() as {
      items: unknown[];
      total: number;
    };
    expect(far.items).toEqual([]);
    expect(far.total).toBeGreaterThan(0);
  });

  it('names no actor for what the system did', async () => {
    await writeAudit(t.ctx.database, {
      campaignId: t.ctx.campaignId,
      actorId: null,
      action: 'demo.seed',
    });
    const audit = (await admin.get('/api/admin/audit')).json() as {
      items: Array<{ action: string; actorName: string | null }>;
    };
    expect(audit.items[0]).toMatchObject({ action: 'demo.seed', actorName: null });
  });

  /** A logged-out visitor holding a CSRF token: a refusal is then about the missing login. */
  const loggedOut = async () => {
    const anonymous = new Browser(t.app);
    expect((await anonymous.session()).me).toBeNull();
    return anonymous;
  };
  const segmentRows = () =>
    t.ctx.database.query(
      'SELECT campaign_id, id, name, filter, created_by, created_at, updated_at FROM segments ORDER BY id',
    );
  const accountRows = () =>
    t.ctx.database.query(
      'SELECT campaign_id, person_id, roles, grants, password_hash FROM accounts ORDER BY campaign_id, person_id',
    );
  const auditRows = () => t.ctx.database.query('SELECT * FROM audit_log ORDER BY id');

  it('refuses to change or delete a segment without segments.write, and changes nothing', async () => {
    const finance = await staffBrowser(t, 'finance.segments@admin.example', ['finance']);
    expect((await finance.session()).me?.permissions).toEqual([
      'donations.manage',
      'people.read',
      'stats.read',
    ]);
    const created = await admin.post('/api/segments', {
      name: 'Marseille',
      filter: { communeCodes: ['13055'] },
    });
    expect(created.statusCode).toBe(200);
    const segmentId = (created.json() as { id: number }).id;
    // Finance may read segments, so the id is one it can see.
    const listed = (await finance.get('/api/segments')).json() as Array<{ id: number }>;
    expect(listed.map((s) => s.id)).toContain(segmentId);

    const segmentsBefore = await segmentRows();
    const auditBefore = await auditRows();
    const update = { name: 'Renamed', filter: { communeCodes: ['69123'] } };
    const anonymous = await loggedOut();
    const cases: Array<[string, Browser, number, string]> = [
      ['supporter', supporter, 403, 'forbidden'],
      ['finance', finance, 403, 'forbidden'],
      ['logged out', anonymous, 401, 'unauthenticated'],
    ];
    for (const [who, browser, status, code] of cases) {
      const calls = [
        await browser.put(`/api/segments/${segmentId}`, update),
        await browser.delete(`/api/segments/${segmentId}`),
        // Invalid input or an unknown id: still the refusal, not a 400 or 404.
        await browser.put(`/api/segments/${segmentId}`, { name: '' }),
        await browser.put('/api/segments/987654321', update),
        await browser.delete('/api/segments/987654321'),
      ];
      for (const response of calls) {
        const label = `${who}: ${response.body}`;
        expect([response.statusCode, (response.json() as Problem).code], label).toEqual([
          status,
          code,
        ]);
      }
    }
    expect(await segmentRows()).toEqual(segmentsBefore);
    expect(await auditRows()).toEqual(auditBefore);

    // The same calls from an admin go through: the refusals above were about access only.
    expect((await admin.put(`/api/segments/${segmentId}`, update)).statusCode).toBe(200);
    expect((await admin.delete(`/api/segments/${segmentId}`)).statusCode).toBe(204);
    expect(
      await t.ctx.database.query('SELECT id FROM segments WHERE id = $1', [segmentId]),
    ).toHaveLength(0);
  });

  it('refuses to give roles, by email or by id, without roles.manage, and changes nothing', async () => {
    const staffId = (await staff.session()).me!.personId;
    const anonymous = await loggedOut();
    const accountsBefore = await accountRows();
    const auditBefore = await auditRows();
    const peopleBefore = await t.ctx.database.query('SELECT id FROM people ORDER BY id');
    const cases: Array<[string, Browser, number, string]> = [
      ['staff', staff, 403, 'forbidden'],
      ['supporter', supporter, 403, 'forbidden'],
      ['logged out', anonymous, 401, 'unauthenticated'],
    ];
    for (const [who, browser, status, code] of cases) {
      const calls: Call[] = [
        // By email: an existing supporter, oneself, and an address nobody has (would create a person).
        {
          method: 'POST',
          url: '/api/admin/accounts',
          body: { email: 'supporter@admin.example', roles: ['admin'] },
        },
        {
          method: 'POST',
          url: '/api/admin/accounts',
          body: { email: 'staff@admin.example', roles: ['admin'], grants: ['roles.manage'] },
        },
        {
          method: 'POST',
          url: '/api/admin/accounts',
          body: { email: 'nobody.yet@admin.example', roles: ['staff'] },
        },
        // By id: promote a supporter, promote oneself, demote the admin.
        { method: 'PUT', url: `/api/admin/accounts/${supporterId}`, body: { roles: ['admin'] } },
        {
          method: 'PUT',
          url: `/api/admin/accounts/${staffId}`,
          body: { roles: ['staff'], grants: ['roles.manage'] },
        },
        { method: 'PUT', url: `/api/admin/accounts/${adminId}`, body: { roles: [] } },
        // Invalid input: still the refusal.
        { method: 'POST', url: '/api/admin/accounts', body: { email: 'nope', roles: ['king'] } },
      ];
      for (const call of calls) {
        const response = await send(browser, call);
        const label = `${who} ${call.method} ${call.url}: ${response.body}`;
        expect([response.statusCode, (response.json() as Problem).code], label).toEqual([
          status,
          code,
        ]);
      }
    }
    expect(await accountRows()).toEqual(accountsBefore);
    expect(await auditRows()).toEqual(auditBefore);
    expect(await t.ctx.database.query('SELECT id FROM people ORDER BY id')).toEqual(peopleBefore);
    expect(
      await t.ctx.database.query(
        "SELECT id FROM people WHERE email_normalized = 'nobody.yet@admin.example'",
      ),
    ).toHaveLength(0);
    // Their own permissions are what they were.
    expect((await staff.session()).me?.permissions).not.toContain('roles.manage');
    expect((await supporter.session()).me?.permissions).toEqual([]);
  });

  it('shows one caught mail only to mail.catcher.read holders, and 404 for an unknown id', async () => {
    await catcherTransport(t.ctx.database, t.ctx.campaignId).send({
      to: 'someone@admin.example',
      from: 'campaign@admin.example',
      subject: 'Votre code secret',
      text: 'code 123456',
    });
    const [{ id: mailId }] = await t.ctx.database.query<{ id: number }>(
      'SELECT id FROM caught_mail WHERE campaign_id = $1 ORDER BY id DESC LIMIT 1',
      [t.ctx.campaignId],
    );
    const mailBefore = await t.ctx.database.query('SELECT * FROM caught_mail ORDER BY id');
    const auditBefore = await auditRows();
    const anonymous = await loggedOut();
    const cases: Array<[string, Browser, number, string]> = [
      ['staff', staff, 403, 'forbidden'],
      ['supporter', supporter, 403, 'forbidden'],
      ['logged out', anonymous, 401, 'unauthenticated'],
    ];
    for (const [who, browser, status, code] of cases) {
      for (const url of [`/api/admin/mail/${mailId}`, '/api/admin/mail/987654321']) {
        const response = await browser.get(url);
        expect([response.statusCode, (response.json() as Problem).code], `${who} ${url}`).toEqual([
          status,
          code,
        ]);
        expect(response.body).not.toContain('123456');
      }
    }
    expect(await t.ctx.database.query('SELECT * FROM caught_mail ORDER BY id')).toEqual(mailBefore);
    expect(await auditRows()).toEqual(auditBefore);

    const shown = await admin.get(`/api/admin/mail/${mailId}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ id: mailId, subject: 'Votre code secret' });
    const unknown = await admin.get('/api/admin/mail/987654321');
    expect([unknown.statusCode, (unknown.json() as Problem).code]).toEqual([404, 'not_found']);
  });
});
