import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { capitalized, createSupporter, expect, test, uniq } from './support/fixtures.ts';

/** Opens the person whose unique surname is `lastName`, by searching for it as staff do. */
async function openPerson(page: Page, query: string, name: string) {
  await page.goto(`/hq/people?q=${encodeURIComponent(query)}`);
  await page
    .getByRole('table', { name: 'Liste des personnes' })
    .getByRole('link', { name })
    .click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('staff add a person met at a stall, find them however the name is typed, and edit them', async ({
  adminPage: page,
}) => {
  const id = capitalized(uniq());
  const lastName = `O'Brien ${id}`;
  await page.goto('/hq/people');
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter une personne' });
  await dialog.getByLabel('Prénom').fill('Seán');
  await dialog.getByLabel('Nom de famille').fill(lastName);
  await dialog.getByLabel('Adresse e-mail').fill('not-an-email');
  await dialog.getByLabel('Code postal').fill('69001');
  await expect(dialog.getByText('Commune : Lyon')).toBeVisible();
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Adresse e-mail').fill(`sean.${id.toLowerCase()}@example.org`);
  await dialog.getByLabel('Téléphone mobile').fill('06 44 55 66 77');
  await dialog.getByLabel('Adresse (numéro et voie)').fill('12 rue de la République');
  await dialog.getByLabel('Complément d’adresse').fill('Bâtiment B');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();

  const name = `Seán ${lastName}`;
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/hq\/people\/\d+$/);
  await expect(page.getByText('12 rue de la République, Bâtiment B')).toBeVisible();
  await expect(page.getByText('Ajout à la main').first()).toBeVisible();

  // Found without the apostrophe, the accent or the capitals.
  await openPerson(page, `sean obrien ${id.toLowerCase()}`, name);

  // The same email again is refused, pointing to who has it.
  await page.goto('/hq/people');
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const again = page.getByRole('dialog', { name: 'Ajouter une personne' });
  await again.getByLabel('Nom de famille').fill('Doublon');
  await again.getByLabel('Adresse e-mail').fill(`SEAN.${id.toLowerCase()}@example.org`);
  await again.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    again.getByText('Cette adresse e-mail est déjà celle d’une autre personne.'),
  ).toBeVisible();
  await again.getByRole('link', { name: 'Ouvrir sa fiche' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  // Edited: the timeline says what changed, before and after.
  await page.getByRole('button', { name: 'Modifier la fiche' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier la fiche' });
  await expect(edit.getByLabel('Téléphone mobile')).toHaveValue('06 44 55 66 77');
  await edit.getByLabel('Adresse (numéro et voie)').fill('3 place Bellecour');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('3 place Bellecour, Bâtiment B')).toBeVisible();
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history.getByText('Profil modifié')).toBeVisible();
  await expect(
    history.getByText('Adresse (numéro et voie) : 12 rue de la République → 3 place Bellecour'),
  ).toBeVisible();
});

test('the département filter finds Rhône and La Réunion typed without accents', async ({
  adminPage: page,
}) => {
  await page.goto('/hq/people');
  await page.getByRole('button', { name: 'Filtres' }).click();
  const departements = page.getByRole('textbox', { name: 'Départements' });
  await departements.fill('rhone');
  await expect(page.getByRole('option', { name: '69 · Rhône' })).toBeVisible();
  await departements.fill('reunion');
  await page.getByRole('option', { name: '974 · La Réunion' }).click();
  await expect(page).toHaveURL(/departementCodes=974/);
});

test('staff record an opt-out received by phone, notes and contacts on the person page', async ({
  adminPage: page,
}) => {
  const id = capitalized(uniq());
  const lastName = `Appel ${id}`;
  await createSupporter(page.request, {
    firstName: 'Louise',
    lastName,
    postalCode: '13001',
    consents: { email: true, sms: true, phone: false },
  });
  const name = `Louise ${lastName}`;
  await openPerson(page, lastName, name);
  const consents = page.getByRole('region', { name: 'Consentements' });
  await expect(consents.getByRole('img', { name: 'SMS : Oui' })).toBeVisible();

  // An opt-out by phone: it applies at once, with its evidence.
  await consents.getByRole('button', { name: 'Enregistrer un consentement reçu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Consentement ou désinscription reçu' });
  await dialog.getByLabel('Canal concerné').selectOption({ label: 'SMS' });
  await dialog.getByLabel('Reçu par').selectOption({ label: 'téléphone' });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByLabel('Preuve et précisions')).toBeVisible();
  // The note is required: said under it before anything is sent.
  await expect(dialog.getByLabel('Preuve et précisions')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Preuve et précisions').fill('Appel du 2 décembre : plus de SMS.');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(consents.getByRole('img', { name: 'SMS : Non' })).toBeVisible();
  await expect(
    consents.getByText('SMS : Désinscription (retrait) · reçu par téléphone'),
  ).toBeVisible();
  await expect(consents.getByText('Appel du 2 décembre : plus de SMS.')).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Historique' })
      .getByText('Preuve : Appel du 2 décembre : plus de SMS.'),
  ).toBeVisible();

  // Notes: added, corrected, deleted.
  const notes = page.getByRole('region', { name: 'Notes' });
  await expect(notes.getByText('Aucune note.')).toBeVisible();
  await notes.getByLabel('Nouvelle note').fill('Veut tenir un stand au marché.');
  await notes.getByRole('button', { name: 'Ajouter la note' }).click();
  const note = notes.getByRole('article');
  await expect(note.getByText('Veut tenir un stand au marché.')).toBeVisible();
  await note.getByRole('button', { name: 'Modifier' }).click();
  await note.getByLabel('Note').fill('Veut tenir un stand au marché du samedi.');
  await note.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(note.getByText('Veut tenir un stand au marché du samedi.')).toBeVisible();
  await expect(note.getByText(/modifiée/)).toBeVisible();
  await note.getByRole('button', { name: 'Supprimer' }).click();
  await note.getByRole('button', { name: 'Supprimer' }).click();
  await expect(notes.getByText('Aucune note.')).toBeVisible();

  // Contact log: a door-to-door visit.
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await contacts.getByLabel('Moyen').selectOption({ label: 'Porte-à-porte' });
  await contacts.getByLabel('Résultat').selectOption({ label: 'Message laissé' });
  await contacts.getByLabel('Note', { exact: true }).fill('Tract glissé sous la porte.');
  await contacts.getByRole('button', { name: 'Noter un contact' }).click();
  const logged = contacts.getByRole('article');
  await expect(logged.getByText('Porte-à-porte · Message laissé')).toBeVisible();
  await expect(logged.getByText('Tract glissé sous la porte.')).toBeVisible();
});

