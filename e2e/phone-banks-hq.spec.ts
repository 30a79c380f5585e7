// Volunteer phone banks at HQ: staff build a bank over a segment, open it (its audience is
// frozen: the segment's people with a phone and the consent to calls), follow its counts, add a
// shift (a phone-bank event volunteers sign up to), pause and resume it. A supporter gets none
// of these pages nor their API. The campaign is shared with specs running in parallel: names
// are unique per run and nothing assumes an empty list.
import type { Locator, Page } from '@playwright/test';
import { nextMonthsFifteenth } from './support/dates.ts';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  test,
  uniq,
} from './support/fixtures.ts';

/** A French mobile number unique to this run: every 06 1x xx xx xx number is a valid one. */
function mobile(): string {
  const digits = String(Date.now() * 1000 + Math.floor(Math.random() * 1000)).slice(-7);
  return `06 1${digits.replace(/^(\d)(\d\d)(\d\d)(\d\d)$/, '$1 $2 $3 $4')}`;
}

/** Picks the option of a Mantine select (an input that opens a list of options). */
async function pick(page: Page, field: Locator, option: RegExp | string) {
  await field.click();
  await page.getByRole('option', { name: option }).click();
}

/** The value shown under a label of a page's region (the bank's counts). */
const fact = (page: Page, region: string, label: string) =>
  page
    .getByRole('region', { name: region })
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

/** Chooses the 15th of next month at `hours`:00 in a date-and-time field of the page. */
async function chooseMoment(page: Page, field: string, hours: number) {
  const { label, shown } = nextMonthsFifteenth();
  await page.getByRole('button', { name: field, exact: true }).click();
  await page.getByRole('button', { name: 'Mois suivant' }).click();
  await page.getByRole('button', { name: label, exact: true }).click();
  const hoursInput = page.getByRole('spinbutton', { name: 'Heures' });
  await expect(hoursInput).toHaveValue('10');
  await hoursInput.focus();
  for (let hour = 10; hour < hours; hour++) await hoursInput.press('ArrowUp');
  await expect(hoursInput).toHaveValue(String(hours));
  await page.getByRole('button', { name: 'Valider la date et l’heure' }).click();
  await expect(page.getByRole('button', { name: field, exact: true })).toContainText(
    `${shown} ${hours}:00`,
  );
  // The calendar closes with a transition: the next field's must be the only one open.
  await expect(page.getByRole('button', { name: 'Mois suivant' })).toHaveCount(0);
}

