import { json, turfOfNewCommune } from './support/field.ts';
import { capitalized, expect, test, uniq } from './support/fixtures.ts';

interface Questionnaire {
  id: number;
  name: string;
  archived: boolean;
  current: {
    version: number;
    definition: { questions: Array<{ id: string; label: string; showIf?: unknown }> };
  };
}

const CONCERN = 'Quelle est votre principale préoccupation pour notre commune ?';

test('staff build a questionnaire from the default one, the preview follows a condition, and a change makes version 2', async ({
  adminPage: page,
}) => {
  const name = `Porte-à-porte ${capitalized(uniq())}`;
  const housing = `Depuis quand cherchez-vous un logement ? ${uniq(4)}`;

  await page.goto('/hq/field/questionnaires');
  await expect(page.getByRole('heading', { name: 'Questionnaires', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Nouveau questionnaire' }).click();
  await expect(
    page.getByRole('heading', { name: 'Nouveau questionnaire', level: 1 }),
  ).toBeVisible();
  await page.getByRole('region', { name: 'Présentation' }).getByLabel('Nom').fill(name);

  // The default questionnaire's own condition: "how to help" shows once "yes" is picked.
  const preview = page.getByRole('region', { name: 'Aperçu sur téléphone' });
  const helpGroup = preview.getByRole('radiogroup', {
    name: 'Aimeriez-vous nous aider pendant la campagne ?',
  });
  await expect(preview.getByText('Comment aimeriez-vous aider ?')).toHaveCount(0);
  await helpGroup.getByRole('radio', { name: 'Oui' }).check();
  await expect(preview.getByText('Comment aimeriez-vous aider ?')).toBeVisible();

  // A sixth question, asked only to those whose concern is housing.
  await page.getByRole('button', { name: 'Ajouter une question' }).click();
  const added = page.getByRole('group', { name: 'Question 6' });
  await added.getByLabel('Intitulé').fill(housing);
  await added
    .getByRole('textbox', { name: 'Choix 1 de la question 6', exact: true })
    .fill('Moins d’un an');
  await added
    .getByRole('textbox', { name: 'Choix 2 de la question 6', exact: true })
    .fill('Plus d’un an');
  await added.getByLabel('Ne poser que selon la réponse à une question précédente').check();
  await added.getByRole('textbox', { name: 'Question dont dépend la question 6' }).click();
  await page.getByRole('option', { name: `1. ${CONCERN}` }).click();

  // Saving without the condition's answers: the problem is said at the condition.
  await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
  await expect(
    added.getByText('Cochez au moins une réponse qui fait poser la question.'),
  ).toBeVisible();
  await expect(page.getByText('Le questionnaire a 1 problème')).toBeVisible();
  await added.getByRole('checkbox', { name: 'Logement' }).check();
  await expect(
    added.getByText('Cochez au moins une réponse qui fait poser la question.'),
  ).toHaveCount(0);

  // The preview asks it only after "housing".
  const concern = preview.getByRole('radiogroup', { name: CONCERN });
  await expect(preview.getByRole('radiogroup', { name: housing })).toHaveCount(0);
  await concern.getByRole('radio', { name: 'Logement' }).check();
  await expect(preview.getByRole('radiogroup', { name: housing })).toBeVisible();
  await concern.getByRole('radio', { name: 'Transports' }).check();
  await expect(preview.getByRole('radiogroup', { name: housing })).toHaveCount(0);

  await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
  await expect(page.getByText('Questionnaire créé (version 1).')).toBeVisible();
  await expect(page).toHaveURL(/\/hq\/field\/questionnaires\/\d+$/);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText(/^Version 1 du /)).toBeVisible();
  const id = Number(new URL(page.url()).pathname.split('/').pop());

  // A change of wording: the dialog says what changes and that answers keep version 1.
  const saved = page.getByRole('group', { name: 'Question 6' });
  await expect(saved.getByRole('textbox', { name: 'Identifiant', exact: true })).toBeDisabled();
  await saved.getByLabel('Intitulé').fill(`${housing} (en mois)`);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer les modifications' });
  await expect(dialog).toContainText(`Question modifiée : « ${housing} (en mois) »`);
  await expect(dialog).toContainText('Ces modifications créent la version 2');
  await expect(dialog).toContainText('gardent la version 1');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Questionnaire enregistré : version 2.')).toBeVisible();
  await expect(page.getByText(/^Version 2 du /)).toBeVisible();

  const response = await page.request.get(`/api/field/questionnaires/${id}`);
  expect(response.status()).toBe(200);
  const stored = (await response.json()) as Questionnaire;
  expect(stored.current.version).toBe(2);
  expect(stored.current.definition.questions.at(-1)).toMatchObject({
    label: `${housing} (en mois)`,
    showIf: { question: 'main_concern', anyOf: ['housing'] },
  });

  // Archived, so volunteers of other specs keep carrying their own questionnaire.
  await page.goto('/hq/field/questionnaires');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Version 2 du');
  await row.getByRole('button', { name: `Archiver le questionnaire ${name}` }).click();
  await expect(page.getByText(`Questionnaire « ${name} » archivé.`)).toBeVisible();
  await expect(row.getByText('Archivé', { exact: true })).toBeVisible();
  const archived = (await (
    await page.request.get(`/api/field/questionnaires/${id}`)
  ).json()) as Questionnaire;
  expect(archived).toMatchObject({ archived: true, current: { version: 2 } });
});

test('staff choose the questionnaire an area’s turfs carry, and the phones get it', async ({
  adminPage: page,
}) => {
  // The demo's questionnaire: choosing it creates nothing other specs could carry.
  const { items } = await json<{ items: Questionnaire[] }>(
    await page.request.get('/api/field/questionnaires'),
  );
  const chosen = items.find((q) => !q.archived)!;
  const { area, turf } = await turfOfNewCommune(
    page.request,
    { area: `Zone ${capitalized(uniq())}`, commune: 'Questionville', street: 'Rue du Sondage' },
    10,
  );
  const carried = async () =>
    (
      await json<{ questionnaire: { questionnaireId: number } | null }>(
        await page.request.get(`/api/field/turfs/${turf.id}/pack`),
      )
    ).questionnaire?.questionnaireId;

  await page.goto(`/hq/field/areas/${area.id}`);
  const select = page.getByRole('textbox', {
    name: 'Questionnaire porté par les secteurs de la zone',
  });
  await expect(select).toHaveValue('Le dernier modifié (par défaut)');
  await select.click();
  await page.getByRole('option', { name: chosen.name, exact: true }).click();
  await expect(page.getByText('Questionnaire de la zone enregistré.')).toBeVisible();
  await expect(select).toHaveValue(chosen.name);
  expect(await carried()).toBe(chosen.id);

  await page.reload();
  await expect(select).toHaveValue(chosen.name);
  await select.click();
  await page.getByRole('option', { name: 'Le dernier modifié (par défaut)' }).click();
  await expect(select).toHaveValue('Le dernier modifié (par défaut)');
  await expect
    .poll(
      async () =>
        (
          await json<{ items: Array<{ id: number; questionnaireId: number | null }> }>(
            await page.request.get('/api/field/areas'),
          )
        ).items.find((a) => a.id === area.id)?.questionnaireId,
    )
    .toBeNull();
});
