import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** No horizontal scrolling: the page is no wider than the screen. */
async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

/** A POST or PUT with the session's CSRF token, as the app sends it. */
async function send(request: APIRequestContext, method: 'post' | 'put', url: string, data: object) {
  const { csrfToken } = (await (await request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const response = await request[method](url, { headers: { 'x-csrf-token': csrfToken }, data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as { id: number };
}

/** A figure of the committee's dashboard, by its label. */
const figure = (page: Page, dashboard: Locator, label: string) =>
  dashboard
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
    .getByRole('definition');

test('an organiser checks people in from a phone, adds a walk-in, reports the action, and the committee’s dashboard counts it', async ({
  page,
  browser,
  baseURL,
}) => {
  // An organiser, their committee, and a door-to-door that started half an hour ago.
  const organiser = await createSupporter(page.request, { firstName: 'Maëlle' });
  await logIn(page.request, organiser.email);
  const committeeName = `Comité Brest ${capitalized(uniq())}`;
  const committee = await send(page.request, 'post', '/api/committees', {
    name: committeeName,
    place: { postalCode: '29200' },
  });
  const title = `Porte-à-porte ${capitalized(uniq())}`;
  const event = await send(page.request, 'post', `/api/committees/${committee.id}/events`, {
    type: 'door_to_door',
    title,
    startsAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
    place: { postalCode: '29200' },
  });

  // A supporter said they would come, with a friend.
  const other = await browser.newContext({ baseURL });
  const attendee = await createSupporter(other.request, { firstName: 'Gwenaëlle' });
  await logIn(other.request, attendee.email);
  await send(other.request, 'put', `/api/events/${event.id}/rsvp`, { guests: 1 });
  await other.close();
  const attendeeName = `${attendee.firstName} ${attendee.lastName}`;

  // 1. On the day, the manage page opens on the check-in.
  await page.goto(`/me/events/${event.id}/manage`);
  const checkin = page.getByRole('region', { name: 'Pointage' });
  await expect(checkin.getByRole('status')).toHaveText('0 présent sur 1 attendu');
  await expectNoHorizontalScroll(page);

  // 2. Found by part of their name, typed without its accent; a tap checks them in.
  await checkin.getByRole('searchbox', { name: 'Rechercher un participant' }).fill('gwenael');
  const person = checkin.getByRole('button', { name: attendeeName, exact: true });
  await expect(person).toHaveAttribute('aria-pressed', 'false');
  await expect(person).toHaveAccessibleDescription('+1 accompagnant');
  const box = await person.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  expect(box!.width).toBeGreaterThan(280);
  await person.tap();
  await expect(person).toHaveAttribute('aria-pressed', 'true');
  await expect(checkin.getByRole('status')).toHaveText('1 présent sur 1 attendu');
  await checkin.getByRole('searchbox', { name: 'Rechercher un participant' }).fill('');

  // 3. Someone came without answering: added at the door, checked in at once.
  const walkIn = { firstName: 'Yannick', lastName: `Le Gall ${capitalized(uniq())}` };
  await checkin.getByRole('button', { name: 'Ajouter une personne' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Ajouter une personne présente' });
  await dialog.getByRole('button', { name: 'Ajouter et pointer' }).tap();
  await expect(dialog.getByText('Ce champ est obligatoire.').first()).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Prénom' }).fill(walkIn.firstName);
  await dialog.getByRole('textbox', { name: 'Nom de famille' }).fill(walkIn.lastName);
  await dialog
    .getByRole('textbox', { name: 'Adresse e-mail' })
    .fill(`yannick.${uniq()}@example.org`);
  await expectNoHorizontalScroll(page);
  await dialog.getByRole('button', { name: 'Ajouter et pointer' }).tap();
  const walkInName = `${walkIn.firstName} ${walkIn.lastName}`;
  await expect(page.getByText(`${walkInName} est ajouté·e et pointé·e.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(checkin.getByRole('status')).toHaveText('2 présents sur 2 attendus');
  const added = checkin.getByRole('button', { name: walkInName, exact: true });
  await expect(added).toHaveAttribute('aria-pressed', 'true');
  await expect(added).toHaveAccessibleDescription('Venu·e sans inscription');

  // A mistaken tap is undone by another.
  await added.tap();
  await expect(checkin.getByRole('status')).toHaveText('1 présent sur 2 attendus');
  await added.tap();
  await expect(checkin.getByRole('status')).toHaveText('2 présents sur 2 attendus');

  // 4. The report: attendance starts from the check-ins; a bad figure is refused before sending.
  const report = page.getByRole('region', { name: 'Compte rendu' });
  const attendance = report.getByRole('textbox', { name: 'Participants' });
  await expect(attendance).toHaveValue('2');
  await attendance.fill('');
  await report.getByRole('button', { name: 'Enregistrer le compte rendu' }).tap();
  await expect(report.getByText('Saisissez un nombre entier, zéro ou plus.')).toBeVisible();
  await attendance.fill('3');
  await report.getByRole('textbox', { name: 'Portes frappées' }).fill('45');
  await report.getByRole('textbox', { name: 'Conversations' }).fill('12');
  await report.getByRole('textbox', { name: 'Tracts distribués' }).fill('80');
  await report
    .getByRole('textbox', { name: 'Notes' })
    .fill('Bon accueil rue de Siam ; à refaire samedi.');
  await expectNoHorizontalScroll(page);
  await report.getByRole('button', { name: 'Enregistrer le compte rendu' }).tap();
  await expect(page.getByText('Compte rendu enregistré.')).toBeVisible();
  await expect(report.getByText(/^Enregistré le .+ par Maëlle /)).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Compte rendu' })
      .getByRole('textbox', { name: 'Portes frappées' }),
  ).toHaveValue('45');

  // 5. The committee's dashboard adds it up.
  await page.goto(`/me/committees/${committee.id}/manage`);
  const dashboard = page.getByRole('region', { name: 'Tableau de bord' });
  await expect(figure(page, dashboard, 'Membres')).toHaveText('1');
  await expect(figure(page, dashboard, 'Événements tenus')).toHaveText('1');
  await expect(figure(page, dashboard, 'Inscriptions')).toHaveText('1');
  await expect(figure(page, dashboard, 'Présents pointés')).toHaveText('2');
  await expect(figure(page, dashboard, 'Portes frappées')).toHaveText('45');
  await expect(figure(page, dashboard, 'Conversations')).toHaveText('12');
  await expect(figure(page, dashboard, 'Tracts distribués')).toHaveText('80');
  await expect(dashboard.getByText('1 compte rendu · 3 participants déclarés')).toBeVisible();
  await expect(
    dashboard.getByRole('img', { name: /^Membres : 0 en .+, 1 aujourd’hui\.$/ }),
  ).toBeVisible();
  await expectNoHorizontalScroll(page);
});
