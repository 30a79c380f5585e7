import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, type TestApp } from '../../testing/harness.ts';
import { buildControlApp, isLoopback } from './server.ts';
import { runCommand } from '../../commands.ts';

const token = 'test-control-token-0123456789';

describe('isLoopback', () => {
  it('accepts 127.0.0.0/8 and ::1 only', () => {
    for (const address of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopback(address)).toBe(true);
    }
    for (const address of ['10.0.0.1', '192.0.2.7', '::ffff:10.0.0.1', 'fe80::1', '', undefined]) {
      expect(isLoopback(address)).toBe(false);
    }
  });
});

describe('control channel', () => {
  let t: TestApp;
  let control: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    control = buildControlApp(t.ctx, token, runCommand);
    await control.ready();
  });
  afterAll(async () => {
    await control?.close();
    await t?.close();
  });

  const send = (body: unknown, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    control.inject({
      method: 'POST',
      url: '/commands',
      payload: body as object,
      headers,
      remoteAddress,
    });
  const bearer = { authorization: `Bearer ${token}` };
  const adminCreate = {
    name: 'admin-create',
    campaignId: 1,
    email: 'chef@example.org',
    roles: ['admin'],
  };

  it('refuses requests without the token, or with another one', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: token },
    ];
    for (const headers of attempts) {
      const response = await send(adminCreate, headers);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    }
    const accounts = await t.ctx.database.query('SELECT 1 FROM accounts');
    expect(accounts).toHaveLength(0);
  });

  it('refuses any address outside loopback, even with the token', async () => {
    const response = await send(adminCreate, bearer, '192.0.2.7');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
  });

  it('refuses a malformed command with field errors', async () => {
    const response = await send({ name: 'admin-create', campaignId: 1, roles: [] }, bearer);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    const unknown = await send({ name: 'drop-everything' }, bearer);
    expect(unknown.statusCode).toBe(400);
  });

  it('runs admin create in the server, and its one-time link logs in there', async () => {
    const response = await send(adminCreate, bearer);
    expect(response.statusCode).toBe(200);
    const { lines } = response.json() as { lines: string[] };
    expect(lines[0]).toBe('chef@example.org now has the role(s) admin.');
    const link = /http\S+\/login\/link\?token=(\S+)/.exec(lines.join('\n'));
    expect(link?.[0]).toMatch(/^http:\/\/levier\.test\/login\/link\?token=/);
    const browser = new Browser(t.app);
    await browser.session();
    const login = await browser.post('/api/auth/login/link', { token: link![1] });
    expect(login.statusCode).toBe(200);
    const session = (await browser.session()) as { me: { email: string; roles: string[] } | null };
    expect(session.me).toMatchObject({ email: 'chef@example.org', roles: ['admin'] });
  });

  it('lists and creates campaigns, and reports the migration level', async () => {
    const created = await send({ name: 'campaign-create', campaignName: 'Lyon 2026' }, bearer);
    expect((created.json() as { lines: string[] }).lines[0]).toMatch(
      /^Campaign \d+ "Lyon 2026" created\.$/,
    );
    const list = await send({ name: 'campaign-list' }, bearer);
    expect((list.json() as { lines: string[] }).lines).toEqual(
      expect.arrayContaining(['1\tLevier', expect.stringMatching(/^\d+\tLyon 2026$/)]),
    );
    const migrate = await send({ name: 'migrate' }, bearer);
    expect((migrate.json() as { lines: string[] }).lines[0]).toMatch(
      /^The running server applied every migration at its start \(level \d{4}_\w+\)\.$/,
    );
  });

  it('runs a scheduled job now, and names the scheduled ones for a name it does not know', async () => {
    const ran = await send({ name: 'job-run', job: 'events.reminders' }, bearer);
    expect(ran.statusCode).toBe(200);
    expect((ran.json() as { lines: string[] }).lines).toEqual([
      expect.stringMatching(/^events\.reminders done in \d+ ms\.$/),
    ]);
    const unknown = await send({ name: 'job-run', job: 'people.import' }, bearer);
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(unknown.json())).toContain(
      'No scheduled job is called \\"people.import\\". Scheduled jobs: ',
    );
  });

  it('is not part of the public app nor of its OpenAPI document', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/commands',
      payload: adminCreate,
      headers: bearer,
    });
    expect(response.statusCode).not.toBe(200);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, unknown>;
    };
    // The channel's own paths (/commands, /backup), not the API's /api/admin/backups.
    expect(Object.keys(doc.paths).some((path) => /^\/(commands|backup|control)/.test(path))).toBe(
      false,
    );
  });
});
