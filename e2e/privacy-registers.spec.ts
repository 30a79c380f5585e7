import { readFile } from 'node:fs/promises';
import { addMonths } from '../src/contracts/privacy.ts';
import { createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

/** A day as the app shows it in French ("6 janv. 2027"). */
const frenchDay = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

test('an admin records an access request, sees its one-month deadline and carries it out', async ({
  page,
  adminPage,
}) => {
  const supporter = await createSupporter(page.request);
  await logIn(page.request, supporter.email);
  const own = (await (await page.request.get('/api/session')).json()) as {
    me: { personId: number };
  };
  const reference = `LR-${uniq()}`;

  await adminPage.goto(`/hq/privacy/requests?personId=${own.me.personId}`);
  const form = adminPage.getByRole('dialog', { name: 'Enregistrer une demande' });
  await form.getByLabel('Référence').fill(reference);
  await form.getByRole('button', { name: 'Enregistrer une demande' }).click();

  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText(`Demande ${reference}`);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  await expect(adminPage.getByTestId('request-deadline')).toHaveText(
    frenchDay(addMonths(today, 1)),
  );
  await expect(adminPage.getByText(/\d+ j restants/)).toBeVisible();
  await expect(
    adminPage.getByRole('link', { name: `${supporter.firstName} ${supporter.lastName}` }),
  ).toBeVisible();

  const download = adminPage.waitForEvent('download');
  await adminPage.getByRole('button', { name: 'Télécharger ses données et clore' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  expect(await readFile((await file.path())!, 'utf8')).toContain(supporter.email);
  await expect(adminPage.getByText('Fichier de ses données remis')).toBeVisible();
  await expect(adminPage.getByText('Traitée', { exact: true })).toBeVisible();

  await adminPage.goto('/hq/privacy/requests?status=done');
  await expect(adminPage.getByRole('link', { name: reference })).toBeVisible();
});

test('an admin records a breach, sees its 72-hour deadline, then downloads the art. 30 record and the audit export', async ({
  adminPage,
}) => {
  const description = `Stolen laptop ${uniq()}`;
  await adminPage.goto('/hq/privacy/breaches');
  await adminPage.getByRole('button', { name: 'Enregistrer une violation' }).click();
  const form = adminPage.getByRole('dialog', { name: 'Enregistrer une violation' });
  await form.getByLabel('Ce qui s’est passé').fill(description);
  await form.getByLabel('Catégories de données').fill('Names, emails');
  await form.getByLabel('Nombre approximatif de personnes').fill('120');
  await form.getByLabel('Conséquences probables').fill('Unwanted contact');
  await form.getByLabel('Mesures prises ou envisagées').fill('Sessions revoked');
  await form.getByRole('button', { name: 'Enregistrer une violation' }).click();

  await expect(adminPage.getByRole('heading', { level: 1 })).toContainText('Violation du');
  await expect(adminPage.getByTestId('breach-deadline')).toBeVisible();
  await expect(adminPage.getByText(/^7[12] h restantes$/)).toBeVisible();
  await adminPage.getByRole('link', { name: 'Toutes les violations' }).click();
  await expect(adminPage.getByRole('table')).toContainText(description);

  await adminPage.goto('/hq/privacy/record');
  await expect(
    adminPage.getByRole('heading', {
      name: 'Demandes d’exercice des droits et violations de données',
      exact: true,
    }),
  ).toBeVisible();
  await expect(adminPage.getByText('Tables (détail technique, en anglais)').first()).toBeVisible();
  const record = adminPage.waitForEvent('download');
  await adminPage.getByRole('link', { name: 'Télécharger (HTML imprimable)' }).click();
  const html = await readFile((await (await record).path())!, 'utf8');
  expect(html).toContain('Registre des activités de traitement');
  expect(html).toContain('Obligation légale');
  expect(html).toContain('<h2>Demandes d’exercice des droits et violations de données</h2>');

  await adminPage.goto('/admin/audit');
  await adminPage.getByLabel('Action (ou début, ex. person.)').fill('privacy.breach.');
  const exported = adminPage.waitForEvent('download');
  await adminPage.getByRole('link', { name: 'Exporter en CSV' }).click();
  const csv = await readFile((await (await exported).path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toContain('action');
  expect(lines.slice(1).every((line) => line.includes(',privacy.breach.'))).toBe(true);
  expect(lines.length).toBeGreaterThan(1);
});
