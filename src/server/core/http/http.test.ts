import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../../contracts/common.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../../contracts/access.ts';
import { defineRoute } from '../../../contracts/route.ts';
import { currentAuth, registerAccessControl, type SessionLoader } from './access.ts';
import { serve } from './contract.ts';
import { errorHandler } from './errors.ts';
import type { AuthState } from './session.ts';

interface LightResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  json(): unknown;
}

/** Every error is application/problem+json with type, title, status, code and detail. */
function expectProblem(response: LightResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = problemSchema.parse(response.json());
  expect(body).toMatchObject({ status, code, type: `https://levier.org/problems/${code}` });
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail?.length).toBeGreaterThan(0);
  return body;
}

describe('errors from below the application', () => {
  it('answers a full disk with 503 storage_full and a retry delay, whichever layer says so', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(errorHandler);
    app.get('/database', async () => {
      throw Object.assign(new Error('could not extend file: No space left on device'), {
        code: '53100',
      });
    });
    app.get('/file', async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    for (const url of ['/database', '/file']) {
      const response = await app.inject(url);
      const body = expectProblem(response, 503, 'storage_full');
      expect(body.detail).toMatch(/disk is full: nothing was saved/);
      expect(response.headers['retry-after']).toBe('60');
    }
    await app.close();
  });
});

describe('access declarations', () => {
  const staffAuth: AuthState = {
    personId: 7,
    sessionHash: 'x',
    roles: ['staff'],
    permissions: ['people.read'],
  };

  /** A bare app with the zod compilers and access control, as buildApp sets them up. */
  function bareApp(loadSession: SessionLoader) {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerAccessControl(app, loadSession);
    return app;
  }

  /** A GET route's contract answering anything, with the given access. */
  const contract = (path: `/api/${string}`, access: Access) =>
    defineRoute({
      method: 'GET',
      path,
      summary: path,
      tags: ['testing'],
      access,
      response: { 200: z.unknown() },
    });

  it('refuses to start when an API route does not declare its access', async () => {
    const app = bareApp(async () => null);
    // As buildApp registers every feature plugin.
    await expect(
      app.register(async (child) => {
        serve(child, contract('/api/declared', { public: true }), () => 'ok');
        child.get('/api/undeclared', async () => ({ ok: true }));
      }),
    ).rejects.toThrow(/GET \/api\/undeclared does not declare its access/);
  });

  it('refuses an undeclared route registered on the root too', () => {
    const app = bareApp(async () => null);
    expect(() => app.post('/api/oops', async () => 'x')).toThrow(/does not declare its access/);
  });

  it('refuses an API route that declares its access but comes from no contract', () => {
    const app = bareApp(async () => null);
    expect(() =>
      app.get('/api/loose', { config: { access: { public: true } } }, async () => 'x'),
    ).toThrow(/GET \/api\/loose is not declared by a contract/);
  });

  it('lets non-API routes and the docs go undeclared, and enforces declarations', async () => {
    let session: AuthState | null = null;
    const app = bareApp(async () => session);
    app.setErrorHandler(errorHandler);
    await app.register(cookie);
    app.get('/about', async () => 'page');
    app.get('/api/docs/extra', async () => 'docs');
    serve(app, contract('/api/open', { public: true }), (request) => ({ auth: request.auth }));
    serve(app, contract('/api/optional', { public: true, session: 'optional' }), (request) => ({
      personId: request.auth?.personId ?? null,
    }));
    serve(app, contract('/api/mine', { authenticated: true }), (request) => ({
      personId: currentAuth(request).personId,
    }));
    serve(app, contract('/api/hq', { permission: 'people.read' }), () => 'hq');
    serve(app, contract('/api/admin', { permission: 'roles.manage' }), () => 'a');
    await app.ready();

    expect((await app.inject('/about')).statusCode).toBe(200);
    expect((await app.inject('/api/docs/extra')).statusCode).toBe(200);
    session = staffAuth;
    // A public route does not even look at the session unless it asks to.
    expect((await app.inject('/api/open')).json()).toEqual({ auth: null });
    expect((await app.inject('/api/optional')).json()).toEqual({ personId: 7 });
    expect((await app.inject('/api/mine')).json()).toEqual({ personId: 7 });
    expect((await app.inject('/api/hq')).statusCode).toBe(200);
    expectProblem(await app.inject('/api/admin'), 403, 'forbidden');
    session = null;
    expect((await app.inject('/api/optional')).json()).toEqual({ personId: null });
    expectProblem(await app.inject('/api/mine'), 401, 'unauthenticated');
    expectProblem(await app.inject('/api/hq'), 401, 'unauthenticated');
    await app.close();
  });
});

