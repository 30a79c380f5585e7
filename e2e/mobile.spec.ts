import type { Page } from '@playwright/test';
import {
  CONFIRM_SUBJECT,
  createSupporter,
  expect,
  logIn,
  mailbox,
  newPerson,
  publicSite,
  test,
} from './support/fixtures.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** No horizontal scrolling: the page is no wider than the screen. */
async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

test('the sign-up form works on a 360 px phone', async ({ page }) => {
  const site = await publicSite(page.request);
  const person = newPerson({ firstName: 'Inès' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(site.home.title);
  await expectNoHorizontalScroll(page);

  await page.getByLabel('Prénom', { exact: true }).fill(person.firstName);
  await page.getByLabel('Nom de famille', { exact: true }).fill(person.lastName);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
  await page.getByLabel('Code postal', { exact: true }).fill('35190');
  // 35190 covers several communes: a native list, as the phone shows it.
  const commune = page.getByRole('combobox', { name: 'Commune' });
  await commune.selectOption({ label: 'Bécherel' });
  await expect(commune.locator('option:checked')).toHaveText('Bécherel');
  await page.getByLabel('Téléphone mobile', { exact: true }).fill('0639981111');
  await page.getByRole('checkbox', { name: site.consentWording.fr.sms }).tap();
  await expect(page.getByRole('checkbox', { name: site.consentWording.fr.sms })).toBeChecked();
  await expectNoHorizontalScroll(page);

  const submit = page.getByRole('button', { name: site.home.signupCallToAction });
  await submit.scrollIntoViewIfNeeded();
  await expect(submit).toBeInViewport();
  const since = await mailbox.mark();
  await submit.tap();
  await expect(page.getByRole('status')).toContainText('Vérifiez votre boîte mail');
  await mailbox.waitFor(person.email, CONFIRM_SUBJECT, since);
  await expectNoHorizontalScroll(page);
});

test('the HQ menu opens with the burger on a phone', async ({ adminPage: page }) => {
  await page.goto('/hq/people');
  await expect(page.getByRole('heading', { name: 'Personnes', level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const stats = nav.getByRole('link', { name: 'Statistiques' });
  await expect(stats).not.toBeInViewport();

  const burger = page.getByRole('button', { name: 'Ouvrir le menu' });
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
  await burger.tap();
  await expect(page.getByRole('button', { name: 'Fermer le menu' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(stats).toBeInViewport();
  await stats.tap();

  // Following a link closes the menu.
  await expect(page).toHaveURL(/\/hq\/stats$/);
  await expect(page.getByRole('heading', { name: 'Statistiques de recrutement' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ouvrir le menu' })).toBeVisible();
  await expect(stats).not.toBeInViewport();
  await expectNoHorizontalScroll(page);
});

test('logging out everywhere lands at the top of the home page, on a message', async ({ page }) => {
  const person = await createSupporter(page.request);
  await logIn(page.request, person.email);
  await page.goto('/me');
  await expect(page.getByRole('heading', { name: 'Mon espace', level: 1 })).toBeVisible();
  const everywhere = page.getByRole('button', { name: 'Me déconnecter de tous les appareils' });
  await everywhere.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await everywhere.tap();

  await expect(page).toHaveURL(/\/$/);
  const notice = page.getByRole('status');
  await expect(notice).toHaveText('Vous êtes déconnecté·e de tous vos appareils.');
  await expect(notice).toBeFocused();
  await expect(notice).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
});

/** The element lies within the 360 px screen, left to right. */
async function expectWithinWidth(page: Page, locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
}

test('segments can be opened, edited and deleted on a 360 px phone', async ({
  adminPage: page,
}) => {
  await page.goto('/hq/segments');
  await expect(page.getByRole('heading', { name: 'Segments', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Créer un segment depuis la liste des personnes' }),
  ).toBeVisible();
  const segments = page.getByRole('list', { name: 'Segments' });
  const first = segments.getByRole('listitem').first();
  await expect(first).toBeVisible();
  await expectNoHorizontalScroll(page);
  const edit = first.getByRole('button', { name: /^Modifier le segment / });
  const remove = first.getByRole('button', { name: /^Supprimer le segment / });
  for (const action of [first.getByRole('link', { name: 'Ouvrir' }), edit, remove])
    await expectWithinWidth(page, action);

  await edit.tap();
  const dialog = page.getByRole('dialog', { name: /segment/i });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await remove.tap();
  await expect(page.getByRole('dialog', { name: 'Supprimer le segment' })).toBeVisible();
});

test('the people list is readable and selectable on a 360 px phone', async ({
  adminPage: page,
}) => {
  // 071… is a mainland mobile range (0709… belongs to overseas départements).
  const digits = `1${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const person = await createSupporter(page.request, { phone: `07${digits}` });
  await page.goto(`/hq/people?q=${encodeURIComponent(person.lastName)}`);
  const list = page.getByRole('list', { name: 'Liste des personnes' });
  const card = list.getByRole('listitem');
  await expect(card).toHaveCount(1);
  await expectNoHorizontalScroll(page);
  const name = card.getByRole('link', { name: `${person.firstName} ${person.lastName}` });
  await expectWithinWidth(page, name);
  await expect(card.getByText(person.email, { exact: true })).toBeVisible();
  const national = `07 ${digits.match(/../g)!.join(' ')}`;
  await expect(card.getByText(national, { exact: true })).toBeVisible();
  await expectWithinWidth(page, card.getByRole('img', { name: 'SMS : Non' }));

  await card.getByRole('checkbox').tap();
  await expect(page.getByText('1 sélectionnée', { exact: false })).toBeVisible();
  await name.tap();
  await expect(page.getByRole('heading', { name: person.lastName, level: 1 })).toBeVisible();
});
