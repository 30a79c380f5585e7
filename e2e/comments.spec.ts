// Comments end to end: a member comments an article on its public comments page (a plain
// form), another member reports the comment through the report form, a moderator hides it
// from the queue with a reason, and the comment is gone from the page.
import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';
import { publishArticle } from './support/content.ts';

test('a member comments, another reports it, a moderator hides it', async ({
  page: author,
  adminPage: moderator,
  browser,
}) => {
  test.setTimeout(120_000);
  const word = capitalized(uniq());
  const slug = `commentaires-${word.toLowerCase()}`;
  const text = `La ligne ${word} doit revenir, et vite.`;

  await test.step('staff publish an article', async () => {
    await publishArticle(moderator.request, slug, `Article ${word}`);
  });

  await test.step('a member comments by the form', async () => {
    const member = await createSupporter(author.request, { firstName: 'Maëlle' });
    await logIn(author.request, member.email);
    await author.goto(`/articles/${slug}/comments`);
    await expect(author.getByRole('heading', { level: 1 })).toHaveText(
      `Commentaires : Article ${word}`,
    );
    await author.getByRole('textbox', { name: 'Votre commentaire' }).fill(text);
    await author.getByRole('button', { name: 'Publier' }).click();
    await expect(author.getByText('Votre commentaire est publié.')).toBeVisible();
    // The text as the page shows it (the author's own edit box holds it too).
    await expect(author.getByRole('paragraph').filter({ hasText: text })).toBeVisible();
  });

  await test.step('another member reports it', async () => {
    const context = await browser.newContext();
    try {
      const reporter = await context.newPage();
      const member = await createSupporter(reporter.request, { firstName: 'Yannick' });
      await logIn(reporter.request, member.email);
      await reporter.goto(`/articles/${slug}/comments`);
      const comment = reporter.getByRole('article').filter({ hasText: text });
      await comment.getByRole('link', { name: 'Signaler' }).click();
      await expect(reporter.getByRole('heading', { level: 1 })).toHaveText(
        'Signaler ce commentaire',
      );
      await reporter.getByRole('radio', { name: 'Harcèlement ou menaces' }).check();
      await reporter.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await expect(
        reporter.getByRole('heading', { level: 1, name: 'Merci pour votre signalement' }),
      ).toBeVisible();
    } finally {
      await context.close();
    }
  });

  await test.step('a moderator hides it from the queue', async () => {
    await moderator.goto('/hq/moderation');
    const group = moderator.getByRole('article', { name: text });
    await expect(group).toContainText('Commentaire d’article');
    await expect(group.getByRole('link', { name: text })).toHaveAttribute(
      'href',
      new RegExp(`/articles/${slug}/comments#comment-\\d+$`),
    );
    await group.getByRole('textbox', { name: 'Motif de la décision' }).fill('Hors sujet.');
    await group.getByRole('button', { name: 'Dépublier' }).click();
    await expect(moderator.getByRole('article', { name: text })).toHaveCount(0);
    await author.goto(`/articles/${slug}/comments`);
    await expect(author.getByText('Pas encore de commentaire.')).toBeVisible();
    await expect(author.getByText(text)).toHaveCount(0);
  });
});
