import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  expect,
  logIn,
  mailbox,
  test,
  uniq,
} from './support/fixtures.ts';

// The donation settings are the campaign's: these tests change them one after the other.
test.describe.configure({ mode: 'serial' });

/** A day counted from today in Paris, as the date inputs take it (DD/MM/YYYY). */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const at = new Date(`${today}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10).split('-').reverse().join('/');
}

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  return context.newPage();
}

/** A supporter who is given the finance role by the administrator, then logs in. */
async function financeOfficer(page: Page, adminPage: Page): Promise<void> {
  const officer = await createSupporter(page.request, { firstName: 'Mandataire' });
  const session = (await (await adminPage.request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const granted = await adminPage.request.post('/api/admin/accounts', {
    data: { email: officer.email, roles: ['finance'] },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(granted.status(), await granted.text()).toBe(200);
  await logIn(page.request, officer.email);
}

async function saveSettings(page: Page, message = 'Réglages des dons enregistrés.') {
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(message)).toBeVisible();
}

interface Donor {
  firstName: string;
  lastName: string;
  email: string;
}

/** The public donation form, filled as the donor does (the amount: a choice, or typed). */
async function fillDonationForm(
  page: Page,
  donor: Donor,
  amount: { choice?: RegExp; typed?: string; monthly?: boolean; party?: boolean },
) {
  await page.goto('/donate');
  if (amount.monthly) await page.getByRole('radio', { name: 'Chaque mois' }).check();
  if (amount.choice) await page.getByRole('radio', { name: amount.choice }).check();
  if (amount.typed) {
    await page.getByRole('radio', { name: 'Autre montant (en euros)' }).check();
    await page.getByRole('textbox', { name: 'Autre montant (en euros)' }).fill(amount.typed);
  }
  await page.getByLabel('Civilité').selectOption('Mme');
  await page.getByLabel('Prénom', { exact: true }).fill(donor.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(donor.lastName);
  await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas');
  await page.getByLabel('Code postal').fill('44000');
  await page.getByLabel('Commune').fill('Nantes');
  await page.getByLabel('Adresse e-mail').fill(donor.email);
  await page.getByLabel(/^Je certifie que ce don est fait par moi-même/).check();
  await page.getByLabel(/^Je certifie être de nationalité française/).check();
  if (amount.party) await page.getByLabel(/^Je certifie que mes dons et cotisations/).check();
  await page.getByRole('button', { name: 'Continuer vers le paiement' }).click();
}

test('a gift from the public page to the finance officer’s receipts and exports', async ({
  page,
  adminPage,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await financeOfficer(page, adminPage);

  await test.step('the finance officer sets how the campaign collects', async () => {
    await page.goto('/hq/people');
    await page.getByRole('link', { name: 'Finances' }).click();
    await expect(page.getByRole('heading', { name: 'Vue d’ensemble des dons' })).toBeVisible();
    await page.getByRole('tab', { name: 'Réglages', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Réglages des dons', level: 1 })).toBeVisible();

    await page.getByRole('switch', { name: 'La page de dons est ouverte' }).check();
    await page
      .getByRole('textbox', { name: 'Bénéficiaire (candidat, liste ou parti)' })
      .fill('Marie Exemple');
    await page.getByRole('textbox', { name: 'Montants proposés (en euros)' }).fill('20 ; 50 ; 100');
    await page.getByRole('textbox', { name: 'Plafond des dépenses (en euros)' }).fill('60000');
    await page.getByRole('textbox', { name: 'Nom du mandataire' }).fill('Paul Mandataire');
    await page
      .getByRole('textbox', { name: 'Adresse du mandataire' })
      .fill('3 place Royale, 44000 Nantes');
    // Candidate mode needs its election and its collection period: the form says so first.
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(
      page.getByText('Un candidat collecte pour une élection : indiquez son numéro.'),
    ).toBeVisible();
    await expect(
      page.getByText('La page de dons doit donner la date de déclaration du mandataire.'),
    ).toBeVisible();

    await page.getByRole('textbox', { name: 'Numéro de l’élection' }).fill('4242');
    await page.getByRole('textbox', { name: 'Collecte ouverte du' }).fill(dayFromToday(-30));
    await page.getByRole('textbox', { name: 'Au', exact: true }).fill(dayFromToday(200));
    await page.getByRole('textbox', { name: 'Déclaré le' }).fill(dayFromToday(-40));
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('02 40 00 00 00');
    await page.getByRole('textbox', { name: 'E-mail' }).fill('mandataire@example.org');
    await page.getByRole('textbox', { name: 'Identifiant à la Commission' }).fill('MF-4242');
    await saveSettings(page);
  });

  const donorPage = await newPage(browser, baseURL);
  const donor = await createSupporter(donorPage.request, {
    firstName: 'Donatrice',
    lastName: `Test ${capitalized(uniq())}`,
  });
  await logIn(donorPage.request, donor.email);

  await test.step('a supporter gives 50 € and receives the acknowledgement by mail', async () => {
    const since = await mailbox.mark();
    await fillDonationForm(donorPage, donor, { choice: /^50\s€/ });
    await expect(donorPage).toHaveURL(/\/donate\/pay\/dev\//);
    await expect(donorPage.getByText(/Montant : 50\s€/)).toBeVisible();
    await donorPage.getByRole('button', { name: 'Payer (réussite)' }).click();
    await expect(donorPage).toHaveURL(/\/donate\/thanks/);
    await expect(donorPage.getByRole('heading', { name: 'Merci pour votre don' })).toBeVisible();

    const mail = await mailbox.waitFor(donor.email, /^Merci pour votre don/, since);
    const attachments = (
      mail as unknown as {
        attachments: Array<{ filename: string; contentType: string; content: { data: number[] } }>;
      }
    ).attachments;
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.contentType).toBe('application/pdf');
    expect(attachments[0]!.filename).toMatch(/\.pdf$/);
    expect(Buffer.from(attachments[0]!.content.data).subarray(0, 5).toString()).toBe('%PDF-');
  });

  await test.step('the gift is in the supporter’s space, with its acknowledgement', async () => {
    await donorPage.goto('/me');
    const gifts = donorPage.getByRole('table', { name: 'Mes dons' });
    const row = gifts.getByRole('row').filter({ hasText: /50\s€/ });
    await expect(row).toContainText('Carte');
    await expect(row).toContainText('Reçu');
    const downloading = donorPage.waitForEvent('download');
    await row.getByRole('link', { name: /^Télécharger l’accusé de réception du don/ }).click();
    const pdf = await readFile((await (await downloading).path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  await test.step('a gift beyond the 4,600 € cap is refused, with the reason', async () => {
    await fillDonationForm(donorPage, donor, { typed: '4560' });
    await expect(donorPage.getByRole('alert')).toContainText(
      /Ce don porterait votre total pour cette élection à 4\s610\s€ ; le maximum légal est de 4\s600\s€/,
    );
    await expect(donorPage).toHaveURL(/\/donate$/);
  });

  await test.step('the officer records the donor’s cheque', async () => {
    await page.getByRole('tab', { name: 'Saisir un don', exact: true }).click();
    await page.getByRole('textbox', { name: 'Montant (en euros, tel qu’écrit)' }).fill('100');
    await page.getByRole('textbox', { name: 'Banque' }).fill('Banque Postale');
    await page.getByRole('textbox', { name: 'N° du chèque' }).fill('0001234');
    await page.getByRole('textbox', { name: 'Civilité' }).click();
    await page.getByRole('option', { name: 'Madame' }).click();
    await page.getByLabel('Prénom', { exact: true }).fill(donor.firstName);
    await page.getByLabel('Nom', { exact: true }).fill(donor.lastName);
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas');
    await page.getByLabel('Code postal').fill('44000');
    await page.getByLabel('Commune').fill('Nantes');
    await page.getByLabel('E-mail').fill(donor.email);
    // Without the donor's statements, the law refuses the gift: the server says why.
    await page.getByRole('button', { name: 'Enregistrer le don' }).click();
    await expect(page.getByRole('alert')).toContainText(/personne physique/);
    await page.getByLabel(/^Le donateur est une personne physique/).check();
    await page.getByLabel(/^Le donateur est de nationalité française/).check();
    await page.getByRole('button', { name: 'Enregistrer le don' }).click();
    await expect(page.getByText(`Don de 100 € de ${donor.firstName}`)).toBeVisible();
  });

  const first = String(100_000 + Math.floor(Math.random() * 800_000));
  await test.step('the officer records a series of forms and gives each gift its number', async () => {
    await page.getByRole('tab', { name: 'Reçus', exact: true }).click();
    await page.getByRole('textbox', { name: 'Premier numéro' }).fill(first);
    await page.getByRole('textbox', { name: 'Dernier numéro' }).fill(String(Number(first) + 9));
    await page.getByRole('button', { name: 'Enregistrer la série' }).click();
    const series = page.getByRole('table', { name: 'Séries reçues' });
    await expect(series.getByRole('row').filter({ hasText: first })).toContainText('10');

    await page.getByRole('tab', { name: 'Dons', exact: true }).click();
    await page.getByRole('textbox', { name: 'Nom, e-mail ou numéro' }).fill(donor.email);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const gifts = page.getByRole('table', { name: 'Dons' });
    await expect(gifts.getByRole('row')).toHaveCount(3);
    const assign = gifts.getByRole('button', { name: /^Attribuer un reçu au don/ });
    for (const remaining of [2, 1, 0]) {
      if (remaining < 2) await expect(assign).toHaveCount(remaining);
      if (remaining > 0) await assign.first().click();
    }
    const numbers = [first, String(Number(first) + 1)];
    for (const number of numbers) await expect(gifts).toContainText(number);
  });

  await test.step('the cheque goes on a remittance slip', async () => {
    await page.getByRole('tab', { name: 'Remises en banque', exact: true }).click();
    await page
      .getByRole('checkbox', { name: new RegExp(`de ${donor.firstName} ${donor.lastName}$`) })
      .check();
    await page.getByRole('button', { name: /^Créer le bordereau \(1 don, 100\s€\)$/ }).click();
    await expect(page.getByText(/^Bordereau .+ créé \(1 don\)\.$/)).toBeVisible();
  });

  await test.step('the account’s CSV lists both gifts', async () => {
    await page.getByRole('tab', { name: 'Exports', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'account.csv' }).click();
    const csv = await readFile((await (await downloading).path())!, 'utf8');
    const lines = csv.split(/\r?\n/).filter((line) => line.includes(donor.lastName));
    expect(lines).toHaveLength(2);
  });

  await test.step('the commission’s files are a party’s: in party mode they are checked', async () => {
    const commission = page.getByRole('region', { name: /^Fichiers de la Commission/ });
    await commission.getByRole('button', { name: 'operations.tsv' }).click();
    await expect(commission.getByRole('alert')).toContainText(
      'La procédure dématérialisée est celle des partis',
    );

    await page.getByRole('tab', { name: 'Réglages', exact: true }).click();
    await page.getByRole('textbox', { name: 'Qui collecte' }).click();
    await page.getByRole('option', { name: /^Un parti/ }).click();
    await page.getByRole('textbox', { name: 'Reçus fiscaux' }).click();
    await page.getByRole('option', { name: /^Procédure dématérialisée/ }).click();
    await saveSettings(page);

    // Party mode now: the files are checked field by field before they are written. The card
    // gift shows on the agent's bank statement, which Levier learns from the provider's payouts
    // (the development adapter makes none): until the officer notes it, the export says so.
    await page.getByRole('tab', { name: 'Exports', exact: true }).click();
    await commission.getByRole('button', { name: 'operations.tsv' }).click();
    await expect(commission.getByRole('alert')).toContainText(
      'La référence du relevé bancaire manque',
    );

    await page.getByRole('tab', { name: 'Dons', exact: true }).click();
    await page.getByRole('textbox', { name: 'Nom, e-mail ou numéro' }).fill(donor.email);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const gifts = page.getByRole('table', { name: 'Dons' });
    await gifts.getByRole('button', { name: /^Noter la référence bancaire du don/ }).click();
    await page
      .getByRole('textbox', { name: 'Référence de la ligne du relevé bancaire' })
      .fill('RELEVE-2027-02-L14');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByText('Référence bancaire enregistrée.')).toBeVisible();

    await page.getByRole('tab', { name: 'Exports', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await commission.getByRole('button', { name: 'operations.tsv' }).click();
    const tsv = await readFile((await (await downloading).path())!, 'utf8');
    const rows = tsv.split(/\r?\n/).filter((line) => line.includes(donor.lastName));
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row.split('\t')).toHaveLength(tsv.split(/\r?\n/)[0]!.split('\t').length);
    expect(rows.some((row) => row.includes('RELEVE-2027-02-L14'))).toBe(true);
  });
});

test('a donor changes and stops their monthly gift from their space', async ({
  browser,
  baseURL,
}) => {
  // The campaign collects as a party now (the test above ends so).
  const page = await newPage(browser, baseURL);
  const donor = await createSupporter(page.request, { firstName: 'Mensuelle' });
  await logIn(page.request, donor.email);
  await fillDonationForm(page, donor, { choice: /^20\s€/, monthly: true, party: true });
  await page.getByRole('button', { name: 'Payer (réussite)' }).click();
  await expect(page).toHaveURL(/\/donate\/thanks/);

  await page.goto('/me');
  const plans = page.getByRole('list', { name: 'Mes dons mensuels' });
  await expect(plans.getByRole('listitem')).toHaveCount(1);
  const plan = plans.getByRole('listitem');
  await expect(plan).toContainText(/20\s€ par mois/);
  await expect(plan).toContainText('Actif');
  await expect(page.getByText(/^Vous pouvez encore donner .+ cette année/)).toBeVisible();

  await plan.getByRole('button', { name: 'Changer le montant' }).click();
  const amount = plan.getByRole('textbox', { name: 'Nouveau montant mensuel (en euros)' });
  await amount.fill('vingt');
  await plan.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    plan.getByText('Indiquez un montant en euros, par exemple 25 ou 12,50.'),
  ).toBeVisible();
  await amount.fill('25');
  await plan.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/Votre don mensuel passe à 25\s€/)).toBeVisible();
  await expect(plan).toContainText(/25\s€ par mois/);

  await plan.getByRole('button', { name: 'Arrêter' }).click();
  const dialog = page.getByRole('dialog', { name: /^Arrêter votre don mensuel de 25\s€/ });
  await dialog.getByRole('button', { name: 'Arrêter le don mensuel' }).click();
  await expect(dialog).toBeHidden();
  await expect(plan).toContainText('Arrêté');
  await expect(plan).toContainText('Vous l’avez arrêté.');
  await expect(plan.getByRole('button', { name: 'Changer le montant' })).toHaveCount(0);
  await page.context().close();
});

test('the donation page fits a phone’s width', async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  await page.goto('/donate');
  await expect(page.getByRole('button', { name: 'Continuer vers le paiement' })).toBeVisible();
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  for (const name of ['Prénom', 'Adresse e-mail']) {
    const box = await page.getByLabel(name, { exact: true }).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  // Typing a free amount chooses it and says what it costs after the tax reduction.
  await page.getByRole('textbox', { name: 'Autre montant (en euros)' }).fill('100');
  await expect(page.getByRole('radio', { name: 'Autre montant (en euros)' })).toBeChecked();
  await expect(page.locator('[data-tax-preview]')).toHaveText(
    /^soit 34\s€ après réduction d’impôt$/,
  );
  await page.getByRole('textbox', { name: 'Autre montant (en euros)' }).fill('12,345');
  await expect(page.locator('[data-tax-preview]')).toHaveText('');
  await context.close();
});
