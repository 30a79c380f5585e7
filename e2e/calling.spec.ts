// Voice broadcasts at HQ, against the carrier simulator the server starts in its own process
// (global-setup.ts: its clock set on a Tuesday 10:00 in Paris, 200 times faster than life, one
// number that always answers and presses 9). Staff upload a recording, add a caller ID, import
// a list of numbers with consent evidence, build a broadcast, confirm the opt-out notice and
// ask for the launch; a second staff member approves it; the dashboard follows the calls until
// the broadcast is completed; the number that pressed 9 is left out of the next broadcast.
// The audience here is an imported list; a saved segment of people who agreed to automated
// calls is calling-segment.spec.ts, and the steps both take are in support/calling.ts. The
// campaign is shared with specs running in parallel: names are unique per run and nothing
// assumes an empty list.
import {
  addCallerId,
  approve,
  askForLaunch,
  draftBroadcast,
  fact,
  figure,
  national,
  pressingNumber,
  staffMember,
  uploadRecording,
} from './support/calling.ts';
import {
  capitalized,
  chooseCsv,
  createSupporter,
  expect,
  logIn,
  test,
  uniq,
} from './support/fixtures.ts';

test('staff run a voice broadcast to an imported list; the number that pressed 9 is left out of the next one', async ({
  page: approver,
  adminPage: page,
}) => {
  test.setTimeout(240_000);
  const id = capitalized(uniq());
  const recording = `Message ${id}`;
  const listName = `Liste ${id}`;
  const first = `Rappel du meeting ${id}`;
  const second = `Relance ${id}`;
  const optingOut = pressingNumber();
  // The simulator's own number, then five more of the range set aside for fiction.
  const numbers = [optingOut, ...[2, 3, 4, 5, 6].map((n) => `${optingOut.slice(0, -1)}${n}`)];
  await staffMember(approver, page);

  await test.step('the menu leads to the phone section; a recording is uploaded and listened to', async () => {
    await page.goto('/hq/people');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Téléphone' })
      .click();
    await expect(page.getByRole('heading', { name: 'Diffusions vocales', level: 1 })).toBeVisible();
    await page.getByRole('tab', { name: 'Messages enregistrés' }).click();
    await expect(
      page.getByRole('heading', { name: 'Messages enregistrés', level: 1 }),
    ).toBeVisible();
    await uploadRecording(page, recording);
    const row = page.getByRole('row').filter({ hasText: recording });
    await expect(row).toContainText('0:03');
    await expect(row).toContainText('WAV');
    // The player plays what the carrier will: the converted file, served to staff.
    const player = row.locator('audio');
    await expect(player).toHaveAttribute('aria-label', `Écouter « ${recording} »`);
    const audio = await page.request.get((await player.getAttribute('src'))!);
    expect(audio.status()).toBe(200);
    expect(audio.headers()['content-type']).toBe('audio/wav');
  });

  await test.step('a caller ID outside the reserved ranges is refused, one inside is added', async () => {
    await page.getByRole('tab', { name: 'Numéros d’appel' }).click();
    await expect(page.getByText(/plages réservées à ces appels/)).toBeVisible();
    const number = page.getByRole('textbox', { name: 'Numéro', exact: true });
    await number.fill('01 23 45 67 89');
    await page.getByRole('button', { name: 'Ajouter le numéro' }).click();
    await expect(
      page.getByText('Ce numéro n’est pas dans les plages réservées aux appels automatisés'),
    ).toBeVisible();
    const shown = await addCallerId(page, `Ligne ${id}`);
    const row = page.getByRole('row').filter({ hasText: `Ligne ${id}` });
    await expect(row).toContainText(shown);
    await expect(row).toContainText('Actif');
  });

  await test.step('a list of numbers with consent evidence is imported and reported', async () => {
    await page.getByRole('tab', { name: 'Listes de numéros' }).click();
    const csv = [
      'téléphone;date_consentement;source;créneau',
      ...numbers.map((n) => `${national(n)};15/01/2026;Formulaire du site;lun-ven 09:00-19:00`),
      '06 12;15/01/2026;Formulaire du site;lun-ven 09:00-19:00',
    ].join('\n');
    await page.getByRole('textbox', { name: 'Nom de la liste' }).fill(listName);
    await chooseCsv(page, 'liste.csv', `${csv}\n`);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect(
      page.getByText(`Liste « ${listName} » envoyée : sa lecture commence.`),
    ).toBeVisible();
    const report = page.getByRole('article', { name: listName });
    await expect(report.getByText('Prête', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(report).toContainText('6 numéros');
    const kept = report.locator('dt', { hasText: /^Numéros gardés$/ });
    await expect(kept.locator('xpath=following-sibling::dd[1]')).toHaveText('6');
    // The short number's line (the header is line 1) is said with its code.
    const problems = report.getByRole('table', { name: 'Problèmes par ligne' });
    await expect(problems.getByRole('row').filter({ hasText: '8' })).toContainText(/phone_/);
    // A row left out: no broadcast may call the list until staff accept it, after its report.
    await expect(report).toContainText('1 ligne a été écartée comme invalide');
    await report.getByRole('button', { name: 'Accepter la liste' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accepter la liste' });
    await expect(dialog).toContainText('ses 6 numéros gardés pourront l’être');
    await dialog.getByRole('button', { name: 'Accepter la liste' }).click();
    await expect(dialog).toBeHidden();
    await expect(report).toContainText(/Acceptée le .+, sa ligne invalide écartée\./);
  });

  await test.step('a draft is built; its launch is refused until the opt-out notice is confirmed', async () => {
    await draftBroadcast(page, first, { list: listName }, recording);
    // A draft is edited in the same form (saved with PUT).
    await page.getByRole('link', { name: 'Modifier' }).click();
    await expect(page.getByRole('heading', { name: `Modifier « ${first} »` })).toBeVisible();
    const ring = page.getByRole('textbox', { name: 'Sonnerie (secondes)' });
    await expect(ring).toHaveValue('25');
    await ring.fill('20');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByRole('heading', { name: first, level: 1 })).toBeVisible();
    await expect(fact(page, 'Réglages', 'Sonnerie')).toHaveText('20 s');
    await expect(fact(page, 'Réglages', 'Tentatives')).toHaveText(
      '1 tentative, 60 min d’intervalle',
    );
    await page.getByRole('button', { name: 'Demander le lancement' }).click();
    await expect(page.getByRole('region', { name: 'Lancement' }).getByRole('alert')).toHaveText(
      'Confirmez d’abord que le message dit au début comment ne plus être appelé (touche 9).',
    );
    await askForLaunch(page);
  });

  await test.step('whoever asked for the launch cannot approve it', async () => {
    await expect(
      page.getByText(
        'Vous avez demandé ce lancement : un autre membre de l’équipe doit le valider.',
      ),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Valider le lancement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Valider le lancement' });
    await dialog.getByRole('button', { name: 'Valider et lancer' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Vous avez demandé ce lancement : un autre membre de l’équipe doit le valider.',
    );
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByText('À valider', { exact: true })).toBeVisible();
  });

  await test.step('another staff member approves; the dashboard follows the calls to the end', async () => {
    await approve(approver, first);
    await expect(approver.getByText('En cours', { exact: true })).toBeVisible();
    await expect(approver.getByText(`Liste « ${listName} » : 6 numéros`)).toBeVisible();
    const progress = approver.getByRole('progressbar', { name: 'Avancement' });
    // One call a second: the bar is seen part-way before the broadcast ends.
    const seen = new Set<number>();
    const completed = approver.getByText('Terminée', { exact: true });
    await expect(async () => {
      seen.add(Number(await progress.getAttribute('aria-valuenow')));
      await expect(completed).toBeVisible({ timeout: 100 });
    }).toPass({ timeout: 90_000, intervals: [250] });
    expect(
      [...seen].some((value) => value > 0 && value < 100),
      `${[...seen]}`,
    ).toBe(true);
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expect(approver.getByRole('status').filter({ hasText: 'Reste à appeler' })).toHaveText(
      'Reste à appeler : 0 · en ligne : 0 · terminés : 6',
    );
    await expect(figure(approver, 'Appels passés')).toHaveText('6');
    await expect(figure(approver, 'Oppositions (touche 9)')).toHaveText('1');
    // It always answers, as a person.
    expect(Number(await figure(approver, 'Décrochés (personne)').textContent())).toBeGreaterThan(0);
    await expect(approver.getByRole('img', { name: / appels, / })).toBeVisible();
    const byDepartement = approver.getByRole('table', { name: 'Par département' });
    await expect(byDepartement.getByRole('row').filter({ hasText: 'Non connu' })).toContainText(
      '6',
    );
  });

  await test.step('the next broadcast to the same list leaves the opted-out number out', async () => {
    await draftBroadcast(page, second, { list: listName }, recording);
    await askForLaunch(page);
    await approve(approver, second);
    await expect(approver.getByText(`Liste « ${listName} » : 5 numéros`)).toBeVisible();
    await expect(approver.getByText('En cours', { exact: true })).toBeVisible();
  });

  await test.step('it is paused, resumed and paused again', async () => {
    const pause = approver.getByRole('button', { name: 'Mettre en pause' });
    await pause.click();
    await expect(approver.getByText('En pause', { exact: true })).toBeVisible();
    await approver.getByRole('button', { name: 'Reprendre' }).click();
    await expect(approver.getByText('En cours', { exact: true })).toBeVisible();
    await pause.click();
    await expect(approver.getByText('En pause', { exact: true })).toBeVisible();
  });

  await test.step('a recording a broadcast not yet over plays cannot be deleted', async () => {
    await page.goto('/hq/calling/recordings');
    await page.getByRole('button', { name: `Supprimer le message ${recording}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer le message' });
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Une diffusion pas encore finie utilise ce message : il ne peut pas être supprimé.',
    );
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the paused broadcast is canceled once confirmed', async () => {
    await approver.getByRole('button', { name: 'Annuler la diffusion' }).click();
    const dialog = approver.getByRole('dialog', { name: 'Annuler la diffusion' });
    await expect(dialog).toContainText('Les numéros pas encore appelés ne le seront jamais');
    await dialog.getByRole('button', { name: 'Annuler la diffusion' }).click();
    await expect(approver.getByText('Annulée', { exact: true })).toBeVisible();
    await expect(approver.getByRole('button', { name: 'Annuler la diffusion' })).toHaveCount(0);

    await page.goto('/hq/calling');
    const table = page.getByRole('table', { name: 'Diffusions vocales' });
    await expect(table.getByRole('row').filter({ hasText: first })).toContainText('Terminée');
    await expect(table.getByRole('row').filter({ hasText: second })).toContainText('Annulée');
  });
});

test('the phone pages fit a 360 px phone', async ({ adminPage: page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [path, title] of [
    ['/hq/calling', 'Diffusions vocales'],
    ['/hq/calling/broadcasts/new', 'Nouvelle diffusion'],
    ['/hq/calling/recordings', 'Messages enregistrés'],
    ['/hq/calling/caller-ids', 'Numéros d’appel'],
    ['/hq/calling/lists', 'Listes de numéros'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(360);
  }
});

test('a supporter is refused the phone pages and their API', async ({ page }) => {
  const supporter = await createSupporter(page.request);
  await logIn(page.request, supporter.email);
  for (const path of ['/hq/calling', '/hq/calling/broadcasts/new', '/hq/calling/recordings']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toContainText('Accès refusé');
  }
  await expect(
    page.getByRole('navigation', { name: 'Navigation principale' }).getByText('Téléphone'),
  ).toHaveCount(0);
  for (const path of ['/api/calling/broadcasts', '/api/calling/recordings', '/api/calling/lists']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
  }
});
