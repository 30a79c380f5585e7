import { expect, test, uniq } from './support/fixtures.ts';

test('staff configure an election; the western overseas territories vote a day earlier', async ({
  adminPage: page,
}) => {
  const name = `Présidentielle ${uniq()}`;
  await page.goto('/hq/people');
  await page.getByRole('link', { name: 'Élections' }).click();
  await expect(
    page.getByRole('heading', { name: 'Élections et silence électoral', level: 1 }),
  ).toBeVisible();

  await page.getByRole('textbox', { name: 'Nom de l’élection' }).fill(name);
  const days = page.getByRole('textbox', { name: 'Jour du scrutin (métropole)' });
  await days.first().fill('11/04/2032');
  await page.getByRole('button', { name: 'Ajouter un tour' }).click();
  // A second round before the first is refused, under its date, and nothing is saved.
  await days.nth(1).fill('04/04/2032');
  await page.getByRole('button', { name: 'Enregistrer l’élection' }).click();
  await expect(page.getByText('Chaque tour doit venir après le précédent.')).toBeVisible();
  // Nothing saved (other specs may have elections of their own: this one is not listed).
  await expect(page.getByRole('table', { name: `Tours de ${name}` })).toHaveCount(0);

  await days.nth(1).fill('25/04/2032');
  await page
    .getByRole('textbox', { name: 'Fermeture des bureaux (heure locale)' })
    .nth(1)
    .fill('19:00');
  await page.getByRole('button', { name: 'Enregistrer l’élection' }).click();
  await expect(page.getByText('Élection enregistrée.')).toBeVisible();

  const rounds = page.getByRole('table', { name: `Tours de ${name}` });
  const first = rounds.getByRole('row').filter({ hasText: 'Tour 1' });
  await expect(first).toContainText('11 avr. 2032');
  await expect(first).toContainText('20:00');
  await expect(first).toContainText('Guadeloupe : 10 avr. 2032');
  await expect(first).toContainText('Polynésie française : 10 avr. 2032');
  await expect(first).not.toContainText('La Réunion');
  const second = rounds.getByRole('row').filter({ hasText: 'Tour 2' });
  await expect(second).toContainText('19:00');
  await expect(second).toContainText('Martinique : 24 avr. 2032');

  // The change is in the audit log.
  await page.goto('/admin/audit');
  await expect(
    page.getByRole('table', { name: 'Journal d’audit' }).getByText('Élection ajoutée').first(),
  ).toBeVisible();

  await page.goto('/admin/elections');
  await page.getByRole('button', { name: `Supprimer ${name}` }).click();
  await expect(page.getByText('Élection supprimée.')).toBeVisible();
  await expect(page.getByRole('table', { name: `Tours de ${name}` })).toHaveCount(0);
});
