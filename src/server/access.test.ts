import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../contracts/access.ts';
import { permissionSchema, rolePermissions, roles, type Permission } from '../contracts/roles.ts';
import { buildApp } from './app.ts';
import { features, scopeKinds } from './features/index.ts';
import { fixtureScope } from './testing/fixture-scope.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from './testing/harness.ts';
import type { DeclaredRoute } from './core/http/access.ts';
import { serve } from './core/http/contract.ts';
import { okSchema } from '../contracts/common.ts';
import { defineRoute } from '../contracts/route.ts';

/** The API routes anyone may call: a route added here must be meant for the public. */
const PUBLIC_ROUTES = [
  'GET /api/calling/carrier/:campaignId/recordings/:id/:token',
  'GET /api/committees',
  'GET /api/committees/:committeeId',
  'GET /api/committees/map',
  'GET /api/content/:itemId/comments',
  'GET /api/events',
  'GET /api/events/:eventId',
  'GET /api/events/map',
  'GET /api/geo/communes',
  'GET /api/geo/communes/by-code',
  'GET /api/geo/departements',
  'GET /api/geo/postal-codes/:code',
  'GET /api/newsletters/tracking/open',
  'GET /api/session',
  'GET /api/site',
  'GET /api/site/consent-wordings',
  'POST /api/auth/login/code',
  'POST /api/auth/login/link',
  'POST /api/auth/login/password',
  'POST /api/auth/login/start',
  'POST /api/calling/carrier/:campaignId/attempts/:attemptId/answer',
  'POST /api/calling/carrier/:campaignId/attempts/:attemptId/machine',
  'POST /api/calling/carrier/:campaignId/attempts/:attemptId/opt-out',
  'POST /api/calling/carrier/:campaignId/attempts/:attemptId/status',
  'POST /api/committees/unsubscribe',
  'POST /api/donations/gifts',
  'POST /api/donations/webhooks/stripe',
  'POST /api/events/rsvp/cancel',
  'POST /api/mail/webhooks/mailgun',
  'POST /api/mail/webhooks/sendgrid',
  'POST /api/reports',
  'POST /api/signup',
  'POST /api/signup/confirm',
  'POST /api/signup/resend',
  'POST /api/sms/webhooks/:campaignId/inbound',
  'POST /api/sms/webhooks/:campaignId/status',
];

const urlOf = (route: DeclaredRoute) => route.url.replace(/:\w+/g, '1');
const nameOf = (route: DeclaredRoute) => `${route.method} ${route.url}`;
const bodyOf = (route: DeclaredRoute) => (route.method === 'GET' ? undefined : {});

