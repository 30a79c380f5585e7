import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee, CommitteeRules } from '../../../../contracts/committees.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** The value of a hidden field in a page's form. */
const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];

interface Queue {
  items: Array<{
    target: { kind: string; id: number; title: string };
    reporters: number;
    reasons: Array<{ reason: string; count: number }>;
    texts: string[];
  }>;
  total: number;
}

describe.each(engines)('the public report form on %s', (engine) => {
  let t: TestApp;
  let moderator: Browser;
  let n = 0;

  const visitor = () => {
    n += 1;
    return new Browser(t.app, `10.40.${n}.1`);
  };
  const committee = async (name: string) => {
    n += 1;
    const { browser } = await supporterBrowser(t, `author-${n}@report-page.example`);
    const response = await browser.post('/api/committees', {
      name,
      place: { postalCode: '69001' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Committee;
  };
  const queued = async (id: number) =>
    ((await moderator.get('/api/moderation/queue')).json() as Queue).items.find(
      (item) => item.target.kind === 'committee' && item.target.id === id,
    );
  /** Opens the form as a visitor would, then posts it with the form's own token. */
  const reportByForm = async (browser: Browser, id: number, fields: Record<string, string>) => {
    const page = await browser.get(`/report?kind=committee&id=${id}`);
    expect(page.statusCode).toBe(200);
    return browser.request(
      'POST',
      '/report',
      form({
        _csrf: hidden(page.body, '_csrf')!,
        locale: 'fr',
        kind: 'committee',
        id: String(id),
        ...fields,
      }),
      urlencoded,
    );
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    moderator = await staffBrowser(t, 'moderator@report-page.example', ['moderator']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('links a committee’s page to the form, which asks why with every reason', async () => {
    const { id } = await committee('Comité à signaler');
    const page = (await visitor().get(`/committees/${id}`)).body;
    expect(page).toContain(
      `<p class="report-link"><a href="/report?kind=committee&amp;id=${id}" rel="nofollow">Signaler ce comité</a></p>`,
    );
    const english = (await visitor().get(`/committees/${id}?lang=en`)).body;
    expect(english).toContain(`href="/report?kind=committee&amp;id=${id}&amp;lang=en"`);
    expect(english).toContain('>Report this committee</a>');

    const response = await visitor().get(`/report?kind=committee&id=${id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<title>Signaler ce comité — ');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<h1>Signaler ce comité</h1>');
    expect(html).toContain('Vous signalez : Comité à signaler');
    expect(html).toContain('<form class="report-form" method="post" action="/report" novalidate>');
    expect(hidden(html, '_csrf')).toBeTruthy();
    expect(hidden(html, 'kind')).toBe('committee');
    expect(hidden(html, 'id')).toBe(String(id));
    const reasons = [
      ...html.matchAll(/<input type="radio" name="reason" value="(\w+)"[^>]*> ([^<]+)<\/label>/g),
    ];
    expect(reasons.map((m) => m[1])).toEqual([
      'spam',
      'hate',
      'harassment',
      'misinformation',
      'illegal',
      'impersonation',
      'other',
    ]);
    expect(reasons.map((m) => m[2])).toContain('Propos haineux ou discriminatoires');
    expect(reasons.map((m) => m[2])).toContain('Fausses informations');
    expect(html).toMatch(/<textarea id="report-text" name="text" rows="6" maxlength="2000"/);
    expect(html).toContain(`<a href="/committees/${id}">Revenir sans signaler</a>`);
  });

  it('takes a visitor’s report with the form’s token, then thanks them; the queue shows it', async () => {
    const { id } = await committee('Comité trompeur');
    const browser = visitor();
    const posted = await reportByForm(browser, id, {
      reason: 'misinformation',
      text: 'Se présente comme\r\nle comité officiel.',
    });
    expect(posted.statusCode, posted.body).toBe(303);
    expect(posted.headers.location).toBe(`/report/sent?kind=committee&id=${id}`);
    const thanks = await browser.get(posted.headers.location as string);
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('<h1>Merci pour votre signalement</h1>');
    expect(thanks.body).toContain(
      `<a class="button secondary" href="/committees/${id}">Revenir à la page</a>`,
    );
    expect(await queued(id)).toMatchObject({
      reporters: 1,
      reasons: [{ reason: 'misinformation', count: 1 }],
      texts: ['Se présente comme\nle comité officiel.'],
    });

    // A logged-in supporter reports through the same form; their second report counts once.
    const { browser: supporter } = await supporterBrowser(t, 'reporter@report-page.example');
    for (const reason of ['spam', 'hate']) {
      expect((await reportByForm(supporter, id, { reason })).statusCode).toBe(303);
    }
    expect((await queued(id))?.reporters).toBe(2);

    // In English, the thanks are too.
    const english = visitor();
    await english.get(`/report?kind=committee&id=${id}&lang=en`);
    const sent = await reportByForm(english, id, { reason: 'other', locale: 'en' });
    expect(sent.headers.location).toBe(`/report/sent?kind=committee&id=${id}&lang=en`);
    expect((await english.get(sent.headers.location as string)).body).toContain(
      '<h1>Thank you for your report</h1>',
    );
  });

  it('refuses a post without the form’s token, or with a forged one, and records nothing', async () => {
    const { id } = await committee('Comité sans jeton');
    const browser = visitor();
    // The API's token in the header is not enough: the form carries its own.
    await browser.session();
    await browser.get(`/report?kind=committee&id=${id}`);
    for (const token of [{}, { _csrf: 'forged' }] as Array<Record<string, string>>) {
      const refused = await browser.request(
        'POST',
        '/report',
        form({ kind: 'committee', id: String(id), reason: 'spam', text: 'Gardé', ...token }),
        urlencoded,
      );
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.body).toContain('Rechargez la page puis réessayez');
      // The form again, with a fresh token and what was typed.
      expect(hidden(refused.body, '_csrf')).toBeTruthy();
      expect(refused.body).toContain('value="spam" required checked');
      expect(refused.body).toContain('>Gardé</textarea>');
    }
    // A visitor who never opened the form has no secret at all.
    const stranger = visitor();
    const blind = await stranger.request(
      'POST',
      '/report',
      form({ kind: 'committee', id: String(id), reason: 'spam', _csrf: 'forged' }),
      urlencoded,
    );
    expect(blind.statusCode).toBe(403);
    expect(await queued(id)).toBeUndefined();
  });

  it('says what is missing or too long, keeping what was typed', async () => {
    const { id } = await committee('Comité à motif');
    const browser = visitor();
    const noReason = await reportByForm(browser, id, { text: 'Sans motif' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('<title>Erreur : Signaler ce comité — ');
    expect(noReason.body).toContain(
      '<p class="field-error" id="report-reason-error">Choisissez la raison du signalement.</p>',
    );
    expect(noReason.body).toContain('<fieldset aria-describedby="report-reason-error">');
    expect(noReason.body).toContain('>Sans motif</textarea>');
    const tooLong = await reportByForm(browser, id, { reason: 'spam', text: 'x'.repeat(2_001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain(
      '<p class="field-error" id="report-text-error">Ce texte est trop long.</p>',
    );
    expect(tooLong.body).toMatch(/<textarea [^>]*aria-invalid="true">x{2001}<\/textarea>/);
    const invisible = await reportByForm(browser, id, { reason: 'spam', text: 'a\u202Eb' });
    expect(invisible.statusCode).toBe(400);
    expect(invisible.body).toContain(
      'id="report-text-error">Ce champ contient un caractère invisible',
    );
    const unknownReason = await reportByForm(browser, id, { reason: 'boredom' });
    expect(unknownReason.statusCode).toBe(400);
    expect(await queued(id)).toBeUndefined();
  });

  it('answers 404 for a committee that does not exist or is not public', async () => {
    const staff = await staffBrowser(t, 'staff@report-page.example', ['staff']);
    const rules = (await staff.get('/api/committee-rules')).json() as CommitteeRules;
    await staff.put('/api/committee-rules', { ...rules, forbiddenWords: ['Escroquerie'] });
    const held = await committee('Comité escroquerie');
    await staff.put('/api/committee-rules', rules);
    expect(held.status).toBe('held');
    const unpublished = await committee('Comité déjà retiré');
    await moderator.post('/api/moderation/decisions', {
      targetKind: 'committee',
      targetId: unpublished.id,
      action: 'unpublish',
      message: 'Retiré.',
    });

    const addresses = [
      `/report?kind=committee&id=${held.id}`,
      `/report?kind=committee&id=${unpublished.id}`,
      '/report?kind=committee&id=99999999',
      '/report?kind=committee&id=abc',
      '/report?kind=person&id=1',
      '/report',
    ];
    for (const address of addresses) {
      const response = await visitor().get(address);
      expect(response.statusCode, address).toBe(404);
      expect(response.body).toContain('<h1>Contenu introuvable</h1>');
      expect(response.body).not.toContain('escroquerie');
    }
    // Posting about one, with a good token, records nothing either.
    const { id: open } = await committee('Comité ouvert');
    const browser = visitor();
    const token = hidden((await browser.get(`/report?kind=committee&id=${open}`)).body, '_csrf')!;
    for (const id of [held.id, 99_999_999]) {
      const post = await browser.request(
        'POST',
        '/report',
        form({ _csrf: token, kind: 'committee', id: String(id), reason: 'spam' }),
        urlencoded,
      );
      expect(post.statusCode).toBe(404);
      expect(await queued(id)).toBeUndefined();
    }
    // Its page has no link to report it (its organisers still see it).
    expect((await visitor().get(`/committees/${held.id}`)).statusCode).toBe(404);
  });

  it('keeps markup in a report as text and never draws it', async () => {
    const { id } = await committee('<img src=x onerror=alert(1)> "Comité"');
    const browser = visitor();
    const form = (await browser.get(`/report?kind=committee&id=${id}`)).body;
    expect(form).not.toContain('<img');
    expect(form).toContain('Vous signalez : &lt;img src=x onerror=alert(1)&gt; &quot;Comité&quot;');
    const xss = '</textarea><script>alert(2)</script><b onclick="alert(3)">gras</b>';
    // Refused first (no reason): the form again holds the text escaped.
    const again = await reportByForm(browser, id, { text: xss });
    expect(again.statusCode).toBe(400);
    expect(again.body).not.toMatch(/<script>alert|<b onclick|<img/);
    expect(again.body).toContain(
      '&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;b onclick=&quot;alert(3)&quot;&gt;gras&lt;/b&gt;</textarea>',
    );
    const sent = await reportByForm(browser, id, { reason: 'hate', text: xss });
    expect(sent.statusCode).toBe(303);
    expect((await browser.get(sent.headers.location as string)).body).not.toMatch(
      /<script>alert|<img/,
    );
    // Stored as typed: the moderators' screen draws it as text.
    expect((await queued(id))?.texts).toEqual([xss]);
  });

  it('shares the API’s budget of reports per address, and keeps what was typed when it is spent', async () => {
    const { id } = await committee('Comité très signalé');
    const browser = new Browser(t.app, '10.41.0.1');
    await browser.session();
    for (let i = 0; i < 20; i++) {
      const response = await browser.post('/api/reports', {
        targetKind: 'committee',
        targetId: id,
        reason: 'spam',
      });
      expect(response.statusCode).toBe(201);
    }
    const limited = await reportByForm(browser, id, { reason: 'spam', text: 'Encore' });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('réessayez dans une heure');
    expect(limited.body).toContain('>Encore</textarea>');
    expect((await queued(id))?.reporters).toBe(20);
    // The budget is per address: another visitor still reports.
    expect((await reportByForm(visitor(), id, { reason: 'spam' })).statusCode).toBe(303);
  });
});
