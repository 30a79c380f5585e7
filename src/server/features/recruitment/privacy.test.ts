import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  createTestApp,
  engines,
  signupBody,
  type TestApp,
} from '../../testing/harness.ts';
import { purgeUnconfirmed } from './service.ts';

interface Problem {
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

describe.each(engines)('sign-up privacy and abuse on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  const address = (name: string) => `${name}.${++n}@privacy.example`;
  /** A browser from its own address, so the per-address sign-up limit stays out of the way. */
  const visitor = () => new Browser(t.app, `10.9.${n % 250}.${Math.floor(Math.random() * 250)}`);
  const outboxFor = (email: string) =>
    t.ctx.database.query<{ status: string }>(
      `SELECT status FROM mail_outbox WHERE to_address = $1 AND kind = 'signup_confirmation' ORDER BY id`,
      [email],
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('purges every mail of a person who never confirmed, sent ones too', async () => {
    const email = address('ghost');
    await visitor().post('/api/signup', signupBody({ email }));
    await t.smtp.waitFor(email, (m) => m.text.includes('/confirm?token='));
    await expect.poll(() => outboxFor(email)).toEqual([{ status: 'sent' }]);
    await t.ctx.database.query(
      `UPDATE people SET created_at = now() - interval '30 days' WHERE email_normalized = $1`,
      [email],
    );
    await t.ctx.database.query(
      `UPDATE signups SET created_at = now() - interval '30 days' WHERE data->>'email' = $1`,
      [email],
    );
    await purgeUnconfirmed(t.ctx);
    expect(await outboxFor(email)).toEqual([]);
    expect(
      await t.ctx.database.query('SELECT 1 FROM people WHERE email_normalized = $1', [email]),
    ).toHaveLength(0);
  });

  it('sends at most 3 confirmation mails a day to one address, however often it is typed', async () => {
    const email = address('flooded');
    for (let i = 0; i < 5; i++) {
      const response = await visitor().post('/api/signup', signupBody({ email }));
      expect(response.statusCode).toBe(200);
    }
    await expect
      .poll(async () => (await outboxFor(email)).map((m) => m.status).sort())
      .toEqual(['sent', 'sent', 'sent', 'suppressed', 'suppressed']);
    expect(t.smtp.received.filter((m) => m.to === email)).toHaveLength(3);
  });

  it('refuses a web address as a name, and changes nothing', async () => {
    for (const firstName of ['www.spam.example', 'Gagnez https://x.example', 'achat-pas-cher.ru']) {
      const email = address('link');
      const response = await visitor().post('/api/signup', signupBody({ email, firstName }));
      expect(response.statusCode).toBe(400);
      const body = response.json() as Problem;
      expect(body.errors).toContainEqual(
        expect.objectContaining({ field: 'firstName', code: 'no_links' }),
      );
      expect(
        await t.ctx.database.query('SELECT 1 FROM people WHERE email_normalized = $1', [email]),
      ).toHaveLength(0);
    }
    // Names with dots and hyphens are names.
    const ok = await visitor().post(
      '/api/signup',
      signupBody({ email: address('dots'), firstName: 'J.-P.', lastName: "O'Neil-St.Clair" }),
    );
    expect(ok.statusCode).toBe(200);
  });

  it('records the consent wording the form showed, and refuses one it does not know', async () => {
    const email = address('wording');
    const browser = visitor();
    const unknown = await browser.post(
      '/api/signup',
      signupBody({ email, wordingVersion: 'fr-1999-01' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as Problem).code).toBe('unknown_wording');
    expect(
      await t.ctx.database.query('SELECT 1 FROM people WHERE email_normalized = $1', [email]),
    ).toHaveLength(0);

    const since = t.smtp.received.length;
    const shown = await browser.post(
      '/api/signup',
      signupBody({ email, locale: 'fr', wordingVersion: 'en-2026-11' }),
    );
    expect(shown.statusCode).toBe(200);
    const mail = await t.smtp.waitFor(
      email,
      (m) => m.text.includes('/confirm?token='),
      10_000,
      since,
    );
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    expect((await browser.post('/api/signup/confirm', { token })).statusCode).toBe(200);
    const consents = await t.ctx.database.query<{ wording_version: string }>(
      `SELECT c.wording_version FROM consent_events c JOIN people p ON p.id = c.person_id
        WHERE p.email_normalized = $1`,
      [email],
    );
    expect(consents).toEqual([{ wording_version: 'en-2026-11' }]);
  });
});
