// Screenshots for the README, taken on the demo campaign seeded in global setup. They are
// written to docs/screenshots/ only with UPDATE_SCREENSHOTS=1 (otherwise to test-results/),
// so a CI run does not touch the tree.
import type { Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  confirmSignup,
  createSupporter,
  expect,
  logIn,
  mailbox,
  newPerson,
  publicSite,
  signUp,
  test,
} from './support/fixtures.ts';

const update = process.env.UPDATE_SCREENSHOTS === '1';
const docs = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

async function shoot(page: Page, name: string) {
  // Nothing may be moving or focused-and-blinking in the picture.
  await page.mouse.move(0, 0);
  const file = update ? path.join(docs, name) : test.info().outputPath(name);
  const png = await page.screenshot({
    path: file,
    animations: 'disabled',
    caret: 'hide',
  });
  expect(png.byteLength).toBeGreaterThan(10_000);
}

/** The public map has drawn its outlines and its clusters or markers, and stopped loading. */
async function waitForMap(page: Page) {
  await expect(page.locator('.map canvas')).toBeVisible();
  await expect(page.locator('.map-cluster, .map-marker').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
}

/** Recharts draws its areas with a JavaScript animation: wait until the chart is still. */
async function waitForStillChart(page: Page) {
  const chart = page.locator('.recharts-wrapper');
  await expect(chart.locator('path.recharts-area-area').first()).toBeAttached();
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await chart.evaluate((el) =>
          [...el.querySelectorAll('path, clipPath rect')]
            .map((e) => `${e.getAttribute('d')}${e.getAttribute('width')}`)
            .join('|'),
        );
        const still = now === previous;
        previous = now;
        return still;
      },
      { intervals: [300] },
    )
    .toBe(true);
}

test('home page (desktop)', async ({ page }) => {
  const site = await publicSite(page.request);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(site.home.title);
  await expect(page.getByRole('button', { name: site.home.signupCallToAction })).toBeVisible();
  await shoot(page, 'home.png');
});

test('sign-up form on a phone', async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Prénom', { exact: true }).fill('Camille');
  await page.getByLabel('Nom de famille', { exact: true }).fill('Laurent');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill('camille.laurent@example.org');
  await page.getByLabel('Code postal', { exact: true }).fill('13100');
  await page.getByRole('combobox', { name: 'Commune' }).selectOption({ label: 'Aix-en-Provence' });
  await page
    .getByRole('heading', { level: 2 })
    .first()
    .evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -72);
    });
  await page.getByLabel('Code postal', { exact: true }).blur();
  await shoot(page, 'signup-mobile.png');
  await context.close();
});

