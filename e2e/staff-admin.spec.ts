// Staff accounts and admin screens: the invitation mail, landing in HQ, kiosk links, the mail
// catcher's reading pane, and the admin lists on a 360 px phone.
import type { Page } from '@playwright/test';
import { expect, linkIn, mailbox, test, uniq } from './support/fixtures.ts';

const csrf = async (page: Page) =>
  ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;

test('an added staff member gets an invitation whose link lands them in HQ', async ({
  adminPage,
  browser,
}) => {
  const email = `equipe.${uniq()}@example.org`;
  await adminPage.goto('/admin/accounts');
  await adminPage.getByRole('button', { name: 'Ajouter un compte' }).click();
  const dialog = adminPage.getByRole('dialog', { name: 'Ajouter un compte d’équipe' });
  await dialog.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await dialog.getByRole('checkbox', { name: /Équipe/ }).check();
  const since = await mailbox.mark();
  await dialog.getByRole('button', { name: 'Ajouter un compte' }).click();
  await expect(adminPage.getByText(`Compte ajouté pour ${email}.`)).toBeVisible();

  const mail = await mailbox.waitFor(email, /^Votre compte d'équipe/, since);
  expect(mail.text).toContain("vous a ouvert un compte d'équipe");
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  try {
    const page = await context.newPage();
    await page.goto(linkIn(mail, '/login/link'));
    await expect(page).toHaveURL(/\/hq\/people$/);
    await expect(page.getByRole('heading', { name: 'Personnes', level: 1 })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a kiosk link opened on a device shows how long it works, until it is revoked', async ({
  adminPage,
  browser,
}) => {
  const label = `Stand ${uniq()}`;
  await adminPage.goto('/hq/kiosk');
  await expect(adminPage.getByRole('heading', { name: 'Mode kiosque', level: 1 })).toBeVisible();
  await adminPage.getByRole('button', { name: 'Créer un lien de kiosque' }).click();
  await expect(adminPage.getByText('Ce champ est obligatoire.')).toBeVisible();
  await adminPage.getByRole('textbox', { name: 'Où sera-t-il utilisé ?' }).fill(label);
  await adminPage.getByRole('button', { name: 'Créer un lien de kiosque' }).click();
  await expect(adminPage.getByText('Lien créé : ouvrez-le sur l’appareil du stand.')).toBeVisible();
  const row = adminPage.getByRole('row').filter({ hasText: label });
  await expect(row.getByText(/^Actif jusqu’au/)).toBeVisible();
  const url = await row.locator('code').textContent();
  expect(url).toMatch(/\/kiosk\?token=\d+\./);

  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  try {
    const tablet = await context.newPage();
    await tablet.goto(url!);
    await expect(tablet.getByRole('heading', { name: 'Mode kiosque' })).toBeVisible();
    await expect(tablet.getByText(/jusqu'au/)).toBeVisible();
    const cookie = (await context.cookies()).find((c) => c.name === 'levier_kiosk');
    expect(cookie?.httpOnly).toBe(true);
    await tablet.getByRole('link', { name: "Ouvrir le formulaire d'inscription" }).click();
    await expect(tablet).toHaveURL(/\/$/);

    await adminPage.getByRole('button', { name: `Révoquer le lien « ${label} »` }).click();
    await expect(row.getByText(/^Révoqué le/)).toBeVisible();
    await tablet.goto(url!);
    await expect(tablet.getByRole('alert')).toContainText("n'est plus valable");
  } finally {
    await context.close();
  }
});

/**
 * The end-to-end server sends mail over SMTP, so its catcher is empty: the list and the mails
 * are served here, the page and its scrolling are the real ones.
 */
async function fakeCaughtMail(page: Page) {
  const at = new Date('2026-12-02T08:00:00Z').getTime();
  const items = Array.from({ length: 50 }, (_, i) => ({
    id: 1000 - i,
    to: `personne${i}@example.org`,
    from: 'campagne@example.org',
    subject: `Message numéro ${i + 1}`,
    at: new Date(at - i * 60_000).toISOString(),
  }));
  await page.route('**/api/admin/mail?*', (route) =>
    route.fulfill({ json: { items, total: 50, pageSize: 50, transport: 'catcher' } }),
  );
  await page.route('**/api/admin/mail/*', (route) => {
    const id = Number(new URL(route.request().url()).pathname.split('/').pop());
    const mail = items.find((m) => m.id === id)!;
    return route.fulfill({
      json: { ...mail, text: `Bonjour,\n\nCeci est le ${mail.subject}.`, html: null },
    });
  });
  return items;
}

for (const [name, viewport] of [
  ['beside the list', { width: 1280, height: 800 }],
  ['below the list on a phone', { width: 360, height: 740 }],
] as const) {
  test(`the mail catcher's reading pane is in view for a mail low in the list (${name})`, async ({
    adminPage: page,
  }) => {
    await page.setViewportSize(viewport);
    const items = await fakeCaughtMail(page);
    await page.goto('/admin/mail');
    const list = page.getByRole('navigation', { name: 'Courriels' });
    const last = list.getByRole('button', { name: new RegExp(items[49].subject) });
    await last.scrollIntoViewIfNeeded();
    await last.click();
    const pane = page.getByRole('region', { name: 'Courriel sélectionné' });
    await expect(pane.getByRole('heading', { name: items[49].subject })).toBeInViewport();
    await expect(pane.getByText(`Ceci est le ${items[49].subject}.`)).toBeInViewport();
    await expect(pane).toBeFocused();
  });
}

test.describe('admin lists on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  const expectNoHorizontalScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

  test('accounts, audit log, import history and top recruiters are cards with nothing off screen', async ({
    adminPage: page,
  }) => {
    // A kiosk link gives the audit log an entry whatever ran before.
    const made = await page.request.post('/api/kiosks', {
      data: { label: `Audit ${uniq()}` },
      headers: { 'x-csrf-token': await csrf(page) },
    });
    expect(made.status(), await made.text()).toBe(200);

    await page.goto('/admin/accounts');
    const accounts = page.getByRole('list', { name: 'Comptes et rôles' });
    await expect(accounts.getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    const edit = accounts.getByRole('button', { name: /^Modifier / }).first();
    await edit.scrollIntoViewIfNeeded();
    await expect(edit).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalScroll(page);

    await page.goto('/admin/audit');
    const audit = page.getByRole('list', { name: 'Journal d’audit' });
    await expect(audit.getByRole('listitem').first()).toContainText('Détails');
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectNoHorizontalScroll(page);

    await page.goto('/hq/import');
    const history = page.getByRole('list', { name: 'Imports précédents' });
    await expect(history.getByRole('listitem').first()).toContainText('En erreur');
    await expectNoHorizontalScroll(page);

    await page.goto('/hq/stats');
    const recruiters = page.getByRole('list', { name: 'Meilleurs recruteurs' });
    await expect(recruiters.getByRole('listitem').first()).toContainText('Recrutés');
    await expectNoHorizontalScroll(page);

    await page.goto('/hq/kiosk');
    const kiosks = page.getByRole('list', { name: 'Liens des 7 derniers jours' });
    const revoke = kiosks.getByRole('button', { name: /^Révoquer le lien/ }).first();
    await revoke.scrollIntoViewIfNeeded();
    await expect(revoke).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalScroll(page);
  });
});