test('staff open a phone bank over a segment, follow its counts, add a shift, pause and resume it', async ({
  adminPage: page,
}) => {
  test.setTimeout(120_000);
  const id = uniq();
  const family = `Appel${capitalized(id)}`;
  const segment = `Appels ${capitalized(id)}`;
  const name = `Relance ${capitalized(id)}`;

  await test.step('a segment holds two people who agreed to calls and one who did not', async () => {
    for (const firstName of ['Aline', 'Basile']) {
      await createSupporter(page.request, {
        firstName,
        lastName: family,
        phone: mobile(),
        consents: { email: true, sms: false, phone: true },
      });
    }
    await createSupporter(page.request, {
      firstName: 'Corinne',
      lastName: family,
      phone: mobile(),
      consents: { email: true, sms: false, phone: false },
    });
    const created = await page.request.post('/api/segments', {
      data: { name: segment, filter: { q: id } },
      headers: await csrfHeaders(page.request),
    });
    expect(created.status(), await created.text()).toBe(200);
  });

  await test.step('the calling section’s tab leads to the phone banks; a draft is built', async () => {
    await page.goto('/hq/calling');
    await page.getByRole('tab', { name: 'Appels bénévoles' }).click();
    await expect(page.getByRole('heading', { name: 'Appels bénévoles', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Toutes les banques d’appels' })).toBeVisible();
    await page.getByRole('link', { name: 'Nouvelle banque d’appels' }).click();
    await expect(
      page.getByRole('heading', { name: 'Nouvelle banque d’appels', level: 1 }),
    ).toBeVisible();
    // Nothing chosen: the segment is asked for before anything is sent.
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByText('Choisissez le segment à appeler.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Nom de la banque d’appels' }).fill(name);
    await pick(page, page.getByRole('textbox', { name: 'Segment' }), new RegExp(segment));
    // Before it opens, the editor says whom the bank would queue: those who agreed to calls.
    await expect(
      page.getByRole('status').filter({ hasText: 'Personnes dans ce segment : 3.' }),
    ).toContainText('Ouvrir la banque maintenant en mettrait 2 dans la file');
    await page
      .getByRole('textbox', { name: 'Texte du script' })
      .fill('Bonjour <b>{prénom}</b>,\nje suis bénévole de la campagne.');
    // Opened to a committee's members, a bank names the committee.
    await page.getByRole('radio', { name: 'Les membres d’un comité' }).check();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByText('Choisissez le comité dont les membres appellent.')).toBeVisible();
    await page.getByRole('radio', { name: 'Tous les sympathisants' }).check();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByText('Banque d’appels enregistrée.')).toBeVisible();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
    // The script is text: the tag is shown as typed, the line break kept.
    const script = page.getByRole('region', { name: 'Script' });
    await expect(script.getByText('Bonjour <b>{prénom}</b>,')).toHaveCSS('white-space', 'pre-wrap');
    await expect(script.locator('b')).toHaveCount(0);
  });

  await test.step('opening says what happens, freezes the audience and shows the counts', async () => {
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir la banque d’appels' });
    await expect(dialog).toContainText(`les personnes du segment « ${segment} »`);
    await expect(dialog).toContainText('le segment ne pourra plus changer');
    await dialog.getByRole('button', { name: 'Ouvrir et figer le public' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Ouverte', { exact: true })).toBeVisible();
    await expect(fact(page, 'Avancement', 'Public')).toHaveText('2');
    await expect(fact(page, 'Avancement', 'À appeler')).toHaveText('2');
    await expect(fact(page, 'Avancement', 'Terminés')).toHaveText('0');
    await expect(fact(page, 'Avancement', 'Appels')).toHaveText('0');
    await expect(fact(page, 'Avancement', 'Pas de réponse')).toHaveText('0');
    await expect(fact(page, 'Avancement', 'Ne plus appeler')).toHaveText('0');
    // Once opened, the segment no longer changes.
    await page.getByRole('link', { name: 'Modifier' }).click();
    await expect(page.getByRole('heading', { name: `Modifier « ${name} »` })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Segment' })).toBeDisabled();
    await page.goBack();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  });

  await test.step('a shift is added and listed as unfilled, with a link to its event', async () => {
    const shifts = page.getByRole('region', { name: 'Créneaux' });
    await expect(shifts).toContainText('Aucun créneau pour l’instant.');
    await chooseMoment(page, 'Début', 18);
    await chooseMoment(page, 'Fin', 20);
    await shifts.getByRole('textbox', { name: 'Places' }).fill('4');
    await shifts.getByRole('button', { name: 'Ajouter le créneau' }).click();
    await expect(page.getByText('Créneau ajouté.')).toBeVisible();
    const row = shifts.getByRole('table', { name: 'Créneaux' }).getByRole('row').nth(1);
    await expect(row).toContainText('Incomplet');
    await expect(row.getByRole('cell').nth(1)).toHaveText('4');
    await expect(row.getByRole('cell').nth(2)).toHaveText('0');
    await expect(row.getByRole('cell').nth(3)).toHaveText('4');
    const event = row.getByRole('link', { name: /^Du .* au / });
    await expect(event).toHaveAttribute('href', /^\/events\/\d+$/);
    const eventPage = await page.request.get((await event.getAttribute('href'))!);
    expect(eventPage.status()).toBe(200);
  });

  await test.step('the bank is paused and resumed; the list shows it', async () => {
    await page.getByRole('button', { name: 'Mettre en pause' }).click();
    await expect(page.getByText('En pause', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Reprendre' }).click();
    await expect(page.getByText('Ouverte', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Toutes les banques d’appels' }).click();
    const row = page
      .getByRole('table', { name: 'Banques d’appels' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row).toContainText('Ouverte');
    await expect(row).toContainText('0 / 2');
  });
});

test('a supporter is refused the phone banks’ pages and API', async ({ page }) => {
  const supporter = await createSupporter(page.request);
  await logIn(page.request, supporter.email);
  for (const path of ['/hq/calling/banks', '/hq/calling/banks/new']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toContainText('Accès refusé');
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  for (const path of ['/api/phone-banks', '/api/phone-banks/overview']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
  }
});
