import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSite } from '../../../contracts/recruitment.ts';
import { placeholdersIn, type ConsentWordingVersion } from '../../../contracts/settings.ts';
import {
  Browser,
  createTestApp,
  engines,
  signupBody,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { defaultLegal } from './legal-defaults.ts';
import { defaultConsentWording } from './wording-defaults.ts';

interface Problem {
  code: string;
  errors?: Array<{ field: string; code: string }>;
}

const xss = `<script>alert(1)</script><img src=x onerror=alert(2)> & "quotes" 'single'`;

const legalBody = (overrides: Record<string, string> = {}) => ({
  fr: {
    legalNotice: 'Éditeur : Association de financement Exemple, 1 rue de la Paix, 75002 Paris.',
    privacyPolicy: 'Responsable du traitement : Exemple. Réclamation : www.cnil.fr.',
    formNotice: 'Vos données sont traitées par Exemple. Voir la politique de confidentialité.',
    ...overrides,
  },
});

describe.each(engines)('legal texts and consent wordings on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  let staff: Browser;
  let visitor: Browser;
  let n = 0;

  const readSite = async () => (await visitor.get('/api/site')).json() as PublicSite;
  const auditActions = (action: string) =>
    t.ctx.database.query<{ details: Record<string, unknown>; target: string | null }>(
      'SELECT details, target FROM audit_log WHERE campaign_id = $1 AND action = $2 ORDER BY id',
      [t.ctx.campaignId, action],
    );
  const signupFrom = () =>
    new Browser(t.app, `10.7.${++n % 250}.${Math.floor(Math.random() * 250)}`);

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'admin@legal.example', ['admin']);
    staff = await staffBrowser(t, 'staff@legal.example', ['staff']);
    visitor = new Browser(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the pre-filled French texts until staff change them, placeholders flagged', async () => {
    const { legal } = await readSite();
    expect(legal).toEqual(defaultLegal);
    expect(legal.en).toBeUndefined();
    expect(placeholdersIn(legal.fr.legalNotice).length).toBeGreaterThan(0);
    for (const field of ['legalNotice', 'privacyPolicy', 'formNotice'] as const)
      expect(placeholdersIn(legal.fr[field]), field).not.toEqual([]);
    expect(legal.fr.privacyPolicy).toMatch(/CNIL/);
  });

  it('saves the legal texts, French required and English falling back, audited', async () => {
    const response = await staff.put('/api/admin/site/legal', {
      ...legalBody(),
      en: { legalNotice: '  Publisher: Example.  ', privacyPolicy: '', formNotice: '   ' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { legal } = await readSite();
    expect(legal.fr).toEqual(legalBody().fr);
    expect(legal.en).toEqual({ legalNotice: 'Publisher: Example.' });
    const [entry] = await auditActions('settings.legal.update');
    expect(entry.details.changed).toEqual(
      expect.arrayContaining([
        'fr.legalNotice',
        'fr.privacyPolicy',
        'fr.formNotice',
        'en.legalNotice',
      ]),
    );

    // Saving without English removes it: the French texts are shown.
    await staff.put('/api/admin/site/legal', legalBody());
    expect((await readSite()).legal.en).toBeUndefined();
  });

  it('refuses empty French texts and too long ones with field errors, changing nothing', async () => {
    const before = (await readSite()).legal;
    const response = await admin.put('/api/admin/site/legal', {
      fr: { legalNotice: '   ', privacyPolicy: 'x'.repeat(50_001), formNotice: 'ok' },
      en: { formNotice: 'y'.repeat(2_001) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    const problem = response.json() as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'fr.legalNotice', code: 'required' }),
        expect.objectContaining({ field: 'fr.privacyPolicy', code: 'too_long' }),
        expect.objectContaining({ field: 'en.formNotice', code: 'too_long' }),
      ]),
    );
    expect((await readSite()).legal).toEqual(before);
  });

  it('keeps markup in every text as text', async () => {
    const response = await admin.put('/api/admin/site/legal', {
      fr: { legalNotice: xss, privacyPolicy: xss, formNotice: xss },
      en: { legalNotice: xss, privacyPolicy: xss, formNotice: xss },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { legal } = await readSite();
    for (const locale of ['fr', 'en'] as const)
      for (const field of ['legalNotice', 'privacyPolicy', 'formNotice'] as const)
        expect(legal[locale]?.[field]).toBe(xss);

    const wording = await admin.post('/api/admin/site/consent-wordings', {
      locale: 'en',
      email: xss,
      sms: xss,
      phone: xss,
    });
    expect(wording.statusCode, wording.body).toBe(200);
    expect((await readSite()).consentWording.en).toMatchObject({
      email: xss,
      sms: xss,
      phone: xss,
    });
    await admin.put('/api/admin/site/legal', legalBody());
  });

  it('refuses editing to roles without settings.write, and to visitors', async () => {
    const finance = await staffBrowser(t, 'finance@legal.example', ['finance']);
    const supporter = await staffBrowser(t, 'supporter@legal.example', []);
    await visitor.session();
    const before = await readSite();
    for (const [who, browser, status] of [
      ['finance', finance, 403],
      ['supporter', supporter, 403],
      ['visitor', visitor, 401],
    ] as const) {
      const legal = await browser.put('/api/admin/site/legal', legalBody({ formNotice: 'pirate' }));
      expect(legal.statusCode, who).toBe(status);
      const wording = await browser.post('/api/admin/site/consent-wordings', {
        locale: 'fr',
        email: 'pirate',
        sms: 'pirate',
        phone: 'pirate',
      });
      expect(wording.statusCode, who).toBe(status);
    }
    expect(await readSite()).toEqual(before);
  });

  it('makes each saved wording a new version; old consents keep theirs and old pages still sign up', async () => {
    const frBefore = (await readSite()).consentWording.fr;
    expect(frBefore).toEqual(defaultConsentWording.fr);

    // A page loaded before the change signs someone up under the version it showed.
    const early = 'early@wording.example';
    expect(
      (
        await signupFrom().post(
          '/api/signup',
          signupBody({ email: early, wordingVersion: frBefore.version }),
        )
      ).statusCode,
    ).toBe(200);

    const texts = {
      email: "J'accepte les nouvelles par e-mail (version 2).",
      sms: "J'accepte les SMS (version 2).",
      phone: "J'accepte les appels (version 2).",
    };
    const saved = await staff.post('/api/admin/site/consent-wordings', { locale: 'fr', ...texts });
    expect(saved.statusCode, saved.body).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const current = (await readSite()).consentWording.fr;
    expect(current).toEqual({ version: `fr-${today}-1`, ...texts });
    expect((await readSite()).consentWording.en.version).not.toBe(current.version);

    // The same texts again make no new version; a change makes the day's second one.
    await staff.post('/api/admin/site/consent-wordings', { locale: 'fr', ...texts });
    const third = await staff.post('/api/admin/site/consent-wordings', {
      locale: 'fr',
      ...texts,
      phone: "J'accepte les appels (version 3).",
    });
    const versions = third.json() as ConsentWordingVersion[];
    expect(versions.filter((v) => v.locale === 'fr').map((v) => [v.version, v.current])).toEqual([
      [frBefore.version, false],
      [`fr-${today}-1`, false],
      [`fr-${today}-2`, true],
    ]);
    expect(versions.find((v) => v.version === frBefore.version)).toMatchObject({
      email: frBefore.email,
    });
    const audits = await auditActions('settings.consent_wording.update');
    expect(audits.map((a) => a.target)).toEqual(
      expect.arrayContaining([`wording:fr-${today}-1`, `wording:fr-${today}-2`]),
    );

    // Old and new pages both still sign people up; an unknown version is refused.
    const late = 'late@wording.example';
    for (const [email, version] of [
      [late, `fr-${today}-1`],
      ['latest@wording.example', `fr-${today}-2`],
    ])
      expect(
        (await signupFrom().post('/api/signup', signupBody({ email, wordingVersion: version })))
          .statusCode,
      ).toBe(200);
    const unknown = await signupFrom().post(
      '/api/signup',
      signupBody({ email: 'x@wording.example', wordingVersion: `fr-${today}-9` }),
    );
    expect((unknown.json() as Problem).code).toBe('unknown_wording');

    // Confirmed after the change, each keeps the version its form showed.
    for (const email of [early, late]) {
      const mail = await t.smtp.waitFor(email, (m) => m.text.includes('/confirm?token='));
      const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
      expect((await signupFrom().post('/api/signup/confirm', { token })).statusCode).toBe(200);
    }
    const recorded = await t.ctx.database.query<{ email: string; wording_version: string }>(
      `SELECT p.email_normalized AS email, c.wording_version FROM consent_events c
         JOIN people p ON p.campaign_id = c.campaign_id AND p.id = c.person_id
        WHERE c.campaign_id = $1 AND p.email_normalized = ANY($2) ORDER BY p.email_normalized`,
      [t.ctx.campaignId, [early, late]],
    );
    expect(recorded).toEqual([
      { email: early, wording_version: frBefore.version },
      { email: late, wording_version: `fr-${today}-1` },
    ]);

    // Every recorded version can be shown with its text.
    const all = (await visitor.get('/api/site/consent-wordings')).json() as ConsentWordingVersion[];
    for (const row of recorded)
      expect(all.find((v) => v.version === row.wording_version)?.email).toBeTruthy();
  });

  it('refuses an empty or too long wording with field errors and makes no version', async () => {
    const before = (await visitor.get('/api/site/consent-wordings')).json() as unknown[];
    const response = await staff.post('/api/admin/site/consent-wordings', {
      locale: 'fr',
      email: ' ',
      sms: 'x'.repeat(1_001),
      phone: 'ok',
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as Problem).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', code: 'required' }),
        expect.objectContaining({ field: 'sms', code: 'too_long' }),
      ]),
    );
    expect((await visitor.get('/api/site/consent-wordings')).json()).toEqual(before);
  });
});
