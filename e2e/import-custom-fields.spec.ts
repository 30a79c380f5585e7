import type { Page } from '@playwright/test';
import { capitalized, chooseCsv, expect, test, uniq } from './support/fixtures.ts';

interface NewField {
  key: string;
  labelFr: string;
  labelEn: string;
  type: 'text' | 'choice';
  options: Array<{ value: string; labelFr: string; labelEn: string }>;
}

/** Creates a custom field as staff do, through the API with the page's CSRF token. */
async function createField(page: Page, field: NewField): Promise<void> {
  const session = (await (await page.request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const response = await page.request.post('/api/custom-fields', {
    data: field,
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test('HQ imports addresses and custom fields: columns mapped by label, a bad choice refused, values on the person', async ({
  adminPage: page,
}) => {
  const id = uniq();
  const family = capitalized(id);
  const team = {
    key: `equipe_${id}`,
    labelFr: `Équipe ${id}`,
    labelEn: `Team ${id}`,
    type: 'text',
    options: [],
  } satisfies NewField;
  const size = {
    key: `taille_${id}`,
    labelFr: `Taille ${id}`,
    labelEn: `Size ${id}`,
    type: 'choice',
    options: [
      { value: 's', labelFr: 'Petit', labelEn: 'Small' },
      { value: 'm', labelFr: 'Moyen', labelEn: 'Medium' },
    ],
  } satisfies NewField;
  await createField(page, team);
  await createField(page, size);

  // The custom columns are headed by the fields' labels; a choice is written by its label or
  // its value, as a spreadsheet would hold it.
  const csv = [
    `email;nom;adresse;${team.labelFr};${size.labelFr}`,
    `ines.${id}@example.com;Ines ${family};12 rue de la Paix;Rouges;moyen`,
    `jules.${id}@example.com;Jules ${family};3 rue du Port;Verts;XXL`,
    `karim.${id}@example.com;Karim ${family};8 avenue Foch;Bleus;s`,
    '',
  ].join('\r\n');

  await page.goto('/hq/import');
  await chooseCsv(page, `champs-${id}.csv`, csv);

  // Mapping step: the address column and the fields' columns are recognised by their headers.
  const mapping = page.getByRole('table', { name: 'Correspondance des colonnes' });
  const expected: Array<[string, string, string]> = [
    ['adresse', 'addressStreet', 'Adresse (numéro et voie)'],
    [team.labelFr, `custom:${team.key}`, `Champ personnalisé : ${team.labelFr}`],
    [size.labelFr, `custom:${size.key}`, `Champ personnalisé : ${size.labelFr}`],
  ];
  for (const [column, value, shown] of expected) {
    const select = mapping.getByLabel(`Champ pour la colonne « ${column} »`);
    await expect(select).toHaveValue(value);
    await expect(select.locator('option:checked')).toHaveText(shown);
  }

  // The choice that is not an option is the one row error; the other rows are valid.
  const errors = page.getByRole('table', { name: 'Erreurs et avertissements' });
  await expect(errors.getByRole('row')).toHaveCount(2);
  const refused = errors.getByRole('row').nth(1);
  await expect(refused).toContainText('XXL');
  await expect(refused.getByRole('cell').nth(0)).toHaveText('3');
  await expect(refused.getByRole('cell').nth(1)).toHaveText('Erreur');
  // Named as in the mapping step, and said in French.
  await expect(refused.getByRole('cell').nth(2)).toHaveText(size.labelFr);
  await expect(refused.getByRole('cell').nth(3)).toHaveText(
    '« XXL » : Ce choix n’existe pas pour ce champ.',
  );

  const start = page.getByRole('button', { name: 'Importer 2 lignes' });
  await expect(start).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Importer quand même les 2 lignes valides' }).check();
  await start.click();

  // Imports run one at a time in the job queue: another spec's import may go first.
  const result = page.getByRole('region', { name: 'Résultat de l’import' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByRole('status')).toHaveText('Import terminé.');

  // The imported people: the refused row is not among them.
  await result.getByRole('link', { name: 'Voir les personnes importées' }).click();
  await page.getByLabel('Rechercher').fill(family);
  const table = page.getByRole('table', { name: 'Liste des personnes' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).not.toContainText('Jules');

  // Her page shows the street and the custom values read from the file.
  await table.getByRole('link', { name: `Ines ${family}` }).click();
  await expect(page.getByRole('region', { name: 'Coordonnées' })).toContainText(
    '12 rue de la Paix',
  );
  const fields = page.getByRole('region', { name: 'Champs personnalisés' });
  await expect(fields.getByRole('textbox', { name: team.labelFr })).toHaveValue('Rouges');
  await expect(fields.getByRole('textbox', { name: size.labelFr })).toHaveValue('Moyen');
});
