// A committee's board: a member posts with a link and a document, another comments and
// downloads it, and someone outside the committee cannot open it; on a desktop and a phone.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

const csrfOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

interface Device {
  viewport: { width: number; height: number };
  isMobile: boolean;
  hasTouch: boolean;
}
const desktop: Device = {
  viewport: { width: 1280, height: 800 },
  isMobile: false,
  hasTouch: false,
};
const phone: Device = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** A supporter in a browser of their own, logged in, who joins the committee when told to. */
async function person(
  browser: Browser,
  baseURL: string | undefined,
  device: Device,
  firstName: string,
  committeeId?: number,
) {
  const context = await browser.newContext({ baseURL, ...device });
  const supporter = await createSupporter(context.request, { firstName, postalCode: '29200' });
  await logIn(context.request, supporter.email);
  if (committeeId !== undefined) {
    const joined = await context.request.put(`/api/committees/${committeeId}/membership`, {
      data: { as: 'member' },
      headers: { 'x-csrf-token': await csrfOf(context.request) },
    });
    expect(joined.status(), await joined.text()).toBe(200);
  }
  return { context, page: await context.newPage() };
}

async function expectNoHorizontalScroll(page: Page) {
  const [scrolled, screen] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrolled).toBeLessThanOrEqual(screen);
}

async function boardFlow(browser: Browser, baseURL: string | undefined, device: Device) {
  const organiser = await person(browser, baseURL, device, 'Nolwenn');
  const name = `Comité Brest ${capitalized(uniq())}`;
  const created = await organiser.context.request.post('/api/committees', {
    headers: { 'x-csrf-token': await csrfOf(organiser.context.request) },
    data: { name, place: { postalCode: '29200' } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const committeeId = ((await created.json()) as { id: number }).id;
  const author = await person(browser, baseURL, device, 'Erwan', committeeId);
  const reader = await person(browser, baseURL, device, 'Gwenaëlle', committeeId);
  const outsider = await person(browser, baseURL, device, 'Yannick');
  const manage = `/me/committees/${committeeId}/manage`;
  const text = `Tractage au marché ${uniq()}`;
  try {
    // 1. A member posts a Markdown text, a link and a PDF.
    const mine = author.page;
    await mine.goto(manage);
    const board = mine.getByRole('region', { name: 'Tableau du comité' });
    await expect(board.getByText('Rien sur le tableau pour l’instant')).toBeVisible();
    const form = board.getByRole('form', { name: 'Publier sur le tableau' });
    await form.getByRole('textbox', { name: 'Votre message' }).fill(`**${text}** samedi à 9 h.`);
    await form.getByRole('button', { name: 'Ajouter un lien' }).click();
    await form.getByRole('textbox', { name: 'Lien 1' }).fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Publier' }).click();
    await expect(form.getByText('Saisissez une adresse web complète (https://…).')).toBeVisible();
    await form.getByRole('textbox', { name: 'Lien 1' }).fill('https://www.exemple.fr/tract');
    const chooser = mine.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'Joindre un document' }).click();
    await (
      await chooser
    ).setFiles({ name: 'Tract marché.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(form.getByRole('list', { name: 'Documents joints' })).toContainText(
      'Tract marché.pdf',
    );
    await form.getByRole('button', { name: 'Publier' }).click();
    const posts = board.getByRole('list', { name: 'Messages du tableau' });
    const post = posts.getByRole('listitem').filter({ hasText: text }).first();
    await expect(post.locator('strong').first()).toHaveText(text);
    await expect(post.getByRole('link', { name: /www\.exemple\.fr/ })).toHaveAttribute(
      'href',
      'https://www.exemple.fr/tract',
    );
    await expect(post.getByRole('link', { name: 'Tract marché.pdf' })).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Votre message' })).toHaveValue('');
    if (device.isMobile) await expectNoHorizontalScroll(mine);

    // 2. Another member comments and downloads the document.
    const theirs = reader.page;
    await theirs.goto(manage);
    const seen = theirs
      .getByRole('list', { name: 'Messages du tableau' })
      .getByRole('listitem')
      .filter({ hasText: text })
      .first();
    await seen.getByRole('button', { name: 'Commenter' }).click();
    await seen
      .getByRole('textbox', { name: 'Votre commentaire' })
      .fill('J’y serai avec *des tracts*.');
    await seen.getByRole('button', { name: 'Commenter' }).last().click();
    await expect(seen.locator('em')).toHaveText('des tracts');
    await expect(seen.getByRole('button', { name: '1 commentaire' })).toBeVisible();
    const download = theirs.waitForEvent('download');
    await seen.getByRole('link', { name: 'Tract marché.pdf' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Tract marché.pdf');
    const saved = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of saved) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    if (device.isMobile) await expectNoHorizontalScroll(theirs);

    // 3. Someone outside the committee sees no board, and the API refuses them.
    await outsider.page.goto(manage);
    await expect(outsider.page.getByRole('alert')).toBeVisible();
    await expect(outsider.page.getByRole('region', { name: 'Tableau du comité' })).toHaveCount(0);
    const refused = await outsider.context.request.get(`/api/committees/${committeeId}/posts`);
    expect(refused.status()).toBe(403);
  } finally {
    for (const { context } of [organiser, author, reader, outsider]) await context.close();
  }
}

test('on a desktop: a member posts a link and a document, another comments and downloads it', async ({
  browser,
  baseURL,
}) => {
  await boardFlow(browser, baseURL, desktop);
});

test('on a 360 px phone: the same, without sideways scrolling', async ({ browser, baseURL }) => {
  await boardFlow(browser, baseURL, phone);
});
