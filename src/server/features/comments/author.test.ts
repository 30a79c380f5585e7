import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentsPage, PersonCommentsPage } from '../../../contracts/comments.ts';
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
  errors?: Array<{ field: string; code: string }>;
}

const DAY = 86_400_000;
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];

describe.each(engines)('comments their authors edit and delete, on %s', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let moderator: Browser;
  let n = 0;

  const supporter = (firstName = 'Alice') => {
    n += 1;
    return supporterBrowser(t, `author-${n}@comments.example`, { firstName });
  };
  const item = async (publishedDaysAgo = 0) => {
    n += 1;
    const created = await staff.post('/api/content', {
      kind: 'article',
      slug: `author-article-${n}`,
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
  const comment = async (browser: Browser, itemId: number, body: string, parentId?: number) => {
    const posted = await browser.post(`/api/content/${itemId}/comments`, {
      body,
      ...(parentId ? { parentId } : {}),
    });
    expect(posted.statusCode, posted.body).toBe(201);
    return (posted.json() as { id: number }).id;
  };
  const edit = (browser: Browser, itemId: number, id: number, body: string) =>
    browser.put(`/api/content/${itemId}/comments/${id}`, { body });
  const remove = (browser: Browser, itemId: number, id: number) =>
    browser.delete(`/api/content/${itemId}/comments/${id}`);
  const thread = async (itemId: number, viewer?: Browser) =>
    (
      await (viewer ?? new Browser(t.app, '10.42.0.1')).get(`/api/content/${itemId}/comments`)
    ).json() as CommentsPage;
  const code = (response: { json: () => unknown }) => (response.json() as Problem).code;
  /** Makes a comment older than it is: its edit window passes without waiting. */
  const age = (id: number, minutes: number) =>
    t.ctx.database.query(
      `UPDATE content_comments SET created_at = created_at - make_interval(mins => $3)
        WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, id, minutes],
    );
  const audited = (action: string, id: number) =>
    t.ctx.database.query<{ actor_id: number; details: Record<string, unknown> }>(
      'SELECT actor_id, details FROM audit_log WHERE campaign_id = $1 AND action = $2 AND target = $3',
      [t.ctx.campaignId, action, `content_comment:${id}`],
    );
  const decide = (id: number, action: string, message = 'Propos insultants.') =>
    moderator.post('/api/moderation/decisions', {
      targetKind: 'content_comment',
      targetId: id,
      action,
      message,
    });
  const withRules = async (change: Record<string, unknown>, run: () => Promise<void>) => {
    const rules = (await moderator.get('/api/comments/rules')).json();
    const set = await moderator.put('/api/comments/rules', { ...rules, ...change });
    expect(set.statusCode, set.body).toBe(200);
    try {
      await run();
    } finally {
      await moderator.put('/api/comments/rules', rules);
    }
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'redaction@comments-author.example', ['staff']);
    moderator = await staffBrowser(t, 'moderator@comments-author.example', ['moderator']);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lets the author edit within 15 minutes: "edited" shows, the text replaced is kept, audited without it', async () => {
    const article = await item();
    const alice = await supporter('Alice');
    const id = await comment(alice.browser, article.id, 'Premier jet.');
    const own = (await thread(article.id, alice.browser)).items[0]!;
    expect(own).toMatchObject({ mine: true, edited: false, deleted: false });
    expect(Date.parse(own.editableUntil!)).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await thread(article.id)).items[0]!.editableUntil).toBeNull();

    const edited = await edit(alice.browser, article.id, id, '  Version corrigée.  ');
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ id, status: 'visible' });
    const shown = (await thread(article.id)).items[0]!;
    expect(shown).toMatchObject({ body: 'Version corrigée.', edited: true, mine: false });

    const kept = await t.ctx.database.query<{ body: string; author_id: number }>(
      'SELECT body, author_id FROM content_comment_edits WHERE campaign_id = $1 AND comment_id = $2',
      [t.ctx.campaignId, id],
    );
    expect(kept).toEqual([{ body: 'Premier jet.', author_id: alice.personId }]);
    const [entry] = await audited('comments.edit', id);
    expect(entry).toMatchObject({
      actor_id: alice.personId,
      details: { item: article.id, held: false },
    });
    expect(JSON.stringify(entry)).not.toContain('Version');

    const page = await new Browser(t.app, '10.42.0.2').get(`/articles/${article.slug}/comments`);
    expect(page.body).toContain('Version corrigée.');
    expect(page.body).toContain('<span class="edited">modifié</span>');
    expect(page.body).not.toContain('Premier jet.');

    await age(id, 16);
    const late = await edit(alice.browser, article.id, id, 'Trop tard.');
    expect(late.statusCode).toBe(409);
    expect(code(late)).toBe('edit_window_over');
    expect((await thread(article.id, alice.browser)).items[0]!.editableUntil).toBeNull();
  });

  it("refuses another person's comment, another item's, another campaign's and ids that do not exist", async () => {
    const article = await item();
    const other = await item();
    const alice = await supporter('Alice');
    const bob = await supporter('Basile');
    const id = await comment(alice.browser, article.id, 'À moi.');

    for (const response of [
      await edit(bob.browser, article.id, id, 'Pris.'),
      await remove(bob.browser, article.id, id),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(code(response)).toBe('not_author');
    }
    for (const response of [
      await edit(alice.browser, other.id, id, 'Ailleurs.'),
      await remove(alice.browser, other.id, id),
      await edit(alice.browser, article.id, id + 100_000, 'Absent.'),
      await remove(alice.browser, article.id, id + 100_000),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(code(response)).toBe('not_found');
    }
    const visitor = new Browser(t.app, '10.42.0.3');
    await visitor.session();
    expect((await edit(visitor, article.id, id, 'Anonyme')).statusCode).toBe(401);
    expect((await remove(visitor, article.id, id)).statusCode).toBe(401);

    const otherCampaign = await createCampaignApp(t, 'Autre campagne');
    try {
      const intruder = await supporterBrowser(otherCampaign, 'intruder@other-comments.example');
      expect((await edit(intruder.browser, article.id, id, 'Intrus')).statusCode).toBe(404);
      expect((await remove(intruder.browser, article.id, id)).statusCode).toBe(404);
    } finally {
      await otherCampaign.close();
    }
    expect((await thread(article.id)).items[0]).toMatchObject({ body: 'À moi.', edited: false });
  });

  it('refuses to change a comment a moderator hid, and to edit in a closed thread', async () => {
    const article = await item();
    const alice = await supporter('Alice');
    const id = await comment(alice.browser, article.id, 'Un propos douteux.');
    expect((await decide(id, 'unpublish')).statusCode).toBe(201);
    for (const response of [
      await edit(alice.browser, article.id, id, 'Un propos acceptable.'),
      await remove(alice.browser, article.id, id),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(code(response)).toBe('comment_hidden');
    }
    const [row] = await t.ctx.database.query<{ body: string; status: string }>(
      'SELECT body, status FROM content_comments WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, id],
    );
    expect(row).toEqual({ body: 'Un propos douteux.', status: 'hidden' });
    // Another person's hidden comment is not theirs to know of.
    const bob = await supporter('Basile');
    expect((await edit(bob.browser, article.id, id, 'Pris.')).statusCode).toBe(404);

    // Published 8 days ago: closed; a comment posted just before the window ended.
    const old = await item(8);
    const [late] = await t.ctx.database.query<{ id: number }>(
      `INSERT INTO content_comments (campaign_id, item_id, author_id, body)
       VALUES ($1, $2, $3, 'Juste à temps.') RETURNING id`,
      [t.ctx.campaignId, old.id, alice.personId],
    );
    const closed = await edit(alice.browser, old.id, Number(late!.id), 'Modifié après.');
    expect(closed.statusCode).toBe(409);
    expect(code(closed)).toBe('comments_closed');
    expect((await thread(old.id, alice.browser)).items[0]!.editableUntil).toBeNull();
    // Deleting stays possible once the thread is closed.
    const deleted = await remove(alice.browser, old.id, Number(late!.id));
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await thread(old.id)).items).toEqual([]);
  });

  it('holds an edit with a forbidden word for the moderators; their decision applies to the edited text', async () => {
    await withRules({ forbiddenWords: ['crétin'] }, async () => {
      const article = await item();
      const alice = await supporter('Alice');
      const id = await comment(alice.browser, article.id, 'Bel article.');
      const held = await edit(alice.browser, article.id, id, 'Quel CRETIN, ce maire.');
      expect(held.statusCode, held.body).toBe(200);
      expect(held.json()).toMatchObject({ status: 'held' });
      expect((await thread(article.id)).items).toEqual([]);
      // Held: no longer the author's to edit, still theirs to delete.
      expect(code(await edit(alice.browser, article.id, id, 'Autre chose.'))).toBe('comment_held');

      const queue = (await moderator.get('/api/moderation/queue')).json() as {
        items: Array<{ target: { kind: string; id: number; status: string; title: string } }>;
      };
      const group = queue.items.find(
        (g) => g.target.kind === 'content_comment' && g.target.id === id,
      );
      expect(group?.target.status).toBe('held');
      expect(group?.target.title).toContain('Quel CRETIN, ce maire.');
      expect(group?.target.title).toContain('first posted as “Bel article.”');
      expect((await decide(id, 'restore', 'Acceptable.')).statusCode).toBe(201);
      expect((await thread(article.id)).items[0]).toMatchObject({
        body: 'Quel CRETIN, ce maire.',
        edited: true,
      });
    });
  });

  it('keeps reports on a comment its author edits: the queue reads both texts, the decision hides it', async () => {
    const article = await item();
    const author = await supporter('Estelle');
    const reporter = await supporter('Fabien');
    const id = await comment(author.browser, article.id, 'Des insultes.');
    const reported = await reporter.browser.post('/api/reports', {
      targetKind: 'content_comment',
      targetId: id,
      reason: 'harassment',
    });
    expect(reported.statusCode, reported.body).toBe(201);
    expect((await edit(author.browser, article.id, id, 'Rien à voir.')).statusCode).toBe(200);
    const queue = (await moderator.get('/api/moderation/queue')).json() as {
      items: Array<{ target: { kind: string; id: number; title: string }; reporters: number }>;
    };
    const group = queue.items.find(
      (g) => g.target.kind === 'content_comment' && g.target.id === id,
    );
    expect(group).toMatchObject({ reporters: 1 });
    expect(group!.target.title).toBe('Rien à voir. (edited; first posted as “Des insultes.”)');
    const hidden = await decide(id, 'unpublish');
    expect(hidden.json()).toMatchObject({ reportsClosed: 1 });
    expect((await thread(article.id)).items).toEqual([]);
  });

  it('keeps markup inert in an edited text', async () => {
    const article = await item();
    const alice = await supporter();
    const id = await comment(alice.browser, article.id, 'Sage.');
    const body = '<script>alert(1)</script><img src=x onerror=alert(2)></textarea><b>';
    expect((await edit(alice.browser, article.id, id, body)).statusCode).toBe(200);
    expect((await thread(article.id)).items[0]!.body).toBe(body);
    // The author's own page, with the edit form holding the text: escaped there too.
    const html = await alice.browser.get(`/articles/${article.slug}/comments`);
    expect(html.statusCode).toBe(200);
    expect(html.body).not.toContain('<script>alert(1)');
    expect(html.body).not.toContain('<img src=x');
    expect(html.body).not.toContain('</textarea><b>');
    expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('counts edits in the hourly rate', async () => {
    await withRules({ perHour: 2 }, async () => {
      const article = await item();
      const alice = await supporter();
      const id = await comment(alice.browser, article.id, 'Un');
      expect((await edit(alice.browser, article.id, id, 'Un, corrigé')).statusCode).toBe(200);
      const third = await edit(alice.browser, article.id, id, 'Un, corrigé deux fois');
      expect(third.statusCode).toBe(429);
      expect(code(third)).toBe('comment_rate_limited');
      const post = await alice.browser.post(`/api/content/${article.id}/comments`, {
        body: 'Deux',
      });
      expect(code(post)).toBe('comment_rate_limited');
      expect((await thread(article.id)).items[0]!.body).toBe('Un, corrigé');
    });
  });

  it('deletes: a mark stays above replies, anything else goes; nobody restores or answers it', async () => {
    const article = await item();
    const alice = await supporter('Alice');
    const bob = await supporter('Basile');
    const answered = await comment(alice.browser, article.id, 'Avec réponse.');
    const reply = await comment(bob.browser, article.id, 'Ma réponse.', answered);
    const alone = await comment(alice.browser, article.id, 'Sans réponse.');

    const marked = await remove(alice.browser, article.id, answered);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({ id: answered, shown: 'marked' });
    expect((await remove(alice.browser, article.id, alone)).json()).toEqual({
      id: alone,
      shown: 'removed',
    });
    const page = await thread(article.id);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: answered,
      deleted: true,
      body: '',
      authorName: '',
      mine: false,
      replies: [{ id: reply, body: 'Ma réponse.' }],
    });
    expect(JSON.stringify(page)).not.toContain('Avec réponse.');
    const html = await new Browser(t.app, '10.42.0.4').get(`/articles/${article.slug}/comments`);
    expect(html.body).toContain('Commentaire supprimé par son auteur.');
    expect(html.body).not.toContain('Avec réponse.');
    expect(html.body).not.toContain('Sans réponse.');

    const [entry] = await audited('comments.delete', answered);
    expect(entry).toMatchObject({
      actor_id: alice.personId,
      details: { item: article.id, was: 'visible', replies: 1 },
    });
    // Gone for its author too; no reply, no report; a moderator's restore does not bring it back.
    expect((await remove(alice.browser, article.id, answered)).statusCode).toBe(404);
    expect((await edit(alice.browser, article.id, alone, 'Revenu ?')).statusCode).toBe(404);
    const answer = await bob.browser.post(`/api/content/${article.id}/comments`, {
      body: 'Encore',
      parentId: answered,
    });
    expect(answer.statusCode).toBe(404);
    const report = await bob.browser.post('/api/reports', {
      targetKind: 'content_comment',
      targetId: alone,
      reason: 'spam',
    });
    expect(report.statusCode).toBe(404);
    expect((await decide(alone, 'restore', 'Erreur.')).statusCode).toBe(201);
    expect((await thread(article.id)).items.map((c) => c.id)).toEqual([answered]);

    // The reply deleted too: the mark has nothing left to stand over.
    expect((await remove(bob.browser, article.id, reply)).json()).toEqual({
      id: reply,
      shown: 'removed',
    });
    expect((await thread(article.id)).items).toEqual([]);
  });

  it('edits and deletes by the page’s plain forms, each with its token', async () => {
    const article = await item();
    const alice = await supporter('Alice');
    const bob = await supporter('Basile');
    const id = await comment(alice.browser, article.id, 'Par formulaire.');
    const theirs = await comment(bob.browser, article.id, 'Pas à Alice.');
    const page = await alice.browser.get(`/articles/${article.slug}/comments`);
    expect(page.body).toContain(`action="/articles/${article.slug}/comments/${id}/edit"`);
    expect(page.body).toContain(`action="/articles/${article.slug}/comments/${id}/delete"`);
    expect(page.body).not.toContain(`/comments/${theirs}/edit`);
    const token = hidden(page.body, '_csrf')!;
    const post = (path: string, fields: Record<string, string>) =>
      alice.browser.request(
        'POST',
        `/articles/${article.slug}/comments/${path}`,
        form({ locale: 'fr', ...fields }),
        urlencoded,
      );

    const forged = await post(`${id}/edit`, { _csrf: 'forged', body: 'Texte forgé' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Texte forgé');
    expect((await post(`${id}/delete`, { _csrf: 'forged' })).statusCode).toBe(403);
    expect((await thread(article.id)).items[0]).toMatchObject({ body: 'Par formulaire.' });

    const refused = await post(`${theirs}/edit`, { _csrf: token, body: 'Pris.' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Seul son auteur peut modifier ou supprimer ce commentaire.');

    const edited = await post(`${id}/edit`, { _csrf: token, body: 'Corrigé par formulaire.' });
    expect(edited.statusCode, edited.body).toBe(303);
    expect(edited.headers.location).toBe(
      `/articles/${article.slug}/comments?edited=visible#comment-${id}`,
    );
    const after = await alice.browser.get(edited.headers.location as string);
    expect(after.body).toContain('Votre commentaire est modifié.');
    expect(after.body).toContain('Corrigé par formulaire.');
    expect(after.body).toContain('<span class="edited">modifié</span>');

    await age(id, 20);
    const late = await post(`${id}/edit`, { _csrf: token, body: 'Trop tard.' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('dans les 15 minutes');
    expect(late.body).toContain('Trop tard.');
    const aged = await alice.browser.get(`/articles/${article.slug}/comments`);
    expect(aged.body).not.toContain(`/comments/${id}/edit`);
    expect(aged.body).toContain(`/comments/${id}/delete`);

    const deleted = await post(`${id}/delete`, { _csrf: token });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`/articles/${article.slug}/comments?deleted=1`);
    const gone = await alice.browser.get(deleted.headers.location as string);
    expect(gone.body).toContain('Votre commentaire est supprimé.');
    expect(gone.body).not.toContain('Corrigé par formulaire.');
  });

  it("shows a person's comments to HQ: item, date, state, link, never the text; refused to others", async () => {
    const article = await item();
    const alice = await supporter('Alice');
    const visible = await comment(alice.browser, article.id, 'Visible.');
    const reply = await comment(alice.browser, article.id, 'Réponse.', visible);
    const hiddenId = await comment(alice.browser, article.id, 'Masqué.');
    const withdrawn = await comment(alice.browser, article.id, 'Retiré.');
    await decide(hiddenId, 'unpublish');
    await remove(alice.browser, article.id, withdrawn);
    let held = 0;
    await withRules({ forbiddenWords: ['crétin'] }, async () => {
      held = await comment(alice.browser, article.id, 'Crétin.');
    });

    const response = await staff.get(`/api/people/${alice.personId}/comments`);
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json() as PersonCommentsPage;
    expect(list).toMatchObject({ total: 5, page: 1 });
    const byId = new Map(list.items.map((c) => [c.id, c]));
    expect(list.items.map((c) => c.id)).toEqual([held, withdrawn, hiddenId, reply, visible]);
    const thread = `/articles/${article.slug}/comments`;
    expect(byId.get(visible)).toMatchObject({
      itemId: article.id,
      itemTitle: article.title,
      status: 'visible',
      reply: false,
      editedAt: null,
      url: `${thread}#comment-${visible}`,
    });
    expect(byId.get(reply)).toMatchObject({ status: 'visible', reply: true });
    expect(byId.get(hiddenId)).toMatchObject({ status: 'hidden', url: thread });
    expect(byId.get(withdrawn)).toMatchObject({ status: 'withdrawn' });
    expect(byId.get(held)).toMatchObject({ status: 'held' });
    for (const text of ['Visible.', 'Masqué.', 'Retiré.', 'Crétin.']) {
      expect(response.body).not.toContain(text);
    }
    expect((await staff.get('/api/people/999999999/comments')).statusCode).toBe(404);

    // Who may not: a visitor, the person themselves, a moderator without people.read.
    const visitor = new Browser(t.app, '10.42.0.5');
    await visitor.session();
    expect((await visitor.get(`/api/people/${alice.personId}/comments`)).statusCode).toBe(401);
    for (const browser of [alice.browser, moderator]) {
      const refused = await browser.get(`/api/people/${alice.personId}/comments`);
      expect(refused.statusCode).toBe(403);
      expect(code(refused)).toBe('forbidden');
    }
    const finance = await staffBrowser(t, 'finance@comments-author.example', ['finance']);
    expect((await finance.get(`/api/people/${alice.personId}/comments`)).statusCode).toBe(200);

    const otherCampaign = await createCampaignApp(t, 'Autre campagne');
    try {
      const otherStaff = await staffBrowser(otherCampaign, 'staff@other-comments.example', [
        'staff',
      ]);
      expect((await otherStaff.get(`/api/people/${alice.personId}/comments`)).statusCode).toBe(404);
    } finally {
      await otherCampaign.close();
    }
  });

  it('puts the texts an edit replaced in the data file, and erases them with the person', async () => {
    const article = await item();
    const alice = await supporter('Alice');
    const id = await comment(alice.browser, article.id, 'Avant.');
    await edit(alice.browser, article.id, id, 'Après.');
    const file = (await alice.browser.get('/api/me/export')).json() as {
      comments: Array<{ text: string; editedAt: string | null; earlierTexts: string[] }>;
    };
    expect(file.comments).toEqual([
      expect.objectContaining({ text: 'Après.', earlierTexts: ['Avant.'] }),
    ]);
    expect(file.comments[0]!.editedAt).not.toBeNull();
    expect((await alice.browser.post('/api/me/delete', { confirm: 'DELETE' })).statusCode).toBe(
      200,
    );
    const left = await t.ctx.database.query(
      'SELECT 1 FROM content_comment_edits WHERE campaign_id = $1 AND comment_id = $2',
      [t.ctx.campaignId, id],
    );
    expect(left).toEqual([]);
  });

  it('refuses forbidden words that hold no letter, under the word at fault', async () => {
    const rules = (await moderator.get('/api/comments/rules')).json();
    const refused = await moderator.put('/api/comments/rules', {
      ...rules,
      forbiddenWords: ['crétin', '!!!'],
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'forbiddenWords.1', code: 'no_letters' }),
    ]);
  });
});
