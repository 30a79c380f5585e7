// Staff change the comment rules on their HQ screen: a field refused says why under its input;
// a forbidden word added there holds a member's comment that uses it for review. Only a word
// unique to this run is added (and taken away after): the rules are the campaign's, and specs
// running beside this one rely on the others (the days a thread stays open…).
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  test,
  uniq,
} from './support/fixtures.ts';
import { publishArticle } from './support/content.ts';

test('staff add a forbidden word on the rules screen; a comment using it is held', async ({
  adminPage: admin,
  page: visitor,
}) => {
  const api = admin.request;
  const before = await (await api.get('/api/comments/rules')).json();
  const word = capitalized(uniq());
  const slug = `regles-commentaires-${word.toLowerCase()}`;

  await publishArticle(api, slug, `Article ${word}`);

  try {
    await admin.goto('/hq/people');
    await admin.getByRole('link', { name: 'Règles des commentaires' }).click();
    await expect(
      admin.getByRole('heading', { name: 'Règles des commentaires', level: 1 }),
    ).toBeVisible();
    const days = admin.getByRole('textbox', { name: 'Jours d’ouverture après la publication' });
    await expect(days).toHaveValue(String(before.openDays));

    // Emptied, and a "word" of punctuation alone: each says why under its input.
    await days.fill('');
    const words = admin.getByRole('textbox', { name: 'Mots interdits' });
    await words.fill('!!!');
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(days).toHaveAccessibleDescription(/^Entre 1 et 3\D?650\./);
    await expect(words).toHaveAccessibleDescription(
      /« !!! » : il faut au moins une lettre ou un chiffre\./,
    );
    await expect(days).toBeFocused();

    const forbidden = `interdit${word.toLowerCase()}`;
    await days.fill(String(before.openDays));
    await words.fill([...before.forbiddenWords, forbidden].join('\n'));
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(admin.getByText('Règles enregistrées.')).toBeVisible();
    await admin.reload();
    await expect(words).toHaveValue(new RegExp(`(^|\\n)${forbidden}$`));

    // A member's comment with that word waits for a moderator instead of showing.
    const member = await createSupporter(visitor.request, { firstName: 'Romane' });
    await logIn(visitor.request, member.email);
    await visitor.goto(`/articles/${slug}/comments`);
    const text = `Un mot ${forbidden} dans ce commentaire.`;
    await visitor.getByRole('textbox', { name: 'Votre commentaire' }).fill(text);
    await visitor.getByRole('button', { name: 'Publier' }).click();
    await expect(
      visitor.getByText('Votre commentaire attend la relecture d’un modérateur.'),
    ).toBeVisible();
  } finally {
    const restored = await api.put('/api/comments/rules', {
      headers: await csrfHeaders(api),
      data: before,
    });
    expect(restored.status(), await restored.text()).toBe(200);
  }
});
