import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '../../../contracts/content.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../testing/harness.ts';

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
const DAY = 86_400_000;

describe.each(engines)('the public comments page on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let n = 0;

  const item = async (publishedDaysAgo = 0) => {
    n += 1;
    const created = await staff.post('/api/content', {
      kind: 'article',
      slug: `page-article-${n}`,
      title: `Article ${n}`,
      summary: '',
      body: 'Le texte.',
      tags: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as ContentItem;
    const at = publishedDaysAgo
      ? new Date(Date.now() - publishedDaysAgo * DAY).toISOString()
      : null;
    const published = await staff.post(`/api/content/${id}/publish`, { at });
    expect(published.statusCode, published.body).toBe(200);
    return published.json() as ContentItem;
  };
  const member = async () => {
    n += 1;
    return supporterBrowser(t, `page-${n}@comments.example`, { firstName: 'Alice' });
  };
  /** Opens the page, then posts its form with the page's own token. */
  const postByForm = async (browser: Browser, slug: string, fields: Record<string, string>) => {
    const page = await browser.get(`/articles/${slug}/comments`);
    expect(page.statusCode).toBe(200);
    return browser.request(
      'POST',
      `/articles/${slug}/comments`,
      form({ _csrf: hidden(page.body, '_csrf')!, locale: 'fr', ...fields }),
      urlencoded,
    );
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'redaction@comments-page.example', ['staff']);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lets a member comment and reply by plain forms; a visitor reads, reports, and is asked to log in', async () => {
    const article = await item();
    const alice = await member();
    const posted = await postByForm(alice.browser, article.slug, { body: 'Premier commentaire' });
    expect(posted.statusCode, posted.body).toBe(303);
    expect(posted.headers.location).toMatch(
      new RegExp(`^/articles/${article.slug}/comments\\?posted=visible#comment-\\d+$`),
    );
    const id = /#comment-(\d+)/.exec(posted.headers.location as string)![1]!;
    const reply = await postByForm(alice.browser, article.slug, {
      body: 'Une réponse',
      parentId: id,
    });
    expect(reply.statusCode).toBe(303);

    const visitor = new Browser(t.app, '10.41.0.1');
    const page = await visitor.get(`/articles/${article.slug}/comments`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Premier commentaire');
    expect(page.body).toContain('Une réponse');
    expect(page.body).toContain(`/report?kind=content_comment&amp;id=${id}`);
    expect(page.body).toContain('/login?next=');
    expect(page.body).not.toContain('name="body"');
    const report = await visitor.get(`/report?kind=content_comment&id=${id}`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Signaler ce commentaire');
  });

  it('refuses a post without the form’s token, keeping nothing', async () => {
    const article = await item();
    const alice = await member();
    const forged = await alice.browser.request(
      'POST',
      `/articles/${article.slug}/comments`,
      form({ _csrf: 'forged', locale: 'fr', body: 'Forgé' }),
      urlencoded,
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Forgé'); // what was typed, to send again
    const thread = (await alice.browser.get(`/api/content/${article.id}/comments`)).json();
    expect(thread.items).toEqual([]);
  });

  it('says when the thread is closed and offers no form', async () => {
    const article = await item(8);
    const alice = await member();
    const page = await alice.browser.get(`/articles/${article.slug}/comments`);
    expect(page.body).toContain('Les commentaires sont fermés');
    expect(page.body).not.toContain('name="body"');
    const late = await alice.browser.request(
      'POST',
      `/articles/${article.slug}/comments`,
      form({ _csrf: hidden(page.body, '_csrf')!, locale: 'fr', body: 'Trop tard' }),
      urlencoded,
    );
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Les commentaires sont fermés');
  });

  it('pages a long thread with a "more" link by cursor', async () => {
    const article = await item();
    const rows = Array.from(
      { length: 25 },
      (_, i) => `(${t.ctx.campaignId}, ${article.id}, 'Message ${String(i + 1).padStart(2, '0')}')`,
    );
    await t.ctx.database.query(
      `INSERT INTO content_comments (campaign_id, item_id, body) VALUES ${rows.join(', ')}`,
    );
    const visitor = new Browser(t.app, '10.41.0.2');
    const first = await visitor.get(`/articles/${article.slug}/comments`);
    expect(first.body).toContain('Message 20');
    expect(first.body).not.toContain('Message 21');
    const next = /href="([^"]*\?after=\d+)" rel="next"/.exec(first.body)![1]!;
    const second = await visitor.get(next.replaceAll('&amp;', '&'));
    expect(second.body).toContain('Message 21');
    expect(second.body).toContain('Message 25');
    expect(second.body).not.toContain('Message 20');
    expect(second.body).not.toContain('rel="next"');
  });

  it('stops and resumes the mails by the page’s box', async () => {
    const article = await item();
    const alice = await member();
    const page = await alice.browser.get(`/articles/${article.slug}/comments`);
    const off = await alice.browser.request(
      'POST',
      `/articles/${article.slug}/comments/notifications`,
      form({ _csrf: hidden(page.body, '_csrf')!, locale: 'fr' }),
      urlencoded,
    );
    expect(off.statusCode).toBe(303);
    expect((await alice.browser.get('/api/me/comment-notifications')).json()).toEqual({
      notify: false,
    });
  });
});
