// Content and relay: a staff member writes an article at HQ (with a <script> in its body that
// stays inert in the preview) and publishes it; the public page is real HTML with its Open
// Graph and Twitter tags; a logged-in supporter copies their own share link from the page; a
// fresh visitor opens it and signs up from the home page; the sharer's count rises in their
// space and on the staff leaderboard. Names are unique per run (the campaign is shared with
// specs running in parallel).
import { staffMember } from './support/calling.ts';
import { expectMyShares, metaContent } from './support/content.ts';
import {
  capitalized,
  createSupporter,
  expect,
  logIn,
  publicSite,
  test,
  uniq,
} from './support/fixtures.ts';

test('staff publish an article, a supporter shares it, and the visitor it brings is counted for them', async ({
  page,
  adminPage,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const id = uniq();
  const title = `La gare rouvre ${capitalized(id)}`;
  const slug = `la-gare-rouvre-${id}`;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await test.step('staff write and publish the article', async () => {
    await staffMember(page, adminPage);
    await page.goto('/hq/people');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Contenus' })
      .click();
    await expect(page).toHaveURL(/\/hq\/content$/);
    await page.getByRole('link', { name: 'Nouveau contenu' }).click();
    await page.getByRole('textbox', { name: 'Titre' }).fill(title);
    await page.getByRole('textbox', { name: 'Adresse' }).fill(slug);
    await page
      .getByRole('textbox', { name: 'Résumé' })
      .fill('Après deux ans de travaux, la gare rouvre lundi.');
    await page
      .getByRole('textbox', { name: 'Texte (Markdown)' })
      .fill('Le **lundi 4 janvier**, les trains reviennent. <script>alert(1)</script>');
    await expect(page.getByTestId('content-preview').locator('strong')).toHaveText(
      'lundi 4 janvier',
    );
    await page.getByRole('textbox', { name: 'X (250 caractères)' }).fill('La gare rouvre !');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page).toHaveURL(/\/hq\/content\/\d+$/);
    await page.getByRole('button', { name: 'Publier maintenant' }).click();
    await expect(page.getByTestId('content-state')).toHaveText('En ligne');
  });

  await test.step('the public page is real HTML with its preview tags', async () => {
    const visitor = await browser.newContext({ baseURL });
    const reader = await visitor.newPage();
    await reader.goto(`/articles/${slug}`);
    await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(reader.locator('.article-body strong')).toHaveText('lundi 4 janvier');
    expect(await reader.title()).toContain(title);
    expect(await metaContent(reader, 'og:title')).toContain(title);
    expect(await metaContent(reader, 'og:type')).toBe('article');
    expect(await metaContent(reader, 'og:url')).toBe(`${baseURL}/articles/${slug}`);
    expect(await metaContent(reader, 'description')).toBe(
      'Après deux ans de travaux, la gare rouvre lundi.',
    );
    expect(await metaContent(reader, 'twitter:card')).toBe('summary');
    await expect(reader.getByRole('link', { name: 'Partager sur X' })).toHaveAttribute(
      'href',
      /^https:\/\/twitter\.com\/intent\/tweet\?text=La\+gare\+rouvre/,
    );
    await visitor.close();
  });

  const sharer = await browser.newContext({ baseURL });
  const sharerPage = await sharer.newPage();
  let link = '';
  await test.step('a logged-in supporter copies their share link from the page', async () => {
    const supporter = await createSupporter(sharerPage.request, { firstName: 'Relaya' });
    await logIn(sharerPage.request, supporter.email);
    await expectMyShares(sharerPage, 0);
    await sharer.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await sharerPage.goto(`/articles/${slug}`);
    const mine = sharerPage.getByRole('region', { name: 'Votre lien de partage' });
    link = await mine.getByLabel('Votre lien').inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}/articles/${slug}\\?s=\\d+\\.[\\w-]+$`));
    await mine.getByRole('button', { name: 'Copier mon lien' }).click();
    await expect(mine.getByRole('button', { name: 'Copié' })).toBeVisible();
    expect(await sharerPage.evaluate(() => navigator.clipboard.readText())).toBe(link);
  });

  await test.step('a fresh visitor opens the link and signs up', async () => {
    const visitor = await browser.newContext({ baseURL });
    const visitorPage = await visitor.newPage();
    const site = await publicSite(visitorPage.request);
    await visitorPage.goto(link);
    await expect(visitorPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await visitorPage.getByRole('link', { name: 'Rejoindre la campagne' }).click();
    await visitorPage.getByLabel('Prénom', { exact: true }).fill('Bastien');
    await visitorPage
      .getByLabel('Nom de famille', { exact: true })
      .fill(`Recrue ${capitalized(id)}`);
    await visitorPage
      .getByLabel('Adresse e-mail', { exact: true })
      .fill(`bastien.${id}@example.org`);
    await visitorPage.getByLabel('Code postal', { exact: true }).fill('38000');
    await expect(visitorPage.getByText('Commune : Grenoble')).toBeVisible();
    await visitorPage.getByRole('button', { name: site.home.signupCallToAction }).click();
    await expect(visitorPage.getByRole('status')).toContainText('Vérifiez votre boîte mail');
    await visitor.close();
  });

  await test.step('the sharer’s count rises in their space and on the staff leaderboard', async () => {
    await expectMyShares(sharerPage, 1);
    await expect(sharerPage.getByRole('region', { name: 'Mes partages' })).toContainText(
      '1 visites',
    );
    await page.goto('/hq/content');
    await page.getByRole('tab', { name: 'Classement des relais' }).click();
    await expect(page).toHaveURL(/\/hq\/content\/leaderboard$/);
    const row = page.getByRole('row').filter({ hasText: 'Relaya' });
    await expect(row).toContainText('1');
    await sharer.close();
  });
  expect(dialogs).toEqual([]);
});