describe.each(engines)('HTTP layer on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers bad input with a 400 problem listing the fields', async () => {
    const response = await new Browser(t.app).post('/api/signup', {
      firstName: '',
      email: 'x@example.org',
      postalCode: '69001',
      consents: { email: true, sms: false, phone: false },
    });
    const body = expectProblem(response, 400, 'validation_failed');
    const fields = body.errors!.map((e) => `${e.field}:${e.code}`).sort();
    expect(fields).toContain('firstName:required');
    expect(fields.some((f) => f.startsWith('lastName:'))).toBe(true);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/signup',
      headers: { 'content-type': 'application/json' },
      payload: '{"firstName": ',
    });
    expectProblem(response, 400, 'invalid_json');
  });

  it('answers 401 for a logged-out person on a private route', async () => {
    expectProblem(await new Browser(t.app).get('/api/me/profile'), 401, 'unauthenticated');
    expectProblem(await new Browser(t.app).get('/api/people'), 401, 'unauthenticated');
  });

  it('checks access before validating input', async () => {
    // A logged-out caller learns nothing about a private route's parameters.
    expectProblem(
      await new Browser(t.app).get('/api/people?pageSize=10000'),
      401,
      'unauthenticated',
    );
    expectProblem(await new Browser(t.app).get('/api/people/not-a-number'), 401, 'unauthenticated');
  });

  it('answers 403 for a missing CSRF token', async () => {
    const browser = new Browser(t.app);
    expectProblem(
      await browser.post('/api/auth/login/start', { email: 'a@example.org' }),
      403,
      'csrf_invalid',
    );
  });

  it('answers 404 for an unknown API route, whatever the method', async () => {
    expectProblem(await new Browser(t.app).get('/api/nothing-here'), 404, 'not_found');
    const browser = new Browser(t.app);
    await browser.session();
    expectProblem(await browser.post('/api/nothing-here', { a: 1 }), 404, 'not_found');
  });

  it('answers 404 for an unknown record', async () => {
    const staff = await staffBrowser(t, 'http.staff@http.example', ['staff']);
    expectProblem(await staff.get('/api/people/987654321'), 404, 'not_found');
    expectProblem(await staff.get('/api/admin/accounts'), 403, 'forbidden');
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await new Browser(t.app).post('/api/signup', {
      firstName: 'x'.repeat(1_100_000),
    });
    expectProblem(response, 413, 'payload_too_large');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/signup',
      headers: { 'content-type': 'text/csv' },
      payload: 'firstName,lastName\nA,B\n',
    });
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('sends security headers on API answers and on errors', async () => {
    for (const response of [
      await t.app.inject('/api/site'),
      await t.app.inject('/api/nothing-here'),
      await t.app.inject('/'),
    ]) {
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBeDefined();
      // Not production: no HSTS on plain-HTTP development servers.
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('serves the OpenAPI description, generated from the zod schemas', async () => {
    const response = await t.app.inject('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as {
      openapi: string;
      info: { title: string };
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<
                string,
                { schema: { properties: Record<string, unknown>; required: string[] } }
              >;
            };
          }
        >
      >;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Levier API');
    const signup = doc.paths['/api/signup']?.post;
    expect(signup).toBeDefined();
    const schema = signup!.requestBody!.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'email', 'postalCode', 'consents']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['firstName', 'email', 'consents']));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/session', '/api/people', '/api/me/profile']),
    );
    // A multipart upload describes its parts, though its route reads them as a stream.
    for (const path of ['/api/people/imports', '/api/people/imports/preview']) {
      const body = doc.paths[path]!.post.requestBody!.content['multipart/form-data'].schema;
      expect(Object.keys(body.properties)).toEqual(['file', 'options']);
      expect(body.required).toEqual(['file']);
      expect(body.properties.options).toMatchObject({
        type: 'object',
        properties: { mapping: expect.anything(), tags: expect.anything() },
      });
    }
  });
});

