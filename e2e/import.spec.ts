import type { Locator } from '@playwright/test';
import { capitalized, chooseCsv, expect, logIn, test, uniq } from './support/fixtures.ts';

/** The figure under a count's label ("Lignes", "Valides"…). */
const figure = (scope: Locator, label: string) =>
  scope.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');

test('HQ imports a CSV: mapping preview, a row error, valid rows applied, people listed', async ({
  adminPage: page,
  request,
}) => {
  const id = uniq();
  const family = capitalized(id);
  const wording = `pétition-${id}-v3`;
  // Excel-style French CSV: semicolons, accents, one bad email, one column to ignore.
  const csv = [
    'Prénom;Nom;Courriel;Code postal;Téléphone;Remarque;Consentement email',
    `Amélie;Durand ${family};amelie.${id}@example.com;44000;06 39 98 00 01;vue au marché;oui`,
    `Bruno;Marchal ${family};pas-une-adresse;59000;;;non`,
    `Chloé;N'Diaye ${family};chloe.${id}@example.com;38000;;;`,
    // Chloé again: merged into line 4 with a warning, not an error.
    `;;chloe.${id}@example.com;;;;oui`,
    '',
  ].join('\r\n');

  await page.goto('/hq/import');
  await expect(
    page.getByRole('heading', { name: 'Importer des personnes', level: 1 }),
  ).toBeVisible();
  await chooseCsv(page, `contacts-${id}.csv`, csv);

  // Preview: the columns are recognised, the bad row is reported, nothing is applied yet.
  const mapping = page.getByRole('table', { name: 'Correspondance des colonnes' });
  await expect(mapping).toBeVisible();
  const expected: Array<[string, string]> = [
    ['Prénom', 'firstName'],
    ['Nom', 'lastName'],
    ['Courriel', 'email'],
    ['Code postal', 'postalCode'],
    ['Téléphone', 'phone'],
    ['Remarque', ''],
    ['Consentement email', 'consentEmail'],
  ];
  for (const [column, field] of expected) {
    await expect(mapping.getByLabel(`Champ pour la colonne « ${column} »`)).toHaveValue(field);
  }
  await expect(mapping.getByRole('row').filter({ hasText: 'Courriel' })).toContainText(
    `amelie.${id}@example.com`,
  );
  const counts = page.getByRole('region', { name: 'Correspondance des colonnes' });
  await expect(figure(counts, 'Lignes')).toHaveText('4');
  await expect(figure(counts, 'Valides')).toHaveText('3');
  await expect(figure(counts, 'En erreur')).toHaveText('1');
  await expect(figure(counts, 'Déjà connues')).toHaveText('0');
  // Warnings are counted apart from errors: a row with a warning is imported.
  await expect(figure(counts, 'Avertissements')).toHaveText('1');
  const errors = page.getByRole('table', { name: 'Erreurs et avertissements' });
  await expect(errors.getByRole('row')).toHaveCount(3);
  const refused = errors.getByRole('row').filter({ hasText: 'pas-une-adresse' });
  await expect(refused).toContainText('« pas-une-adresse » n’est pas une adresse e-mail valide.');
  await expect(refused.getByRole('cell').nth(0)).toHaveText('3');
  await expect(refused.getByRole('cell').nth(1)).toHaveText('Erreur');
  const warned = errors.getByRole('row').filter({ hasText: 'Même personne' });
  await expect(warned.getByRole('cell').nth(0)).toHaveText('5');
  await expect(warned.getByRole('cell').nth(1)).toHaveText('Avertissement');

  // Import is blocked until the valid rows alone are chosen.
  const start = page.getByRole('button', { name: 'Importer 3 lignes' });
  await expect(start).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Importer quand même les 3 lignes valides' }).check();
  // The consents given in the file are recorded with the wording these people agreed to.
  await page
    .getByRole('textbox', { name: 'Version ou référence du texte de consentement' })
    .fill(wording);
  await start.click();

  // Result page.
  const result = page.getByRole('region', { name: 'Résultat de l’import' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByRole('status')).toHaveText('Import terminé.');
  await expect(figure(result, 'Créées')).toHaveText('2');
  await expect(figure(result, 'En erreur')).toHaveText('1');
  await expect(figure(result, 'Complétées')).toHaveText('0');
  await expect(result.getByRole('link', { name: 'Télécharger les erreurs (CSV)' })).toBeVisible();

  // The import is listed among previous imports, with its counts.
  const history = page.getByRole('table', { name: 'Imports précédents' });
  const listed = history.getByRole('row').filter({ hasText: `contacts-${id}.csv` });
  await expect(listed).toContainText('Appliqué');
  await expect(listed.getByRole('link', { name: '1' })).toHaveAttribute(
    'href',
    /\/api\/people\/imports\/\d+\/errors\.csv$/,
  );

  // The people are in the list, with "Import" as their origin.
  await result.getByRole('link', { name: 'Voir les personnes importées' }).click();
  await expect(page).toHaveURL(/\/hq\/people\?sources=import/);
  await page.getByLabel('Rechercher').fill(family);
  const table = page.getByRole('table', { name: 'Liste des personnes' });
  await expect(table.getByRole('row')).toHaveCount(3);
  for (const name of [`Amélie Durand ${family}`, `Chloé N'Diaye ${family}`]) {
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(row).toContainText('Import');
  }
  await expect(table).not.toContainText('Bruno');
  await expect(table.getByRole('row').filter({ hasText: `Amélie Durand ${family}` })).toContainText(
    '06 39 98 00 01',
  );

  // Her page says where she came from: the import, with its file.
  await page.getByRole('link', { name: `Amélie Durand ${family}` }).click();
  const timeline = page.getByRole('region', { name: 'Historique' });
  await expect(timeline).toContainText('Importé');
  await expect(timeline).toContainText(`Fichier : contacts-${id}.csv`);
  await expect(timeline).toContainText('Fiche créée par l’import');

  // Her consent history (what she downloads from her space) names that wording.
  await logIn(request, `amelie.${id}@example.com`);
  const data = (await (await request.get('/api/me/export')).json()) as {
    consents: { history: Array<Record<string, unknown>> };
  };
  expect(data.consents.history).toEqual([
    expect.objectContaining({
      channel: 'email',
      granted: true,
      source: 'import',
      wordingVersion: wording,
    }),
  ]);
});

test('HQ cancels a running import: nothing of it stays, the history says so', async ({
  adminPage: page,
}) => {
  const id = uniq();
  // Big enough to be still running when the button is pressed.
  const rows = Array.from({ length: 20_000 }, (_, i) => `cancel${i}.${id}@example.com;Annulé${i}`);
  const csv = ['Courriel;Nom', ...rows, ''].join('\n');

  await page.goto('/hq/import');
  await chooseCsv(page, `annule-${id}.csv`, csv);
  const start = page.getByRole('button', { name: /^Importer 20.000 lignes$/ });
  await expect(start).toBeEnabled({ timeout: 30_000 });
  await start.click();

  const running = page.getByRole('region', { name: 'Import en cours' });
  await running.getByRole('button', { name: 'Annuler l’import' }).click();
  const result = page.getByRole('region', { name: 'Résultat de l’import' });
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByRole('status').first()).toHaveText(
    'Import annulé : ce qu’il avait appliqué a été retiré.',
  );
  await expect(figure(result, 'Créées')).toHaveText('0');
  const history = page.getByRole('table', { name: 'Imports précédents' });
  await expect(history.getByRole('row').filter({ hasText: `annule-${id}.csv` })).toContainText(
    'Annulé',
  );

  // Nobody from the file is left among people.
  const found = await page.request.get(`/api/people?q=${encodeURIComponent(id)}`);
  expect(found.ok()).toBe(true);
  expect(((await found.json()) as { items: unknown[] }).items).toEqual([]);
});
