// A committee's area: the organiser picks communes, then draws a polygon on the map
// (terra-draw driven by clicks on the canvas), saves, reloads and finds it again.
import type { APIRequestContext, Page } from '@playwright/test';
import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

const csrfOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;

async function createCommittee(request: APIRequestContext, name: string, postalCode: string) {
  const response = await request.post('/api/committees', {
    headers: { 'x-csrf-token': await csrfOf(request) },
    data: { name, place: { postalCode } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** Picks a commune in the multi-select by typing part of its name. */
async function pickCommune(page: Page, typed: string, option: string) {
  const area = page.getByRole('region', { name: 'Secteur du comité' });
  const field = area.getByRole('textbox', { name: 'Communes du secteur' });
  await field.fill(typed);
  await page.getByRole('option', { name: option }).click();
  await field.fill('');
}

/** No horizontal scrolling: the page is no wider than the screen. */
async function expectNoHorizontalScroll(page: Page) {
  const [scrolled, screen] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrolled).toBeLessThanOrEqual(screen);
}

async function chooseCommunesThenDraw(page: Page, postalCode: string, town: string) {
  // The map's worker and WebGL fail in the console, not on the page: listen there.
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /worker|maplibre|webgl|terra/i.test(message.text()))
      failures.push(message.text());
  });
  const organiser = await createSupporter(page.request, { firstName: 'Romane', postalCode });
  await logIn(page.request, organiser.email);
  const name = `Comité ${town} ${capitalized(uniq())}`;
  const committeeId = await createCommittee(page.request, name, postalCode);

  await page.goto(`/me/committees/${committeeId}/manage`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const area = page.getByRole('region', { name: 'Secteur du comité' });
  await expect(area.getByRole('radio', { name: `Notre commune (${town})` })).toBeChecked();

  // 1. Two communes, chosen by name.
  await area.getByRole('radio', { name: 'Ces communes' }).check();
  await pickCommune(page, 'Talant', 'Talant (21)');
  await pickCommune(page, 'Chenôve', 'Chenôve (21)');
  await area.getByRole('button', { name: 'Enregistrer le secteur' }).click();
  await expect(page.getByText('Secteur enregistré.')).toBeVisible();
  await page.reload();
  await expect(area.getByRole('radio', { name: 'Ces communes' })).toBeChecked();
  await expect(area.getByText('Talant (21)')).toBeVisible();
  await expect(area.getByText('Chenôve (21)')).toBeVisible();
  await expectNoHorizontalScroll(page);

  // 2. A drawn area: four corners clicked on the map, then the first again to close it.
  await area.getByRole('radio', { name: 'Une zone dessinée sur la carte' }).check();
  const map = area.getByRole('application', { name: 'Carte du secteur' });
  await expect(map).toHaveAttribute('data-ready', 'true');
  await expect(map.getByText(town, { exact: true })).toBeVisible();
  await expect(area.getByText('Aucune zone dessinée.')).toBeVisible();
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const d = Math.min(box.width, box.height) / 4;
  const corners: Array<[number, number]> = [
    [cx - d, cy - d],
    [cx + d, cy - d],
    [cx + d, cy + d],
    [cx - d, cy + d],
    [cx - d, cy - d],
  ];
  for (const [x, y] of corners) {
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
  }
  await expect(area.getByTestId('area-size')).toHaveText(/^Zone dessinée : environ [\d\s ]+ km²$/);
  await area.getByRole('button', { name: 'Enregistrer le secteur' }).click();
  await expect(page.getByText('Secteur enregistré.')).toBeVisible();

  const saved = (await (await page.request.get(`/api/committees/${committeeId}/area`)).json()) as {
    kind: string;
    polygon: { coordinates: number[][][] };
  };
  expect(saved.kind).toBe('polygon');
  expect(saved.polygon.coordinates[0]).toHaveLength(5);

  await page.reload();
  await expect(area.getByRole('radio', { name: 'Une zone dessinée sur la carte' })).toBeChecked();
  await expect(map).toHaveAttribute('data-ready', 'true');
  await expect(area.getByTestId('area-size')).toHaveText(/^Zone dessinée : environ/);
  await expectNoHorizontalScroll(page);

  // Clear: nothing drawn, and nothing to save until a new area is drawn.
  await area.getByRole('button', { name: 'Effacer la zone' }).click();
  await expect(area.getByText('Aucune zone dessinée.')).toBeVisible();
  await area.getByRole('button', { name: 'Enregistrer le secteur' }).click();
  await expect(
    area.getByText('Choisissez au moins une commune, ou dessinez une zone.'),
  ).toBeVisible();

  expect(failures).toEqual([]);

  // The public page says where the committee campaigns.
  await page.goto(`/committees/${committeeId}`);
  await expect(page.getByText(`Une zone dessinée autour de ${postalCode} ${town}`)).toBeVisible();
}

test('an organiser picks communes, then draws the committee’s area on the map', async ({
  page,
}) => {
  await chooseCommunesThenDraw(page, '21000', 'Dijon');
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('an organiser picks communes, then draws the committee’s area', async ({ page }) => {
    await chooseCommunesThenDraw(page, '21000', 'Dijon');
  });
});