test('an erasure and an access request received by post are carried out from the person page', async ({
  adminPage: page,
}) => {
  const id = capitalized(uniq());
  const lastName = `Courrier ${id}`;
  const email = `courrier.${id.toLowerCase()}@example.org`;
  await createSupporter(page.request, {
    firstName: 'Jeanne',
    lastName,
    email,
    postalCode: '59000',
  });
  const name = `Jeanne ${lastName}`;
  await openPerson(page, lastName, name);
  const requests = page.getByRole('region', {
    name: 'Demandes RGPD reçues par courrier ou e-mail',
  });
  const download = requests.getByRole('button', {
    name: 'Télécharger ses données (droit d’accès)',
  });
  await expect(download).toBeDisabled(); // the reference comes first
  await requests.getByLabel('Référence de la demande').fill(`LR-${id}`);

  const downloading = page.waitForEvent('download');
  await download.click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^ensemble-pour-nos-territoires-donnees-personne-\d+-/);
  const data = JSON.parse(await readFile(await file.path(), 'utf8')) as {
    profile: { email: string };
  };
  expect(data.profile.email).toBe(email);

  await requests.getByRole('button', { name: 'Effacer ses données…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Effacer les données de cette personne' });
  const confirm = dialog.getByRole('button', { name: 'Effacer définitivement' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Tapez EFFACER pour confirmer').fill('effacer');
  await confirm.click();
  await expect(page).toHaveURL(/\/hq\/people$/);
  await expect(page.getByText('Les données de la personne ont été effacées.')).toBeVisible();
  await page.goto(`/hq/people?q=${encodeURIComponent(lastName)}`);
  await expect(page.getByText('Aucune personne ne correspond à ces critères.')).toBeVisible();

  // The audit log names the request by its reference.
  await page.goto('/admin/audit');
  await expect(
    page.getByText(`Demande reçue par courrier, référence LR-${id}`).first(),
  ).toBeVisible();
});
