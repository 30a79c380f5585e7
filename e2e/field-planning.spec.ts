// Door-to-door planning at HQ: a staff member imports the official files (results by polling
// station, INSEE's polling-station addresses, BAN addresses), reads their reports, sets the
// targeting, chooses an area of communes, cuts it into turfs, renames and merges turfs, reads a
// walk list and downloads its PDF. The campaign is shared with specs running in parallel: every
// name here is unique, and nothing assumes an empty list.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { importThroughForm } from './support/field.ts';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  test,
  uniq,
} from './support/fixtures.ts';

const fixtures = {
  results: 'src/server/features/field/results/fixtures/presidentielle-2022-t1-burvot.txt',
  reu: 'src/server/features/field/stations/fixtures/table-adresses-reu.csv',
  addresses: 'src/server/features/field/addresses/fixtures/adresses-france.csv',
};

/** A supporter given the staff role by the administrator, logged in. */
async function staffMember(page: Page, adminPage: Page) {
  const staff = await createSupporter(page.request, { firstName: 'Léonie' });
  const granted = await adminPage.request.post('/api/admin/accounts', {
    data: { email: staff.email, roles: ['staff'] },
    headers: await csrfHeaders(adminPage.request),
  });
  expect(granted.status(), await granted.text()).toBe(200);
  await logIn(page.request, staff.email);
  return staff;
}

/** A committee the staff member creates (any supporter may), to give a turf to. */
async function committee(page: Page, name: string): Promise<void> {
  const created = await page.request.post('/api/committees', {
    data: { name, place: { postalCode: '01500' } },
    headers: await csrfHeaders(page.request),
  });
  expect(created.status(), await created.text()).toBe(201);
}

/** Sends an official fixture from the overview's form (kind, label, file), its report once read. */
async function importFile(page: Page, kind: RegExp, path: string, label?: string) {
  return importThroughForm(
    page,
    kind,
    { name: path.split('/').pop()!, buffer: await readFile(path) },
    label
      ? (form) => form.getByRole('textbox', { name: 'Nom de l’élection' }).fill(label)
      : undefined,
  );
}

