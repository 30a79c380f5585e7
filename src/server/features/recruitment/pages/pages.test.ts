import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, engines, type TestApp } from '../../../testing/harness.ts';
import { defaultHome, writeSetting } from '../../settings/service.ts';
import { linkify, paragraphs } from './text.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

/** A visitor's browser on its own address (each has its own rate-limit budget). */
const visitor = (t: TestApp) =>
  new Browser(t.app, `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

/** The value of a hidden field in a page's form. */
const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];

describe('public page text', () => {
  it('makes web and email addresses links and everything else text', () => {
    expect(linkify('Voir www.example.org, ou écrire à dpo@example.org.')).toBe(
      'Voir <a href="https://www.example.org" rel="noopener">www.example.org</a>, ou écrire à <a href="mailto:dpo@example.org" rel="noopener">dpo@example.org</a>.',
    );
    expect(linkify('<b>https://a.example/x?y="1"</b>')).toBe(
      '&lt;b&gt;<a href="https://a.example/x?y=" rel="noopener">https://a.example/x?y=</a>&quot;1&quot;&lt;/b&gt;',
    );
    expect(linkify('javascript:alert(1) data:text/html,x')).toBe(
      'javascript:alert(1) data:text/html,x',
    );
    expect(paragraphs('Un\ndeux\n\n\nTrois')).toBe('<p>Un<br>deux</p>\n<p>Trois</p>');
  });
});

describe.each(engines)('public pages on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A sign-up through the API, as the page's script sends it; the mail it caused. */
  async function signUpByApi(browser: Browser, email: string, firstName: string) {
    const since = t.smtp.received.length;
    const response = await browser.post('/api/signup', {
      firstName,
      lastName: 'Essai',
      email,
      postalCode: '69001',
      consents: { email: true, sms: false, phone: false },
    });
    expect(response.statusCode).toBe(200);
    return t.smtp.waitFor(email, () => true, 10_000, since);
  }

  it('draws the home page whole on the server: message, form, consents, notice, footer', async () => {
    const response = await visitor(t).get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    const html = response.body;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Rejoignez la campagne</h1>');
    expect(html).toContain('<meta property="og:title" content="Rejoignez la campagne — Levier">');
    expect(html).toMatch(/<form class="signup-form" method="post" action="\/signup"/);
    for (const name of ['firstName', 'lastName', 'email', 'postalCode', 'phone']) {
      expect(html).toMatch(new RegExp(`<label for="signup-${name}">[^<]+</label>`));
      expect(html).toContain(`name="${name}"`);
    }
    expect(hidden(html, 'wordingVersion')).toMatch(/^fr-/);
    expect(html).toContain('name="consents.email" value="on"');
    expect(html).toContain('J&#39;accepte de recevoir les nouvelles de la campagne par e-mail');
    // The law at the point of collection: the short notice and the policy, by the form.
    expect(html).toMatch(
      /class="form-notice"[\s\S]*href="\/confidentialite">Politique de confidentialité</,
    );
    expect(html).toMatch(
      /<footer class="site-footer">.*href="\/mentions-legales">Mentions légales<.*href="\/confidentialite">Politique de confidentialité</,
    );
  });

  it('makes the web addresses staff type in the home message links', async () => {
    await writeSetting(t.ctx.database, t.ctx.campaignId, 'home', {
      ...defaultHome,
      message:
        'Notre programme : https://campagne.example/programme.\n\nÉcrivez à <contact@campagne.example>',
    });
    try {
      const html = (await visitor(t).get('/')).body;
      expect(html).toContain(
        '<p>Notre programme : <a href="https://campagne.example/programme" rel="noopener">https://campagne.example/programme</a>.</p>',
      );
      expect(html).toContain(
        '<p>Écrivez à &lt;<a href="mailto:contact@campagne.example" rel="noopener">contact@campagne.example</a>&gt;</p>',
      );
    } finally {
      await writeSetting(t.ctx.database, t.ctx.campaignId, 'home', defaultHome);
    }
  });

  it('compresses pages as the browser accepts', async () => {
    const response = await t.app.inject({
      url: '/',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toContain('Accept-Encoding');
    const html = brotliDecompressSync(response.rawPayload).toString('utf8');
    expect(html).toContain('<h1>Rejoignez la campagne</h1>');
    expect(response.rawPayload.length).toBeLessThan(html.length / 2);
  });

  it('signs up from a plain form post, and repeats the address the mail went to', async () => {
    const browser = visitor(t);
    const email = 'sans.script@example.org';
    const since = t.smtp.received.length;
    const response = await browser.request(
      'POST',
      '/signup',
      form({
        firstName: 'Noé',
        lastName: 'Sans Script',
        email,
        postalCode: '44000',
        'consents.email': 'on',
        locale: 'fr',
        source: 'signup',
        wordingVersion: 'fr-2026-11',
      }),
      urlencoded,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('Vérifiez votre boîte mail');
    expect(response.body).toContain(`<strong data-email>${email}</strong>`);
    expect(response.body).toMatch(/<form class="resend" method="post" action="\/signup\/resend"/);
    const mail = await t.smtp.waitFor(
      email,
      (m) => m.text.includes('/confirm?token='),
      10_000,
      since,
    );
    // The mail greets without the name typed in the form (recruitment/mails.ts).
    expect(mail.text).toMatch(/^Bonjour,/);
    expect(mail.text).not.toContain('Noé');
    const [person] = await t.ctx.database.query<{ commune_name: string; source: string }>(
      'SELECT commune_name, source FROM people WHERE email_normalized = $1',
      [email],
    );
    expect(person).toEqual({ commune_name: 'Nantes', source: 'signup' });
  });

  it('answers a plain form post with errors by the form again: messages, values kept, nothing written', async () => {
    const email = 'pas-une-adresse';
    const response = await visitor(t).request(
      'POST',
      '/signup',
      form({
        firstName: '',
        lastName: '<b>Durand</b>',
        email,
        postalCode: '99999',
        phone: '12',
        'consents.sms': 'on',
        locale: 'fr',
        source: 'signup',
      }),
      urlencoded,
    );
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain('<title>Erreur : Rejoignez la campagne — Levier</title>');
    const fieldError = (name: string) =>
      new RegExp(`<p class="field-error" id="signup-${name}-error">([^<]*)</p>`).exec(html)?.[1];
    expect(fieldError('firstName')).toBe('Ce champ est obligatoire.');
    expect(fieldError('email')).toBe('Cette adresse e-mail n’est pas valide.');
    expect(fieldError('postalCode')).toBe('Ce code postal est inconnu.');
    expect(fieldError('phone')).toBe('Ce numéro de téléphone n’est pas valide.');
    // Markup is not a name (contracts/names.ts): refused too, and the value kept escaped.
    expect(fieldError('lastName')).toBe(
      'Un nom ne contient que des lettres, des espaces, des apostrophes, des traits d’union et des points.',
    );
    // The first field in error has focus; each says why, as its description.
    expect(html).toMatch(
      /<input id="signup-firstName" [^>]*aria-invalid="true" aria-describedby="signup-firstName-error" autofocus>/,
    );
    expect(html).toContain('value="&lt;b&gt;Durand&lt;/b&gt;"');
    expect(html).toContain('name="consents.sms" value="on" checked');
    const rows = await t.ctx.database.query('SELECT 1 FROM people WHERE email_normalized = $1', [
      email,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('asks for the commune of a postal code that has several, listing them', async () => {
    const response = await visitor(t).request(
      'POST',
      '/signup',
      form({
        firstName: 'Léa',
        lastName: 'Roussel',
        email: 'lea.communes@example.org',
        postalCode: '13100',
        locale: 'fr',
      }),
      urlencoded,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(
      /<select id="signup-communeCode" name="communeCode" required aria-invalid="true"/,
    );
    expect(response.body).toContain('<option value="13001">Aix-en-Provence</option>');
    expect(response.body).toContain('Choisissez votre commune.');
  });

  it('keeps the first recruitment code and UTM tags of the visit, and credits the sign-up', async () => {
    const recruiter = visitor(t);
    const mail = await signUpByApi(recruiter, 'aline.recrute@example.org', 'Aline');
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    const { recruitCode } = (await recruiter.post('/api/signup/confirm', { token })).json() as {
      recruitCode: string;
    };

    const browser = visitor(t);
    const first = await browser.request(
      'GET',
      `/?r=${recruitCode}&utm_source=tract&utm_campaign=marche`,
      undefined,
      {
        referer: 'https://blog.example/article',
      },
    );
    expect(first.cookies.map((c) => c.name)).toContain('levier_attr');
    // The visitor reads the legal notice, then comes back through another tagged link.
    await browser.get('/mentions-legales');
    const later = await browser.get('/?utm_source=autre&utm_medium=mail');
    expect(hidden(later.body, 'ref')).toBe(recruitCode);
    expect(hidden(later.body, 'utmSource')).toBe('tract');
    expect(hidden(later.body, 'utmCampaign')).toBe('marche');
    expect(hidden(later.body, 'utmMedium')).toBeUndefined();
    expect(hidden(later.body, 'referrerUrl')).toBe('https://blog.example/article');

    const fields = Object.fromEntries(
      [...later.body.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const response = await browser.request(
      'POST',
      '/signup',
      form({
        ...fields,
        firstName: 'Bastien',
        lastName: 'Recrue',
        email: 'bastien.recrue@example.org',
        postalCode: '38000',
      }),
      urlencoded,
    );
    expect(response.statusCode).toBe(200);
    const [person] = await t.ctx.database.query<{
      utm_source: string;
      utm_campaign: string;
      referrer_url: string;
      recruiter: string;
    }>(
      `SELECT p.utm_source, p.utm_campaign, p.referrer_url, r.first_name AS recruiter
         FROM people p JOIN people r ON r.campaign_id = p.campaign_id AND r.id = p.recruited_by
        WHERE p.email_normalized = 'bastien.recrue@example.org'`,
    );
    expect(person).toEqual({
      utm_source: 'tract',
      utm_campaign: 'marche',
      referrer_url: 'https://blog.example/article',
      recruiter: 'Aline',
    });
  });

  it('sends the confirmation mail again on request, within the daily cap', async () => {
    const email = 'renvoi@example.org';
    const browser = visitor(t);
    const first = await signUpByApi(browser, email, 'Rémi');
    expect(
      (await browser.post('/api/signup/resend', { email: 'RENVOI@example.org' })).json(),
    ).toEqual({
      ok: true,
    });
    const again = await browser.request(
      'POST',
      '/signup/resend',
      form({ email, locale: 'fr' }),
      urlencoded,
    );
    expect(again.statusCode).toBe(200);
    expect(again.body).toMatch(/E-mail renvoyé à renvoi@example\.org à \d\d:\d\d:\d\d\./);
    // An unknown address gets the same answer, and no mail.
    expect(
      (await browser.post('/api/signup/resend', { email: 'personne@example.org' })).json(),
    ).toEqual({
      ok: true,
    });
    await browser.post('/api/signup/resend', { email });
    const link = (text: string) => /confirm\?token=([\w.-]+)/.exec(text)![1];
    await expect
      .poll(async () =>
        (
          await t.ctx.database.query<{ status: string }>(
            `SELECT status FROM mail_outbox WHERE campaign_id = $1 AND to_address = $2 ORDER BY id`,
            [t.ctx.campaignId, email],
          )
        ).map((m) => m.status),
      )
      .toEqual(['sent', 'sent', 'sent', 'suppressed']);
    const received = t.smtp.received.filter((m) => m.to === email);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((m) => link(m.text)))).toEqual(new Set([link(first.text)]));
    expect(t.smtp.received.filter((m) => m.to === 'personne@example.org')).toHaveLength(0);
  });

  it('shows English pages with the French texts left untranslated marked lang="fr"', async () => {
    const browser = visitor(t);
    const response = await browser.get('/?lang=en');
    expect(response.cookies.find((c) => c.name === 'levier_lang')?.value).toBe('en');
    const html = response.body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1 lang="fr">Rejoignez la campagne</h1>');
    expect(html).toContain('<div class="message" lang="fr">');
    // The form's own words are English when staff wrote no English call to action.
    expect(html).toContain('<h2 id="signup-title">Join us</h2>');
    expect(html).toContain('<button type="submit" class="primary">Sign up</button>');
    expect(html).toContain('<label for="signup-email">Email address</label>');
    expect(hidden(html, 'wordingVersion')).toMatch(/^en-/);
    expect(html).toContain('href="/confidentialite?lang=en">Privacy policy</a>');
    // The cookie keeps English for the next page.
    const legal = await browser.get('/confidentialite');
    expect(legal.body).toContain('<html lang="en">');
    expect(legal.body).toContain('<h1>Privacy policy</h1>');
    expect(legal.body).toContain('This text is only available in French.');
    expect(legal.body).toMatch(/<div lang="fr"><p>/);
  });

  it('draws the legal pages in French with their addresses as links', async () => {
    for (const [path, title] of [
      ['/mentions-legales', 'Mentions légales'],
      ['/confidentialite', 'Politique de confidentialité'],
    ]) {
      const response = await visitor(t).get(path);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`<h1>${title}</h1>`);
      expect(response.body).toContain(`<title>${title} — Levier</title>`);
      expect(response.body).not.toContain('lang="fr"><p>');
      expect(response.body).toContain('<footer class="site-footer">');
    }
  });

  it('confirms from the link’s page by a form post, and says when a link is no good', async () => {
    const browser = visitor(t);
    const email = 'confirme.page@example.org';
    const mail = await signUpByApi(browser, email, 'Carole');
    const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
    // Opening the link confirms nothing by itself (mail scanners open links).
    const page = await browser.get(`/confirm?token=${token}`);
    expect(hidden(page.body, 'token')).toBe(token);
    const [before] = await t.ctx.database.query<{ confirmed_at: Date | null }>(
      'SELECT confirmed_at FROM people WHERE email_normalized = $1',
      [email],
    );
    expect(before.confirmed_at).toBeNull();
    const done = await browser.request(
      'POST',
      '/confirm',
      form({ token, locale: 'fr' }),
      urlencoded,
    );
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(
      '<div class="alert success" role="status">Merci Carole ! Votre inscription est confirmée.</div>',
    );
    expect(done.body).toMatch(
      /<input id="recruit-link" type="text" readonly value="http:\/\/levier\.test\/\?r=\w+"/,
    );
    const bad = await browser.request(
      'POST',
      '/confirm',
      form({ token: `${token}x`, locale: 'fr' }),
      urlencoded,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Lien expiré ou invalide');
    expect((await browser.get('/confirm')).body).toContain('Lien expiré ou invalide');
  });

  it('lets other sites frame only the embeddable form and what its posts answer', async () => {
    const browser = visitor(t);
    const embed = await browser.get('/embed/signup?utm_source=blog&lang=en');
    expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors \*/);
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(embed.body).not.toContain('<header');
    expect(embed.body).toContain('<footer class="embed-footer">');
    expect(embed.body).toContain('target="_blank" rel="noopener">Privacy policy</a>');
    expect(hidden(embed.body, 'source')).toBe('embed');
    expect(hidden(embed.body, 'utmSource')).toBe('blog');
    const posted = await browser.request(
      'POST',
      '/signup',
      form({ source: 'embed', locale: 'en', firstName: '', email: 'x' }),
      urlencoded,
    );
    expect(posted.statusCode).toBe(400);
    expect(posted.headers['content-security-policy']).toMatch(/frame-ancestors \*/);
    expect(posted.body).toContain('This field is required.');
    const home = await browser.get('/');
    expect(home.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('public form posts past the rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { SIGNUP_RATE_LIMIT: '1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a page saying to wait, with the values kept', async () => {
    const browser = visitor(t);
    const fields = {
      firstName: 'Zoé',
      lastName: 'Pressée',
      email: 'zoe@example.org',
      postalCode: '44000',
    };
    expect((await browser.request('POST', '/signup', form(fields), urlencoded)).statusCode).toBe(
      200,
    );
    const refused = await browser.request('POST', '/signup', form(fields), urlencoded);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('Trop de tentatives. Patientez une minute puis réessayez.');
    expect(refused.body).toContain('value="Pressée"');
  });
});
