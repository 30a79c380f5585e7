// Newsletters at HQ, sent through the loopback SMTP server of global-setup.ts. A staff member
// (a first name of their own, in Nantes) follows the menu to the newsletters, writes a draft with
// {prénom} and a <script> in its body: the live preview, in a frame allowed nothing, greets them
// by name and the script does nothing; the preview's width switches between a computer's and a
// phone's. The draft is saved, sent to them as a test (the notice, then the mail), scheduled for
// next month and unscheduled, then given a segment of two supporters made here and sent now: its
// counts reach two sent and each supporter gets the mail with their own first name. A supporter
// is refused the pages and the API. The campaign is shared with specs running in parallel: names
// are unique per run, and nothing is ever sent to everyone.
import type { Page } from '@playwright/test';
import { pick } from './support/calling.ts';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  mailbox,
  test,
  uniq,
} from './support/fixtures.ts';
import { nextMonthsFifteenth } from './support/dates.ts';
import { chooseNextMonthsFifteenth, count, namedStaffMember } from './support/newsletters.ts';

const preview = (page: Page) => page.getByRole('region', { name: 'Aperçu' });
const frame = (page: Page) => page.frameLocator('iframe[title="Aperçu"]');

test('staff write a newsletter with its live preview, test it, schedule it, then send it to a segment', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(300_000);
  const tag = uniq();
  const id = capitalized(tag);
  const name = `Lettre ${id}`;
  const segment = `Lecteurs ${id}`;
  const staff = await namedStaffMember(page, adminPage);
  const first = staff.firstName;
  // Any dialog the page opens (an alert from the body's script would be one) is recorded.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await test.step('the menu leads to the newsletters', async () => {
    await page.goto('/hq/people');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Lettres d’information' })
      .click();
    await expect(page).toHaveURL(/\/hq\/newsletters$/);
    await expect(
      page.getByRole('heading', { name: 'Lettres d’information', level: 1 }),
    ).toBeVisible();
  });

  await test.step('a draft with {prénom}: the preview greets the staff member, its script is inert', async () => {
    await page.getByRole('link', { name: 'Nouvelle lettre' }).click();
    await expect(page.getByRole('heading', { name: 'Nouvelle lettre', level: 1 })).toBeVisible();
    await expect(page.getByText('{prénom}', { exact: true })).toBeVisible();
    await page.getByRole('textbox', { name: 'Nom de la lettre' }).fill(name);
    await page.getByRole('textbox', { name: 'Objet' }).fill(`Bonjour {prénom}, ${id}`);
    await page.getByRole('textbox', { name: 'Texte d’aperçu' }).fill('Rendez-vous samedi');
    await page
      .getByRole('textbox', { name: 'Texte', exact: true })
      .fill(
        [
          'Bonjour {prénom},',
          '',
          'Rendez-vous **samedi** place Royale.',
          '',
          `<script>document.body.innerHTML = 'piraté'; alert('${id}');</script>`,
        ].join('\n'),
      );
    await expect(preview(page).getByText(`Objet : Bonjour ${first}, ${id}`)).toBeVisible();
    const iframe = page.locator('iframe[title="Aperçu"]');
    // A frame allowed nothing: no script, no form, no navigation of the page.
    await expect(iframe).toHaveAttribute('sandbox', '');
    await expect(frame(page).locator('body')).toContainText(`Bonjour ${first},`);
    await expect(frame(page).locator('strong', { hasText: 'samedi' })).toBeVisible();
    await expect(frame(page).locator('body')).not.toContainText('{prénom}');
    // The typed script is no element of the mail, and nothing it says was done.
    await expect(frame(page).locator('script')).toHaveCount(0);
    await expect(frame(page).locator('body')).toContainText('Rendez-vous');
    expect(dialogs).toEqual([]);

    await expect(iframe).toHaveCSS('width', '600px');
    await preview(page).getByText('Téléphone', { exact: true }).click();
    await expect(iframe).toHaveCSS('width', '360px');
    await preview(page).getByText('Ordinateur', { exact: true }).click();
    await expect(iframe).toHaveCSS('width', '600px');

    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByText('Lettre enregistrée.')).toBeVisible();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
    await expect(page.getByText('Tout le monde (accord e-mail)')).toBeVisible();
    await expect(frame(page).locator('body')).toContainText(`Bonjour ${first},`);
    expect(dialogs).toEqual([]);
  });

  await test.step('a test goes to the staff member’s own address', async () => {
    const since = await mailbox.mark();
    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    await expect(page.getByText(`Test envoyé à ${staff.email}`)).toBeVisible();
    const mail = await mailbox.waitFor(staff.email, new RegExp(id), since, 30_000);
    expect(mail.subject).toContain(`Bonjour ${first}, ${id}`);
    expect(mail.text).toContain(`Bonjour ${first},`);
    expect(mail.html).not.toContain('<script');
  });

  await test.step('it is scheduled for next month, then the schedule is canceled', async () => {
    await page.getByRole('button', { name: 'Programmer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Programmer l’envoi' });
    await chooseNextMonthsFifteenth(page, dialog, 'Date et heure d’envoi');
    await dialog.getByRole('button', { name: 'Programmer', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Programmée', { exact: true })).toBeVisible();
    // "Programmée pour le 15 janv. 2027 à 10:00": the moment picked, on the Paris clock.
    const scheduled = page.getByText(/^Programmée pour le /);
    await expect(scheduled).toContainText(`Programmée pour le ${nextMonthsFifteenth().written}`);
    await expect(scheduled).toContainText('10:00');

    await page.getByRole('button', { name: 'Annuler la programmation' }).click();
    const asking = page.getByRole('dialog', { name: 'Annuler la programmation' });
    await expect(asking).toContainText('elle redevient un brouillon');
    await asking.getByRole('button', { name: 'Annuler la programmation' }).click();
    await expect(asking).toBeHidden();
    await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
    await expect(page.getByText(/^Programmée pour le /)).toHaveCount(0);
  });

  const readers = [
    { firstName: 'Aline', email: '' },
    { firstName: 'Basile', email: '' },
  ];
  await test.step('two supporters make a segment', async () => {
    for (const reader of readers) {
      const made = await createSupporter(page.request, {
        firstName: reader.firstName,
        lastName: `Lettre ${id}`,
        postalCode: '44000',
      });
      reader.email = made.email;
    }
    const saved = await adminPage.request.post('/api/segments', {
      headers: await csrfHeaders(adminPage.request),
      data: { name: segment, filter: { q: tag } },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  });

  await test.step('the draft is given the segment and sent now: two are sent', async () => {
    await page.getByRole('link', { name: 'Modifier' }).click();
    await expect(page.getByRole('heading', { name: `Modifier « ${name} »` })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Nom de la lettre' })).toHaveValue(name);
    await pick(page, page.getByRole('textbox', { name: 'Destinataires' }), new RegExp(segment));
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByText(`Segment « ${segment} »`)).toBeVisible();

    const since = await mailbox.mark();
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer maintenant' });
    await expect(dialog).toContainText('Le segment est figé au moment de l’envoi');
    await expect(dialog).toContainText(`Segment « ${segment} »`);
    await dialog.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect(dialog).toBeHidden();
    await expect(count(page, 'Destinataires')).toHaveText('2', { timeout: 30_000 });
    await expect(count(page, 'Envoyés')).toHaveText('2', { timeout: 60_000 });
    // Once its last mail is out, the page (refreshed every 3 s) shows it sent.
    await expect(page.getByText('Envoyée', { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(count(page, 'Échecs')).toHaveText('0');
    for (const reader of readers) {
      const mail = await mailbox.waitFor(reader.email, new RegExp(id), since, 30_000);
      expect(mail.subject).toContain(`Bonjour ${reader.firstName}, ${id}`);
      expect(mail.text).toContain(`Bonjour ${reader.firstName},`);
    }
    // Only the segment's two: not the staff member, who is outside it.
    expect(
      (await mailbox.list(staff.email, since)).filter((mail) => mail.subject.includes(id)),
    ).toEqual([]);
    // Sent, it can no longer be changed, scheduled or deleted.
    for (const button of ['Programmer', 'Envoyer maintenant', 'Supprimer']) {
      await expect(page.getByRole('button', { name: button, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('link', { name: 'Modifier' })).toHaveCount(0);

    // Back to the list by the menu: the link under the preview is left out, since Chromium
    // draws the sandboxed frame in its own process and a click right after scrolling the page
    // can still land on where the frame was.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Lettres d’information' })
      .click();
    const row = page
      .getByRole('table', { name: 'Lettres d’information' })
      .getByRole('row')
      .filter({ hasText: name });
    await expect(row).toContainText('Envoyée');
    await expect(row).toContainText(`Segment « ${segment} »`);
    await expect(row).toContainText('2 / 2');
  });
});

test('a draft is deleted once confirmed; the newsletter pages fit a 360 px phone', async ({
  adminPage: page,
}) => {
  const name = `Brouillon ${capitalized(uniq())}`;
  const created = await page.request.post('/api/newsletters', {
    headers: await csrfHeaders(page.request),
    data: { name, subject: 'Bonjour {prénom}', preheader: '', body: 'Un texte.', segmentId: null },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [path, title] of [
    ['/hq/newsletters', 'Lettres d’information'],
    ['/hq/newsletters/new', 'Nouvelle lettre'],
    [`/hq/newsletters/${id}/edit`, `Modifier « ${name} »`],
    [`/hq/newsletters/${id}`, name],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    if (path === '/hq/newsletters/new') {
      await expect(page.getByText(/^L’aperçu apparaît/)).toBeVisible();
    } else if (path !== '/hq/newsletters') {
      // On a phone, the preview starts at a phone's width.
      await expect(preview(page).getByRole('radio', { name: 'Téléphone' })).toBeChecked();
      await expect(page.locator('iframe[title="Aperçu"]')).toHaveCSS('width', '360px');
      await expect(frame(page).locator('body')).toContainText('Un texte.');
    }
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(360);
  }
  await page.getByRole('button', { name: 'Supprimer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer la lettre' });
  await expect(dialog).toContainText(`« ${name} » sera supprimée.`);
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(page.getByText('Lettre supprimée.')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Lettres d’information', level: 1 }),
  ).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  expect((await page.request.get(`/api/newsletters/${id}`)).status()).toBe(404);
});

test('a supporter is refused the newsletter pages and their API', async ({ page }) => {
  const supporter = await createSupporter(page.request);
  await logIn(page.request, supporter.email);
  for (const path of ['/hq/newsletters', '/hq/newsletters/new', '/hq/newsletters/1']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toContainText('Accès refusé');
  }
  await expect(
    page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByText('Lettres d’information'),
  ).toHaveCount(0);
  const headers = await csrfHeaders(page.request);
  const refused = [
    await page.request.get('/api/newsletters'),
    await page.request.get('/api/newsletters/1'),
    await page.request.post('/api/newsletters/preview', {
      headers,
      data: { subject: 'Bonjour {prénom}', preheader: '', body: 'Texte' },
    }),
    await page.request.post('/api/newsletters', {
      headers,
      data: { name: 'Lettre', subject: 'Objet', preheader: '', body: 'Texte', segmentId: null },
    }),
    await page.request.post('/api/newsletters/1/schedule', { headers, data: { at: null } }),
  ];
  for (const response of refused) {
    expect(response.status(), response.url()).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'forbidden' });
  }
});
