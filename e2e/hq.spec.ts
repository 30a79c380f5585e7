import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';
import { ADMIN_EMAIL, DEMO_PEOPLE, fromSetup } from './support/env.ts';

test('an administrator logs in with the one-time link and works the people database', async ({
  page,
}) => {
  const id = uniq();
  const lastName = `Ébrard ${capitalized(id)}`;
  const name = `Hélène ${lastName}`;
  const tag = `bénévole ${id}`;
  const segment = `Ébrard ${id}`;
  await createSupporter(page.request, { firstName: 'Hélène', lastName, postalCode: '59000' });

  // The link printed by `levier admin create` logs in once, and staff land in HQ.
  const link = fromSetup('adminLink');
  await page.goto(link);
  await expect(page).toHaveURL(/\/hq\/people$/);
  await expect(page.getByRole('heading', { name: 'Personnes', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu du compte' })).toContainText(ADMIN_EMAIL);

  // People list: an accent-insensitive search among the demo campaign.
  await page.getByRole('button', { name: 'Menu du compte' }).click();
  await page.getByRole('menuitem', { name: 'Personnes' }).click();
  await expect(page.getByRole('heading', { name: 'Personnes', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Liste des personnes' });
  await expect(table.getByRole('row')).toHaveCount(51); // header + a page of 50
  await page.getByLabel('Rechercher').fill(`helene ebrard ${id.toUpperCase()}`);
  await expect(page).toHaveURL(/[?&]q=helene/);
  await expect(page.getByText('1 personne', { exact: true })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);

  // Narrowed to départements: Paris and hers (Nord) keep her, Paris alone does not.
  await page.getByRole('button', { name: 'Filtres' }).click();
  const departements = page.getByRole('textbox', { name: 'Départements' });
  await departements.click();
  await departements.fill('Paris');
  await page.getByRole('option', { name: '75 · Paris' }).click();
  await departements.fill('Nord');
  await page.getByRole('option', { name: '59 · Nord' }).click();
  await expect(page).toHaveURL(/departementCodes=75(%2C|,)59/);
  await expect(page.getByText('1 personne', { exact: true })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await departements.press('Backspace'); // removes the last one chosen: Nord
  await expect(page).toHaveURL(/departementCodes=75(&|$)/);
  await expect(page.getByText('Aucune personne ne correspond à ces critères.')).toBeVisible();
  await departements.press('Backspace');
  await expect(page).not.toHaveURL(/departementCodes/);
  await expect(table.getByRole('row')).toHaveCount(2);

  // Communes are searched by name, accents and hyphens aside; the chip names them.
  const communes = page.getByRole('textbox', { name: 'Communes' });
  await communes.fill('saint etienne');
  await page.getByRole('option', { name: 'Saint-Étienne (42)', exact: true }).click();
  await expect(page).toHaveURL(/communeCodes=42218(&|$)/);
  await expect(page.getByText('Aucune personne ne correspond à ces critères.')).toBeVisible();
  await communes.fill('lille');
  await page.getByRole('option', { name: 'Lille (59)', exact: true }).click();
  await expect(page).toHaveURL(/communeCodes=42218(%2C|,)59350/);
  await expect(page.getByText('1 personne', { exact: true })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  const communeChip = 'Communes : Saint-Étienne (42), Lille (59)';
  await expect(page.getByText(communeChip, { exact: true })).toBeVisible();
  // From the address alone (a shared link), the names come back.
  await page.reload();
  await expect(page.getByText(communeChip, { exact: true })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: `Retirer le filtre « ${communeChip} »` }).click();
  await expect(page).not.toHaveURL(/communeCodes/);
  await expect(table.getByRole('row')).toHaveCount(2);

  // Dates are typed the French way, whatever the browser's language.
  const since = page.getByRole('textbox', { name: 'Inscrit à partir du' });
  await since.fill('01/01/2020');
  await expect(page).toHaveURL(/createdFrom=2020-01-01/);
  await expect(table.getByRole('row')).toHaveCount(2);
  const until = page.getByRole('textbox', { name: 'Inscrit jusqu’au' });
  await until.fill('31/12/2020');
  await expect(page).toHaveURL(/createdTo=2020-12-31/);
  await expect(page.getByText('Aucune personne ne correspond à ces critères.')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer la date' }).last().click();
  await page.getByRole('button', { name: 'Effacer la date' }).click();
  await expect(page).not.toHaveURL(/created(From|To)/);
  await expect(table.getByRole('row')).toHaveCount(2);

  // Save the search as a segment.
  await page.getByRole('button', { name: 'Enregistrer comme segment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer comme segment' });
  // Saving without a name points at the empty field.
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByLabel('Nom du segment')).toBeFocused();
  await expect(dialog.getByLabel('Nom du segment')).toHaveAccessibleDescription(
    'Ce champ est obligatoire.',
  );
  await dialog.getByLabel('Nom du segment').fill(segment);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`Segment « ${segment} » enregistré.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  // The person's page: timeline, then a tag.
  await table.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('Confirmé', { exact: true })).toBeVisible();
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history.getByText('Inscription', { exact: true })).toBeVisible();
  await expect(history.getByText('Inscription confirmée', { exact: true })).toBeVisible();
  const tags = page.getByRole('region', { name: 'Étiquettes' });
  await tags.getByRole('textbox', { name: 'Étiquettes' }).fill(tag);
  await tags.getByRole('textbox', { name: 'Étiquettes' }).press('Enter');
  await tags.getByRole('button', { name: 'Enregistrer les étiquettes' }).click();
  await expect(page.getByText('Étiquettes enregistrées.')).toBeVisible();
  await expect(history.getByText('Étiquettes modifiées', { exact: true })).toBeVisible();
  await page.reload();
  await expect(tags.getByText(tag, { exact: true })).toBeVisible();

  // People she recruited: the chip names her.
  const personId = /\/hq\/people\/(\d+)$/.exec(page.url())![1];
  await page.goto(`/hq/people?recruitedBy=${personId}`);
  await expect(page.getByText(`Recrutés par ${name}`, { exact: true })).toBeVisible();
  await expect(page.getByText('Aucune personne ne correspond à ces critères.')).toBeVisible();

  // The segment lists them.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Segments' }).click();
  const row = page
    .getByRole('table', { name: 'Segments' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: segment, exact: true }) });
  // (The "Personnes" column shows "—": the server does not count segments yet.)
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: 'Ouvrir' }).click();
  await expect(page.getByText(`Segment : ${segment}`)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name })).toBeVisible();

  // Statistics: cards and a drawn chart.
  await nav.getByRole('link', { name: 'Statistiques' }).click();
  await expect(page.getByRole('heading', { name: 'Statistiques de recrutement' })).toBeVisible();
  const chart = page.getByRole('img', {
    name: /^Graphique : [\d\s\u202f]+ inscriptions sur \d+ jours\.$/,
  });
  await expect(chart.locator('svg path.recharts-area-area').first()).toBeAttached();
  const label = (await chart.getAttribute('aria-label')) ?? '';
  expect(
    Number(/: ([\d\s\u202f]+) inscriptions/.exec(label)![1].replace(/\D/g, '')),
  ).toBeGreaterThan(DEMO_PEOPLE / 2);

  // Mail went over SMTP, so the development catcher holds nothing.
  await page.goto('/admin/mail');
  await expect(
    page.getByRole('heading', { name: 'Courriels envoyés (développement)' }),
  ).toBeVisible();
  await expect(page.getByText('Aucun courriel.')).toBeVisible();

  // The audit log lists the role given by `levier admin create`. It is among the oldest
  // entries, and the specs running beside this one keep adding newer ones: find its page
  // through the API, open that page, and look again if new entries moved it meanwhile.
  const audit = page.getByRole('table', { name: 'Journal d’audit' });
  const granted = audit
    .getByRole('row')
    .filter({ hasText: 'Rôles d’un compte modifiés' })
    .filter({ hasText: 'Rôles : Administrateur' });
  await expect(async () => {
    type AuditPage = { total: number; items: Array<{ action: string; details: unknown }> };
    const read = async (n: number) =>
      (await (await page.request.get(`/api/admin/audit?page=${n}`)).json()) as AuditPage;
    let n = Math.max(1, Math.ceil((await read(1)).total / 50));
    while (
      n > 1 &&
      !(await read(n)).items.some(
        (e) => e.action === 'account.roles' && JSON.stringify(e.details).includes('admin'),
      )
    )
      n -= 1;
    await page.goto(`/admin/audit?page=${n}`);
    await expect(granted).not.toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });

  // The link was single-use.
  const again = await page
    .context()
    .browser()!
    .newPage({ baseURL: fromSetup('baseURL') });
  await again.goto(link);
  await expect(again.getByRole('alert')).toContainText('Lien de connexion expiré ou invalide');
  await again.close();
});

test('a supporter is refused the HQ pages and API', async ({ page }) => {
  const supporter = await createSupporter(page.request);
  await logIn(page.request, supporter.email);
  for (const path of ['/hq/people', '/hq/stats', '/admin/audit']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toContainText('Accès refusé');
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeEmpty();
  const response = await page.request.get('/api/people');
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ code: 'forbidden' });
  expect((await page.request.get('/api/stats/recruitment')).status()).toBe(403);
});

test('a finance officer reads the people list without the buttons of rights they lack', async ({
  page,
  adminPage,
}) => {
  const officer = await createSupporter(page.request);
  const session = (await (await adminPage.request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const granted = await adminPage.request.post('/api/admin/accounts', {
    data: { email: officer.email, roles: ['finance'] },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(granted.status(), await granted.text()).toBe(200);
  await logIn(page.request, officer.email);

  await page.goto('/hq/people');
  const table = page.getByRole('table', { name: 'Liste des personnes' });
  await expect(table.getByRole('row')).toHaveCount(51);
  for (const name of ['Enregistrer comme segment', 'Exporter en CSV', /^Étiqueter/]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  }
  await expect(table.getByRole('checkbox')).toHaveCount(0);
  // The refusal is the server's too.
  const own = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const refused = await page.request.post('/api/segments', {
    data: { name: 'Finance', filter: { sources: ['signup'] } },
    headers: { 'x-csrf-token': own.csrfToken },
  });
  expect(refused.status()).toBe(403);
});

test('adding a staff account without an e-mail points at the empty field', async ({
  adminPage: page,
}) => {
  await page.goto('/admin/accounts');
  await page.getByRole('button', { name: 'Ajouter un compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter un compte d’équipe' });
  await dialog.getByRole('button', { name: 'Ajouter un compte' }).click();
  const email = dialog.getByLabel('Adresse e-mail', { exact: true });
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription(/Ce champ est obligatoire\./);
  await email.fill('pas-une-adresse');
  await dialog.getByRole('button', { name: 'Ajouter un compte' }).click();
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription(/n’est pas valide/);
});

test('active filters stay visible as removable chips with the panel closed', async ({
  adminPage: page,
}) => {
  await page.goto('/hq/people?departementCodes=75&consentEmail=yes&sources=signup');
  const filters = page.getByRole('button', { name: 'Filtres', exact: true });
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('region', { name: 'Filtres' })).toHaveCount(0);
  const chips = page.getByRole('group', { name: 'Filtres actifs' });
  for (const chip of ['Départements : 75 · Paris', 'Accepte les e-mails : Oui', 'Origines : ']) {
    await expect(chips.getByText(chip)).toBeVisible();
  }
  await chips
    .getByRole('button', { name: 'Retirer le filtre « Accepte les e-mails : Oui »' })
    .click();
  await expect(page).not.toHaveURL(/consentEmail/);
  await expect(page).toHaveURL(/departementCodes=75/);
  await expect(chips.getByText('Accepte les e-mails : Oui')).toHaveCount(0);
  await expect(chips.getByText('Départements : 75 · Paris')).toBeVisible();
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
});

test('tagging everyone a large filter matches asks for a confirmation naming the count', async ({
  adminPage: page,
}) => {
  // The demo campaign of the end-to-end runs is small: its list is answered as a large one.
  await page.route('**/api/people?*', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    await route.fulfill({
      response,
      json: { ...body, total: 12_345, totalIsEstimate: true, totalIsLowerBound: false },
    });
  });
  await page.goto('/hq/people');
  await expect(page.getByText('Environ 12 345 personnes', { exact: true })).toBeVisible();
  await page
    .getByRole('button', { name: 'Étiqueter toutes les personnes correspondantes' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Étiquettes' });
  await expect(
    dialog.getByText('Toutes les personnes correspondant aux filtres (environ 12 345)'),
  ).toBeVisible();
  const confirmation = dialog.getByRole('checkbox', {
    name: 'Je confirme : ce changement touche environ 12 345 personnes.',
  });
  const apply = dialog.getByRole('button', { name: 'Appliquer' });
  await confirmation.check();
  const tags = dialog.getByRole('textbox', { name: 'Étiquettes à ajouter' });
  await tags.fill(`large ${uniq()}`);
  await tags.press('Enter');
  await expect(apply).toBeEnabled();
  // Enter closed the suggestions: the box below is there to click again.
  await expect(dialog.getByText(`large `, { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('listbox')).toBeHidden();
  await confirmation.click();
  await expect(confirmation).not.toBeChecked();
  await expect(apply).toBeDisabled();
});

test('phones, segment dates and the save-as-segment button read the way people expect', async ({
  adminPage: page,
}) => {
  // 061… is a mainland mobile range (0639, 0690–0697 belong to overseas départements).
  const digits = `1${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const national = `06 ${digits.match(/../g)!.join(' ')}`;
  const person = await createSupporter(page.request, { phone: `+336${digits}` });
  const name = `${person.firstName} ${person.lastName}`;

  // With no filter nor search there is nothing to save, and the button says so to the keyboard.
  await page.goto('/hq/people');
  const save = page.getByRole('button', { name: 'Enregistrer comme segment' });
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(save).toHaveAccessibleDescription('Choisissez d’abord un filtre ou une recherche.');
  await page.getByLabel('Rechercher').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(save).toBeFocused();
  await expect(page.getByRole('tooltip')).toHaveText(
    'Choisissez d’abord un filtre ou une recherche.',
  );
  await save.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The list and the person's page write French numbers the national way.
  await page.getByLabel('Rechercher').fill(person.lastName);
  const table = page.getByRole('table', { name: 'Liste des personnes' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(save).not.toHaveAttribute('aria-disabled');
  const row = table.getByRole('row').nth(1);
  await expect(row.getByText(national, { exact: true })).toBeVisible();
  await expect(row).not.toContainText('+33');
  await row.getByRole('link', { name }).click();
  const contact = page.getByRole('region', { name: 'Coordonnées' });
  await expect(contact.getByText(national, { exact: true })).toBeVisible();

  // Segment criteria show days as days, in each language.
  const session = (await (await page.request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const segment = `Dates ${uniq()}`;
  const created = await page.request.post('/api/segments', {
    data: { name: segment, filter: { createdFrom: '2026-11-13', createdTo: '2026-12-01' } },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(created.status(), await created.text()).toBe(200);
  await page.goto('/hq/segments');
  const segmentRow = page
    .getByRole('table', { name: 'Segments' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: segment, exact: true }) });
  await expect(segmentRow).toContainText(
    'Inscrit à partir du : 13 nov. 2026 · Inscrit jusqu’au : 1 déc. 2026',
  );
  await expect(segmentRow).not.toContainText('2026-11-13');
  await page.getByText('EN', { exact: true }).click();
  await expect(segmentRow).toContainText(
    'Signed up from: 13 Nov 2026 · Signed up until: 1 Dec 2026',
  );
});
