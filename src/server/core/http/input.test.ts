import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { saveProfileAsNewPerson } from '../../testing/profile.ts';

interface Problem {
  status: number;
  code: string;
  errors?: Array<{ field: string; code: string; message: string }>;
}

type Response = Awaited<ReturnType<Browser['request']>>;

/** A 4xx problem+json naming the field, and nothing else. */
function expectFieldProblem(response: Response, status: number, field: string, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json() as Problem;
  expect(problem.errors).toEqual([expect.objectContaining({ field, code })]);
}

/** A JSON body with a lone surrogate, escaped as JSON.stringify writes it. */
const withLoneSurrogate = (body: unknown) => JSON.stringify(body).replace('LONE', '\\ud800');

describe.each(engines)('input that cannot be stored, on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  const count = async (table: string) =>
    (await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'admin@input.example', ['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const postJson = (browser: Browser, method: string, url: string, raw: string | Buffer) =>
    browser.request(method, url, raw, { 'content-type': 'application/json' });

  it('refuses a lone surrogate in any JSON field with invalid_characters and its path', async () => {
    const visitor = new Browser(t.app, '10.40.0.1');
    const before = await count('signups');
    for (const field of ['firstName', 'email', 'utmSource']) {
      const body = withLoneSurrogate(
        signupBody({ email: 'lone@input.example', [field]: 'aLONEb' }),
      );
      expectFieldProblem(
        await postJson(visitor, 'POST', '/api/signup', body),
        400,
        field,
        'invalid_characters',
      );
    }
    expect(await count('signups')).toBe(before);
    const home = (await admin.get('/api/site')).json().home;
    expectFieldProblem(
      await postJson(
        admin,
        'PUT',
        '/api/admin/site/home',
        withLoneSurrogate({ ...home, title: 'LONE' }),
      ),
      400,
      'title',
      'invalid_characters',
    );
    expectFieldProblem(
      await postJson(
        admin,
        'POST',
        '/api/segments',
        withLoneSurrogate({ name: 'S', filter: { q: 'aLONE' } }),
      ),
      400,
      'filter.q',
      'invalid_characters',
    );
    expectFieldProblem(
      await postJson(
        admin,
        'POST',
        '/api/people/tags/bulk',
        withLoneSurrogate({ personIds: [1], add: ['LONE'] }),
      ),
      400,
      'add.0',
      'invalid_characters',
    );
  });

  it('refuses a lone surrogate in import options (multipart) the same way', async () => {
    const boundary = '----levierinput';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n{"mapping":{},"tags":["a\\ud800"]}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\nemail\na@input.example\r\n--${boundary}--\r\n`,
    );
    const before = await count('imports');
    const response = await admin.request('POST', '/api/people/imports', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expectFieldProblem(response, 400, 'options.tags.0', 'invalid_characters');
    expect(await count('imports')).toBe(before);
  });

  it('refuses more than 10 fields before the file with a 413 problem', async () => {
    const boundary = '----levierfields';
    let body = '';
    for (let i = 0; i < 12; i++)
      body += `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`;
    body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\nemail\na@input.example\r\n--${boundary}--\r\n`;
    const response = await admin.request('POST', '/api/people/imports/preview', Buffer.from(body), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expectFieldProblem(response, 413, 'file', 'too_many_parts');
  });

  it('refuses a JSON body that is not UTF-8, naming the field, instead of replacing bytes', async () => {
    const visitor = new Browser(t.app, '10.40.0.2');
    const json = JSON.stringify(signupBody({ email: 'latin1@input.example', lastName: 'XX' }));
    const [head, tail] = json.split('XX');
    // "Hélène" as Windows-1252 would send it: 0xE9 and 0xE8 are not UTF-8 on their own.
    const body = Buffer.concat([
      Buffer.from(head),
      Buffer.from([0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65]),
      Buffer.from(tail),
    ]);
    expectFieldProblem(
      await postJson(visitor, 'POST', '/api/signup', body),
      400,
      'lastName',
      'invalid_characters',
    );
    const people = await t.ctx.database.query('SELECT 1 FROM people WHERE email_normalized = $1', [
      'latin1@input.example',
    ]);
    expect(people).toHaveLength(0);
    // The same text in UTF-8 is fine.
    const fine = await postJson(visitor, 'POST', '/api/signup', json.replace('XX', 'Hélène'));
    expect(fine.statusCode).toBe(200);
  });

  it('answers a broken %-escape in the path with problem+json', async () => {
    for (const url of ['/api/people/%E0%A4%A', '/api/%']) {
      expectFieldProblem(await admin.get(url), 400, 'path', 'invalid_url');
    }
  });

  it('answers a broken %-escape in the query string with problem+json, on pages too', async () => {
    for (const url of [
      '/api/people?q=%E0%A4%A',
      '/api/people?q=caf%C3',
      '/api/people?q=100%',
      '/?ref=%zz',
    ]) {
      expectFieldProblem(await admin.get(url), 400, 'query', 'invalid_url');
    }
    // Well-formed escapes, '+' for spaces, and characters left unescaped are read as usual.
    expect((await admin.get('/api/people?q=caf%C3%A9+noir')).statusCode).toBe(200);
    expect((await admin.get('/api/people?q=café')).statusCode).toBe(200);
  });

  it('refuses C1 controls, DEL, line separators and bidi overrides anywhere', async () => {
    const visitor = new Browser(t.app, '10.40.0.3');
    for (const bad of ['\u0085', '\u009b', '\u007f', '\u2028', '\u2029', '\u202e', '\u2066']) {
      const response = await visitor.post(
        '/api/signup',
        signupBody({ email: 'controls@input.example', lastName: `Dur${bad}and` }),
      );
      expectFieldProblem(response, 400, 'lastName', 'invalid_characters');
    }
    // Right-to-left names need none of them.
    const arabic = await visitor.post(
      '/api/signup',
      signupBody({ email: 'rtl@input.example', firstName: 'محمد', lastName: 'بن علي' }),
    );
    expect(arabic.statusCode).toBe(200);
    const query = await admin.get(`/api/people?q=${encodeURIComponent('a\u0085b')}`);
    expectFieldProblem(query, 400, 'q', 'invalid_characters');
  });
});

describe.each(engines)('names and the confirmation mail on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts real names of every script and the punctuation they use', async () => {
    const names: Array<[string, string]> = [
      ['Jean-Pierre', 'N’Diaye'],
      ['Jeanne', "d'Arc"],
      ['Ĺudovít', 'Štúr'],
      ['Thị Minh', 'Nguyễn'],
      ['J.-P.', 'Saint-Exupéry'],
      ['Zoë', 'Ørsted'],
      ['王', '小明'],
    ];
    for (const [firstName, lastName] of names) {
      const email = `name.${++n}@names.example`;
      const response = await new Browser(t.app, `10.41.0.${n}`).post(
        '/api/signup',
        signupBody({ email, firstName, lastName }),
      );
      expect(response.statusCode, `${firstName} ${lastName}: ${response.body}`).toBe(200);
    }
  });

  it('refuses a name with line breaks and a message, or anything that reads as a domain', async () => {
    const browser = new Browser(t.app, '10.41.1.1');
    const cases: Array<[field: string, value: string, code: string]> = [
      ['firstName', 'Jean\nVotre adhésion expire. Rappelez le 08 99 12 34 56', 'invalid_name'],
      ['firstName', 'Jean\r\nVotre adhésion expire', 'invalid_name'],
      ['firstName', 'Appelez le 0899', 'invalid_name'],
      ['firstName', 'Jean, rappelez', 'invalid_name'],
      ['lastName', 'bit.ly/abc', 'no_links'],
      ['lastName', 'evil.de/pay', 'no_links'],
      ['lastName', 'Paiement sur exemple.fr', 'no_links'],
      ['lastName', 'Durand www', 'no_links'],
      ['lastName', 'Durand\u00a0Vite', 'invalid_name'],
    ];
    for (const [field, value, code] of cases) {
      const response = await browser.post(
        '/api/signup',
        signupBody({ email: `refused.${++n}@names.example`, [field]: value }),
      );
      expectFieldProblem(response, 400, field, code);
    }
  });

  it('refuses the same names in the profile form', async () => {
    const response = await saveProfileAsNewPerson(t, `profile.${++n}@names.example`, {
      firstName: 'Camille\nRappelez le 08 99',
      lastName: 'Durand',
      postalCode: '69001',
      locale: 'fr',
    });
    expectFieldProblem(response, 400, 'firstName', 'invalid_name');
    // And in a person added by hand at HQ.
    const admin = await staffBrowser(t, `hq.${++n}@names.example`, ['admin']);
    const added = await admin.post('/api/people', {
      firstName: 'Camille',
      lastName: 'Durand\nVotre adhésion expire',
      email: `hq.person.${n}@names.example`,
    });
    expectFieldProblem(added, 400, 'lastName', 'invalid_name');
  });

  it('mails no name, and says "if this wasn’t you" before the button', async () => {
    const email = `mail.${++n}@names.example`;
    const since = t.smtp.received.length;
    const response = await new Browser(t.app, '10.41.2.1').post(
      '/api/signup',
      signupBody({ email, firstName: 'Rappelez', lastName: 'Vite' }),
    );
    expect(response.statusCode).toBe(200);
    const mail = await t.smtp.waitFor(
      email,
      (m) => m.text.includes('/confirm?token='),
      10_000,
      since,
    );
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toContain('Rappelez');
      expect(part).not.toContain('Vite');
      const notYou = part.search(/Si ce n('|&#39;)est pas vous/);
      expect(notYou).toBeGreaterThan(0);
      expect(notYou).toBeLessThan(part.indexOf('/confirm?token='));
    }
    expect(mail.text.startsWith('Bonjour,')).toBe(true);
  });
});

describe.each(engines)('Cache-Control on personal data, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers no-store on every API answer that carries personal data', async () => {
    const personId = await signupAndConfirm(t, { email: 'cached@headers.example' });
    const admin = await staffBrowser(t, 'admin@headers.example', ['admin']);
    const supporter = new Browser(t.app);
    await supporter.login(t, 'cached@headers.example');
    const answers: Array<[string, Response]> = [
      ['people', await admin.get('/api/people')],
      ['person', await admin.get(`/api/people/${personId}`)],
      ['caught mail', await admin.get('/api/admin/mail')],
      ['audit', await admin.get('/api/admin/audit')],
      ['export', await admin.get('/api/people/export.csv')],
      ['session', await supporter.get('/api/session')],
      ['profile', await supporter.get('/api/me/profile')],
      ['not found', await admin.get('/api/people/999999999')],
    ];
    for (const [what, response] of answers) {
      expect(response.statusCode, `${what}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      expect(response.headers['cache-control'], what).toBe('no-store');
    }
    // Public reference data may still be cached.
    const communes = await admin.get('/api/geo/postal-codes/69001');
    expect(communes.headers['cache-control']).toBe('public, max-age=86400');
  });
});
