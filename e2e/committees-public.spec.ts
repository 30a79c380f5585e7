import type { APIRequestContext, Page } from '@playwright/test';
import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

/** Brest: a place the other specs leave alone, so the new committee is among the first. */
const POSTAL_CODE = '29200';
const BREST = { latitude: 48.39, longitude: -4.49 };

/** A confirmed supporter, logged in through `request`, creates a committee with the JSON API. */
async function committeeByApi(request: APIRequestContext, name: string): Promise<number> {
  const organiser = await createSupporter(request, { firstName: 'Maëlle' });
  await logIn(request, organiser.email);
  const { csrfToken } = (await (await request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const response = await request.post('/api/committees', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      name,
      description: '**Porte-à-porte** le samedi matin, au départ du marché.',
      place: { postalCode: POSTAL_CODE },
      contactEmail: 'comite.brest@example.org',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** No horizontal scrolling: the page is no wider than the screen. */
async function expectNoHorizontalScroll(page: Page) {
  const [scrolled, screen] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrolled).toBeLessThanOrEqual(screen);
}

const devices = {
  desktop: {},
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
};

for (const [device, options] of Object.entries(devices)) {
  test.describe(`on a ${device}`, () => {
    test.use({ ...options, geolocation: BREST, permissions: ['geolocation'] });

    test('a supporter finds a committee by postal code and joins it as a member', async ({
      page,
      request,
    }) => {
      const name = `Comité Brest ${capitalized(uniq())}`;
      const id = await committeeByApi(request, name);

      // Another supporter, logged in in the page's browser.
      const supporter = await createSupporter(page.request, { firstName: 'Yann' });
      await logIn(page.request, supporter.email);

      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', {
          name: 'Comités',
        })
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trouver un comité');
      await expectNoHorizontalScroll(page);

      await page.getByLabel('Code postal ou code commune').fill(POSTAL_CODE);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await expect(page).toHaveURL(new RegExp(`/committees\\?place=${POSTAL_CODE}$`));
      await expect(
        page.getByRole('heading', { name: `Les comités les plus proches de ${POSTAL_CODE}` }),
      ).toBeVisible();
      const found = page.getByRole('listitem').filter({ hasText: name });
      await expect(found).toContainText(/à \d+,\d km · 1 membre/);
      await expectNoHorizontalScroll(page);

      await found.getByRole('link', { name }).click();
      await expect(page).toHaveURL(new RegExp(`/committees/${id}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.getByText('Animé par Maëlle')).toBeVisible();
      await expect(page.locator('.committee-description strong')).toHaveText('Porte-à-porte');
      await expect(page.getByRole('link', { name: 'comite.brest@example.org' })).toBeVisible();
      await expectNoHorizontalScroll(page);

      await expect(page.getByRole('radio', { name: /comme membre/ })).toBeChecked();
      await page.getByRole('checkbox', { name: /Je partage mon adresse e-mail/ }).check();
      const join = page.getByRole('button', { name: 'Rejoindre' });
      await join.scrollIntoViewIfNeeded();
      await expect(join).toBeInViewport();
      await join.click();

      await expect(page.getByRole('status')).toHaveText(
        'Bienvenue ! Vous êtes membre de ce comité.',
      );
      // The notice is read once: it leaves the address.
      await expect(page).toHaveURL(new RegExp(`/committees/${id}$`));
      await expect(page.getByText('Vous êtes membre de ce comité.', { exact: true })).toBeVisible();
      await expect(page.getByText(/· 2 membres/)).toBeVisible();
      await expect(
        page.getByRole('checkbox', { name: /Je partage mon adresse e-mail/ }),
      ).toBeChecked();
      await expect(page.getByRole('button', { name: 'Quitter ce comité' })).toBeVisible();
      await expectNoHorizontalScroll(page);

      // "Near me" finds it from the browser's position.
      await page.goto('/committees');
      await page.getByRole('button', { name: 'Autour de moi' }).click();
      await expect(page).toHaveURL(/\/committees\?lat=48\.39&lng=-4\.49$/);
      await expect(page.getByRole('heading', { name: 'Les comités autour de vous' })).toBeVisible();
      await expect(page.getByRole('link', { name })).toBeVisible();
    });

    test('a visitor is led to log in to join', async ({ page, request }) => {
      const name = `Comité Brest ${capitalized(uniq())}`;
      const id = await committeeByApi(request, name);
      await page.goto(`/committees/${id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.getByRole('button', { name: 'Rejoindre' })).toHaveCount(0);
      await expect(
        page.getByRole('main').getByRole('link', { name: 'Se connecter' }),
      ).toHaveAttribute('href', `/login?next=%2Fcommittees%2F${id}`);
      await expectNoHorizontalScroll(page);
    });
  });
}
