import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CONFIRM_SUBJECT,
  expect,
  mailbox,
  newPerson,
  publicSite,
  test,
} from './support/fixtures.ts';

/** Another website (another origin, on loopback: Chrome keeps public pages off loopback). */
async function startOtherSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

test('only the embeddable form may be framed by other sites', async ({ page }) => {
  const embed = await page.request.get('/embed/signup');
  expect(embed.status()).toBe(200);
  expect(embed.headers()['content-security-policy']).toMatch(/(^|;)\s*frame-ancestors \*\s*(;|$)/);
  expect(embed.headers()['x-frame-options']).toBeUndefined();

  const home = await page.request.get('/');
  expect(home.headers()['content-security-policy']).toMatch(/frame-ancestors 'self'/);
  expect(home.headers()['x-frame-options']).toBe('SAMEORIGIN');
});

test('the embedded form renders without the site chrome', async ({ page }) => {
  const site = await publicSite(page.request);
  await page.goto('/');
  await expect(page.getByRole('banner')).toBeVisible();
  await page.goto('/embed/signup');
  await expect(page.getByRole('heading', { name: site.home.signupCallToAction })).toBeVisible();
  await expect(page.getByLabel('Prénom', { exact: true })).toBeVisible();
  // No header, menu, login button or campaign text around it.
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Se connecter' })).toHaveCount(0);
  await expect(page.getByText(site.home.title)).toHaveCount(0);
});

test('another website frames the form; people sign up through it', async ({
  page,
  baseURL,
  adminPage,
}) => {
  const site = await publicSite(page.request);
  // What /embed.js inserts, next to a frame of the home page (which must stay blocked).
  const other = await startOtherSite(`<!doctype html><html lang="fr"><body><h1>Blog local</h1>
    <iframe title="Formulaire" src="${baseURL}/embed/signup?r=nobody" style="width:480px;height:720px"></iframe>
    <iframe title="Accueil" src="${baseURL}/"></iframe></body></html>`);
  try {
    await page.goto(`${other.url}/article`);
    const frame = page.frameLocator('iframe[title="Formulaire"]');
    const person = newPerson({ firstName: 'Yanis' });
    await frame.getByLabel('Prénom', { exact: true }).fill(person.firstName);
    await frame.getByLabel('Nom de famille', { exact: true }).fill(person.lastName);
    await frame.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
    await frame.getByLabel('Code postal', { exact: true }).fill('44000');
    await expect(frame.getByText('Commune : Nantes')).toBeVisible();
    const since = await mailbox.mark();
    await frame.getByRole('button', { name: site.home.signupCallToAction }).click();
    await expect(frame.getByRole('status')).toContainText('Vérifiez votre boîte mail');
    await mailbox.waitFor(person.email, CONFIRM_SUBJECT, since);

    // The home page refuses to be framed by another site: its frame shows nothing of it.
    const home = page.frameLocator('iframe[title="Accueil"]');
    await expect(home.getByRole('heading', { name: site.home.title })).toHaveCount(0);

    // HQ sees the sign-up came from the embedded form.
    const found = await adminPage.request.get(`/api/people?q=${encodeURIComponent(person.email)}`);
    expect(await found.json()).toMatchObject({ items: [{ source: 'embed' }] });
  } finally {
    await other.close();
  }
});

test('another website can load the /embed.js snippet; it passes on the UTM tags', async ({
  page,
  baseURL,
  adminPage,
}) => {
  const snippet = await page.request.get('/embed.js');
  expect(snippet.headers()['cross-origin-resource-policy'] ?? 'cross-origin').toBe('cross-origin');
  const other = await startOtherSite(`<!doctype html><html lang="fr"><body><h1>Blog local</h1>
    <script src="${baseURL}/embed.js" data-utm-medium="widget"></script></body></html>`);
  try {
    await page.goto(`${other.url}/article?r=nobody`);
    const withCode = page.frameLocator(`iframe[src^="${baseURL}/embed/signup?r=nobody"]`);
    await expect(withCode.getByLabel('Prénom', { exact: true })).toBeVisible();

    // A page with UTM tags only (no recruitment code): they reach the sign-up; the script
    // tag's data-utm-medium fills what the address lacks; other parameters stay behind.
    await page.goto(`${other.url}/article?utm_source=blog-local&utm_campaign=rentree&page=2`);
    const frame = page.frameLocator(
      `iframe[src="${baseURL}/embed/signup?utm_source=blog-local&utm_medium=widget&utm_campaign=rentree"]`,
    );
    const person = newPerson({ firstName: 'Inès' });
    await frame.getByLabel('Prénom', { exact: true }).fill(person.firstName);
    await frame.getByLabel('Nom de famille', { exact: true }).fill(person.lastName);
    await frame.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
    await frame.getByLabel('Code postal', { exact: true }).fill('44000');
    await expect(frame.getByText('Commune : Nantes')).toBeVisible();
    const site = await publicSite(page.request);
    await frame.getByRole('button', { name: site.home.signupCallToAction }).click();
    await expect(frame.getByRole('status')).toContainText('Vérifiez votre boîte mail');
    const found = await adminPage.request.get(`/api/people?q=${encodeURIComponent(person.email)}`);
    const [{ id }] = (await found.json()).items as Array<{ id: number }>;
    const detail = await (await adminPage.request.get(`/api/people/${id}`)).json();
    expect(detail).toMatchObject({
      source: 'embed',
      utmSource: 'blog-local',
      utmMedium: 'widget',
      utmCampaign: 'rentree',
    });
  } finally {
    await other.close();
  }
});

test('the /embed.js frame fits its form, on a phone and after validation errors', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const site = await publicSite(page.request);
  const other = await startOtherSite(`<!doctype html><html lang="fr"><body><h1>Blog local</h1>
    <script src="${baseURL}/embed.js"></script>
    <script src="${baseURL}/embed.js" data-title="Rejoindre la campagne"></script></body></html>`);
  try {
    await page.goto(`${other.url}/article`);
    // Titled in the host page's language, or as the script tag says.
    const iframe = page.locator(`iframe[title="Formulaire d'inscription"]`);
    await expect(iframe).toHaveCount(1);
    await expect(page.locator('iframe[title="Rejoindre la campagne"]')).toHaveCount(1);

    const frame = iframe.contentFrame();
    const submit = frame.getByRole('button', { name: site.home.signupCallToAction });
    await expect(submit).toBeVisible();
    const contentHeight = () =>
      frame.locator('main').evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
    const frameHeight = async () => (await iframe.boundingBox())?.height ?? 0;
    // The frame takes the form's own height (not the fixed 720 px it starts with).
    await expect.poll(async () => (await frameHeight()) - (await contentHeight())).toBe(0);
    const before = await frameHeight();

    await submit.click();
    await expect(frame.getByText('Ce champ est obligatoire.').first()).toBeVisible();
    await expect.poll(frameHeight).toBeGreaterThan(before);
    await expect.poll(async () => (await frameHeight()) - (await contentHeight())).toBe(0);
  } finally {
    await other.close();
  }
});
