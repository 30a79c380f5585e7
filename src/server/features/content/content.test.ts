import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem, LeaderboardRow, MyShare } from '../../../contracts/content.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  signupBody,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { giftForm, openCandidateDonations } from '../donations/test-fixtures.ts';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * A small check that a text is well-formed XML: every tag closed in order, attributes quoted,
 * no bare `<` or `&` in text (what a feed reader refuses).
 */
function wellFormedXml(xml: string): string | null {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token =
    /<\/?([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|#39|#\d+);)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(body))) {
    const [whole, name, , selfClosing] = match;
    if (!name) return `stray ${whole} at ${match.index}`;
    if (whole.startsWith('</')) {
      if (stack.pop() !== name) return `unbalanced </${name}>`;
    } else if (!selfClosing) stack.push(name);
  }
  return stack.length === 0 ? null : `unclosed ${stack.join(',')}`;
}

describe.each(engines)('content (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;

  const input = (overrides: Record<string, unknown> = {}) => ({
    kind: 'article',
    slug: 'la-gare-rouvre',
    title: 'La gare rouvre',
    summary: 'Après deux ans de travaux, la gare rouvre lundi.',
    body: 'Le **lundi 4 janvier**, les trains reviennent.',
    tags: ['transports', 'gare'],
    share: {
      x: 'La gare rouvre !',
      facebook: 'Bonne nouvelle pour la ville',
      whatsapp: 'Regarde ça',
      telegram: 'À partager',
      emailSubject: 'La gare rouvre',
      emailBody: 'Je pense que ça t’intéresse.',
    },
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}) => {
    const created = await staff.post('/api/content', input(overrides));
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as ContentItem;
  };
  const publish = async (id: number, at: string | null = null) => {
    const published = await staff.post(`/api/content/${id}/publish`, { at });
    expect(published.statusCode, published.body).toBe(200);
    return published.json() as ContentItem;
  };
  const anonymous = () => new Browser(t.app, `10.8.${Math.floor(Math.random() * 250)}.1`);

  beforeAll(async () => {
    t = await createTestApp(engine, { DONATION_RATE_LIMIT: '1000' });
    staff = await staffBrowser(t, 'redaction@staff.example', ['staff']);
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses the item routes to anonymous visitors, supporters and roles without content.publish', async () => {
    expect((await anonymous().get('/api/content')).statusCode).toBe(401);
    const supporter = await supporterBrowser(t, 'lecteur@content.example');
    expect((await supporter.browser.get('/api/content')).statusCode).toBe(403);
    expect((await supporter.browser.post('/api/content', input())).statusCode).toBe(403);
    expect((await supporter.browser.get('/api/content/leaderboard')).statusCode).toBe(403);
    for (const role of ['moderator', 'finance']) {
      const other = await staffBrowser(t, `${role}@content.example`, [role]);
      expect((await other.post('/api/content', input({ slug: role }))).statusCode).toBe(403);
      expect((await other.get('/api/content/leaderboard.csv')).statusCode).toBe(403);
    }
    expect(((await staff.get('/api/content')).json() as { total: number }).total).toBe(0);
  });

  it('creates, reads, lists, updates and deletes items; a taken address or bad input changes nothing', async () => {
    const item = await create({ slug: 'crud-item' });
    expect(item).toMatchObject({
      status: 'draft',
      live: false,
      publishAt: null,
      tags: ['transports', 'gare'],
      url: 'http://levier.test/articles/crud-item',
    });
    const taken = await staff.post('/api/content', input({ slug: 'crud-item' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'slug_taken' });
    const bad = await staff.post('/api/content', input({ slug: 'Pas une adresse', title: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const longTweet = await staff.post(
      '/api/content',
      input({ slug: 'long', share: { x: 'x'.repeat(300) } }),
    );
    expect(longTweet.statusCode).toBe(400);

    const updated = await staff.put(
      `/api/content/${item.id}`,
      input({ slug: 'crud-item', title: 'Titre changé', kind: 'rebuttal' }),
    );
    expect(updated.json()).toMatchObject({ title: 'Titre changé', kind: 'rebuttal' });
    expect((await staff.get(`/api/content/${item.id}`)).json()).toMatchObject({
      title: 'Titre changé',
    });
    const listed = (await staff.get('/api/content?q=chang')).json() as {
      items: ContentItem[];
      total: number;
    };
    expect(listed.items.map((i) => i.id)).toEqual([item.id]);
    expect(((await staff.get('/api/content?status=live')).json() as { total: number }).total).toBe(
      0,
    );
    expect((await staff.delete(`/api/content/${item.id}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/content/${item.id}`)).statusCode).toBe(404);
    expect((await staff.delete(`/api/content/${item.id}`)).statusCode).toBe(404);
  });

  it('shows a published item from its moment: a draft and an item to come are not found publicly', async () => {
    const item = await create({ slug: 'a-venir' });
    const visitor = anonymous();
    const navLink = '<a href="/articles">Articles</a>';
    expect((await visitor.get('/articles/a-venir')).statusCode).toBe(404);
    expect((await visitor.get('/')).body).not.toContain(navLink);
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await publish(item.id, soon);
    expect(scheduled).toMatchObject({ status: 'published', live: false });
    expect((await visitor.get('/articles/a-venir')).statusCode).toBe(404);
    expect((await visitor.get('/articles')).body).not.toContain('/articles/a-venir');
    expect(
      ((await staff.get('/api/content?status=scheduled')).json() as { total: number }).total,
    ).toBe(1);
    // The hour comes (moved back in the row: the page reads the clock, nothing runs then).
    await t.ctx.database.query(
      `UPDATE content_items SET publish_at = now() - interval '1 minute' WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, item.id],
    );
    expect((await visitor.get('/articles/a-venir')).statusCode).toBe(200);
    expect((await visitor.get('/articles')).body).toContain('href="/articles/a-venir"');
    // The public header links the articles once one is live.
    expect((await visitor.get('/')).body).toContain(navLink);
    // By tag, paginated.
    expect((await visitor.get('/articles?tag=gare')).body).toContain('href="/articles/a-venir"');
    expect((await visitor.get('/articles?tag=autre')).body).not.toContain('/articles/a-venir');
    expect((await visitor.get('/articles?page=2')).body).not.toContain('/articles/a-venir');
    await staff.post(`/api/content/${item.id}/unpublish`);
    expect((await visitor.get('/articles/a-venir')).statusCode).toBe(404);
  });

  it('draws the public page with its title, description, canonical, Open Graph and Twitter tags, every text inert', async () => {
    const item = await create({
      slug: 'inerte',
      title: `Titre ${XSS}`,
      summary: `Résumé ${XSS}`,
      body: `Texte **gras** ${XSS} [lien](javascript:alert(3))`,
      tags: [`mot ${'"'}onmouseover="alert(4)`],
      share: {
        x: `X ${XSS}`,
        facebook: `F ${XSS}`,
        whatsapp: `W ${XSS}`,
        telegram: `T ${XSS}`,
        emailSubject: `S ${XSS}`,
        emailBody: `B ${XSS}`,
      },
    });
    await publish(item.id);
    const page = await anonymous().get('/articles/inerte');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<title>Titre &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<meta name="description" content="Résumé &lt;script&gt;');
    expect(html).toContain('<link rel="canonical" href="http://levier.test/articles/inerte">');
    expect(html).toContain('<meta property="og:url" content="http://levier.test/articles/inerte">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="og:title" content="Titre &lt;script&gt;');
    expect(html).toContain('<meta property="og:description" content="Résumé');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).toContain('<strong>gras</strong>');
    // Nothing typed runs: no script, no handler, no javascript: link, no attribute broken out of.
    expect(html).not.toMatch(/<script>alert|<img[^>]*onerror|href="javascript:|" onmouseover=/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/data-share="x"/);
    expect(html).toContain('https://twitter.com/intent/tweet?text=X+%3Cscript%3E');
    // The list, too.
    const list = (await anonymous().get('/articles')).body;
    expect(list).toContain('Titre &lt;script&gt;');
    expect(list).not.toMatch(/<script>alert|<img src=x/);
  });

  it('never shows a stale page after an edit, a new image or an unpublication', async () => {
    const item = await create({ slug: 'cache' });
    await publish(item.id);
    const visitor = anonymous();
    expect((await visitor.get('/articles/cache')).body).toContain('La gare rouvre');
    expect((await visitor.get('/articles/cache')).body).toContain('La gare rouvre');
    await staff.put(`/api/content/${item.id}`, input({ slug: 'cache', title: 'Nouveau titre' }));
    const after = (await visitor.get('/articles/cache')).body;
    expect(after).toContain('Nouveau titre');
    expect(after).not.toContain('<h1>La gare rouvre');

    const png = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: '#36c' },
    })
      .png()
      .toBuffer();
    const { body, headers } = multipart(png, undefined, { fileName: 'image.png' });
    const uploaded = await staff.request('PUT', `/api/content/${item.id}/image`, body, headers);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const image = uploaded.json() as { url: string; width: number; height: number };
    expect(image).toMatchObject({ width: 1200, height: 675 });
    const withImage = (await visitor.get('/articles/cache')).body;
    expect(withImage).toContain(
      `<meta property="og:image" content="http://levier.test${image.url}">`,
    );
    expect(withImage).toContain('<meta name="twitter:card" content="summary_large_image">');
    const served = await visitor.get(image.url);
    expect(served.headers['content-type']).toBe('image/webp');

    await staff.post(`/api/content/${item.id}/unpublish`);
    expect((await visitor.get('/articles/cache')).statusCode).toBe(404);
    expect((await visitor.get(image.url)).statusCode).toBe(404);
  });

  it('refuses an oversized image with the limit in its message, keeping nothing', async () => {
    const item = await create({ slug: 'trop-lourd' });
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
    const { body, headers } = multipart(big, undefined, { fileName: 'big.png' });
    const refused = await staff.request('PUT', `/api/content/${item.id}/image`, body, headers);
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toMatchObject({ code: 'image_too_large' });
    expect((refused.json() as { detail: string }).detail).toContain('5 MB');
    expect(((await staff.get(`/api/content/${item.id}`)).json() as ContentItem).image).toBeNull();
  });

  it('serves a valid Atom feed of the live items, every text escaped', async () => {
    const item = await create({
      slug: 'flux',
      title: 'Flux & <b>reflux</b> "cités"',
      body: `Corps ${XSS}`,
      tags: ['a&b'],
    });
    await publish(item.id);
    const draft = await create({ slug: 'flux-brouillon', title: 'Brouillon secret' });
    const feed = await anonymous().get('/articles/feed.xml');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(wellFormedXml(feed.body)).toBeNull();
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed.body).toContain(
      '<title>Flux &amp; &lt;b&gt;reflux&lt;/b&gt; &quot;cités&quot;</title>',
    );
    expect(feed.body).toContain('<id>http://levier.test/articles/flux</id>');
    expect(feed.body).toContain('<category term="a&amp;b"/>');
    expect(feed.body).not.toContain('<script');
    expect(feed.body).not.toContain('Brouillon secret');
    expect(draft.status).toBe('draft');
  });

  it('credits a visit, then the visitor’s sign-up and paid gift, to the supporter who shared the link', async () => {
    const finance = await staffBrowser(t, 'finance@content.example', ['finance']);
    await openCandidateDonations(t, finance);
    const item = await create({ slug: 'a-partager' });
    await publish(item.id);
    const sharer = await supporterBrowser(t, 'relais@content.example', { lastName: 'Relais' });
    // A name as an import may bring it: a spreadsheet would run it as a formula.
    await t.ctx.database.query(
      `UPDATE people SET first_name = '=HYPERLINK("x")' WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, sharer.personId],
    );
    const mine = (await sharer.browser.get('/api/me/shares')).json() as MyShare;
    expect(mine).toMatchObject({ visits: 0, signups: 0, donations: 0 });
    // Their page carries their own link.
    const sharerPage = (await sharer.browser.get('/articles/a-partager')).body;
    expect(sharerPage).toContain(`value="http://levier.test/articles/a-partager?s=${mine.ref}"`);
    // Their own visit brings nobody.
    await sharer.browser.get(`/articles/a-partager?s=${mine.ref}`);

    const visitor = anonymous();
    const visit = await visitor.get(`/articles/a-partager?s=${mine.ref}`);
    expect(visit.statusCode).toBe(200);
    expect(visit.cookies.some((c) => c.name === 'levier_share')).toBe(true);
    await visitor.get(`/articles/a-partager?s=${mine.ref}`);
    expect((await sharer.browser.get('/api/me/shares')).json()).toMatchObject({ visits: 1 });

    const signedUp = await visitor.post(
      '/api/signup',
      signupBody({ email: 'recrue@content.example', firstName: 'Recrue' }),
    );
    expect(signedUp.statusCode, signedUp.body).toBe(200);
    expect((await sharer.browser.get('/api/me/shares')).json()).toMatchObject({
      visits: 1,
      signups: 1,
      donations: 0,
    });

    const started = await visitor.request(
      'POST',
      '/donate',
      giftForm({ email: 'recrue@content.example' }),
      formHeaders,
    );
    expect(started.statusCode, started.body).toBe(303);
    // Not paid yet: not counted.
    expect((await sharer.browser.get('/api/me/shares')).json()).toMatchObject({ donations: 0 });
    const payPage = new URL(started.headers.location as string);
    const paid = await visitor.request('POST', payPage.pathname, 'outcome=succeed', formHeaders);
    expect(paid.statusCode).toBe(303);
    expect((await sharer.browser.get('/api/me/shares')).json()).toMatchObject({
      visits: 1,
      signups: 1,
      donations: 1,
    });

    const board = (await staff.get('/api/content/leaderboard')).json() as LeaderboardRow[];
    expect(board[0]).toMatchObject({
      personId: sharer.personId,
      visits: 1,
      signups: 1,
      donations: 1,
    });
    const csv = await staff.get('/api/content/leaderboard.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`${sharer.personId};"'=HYPERLINK(""x"") Relais";1;1;1`);
    const logged = await t.ctx.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE campaign_id = $1 AND action = 'content.leaderboard_export'`,
      [t.ctx.campaignId],
    );
    expect(logged[0]!.n).toBe(1);
  });

  it('ignores a forged reference and another campaign’s, and refuses another campaign’s ids', async () => {
    const item = await create({ slug: 'falsifie' });
    await publish(item.id);
    const before = (await staff.get('/api/content/leaderboard')).json() as LeaderboardRow[];
    const forger = anonymous();
    for (const ref of ['1.AAAA', '999.bm90IGEgc2lnbmF0dXJl', `${before[0]?.personId ?? 1}.xyz`]) {
      const page = await forger.get(`/articles/falsifie?s=${encodeURIComponent(ref)}`);
      expect(page.statusCode).toBe(200);
      expect(page.cookies.some((c) => c.name === 'levier_share')).toBe(false);
    }
    // A forged cookie is no first touch either.
    const cookieForger = new Browser(t.app, '10.8.9.9');
    const signed = await cookieForger.request(
      'POST',
      '/api/signup',
      signupBody({ email: 'faux@content.example' }),
      { cookie: `levier_share=${before[0]?.personId ?? 1}.abcdefghijkl.forged` },
    );
    expect(signed.statusCode).toBe(200);

    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      const otherStaff = await staffBrowser(other, 'redaction@autre.example', ['staff']);
      expect((await otherStaff.get(`/api/content/${item.id}`)).statusCode).toBe(404);
      expect(
        (await otherStaff.put(`/api/content/${item.id}`, input({ slug: 'vol' }))).statusCode,
      ).toBe(404);
      expect(
        (await otherStaff.post(`/api/content/${item.id}/publish`, { at: null })).statusCode,
      ).toBe(404);
      expect((await new Browser(other.app).get('/articles/falsifie')).statusCode).toBe(404);
      // A reference signed for the other campaign is worth nothing here.
      const outsider = await supporterBrowser(other, 'relais@autre.example');
      const theirs = (await outsider.browser.get('/api/me/shares')).json() as MyShare;
      const page = await anonymous().get(`/articles/falsifie?s=${theirs.ref}`);
      expect(page.cookies.some((c) => c.name === 'levier_share')).toBe(false);
    } finally {
      await other.close();
    }
    expect((await staff.get('/api/content/leaderboard')).json()).toEqual(before);
  });
});
