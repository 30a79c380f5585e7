import { ADMIN_EMAIL } from './support/env.ts';
import { chooseCsv, expect, test, uniq } from './support/fixtures.ts';

test('HQ follows an import on the operations page: who started it, its progress bar, its end', async ({
  adminPage: page,
}) => {
  const id = uniq();
  const file = `operations-${id}.csv`;
  const csv = [
    'email,first_name',
    `ines.${id}@example.com,Inès`,
    `jules.${id}@example.com,Jules`,
    '',
  ].join('\n');

  await page.goto('/hq/import');
  await chooseCsv(page, file, csv);
  await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
  await expect(page.getByRole('region', { name: 'Résultat de l’import' })).toBeVisible({
    timeout: 30_000,
  });

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Opérations' })
    .click();
  await expect(page).toHaveURL(/\/hq\/operations$/);
  await expect(page.getByRole('heading', { name: 'Opérations', level: 1 })).toBeVisible();
  const row = page
    .getByRole('table', { name: 'Opérations' })
    .getByRole('row')
    .filter({ hasText: file });
  await expect(row).toContainText('Import de contacts');
  await expect(row).toContainText('Terminée');
  // Started by the administrator (no name given: their email).
  await expect(row).toContainText(ADMIN_EMAIL);
  const bar = row.getByRole('progressbar', { name: `Avancement de « ${file} »` });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
});

test('HQ cancels a running import from the operations page; it ends cancelled', async ({
  adminPage: page,
}) => {
  const id = uniq();
  const file = `operations-annule-${id}.csv`;
  // Big enough to be still running when the button is pressed (as in import.spec.ts).
  const rows = Array.from({ length: 20_000 }, (_, i) => `op${i}.${id}@example.com;Annulé${i}`);
  await page.goto('/hq/import');
  await chooseCsv(page, file, ['Courriel;Nom', ...rows, ''].join('\n'));
  const start = page.getByRole('button', { name: /^Importer 20.000 lignes$/ });
  await expect(start).toBeEnabled({ timeout: 30_000 });
  await start.click();
  await expect(page.getByRole('region', { name: 'Import en cours' })).toBeVisible();

  await page.goto('/hq/operations');
  const row = page
    .getByRole('table', { name: 'Opérations' })
    .getByRole('row')
    .filter({ hasText: file });
  await row.getByRole('button', { name: `Annuler « ${file} »` }).click();
  await expect(row).toContainText('Annulée', { timeout: 60_000 });
  await expect(row.getByRole('button', { name: `Annuler « ${file} »` })).toHaveCount(0);

  // Nobody from the file is left among people.
  const found = await page.request.get(`/api/people?q=${encodeURIComponent(id)}`);
  expect(found.ok()).toBe(true);
  expect(((await found.json()) as { items: unknown[] }).items).toEqual([]);
});