describe('HTTP layer in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
      // Production refuses the carrier simulator; nothing here calls anyone.
      CARRIER: 'twilio',
      TWILIO_ACCOUNT_SID: 'ACproductiontest',
      TWILIO_AUTH_TOKEN: 'production-test-token',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends HSTS and marks the session and CSRF cookies Secure', async () => {
    const site = await t.app.inject('/api/site');
    expect(site.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const session = await t.app.inject('/api/session');
    const csrf = session.cookies.find((c) => c.name === 'levier_csrf') as
      { secure?: boolean; httpOnly?: boolean } | undefined;
    expect(csrf).toMatchObject({ secure: true, httpOnly: true });
    const staff = await staffBrowser(t, 'prod.staff@http.example', ['staff']);
    const me = await staff.session();
    expect(me.me?.permissions).toContain('people.read');
    // Log in once more in a fresh client to look at the cookie the server sets.
    const browser = new Browser(t.app);
    await browser.session();
    const before = t.smtp.received.length;
    await browser.post('/api/auth/login/start', { email: 'prod.staff@http.example' });
    const mail = await t.smtp.waitFor(
      'prod.staff@http.example',
      (m) => t.smtp.received.indexOf(m) >= before && /^\d{6} /.test(m.subject),
    );
    const login = await browser.post('/api/auth/login/code', {
      email: 'prod.staff@http.example',
      code: mail.subject.slice(0, 6),
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'levier_sid') as
      { secure?: boolean; httpOnly?: boolean; sameSite?: string } | undefined;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });
});

describe.each(engines)('control characters on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a NUL anywhere in a request with a field error, and stores nothing', async () => {
    const nul = 'Jean\u0000ne';
    const visitor = new Browser(t.app, '10.7.0.1');
    const signup = await visitor.post('/api/signup', {
      firstName: nul,
      lastName: 'Durand',
      email: 'nul.byte@example.org',
      postalCode: '69001',
      consents: { email: true, sms: false, phone: false },
      utmSource: 'news\u0000letter',
    });
    const body = expectProblem(signup, 400, 'validation_failed');
    expect(body.errors).toContainEqual(
      expect.objectContaining({ field: 'firstName', code: 'invalid_characters' }),
    );
    expect(
      await t.ctx.database.query(
        "SELECT 1 FROM people WHERE email_normalized = 'nul.byte@example.org'",
      ),
    ).toHaveLength(0);

    const staff = await staffBrowser(t, 'nul.staff@example.org', ['admin']);
    expectProblem(
      await staff.get(`/api/people?q=${encodeURIComponent(nul)}`),
      400,
      'validation_failed',
    );
    expectProblem(
      await staff.post('/api/segments', { name: nul, filter: {} }),
      400,
      'validation_failed',
    );
    expect(await t.ctx.database.query('SELECT 1 FROM segments')).toHaveLength(0);
    // Tabs and line breaks are text.
    const tabbed = await staff.post('/api/segments', { name: 'A\tB', filter: {} });
    expect(tabbed.statusCode).toBe(200);
  });
});