test('staff imports the official files, targets, chooses an area, cuts it into turfs and prints a walk list', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(240_000);
  const staff = await staffMember(page, adminPage);
  const committeeName = `Comité du Bugey ${capitalized(uniq())}`;
  await committee(page, committeeName);
  const election = `Présidentielle ${capitalized(uniq())}, 1er tour`;
  const areaName = `Zone Bugey ${capitalized(uniq())}`;

  await test.step('the menu leads to the door-to-door overview', async () => {
    await page.goto('/hq/people');
    await page.getByRole('link', { name: 'Porte-à-porte' }).click();
    await expect(page.getByRole('heading', { name: 'Porte-à-porte', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ciblage', exact: true })).toBeVisible();
  });

  await test.step('a results file needs its election’s name', async () => {
    const form = page.getByRole('region', { name: 'Importer un fichier' });
    await form.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect(form.getByText('Nommez l’élection de ce fichier de résultats.')).toBeVisible();
    await expect(form.getByText('Choisissez le fichier à importer.')).toBeVisible();
  });

  await test.step('the three files are read, each with its report', async () => {
    const results = await importFile(
      page,
      /^Résultats par bureau de vote/,
      fixtures.results,
      election,
    );
    await expect(results.getByText(election, { exact: false })).toBeVisible();
    await expect(results.getByText('Lignes lues')).toBeVisible();
    await expect(results.getByText('Français de l’étranger')).toBeVisible();

    const reu = await importFile(page, /^Adresses des bureaux de vote/, fixtures.reu);
    await expect(reu.getByText('Bureaux de vote', { exact: true })).toBeVisible();
    await expect(reu.getByText('Rattachées par le REU')).toBeVisible();

    const addresses = await importFile(
      page,
      /^Adresses \(Base Adresse Nationale/,
      fixtures.addresses,
    );
    await expect(addresses.getByText('Enregistrées', { exact: true })).toBeVisible();
    await expect(addresses.getByText('Sans bureau')).toBeVisible();
    // Lines without a position are reported with their line numbers.
    await expect(
      addresses.getByRole('table', { name: 'Lignes écartées ou corrigées' }),
    ).toBeVisible();
  });

  await test.step('the targeting: election, candidate, a formula checked as it is typed', async () => {
    await page.getByRole('tab', { name: 'Ciblage' }).click();
    await expect(page.getByRole('heading', { name: 'Ciblage', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Élection' }).click();
    await page.getByRole('option', { name: new RegExp(`^${election}`) }).click();
    await page.getByRole('textbox', { name: 'Candidat' }).click();
    await page.getByRole('option', { name: /MACRON/ }).click();
    const formula = page.getByRole('textbox', { name: 'Formule de priorité' });
    await formula.fill('inscrits * foo');
    await expect(page.getByText('Nom inconnu (position 12, « foo »)')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Enregistrer le ciblage' })).toBeDisabled();
    await page.getByRole('button', { name: /^Par défaut/ }).click();
    await expect(formula).toHaveValue('inscrits * abstention * score');
    await page.getByRole('button', { name: 'Enregistrer le ciblage' }).click();
    await expect(page.getByText('Ciblage enregistré : les bureaux sont reclassés.')).toBeVisible();
    const saved = (await (await page.request.get('/api/field/targeting')).json()) as {
      choice: { kind: string; panel: number };
      formula: string;
    };
    expect(saved.choice).toEqual({ kind: 'candidate', panel: 3 });
  });

  await test.step('the stations of the Ain by priority; two communes become an area', async () => {
    await page.getByRole('textbox', { name: 'Département' }).fill('Ain');
    await page.getByRole('option', { name: '01 · Ain' }).click();
    const table = page.getByRole('table', { name: 'Bureaux de vote par priorité' });
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(
      page.getByRole('application', { name: 'Carte des bureaux de vote' }),
    ).toHaveAttribute('data-ready', 'true');
    // A station ticked, then the choice made by commune instead.
    await table.getByRole('checkbox', { name: /^Choisir le bureau 01004_0001/ }).check();
    await expect(page.getByTestId('area-choice')).toHaveText(/^1 bureau choisi/);
    await page.getByText('Communes', { exact: true }).click();
    await table.getByRole('checkbox', { name: /bureau 01004_0002\)$/ }).check();
    await expect(table.getByRole('checkbox', { name: /bureau 01004_0001\)$/ })).toBeChecked();
    await table.getByRole('checkbox', { name: /bureau 01001_0001\)$/ }).check();
    await expect(page.getByTestId('area-choice')).toHaveText(/^2 communes choisies/);
    await page.getByRole('button', { name: 'Créer une zone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Créer une zone' });
    await dialog.getByRole('textbox', { name: 'Nom de la zone' }).fill(areaName);
    await dialog.getByRole('button', { name: 'Créer la zone' }).click();
    await expect(page).toHaveURL(/\/hq\/field\/areas\/\d+$/);
    await expect(page.getByRole('heading', { name: areaName, level: 1 })).toBeVisible();
    await expect(page.getByText(/^2 communes · \d+ adresses · 0 secteurs$/)).toBeVisible();
  });

  const turfs = page.getByRole('table', { name: 'Secteurs de la zone' });
  await test.step('the area is cut into turfs of 5 to 8 addresses', async () => {
    await page.getByRole('textbox', { name: 'Adresses par secteur, au moins' }).fill('5');
    await page.getByRole('textbox', { name: 'Adresses par secteur, au plus' }).fill('8');
    await page.getByRole('button', { name: 'Découper' }).click();
    await expect(page.getByText(/^\d+ secteurs créés\.$/)).toBeVisible();
    expect(await turfs.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole('application', { name: 'Carte des secteurs' })).toHaveAttribute(
      'data-ready',
      'true',
    );
  });

  const renamed = `Secteur des Tilleuls ${capitalized(uniq())}`;
  await test.step('a turf is renamed and given to a committee and a volunteer', async () => {
    await turfs
      .getByRole('button', { name: /^Modifier le secteur/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /^Secteur « / });
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(renamed);
    await dialog.getByRole('textbox', { name: 'Comité' }).fill(committeeName.split(' ').pop()!);
    await page.getByRole('option', { name: new RegExp(`^${committeeName}`) }).click();
    await dialog.getByRole('textbox', { name: 'Bénévoles' }).fill(staff.lastName);
    await page.getByRole('option', { name: new RegExp(staff.lastName) }).click();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
    const row = turfs.getByRole('row').filter({ hasText: renamed });
    await expect(row.getByRole('checkbox', { name: `Cocher le secteur ${renamed}` })).toBeVisible();
    await expect(row).toContainText(committeeName);
    await expect(row).toContainText(`${staff.firstName} ${staff.lastName}`);
  });

  await test.step('the walk list, on the page and as a PDF', async () => {
    await turfs.getByRole('button', { name: `Liste de marche du secteur ${renamed}` }).click();
    const drawer = page.getByRole('dialog', { name: `Liste de marche : ${renamed}` });
    const addresses = drawer.getByRole('table', { name: 'Adresses dans l’ordre du parcours' });
    await expect(addresses.getByRole('row').nth(1)).toBeVisible();
    expect(await addresses.getByRole('row').count()).toBeGreaterThan(2);
    await expect(addresses.getByText('Pas encore').first()).toBeVisible();

    const downloading = page.waitForEvent('download');
    await drawer.getByRole('link', { name: 'Télécharger le PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^liste-de-marche-\d+\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await drawer.getByRole('button', { name: 'Fermer' }).click();
    await expect(drawer).toBeHidden();
  });

  await test.step('the areas list counts its turfs', async () => {
    await page.getByRole('tab', { name: 'Zones et secteurs' }).click();
    const areas = page.getByRole('table', { name: 'Zones' });
    const row = areas.getByRole('row').filter({ hasText: areaName });
    await expect(row).toContainText('2 communes');
    await row.getByRole('link', { name: areaName }).click();
    await expect(page.getByRole('heading', { name: areaName, level: 1 })).toBeVisible();
  });

  await test.step('a turf is split in two, and the two merged again', async () => {
    const rows = await turfs.getByRole('row').count();
    await turfs.getByRole('button', { name: `Diviser le secteur ${renamed}` }).click();
    await page
      .getByRole('dialog', { name: 'Diviser le secteur ?' })
      .getByRole('button', { name: 'Diviser' })
      .click();
    await expect(turfs.getByRole('row')).toHaveCount(rows + 1);
    const first = `${renamed} (1)`;
    await turfs.getByRole('checkbox', { name: `Cocher le secteur ${first}` }).check();
    await turfs.getByRole('checkbox', { name: `Cocher le secteur ${renamed} (2)` }).check();
    await page.getByRole('button', { name: 'Fusionner (2)' }).click();
    await page
      .getByRole('dialog', { name: 'Fusionner les secteurs ?' })
      .getByRole('button', { name: 'Fusionner' })
      .click();
    await expect(page.getByText(`Secteurs fusionnés dans « ${first} ».`)).toBeVisible();
    await expect(turfs.getByRole('row')).toHaveCount(rows);
  });
});
