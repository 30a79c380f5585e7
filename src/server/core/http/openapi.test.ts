import SwaggerParser from '@apidevtools/swagger-parser';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  engines,
  signupBody,
  type EngineName,
  type TestApp,
} from '../../testing/harness.ts';
import {
  CheckedBrowser,
  ContractChecker,
  type OpenApiDocument,
} from '../../testing/openapi-contract.ts';
import { operationIdFor } from './openapi.ts';

const root = new URL('../../../../', import.meta.url).pathname;

interface Operation {
  summary?: string;
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ $ref?: string; name?: string }>;
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}

async function documentOf(t: TestApp) {
  const response = await t.app.inject({ url: '/api/docs/json' });
  expect(response.statusCode).toBe(200);
  return response.json() as OpenApiDocument & {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
  };
}

const operations = (doc: Awaited<ReturnType<typeof documentOf>>) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method,
      operation,
    })),
  );

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Awaited<ReturnType<typeof documentOf>>;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    doc = await documentOf(t);
  });
  afterAll(() => t.close());

  it('is valid OpenAPI 3.0 for a standard validator', async () => {
    expect(doc.openapi).toBe('3.0.3');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'levier-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(doc));
      const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js');
      const args = [cli, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format=json'];
      // No network: no usage report, no check for a newer version.
      const env = {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      };
      const { stdout } = await promisify(execFile)(process.execPath, args, { env }).catch(
        (error: { stdout: string }) => ({ stdout: error.stdout }),
      );
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
      };
      const problems = report.problems.map(
        (p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`,
      );
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // Routes added later are held to it: a summary, an answer with its schema, and access.
  it('gives every operation a summary, an operationId, its access and a documented answer', () => {
    const missing = operations(doc).flatMap(({ key, method, operation }) => {
      const wrong: string[] = [];
      if (!operation.summary?.trim()) wrong.push('no summary');
      if (!operation.operationId) wrong.push('no operationId');
      if (!operation.security) wrong.push('no security');
      const success = Object.entries(operation.responses).filter(([status]) => /^2/.test(status));
      if (!success.length) wrong.push('no 2xx answer (add `response` to the route schema)');
      for (const [status, answer] of success) {
        if (status !== '204' && !answer.content) wrong.push(`${status} has no schema`);
      }
      for (const status of ['400', '500']) {
        if (!operation.responses[status]) wrong.push(`no ${status} problem`);
      }
      const loginNeeded = operation.security?.every((scheme) => Object.keys(scheme).length > 0);
      if (operation.security?.length && loginNeeded && !operation.responses['401'])
        wrong.push('no 401');
      const csrf = operation.parameters?.some((p) => p.$ref?.endsWith('/CsrfToken'));
      if (method === 'get' && csrf) wrong.push('x-csrf-token on a GET');
      return wrong.map((problem) => `${key}: ${problem}`);
    });
    expect(missing).toEqual([]);
  });

  it('documents the CSRF header on mutating calls with a session, not on embedded forms', () => {
    const csrf = (key: string) => {
      const found = operations(doc).find((o) => o.key === key)!;
      return !!found.operation.parameters?.some((p) => p.$ref?.endsWith('/CsrfToken'));
    };
    expect(csrf('PUT /api/me/profile')).toBe(true);
    expect(csrf('POST /api/auth/login/start')).toBe(true);
    expect(csrf('POST /api/signup')).toBe(false);
    expect(csrf('POST /api/signup/confirm')).toBe(false);
    expect(csrf('GET /api/people')).toBe(false);
  });

  it('documents security, problem answers and 204 from each route', () => {
    const op = (key: string) => operations(doc).find((o) => o.key === key)!.operation;
    expect(op('GET /api/site').security).toEqual([]);
    expect(op('GET /api/session').security).toEqual([{}, { session: [] }]);
    expect(op('GET /api/people').security).toEqual([{ session: [] }, { apiToken: [] }]);
    // A person's own routes take no token.
    expect(op('GET /api/me/committees').security).toEqual([{ session: [] }]);
    expect(Object.keys(op('GET /api/people').responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '500']),
    );
    expect(Object.keys(op('POST /api/signup').responses)).toEqual(
      expect.arrayContaining(['200', '400', '413', '415', '429', '500']),
    );
    expect(op('GET /api/people/{id}').responses['404']).toBeDefined();
    expect(op('GET /api/people/{id}').responses['401'].content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
    });
    const deleted = op('DELETE /api/segments/{id}').responses;
    expect(deleted['204']).toEqual({ description: 'The segment is deleted.' });
    expect(deleted['200']).toBeUndefined();
    expect(op('GET /api/people/{id}').operationId).toBe('getPeopleById');
  });
});

describe('operationIdFor', () => {
  it('names an operation from its method and path', () => {
    expect(operationIdFor('GET', '/api/people/imports/:id/errors.csv')).toBe(
      'getPeopleImportsByIdErrorsCsv',
    );
    expect(operationIdFor('POST', '/api/auth/logout-everywhere')).toBe('postAuthLogoutEverywhere');
  });
});

/** A multipart/form-data body holding a CSV file and the import options. */
function csvUpload(csv: string, options: unknown) {
  const boundary = `----levier${randomBytes(8).toString('hex')}`;
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify(options)}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An address of its own for each browser, so that rate limits count each apart. */
let lastIp = 0;
const nextIp = () => `10.9.${Math.floor(++lastIp / 250)}.${lastIp % 250}`;

describe.each(engines)('the API answers as its OpenAPI document says (%s)', (engine) => {
  let t: TestApp;
  let contract: ContractChecker;
  const browser = (ip = nextIp()) => new CheckedBrowser(t.app, contract, ip);

  beforeAll(async () => {
    t = await createTestApp(engine as EngineName, { SIGNUP_RATE_LIMIT: '3' });
    contract = new ContractChecker(await documentOf(t));
  });
  afterAll(() => t.close());

  async function staff(email: string, roles: string[]) {
    const { personForEmail, setRoles } = await import('../../features/accounts/admin.ts');
    const personId = await personForEmail(t.ctx, email);
    await setRoles(t.ctx, personId, roles as never[], [], null);
    const b = browser();
    await b.login(t, email);
    return { b, personId };
  }

  async function confirmedSupporter(email: string) {
    const b = browser();
    const since = t.smtp.received.length;
    expect((await b.post('/api/signup', signupBody({ email }))).statusCode).toBe(200);
    const mail = await t.smtp.waitFor(
      email,
      (m) => m.text.includes('/confirm?token='),
      10_000,
      since,
    );
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    expect((await b.post('/api/signup/confirm', { token })).statusCode).toBe(200);
    return b;
  }

  it('public reference data and site', async () => {
    const b = browser();
    expect((await b.get('/api/site')).statusCode).toBe(200);
    expect((await b.get('/api/site/consent-wordings')).statusCode).toBe(200);
    expect((await b.get('/api/geo/postal-codes/69001')).statusCode).toBe(200);
    expect((await b.get('/api/geo/postal-codes/00000')).statusCode).toBe(404);
    expect((await b.get('/api/geo/departements')).statusCode).toBe(200);
    expect((await b.get('/api/geo/communes?q=lyon')).statusCode).toBe(200);
    expect((await b.get('/api/geo/communes?q=l')).statusCode).toBe(400);
    expect((await b.get('/api/geo/communes/by-code?codes=69123,75056')).statusCode).toBe(200);
    expect((await b.get('/api/session')).statusCode).toBe(200);
  });

  it('sign-up: success, validation errors, wrong media type, too large, rate limit', async () => {
    const email = 'contract@example.org';
    expect((await browser().post('/api/signup', signupBody({ email }))).statusCode).toBe(200);
    const invalid = await browser().post(
      '/api/signup',
      signupBody({ email: 'no', postalCode: 'x' }),
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'validation_failed' });
    const json = { 'content-type': 'application/json' };
    const xml = { 'content-type': 'application/xml' };
    expect((await browser().request('POST', '/api/signup', '<x/>', xml)).statusCode).toBe(415);
    const huge = signupBody({ firstName: 'x'.repeat(t.ctx.config.BODY_LIMIT_BYTES) });
    const tooLarge = await browser().request('POST', '/api/signup', JSON.stringify(huge), json);
    expect(tooLarge.statusCode).toBe(413);
    const confirm = await browser().post('/api/signup/confirm', { token: '12.nottherightmac' });
    expect(confirm.statusCode).toBe(400);
    // One address spends its sign-up budget (3 here): the next call is refused.
    const b = browser();
    for (let i = 0; i < 3; i++) {
      expect((await b.post('/api/signup/resend', { email })).statusCode).toBe(200);
    }
    expect((await b.post('/api/signup/resend', { email })).statusCode).toBe(429);
  });

  it('login: CSRF refused, wrong code, link and password, then the supporter space', async () => {
    const anonymous = browser();
    expect(
      (await anonymous.post('/api/auth/login/start', { email: 'a@example.org' })).statusCode,
    ).toBe(403);
    expect((await anonymous.get('/api/me/profile')).statusCode).toBe(401);
    await anonymous.session();
    expect(
      (await anonymous.post('/api/auth/login/code', { email: 'a@example.org', code: '000000' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await anonymous.post('/api/auth/login/code', { email: 'a@example.org', code: '12' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await anonymous.post('/api/auth/login/link', { token: 'x'.repeat(20) })).statusCode,
    ).toBe(400);
    expect(
      (
        await anonymous.post('/api/auth/login/password', {
          email: 'a@example.org',
          password: 'wrong',
        })
      ).statusCode,
    ).toBe(400);

    const email = 'supporter.contract@example.org';
    await confirmedSupporter(email);
    const me = browser();
    await me.login(t, email);
    expect((await me.get('/api/me/profile')).statusCode).toBe(200);
    const profile = { firstName: 'Camille', lastName: 'Durand', postalCode: '69001', locale: 'fr' };
    expect((await me.put('/api/me/profile', profile)).statusCode).toBe(200);
    expect((await me.put('/api/me/profile', { ...profile, firstName: '' })).statusCode).toBe(400);
    const consents = { consents: { email: true, sms: false, phone: false }, locale: 'fr' };
    expect((await me.put('/api/me/consents', consents)).statusCode).toBe(200);
    expect((await me.get('/api/me/export')).statusCode).toBe(200);
    expect((await me.get('/api/people')).statusCode).toBe(403);
    expect((await me.post('/api/auth/password', { newPassword: 'short' })).statusCode).toBe(400);
    // Passwords are for staff only.
    const password = { newPassword: 'a long enough passphrase' };
    expect((await me.post('/api/auth/password', password)).statusCode).toBe(403);
    expect((await me.post('/api/auth/logout-everywhere')).statusCode).toBe(200);

    const again = browser();
    await again.login(t, email);
    expect((await again.post('/api/auth/logout')).statusCode).toBe(200);
    const last = browser();
    await last.login(t, email);
    expect((await last.post('/api/me/delete', { confirm: 'no' })).statusCode).toBe(400);
    expect((await last.post('/api/me/delete', { confirm: 'DELETE' })).statusCode).toBe(200);
  });

  it('staff: people, tags, segments, imports, export, statistics and admin views', async () => {
    const supporter = await confirmedSupporter('people.contract@example.org');
    void supporter;
    const { b: admin } = await staff('admin.contract@example.org', ['admin']);

    const page = await admin.get('/api/people?q=people.contract');
    expect(page.statusCode).toBe(200);
    const personId = (page.json() as { items: Array<{ id: number }> }).items[0].id;
    expect((await admin.get(`/api/people/${personId}`)).statusCode).toBe(200);
    expect((await admin.get('/api/people/999999999')).statusCode).toBe(404);
    expect((await admin.get('/api/people/abc')).statusCode).toBe(400);
    expect((await admin.get('/api/people?consentEmail=maybe')).statusCode).toBe(400);
    expect(
      (await admin.post('/api/people/tags/bulk', { personIds: [personId], add: ['bénévole'] }))
        .statusCode,
    ).toBe(200);
    expect((await admin.get('/api/tags')).statusCode).toBe(200);
    // A problem with an extension member (RFC 9457): documented, and sent whole.
    const taken = await admin.post('/api/people', { email: 'people.contract@example.org' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'email_taken', existingPersonId: personId });
    const added = await admin.post('/api/people', { firstName: 'Inès', lastName: 'Morel' });
    expect(added.statusCode).toBe(201);

    const created = await admin.post('/api/segments', {
      name: 'Lyon',
      filter: { departementCodes: '69' },
    });
    expect(created.statusCode).toBe(200);
    const segmentId = (created.json() as { id: number }).id;
    expect((await admin.get('/api/segments')).statusCode).toBe(200);
    expect(
      (await admin.put(`/api/segments/${segmentId}`, { name: 'Rhône', filter: {} })).statusCode,
    ).toBe(200);
    expect((await admin.put('/api/segments/999999999', { name: 'x', filter: {} })).statusCode).toBe(
      404,
    );
    expect((await admin.delete(`/api/segments/${segmentId}`)).statusCode).toBe(204);

    const csv =
      'email,prenom,nom,code postal\nimport.contract@example.org,Jeanne,Martin,69001\nbad,,,\n';
    const preview = csvUpload(csv, { mapping: {} });
    expect(
      (await admin.request('POST', '/api/people/imports/preview', preview.body, preview.headers))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await admin.request('POST', '/api/people/imports/preview', '{}', {
          'content-type': 'application/json',
        })
      ).statusCode,
    ).toBe(415);
    const upload = csvUpload(csv, { mapping: {}, applyValidRows: true });
    const queued = await admin.request('POST', '/api/people/imports', upload.body, upload.headers);
    expect(queued.statusCode).toBe(202);
    const importId = (queued.json() as { id: number }).id;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const report = await admin.get(`/api/people/imports/${importId}`);
      expect(report.statusCode).toBe(200);
      if (!['queued', 'running'].includes((report.json() as { status: string }).status)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await admin.get('/api/people/imports')).statusCode).toBe(200);
    expect((await admin.get(`/api/people/imports/${importId}/errors.csv`)).statusCode).toBe(200);
    expect((await admin.get('/api/people/imports/999999999')).statusCode).toBe(404);
    expect((await admin.get('/api/people/export.csv?format=csv')).statusCode).toBe(200);

    expect((await admin.get('/api/stats/recruitment')).statusCode).toBe(200);
    expect((await admin.get('/api/stats/recruitment?from=not-a-day')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/accounts')).statusCode).toBe(200);
    expect(
      (
        await admin.post('/api/admin/accounts', {
          email: 'staff.contract@example.org',
          roles: ['staff'],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await admin.put(`/api/admin/accounts/${personId}`, { roles: ['moderator'] })).statusCode,
    ).toBe(200);
    expect(
      (await admin.put(`/api/admin/accounts/${personId}`, { roles: ['king'] })).statusCode,
    ).toBe(400);
    const mail = await admin.get('/api/admin/mail');
    expect(mail.statusCode).toBe(200);
    expect((await admin.get('/api/admin/mail/999999999')).statusCode).toBe(404);
    expect((await admin.get('/api/admin/audit')).statusCode).toBe(200);
    const password = { newPassword: 'a long enough passphrase' };
    expect((await admin.post('/api/auth/password', password)).statusCode).toBe(200);
  }, 120_000);

  // Every operation at least once, as nobody and as an administrator: whatever it answers
  // (an access refusal, a validation error, a 404 for an id that is not there, a page) must be
  // documented, with a body as documented.
  it('every operation answers as documented to a visitor and to an administrator', async () => {
    const doc = await documentOf(t);
    const { b: admin } = await staff('sweep.contract@example.org', ['admin']);
    for (const [path, methods] of Object.entries(doc.paths)) {
      const url = path.replace(/\{[^}]+\}/g, '999999999');
      for (const method of Object.keys(methods)) {
        await browser().request(method.toUpperCase(), url, method === 'get' ? undefined : {});
        if (method === 'get') await admin.get(url);
      }
    }
    expect(contract.unseen()).toEqual([]);
  }, 120_000);
});
