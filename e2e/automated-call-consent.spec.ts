import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

test('staff record an automated-call consent with its slot and see it in the history', async ({
  adminPage: page,
}) => {
  const lastName = `Automate ${capitalized(uniq())}`;
  await createSupporter(page.request, { firstName: 'Irène', lastName, postalCode: '13001' });
  const name = `Irène ${lastName}`;
  await page.goto(`/hq/people?q=${encodeURIComponent(lastName)}`);
  await page
    .getByRole('table', { name: 'Liste des personnes' })
    .getByRole('link', { name })
    .click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  const consents = page.getByRole('region', { name: 'Consentements' });
  await consents.getByRole('button', { name: 'Enregistrer un consentement reçu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Consentement ou désinscription reçu' });
  await dialog.getByLabel('Canal concerné').selectOption({ label: 'Appels automatisés' });
  // The slot is asked for a consent given only.
  await expect(dialog.getByLabel('À partir de', { exact: true })).toBeHidden();
  await dialog.getByText('Consentement donné', { exact: true }).click();
  await dialog.getByLabel('À partir de', { exact: true }).fill('10:00');
  await dialog.getByLabel('Jusqu’à (exclu)', { exact: true }).fill('09:00');
  await dialog.getByLabel('Reçu par').selectOption({ label: 'téléphone' });
  await dialog
    .getByLabel('Preuve et précisions')
    .fill('Appel du 3 décembre : accepte les messages.');
  await dialog.getByLabel('Référence du texte accepté').fill('TEL-2026-12');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  // Checked before anything is sent, from the contract's slot schema.
  await expect(dialog.getByText('L’heure de fin doit suivre l’heure de début.')).toBeVisible();
  await dialog.getByLabel('Jusqu’à (exclu)', { exact: true }).fill('13:00');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    consents.getByText('Appels automatisés : Consentement donné · reçu par téléphone'),
  ).toBeVisible();
  await expect(consents.getByText('Créneau : lun.–ven., 10:00–13:00')).toBeVisible();
  await expect(consents.getByText('Texte : TEL-2026-12')).toBeVisible();
});

test('a supporter agrees to automated calls within a slot they choose, and withdraws', async ({
  page,
}) => {
  const supporter = await createSupporter(page.request, { postalCode: '13001' });
  await logIn(page.request, supporter.email);
  await page.goto('/me');
  const consents = page.getByRole('region', { name: 'Mes préférences de contact' });
  const automated = consents.getByRole('switch', { name: 'Appels automatisés' });
  // Off by default, said in one sentence.
  await expect(automated).not.toBeChecked();
  await expect(
    consents.getByText(
      'Des messages enregistrés de la campagne, par téléphone, uniquement les jours et aux heures que vous choisissez.',
    ),
  ).toBeVisible();

  await automated.click();
  for (const day of ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'])
    await consents.getByRole('checkbox', { name: day }).uncheck();
  await consents.getByRole('button', { name: 'Accepter dans ce créneau' }).click();
  await expect(consents.getByText('Ce champ est obligatoire.')).toBeVisible();
  await consents.getByRole('checkbox', { name: 'mardi' }).check();
  await consents.getByRole('checkbox', { name: 'jeudi' }).check();
  await consents.getByLabel('À partir de', { exact: true }).fill('18:00');
  await consents.getByLabel('Jusqu’à (exclu)', { exact: true }).fill('20:00');
  await consents.getByRole('button', { name: 'Accepter dans ce créneau' }).click();
  await expect(page.getByText('Préférences enregistrées.')).toBeVisible();
  await expect(consents.getByText('Accepté : mar., jeu., 18:00–20:00.')).toBeVisible();
  await page.reload();
  await expect(automated).toBeChecked();
  await expect(consents.getByText('Accepté : mar., jeu., 18:00–20:00.')).toBeVisible();

  // Withdrawn at once by switching it off.
  await automated.click();
  await expect(automated).not.toBeChecked();
  await expect(page.getByText('Préférences enregistrées.').first()).toBeVisible();
  await page.reload();
  await expect(automated).not.toBeChecked();
  const profile = (await (await page.request.get('/api/me/profile')).json()) as {
    automatedCall: unknown;
  };
  expect(profile.automatedCall).toEqual({ granted: false, slot: null });
});
