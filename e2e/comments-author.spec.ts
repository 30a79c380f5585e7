// A comment's author edits, then deletes it on the public comments page, without JavaScript
// (plain forms, each with its token): the page says "modifié", then "supprimé par son
// auteur" above the reply another member wrote. HQ reads the author's comments on their
// person page: the article, the state, never the text.
import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';
import { publishArticle } from './support/content.ts';

test('an author edits then deletes their comment; HQ sees it on the person page', async ({
  page: replier,
  adminPage: admin,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const word = capitalized(uniq());
  const slug = `commentaire-auteur-${word.toLowerCase()}`;
  const first = `Premier jet ${word}, avec une fote.`;
  const fixed = `Premier jet ${word}, sans faute.`;
  const answer = `Réponse ${word} : bien vu.`;

  await test.step('staff publish an article', async () => {
    await publishArticle(admin.request, slug, `Article ${word}`);
  });

  // The author's browser runs no script: every step is a plain form and the server's answer.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const author = await context.newPage();
    const member = await createSupporter(author.request, { firstName: 'Maëlle' });
    await logIn(author.request, member.email);
    const session = (await (await author.request.get('/api/session')).json()) as {
      me: { personId: number };
    };
    const mine = () => author.getByRole('article').filter({ hasText: word });
    // A comment's text as the page shows it (its own edit box holds it too).
    const said = (text: string) => mine().getByRole('paragraph').filter({ hasText: text });

    await test.step('the author comments, then edits within the window', async () => {
      await author.goto(`/articles/${slug}/comments`);
      await author.getByRole('textbox', { name: 'Votre commentaire', exact: true }).fill(first);
      await author.getByRole('button', { name: 'Publier' }).click();
      await expect(author.getByText('Votre commentaire est publié.')).toBeVisible();
      await expect(said(first)).toBeVisible();
      // Their own comment offers to edit and delete, not to report.
      await expect(mine().getByRole('link', { name: 'Signaler' })).toHaveCount(0);

      await mine().getByText('Modifier', { exact: true }).click();
      const box = mine().getByRole('textbox', { name: 'Votre commentaire modifié' });
      await expect(box).toHaveValue(first);
      await expect(box).toHaveAccessibleDescription(/^Modifiable jusqu’au /);
      await box.fill(fixed);
      await mine().getByRole('button', { name: 'Enregistrer la modification' }).click();
      await expect(author.getByText('Votre commentaire est modifié.')).toBeVisible();
      await expect(said(fixed)).toBeVisible();
      await expect(mine().getByText('modifié', { exact: true })).toBeVisible();
      await expect(author.getByText(first)).toHaveCount(0);
    });

    await test.step('another member answers it', async () => {
      const other = await createSupporter(replier.request, { firstName: 'Yannick' });
      await logIn(replier.request, other.email);
      await replier.goto(`/articles/${slug}/comments`);
      const comment = replier.getByRole('article').filter({ hasText: fixed });
      await expect(comment.getByText('modifié', { exact: true })).toBeVisible();
      await expect(comment.getByText('Modifier', { exact: true })).toHaveCount(0);
      await comment.getByText('Répondre', { exact: true }).click();
      await comment.getByRole('textbox', { name: 'Votre réponse' }).fill(answer);
      await comment.getByRole('button', { name: 'Publier' }).click();
      await expect(replier.getByText('Votre commentaire est publié.')).toBeVisible();
    });

    await test.step('the author deletes it: a mark stays above the reply', async () => {
      await author.goto(`/articles/${slug}/comments`);
      const comment = author.getByRole('article').filter({ hasText: fixed });
      await comment.getByText('Supprimer', { exact: true }).first().click();
      await comment.getByRole('button', { name: 'Supprimer mon commentaire' }).click();
      await expect(author.getByText('Votre commentaire est supprimé.')).toBeVisible();
      await expect(author.getByText(fixed)).toHaveCount(0);
      await expect(author.getByText('Commentaire supprimé par son auteur.')).toBeVisible();
      await expect(author.getByText(answer)).toBeVisible();
    });

    await test.step('HQ reads the author’s comments on their person page', async () => {
      await admin.goto(`/hq/people/${session.me.personId}`);
      const section = admin.getByRole('region', { name: 'Commentaires', exact: true });
      await expect(section).toContainText(`Article ${word}`);
      await expect(section).toContainText('Supprimé par son auteur');
      await expect(section).not.toContainText(fixed);
    });
  } finally {
    await context.close();
  }
});
