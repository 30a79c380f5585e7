import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Newsletter } from '../../../../contracts/newsletters.ts';
import type { PersonEngagements } from '../../../../contracts/newsletter-tracking.ts';
import type { AppContext } from '../../../core/context.ts';
import type { ReceivedMail } from '../../../testing/smtp.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { newsletterUnsubscribeUrl } from '../delivery.ts';
import { cutAtLinks, withLinks } from './links.ts';
import { trackingToken } from './token.ts';

const PROGRAMME = 'https://programme.example/agenda?ville=lyon&jour=samedi';
const OTHER = 'https://autre.example/tract';
const EVIL = 'https://evil.example/piège';

interface Engagement {
  opens: number;
  opened_at: Date | null;
  clicks: number;
  clicked_at: Date | null;
}

/** The address an HTML attribute holds, as a browser reads it. */
const unescaped = (value: string) => value.replace(/&amp;/g, '&');
/** A URL's path and query, to ask the app directly. */
const local = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

describe('cutting a drawn newsletter at its web links', () => {
  it('keeps mail links and anything that is not a web address, decodes the entities', () => {
    const html =
      '<p><a href="https://a.example/x?b=1&amp;c=2" rel="nofollow">a</a> <a href="mailto:x@y.example">m</a> <a rel="x">no href</a> <a href="http://b.example/%C3%A9">b</a></p>';
    const linked = cutAtLinks(html);
    expect(linked.links).toEqual(['https://a.example/x?b=1&c=2', 'http://b.example/%C3%A9']);
    expect(linked.parts).toHaveLength(3);
    expect(withLinks(linked, (i) => `https://t.example/c?l=${i}&t=1`)).toBe(
      '<p><a href="https://t.example/c?l=0&amp;t=1" rel="nofollow">a</a> <a href="mailto:x@y.example">m</a> <a rel="x">no href</a> <a href="https://t.example/c?l=1&amp;t=1">b</a></p>',
    );
  });
});

