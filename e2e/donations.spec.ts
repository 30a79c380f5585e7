import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  mailbox,
  newPerson,
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
  const granted = await adminPage.request.post('/api/admin/accounts', {
    data: { email: officer.email, roles: ['finance'] },
    headers: await csrfHeaders(adminPage.request),
  });
  expect(granted.status(), await granted.text()).toBe(200);
  await logIn(page.request, officer.email);
}

/** A logged-in supporter who gives 20 EUR a month (party mode), on their space. */
async function monthlyDonor(
  browser: Browser,
  baseURL: string | undefined,
  firstName: string,
): Promise<Page> {
  const page = await newPage(browser, baseURL);
  const donor = await createSupporter(page.request, { firstName });
  await logIn(page.request, donor.email);
  await fillDonationForm(page, donor, { choice: /^20\s€/, monthly: true, party: true });
  await page.getByRole('button', { name: 'Payer (réussite)' }).click();
  await expect(page).toHaveURL(/\/donate\/thanks/);
  await page.goto('/me');
  return page;
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

  // The candidate's election, as an administrator records it (its page is tested elsewhere).
  const election = `Municipales ${uniq()}`;
  const created = await adminPage.request.post('/api/compliance/elections', {
    data: { name: election, kind: 'local', rounds: [{ date: '2031-03-16' }] },
    headers: await csrfHeaders(adminPage.request),
  });
  expect(created.status(), await created.text()).toBe(200);

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
      page.getByText('Un candidat collecte pour une élection : choisissez-la.'),
    ).toBeVisible();
    await expect(
      page.getByText('La page de dons doit donner la date de déclaration du mandataire.'),
    ).toBeVisible();

    await page.getByRole('textbox', { name: 'Élection', exact: true }).click();
    await page.getByRole('option', { name: `${election} (1er tour le 16 mars 2031)` }).click();
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
  const page = await monthlyDonor(browser, baseURL, 'Mensuelle');
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

/** The finance officer's page on a phone, as `newPage` makes one on a desktop. */
async function newPhonePage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  return context.newPage();
}

/**
 * The first number of a series of five forms no other test uses: seven digits (the first
 * test's have six), in a band of its own for each test (0 or 1) that records one.
 */
function freshSeriesStart(band: 0 | 1): number {
  return 1_000_000 + band * 4_000_000 + Math.floor(Math.random() * 3_999_990);
}

/** Records a series of numbered forms on the receipts page, as the officer does. */
async function recordSeries(page: Page, first: number, last: number) {
  await page.goto('/hq/finance/receipts');
  await page.getByRole('textbox', { name: 'Premier numéro' }).fill(String(first));
  await page.getByRole('textbox', { name: 'Dernier numéro' }).fill(String(last));
  await page.getByRole('button', { name: 'Enregistrer la série' }).click();
  await expect(page.getByText(`Série ${first} – ${last} enregistrée.`)).toBeVisible();
}

/**
 * The gifts list filtered on one email, as the officer filters it; `count` gifts match (the
 * whole table is counted: the unfiltered list, shown until the filtered one comes, has more).
 */
async function filterGifts(page: Page, email: string, count: number) {
  await page.goto('/hq/finance/gifts');
  await page.getByRole('textbox', { name: 'Nom, e-mail ou numéro' }).fill(email);
  await page.getByRole('button', { name: 'Filtrer' }).click();
  if (count === 0) {
    await expect(page.getByText('Aucun don ne correspond à ces filtres.')).toBeVisible();
  } else {
    await expect(page.getByRole('table', { name: 'Dons' }).getByRole('row')).toHaveCount(count + 1);
  }
}

