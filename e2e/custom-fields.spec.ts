import { createSupporter, expect, test, uniq } from './support/fixtures.ts';

test('staff define a custom field, fill it on a person, filter on it and delete it', async ({
  adminPage: page,
}) => {
  const id = uniq();
  const key = `taille_${id}`;
  // Markup in a label is text: it is shown, never run.
  const label = `Taille <img src=x onerror="window.__xss=1"> ${id}`;
  page.on('dialog', () => {
    throw new Error('a dialog opened: markup ran');
  });
  const person = await createSupporter(page.request, { lastName: `Champs ${id}` });

  await page.goto('/hq/fields');
  await expect(page.getByRole('heading', { name: 'Champs personnalisés', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Nouveau champ' }).click();
  const form = page.getByRole('dialog', { name: 'Nouveau champ' });
  // A bad key is refused with a sentence under the input.
  await form.getByLabel('Clé').fill('Taille T-shirt');
  await form.getByLabel('Libellé en français').fill(label);
  await form.getByLabel('Libellé en anglais').fill(`Size ${id}`);
  await form.getByRole('textbox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Choix' }).click();
  for (const [value, fr] of [
    ['s', 'Petit'],
    ['m', 'Moyen'],
  ]) {
    await form.getByRole('button', { name: 'Ajouter un choix' }).click();
    await form.getByLabel('Valeur').last().fill(value);
    await form.getByLabel('Libellé (fr)').last().fill(fr);
    await form.getByLabel('Libellé (en)').last().fill(fr);
  }
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    form.getByText('Minuscules, chiffres et _, en commençant par une lettre'),
  ).toBeVisible();
  await form.getByLabel('Clé').fill(key);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Champ enregistré.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: key });
  await expect(row.getByText(label)).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

  // On the person's page: choose a value and save it.
  const found = await page.request.get(`/api/people?q=${encodeURIComponent(person.email)}`);
  const personId = ((await found.json()) as { items: Array<{ id: number }> }).items[0].id;
  await page.goto(`/hq/people/${personId}`);
  const section = page.getByRole('region', { name: 'Champs personnalisés' });
  await section.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: 'Moyen' }).click();
  await section.getByRole('button', { name: 'Enregistrer les champs' }).click();
  await expect(page.getByText('Champs enregistrés.')).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Champs personnalisés' })
      .getByRole('textbox', { name: label }),
  ).toHaveValue('Moyen');

  // The people list filtered on the field: the person is found, the chip names the value.
  await page.goto(`/hq/people?q=${encodeURIComponent(`Champs ${id}`)}`);
  await expect(page.getByText('1 personne', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Filtres' }).click();
  const filter = page.getByRole('textbox', { name: label, exact: true });
  await filter.click();
  await page.getByRole('option', { name: 'Petit' }).click();
  await expect(page).toHaveURL(/customFields=/);
  await expect(page.getByText('Aucune personne ne correspond à ces critères.')).toBeVisible();
  await page.getByRole('option', { name: 'Moyen' }).click();
  await expect(page.getByText('1 personne', { exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: /filtres actifs/i })).toContainText('Petit, Moyen');

  // Saved as a segment, the condition is described with the field's label.
  await page.getByRole('button', { name: 'Enregistrer comme segment' }).click();
  const save = page.getByRole('dialog', { name: 'Enregistrer comme segment' });
  await save.getByLabel('Nom du segment').fill(`Tailles ${id}`);
  await save.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(save).toBeHidden();
  await page.goto('/hq/segments');
  await expect(page.getByRole('row').filter({ hasText: `Tailles ${id}` })).toContainText(
    `${label} : Petit, Moyen`,
  );

  // Deleting the field says how many values go, then removes it.
  await page.goto('/hq/fields');
  await page.getByRole('button', { name: `Supprimer le champ ${label}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Supprimer' });
  await expect(confirm).toContainText('efface sa valeur chez 1 personne(s)');
  await confirm.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('Champ supprimé.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: key })).toHaveCount(0);
});
