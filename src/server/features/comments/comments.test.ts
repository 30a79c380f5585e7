import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentsPage } from '../../../contracts/comments.ts';
import type { ContentItem } from '../../../contracts/content.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';

interface Problem {
  code: string;
  detail?: string;
}

const DAY = 86_400_000;

describe.each(engines)('comments on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let moderator: Browser;
  let n = 0;

  const supporter = (firstName = 'Alice') => {
    n += 1;
    return supporterBrowser(t, `person-${n}@comments.example`, { firstName });
  };
  const item = async (publishedDaysAgo = 0) => {
    n += 1;
    const created = await staff.post('/api/content', {
      kind: 'article',
      slug: `article-${n}`,
      title: `Article ${n}`,
      summary: '',
      body: 'Le texte.',
      tags: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as ContentItem;
    const at = new Date(Date.now() - publishedDaysAgo * DAY).toISOString();
    const published = await staff.post(`/api/content/${id}/publish`, {
      at: publishedDaysAgo === 0 ? null : at,
    });
    expect(published.statusCode, published.body).toBe(200);
    return published.json() as ContentItem;
  };
  const comment = (browser: Browser, itemId: number, body: string, parentId?: number) =>
    browser.post(`/api/content/${itemId}/comments`, { body, ...(parentId ? { parentId } : {}) });
  const thread = async (itemId: number, after?: number) =>
    (
      await new Browser(t.app, '10.40.0.1').get(
        `/api/content/${itemId}/comments${after ? `?after=${after}` : ''}`,
      )
    ).json() as CommentsPage;
  const decide = (id: number, action: string, message = 'Propos insultants.') =>
    moderator.post('/api/moderation/decisions', {
      targetKind: 'content_comment',
      targetId: id,
      action,
      message,
    });

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'redaction@comments.example', ['staff']);
    moderator = await staffBrowser(t, 'moderator@comments.example', ['moderator']);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('takes a comment and a reply, shows them to the public, and refuses a reply to a reply', async () => {
    const article = await item();
    const alice = await supporter('Alice');
    const bob = await supporter('Basile');
    const first = await comment(alice.browser, article.id, 'Très bonne nouvelle.');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'visible' });
    const reply = await comment(bob.browser, article.id, 'Tout à fait.', first.json().id);
    expect(reply.statusCode, reply.body).toBe(201);
    const deeper = await comment(alice.browser, article.id, 'Merci.', reply.json().id);
    expect(deeper.statusCode).toBe(409);
    expect((deeper.json() as Problem).code).toBe('reply_too_deep');

    const page = await thread(article.id);
    expect(page.open).toBe(true);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      body: 'Très bonne nouvelle.',
      authorName: 'Alice D.',
      replies: [{ body: 'Tout à fait.', authorName: 'Basile D.' }],
    });
    // Nobody's email is in the public thread.
    expect(JSON.stringify(page)).not.toContain('@');
  });

  it('deletes an item’s comments with the item', async () => {
    const article = await item();
    const alice = await supporter('Alice');
    expect((await comment(alice.browser, article.id, 'Avant la suppression.')).statusCode).toBe(
      201,
    );
    const left = async () =>
      (
        await t.ctx.database.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM content_comments WHERE campaign_id = $1 AND item_id = $2',
          [t.ctx.campaignId, article.id],
        )
      )[0]!.n;
    expect(await left()).toBe(1);
    const deleted = await staff.delete(`/api/content/${article.id}`);
    expect(deleted.statusCode, deleted.body).toBeLessThan(300);
    expect(await left()).toBe(0);
  });

  it('refuses visitors, and unconfirmed supporters when the rules ask for confirmed ones', async () => {
    const article = await item();
    const visitor = new Browser(t.app, '10.40.0.2');
    await visitor.session();
    expect((await comment(visitor, article.id, 'Anonyme')).statusCode).toBe(401);

    const unconfirmed = await supporter('Coralie');
    await t.ctx.database.query(
      'UPDATE people SET confirmed_at = NULL WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, unconfirmed.personId],
    );
    expect((await comment(unconfirmed.browser, article.id, 'Avant')).statusCode).toBe(201);
    const rules = (await moderator.get('/api/comments/rules')).json();
    expect(rules).toMatchObject({ who: 'supporters', openDays: 7 });
    expect(
      (await moderator.put('/api/comments/rules', { ...rules, who: 'confirmed' })).statusCode,
    ).toBe(200);
    try {
      const refused = await comment(unconfirmed.browser, article.id, 'Après');
      expect(refused.statusCode).toBe(403);
      expect((refused.json() as Problem).code).toBe('comment_not_allowed');
      const confirmed = await supporter('Damien');
      expect((await comment(confirmed.browser, article.id, 'Confirmé')).statusCode).toBe(201);
    } finally {
      await moderator.put('/api/comments/rules', rules);
    }
    // Supporters may not change the rules.
    expect((await unconfirmed.browser.put('/api/comments/rules', rules)).statusCode).toBe(403);
  });

  it('closes the thread 7 days after publication: read-only then', async () => {
    const recent = await item(6);
    const old = await item(8);
    const alice = await supporter();
    expect((await comment(alice.browser, recent.id, 'Encore ouvert')).statusCode).toBe(201);
    const closed = await comment(alice.browser, old.id, 'Trop tard');
    expect(closed.statusCode).toBe(409);
    expect((closed.json() as Problem).code).toBe('comments_closed');
    const page = await thread(old.id);
    expect(page.open).toBe(false);
    expect(Date.parse(page.closesAt)).toBeLessThan(Date.now());
  });

  it('holds a comment with a forbidden word for the moderators, who publish it or not', async () => {
    const rules = (await moderator.get('/api/comments/rules')).json();
    await moderator.put('/api/comments/rules', { ...rules, forbiddenWords: ['crétin'] });
    try {
      const article = await item();
      const alice = await supporter();
      const held = await comment(alice.browser, article.id, 'Quel Crétin, ce maire.');
      expect(held.json()).toMatchObject({ status: 'held' });
      expect((await thread(article.id)).items).toEqual([]);
      const queue = (await moderator.get('/api/moderation/queue')).json();
      const group = queue.items.find(
        (g: { target: { kind: string; id: number } }) =>
          g.target.kind === 'content_comment' && g.target.id === held.json().id,
      );
      expect(group.target).toMatchObject({ status: 'held', authorId: alice.personId });
      expect(group.target.url).toContain(`/articles/${article.slug}/comments#comment-`);
      expect((await decide(held.json().id, 'restore', 'Acceptable.')).statusCode).toBe(201);
      expect((await thread(article.id)).items).toHaveLength(1);
    } finally {
      await moderator.put('/api/comments/rules', rules);
    }
  });

  it('reports go to the queue; a moderator hides it, audited, and the author is warned by mail', async () => {
    const article = await item();
    const author = await supporter('Estelle');
    const reporter = await supporter('Fabien');
    const posted = (await comment(author.browser, article.id, 'Un commentaire douteux.')).json();
    const reported = await reporter.browser.post('/api/reports', {
      targetKind: 'content_comment',
      targetId: posted.id,
      reason: 'harassment',
      text: 'Harcèlement',
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const since = t.smtp.received.length;
    const hidden = await decide(posted.id, 'unpublish', 'Harcèlement d’un autre membre.');
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect(hidden.json()).toMatchObject({ reportsClosed: 1 });
    expect((await thread(article.id)).items).toEqual([]);
    const mail = await t.smtp.waitFor(
      author.email,
      (m) => /Mod[ée]ration/.test(m.subject),
      10_000,
      since,
    );
    expect(mail.text).toContain('Harcèlement d’un autre membre.');
    const audited = await t.ctx.database.query(
      "SELECT 1 FROM audit_log WHERE campaign_id = $1 AND action = 'moderation.unpublish' AND target = $2",
      [t.ctx.campaignId, `content_comment:${posted.id}`],
    );
    expect(audited).toHaveLength(1);
    // A hidden comment cannot be reported or answered any more.
    expect(
      (
        await reporter.browser.post('/api/reports', {
          targetKind: 'content_comment',
          targetId: posted.id,
          reason: 'spam',
        })
      ).statusCode,
    ).toBe(404);
    expect((await comment(reporter.browser, article.id, 'Réponse', posted.id)).statusCode).toBe(
      404,
    );
  });

  it('three upheld reports within 30 days suspend commenting for 30 days, and say so', async () => {
    const article = await item();
    const author = await supporter('Gisèle');
    const ids: number[] = [];
    for (const body of ['Un', 'Deux', 'Trois'])
      ids.push((await comment(author.browser, article.id, body)).json().id);
    expect((await decide(ids[0]!, 'unpublish')).json().suspendedUntil).toBeNull();
    expect((await decide(ids[1]!, 'close')).json().suspendedUntil).toBeNull();
    const since = t.smtp.received.length;
    const third = (await decide(ids[2]!, 'unpublish')).json();
    expect(Date.parse(third.suspendedUntil)).toBeGreaterThan(Date.now() + 29 * DAY);
    const refused = await comment(author.browser, article.id, 'Quatre');
    expect(refused.statusCode).toBe(403);
    const problem = refused.json() as Problem & { until?: string };
    expect(problem.code).toBe('posting_suspended');
    // The end as the person reads it, on the campaign's clock; the moment itself for programs.
    const day = (locale: string) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        timeZone: t.ctx.config.CAMPAIGN_TIMEZONE,
      }).format(new Date(third.suspendedUntil));
    expect(problem.until).toBe(third.suspendedUntil);
    expect(problem.detail).toContain(day('en-GB'));
    const page = await author.browser.request(
      'POST',
      `/articles/${article.slug}/comments`,
      new URLSearchParams({
        _csrf: /name="_csrf" value="([^"]*)"/.exec(
          (await author.browser.get(`/articles/${article.slug}/comments`)).body,
        )![1]!,
        locale: 'fr',
        body: 'Cinq',
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain(
      `Les modérateurs ont suspendu votre droit de publier jusqu’au ${day('fr-FR')}.`,
    );
    const mail = await t.smtp.waitFor(
      author.email,
      (m) => m.text.includes(day('fr-FR')),
      10_000,
      since,
    );
    expect(mail.subject).toMatch(/Mod[ée]ration/);
  });

  it('a ban hides every comment of its author, on every item, and stops them commenting', async () => {
    const one = await item();
    const two = await item();
    const author = await supporter('Henri');
    const other = await supporter('Alice');
    const first = (await comment(author.browser, one.id, 'Premier')).json();
    await comment(author.browser, two.id, 'Second');
    const reply = (await comment(other.browser, one.id, 'Réponse', first.id)).json();
    await comment(author.browser, one.id, 'Ma réponse', reply.id).then((r) =>
      expect(r.statusCode).toBe(409),
    );
    const banned = await decide(first.id, 'ban', 'Usurpation d’identité.');
    expect(banned.statusCode, banned.body).toBe(201);
    expect((await thread(one.id)).items).toEqual([]);
    expect((await thread(two.id)).items).toEqual([]);
    const refused = await comment(author.browser, two.id, 'Retour');
    expect((refused.json() as Problem).code).toBe('posting_banned');
    const audited = await t.ctx.database.query<{ details: { hidden: number } }>(
      "SELECT details FROM audit_log WHERE campaign_id = $1 AND action = 'moderation.ban' AND target = $2",
      [t.ctx.campaignId, `content_comment:${first.id}`],
    );
    expect(audited[0]!.details.hidden).toBe(2);
  });

  it('keeps markup inert: the text is returned as typed, never as HTML', async () => {
    const article = await item();
    const alice = await supporter();
    const body =
      '<script>alert(1)</script><style>body{display:none}</style><img src=x onerror=alert(2)>';
    expect((await comment(alice.browser, article.id, body)).statusCode).toBe(201);
    expect((await thread(article.id)).items[0]!.body).toBe(body);
    const html = await new Browser(t.app, '10.40.0.3').get(`/articles/${article.slug}/comments`);
    expect(html.statusCode).toBe(200);
    expect(html.body).not.toContain('<script>alert(1)');
    expect(html.body).not.toContain('<img src=x');
    expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('limits the comments a person posts in an hour', async () => {
    const rules = (await moderator.get('/api/comments/rules')).json();
    await moderator.put('/api/comments/rules', { ...rules, perHour: 2 });
    try {
      const article = await item();
      const alice = await supporter();
      expect((await comment(alice.browser, article.id, 'Un')).statusCode).toBe(201);
      expect((await comment(alice.browser, article.id, 'Deux')).statusCode).toBe(201);
      const third = await comment(alice.browser, article.id, 'Trois');
      expect(third.statusCode).toBe(429);
      expect((third.json() as Problem).code).toBe('comment_rate_limited');
      expect((await thread(article.id)).items).toHaveLength(2);
    } finally {
      await moderator.put('/api/comments/rules', rules);
    }
  });

  it('pages the thread by a cursor: 20 top-level comments with their replies, then the rest', async () => {
    const article = await item();
    const rows = Array.from(
      { length: 45 },
      (_, i) => `(${t.ctx.campaignId}, ${article.id}, 'n° ${i + 1}')`,
    );
    await t.ctx.database.query(
      `INSERT INTO content_comments (campaign_id, item_id, body) VALUES ${rows.join(', ')}`,
    );
    const first = await thread(article.id);
    expect(first.items.map((c) => c.body)).toEqual(
      Array.from({ length: 20 }, (_, i) => `n° ${i + 1}`),
    );
    const second = await thread(article.id, first.next!);
    expect(second.items[0]!.body).toBe('n° 21');
    const third = await thread(article.id, second.next!);
    expect(third.items.map((c) => c.body)).toEqual(
      Array.from({ length: 5 }, (_, i) => `n° ${i + 41}`),
    );
    expect(third.next).toBeNull();
    const bad = await new Browser(t.app, '10.40.0.4').get(
      `/api/content/${article.id}/comments?after=abc`,
    );
    expect((bad.json() as Problem).code).toBe('validation_failed');
  });

  it('mails the item’s author and the answered comment’s author, unless they opted out', async () => {
    const writer = await supporter('Coralie');
    // The item's author is a supporter who also writes articles.
    const redaction = await staffBrowser(t, writer.email, ['staff']);
    n += 1;
    const created = (
      await redaction.post('/api/content', {
        kind: 'article',
        slug: `article-${n}`,
        title: 'Un article signé',
        summary: '',
        body: 'Texte.',
        tags: [],
      })
    ).json() as ContentItem;
    await redaction.post(`/api/content/${created.id}/publish`, { at: null });
    const alice = await supporter('Alice');
    const bob = await supporter('Basile');
    let since = t.smtp.received.length;
    const first = (await comment(alice.browser, created.id, 'Bravo pour cet article.')).json();
    const toWriter = await t.smtp.waitFor(
      writer.email,
      (m) => m.subject.includes('Un article signé'),
      10_000,
      since,
    );
    expect(toWriter.text).toContain('Bravo pour cet article.');
    since = t.smtp.received.length;
    await comment(bob.browser, created.id, 'Je réponds.', first.id);
    await t.smtp.waitFor(alice.email, (m) => m.text.includes('Je réponds.'), 10_000, since);

    expect(
      (await alice.browser.put('/api/me/comment-notifications', { notify: false })).json(),
    ).toEqual({
      notify: false,
    });
    expect((await alice.browser.get('/api/me/comment-notifications')).json()).toEqual({
      notify: false,
    });
    since = t.smtp.received.length;
    await comment(bob.browser, created.id, 'Seconde réponse.', first.id);
    // The writer is still told; when their mail has come, Alice's would have too.
    await t.smtp.waitFor(writer.email, (m) => m.text.includes('Seconde réponse.'), 10_000, since);
    const queued = await t.ctx.database.query(
      "SELECT 1 FROM mail_outbox WHERE campaign_id = $1 AND kind = 'comment_notice' AND person_id = $2 AND text_body LIKE '%Seconde réponse.%'",
      [t.ctx.campaignId, alice.personId],
    );
    expect(queued).toHaveLength(0);
  });

  it("refuses another campaign's items and comments", async () => {
    const article = await item();
    const alice = await supporter();
    const posted = (await comment(alice.browser, article.id, 'Ici')).json();
    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      const otherSupporter = await supporterBrowser(other, 'someone@other-comments.example');
      expect(
        (await otherSupporter.browser.get(`/api/content/${article.id}/comments`)).statusCode,
      ).toBe(404);
      expect((await comment(otherSupporter.browser, article.id, 'Intrus')).statusCode).toBe(404);
      const report = await otherSupporter.browser.post('/api/reports', {
        targetKind: 'content_comment',
        targetId: posted.id,
        reason: 'spam',
      });
      expect(report.statusCode).toBe(404);
    } finally {
      await other.close();
    }
  });
});
