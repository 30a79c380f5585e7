// Opens and clicks of a newsletter, measured only with the recipient's consent. A supporter
// (Ariane) agrees in her space to the measure of opens and clicks; another (Bérénice) does not.
// A staff member sends them a newsletter from its page. Ariane's mail, read from the loopback
// SMTP server, carries an invisible image and links through the site: shown as a mail client
// would show it, the image counts an open, and her click on a link reaches the newsletter's own
// address and counts a click; the newsletter's page then shows one tracked recipient who opened
// and clicked, and the clicks of that link. Bérénice's mail has the plain link and no image.
// Ariane's record at HQ lists the newsletter she opened. The campaign is shared with specs
// running in parallel: names are unique per run, and nothing is ever sent to everyone.
import type { Page } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  mailbox,
  test,
  uniq,
  type Mail,
} from './support/fixtures.ts';
import { count, namedStaffMember } from './support/newsletters.ts';

/** The newsletter's own link: another site, answered here by the browser's route. */
const PROGRAMME = 'https://programme.example/agenda-de-samedi';

const trackedLinks = (mail: Mail) =>
  [...mail.html.matchAll(/href="([^"]*\/newsletter\/click\?[^"]*)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  );

test('opens and clicks are measured for the supporter who agreed, and only for her', async ({
  page,
  adminPage,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const tag = uniq();
  const id = capitalized(tag);
  const name = `Lettre suivie ${id}`;
  const lastName = `Mesure ${id}`;
  await namedStaffMember(page, adminPage);

  // Ariane reads her mail in a browser of her own, which also answers the programme's site.
  const context = await browser.newContext({ baseURL });
  await context.route(`${PROGRAMME}**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Programme</title><h1>Le programme de samedi</h1>',
    }),
  );
  const ariane: Page = await context.newPage();
  const readers = {
    ariane: await createSupporter(ariane.request, { firstName: 'Ariane', lastName }),
    berenice: await createSupporter(page.request, { firstName: 'Bérénice', lastName }),
  };

  await test.step('Ariane agrees in her space to the measure of opens and clicks', async () => {
    await logIn(ariane.request, readers.ariane.email);
    await ariane.goto('/me');
    const consents = ariane.getByRole('region', { name: 'Mes préférences de contact' });
    const tracking = consents.getByRole('switch', {
      name: 'Mesure des ouvertures et des clics des lettres d’information',
    });
    // Off by default, with what it measures said in a sentence.
    await expect(tracking).not.toBeChecked();
    await expect(
      consents.getByText(/nous savons alors si vous avez ouvert chaque lettre/),
    ).toBeVisible();
    await tracking.click();
    await expect(ariane.getByText('Préférences enregistrées.')).toBeVisible();
    await ariane.reload();
    await expect(tracking).toBeChecked();
  });

  let letterId = 0;
  const mails: Record<'ariane' | 'berenice', Mail> = {} as never;
  await test.step('staff send a newsletter to both from its page', async () => {
    const segment = await adminPage.request.post('/api/segments', {
      headers: await csrfHeaders(adminPage.request),
      data: { name: `Lecteurs ${id}`, filter: { q: tag } },
    });
    expect(segment.status(), await segment.text()).toBe(200);
    const created = await page.request.post('/api/newsletters', {
      headers: await csrfHeaders(page.request),
      data: {
        name,
        subject: `Samedi, {prénom} ${id}`,
        preheader: '',
        body: `Bonjour {prénom},\n\nVoici [le programme](${PROGRAMME}).`,
        segmentId: ((await segment.json()) as { id: number }).id,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    letterId = ((await created.json()) as { id: number }).id;

    const since = await mailbox.mark();
    await page.goto(`/hq/newsletters/${letterId}`);
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer maintenant' });
    await dialog.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect(dialog).toBeHidden();
    await expect(count(page, 'Envoyés')).toHaveText('2', { timeout: 60_000 });
    for (const key of ['ariane', 'berenice'] as const) {
      mails[key] = await mailbox.waitFor(readers[key].email, new RegExp(id), since, 30_000);
    }
  });

  await test.step('Bérénice did not agree: her mail has the plain link and no image', async () => {
    const html = mails.berenice.html;
    expect(html).toContain(`href="${PROGRAMME}"`);
    expect(html).not.toContain('/newsletter/click');
    expect(html).not.toContain('/api/newsletters/tracking/open');
  });

  await test.step('Ariane’s mail, shown as a mail client does, counts an open', async () => {
    const html = mails.ariane.html;
    expect(html).toContain('/api/newsletters/tracking/open?t=');
    expect(html).not.toContain(`href="${PROGRAMME}"`);
    expect(trackedLinks(mails.ariane)).toHaveLength(1);
    // Its unsubscribe link is the plain one.
    expect(html).toMatch(/href="http[^"]*\/newsletter\/unsubscribe\?token=[^"]+"/);
    await ariane.setContent(html);
    await expect(ariane.getByText('Bonjour Ariane,')).toBeVisible();
    await expect
      .poll(async () => {
        const response = await page.request.get(`/api/newsletters/${letterId}`);
        return ((await response.json()) as { counts: { opened: number } }).counts.opened;
      })
      .toBe(1);
  });

  await test.step('her click leads to the newsletter’s link and is counted', async () => {
    const opening = ariane.waitForEvent('popup');
    await ariane.getByRole('link', { name: 'le programme' }).click();
    const programme = await opening;
    await expect(programme.getByRole('heading', { name: 'Le programme de samedi' })).toBeVisible();
    expect(programme.url()).toBe(PROGRAMME);
  });

  await test.step('the newsletter’s page shows the tracked recipient, her open and her click', async () => {
    await page.reload();
    await expect(page.getByText(/Mesurés seulement parmi les destinataires/)).toBeVisible();
    await expect(count(page, 'Destinataires suivis')).toHaveText('1');
    await expect(count(page, 'Ont ouvert')).toHaveText(/^1 \(100\s%\)$/);
    await expect(count(page, 'Ont cliqué')).toHaveText(/^1 \(100\s%\)$/);
    const links = page.getByRole('table', { name: 'Clics par lien' });
    await expect(links.getByRole('row').filter({ hasText: PROGRAMME })).toContainText('1');
  });

  await test.step('her record at HQ lists the newsletter she opened', async () => {
    await adminPage.goto(`/hq/people?q=${encodeURIComponent(tag)}`);
    await adminPage
      .getByRole('table', { name: 'Liste des personnes' })
      .getByRole('link', { name: `Ariane ${lastName}` })
      .click();
    const opened = adminPage.getByRole('region', { name: 'Lettres d’information ouvertes' });
    await expect(opened.getByText('Lettres suivies : 1 ; ouvertes : 1.')).toBeVisible();
    await expect(opened.getByRole('link', { name })).toBeVisible();
    // Her consent is in her consent history, under its own name.
    await expect(
      adminPage
        .getByRole('list', { name: 'Historique des consentements' })
        .getByText(/^Mesure des ouvertures et clics des lettres : /),
    ).toBeVisible();
  });
  await context.close();
});
