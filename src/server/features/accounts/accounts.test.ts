import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { SESSION_COOKIE } from '../../core/http/session.ts';
import { purgeEndedSessions } from './sessions.ts';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ field: string; code: string; message: string }>;
}

describe.each(engines)('accounts on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  /** A fresh, confirmed supporter for each test, so tests never share a person. */
  const supporter = async (name: string) => {
    const email = `${name}.${++n}@accounts.example`;
    const personId = await signupAndConfirm(t, { email, firstName: name });
    return { email, personId };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Asks for a login code and returns the code and magic-link token from the mail it sends. */
  const requestCode = async (browser: Browser, email: string) => {
    if (!browser.csrfToken) await browser.session();
    const before = t.smtp.received.length;
    const response = await browser.post('/api/auth/login/start', { email });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    const mail = await t.smtp.waitFor(
      email,
      (m) => t.smtp.received.indexOf(m) >= before && /code de connexion|login code/.test(m.subject),
    );
    const code = /^(\d{6}) /.exec(mail.subject)?.[1];
    const token = /\/login\/link\?token=([\w-]+)/.exec(mail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(mail.text).toContain(code!);
    expect(token).toBeTruthy();
    return { code: code!, token: token! };
  };

  const postCode = (browser: Browser, email: string, code: string) =>
    browser.post('/api/auth/login/code', { email, code });

  const loginWithCode = async (browser: Browser, email: string) => {
    const { code } = await requestCode(browser, email);
    const response = await postCode(browser, email, code);
    expect(response.statusCode).toBe(200);
    browser.csrfToken = (response.json() as { csrfToken: string }).csrfToken;
    return response;
  };

  const sessionCookieOf = (response: { cookies: Array<{ name: string; value: string }> }) =>
    response.cookies.find((c) => c.name === SESSION_COOKIE);

  /** What the server makes of a raw session cookie value, without any other state. */
  const whoIs = async (cookieValue: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: cookieValue },
    });
    return (response.json() as { me: { personId: number } | null }).me;
  };

  it('answers GET /api/session with me=null and a CSRF token when logged out', async () => {
    const browser = new Browser(t.app);
    const response = await browser.get('/api/session');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json() as { me: unknown; csrfToken: string };
    expect(body.me).toBeNull();
    expect(body.csrfToken.length).toBeGreaterThan(10);
    // A forged or tampered session cookie is the same as none.
    expect(await whoIs('not-a-signed-value')).toBeNull();
  });

  it('logs in with a 6-digit code valid 15 minutes, and the session says who is in', async () => {
    const { email, personId } = await supporter('code');
    const browser = new Browser(t.app);
    const { code } = await requestCode(browser, email);
    const [row] = await t.ctx.database.query<{ seconds: number; attempts: number }>(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds, attempts
         FROM login_codes WHERE person_id = $1`,
      [personId],
    );
    expect(row).toEqual({ seconds: 15 * 60, attempts: 0 });
    // The code itself is never stored, only a keyed hash of it.
    const stored = await t.ctx.database.query('SELECT 1 FROM login_codes WHERE code_hash = $1', [
      code,
    ]);
    expect(stored).toHaveLength(0);

    const response = await postCode(browser, email.toUpperCase(), code);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { me: { personId: number; email: string; roles: string[] } };
    expect(body.me).toMatchObject({ personId, email, roles: [], hasPassword: false });
    const session = await browser.session();
    expect(session.me?.personId).toBe(personId);
    const [account] = await t.ctx.database.query<{ last_login_at: Date | null }>(
      'SELECT last_login_at FROM accounts WHERE person_id = $1',
      [personId],
    );
    expect(account.last_login_at).not.toBeNull();
  });

  it('sets the session cookie httpOnly, SameSite=Lax, signed, for the whole site', async () => {
    const { email, personId } = await supporter('cookie');
    const browser = new Browser(t.app);
    const response = await loginWithCode(browser, email);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE) as
      | { value: string; httpOnly?: boolean; sameSite?: string; path?: string; maxAge?: number }
      | undefined;
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.maxAge).toBe(30 * 86400);
    const unsigned = t.app.unsignCookie(cookie!.value);
    expect(unsigned.valid).toBe(true);
    expect(unsigned.value).not.toBe(cookie!.value);
    expect(await whoIs(cookie!.value)).toMatchObject({ personId });
    // Changing one character of the signed value makes it worthless.
    const last = cookie!.value.at(-1) === 'A' ? 'B' : 'A';
    expect(await whoIs(cookie!.value.slice(0, -1) + last)).toBeNull();
    // The raw session id, unsigned, is refused too.
    expect(await whoIs(unsigned.value!)).toBeNull();
    // Only a hash of the id is stored.
    const sessions = await t.ctx.database.query<{ id_hash: string }>(
      'SELECT id_hash FROM sessions WHERE person_id = $1',
      [personId],
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0].id_hash).not.toBe(unsigned.value);
  });

  it('refuses a wrong code with the attempts left, then too_many_attempts after 5', async () => {
    const { email } = await supporter('attempts');
    const browser = new Browser(t.app);
    const { code } = await requestCode(browser, email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 0; left--) {
      const response = await postCode(browser, email, wrong);
      expect(response.statusCode).toBe(400);
      const body = response.json() as Problem;
      expect(body.code).toBe('invalid_code');
      expect(body.detail).toContain(`${left} attempt`);
      expect(body.errors?.[0]).toMatchObject({ field: 'code', code: 'invalid_code' });
    }
    const blocked = await postCode(browser, email, code);
    expect(blocked.statusCode).toBe(400);
    expect((blocked.json() as Problem).code).toBe('too_many_attempts');
    expect((await browser.session()).me).toBeNull();
    // A new code starts a fresh count.
    const fresh = await requestCode(browser, email);
    expect((await postCode(browser, email, fresh.code)).statusCode).toBe(200);
  });

  it('answers a code for an address nobody has exactly as for a supporter', async () => {
    const { email: known } = await supporter('alike');
    const unknown = `nobody.${++n}@accounts.example`;
    /** What a visitor sees for an address: 5 wrong codes, then a sixth try, then expiry. */
    const transcript = async (email: string) => {
      const browser = new Browser(t.app);
      await browser.session();
      const before = t.smtp.received.length;
      const [{ last }] = await t.ctx.database.query<{ last: number }>(
        'SELECT coalesce(max(id), 0)::int AS last FROM login_codes',
      );
      const started = await browser.post('/api/auth/login/start', { email });
      const seen: unknown[] = [started.statusCode, started.json()];
      for (let i = 0; i < 6; i++) {
        const response = await postCode(browser, email, '000000');
        const { code, detail, errors } = response.json() as Problem;
        seen.push(response.statusCode, code, detail, errors);
      }
      await t.ctx.database.query(
        `UPDATE login_codes SET expires_at = now() - interval '1 second', attempts = 0 WHERE id > $1`,
        [last],
      );
      const late = await postCode(browser, email, '000000');
      seen.push(late.statusCode, (late.json() as Problem).code);
      return { seen, mails: t.smtp.received.length - before };
    };
    const forKnown = await transcript(known);
    const forUnknown = await transcript(unknown);
    expect(forUnknown.seen).toEqual(forKnown.seen);
    expect(forKnown.seen).toContain('too_many_attempts');
    expect(forKnown.seen.at(-1)).toBe('code_expired');
    // Only the supporter was mailed; the address nobody has is kept only as a keyed hash.
    await t.smtp.waitFor(known, (m) => /code de connexion|login code/.test(m.subject));
    expect(t.smtp.received.some((m) => m.to.includes(unknown))).toBe(false);
    const stored = await t.ctx.database.query<{ email_hash: string; person_id: number | null }>(
      'SELECT email_hash, person_id FROM login_codes WHERE person_id IS NULL',
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain('nobody');
  });

  it('keeps neither the code nor its subject once the login mail is sent', async () => {
    const { email, personId } = await supporter('subject');
    const { code } = await requestCode(new Browser(t.app), email);
    const outbox = () =>
      t.ctx.database.query<{ status: string; subject: string | null }>(
        "SELECT status, subject FROM mail_outbox WHERE person_id = $1 AND kind = 'login_code'",
        [personId],
      );
    // Marked sent just after the SMTP server took it.
    await expect.poll(outbox).toEqual([{ status: 'sent', subject: null }]);
    expect(JSON.stringify(await outbox())).not.toContain(code);
  });

  it('allows no more than 5 guesses even when they arrive all at once', async () => {
    const { email, personId } = await supporter('parallel');
    const browser = new Browser(t.app);
    const { code } = await requestCode(browser, email);
    const wrong = Array.from({ length: 20 }, (_, i) => String(i).padStart(6, '9')).filter(
      (guess) => guess !== code,
    );
    const responses = await Promise.all(wrong.map((guess) => postCode(browser, email, guess)));
    const codes = responses.map((r) => (r.json() as Problem).code);
    expect(codes.filter((c) => c === 'invalid_code')).toHaveLength(5);
    expect(codes.filter((c) => c === 'too_many_attempts')).toHaveLength(wrong.length - 5);
    const [row] = await t.ctx.database.query<{ attempts: number }>(
      'SELECT attempts FROM login_codes WHERE person_id = $1',
      [personId],
    );
    expect(row.attempts).toBe(5);
    expect((await postCode(browser, email, code)).statusCode).toBe(400);
  });

  it('accepts only the newest code once a new one is asked for', async () => {
    const { email } = await supporter('newest');
    const browser = new Browser(t.app);
    const older = await requestCode(browser, email);
    const newer = await requestCode(browser, email);
    if (older.code !== newer.code) {
      const stale = await postCode(browser, email, older.code);
      expect((stale.json() as Problem).code).toBe('invalid_code');
    }
    expect((await postCode(browser, email, newer.code)).statusCode).toBe(200);
  });

  it('ends a session when it expires', async () => {
    const { email, personId } = await supporter('stale');
    const browser = new Browser(t.app);
    await loginWithCode(browser, email);
    expect((await browser.get('/api/me/profile')).statusCode).toBe(200);
    await t.ctx.database.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE person_id = $1`,
      [personId],
    );
    expect((await browser.get('/api/me/profile')).statusCode).toBe(401);
    expect((await browser.session()).me).toBeNull();
  });

  it("ends a staff session after STAFF_SESSION_IDLE_HOURS without a request, not a supporter's", async () => {
    const idle = `${t.ctx.config.STAFF_SESSION_IDLE_HOURS} hours 1 minute`;
    const staff = await staffBrowser(t, `idle.staff.${++n}@accounts.example`, ['staff']);
    const { email, personId } = await supporter('idle');
    const browser = new Browser(t.app);
    await loginWithCode(browser, email);
    expect((await staff.get('/api/people')).statusCode).toBe(200);
    const staffId = (await staff.session()).me!.personId;
    await t.ctx.database.query(
      `UPDATE sessions SET last_seen_at = now() - $2::interval WHERE person_id = ANY($1)`,
      [[staffId, personId], idle],
    );
    expect((await staff.get('/api/people')).statusCode).toBe(401);
    expect((await browser.get('/api/me/profile')).statusCode).toBe(200);

    // Ended sessions go with the daily purge; live ones stay.
    await t.ctx.database.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE person_id = $1`,
      [staffId],
    );
    expect(await purgeEndedSessions(t.ctx.database, t.ctx.campaignId)).toBeGreaterThanOrEqual(1);
    const left = await t.ctx.database.query<{ person_id: number }>(
      'SELECT person_id FROM sessions WHERE person_id = ANY($1)',
      [[staffId, personId]],
    );
    expect(left.map((r) => Number(r.person_id))).toEqual([personId]);
  });

  it('accepts a code only once', async () => {
    const { email } = await supporter('once');
    const first = new Browser(t.app);
    const { code } = await requestCode(first, email);
    expect((await postCode(first, email, code)).statusCode).toBe(200);
    const second = new Browser(t.app);
    await second.session();
    const replay = await postCode(second, email, code);
    expect(replay.statusCode).toBe(400);
    expect((replay.json() as Problem).code).toBe('invalid_code');
    expect((await second.session()).me).toBeNull();
  });

  it('refuses an expired code and an expired link', async () => {
    const { email, personId } = await supporter('expired');
    const browser = new Browser(t.app);
    const { code, token } = await requestCode(browser, email);
    await t.ctx.database.query(
      `UPDATE login_codes SET expires_at = now() - interval '1 second' WHERE person_id = $1`,
      [personId],
    );
    const byCode = await postCode(browser, email, code);
    expect(byCode.statusCode).toBe(400);
    expect((byCode.json() as Problem).code).toBe('code_expired');
    const byLink = await browser.post('/api/auth/login/link', { token });
    expect(byLink.statusCode).toBe(400);
    expect((byLink.json() as Problem).code).toBe('invalid_link');
    expect((await browser.session()).me).toBeNull();
  });

  it('logs in with the magic link once; the link also uses up the code', async () => {
    const { email, personId } = await supporter('link');
    const browser = new Browser(t.app);
    const { code, token } = await requestCode(browser, email);
    const response = await browser.post('/api/auth/login/link', { token });
    expect(response.statusCode).toBe(200);
    expect((response.json() as { me: { personId: number } }).me.personId).toBe(personId);
    expect((await browser.session()).me?.personId).toBe(personId);

    const other = new Browser(t.app);
    await other.session();
    const replay = await other.post('/api/auth/login/link', { token });
    expect(replay.statusCode).toBe(400);
    expect((replay.json() as Problem).code).toBe('invalid_link');
    expect((await postCode(other, email, code)).statusCode).toBe(400);
    const forged = await other.post('/api/auth/login/link', { token: 'x'.repeat(43) });
    expect((forged.json() as Problem).code).toBe('invalid_link');
    expect((await other.session()).me).toBeNull();
  });

  it('answers an unknown email exactly like a known one, and sends nothing', async () => {
    const { email } = await supporter('known');
    const unknown = `nobody.${++n}@accounts.example`;
    const browser = new Browser(t.app);
    await browser.session();
    const known = await browser.post('/api/auth/login/start', { email });
    const missing = await browser.post('/api/auth/login/start', { email: unknown });
    expect(missing.statusCode).toBe(200);
    expect(missing.body).toBe(known.body);
    // The code's mail is queued after the answer is sent (same time whatever the address):
    // wait for the known one's, then the unknown one has none.
    const queuedMail = () =>
      t.ctx.database.query<{ to_address: string }>(
        `SELECT to_address FROM mail_outbox WHERE kind = 'login_code' AND to_address IN ($1, $2)`,
        [email, unknown],
      );
    let queued = await queuedMail();
    for (const deadline = Date.now() + 10_000; queued.length === 0 && Date.now() < deadline;)
      queued = await new Promise((resolve) => setTimeout(resolve, 20)).then(queuedMail);
    expect(queued.map((m) => m.to_address)).toEqual([email]);
    const codeForUnknown = await postCode(browser, unknown, '123456');
    expect(codeForUnknown.statusCode).toBe(400);
    expect((codeForUnknown.json() as Problem).code).toBe('invalid_code');
  });

  it('refuses a malformed email or code with field errors', async () => {
    const browser = new Browser(t.app);
    await browser.session();
    const badEmail = await browser.post('/api/auth/login/start', { email: 'not-an-email' });
    expect(badEmail.statusCode).toBe(400);
    expect((badEmail.json() as Problem).errors?.[0]).toMatchObject({
      field: 'email',
      code: 'invalid_email',
    });
    const badCode = await postCode(browser, 'someone@accounts.example', '12ab56');
    expect(badCode.statusCode).toBe(400);
    expect((badCode.json() as Problem).errors?.[0]).toMatchObject({
      field: 'code',
      code: 'six_digits',
    });
  });

  it('rotates the session at login: the previous cookie stops working', async () => {
    const { email, personId } = await supporter('rotate');
    const browser = new Browser(t.app);
    const first = sessionCookieOf(await loginWithCode(browser, email))!;
    expect(await whoIs(first.value)).toMatchObject({ personId });
    const second = sessionCookieOf(await loginWithCode(browser, email))!;
    expect(second.value).not.toBe(first.value);
    expect(await whoIs(first.value)).toBeNull();
    expect(await whoIs(second.value)).toMatchObject({ personId });
    const sessions = await t.ctx.database.query('SELECT 1 FROM sessions WHERE person_id = $1', [
      personId,
    ]);
    expect(sessions).toHaveLength(1);
  });

  it('logs out: the cookie is cleared and the session ended on the server', async () => {
    const { email, personId } = await supporter('logout');
    const browser = new Browser(t.app);
    const cookie = sessionCookieOf(await loginWithCode(browser, email))!;
    const response = await browser.post('/api/auth/logout');
    expect(response.statusCode).toBe(200);
    const cleared = sessionCookieOf(response);
    expect(cleared?.value).toBe('');
    expect((await browser.session()).me).toBeNull();
    // Replaying the old cookie does not bring the session back.
    expect(await whoIs(cookie.value)).toBeNull();
    expect(
      await t.ctx.database.query('SELECT 1 FROM sessions WHERE person_id = $1', [personId]),
    ).toHaveLength(0);
    expect((await browser.post('/api/auth/logout')).statusCode).toBe(401);
  });

  it("logs out everywhere: the other browser's session ends too", async () => {
    const { email, personId } = await supporter('everywhere');
    const laptop = new Browser(t.app);
    const phone = new Browser(t.app, '192.0.2.10');
    await loginWithCode(laptop, email);
    await loginWithCode(phone, email);
    expect((await phone.get('/api/me/profile')).statusCode).toBe(200);
    const other = await supporter('bystander');
    const bystander = new Browser(t.app);
    await loginWithCode(bystander, other.email);

    const response = await laptop.post('/api/auth/logout-everywhere');
    expect(response.statusCode).toBe(200);
    expect((await phone.get('/api/me/profile')).statusCode).toBe(401);
    expect((await laptop.get('/api/me/profile')).statusCode).toBe(401);
    expect(
      await t.ctx.database.query('SELECT 1 FROM sessions WHERE person_id = $1', [personId]),
    ).toHaveLength(0);
    // Someone else's session is untouched.
    expect((await bystander.get('/api/me/profile')).statusCode).toBe(200);
  });

  it('lets staff set a password (argon2id) and log in with it', async () => {
    const email = `staff.${++n}@accounts.example`;
    const staff = await staffBrowser(t, email, ['staff']);
    const short = await staff.post('/api/auth/password', { newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect((short.json() as Problem).errors?.[0]).toMatchObject({
      field: 'newPassword',
      code: 'min_12',
    });
    const set = await staff.post('/api/auth/password', { newPassword: 'correct horse battery' });
    expect(set.statusCode).toBe(200);
    const [row] = await t.ctx.database.query<{ password_hash: string }>(
      `SELECT a.password_hash FROM accounts a JOIN people p ON p.id = a.person_id
        WHERE p.email_normalized = $1`,
      [email],
    );
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain('correct horse');
    expect((await staff.session()).me).toMatchObject({ hasPassword: true });

    const browser = new Browser(t.app);
    await browser.session();
    const login = await browser.post('/api/auth/login/password', {
      email,
      password: 'correct horse battery',
    });
    expect(login.statusCode).toBe(200);
    expect((login.json() as { me: { roles: string[] } }).me.roles).toEqual(['staff']);
    expect((await browser.get('/api/people')).statusCode).toBe(200);

    // Changing it again needs the current one.
    const noCurrent = await staff.post('/api/auth/password', {
      newPassword: 'another long secret',
    });
    expect(noCurrent.statusCode).toBe(400);
    expect((noCurrent.json() as Problem).code).toBe('invalid_credentials');
    const changed = await staff.post('/api/auth/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'another long secret',
    });
    expect(changed.statusCode).toBe(200);
    // The other browser, logged in with the old password, is logged out; this one is not.
    expect((await browser.get('/api/people')).statusCode).toBe(401);
    expect((await staff.get('/api/people')).statusCode).toBe(200);
  });

  it('refuses a wrong password or unknown email with the same invalid_credentials', async () => {
    const email = `staffpw.${++n}@accounts.example`;
    const staff = await staffBrowser(t, email, ['staff']);
    expect(
      (await staff.post('/api/auth/password', { newPassword: 'the right password' })).statusCode,
    ).toBe(200);
    const browser = new Browser(t.app);
    await browser.session();
    const wrong = await browser.post('/api/auth/login/password', {
      email,
      password: 'the wrong password',
    });
    const unknown = await browser.post('/api/auth/login/password', {
      email: `ghost.${++n}@accounts.example`,
      password: 'the right password',
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(400);
      expect((response.json() as Problem).code).toBe('invalid_credentials');
    }
    expect(wrong.body).toBe(unknown.body);
    // A supporter who never set a password cannot log in with one either.
    const { email: supporterEmail } = await supporter('nopassword');
    const noHash = await browser.post('/api/auth/login/password', {
      email: supporterEmail,
      password: 'anything at all',
    });
    expect((noHash.json() as Problem).code).toBe('invalid_credentials');
    expect((await browser.session()).me).toBeNull();
  });

  it('stops password guesses for an address after 10, from any IP, known or not', async () => {
    const email = `guessed.${++n}@accounts.example`;
    const staff = await staffBrowser(t, email, ['staff']);
    expect(
      (await staff.post('/api/auth/password', { newPassword: 'the right password' })).statusCode,
    ).toBe(200);
    const unknown = `nobody.guessed.${++n}@accounts.example`;
    /** Each guess from its own address, as a botnet would send them. */
    const guess = async (address: string, password: string, i: number) => {
      const browser = new Browser(t.app, `10.77.${n % 200}.${i}`);
      await browser.session();
      return browser.post('/api/auth/login/password', { email: address, password });
    };
    for (const address of [email, unknown]) {
      for (let i = 0; i < 10; i++) {
        const response = await guess(address, `wrong guess ${i}`, i);
        expect((response.json() as Problem).code).toBe('invalid_credentials');
      }
    }
    const stopped = await guess(email, 'the right password', 100);
    const stoppedUnknown = await guess(unknown, 'the right password', 101);
    expect(stopped.statusCode).toBe(429);
    expect((stopped.json() as Problem).code).toBe('too_many_password_attempts');
    expect(stoppedUnknown.body).toBe(stopped.body);
    // The owner can still log in with an emailed code; other addresses are not held up.
    await loginWithCode(new Browser(t.app, '10.78.0.1'), email);
    const other = await guess(`other.${++n}@accounts.example`, 'x'.repeat(12), 102);
    expect((other.json() as Problem).code).toBe('invalid_credentials');
  });

  it('refuses a password to a supporter without a role (403)', async () => {
    const { email, personId } = await supporter('nopw');
    const browser = new Browser(t.app);
    await loginWithCode(browser, email);
    const response = await browser.post('/api/auth/password', {
      newPassword: 'a long enough password',
    });
    expect(response.statusCode).toBe(403);
    expect((response.json() as Problem).code).toBe('forbidden');
    const rows = await t.ctx.database.query<{ password_hash: string | null }>(
      'SELECT password_hash FROM accounts WHERE person_id = $1',
      [personId],
    );
    expect(rows[0].password_hash).toBeNull();
  });

  it('sends at most 5 codes an hour to one browser, then says when to ask again', async () => {
    const { email, personId } = await supporter('flood');
    const browser = new Browser(t.app);
    await browser.session();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await browser.post('/api/auth/login/start', { email })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    await t.smtp.waitFor(
      email,
      () => t.smtp.received.filter((m) => m.to === email).length >= 6, // the confirmation + 5
    );
    const codes = await t.ctx.database.query('SELECT 1 FROM login_codes WHERE person_id = $1', [
      personId,
    ]);
    expect(codes).toHaveLength(5);
  });

  describe('CSRF', () => {
    it('refuses a logged-in mutation without x-csrf-token and changes nothing', async () => {
      const { email, personId } = await supporter('csrf');
      const browser = new Browser(t.app);
      await loginWithCode(browser, email);
      const token = browser.csrfToken;
      browser.csrfToken = '';
      const response = await browser.put('/api/me/consents', {
        consents: { email: false, sms: false, phone: true },
      });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((response.json() as Problem).code).toBe('csrf_invalid');
      const logout = await browser.post('/api/auth/logout');
      expect((logout.json() as Problem).code).toBe('csrf_invalid');
      const [row] = await t.ctx.database.query<{ consent_email: boolean; consent_sms: boolean }>(
        'SELECT consent_email, consent_sms FROM people WHERE id = $1',
        [personId],
      );
      expect(row).toEqual({ consent_email: true, consent_sms: false });
      expect(
        await t.ctx.database.query('SELECT 1 FROM sessions WHERE person_id = $1', [personId]),
      ).toHaveLength(1);
      browser.csrfToken = token;
      expect(
        (
          await browser.put('/api/me/consents', {
            consents: { email: false, sms: false, phone: true },
          })
        ).statusCode,
      ).toBe(200);
    });

    it("refuses a token taken from another browser's session", async () => {
      const victim = await supporter('victim');
      const attacker = await supporter('attacker');
      const victimBrowser = new Browser(t.app);
      const attackerBrowser = new Browser(t.app, '198.51.100.20');
      await loginWithCode(victimBrowser, victim.email);
      await loginWithCode(attackerBrowser, attacker.email);
      victimBrowser.csrfToken = attackerBrowser.csrfToken;
      const response = await victimBrowser.put('/api/me/consents', {
        consents: { email: false, sms: false, phone: false },
      });
      expect(response.statusCode).toBe(403);
      expect((response.json() as Problem).code).toBe('csrf_invalid');
      const [row] = await t.ctx.database.query<{ consent_email: boolean }>(
        'SELECT consent_email FROM people WHERE id = $1',
        [victim.personId],
      );
      expect(row.consent_email).toBe(true);
    });

    it('protects the login forms too (no token, no code sent)', async () => {
      const { email, personId } = await supporter('logincsrf');
      const browser = new Browser(t.app);
      const response = await browser.post('/api/auth/login/start', { email });
      expect(response.statusCode).toBe(403);
      expect((response.json() as Problem).code).toBe('csrf_invalid');
      expect(
        await t.ctx.database.query('SELECT 1 FROM login_codes WHERE person_id = $1', [personId]),
      ).toHaveLength(0);
    });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('limits login attempts from one address without blocking others', async () => {
    const flooder = new Browser(t.app, '203.0.113.50');
    await flooder.session();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await flooder.post('/api/auth/login/code', {
        email: 'target@accounts.example',
        code: String(100000 + i),
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    const limited = await flooder.post('/api/auth/login/code', {
      email: 'target@accounts.example',
      code: '999999',
    });
    expect((limited.json() as Problem).code).toBe('rate_limited');
    const other = new Browser(t.app, '198.51.100.50');
    await other.session();
    const fine = await other.post('/api/auth/login/code', {
      email: 'target@accounts.example',
      code: '123456',
    });
    expect(fine.statusCode).toBe(400);
    expect((fine.json() as Problem).code).toBe('invalid_code');
  });
});
