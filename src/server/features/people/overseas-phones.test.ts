import { readFile } from 'node:fs/promises';
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

/** Overseas numbers as people type them, and what must be stored (every prefix of the plan). */
const OVERSEAS: Array<[typed: string, stored: string]> = [
  ['0262 21 12 34', '+262262211234'],
  ['0263 10 12 34', '+262263101234'],
  ['0269 60 12 34', '+262269601234'],
  ['0639 20 12 34', '+262639201234'],
  ['0692 12 34 56', '+262692123456'],
  ['0693 01 12 34', '+262693011234'],
  ['0590 27 12 34', '+590590271234'],
  ['0690 00 12 34', '+590690001234'],
  ['0691 22 12 34', '+590691221234'],
  ['0594 20 12 34', '+594594201234'],
  ['0694 20 12 34', '+594694201234'],
  ['0596 30 12 34', '+596596301234'],
  ['0696 20 12 34', '+596696201234'],
  ['0697 12 34 56', '+596697123456'],
  ['0508 41 23 45', '+508412345'],
];

describe.each(engines)('overseas phone numbers on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  const personBy = async (email: string) =>
    (
      await t.ctx.database.query<{ id: number; phone: string | null; search_text: string }>(
        'SELECT id, phone, search_text FROM people WHERE campaign_id = $1 AND email_normalized = $2',
        [t.ctx.campaignId, email],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores a Réunion mobile typed nationally as +262, found by search as typed', async () => {
    const email = `reunion.${++n}@phones.example`;
    await signupAndConfirm(t, { email, postalCode: '97400', phone: '0692 12 34 56' });
    const person = await personBy(email);
    expect(person.phone).toBe('+262692123456');
    expect(person.search_text).toContain('262692123456');
    expect(person.search_text).toContain('0692123456');
    const admin = await staffBrowser(t, `admin.${++n}@phones.example`, ['admin']);
    for (const q of ['0692 12 34 56', '+262 692 12 34 56']) {
      const list = await admin.get(`/api/people?q=${encodeURIComponent(q)}`);
      const ids = (list.json() as { items: Array<{ id: number }> }).items.map((p) => p.id);
      expect(ids, q).toEqual([person.id]);
    }
  });

  it.each(OVERSEAS)('signs up with %s wherever the person lives → %s', async (typed, stored) => {
    // A metropolitan postal code: the prefix decides, not where the person lives.
    const email = `prefix.${++n}@phones.example`;
    await signupAndConfirm(t, { email, postalCode: '75011', phone: typed });
    expect((await personBy(email)).phone).toBe(stored);
  });

  it('refuses a landline for SMS at sign-up, with a field error, and writes nothing', async () => {
    const email = `landline.${++n}@phones.example`;
    const browser = new Browser(t.app, '10.9.9.9');
    for (const phone of ['01 23 45 67 89', '0262 21 12 34', '0590 27 12 34']) {
      const response = await browser.post(
        '/api/signup',
        signupBody({ email, phone, consents: { email: true, sms: true, phone: false } }),
      );
      expect(response.statusCode, phone).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'phone', code: 'landline_for_sms' }),
      ]);
    }
    expect(await personBy(email)).toBeUndefined();
    // The same landline without SMS is fine, and a mobile with SMS too.
    const ok = await browser.post(
      '/api/signup',
      signupBody({
        email,
        phone: '0590 27 12 34',
        consents: { email: true, sms: false, phone: true },
      }),
    );
    expect(ok.statusCode).toBe(200);
    const mobile = await browser.post(
      '/api/signup',
      signupBody({
        email: `mobile.${++n}@phones.example`,
        phone: '0690 00 12 34',
        consents: { email: true, sms: true, phone: false },
      }),
    );
    expect(mobile.statusCode).toBe(200);
  });

  it('reads the profile form the same way', async () => {
    const email = `profile.${++n}@phones.example`;
    const response = await saveProfileAsNewPerson(t, email, {
      firstName: 'Camille',
      lastName: 'Durand',
      phone: '0596 30 12 34',
      postalCode: '97200',
      locale: 'fr',
    });
    expect(response.statusCode).toBe(200);
    expect((await personBy(email)).phone).toBe('+596596301234');
  });

  it('reads imported numbers the same way', async () => {
    const admin = await staffBrowser(t, `importer.${++n}@phones.example`, ['admin']);
    const boundary = '----levierphones';
    const csv = 'email;phone\nimported.guyane@phones.example;0694 20 12 34\n';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n{"mapping":{}}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const response = await admin.request('POST', '/api/people/imports', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(response.statusCode).toBe(202);
    const deadline = Date.now() + 60_000;
    while (!(await personBy('imported.guyane@phones.example')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await personBy('imported.guyane@phones.example')).phone).toBe('+594694201234');
  });

  it('migration 0022 corrects numbers stored with +33, and their search text', async () => {
    const rows: Array<[old: string, fixed: string]> = [
      ['+33692123456', '+262692123456'],
      ['+33269601234', '+262269601234'],
      ['+33690001234', '+590690001234'],
      ['+33694201234', '+594694201234'],
      ['+33697123456', '+596697123456'],
      ['+33508412345', '+508412345'],
      // Metropolitan numbers and the fiction range stay.
      ['+33612345678', '+33612345678'],
      ['+33639981234', '+33639981234'],
    ];
    const ids: number[] = [];
    for (const [old] of rows) {
      const digits = old.slice(1);
      const [row] = await t.ctx.database.query<{ id: number }>(
        `INSERT INTO people (campaign_id, email, email_normalized, phone, source, recruit_code, search_text)
         VALUES ($1, $2, $2, $3, 'import', $4, $5) RETURNING id`,
        [
          t.ctx.campaignId,
          `old.${digits}@phones.example`,
          old,
          `ph${digits}`,
          `old${digits}phonesexample ${digits} 0${digits.slice(2)} lyon`,
        ],
      );
      ids.push(row.id);
    }
    const [signup] = await t.ctx.database.query<{ id: number }>(
      `INSERT INTO signups (campaign_id, person_id, data, source)
       VALUES ($1, $2, $3, 'signup') RETURNING id`,
      [t.ctx.campaignId, ids[0], JSON.stringify({ phone: '+33692123456', firstName: 'Old' })],
    );
    const sql = await readFile(
      new URL('../../../../migrations/0022_overseas_phone_country_codes.sql', import.meta.url),
      'utf8',
    );
    for (const statement of sql.split('--> statement-breakpoint')) {
      await t.ctx.database.exec(statement);
    }
    for (const [i, [old, fixed]] of rows.entries()) {
      const [row] = await t.ctx.database.query<{ phone: string; search_text: string }>(
        'SELECT phone, search_text FROM people WHERE campaign_id = $1 AND id = $2',
        [t.ctx.campaignId, ids[i]],
      );
      expect(row.phone, old).toBe(fixed);
      const national = fixed.startsWith('+508') ? `0508${fixed.slice(4)}` : `0${old.slice(3)}`;
      expect(row.search_text).toBe(
        `old${old.slice(1)}phonesexample ${fixed.slice(1)} ${national} lyon`,
      );
    }
    const [data] = await t.ctx.database.query<{ data: { phone: string; firstName: string } }>(
      'SELECT data FROM signups WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, signup.id],
    );
    expect(data.data).toEqual({ phone: '+262692123456', firstName: 'Old' });
  });
});