/** A text matched as it is written (an email's dots are dots). */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A cheque typed in by the finance officer on the record-a-gift page. */
async function recordCheque(
  page: Page,
  donor: Donor,
  cheque: { amount: string; bank: string; number: string },
) {
  await page.goto('/hq/finance/record');
  await expect(page.getByRole('heading', { name: 'Saisir un don', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Chèque' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Montant (en euros, tel qu’écrit)' }).fill(cheque.amount);
  await page.getByRole('textbox', { name: 'Banque' }).fill(cheque.bank);
  await page.getByRole('textbox', { name: 'N° du chèque' }).fill(cheque.number);
  await page.getByRole('textbox', { name: 'Civilité' }).click();
  await page.getByRole('option', { name: 'Madame' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill(donor.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(donor.lastName);
  await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas');
  await page.getByLabel('Code postal').fill('44000');
  await page.getByLabel('Commune').fill('Nantes');
  await page.getByLabel('E-mail').fill(donor.email);
  await page.getByLabel(/^Le donateur est une personne physique/).check();
  await page.getByLabel(/^Le donateur est de nationalité française/).check();
  await page.getByRole('button', { name: 'Enregistrer le don' }).click();
  await expect(
    page.getByText(
      new RegExp(
        `^Don de ${cheque.amount}\\s€ de ${donor.firstName} ${donor.lastName} enregistré\\.$`,
      ),
    ),
  ).toBeVisible();
}

test('the officer refunds a card gift: it shows refunded, its form goes back cancelled', async ({
  page,
  adminPage,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await financeOfficer(page, adminPage);
  // The campaign collects as a party now (the first test ends so).
  const donorPage = await newPage(browser, baseURL);
  const donor = await createSupporter(donorPage.request, { firstName: 'Remboursée' });
  const name = `${donor.firstName} ${donor.lastName}`;
  await logIn(donorPage.request, donor.email);
  await fillDonationForm(donorPage, donor, { choice: /^50\s€/, party: true });
  await donorPage.getByRole('button', { name: 'Payer (réussite)' }).click();
  await expect(donorPage.getByRole('heading', { name: 'Merci pour votre don' })).toBeVisible();

  const first = freshSeriesStart(0);
  await recordSeries(page, first, first + 4);

  const gifts = page.getByRole('table', { name: 'Dons' });
  const row = gifts.getByRole('row').filter({ hasText: donor.email });
  let number = '';
  let giftId = '';
  await test.step('the gift is given a receipt form', async () => {
    await filterGifts(page, donor.email, 1);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Reçu');
    const assign = row.getByRole('button', { name: /^Attribuer un reçu au don n° \d+/ });
    giftId = /n° (\d+)/.exec((await assign.getAttribute('aria-label'))!)![1]!;
    await assign.click();
    const assigned = page.getByText(
      new RegExp(`^Formulaire n° \\d+ attribué au don de ${name}\\.$`),
    );
    await expect(assigned).toBeVisible();
    number = /n° (\d+)/.exec((await assigned.textContent())!)![1]!;
    await expect(row).toContainText(number);
  });

  await test.step('the officer refunds it after the confirmation', async () => {
    await row
      .getByRole('button', {
        name: new RegExp(`^Rembourser le don n° ${giftId} de ${name} \\(50\\s€\\)$`),
      })
      .click();
    const dialog = page.getByRole('dialog', {
      name: new RegExp(`^Rembourser 50\\s€ à ${name}\\s\\?$`),
    });
    await expect(dialog).toContainText('son reçu fiscal sera annulé');
    await dialog.getByRole('button', { name: 'Rembourser', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText(new RegExp(`^Don de 50\\s€ remboursé à ${name} ; son reçu est annulé\\.$`)),
    ).toBeVisible();
    await expect(row.getByText('Remboursé', { exact: true })).toBeVisible();
    await expect(row).not.toContainText(number);
    await expect(row.getByRole('button')).toHaveCount(0);
  });

  await test.step('the cancelled form is on the list to send back', async () => {
    await page.getByRole('tab', { name: 'Reçus', exact: true }).click();
    const toReturn = page.getByRole('region', { name: 'Formulaires à renvoyer à la Commission' });
    const line = toReturn
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: number, exact: true }) });
    await expect(line).toHaveCount(1);
    await expect(line).toContainText(
      new RegExp(`Annulé le .+ \\(don n° ${giftId}\\) : Don remboursé`),
    );
    await expect(line).toContainText('La souche');
  });

  await test.step('the donor sees the gift refunded in their space', async () => {
    await donorPage.goto('/me');
    const mine = donorPage.getByRole('table', { name: 'Mes dons' });
    const gift = mine.getByRole('row').filter({ hasText: /50\s€/ });
    await expect(gift).toContainText('Remboursé');
    await expect(
      gift.getByRole('link', { name: /^Télécharger l’accusé de réception du don/ }),
    ).toHaveCount(0);
  });
  await donorPage.context().close();
});

test('on a phone, the officer marks a form spoiled; an unknown number is refused', async ({
  browser,
  baseURL,
  adminPage,
}) => {
  const page = await newPhonePage(browser, baseURL);
  await financeOfficer(page, adminPage);
  const first = freshSeriesStart(1);
  const last = first + 4;
  const spoiled = String(first + 2);
  await recordSeries(page, first, last);

  const spoil = page.getByRole('region', { name: 'Formulaire gâché' });
  const number = spoil.getByRole('textbox', { name: 'Numéro du formulaire' });
  const reason = spoil.getByRole('textbox', { name: 'Raison' });
  const submit = spoil.getByRole('button', { name: 'Marquer gâché' });

  await test.step('the number and the reason are required', async () => {
    await submit.tap();
    await expect(number).toHaveAccessibleDescription('Ce champ est obligatoire.');
    await expect(reason).toHaveAccessibleDescription('Ce champ est obligatoire.');
  });

  await test.step('a number in no recorded series is refused, with the reason', async () => {
    await number.fill('42');
    await reason.fill('Formulaire déchiré');
    await submit.tap();
    await expect(spoil.getByRole('alert')).toContainText(
      "La formule n° 42 n'appartient à aucune série enregistrée",
    );
    await expect(number).toHaveValue('42');
  });

  await test.step('a number of the series is marked spoiled', async () => {
    await number.fill(spoiled);
    await submit.tap();
    await expect(page.getByText(`Formulaire n° ${spoiled} marqué gâché.`)).toBeVisible();
    await expect(spoil.getByRole('alert')).toHaveCount(0);
    await expect(number).toHaveValue('');
    await expect(reason).toHaveValue('');
  });

  await test.step('the whole form goes back to the commission as spoiled', async () => {
    const toReturn = page.getByRole('region', { name: 'Formulaires à renvoyer à la Commission' });
    await expect(
      toReturn.getByRole('heading', { name: new RegExp(`^Série ${first} – ${last}, reçue le`) }),
    ).toBeVisible();
    const lines = toReturn
      .getByRole('table', { name: String(first), exact: true })
      .getByRole('row');
    await expect(lines).toHaveCount(4);
    await expect(lines.nth(1)).toHaveText(
      new RegExp(
        `^${first} – ${first + 1}\\s*Inutilisés \\(2 formulaires\\)\\s*Le formulaire entier$`,
      ),
    );
    await expect(lines.nth(2)).toContainText(spoiled);
    await expect(lines.nth(2)).toContainText(/Gâché le .+ : Formulaire déchiré/);
    await expect(lines.nth(2)).toContainText('Le formulaire entier');
    await expect(lines.nth(3)).toContainText(`${first + 3} – ${last}`);
    await expect(lines.nth(3)).toContainText('Inutilisés (2 formulaires)');
  });
  await page.context().close();
});

test('two donors with one name and address are merged from the duplicate review', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(120_000);
  await financeOfficer(page, adminPage);
  const lastName = `Doublon ${capitalized(uniq())}`;
  const kept = newPerson({ firstName: 'Jeanne', lastName });
  const merged = newPerson({ firstName: 'Jeanne', lastName });
  const name = `Jeanne ${lastName}`;
  await recordCheque(page, kept, { amount: '30', bank: 'Crédit Mutuel', number: '0007001' });
  await recordCheque(page, merged, { amount: '40', bank: 'Crédit Mutuel', number: '0007002' });

  const gifts = page.getByRole('table', { name: 'Dons' });
  await filterGifts(page, kept.email, 1);
  await expect(gifts.getByRole('row').filter({ hasText: name })).toHaveCount(1);

  const review = page.getByRole('region', { name: 'Donateurs en double probables' });
  await test.step('the pair is in the duplicate review', async () => {
    await page.getByRole('tab', { name: 'Vue d’ensemble', exact: true }).click();
    await expect(
      review.getByText(new RegExp(`^${name} · ${literally(kept.email)} · 30\\s€$`)),
    ).toBeVisible();
    await expect(
      review.getByText(new RegExp(`^${name} · ${literally(merged.email)} · 40\\s€$`)),
    ).toBeVisible();
    await expect(
      review.getByText('Même nom et même adresse, adresses e-mail différentes').first(),
    ).toBeVisible();
  });

  await test.step('the officer merges them, keeping the first', async () => {
    await review.getByRole('button', { name: `Garder ${kept.email}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Fusionner ces donateurs ?' });
    await expect(dialog).toContainText(
      `${name} <${merged.email}> sera fusionné dans ${name} <${kept.email}>`,
    );
    await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Donateurs fusionnés.')).toBeVisible();
    await expect(review.getByText(kept.email)).toHaveCount(0);
    await expect(review.getByText(merged.email)).toHaveCount(0);
  });

  await test.step('both gifts are the kept donor’s now', async () => {
    await filterGifts(page, kept.email, 2);
    const rows = gifts.getByRole('row').filter({ hasText: name });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: /30\s€/ })).toHaveCount(1);
    await expect(rows.filter({ hasText: /40\s€/ })).toHaveCount(1);

    await filterGifts(page, merged.email, 0);
  });
});

test('the officer records two cheques and puts them on one remittance slip', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(120_000);
  await financeOfficer(page, adminPage);
  const donor = newPerson({ firstName: 'Chéquière' });
  const name = `${donor.firstName} ${donor.lastName}`;
  await recordCheque(page, donor, { amount: '60', bank: 'Crédit Agricole', number: '0004567' });
  await recordCheque(page, donor, { amount: '90', bank: 'Banque Postale', number: '0004568' });

  const gifts = page.getByRole('table', { name: 'Dons' });
  const rows = gifts.getByRole('row').filter({ hasText: name });
  await test.step('both cheques are in the gifts, not yet banked', async () => {
    await filterGifts(page, donor.email, 2);
    await expect(rows).toHaveCount(2);
    const sixty = rows.filter({ hasText: /60\s€/ });
    await expect(sixty).toContainText('Chèque');
    await expect(sixty).toContainText('Crédit Agricole · 0004567');
    await expect(rows.filter({ hasText: /90\s€/ })).toContainText('Banque Postale · 0004568');
    for (const row of await rows.all()) {
      await expect(row.getByRole('cell').nth(4)).toHaveText('Reçu');
      await expect(row.getByRole('cell').nth(6)).toHaveText('—');
    }
  });

  let slip = '';
  await test.step('the officer ticks them and creates the slip', async () => {
    await page.getByRole('tab', { name: 'Remises en banque', exact: true }).click();
    const unbanked = page.getByRole('table', { name: 'Reçus, pas encore remis en banque' });
    const boxes = unbanked.getByRole('checkbox', { name: new RegExp(`de ${name}$`) });
    await expect(boxes).toHaveCount(2);
    for (const box of await boxes.all()) await box.check();
    await page.getByRole('button', { name: /^Créer le bordereau \(2 dons, 150\s€\)$/ }).click();
    const done = page.getByText(/^Bordereau .+ créé \(2 dons\)\.$/);
    await expect(done).toBeVisible();
    slip = /^Bordereau (.+) créé/.exec((await done.textContent())!)![1]!;
    await expect(boxes).toHaveCount(0);
  });

  await test.step('the slip is listed with its total', async () => {
    const slips = page.getByRole('table', { name: 'Bordereaux' });
    const line = slips
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: slip, exact: true }) });
    await expect(line).toHaveCount(1);
    const cells = line.getByRole('cell');
    await expect(cells.nth(1)).toHaveText('Chèque');
    await expect(cells.nth(3)).toHaveText('2');
    await expect(cells.nth(4)).toHaveText(/^150\s€$/);
  });

  await test.step('each cheque names its slip', async () => {
    await filterGifts(page, donor.email, 2);
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) await expect(row.getByRole('cell').nth(6)).toHaveText(slip);
  });
});

test('a donor gives their monthly gift another card from their space', async ({
  browser,
  baseURL,
}) => {
  const page = await monthlyDonor(browser, baseURL, 'Carte');
  const plan = page.getByRole('list', { name: 'Mes dons mensuels' }).getByRole('listitem');
  await expect(plan).toHaveCount(1);
  await expect(plan).toContainText('Actif');

  const notice = page.getByRole('status').filter({ hasText: 'carte' });
  await test.step('a donor who turns back keeps the previous card, and is told so', async () => {
    await plan.getByRole('button', { name: 'Changer de carte' }).click();
    await expect(page).toHaveURL(/\/donate\/pay\/dev\//);
    await page.getByRole('button', { name: /^Annuler/ }).click();
    await expect(page).toHaveURL(/\/me\?card=cancelled/);
    await expect(notice).toHaveText(/Le changement de carte est annulé/);
    await notice.getByRole('button', { name: 'Fermer' }).click();
    await expect(notice).toHaveCount(0);
    await expect(page).not.toHaveURL(/card=/);
  });

  await plan.getByRole('button', { name: 'Changer de carte' }).click();
  // The provider's page for a new card: nothing is charged there.
  await expect(page).toHaveURL(/\/donate\/pay\/dev\//);
  await expect(page.getByRole('heading', { name: 'Page de paiement de test' })).toBeVisible();
  await expect(page.getByText(/^Montant :/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Payer (réussite)' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Enregistrer la carte', exact: true }).click();

  await expect(page).toHaveURL(/\/me\?card=saved/);
  await expect(notice).toHaveText(/Votre nouvelle carte est enregistrée/);
  await expect(plan).toHaveCount(1);
  await expect(plan).toContainText(/20\s€ par mois/);
  await expect(plan).toContainText('Actif');
  await expect(plan).toContainText('Prochain prélèvement le');
  await expect(plan.getByRole('button', { name: 'Changer de carte' })).toBeVisible();
  await page.context().close();
});

test('the officer gives every received gift a form, prints what goes on it and marks it sent', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(120_000);
  await financeOfficer(page, adminPage);
  await test.step('the party files paper receipts (the settings page is tested above)', async () => {
    const settings = (await (await page.request.get('/api/donations/settings')).json()) as Record<
      string,
      unknown
    >;
    const saved = await page.request.put('/api/donations/settings', {
      data: { ...settings, receiptProcedure: 'paper' },
      headers: await csrfHeaders(page.request),
    });
    expect(saved.status(), await saved.text()).toBe(200);
  });
  const donor = newPerson({ firstName: 'Reçue' });
  const name = `${donor.firstName} ${donor.lastName}`;
  await recordCheque(page, donor, { amount: '320', bank: 'LCL', number: '0007001' });
  // Enough forms for every received gift the earlier tests left without one.
  const first = 9_000_000 + Math.floor(Math.random() * 899_000);
  await recordSeries(page, first, first + 199);

  const toSend = page.getByRole('region', { name: 'Reçus à remplir et envoyer' });
  await test.step('one click gives a form to every received gift without one', async () => {
    await toSend
      .getByRole('button', { name: 'Attribuer un formulaire à chaque don reçu qui n’en a pas' })
      .click();
    await expect(
      page.getByText(/^\d+ formulaire\(s\) attribué\(s\), n° \d+ à \d+\.$/),
    ).toBeVisible();
    await toSend
      .getByRole('button', { name: 'Attribuer un formulaire à chaque don reçu qui n’en a pas' })
      .click();
    await expect(page.getByText('Chaque don reçu a déjà son formulaire.')).toBeVisible();
  });

  const row = toSend.getByRole('row').filter({ hasText: name });
  let number = '';
  await test.step('the gift is in the receipts to send, with its number', async () => {
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/320\s€/);
    number = (await row.getByRole('cell').first().textContent())!.trim();
    expect(number).toMatch(/^\d+$/);
  });

  await test.step('the officer prints what goes on that form', async () => {
    await toSend.getByRole('textbox', { name: 'Du formulaire n°' }).fill(number);
    await toSend.getByRole('textbox', { name: 'au n°' }).fill(number);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      toSend.getByRole('link', { name: 'Imprimer le contenu des formulaires (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^levier-recus-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  await test.step('and marks the receipt sent: it leaves the list', async () => {
    await toSend.getByRole('button', { name: 'Marquer ces reçus envoyés' }).click();
    await expect(page.getByText('1 reçu(s) marqué(s) envoyé(s).')).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  await test.step('the rest, the whole list by default, are sent together', async () => {
    const left = Number(
      /^(\d+) reçu/.exec((await toSend.getByText(/^\d+ reçu\(s\) à remplir/).textContent())!)![1],
    );
    await toSend.getByRole('button', { name: 'Marquer ces reçus envoyés' }).click();
    await expect(page.getByText(`${left} reçu(s) marqué(s) envoyé(s).`)).toBeVisible();
    await expect(
      toSend.getByText('Aucun reçu à envoyer : chaque formulaire délivré est marqué envoyé.'),
    ).toBeVisible();
  });
});
