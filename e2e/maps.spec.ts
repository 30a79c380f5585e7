import type { APIRequestContext, Page, Request } from '@playwright/test';
import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

/** Guéret: a place the other specs leave alone, so its cells hold this spec's points. */
const POSTAL_CODE = '23000';

async function csrfOf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
}

/** A confirmed supporter, logged in through `request`, creates a committee at Guéret. */
async function committeeByApi(request: APIRequestContext, name: string): Promise<number> {
  const organiser = await createSupporter(request, { firstName: 'Maëlle' });
  await logIn(request, organiser.email);
  const response = await request.post('/api/committees', {
    headers: { 'x-csrf-token': await csrfOf(request) },
    data: { name, place: { postalCode: POSTAL_CODE } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** A door-to-door of that committee at Guéret, in ten days at 10:30 (Paris). */
async function eventByApi(request: APIRequestContext, committeeId: number, title: string) {
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const response = await request.post(`/api/committees/${committeeId}/events`, {
    headers: { 'x-csrf-token': await csrfOf(request) },
    data: {
      type: 'door_to_door',
      title,
      startsAt: `${day}T10:30:00+01:00`,
      endsAt: `${day}T12:30:00+01:00`,
      place: { postalCode: POSTAL_CODE },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** Every request the page's context makes (its workers' too), to look at afterwards. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.context().on('request', (request) => seen.push(request));
  return seen;
}

const zoomOf = (request: Request) => Number(new URL(request.url()).searchParams.get('zoom'));

/** The cluster nearest the map's centre. */
async function centralCluster(page: Page) {
  const map = page.locator('.map');
  const box = (await map.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const clusters = page.locator('.map-cluster');
  await expect(clusters.first()).toBeVisible();
  let nearest = 0;
  let best = Infinity;
  for (let i = 0; i < (await clusters.count()); i++) {
    const b = (await clusters.nth(i).boundingBox())!;
    const distance = Math.hypot(b.x + b.width / 2 - centre.x, b.y + b.height / 2 - centre.y);
    if (distance < best) [nearest, best] = [i, distance];
  }
  const cluster = clusters.nth(nearest);
  await expect(cluster).toHaveAccessibleName(/\d+ (comités?|événements?) ici : zoomer/);
  return cluster;
}

/**
 * Zooms into the clusters at the centre until the server answers the points themselves (from
 * zoom 15) and the marker named `name` shows: each click asks for a view two levels closer.
 */
async function zoomToMarker(page: Page, api: string, name: string, firstZoom: number) {
  let zoom = firstZoom;
  while (zoom < 15) {
    const cluster = await centralCluster(page);
    const closer = page.waitForRequest(
      (r) => r.url().includes(api) && Math.abs(zoomOf(r) - (zoom + 2)) < 0.01,
    );
    await cluster.click();
    zoom = zoomOf(await closer);
  }
  await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
}

/** Nothing the page asked for left the server's own origin. */
function expectOnlyLocal(seen: Request[], baseURL: string) {
  const origin = new URL(baseURL).origin;
  const elsewhere = seen
    .map((r) => r.url())
    .filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
}

const devices = {
  desktop: {},
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
};

for (const [device, options] of Object.entries(devices)) {
  test.describe(`on a ${device}`, () => {
    test.use(options);

    /** On a phone the map waits for its button; on a desktop it loads with the page. */
    const openMap = async (page: Page) => {
      if (device === 'phone') {
        await expect(page.locator('.map')).toHaveCount(0);
        await page.getByRole('button', { name: 'Afficher la carte' }).click();
      }
      await expect(page.locator('.map canvas')).toBeVisible();
      // No roads nor names on the built-in background: a scale says the distances.
      await expect(page.locator('.map .maplibregl-ctrl-scale')).toHaveText(/^\d+\sk?m$/);
    };

    test('the committees map clusters, zooms in, and a marker leads to its committee; nothing leaves the server', async ({
      page,
      baseURL,
    }) => {
      const name = `Comité Guéret ${capitalized(uniq())}`;
      const id = await committeeByApi(page.request, name);
      const other = `Comité Guéret ${capitalized(uniq())}`;
      await committeeByApi(page.request, other);
      const seen = recordRequests(page);

      const first = page.waitForRequest((r) => r.url().includes('/api/committees/map?'));
      await page.goto(`/committees?place=${POSTAL_CODE}`);
      // The list is still the page, under the map.
      await expect(page.getByRole('link', { name })).toBeVisible();
      await openMap(page);
      // MapLibre's canvas: a named region, reached with the keyboard.
      await expect(page.getByRole('region', { name: 'Carte des comités' })).toHaveAttribute(
        'tabindex',
        '0',
      );
      const zoom = zoomOf(await first);
      expect(zoom).toBe(10);

      await zoomToMarker(page, '/api/committees/map', name, zoom);
      // The two committees share the commune's centre: both can be clicked.
      await expect(page.getByRole('button', { name: other, exact: true })).toBeVisible();
      await page.getByRole('button', { name, exact: true }).click();
      const popup = page.locator('.maplibregl-popup');
      await expect(popup).toContainText(name);
      const link = popup.getByRole('link', { name: 'Voir le comité' });
      await expect(link).toHaveAttribute('href', `/committees/${id}`);
      expectOnlyLocal(seen, baseURL!);
      // The worker and the outlines came from this build.
      const urls = seen.map((r) => new URL(r.url()).pathname);
      expect(urls.some((p) => /^\/assets\/maplibre-gl-worker-.+\.mjs$/.test(p))).toBe(true);
      expect(urls.some((p) => /^\/assets\/france-outlines-.+\.json$/.test(p))).toBe(true);

      await link.click();
      await expect(page).toHaveURL(new RegExp(`/committees/${id}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    });

    test("the events map keeps the page's filters and a marker's popup gives the date", async ({
      page,
      baseURL,
    }) => {
      const committeeId = await committeeByApi(page.request, `Comité ${capitalized(uniq())}`);
      const title = `Porte-à-porte ${capitalized(uniq())}`;
      const id = await eventByApi(page.request, committeeId, title);
      const seen = recordRequests(page);

      const first = page.waitForRequest((r) => r.url().includes('/api/events/map?'));
      await page.goto(`/events?place=${POSTAL_CODE}&type=door_to_door`);
      await openMap(page);
      await expect(page.getByRole('region', { name: 'Carte des événements' })).toBeVisible();
      const asked = new URL((await first).url()).searchParams;
      expect(asked.get('type')).toBe('door_to_door');
      expect(asked.get('zoom')).toBe('10');

      await zoomToMarker(page, '/api/events/map', title, Number(asked.get('zoom')));
      await page.getByRole('button', { name: title, exact: true }).click();
      const popup = page.locator('.maplibregl-popup');
      await expect(popup).toContainText(title);
      await expect(popup).toContainText(/\d+ \S+ à 10:30/);
      await expect(popup.getByRole('link', { name: 'Voir l’événement' })).toHaveAttribute(
        'href',
        `/events/${id}`,
      );
      expectOnlyLocal(seen, baseURL!);
    });
  });
}

test('the home page and HQ never load the map', async ({ page, adminPage }) => {
  for (const [where, at] of [
    [page, '/'],
    [adminPage, '/hq/people'],
  ] as const) {
    const seen = recordRequests(where);
    await where.goto(at);
    await where.waitForLoadState('networkidle');
    const loaded = seen.map((r) => new URL(r.url()).pathname);
    expect(loaded.filter((p) => /map-|maplibre|france-outlines/.test(p))).toEqual([]);
  }
  // The committees page does, from the site's script.
  const seen = recordRequests(page);
  await page.goto('/committees');
  await expect(page.locator('.map canvas')).toBeVisible();
  expect(seen.some((r) => /\/assets\/map-[\w-]+\.js$/.test(new URL(r.url()).pathname))).toBe(true);
});