describe.each(engines)('access declared on every route (%s)', (engine) => {
  const fixture = fixtureScope();
  let t: TestApp;
  let table: DeclaredRoute[];
  const guarded = () => table.filter((route) => !('public' in route.access));
  const withPermission = () =>
    table.filter(
      (route): route is DeclaredRoute & { access: { permission: Permission } } =>
        'permission' in route.access,
    );
  const scoped = () => table.filter((route) => 'scope' in route.access);

  beforeAll(async () => {
    t = await createTestApp(
      engine,
      {},
      {
        routes: [...features, fixture.routes],
        scopes: [...scopeKinds, () => fixture.kind],
      },
    );
    table = t.app.accessTable.filter((route) => route.method !== 'HEAD');
    // The walks call every scoped route on scope 1: committee 1 exists, led by someone else.
    await signupAndConfirm(t, { email: 'committee-1@example.org' });
    const owner = new Browser(t.app, '10.9.0.3');
    await owner.login(t, 'committee-1@example.org');
    const created = await owner.post('/api/committees', {
      name: 'Comité un',
      place: { postalCode: '69001' },
    });
    expect(created.json()).toMatchObject({ id: 1 });
    const event = await owner.post('/api/committees/1/events', {
      type: 'meeting',
      title: 'Réunion un',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      place: { postalCode: '69001' },
    });
    expect(event.json()).toMatchObject({ id: 1 });
  });
  afterAll(() => t.close());

  async function expectRefused(browser: Browser, routes: DeclaredRoute[], status: 401 | 403) {
    const answers = await Promise.all(
      routes.map(async (route) => {
        const response = await browser.request(route.method, urlOf(route), bodyOf(route));
        return { route: nameOf(route), status: response.statusCode, code: response.json().code };
      }),
    );
    const code = status === 401 ? 'unauthenticated' : 'forbidden';
    expect(answers.filter((a) => a.status !== status || a.code !== code)).toEqual([]);
    return answers.length;
  }

  it('knows every API route, and only the listed ones are public', () => {
    expect(table.length).toBeGreaterThan(60);
    const publicRoutes = table.filter((route) => 'public' in route.access).map(nameOf);
    expect(publicRoutes.sort()).toEqual(PUBLIC_ROUTES);
  });

  it('refuses an anonymous caller on every other route', async () => {
    const anonymous = new Browser(t.app, '10.9.0.1');
    await anonymous.session();
    expect(await expectRefused(anonymous, guarded(), 401)).toBe(guarded().length);
  });

  it('refuses a supporter on every route behind a permission or a scope', async () => {
    await signupAndConfirm(t, { email: 'supporter@example.org' });
    const supporter = new Browser(t.app, '10.9.0.2');
    await supporter.login(t, 'supporter@example.org');
    const routes = table.filter((route) => 'permission' in route.access || 'scope' in route.access);
    expect(await expectRefused(supporter, routes, 403)).toBeGreaterThan(50);
  });

  it('refuses every role that lacks a route’s permission', async () => {
    for (const role of roles) {
      const lacking = withPermission().filter(
        (route) => !rolePermissions[role].includes(route.access.permission),
      );
      if (lacking.length === 0) continue;
      const browser = await staffBrowser(t, `role-${role}@example.org`, [role]);
      await expectRefused(browser, lacking, 403);
    }
  });

  it('refuses, on each route behind a permission, an account holding every other one', async () => {
    const used = [...new Set(withPermission().map((route) => route.access.permission))];
    expect(used.length).toBeGreaterThan(10);
    for (const permission of used) {
      const others = permissionSchema.options.filter((p) => p !== permission);
      const browser = await staffBrowser(t, `all-but-${permission}@example.org`, [], others);
      const routes = withPermission().filter((route) => route.access.permission === permission);
      await expectRefused(browser, routes, 403);
    }
  });

  it('refuses an API token each route whose permission is not among its scopes, and every person-only route', async () => {
    const admin = await staffBrowser(t, 'token-maker@example.org', ['admin']);
    const tokenWith = async (scopes: readonly Permission[]) => {
      const made = await admin.post('/api/integrations/tokens', {
        name: `walk ${scopes.length}`,
        scopes,
        ratePerMinute: 10_000,
      });
      expect(made.statusCode, made.body).toBe(201);
      return (made.json() as { secret: string }).secret;
    };
    const refusedTo = async (secret: string, routes: DeclaredRoute[]) => {
      const answers = await Promise.all(
        routes.map(async (route) => {
          const response = await t.app.inject({
            method: route.method as 'GET',
            url: urlOf(route),
            headers: { authorization: `Bearer ${secret}` },
            ...(route.method === 'GET' ? {} : { payload: {} }),
          });
          return {
            route: nameOf(route),
            status: response.statusCode,
            type: String(response.headers['content-type']),
            code: (response.json() as { code?: string }).code,
          };
        }),
      );
      expect(
        answers.filter(
          (a) =>
            a.status !== 403 ||
            a.code !== 'forbidden' ||
            !a.type.includes('application/problem+json'),
        ),
      ).toEqual([]);
      return answers.length;
    };
    const used = [...new Set(withPermission().map((route) => route.access.permission))];
    let walked = 0;
    for (const permission of used) {
      const secret = await tokenWith(permissionSchema.options.filter((p) => p !== permission));
      walked += await refusedTo(
        secret,
        withPermission().filter((route) => route.access.permission === permission),
      );
    }
    expect(walked).toBe(withPermission().length);
    // Every scope: still no person's own space, nor a rank its maker may hold in a scope.
    const all = await tokenWith(permissionSchema.options);
    const personOnly = table.filter(
      (route) =>
        'authenticated' in route.access || ('scope' in route.access && !route.access.orPermission),
    );
    expect(await refusedTo(all, personOnly)).toBeGreaterThan(10);
  });

  it('admits a scope’s rank and above; refuses a lower rank and another scope’s members', async () => {
    expect(scoped().length).toBeGreaterThanOrEqual(3);
    const member = await signupAndConfirm(t, { email: 'member@example.org' });
    const organiser = await signupAndConfirm(t, { email: 'organiser@example.org' });
    const elsewhere = await signupAndConfirm(t, { email: 'elsewhere@example.org' });
    fixture.grant(1, member, 'member');
    fixture.grant(1, organiser, 'organiser');
    fixture.grant(2, elsewhere, 'organiser');
    const login = async (email: string) => {
      const browser = new Browser(t.app, '10.9.1.1');
      await browser.login(t, email);
      return browser;
    };
    const memberBrowser = await login('member@example.org');
    const organiserBrowser = await login('organiser@example.org');
    const elsewhereBrowser = await login('elsewhere@example.org');
    // The same ranks in committees: a member of committee 1, the organiser of committee 2.
    const joined = await memberBrowser.put('/api/committees/1/membership', { as: 'member' });
    expect(joined.json()).toMatchObject({ rank: 'member' });
    const other = await elsewhereBrowser.post('/api/committees', {
      name: 'Comité deux',
      place: { postalCode: '75001' },
    });
    expect(other.json()).toMatchObject({ id: 2 });

    await expectRefused(elsewhereBrowser, scoped(), 403);
    expect((await memberBrowser.get('/api/fixture-groups/1')).json()).toEqual({
      kind: 'fixture-group',
      id: 1,
      rank: 'member',
    });
    // The member holds `member`: every route asking more refuses them.
    const lowerRank = scoped().filter(
      (route) =>
        !['follower', 'member'].includes((route.access as Extract<Access, { scope: string }>).rank),
    );
    await expectRefused(memberBrowser, lowerRank, 403);
    const note = await organiserBrowser.post('/api/fixture-groups/1/notes', { text: 'ok' });
    expect(note.json()).toMatchObject({ id: 1, rank: 'organiser' });
    expect((await organiserBrowser.delete('/api/fixture-groups/1')).statusCode).toBe(200);
    expect((await organiserBrowser.get('/api/fixture-groups/3')).json().code).toBe('not_found');
    expect((await organiserBrowser.get('/api/fixture-groups/x')).json().code).toBe('not_found');
  });

  it('lets national staff through a scope only with the declared permission', async () => {
    const admin = await staffBrowser(t, 'scope-admin@example.org', ['admin']);
    const staff = await staffBrowser(t, 'scope-staff@example.org', ['staff']);
    expect((await admin.delete('/api/fixture-groups/2')).json()).toEqual({
      kind: 'fixture-group',
      id: 2,
      rank: null,
    });
    expect((await admin.get('/api/fixture-groups/2')).json().code).toBe('forbidden');
    expect((await staff.delete('/api/fixture-groups/2')).json().code).toBe('forbidden');
  });

  it('stops the start when a route declares no access, has no contract or names an unknown scope', async () => {
    const undeclared = () => async (app: import('fastify').FastifyInstance) => {
      app.get('/api/undeclared', async () => ({}));
    };
    const uncontracted = () => async (app: import('fastify').FastifyInstance) => {
      app.get(
        '/api/uncontracted',
        { config: { access: { authenticated: true } } },
        async () => ({}),
      );
    };
    const unknownScope = () => async (app: import('fastify').FastifyInstance) => {
      const contract = defineRoute({
        method: 'GET',
        path: '/api/unknown-scope/:id',
        summary: 'A route in a scope nobody registered',
        tags: ['testing'],
        access: { scope: 'nowhere', rank: 'member' },
        response: { 200: okSchema },
      });
      serve(app, contract, () => ({ ok: true as const }));
    };
    await expect(buildApp(t.ctx, { routes: [undeclared], scopes: [] })).rejects.toThrow(
      'does not declare its access',
    );
    await expect(buildApp(t.ctx, { routes: [uncontracted], scopes: [] })).rejects.toThrow(
      'is not declared by a contract',
    );
    await expect(buildApp(t.ctx, { routes: [unknownScope], scopes: [] })).rejects.toThrow(
      'unknown scope nowhere',
    );
  });
});
