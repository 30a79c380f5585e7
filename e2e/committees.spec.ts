import type { APIRequestContext, Page } from '@playwright/test';
import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
}

/** No horizontal scrolling: the page is no wider than the screen. */
async function expectNoHorizontalScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
}

const MANAGE_URL = /\/me\/committees\/(\d+)\/manage$/;

test('a supporter creates a committee, promotes a member who shares contact; a forbidden word holds the next one', async ({
  page,
  adminPage,
  browser,
  baseURL,
}) => {
  const organiser = await createSupporter(page.request, { firstName: 'Maëlle' });
  await logIn(page.request, organiser.email);
  const name = `Comité ${capitalized(uniq())}`;

  // 1. From their committees, the organiser opens the creation form.
  await page.goto('/me');
  await page.getByRole('link', { name: 'Mes comités' }).click();
  await expect(page.getByRole('heading', { name: 'Mes comités', level: 1 })).toBeVisible();
  await expect(page.getByText('Vous ne faites partie d’aucun comité.')).toBeVisible();
  await page.getByRole('link', { name: 'Créer un comité' }).click();
  await expect(page).toHaveURL(/\/me\/committees\/new$/);
  await expect(page.getByRole('heading', { name: 'Créer un comité', level: 1 })).toBeVisible();

  // A name too short and no place are said under their fields before anything is sent.
  await page.getByRole('textbox', { name: 'Nom du comité' }).fill('Co');
  await page.getByRole('button', { name: 'Créer le comité' }).click();
  await expect(page.getByText('Ce texte est trop court.')).toBeVisible();
  await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nom du comité' })).toBeFocused();

  await page.getByRole('textbox', { name: 'Nom du comité' }).fill(name);
  await page
    .getByRole('textbox', { name: 'Présentation' })
    .fill('**Réunions** le jeudi soir.\n\n- porte-à-porte\n- tractage');
  await page.getByRole('textbox', { name: 'Code postal' }).fill('44000');
  await expect(page.getByText('Commune : Nantes')).toBeVisible();
  await page.getByRole('textbox', { name: 'Adresse' }).fill('2 place Royale');
  await page.getByRole('textbox', { name: 'E-mail de contact' }).fill('comite.nantes@example.org');
  await page.getByRole('button', { name: 'Créer le comité' }).click();

  // 2. Public at once: the organiser lands on its manage page.
  await expect(page).toHaveURL(MANAGE_URL);
  const committeeId = Number(MANAGE_URL.exec(page.url())![1]);
  await expect(page.getByText('Votre comité est public.')).toBeVisible();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Voir la page publique' })).toHaveAttribute(
    'href',
    `/committees/${committeeId}`,
  );
  // The edit form holds the place as typed.
  await expect(page.getByRole('textbox', { name: 'Code postal' })).toHaveValue('44000');
  await expect(page.getByRole('textbox', { name: 'Adresse' })).toHaveValue('2 place Royale');
  await expect(page.getByRole('switch', { name: 'Ouvert aux nouveaux membres' })).toBeChecked();

  // 3. A second supporter joins through the JSON API and shares their contact.
  const other = await browser.newContext({ baseURL });
  try {
    const member = await createSupporter(other.request, { firstName: 'Bastien' });
    await logIn(other.request, member.email);
    const joined = await other.request.put(`/api/committees/${committeeId}/membership`, {
      data: { as: 'member', shareContact: true },
      headers: { 'x-csrf-token': await csrf(other.request) },
    });
    expect(joined.status(), await joined.text()).toBe(200);

    // 4. The organiser sees them, with their email, and makes them a manager.
    await page.reload();
    const members = page.getByRole('table', { name: `Membres de ${name}` });
    const row = members.getByRole('row').filter({ hasText: member.lastName });
    await expect(row).toContainText(member.email);
    await expect(row).toContainText('Nantes');
    const memberName = `${member.firstName} ${member.lastName}`;
    const rank = row.getByRole('combobox', { name: `Rôle de ${memberName}` });
    await expect(rank).toHaveValue('member');
    await rank.selectOption({ label: 'Animateur·rice' });
    await expect(page.getByText(`${memberName} : Animateur·rice.`)).toBeVisible();
    await page.reload();
    await expect(rank).toHaveValue('manager');
    const mine = (await (await other.request.get('/api/me/committees')).json()) as Array<{
      id: number;
      rank: string;
    }>;
    expect(mine).toEqual([expect.objectContaining({ id: committeeId, rank: 'manager' })]);
  } finally {
    await other.close();
  }

  // The last organiser can neither step down nor leave: the page says why.
  const organiserName = `${organiser.firstName} ${organiser.lastName}`;
  await page
    .getByRole('combobox', { name: `Rôle de ${organiserName}` })
    .selectOption({ label: 'Membre' });
  await expect(
    page.getByRole('alert').filter({
      hasText: 'Un comité garde au moins un organisateur : nommez-en un autre d’abord.',
    }),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: `Rôle de ${organiserName}` })).toHaveValue(
    'organiser',
  );
  await page.getByRole('button', { name: 'Quitter le comité' }).click();
  const leave = page.getByRole('dialog', { name: `Quitter ${name} ?` });
  await leave.getByRole('button', { name: 'Quitter', exact: true }).click();
  await expect(leave.getByRole('alert')).toContainText('Un comité garde au moins un organisateur');
  await leave.getByRole('button', { name: 'Annuler' }).click();

  // Their committees list it, with their rank and a way to manage it.
  await page.goto('/me/committees');
  const list = page.getByRole('list', { name: 'Mes comités' });
  const item = list.getByRole('listitem').filter({ hasText: name });
  await expect(item).toContainText('Organisateur·rice');
  await expect(item).toContainText('2 membres');
  await expect(item.getByRole('link', { name, exact: true })).toHaveAttribute(
    'href',
    `/committees/${committeeId}`,
  );
  await item.getByRole('link', { name: `Gérer ${name}` }).click();
  await expect(page).toHaveURL(`${baseURL}/me/committees/${committeeId}/manage`);

  // 5. Staff add a forbidden word; a committee named with it waits for moderation.
  const word = `interdit${uniq()}`;
  await adminPage.goto('/hq/people');
  await adminPage.getByRole('link', { name: 'Règles des comités' }).click();
  await expect(
    adminPage.getByRole('heading', { name: 'Règles de création des comités', level: 1 }),
  ).toBeVisible();
  const words = adminPage.getByRole('textbox', { name: 'Mots interdits' });
  const before = await words.inputValue();
  await words.fill(before ? `${before}\n${word}` : word);
  await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(adminPage.getByText('Règles enregistrées.')).toBeVisible();

  const held = `Comité ${capitalized(word)}`;
  await page.goto('/me/committees/new');
  await page.getByRole('textbox', { name: 'Nom du comité' }).fill(held);
  await page.getByRole('textbox', { name: 'Code postal' }).fill('44000');
  await expect(page.getByText('Commune : Nantes')).toBeVisible();
  await page.getByRole('button', { name: 'Créer le comité' }).click();
  await expect(page).toHaveURL(MANAGE_URL);
  await expect(page.getByText(/^Votre comité est créé, en attente de modération/)).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^En attente de modération : seuls ses organisateurs et animateurs/ }),
  ).toBeVisible();
  await page.goto('/me/committees');
  await expect(list.getByRole('listitem').filter({ hasText: held })).toContainText(
    'En attente de modération',
  );
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a supporter creates a committee in a postal code of several communes', async ({ page }) => {
    const organiser = await createSupporter(page.request, { firstName: 'Inès' });
    await logIn(page.request, organiser.email);
    const name = `Comité ${capitalized(uniq())}`;

    await page.goto('/me/committees');
    await page.getByRole('link', { name: 'Créer un comité' }).tap();
    await expect(page.getByRole('heading', { name: 'Créer un comité', level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page, 360);

    await page.getByRole('textbox', { name: 'Nom du comité' }).fill(name);
    await page.getByRole('textbox', { name: 'Code postal' }).fill('13100');
    // 13100 covers several communes: the form asks which one.
    await page.getByRole('textbox', { name: 'Commune' }).tap();
    await page.getByRole('option', { name: 'Aix-en-Provence' }).tap();
    await expect(page.getByRole('textbox', { name: 'Commune' })).toHaveValue('Aix-en-Provence');
    await expectNoHorizontalScroll(page, 360);

    const submit = page.getByRole('button', { name: 'Créer le comité' });
    await submit.scrollIntoViewIfNeeded();
    await expect(submit).toBeInViewport();
    await submit.tap();
    await expect(page).toHaveURL(MANAGE_URL);
    await expect(page.getByText('Votre comité est public.')).toBeVisible();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByText('13100 Aix-en-Provence').first()).toBeVisible();
    // Members are cards on a phone, nothing off to the side.
    const members = page.getByRole('list', { name: `Membres de ${name}` });
    await expect(members.getByRole('listitem')).toHaveCount(1);
    await expectNoHorizontalScroll(page, 360);
  });
});