describe.each(engines)('newsletter opens and clicks, with consent (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  /** A mail client: not logged in, its own address. */
  const client = () => new Browser(t.app, `10.61.${Math.floor(Math.random() * 250)}.1`);
  let letter: Newsletter;
  const people: Record<
    'ana' | 'bruno' | 'chloe' | 'dora',
    { browser: Browser; personId: number; email: string }
  > = {} as never;
  const mails: Record<string, ReceivedMail> = {};

  const engagement = async (personId: number) => {
    const [row] = await t.ctx.database.query<Engagement>(
      `SELECT opens, opened_at, clicks, clicked_at FROM newsletter_engagements
        WHERE campaign_id = $1 AND newsletter_id = $2 AND person_id = $3`,
      [t.ctx.campaignId, letter.id, personId],
    );
    return row;
  };
  const linkCounts = async () =>
    (
      await t.ctx.database.query<{ link: number; clicks: number }>(
        `SELECT link, clicks FROM newsletter_link_clicks
          WHERE campaign_id = $1 AND newsletter_id = $2 ORDER BY link`,
        [t.ctx.campaignId, letter.id],
      )
    ).map((row) => [row.link, row.clicks]);
  const counts = async () =>
    ((await staff.get(`/api/newsletters/${letter.id}`)).json() as Newsletter).counts;
  const setTracking = async (browser: Browser, emailTracking: boolean) => {
    const response = await browser.put('/api/me/consents', {
      consents: { email: true, sms: false, phone: false },
      emailTracking,
      locale: 'fr',
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const pixelOf = (mail: ReceivedMail) =>
    unescaped(/<img src="([^"]+\/api\/newsletters\/tracking\/open\?t=[^"]+)"/.exec(mail.html)![1]!);
  const clicksOf = (mail: ReceivedMail) =>
    [...mail.html.matchAll(/href="([^"]*\/newsletter\/click\?[^"]*)"/g)].map((m) =>
      unescaped(m[1]!),
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'redaction@hq.example', ['staff']);
    // Ana and Dora agree to email and to the measure; Bruno to email only; Chloé to the
    // measure only, which is no consent to be written to.
    for (const [key, firstName, email] of [
      ['ana', 'Ana', true],
      ['bruno', 'Bruno', true],
      ['chloe', 'Chloé', false],
      ['dora', 'Dora', true],
    ] as const) {
      people[key] = await supporterBrowser(t, `${key}@suivi.example`, {
        firstName,
        lastName: 'Suivi',
        consents: { email, sms: false, phone: false },
      });
    }
    for (const key of ['ana', 'dora'] as const) await setTracking(people[key].browser, true);
    const chloe = await people.chloe.browser.put('/api/me/consents', {
      consents: { email: false, sms: false, phone: false },
      emailTracking: true,
      locale: 'fr',
    });
    expect((chloe.json() as { emailTracking: boolean }).emailTracking).toBe(true);
    // The staff member agrees too: their test mail is still not tracked.
    await setTracking(staff, true);

    const segment = await staff.post('/api/segments', {
      name: 'Famille Suivi',
      filter: { q: 'Suivi' },
    });
    const created = await staff.post('/api/newsletters', {
      name: 'Lettre suivie',
      subject: 'Bonjour {prénom}',
      body: `Chère {prénom},\n\nLe [programme](${PROGRAMME}) et ${OTHER} ; [écrivez-nous](mailto:equipe@suivi.example).`,
      segmentId: (segment.json() as { id: number }).id,
    });
    expect(created.statusCode, created.body).toBe(201);
    letter = created.json() as Newsletter;
  }, 120_000);
  afterAll(() => t?.close());

  it('tracks only the recipients who agree, and never a test', async () => {
    let since = t.smtp.received.length;
    await staff.post(`/api/newsletters/${letter.id}/test`, {});
    const test = await t.smtp.waitFor(
      'redaction@hq.example',
      (m) => m.subject.startsWith('[TEST]'),
      10_000,
      since,
    );
    expect(test.html).not.toContain('/newsletter/click');
    expect(test.html).not.toContain('/api/newsletters/tracking/open');
    expect(test.html).toContain(`href="${PROGRAMME.replace(/&/g, '&amp;')}"`);

    since = t.smtp.received.length;
    const sent = await staff.post(`/api/newsletters/${letter.id}/schedule`, { at: null });
    // Chloé agreed to the measure, not to email: she is no recipient.
    expect(sent.json()).toMatchObject({ status: 'sending', counts: { recipients: 3 } });
    for (const key of ['ana', 'bruno', 'dora'] as const) {
      mails[key] = await t.smtp.waitFor(
        people[key].email,
        (m) => m.subject.startsWith('Bonjour'),
        10_000,
        since,
      );
    }
    expect(t.smtp.received.slice(since).some((m) => m.to === people.chloe.email)).toBe(false);

    // Ana's mail: the image, her two web links through the click page, the rest untouched.
    const ana = mails.ana!;
    expect(ana.html).toContain('Chère Ana');
    expect(pixelOf(ana)).toMatch(/^http.*\/api\/newsletters\/tracking\/open\?t=\d+\.\d+\.[\w-]+$/);
    const links = clicksOf(ana);
    expect(links).toHaveLength(2);
    expect(links.map((url) => new URL(url).searchParams.get('l'))).toEqual(['0', '1']);
    expect(ana.html).not.toContain('href="https://programme.example');
    expect(ana.html).not.toContain('href="https://autre.example');
    expect(ana.html).toContain('href="mailto:equipe@suivi.example"');
    // The unsubscribe link is never rewritten.
    const unsubscribe = newsletterUnsubscribeUrl(t.ctx, letter.id, people.ana.personId);
    expect(ana.html).toContain(`href="${unsubscribe}"`);
    expect(ana.headers['list-unsubscribe']).toBe(`<${unsubscribe}>`);

    // Bruno's: as written, no image, no row.
    const bruno = mails.bruno!;
    expect(bruno.html).not.toContain('/api/newsletters/tracking/open');
    expect(bruno.html).not.toContain('/newsletter/click');
    expect(bruno.html).toContain(`href="${PROGRAMME.replace(/&/g, '&amp;')}"`);
    expect(bruno.html).toContain(`href="${OTHER}"`);

    expect(await engagement(people.ana.personId)).toEqual({
      opens: 0,
      opened_at: null,
      clicks: 0,
      clicked_at: null,
    });
    expect(await engagement(people.dora.personId)).toBeDefined();
    expect(await engagement(people.bruno.personId)).toBeUndefined();
    const [staffRows] = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM newsletter_engagements e JOIN people p
           ON p.campaign_id = e.campaign_id AND p.id = e.person_id
        WHERE e.campaign_id = $1 AND p.email_normalized = 'redaction@hq.example'`,
      [t.ctx.campaignId],
    );
    expect(staffRows!.n).toBe(0);
    expect(await counts()).toMatchObject({ tracked: 2, opened: 0, clicked: 0 });
  });

  it('counts an open when the image is fetched, always answering the image', async () => {
    const url = local(pixelOf(mails.ana!));
    const first = await client().get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/gif');
    expect(first.headers['cache-control']).toMatch(/no-store/);
    expect(first.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    expect(first.rawPayload).toHaveLength(43);
    const opened = await engagement(people.ana.personId);
    expect(opened).toMatchObject({ opens: 1, clicks: 0 });
    expect(opened!.opened_at).not.toBeNull();

    await client().get(url);
    // A HEAD (a checker) counts nothing.
    expect((await client().request('HEAD', url)).statusCode).toBe(200);
    const again = await engagement(people.ana.personId);
    expect(again).toMatchObject({ opens: 2 });
    expect(again!.opened_at).toEqual(opened!.opened_at);
    expect(await counts()).toMatchObject({ tracked: 2, opened: 1, clicked: 0 });
  });

  it('refuses forged and foreign tokens: the image still, nothing counted', async () => {
    const token = new URL(pixelOf(mails.ana!)).searchParams.get('t')!;
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const foreign = trackingToken(
      { ...t.ctx, campaignId: t.ctx.campaignId + 1 } as AppContext,
      letter.id,
      people.ana.personId,
    );
    // Someone else's token, made up without the secret: another person's id in Ana's.
    const swapped = token.replace(`.${people.ana.personId}.`, `.${people.dora.personId}.`);
    const unsubscribeToken = new URL(
      newsletterUnsubscribeUrl(t.ctx, letter.id, people.ana.personId),
    ).searchParams.get('token')!;
    for (const bad of [forged, foreign, swapped, unsubscribeToken, 'x', '']) {
      const response = await client().get(
        `/api/newsletters/tracking/open?t=${encodeURIComponent(bad)}`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/gif');
    }
    expect((await client().get('/api/newsletters/tracking/open')).statusCode).toBe(200);
    expect(await engagement(people.ana.personId)).toMatchObject({ opens: 2, clicks: 0 });
    expect(await engagement(people.dora.personId)).toMatchObject({ opens: 0, clicks: 0 });

    for (const bad of [forged, foreign, swapped, unsubscribeToken]) {
      const response = await client().get(`/newsletter/click?t=${encodeURIComponent(bad)}&l=0`);
      expect(response.statusCode).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('Ce lien n’est pas valide');
    }
    expect(await linkCounts()).toEqual([]);
  });

  it('leads a click to the newsletter’s own link and counts it, never to an address of the request', async () => {
    const [programme] = clicksOf(mails.ana!) as [string];
    const click = await client().get(local(programme));
    expect(click.statusCode).toBe(302);
    expect(click.headers.location).toBe(PROGRAMME);
    expect(click.headers['cache-control']).toMatch(/no-store/);
    const clicked = await engagement(people.ana.personId);
    expect(clicked).toMatchObject({ opens: 2, clicks: 1 });
    expect(clicked!.clicked_at).not.toBeNull();
    expect(await linkCounts()).toEqual([[0, 1]]);

    // An address in the query is never followed, whatever else it says.
    const token = new URL(programme).searchParams.get('t')!;
    const attempts = [
      `/newsletter/click?t=${token}&l=1&u=${encodeURIComponent(EVIL)}`,
      `/newsletter/click?t=${token}&l=1&url=${encodeURIComponent(EVIL)}&redirect=${encodeURIComponent(EVIL)}`,
    ];
    for (const url of attempts) {
      const response = await client().get(url);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe(OTHER);
    }
    for (const url of [
      `/newsletter/click?u=${encodeURIComponent(EVIL)}`,
      `/newsletter/click?t=${token}&l=2&u=${encodeURIComponent(EVIL)}`,
      `/newsletter/click?t=${token}&l=99999`,
      `/newsletter/click?t=${token}&l=-1`,
      `/newsletter/click?t=${token}&l=${encodeURIComponent(EVIL)}`,
      `/newsletter/click?t=${token}`,
    ]) {
      const response = await client().get(url);
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.headers.location, url).toBeUndefined();
      expect(response.body).not.toContain('evil.example');
    }
    const unknown = await client().get(`/newsletter/click?t=${token}&l=2`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('ne contient pas ce lien');
    // A token of a newsletter that does not exist: not found either.
    const noLetter = trackingToken(t.ctx, letter.id + 1000, people.ana.personId);
    expect((await client().get(`/newsletter/click?t=${noLetter}&l=0`)).statusCode).toBe(404);
    expect(await linkCounts()).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(await engagement(people.ana.personId)).toMatchObject({ opens: 2, clicks: 3 });

    // A click without an open counts as one (the images were blocked).
    const [doraLink] = clicksOf(mails.dora!);
    expect((await client().get(local(doraLink!))).statusCode).toBe(302);
    const dora = await engagement(people.dora.personId);
    expect(dora).toMatchObject({ opens: 1, clicks: 1 });
    expect(dora!.opened_at).toEqual(dora!.clicked_at);
    expect(await counts()).toMatchObject({ tracked: 2, opened: 2, clicked: 2 });

    // Bruno did not agree: a valid token of his (none was ever sent) records nothing.
    const bruno = trackingToken(t.ctx, letter.id, people.bruno.personId);
    expect((await client().get(`/newsletter/click?t=${bruno}&l=0`)).statusCode).toBe(302);
    expect((await client().get(`/api/newsletters/tracking/open?t=${bruno}`)).statusCode).toBe(200);
    expect(await engagement(people.bruno.personId)).toBeUndefined();
  });

  it('shows staff the clicks per link and a person’s opens only while they agree', async () => {
    const links = await staff.get(`/api/newsletters/${letter.id}/links`);
    expect(links.json()).toEqual({
      items: [
        { index: 0, url: PROGRAMME, clicks: 2 },
        { index: 1, url: OTHER, clicks: 2 },
      ],
    });
    expect((await people.ana.browser.get(`/api/newsletters/${letter.id}/links`)).statusCode).toBe(
      403,
    );
    const dora = (
      await staff.get(`/api/people/${people.dora.personId}/newsletter-engagements`)
    ).json() as PersonEngagements;
    expect(dora).toMatchObject({
      consents: true,
      tracked: 1,
      items: [{ newsletterId: letter.id, name: 'Lettre suivie', opens: 1, clicks: 1 }],
    });
    const bruno = (
      await staff.get(`/api/people/${people.bruno.personId}/newsletter-engagements`)
    ).json() as PersonEngagements;
    expect(bruno).toEqual({ consents: false, tracked: 0, items: [] });
    expect(
      (await people.dora.browser.get(`/api/people/${people.dora.personId}/newsletter-engagements`))
        .statusCode,
    ).toBe(403);
    expect((await staff.get('/api/people/987654/newsletter-engagements')).statusCode).toBe(404);
  });

  it('stops recording at once when the person withdraws, and hides their opens at HQ', async () => {
    await setTracking(people.ana.browser, false);
    const before = await engagement(people.ana.personId);
    const [programme] = clicksOf(mails.ana!);
    await client().get(local(pixelOf(mails.ana!)));
    const click = await client().get(local(programme!));
    // The link still works; nothing is counted.
    expect(click.statusCode).toBe(302);
    expect(click.headers.location).toBe(PROGRAMME);
    expect(await engagement(people.ana.personId)).toEqual(before);
    expect(await linkCounts()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const ana = (
      await staff.get(`/api/people/${people.ana.personId}/newsletter-engagements`)
    ).json() as PersonEngagements;
    expect(ana).toEqual({ consents: false, tracked: 0, items: [] });
  });

  it('says on the privacy page, in French and English, that the measure needs consent and how to withdraw', async () => {
    const french = await client().get('/confidentialite');
    expect(french.statusCode).toBe(200);
    expect(french.body).toContain('Ouvertures et clics des lettres d’information');
    expect(french.body).toContain('que pour les personnes qui l’ont accepté');
    expect(french.body).toContain('désactivé par défaut');
    expect(french.body).toContain('Vous pouvez retirer cet accord à tout moment');
    const english = await client().get('/confidentialite?lang=en');
    expect(english.body).toContain('Newsletter opens and clicks');
    expect(english.body).toContain('it is off by default');
    expect(english.body).toContain('You can withdraw this agreement at any time');
    // Staff's own text cannot remove it.
    const saved = await staff.put('/api/admin/site/legal', {
      fr: {
        legalNotice: 'Éditeur : Exemple.',
        privacyPolicy: 'Responsable du traitement : Exemple.',
        formNotice: 'Vos données sont traitées par Exemple.',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const edited = await client().get('/confidentialite');
    expect(edited.body).toContain('Responsable du traitement : Exemple.');
    expect(edited.body).toContain('Ouvertures et clics des lettres d’information');
  });

  it('puts the opens and clicks in the person’s data file, and erases them with the person', async () => {
    const file = (await people.dora.browser.get('/api/me/export')).json() as {
      consents: { current: { emailTracking: boolean } };
      newsletters: {
        opensAndClicks: Array<{ newsletter: string; opens: number; clicks: number }>;
      };
    };
    expect(file.consents.current.emailTracking).toBe(true);
    expect(file.newsletters.opensAndClicks).toEqual([
      expect.objectContaining({ newsletter: 'Lettre suivie', opens: 1, clicks: 1 }),
    ]);
    const erased = await people.dora.browser.post('/api/me/delete', { confirm: 'DELETE' });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await engagement(people.dora.personId)).toBeUndefined();
    expect(await counts()).toMatchObject({ tracked: 1, opened: 1, clicked: 1 });
  });
});
