import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  signupAndConfirm,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { DEVICE_COOKIE } from './login-limits.ts';

interface Problem {
  code: string;
  detail: string;
  retryAfterSeconds?: number;
}

/**
 * An attacker who knows an address, on as many IPs as they like, must not keep its owner from
 * logging in: the owner keeps a budget of their own (a browser or IP they logged in from),
 * and strangers' requests still reach the owner's mailbox at a slower pace.
 */
describe.each(engines)('login limits against an attacker on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  let ip = 0;
  /** A browser on an IP nobody used before, as each of a botnet's machines would be. */
  const stranger = async () => {
    ip++;
    const browser = new Browser(t.app, `172.20.${Math.floor(ip / 250)}.${ip % 250}`);
    await browser.session();
    return browser;
  };
  const loginMails = (email: string) =>
    t.smtp.received.filter((m) => m.to === email && /code de connexion|login code/.test(m.subject));
  /** Lets the answered requests' mails go out, then counts them. */
  const settledLoginMails = async (email: string, atLeast: number) => {
    if (atLeast > 0) await t.smtp.waitFor(email, () => loginMails(email).length >= atLeast, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    return loginMails(email);
  };
  /** The mail of the address's newest code (mails of requests in a row may arrive out of order). */
  const newestCodeMail = async (email: string) => {
    const [row] = await t.ctx.database.query<{ link_token_hash: string }>(
      `SELECT link_token_hash FROM login_codes
        WHERE campaign_id = $1 AND person_id = (SELECT id FROM people WHERE email_normalized = $2)
        ORDER BY created_at DESC LIMIT 1`,
      [t.ctx.campaignId, email],
    );
    const mail = loginMails(email).find((m) => {
      const token = /\/login\/link\?token=([\w-]+)/.exec(m.text)?.[1];
      return token && createHash('sha256').update(token).digest('hex') === row.link_token_hash;
    });
    if (!mail) throw new Error('no mail for the newest code');
    return mail;
  };
  const ageCodes = (email: string, minutes: number) =>
    t.ctx.database.query(
      `UPDATE login_codes SET created_at = created_at - make_interval(mins => $2),
                              expires_at = expires_at - make_interval(mins => $2)
        WHERE campaign_id = $1 AND person_id = (SELECT id FROM people WHERE email_normalized = $3)`,
      [t.ctx.campaignId, minutes, email],
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps sending codes to an owner logged in before, whatever strangers ask', async () => {
    const email = `owner.${++n}@limits.example`;
    await signupAndConfirm(t, { email });
    const owner = new Browser(t.app, '10.200.0.1');
    await owner.login(t, email);
    const attacks: number[] = [];
    for (let i = 0; i < 8; i++) {
      attacks.push((await (await stranger()).post('/api/auth/login/start', { email })).statusCode);
    }
    // The first 4 strangers spend what was left of the strangers' budget... (the owner's own
    // login, from a place unknown then, spent one)
    expect(attacks).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    const before = (await settledLoginMails(email, 5)).length;
    // ...and the owner, in the same browser, still gets a code at once, and logs in with it.
    const since = t.smtp.received.length;
    const response = await owner.post('/api/auth/login/start', { email });
    expect(response.statusCode).toBe(200);
    const mail = await t.smtp.waitFor(
      email,
      (m) => /code de connexion/.test(m.subject),
      10_000,
      since,
    );
    expect(loginMails(email).length).toBe(before + 1);
    const code = /^(\d{6}) /.exec(mail.subject)![1];
    expect((await owner.post('/api/auth/login/code', { email, code })).statusCode).toBe(200);
  });

  it('trusts the device cookie on another IP, and the IP the owner logged in from', async () => {
    const email = `device.${++n}@limits.example`;
    await signupAndConfirm(t, { email });
    const first = new Browser(t.app, '10.201.0.1');
    await first.session();
    const since = t.smtp.received.length;
    await first.post('/api/auth/login/start', { email });
    const mail = await t.smtp.waitFor(email, () => true, 10_000, since);
    const login = await first.post('/api/auth/login/code', {
      email,
      code: /^(\d{6}) /.exec(mail.subject)![1],
    });
    const device = login.cookies.find((c) => c.name === DEVICE_COOKIE) as
      { value: string; httpOnly?: boolean; path?: string; sameSite?: string } | undefined;
    expect(device).toMatchObject({ httpOnly: true, path: '/api/auth', sameSite: 'Lax' });
    for (let i = 0; i < 6; i++) await (await stranger()).post('/api/auth/login/start', { email });
    expect((await (await stranger()).post('/api/auth/login/start', { email })).statusCode).toBe(
      429,
    );
    // The same browser on a new network: the cookie is enough.
    const travelling = new Browser(t.app, '10.202.0.9');
    await travelling.session();
    const withCookie = await travelling.request(
      'POST',
      '/api/auth/login/start',
      { email },
      { cookie: `${travelling.cookieHeader()}; ${DEVICE_COOKIE}=${device!.value}` },
    );
    expect(withCookie.statusCode).toBe(200);
    // Another browser on the IP the owner logged in from: trusted too.
    const sameIp = new Browser(t.app, '10.201.0.1');
    await sameIp.session();
    expect((await sameIp.post('/api/auth/login/start', { email })).statusCode).toBe(200);
    // A forged cookie is worth nothing.
    const forged = new Browser(t.app, '10.203.0.1');
    await forged.session();
    const refused = await forged.request(
      'POST',
      '/api/auth/login/start',
      { email },
      { cookie: `${forged.cookieHeader()}; ${DEVICE_COOKIE}=${device!.value.slice(0, -2)}xx` },
    );
    expect(refused.statusCode).toBe(429);
  });

  it('tells a new device when a code was held back, and still sends one every 15 minutes', async () => {
    const email = `newdevice.${++n}@limits.example`;
    await signupAndConfirm(t, { email });
    for (let i = 0; i < 5; i++) await (await stranger()).post('/api/auth/login/start', { email });
    const mails = await settledLoginMails(email, 5);
    expect(mails).toHaveLength(5);
    // The owner, on a phone that never logged in: told, with when to retry...
    const phone = new Browser(t.app, '10.210.0.1');
    await phone.session();
    const held = await phone.post('/api/auth/login/start', { email });
    expect(held.statusCode).toBe(429);
    expect(held.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = held.json() as Problem;
    expect(problem.code).toBe('code_recently_sent');
    expect(problem.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(problem.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(held.headers['retry-after']).toBe(String(problem.retryAfterSeconds));
    // ...and the latest mail (sent on a stranger's request) logs them in.
    const latest = await newestCodeMail(email);
    const code = /^(\d{6}) /.exec(latest.subject)![1];
    expect((await phone.post('/api/auth/login/code', { email, code })).statusCode).toBe(200);
    // Past the pace, strangers' requests send a code again (one, not none).
    await ageCodes(email, 16);
    const again = await (await stranger()).post('/api/auth/login/start', { email });
    expect(again.statusCode).toBe(200);
    expect(await settledLoginMails(email, 6)).toHaveLength(6);
    expect((await (await stranger()).post('/api/auth/login/start', { email })).statusCode).toBe(
      429,
    );
  });

  it('answers an unknown address exactly as a known one', async () => {
    const known = `known.${++n}@limits.example`;
    await signupAndConfirm(t, { email: known });
    const unknown = `unknown.${++n}@limits.example`;
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 6; i++) {
        out.push((await (await stranger()).post('/api/auth/login/start', { email })).statusCode);
      }
      return out;
    };
    expect(await statuses(unknown)).toEqual(await statuses(known));
    const held = await (await stranger()).post('/api/auth/login/start', { email: unknown });
    expect((held.json() as Problem).code).toBe('code_recently_sent');
  });

  it('keeps the mailed link working when strangers spend the code’s attempts', async () => {
    const email = `link.${++n}@limits.example`;
    await signupAndConfirm(t, { email });
    const owner = new Browser(t.app, '10.220.0.1');
    await owner.session();
    const since = t.smtp.received.length;
    await owner.post('/api/auth/login/start', { email });
    const mail = await t.smtp.waitFor(email, () => true, 10_000, since);
    const code = /^(\d{6}) /.exec(mail.subject)![1];
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 6; i++) {
      await (await stranger()).post('/api/auth/login/code', { email, code: wrong });
    }
    expect(
      ((await owner.post('/api/auth/login/code', { email, code })).json() as Problem).code,
    ).toBe('too_many_attempts');
    const token = /\/login\/link\?token=([\w-]+)/.exec(mail.text)![1];
    expect((await owner.post('/api/auth/login/link', { token })).statusCode).toBe(200);
  });

  describe('passwords', () => {
    const setUp = async () => {
      const email = `staff.${++n}@limits.example`;
      const staff = await staffBrowser(t, email, ['staff']);
      expect(
        (await staff.post('/api/auth/password', { newPassword: 'the right password' })).statusCode,
      ).toBe(200);
      return { email, staff };
    };
    const tryPassword = (browser: Browser, email: string, password: string) =>
      browser.post('/api/auth/login/password', { email, password });

    it('stops ten wrong passwords from ten IPs, not the owner on their known IP', async () => {
      const { email, staff } = await setUp();
      for (let i = 0; i < 10; i++) {
        const response = await tryPassword(await stranger(), email, `wrong ${i}`);
        expect((response.json() as Problem).code).toBe('invalid_credentials');
      }
      const blocked = await tryPassword(await stranger(), email, 'the right password');
      expect(blocked.statusCode).toBe(429);
      expect((blocked.json() as Problem).code).toBe('too_many_password_attempts');
      // The owner, in another browser on the IP they logged in from, with the right password.
      const ownerAgain = new Browser(t.app, staff.ip);
      await ownerAgain.session();
      expect((await tryPassword(ownerAgain, email, 'the right password')).statusCode).toBe(200);
    });

    it('lets the owner’s browser in from a new IP while strangers are stopped', async () => {
      const { email } = await setUp();
      const laptop = new Browser(t.app, '10.230.0.1');
      await laptop.session();
      expect((await tryPassword(laptop, email, 'the right password')).statusCode).toBe(200);
      await laptop.post('/api/auth/logout');
      for (let i = 0; i < 10; i++) await tryPassword(await stranger(), email, `wrong ${i}`);
      expect((await tryPassword(await stranger(), email, 'the right password')).statusCode).toBe(
        429,
      );
      const moved = new Browser(t.app, '10.231.0.1');
      await moved.session();
      const response = await moved.request(
        'POST',
        '/api/auth/login/password',
        { email, password: 'the right password' },
        { cookie: `${moved.cookieHeader()}; ${DEVICE_COOKIE}=${deviceOf(laptop)}` },
      );
      expect(response.statusCode).toBe(200);
    });

    it('stops one IP after 5 wrong passwords for an address, not the others', async () => {
      const { email } = await setUp();
      const guesser = await stranger();
      for (let i = 0; i < 5; i++) {
        expect(((await tryPassword(guesser, email, `wrong ${i}`)).json() as Problem).code).toBe(
          'invalid_credentials',
        );
      }
      expect((await tryPassword(guesser, email, 'the right password')).statusCode).toBe(429);
      expect((await tryPassword(await stranger(), email, 'the right password')).statusCode).toBe(
        200,
      );
    });
  });
});

/** The device cookie a harness browser holds (its Cookie header, parsed). */
function deviceOf(browser: Browser): string {
  const pair = browser
    .cookieHeader()
    .split('; ')
    .find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  if (!pair) throw new Error('no device cookie');
  return pair.slice(DEVICE_COOKIE.length + 1);
}
