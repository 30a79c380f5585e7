// The home page in the visitor's language: staff write the English texts in the site settings,
// a visitor switching to English reads them, and the French page stays as it was.
import { expect, publicSite, test, uniq } from './support/fixtures.ts';

test('an English home page written by an administrator, seen by a visitor', async ({
  adminPage,
  page,
}) => {
  const before = await publicSite(page.request);
  const title = `Join us in ${uniq()}`;
  const callToAction = `Count me in ${uniq(4)}`;

  await adminPage.goto('/admin/site');
  await adminPage.getByRole('tab', { name: 'English' }).click();
  const english = adminPage.getByRole('tabpanel', { name: 'English' });
  await expect(english.getByText('un champ laissé vide affiche le texte français')).toBeVisible();
  await english.getByRole('textbox', { name: 'Titre de la page' }).fill(title);
  await english.getByRole('textbox', { name: 'Appel à l’action' }).fill(callToAction);
  await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(adminPage.getByText('Page d’accueil enregistrée.')).toBeVisible();

  try {
    // French, the default: unchanged.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(before.home.title);
    await expect(page.getByRole('button', { name: before.home.signupCallToAction })).toBeVisible();

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { name: callToAction })).toBeVisible();
    await expect(page.getByRole('button', { name: callToAction })).toBeVisible();
    // The message was left empty in English: the French one is shown.
    await expect(page.getByText(before.home.message.split('\n')[0])).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${title}`));
  } finally {
    // Other specs read the demo home page: it goes back to what it was.
    const session = (await (await adminPage.request.get('/api/session')).json()) as {
      csrfToken: string;
    };
    const restored = await adminPage.request.put('/api/admin/site/home', {
      // Without `en` the server would keep the English just saved.
      data: { ...before.home, en: {} },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(restored.status(), await restored.text()).toBe(200);
    // The home page only: the legal texts are the legal editor's spec's, which may run beside.
    expect((await publicSite(page.request)).home).toEqual(before.home);
  }
});