test('supporter space', async ({ page }) => {
  const supporter = await createSupporter(page.request, {
    firstName: 'Camille',
    lastName: 'Laurent',
    email: 'camille.laurent@example.org',
    postalCode: '13100',
    communeCode: '13001',
    phone: '06 39 98 45 12',
  });
  await logIn(page.request, supporter.email);
  const profile = (await (await page.request.get('/api/me/profile')).json()) as {
    recruitCode: string;
  };
  // Three friends came through Camille's link; two confirmed.
  for (const [i, firstName] of ['Noé', 'Sarah', 'Malik'].entries()) {
    const friend = newPerson({ firstName, ref: profile.recruitCode });
    const since = await mailbox.mark();
    await signUp(page.request, friend);
    if (i < 2) await confirmSignup(page.request, friend.email, since);
  }
  await page.goto('/me');
  await expect(page.getByText('Personnes recrutées : 3, dont 2 confirmées.')).toBeVisible();
  // The demo's committees and events near Aix-en-Provence.
  const nearby = page.getByRole('region', { name: 'Près de chez vous' });
  await expect(
    nearby.getByRole('list', { name: 'Comités près de chez vous' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(
    nearby
      .getByRole('list', { name: 'Événements près de chez vous' })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await shoot(page, 'me.png');
});

test('HQ: people, a person, statistics, import', async ({ adminPage: page }) => {
  // Oldest first: the demo campaign's supporters, not what other specs are adding.
  await page.goto('/hq/people?sort=created_asc');
  const table = page.getByRole('table', { name: 'Liste des personnes' });
  await expect(table.getByRole('row')).toHaveCount(51);
  await expect(page.getByText(/^\d[\d\s\u202f]* personnes$/)).toBeVisible();
  await shoot(page, 'people.png');

  // The campaign's best recruiter: a rich timeline.
  await page.goto('/hq/stats');
  const recruiters = page.getByRole('table', { name: 'Meilleurs recruteurs' });
  await expect(recruiters.getByRole('row').nth(1)).toBeVisible();
  await waitForStillChart(page);
  await shoot(page, 'stats.png');

  await recruiters.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Historique' }).getByText('Inscription', { exact: true }),
  ).toBeVisible();
  await shoot(page, 'person.png');

  await page.goto('/hq/import');
  const csv = [
    'Prénom;Nom;Courriel;Code postal;Téléphone;Consentement e-mail',
    'Amélie;Durand;amelie.durand@example.com;44000;06 39 98 00 01;oui',
    'Bruno;Marchal;bruno.marchal@exemple;59000;;non',
    'Chloé;Petit;chloe.petit@example.com;38000;06 39 98 00 03;oui',
    'David;Nguyen;david.nguyen@example.com;35000;;oui',
    '',
  ].join('\r\n');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Fichier CSV' }).click();
  await (
    await choosing
  ).setFiles({ name: 'contacts-marche.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('table', { name: 'Erreurs et avertissements' })).toBeVisible();
  // The whole preview (file, mapping, counts, errors) in one picture: a window that tall.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await shoot(page, 'import.png');
});

interface Found {
  items: Array<{ id: number; name: string; title?: string; place: { label: string } | null }>;
}

test('committees and events: the public search, a committee, events, HQ’s list', async ({
  page,
  adminPage,
}) => {
  // The demo campaign's committees sit where its supporters live (Lyon among them).
  const near = (await (
    await page.request.get('/api/committees?place=69001&limit=1')
  ).json()) as Found;
  // Tall enough for the map and the first results under it.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto('/committees?place=69001');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trouver un comité');
  await expect(page.getByRole('link', { name: near.items[0]!.name, exact: true })).toBeVisible();
  await waitForMap(page);
  await shoot(page, 'committees.png');

  // The biggest committee with public events coming, its page, then the events near it.
  const coming = (await (await page.request.get('/api/events?limit=100')).json()) as {
    items: Array<{ committeeId: number | null }>;
  };
  const withEvents = new Set(coming.items.map((event) => event.committeeId));
  const biggest = ((await (await page.request.get('/api/committees?limit=20')).json()) as Found)
    .items;
  const committee = biggest.find((c) => withEvents.has(c.id))!;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/committees/${committee.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(committee.name);
  await expect(page.getByRole('heading', { name: 'Prochains événements' })).toBeVisible();
  await shoot(page, 'committee.png');

  const postalCode = /^\d{5}/.exec(committee.place!.label)![0];
  const events = (await (
    await page.request.get(`/api/events?place=${postalCode}&limit=1`)
  ).json()) as Found;
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(`/events?place=${postalCode}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Événements');
  await expect(page.getByRole('link', { name: events.items[0]!.title, exact: true })).toBeVisible();
  await waitForMap(page);
  await shoot(page, 'events.png');

  await adminPage.goto('/hq/committees');
  const table = adminPage.getByRole('table', { name: 'Liste des comités' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(table.getByRole('link', { name: committee.name, exact: true })).toBeVisible();
  await shoot(adminPage, 'hq-committees.png');
});

test('inside a committee: its board and its area drawn on the map', async ({ page }) => {
  const organiser = await createSupporter(page.request, {
    firstName: 'Margaux',
    postalCode: '69003',
  });
  await logIn(page.request, organiser.email);
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const send = async (method: 'post' | 'put', url: string, data: unknown) => {
    const response = await page.request[method](url, {
      headers: { 'x-csrf-token': csrfToken },
      data,
    });
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as { id: number };
  };
  const { id } = await send('post', '/api/committees', {
    name: 'Comité Lyon Part-Dieu',
    place: { postalCode: '69003' },
    description: 'Réunions le jeudi soir, porte-à-porte le samedi matin.',
  });
  await send('post', `/api/committees/${id}/posts`, {
    body: 'Le **tractage de samedi** part de la place Guichard à 10 h. Les tracts sont au local.',
    links: ['https://www.lyon.fr/marches'],
  });
  const square = [
    [4.845, 45.752],
    [4.875, 45.752],
    [4.885, 45.77],
    [4.855, 45.772],
    [4.845, 45.752],
  ];
  await send('put', `/api/committees/${id}/area`, {
    kind: 'polygon',
    polygon: { type: 'Polygon', coordinates: [square] },
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/me/committees/${id}/manage`);
  const board = page.getByRole('region', { name: 'Tableau du comité' });
  await expect(board.getByText('tractage de samedi')).toBeVisible();
  await board.scrollIntoViewIfNeeded();
  await shoot(page, 'committee-board.png');
  const area = page.getByRole('region', { name: 'Secteur du comité' });
  await expect(area.getByRole('radio', { name: 'Une zone dessinée sur la carte' })).toBeChecked();
  await expect(area.locator('canvas')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await area.scrollIntoViewIfNeeded();
  await shoot(page, 'committee-area.png');
});
