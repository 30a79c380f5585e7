// A committee's tools: organisers mail the members (who stop the mail with the message's own
// link or a switch), read the certification checklist; staff certify from HQ's list.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import {
  capitalized,
  createSupporter,
  expect,
  expectNoMailSince,
  linkIn,
  logIn,
  mailbox,
  test,
  uniq,
  type NewPerson,
} from './support/fixtures.ts';

const csrfOf = async (request: APIRequestContext) =>
  ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A committee made through the JSON API by the supporter logged in on `request`. */
async function createCommittee(request: APIRequestContext, name: string, postalCode: string) {
  const response = await request.post('/api/committees', {
    headers: { 'x-csrf-token': await csrfOf(request) },
    data: { name, place: { postalCode } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** A supporter in a browser of their own, logged in, who joins the committee as `as`. */
async function joiner(
  browser: Browser,
  baseURL: string | undefined,
  committeeId: number,
  as: 'member' | 'follower',
  firstName: string,
) {
  const context = await browser.newContext({ baseURL });
  const person = await createSupporter(context.request, { firstName, postalCode: '31000' });
  await logIn(context.request, person.email);
  const joined = await context.request.put(`/api/committees/${committeeId}/membership`, {
    data: { as },
    headers: { 'x-csrf-token': await csrfOf(context.request) },
  });
  expect(joined.status(), await joined.text()).toBe(200);
  return { context, person, page: await context.newPage() };
}

/** Writes a message from the manage page; the notification says how many it went to. */
async function send(page: Page, subject: string, body: string, recipients: string) {
  const form = page.getByRole('form', { name: 'Écrire aux membres' });
  await form
    .getByRole('combobox', { name: 'Destinataires' })
    .selectOption({ label: 'Les membres, animateurs et organisateurs' });
  await form.getByRole('textbox', { name: 'Objet' }).fill(subject);
  await form.getByRole('textbox', { name: 'Message' }).fill(body);
  await form.getByRole('button', { name: 'Envoyer le message' }).click();
  await expect(page.getByText(`Message envoyé à ${recipients}.`)).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Objet' })).toHaveValue('');
}

/** No horizontal scrolling: the page is no wider than the screen. */
async function expectNoHorizontalScroll(page: Page) {
  const [scrolled, screen] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrolled).toBeLessThanOrEqual(screen);
}

test('an organiser writes to the members; one stops the mail from its link, another with the switch', async ({
  page,
  browser,
  baseURL,
}) => {
  // Toulouse: a place the other specs leave alone.
  const organiser = await createSupporter(page.request, {
    firstName: 'Maëlle',
    postalCode: '31000',
  });
  await logIn(page.request, organiser.email);
  const name = `Comité Toulouse ${capitalized(uniq())}`;
  const committeeId = await createCommittee(page.request, name, '31000');
  const first = await joiner(browser, baseURL, committeeId, 'member', 'Bastien');
  const second = await joiner(browser, baseURL, committeeId, 'member', 'Céleste');
  const follower = await joiner(browser, baseURL, committeeId, 'follower', 'Denis');
  try {
    await page.goto(`/me/committees/${committeeId}/manage`);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const messages = page.getByRole('region', { name: 'Messages' });
    await expect(messages.getByText('Aucun message envoyé pour l’instant.')).toBeVisible();

    // The certification checklist: three members (followers apart), nothing else yet.
    const certification = page.getByRole('region', { name: 'Certification' });
    await expect(certification.getByText('Non certifié')).toBeVisible();
    const checklist = certification.getByRole('list', { name: 'Critères de certification' });
    await expect(checklist.getByRole('listitem')).toHaveCount(4);
    await expect(
      checklist.getByRole('listitem').filter({ hasText: 'Au moins 3 membres' }),
    ).toContainText('3 / 3');
    await expect(
      checklist.getByRole('listitem').filter({ hasText: 'Créé depuis au moins 31 jours' }),
    ).toContainText('0 / 31');
    await expect(
      checklist
        .getByRole('listitem')
        .filter({ hasText: 'Au moins 3 événements publics ces 62 derniers jours' }),
    ).toContainText('0 / 3');

    // Nothing is sent without a subject and a text.
    await messages.getByRole('button', { name: 'Envoyer le message' }).click();
    await expect(messages.getByText('Ce champ est obligatoire.')).toHaveCount(2);
    await expect(messages.getByRole('textbox', { name: 'Objet' })).toBeFocused();

    // 1. To the members (the organiser is one): three people; the follower gets nothing.
    const subject = `Tractage ${capitalized(uniq())}`;
    const since = await mailbox.mark();
    await send(page, subject, 'Rendez-vous **place du Capitole** à 10 h.', '3 personnes');
    const history = messages.getByRole('list', { name: `Messages de ${name}` });
    const sent = history.getByRole('listitem').filter({ hasText: subject });
    await expect(sent).toContainText('aux membres');
    await expect(sent).toContainText('3 destinataires');
    await expect(sent.locator('strong')).toHaveText('place du Capitole');

    const mailSubject = new RegExp(`^${escaped(`[${name}] ${subject}`)}$`);
    const mail = await mailbox.waitFor(first.person.email, mailSubject, since);
    expect(mail.text).toContain('Rendez-vous **place du Capitole** à 10 h.');
    const unsubscribe = linkIn(mail, '/committees/unsubscribe');
    // The mail client's one-click button (RFC 8058) posts to the same link.
    expect(mail.headers['list-unsubscribe']).toBe(`<${unsubscribe}>`);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    await mailbox.waitFor(second.person.email, mailSubject, since);
    await expectNoMailSince(page.request, [follower.person.email], since);

    // 2. The first member stops the mail from its link: a page with a button.
    await first.page.goto(unsubscribe);
    await expect(first.page.getByRole('heading', { level: 1 })).toHaveText('Messages du comité');
    await first.page.getByRole('button', { name: 'Ne plus recevoir ses messages' }).click();
    await expect(first.page.getByRole('status')).toHaveText(
      `C’est fait : vous ne recevrez plus les messages de « ${name} ».`,
    );
    await send(page, `Encore ${uniq()}`, 'Deuxième message.', '2 personnes');

    // 3. The second one with the switch of their committee's page, where messages are read.
    const mine = second.page;
    await mine.goto('/me/committees');
    await mine.getByRole('link', { name: `Mes préférences pour ${name}` }).click();
    await expect(mine.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(mine.getByText('Votre comité', { exact: true })).toBeVisible();
    await expect(mine.getByText(/^Seuls les organisateurs/)).toHaveCount(0);
    await expect(mine.getByRole('button', { name: 'Envoyer le message' })).toHaveCount(0);
    await expect(
      mine.getByRole('list', { name: `Messages de ${name}` }).getByRole('listitem'),
    ).toHaveCount(2);
    const receive = mine.getByRole('switch', { name: 'Recevoir les messages du comité' });
    await expect(receive).toBeChecked();
    await receive.click();
    await expect(mine.getByText('Vous ne recevrez plus les messages du comité.')).toBeVisible();
    await mine.reload();
    await expect(receive).not.toBeChecked();
    // Still a member: only the mail stopped.
    await expect(mine.getByText('Membre', { exact: true })).toBeVisible();
    await send(page, `Dernier ${uniq()}`, 'Troisième message.', '1 personne');
  } finally {
    for (const { context } of [first, second, follower]) await context.close();
  }
});

test('staff certify a committee from the HQ list after reading its checklist, and withdraw it', async ({
  adminPage: staff,
  request,
}) => {
  const organiser: NewPerson = await createSupporter(request, {
    firstName: 'Gaëlle',
    postalCode: '67000',
  });
  await logIn(request, organiser.email);
  const word = capitalized(uniq());
  const name = `Comité Strasbourg ${word}`;
  const committeeId = await createCommittee(request, name, '67000');

  await staff.goto('/hq/people');
  await staff
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Comités', exact: true })
    .click();
  await expect(staff.getByRole('heading', { name: 'Comités', level: 1 })).toBeVisible();
  await staff.getByRole('searchbox', { name: 'Nom du comité' }).fill(word);
  await expect(staff).toHaveURL(new RegExp(`[?&]q=${word}`));
  const table = staff.getByRole('table', { name: 'Liste des comités' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row.getByRole('link', { name })).toHaveAttribute(
    'href',
    `/committees/${committeeId}`,
  );
  await expect(row).toContainText('Strasbourg');
  await expect(row).toContainText('Public');
  await expect(row).toContainText('Non certifié');
  await expect(row).toContainText('Aucun');

  // The checklist first: nothing met yet, and staff may certify all the same.
  await row.getByRole('button', { name: `Certifier ${name}` }).click();
  const dialog = staff.getByRole('dialog', { name: `Certifier « ${name} » ?` });
  await expect(
    dialog.getByRole('listitem').filter({ hasText: 'Au moins 3 membres' }),
  ).toContainText('1 / 3');
  await dialog.getByRole('button', { name: 'Certifier', exact: true }).click();
  await expect(staff.getByText(`${name} est certifié.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(
    row.getByRole('button', { name: `Retirer la certification de ${name}` }),
  ).toBeVisible();

  // Filtered on the badge, the export is of the same list.
  await staff
    .getByRole('combobox', { name: 'Certifié', exact: true })
    .selectOption({ label: 'Oui' });
  await expect(staff).toHaveURL(/[?&]certified=yes/);
  await expect(table.getByRole('row')).toHaveCount(2);
  const exportLink = staff.getByRole('link', { name: 'Exporter (CSV)' });
  await expect(exportLink).toHaveAttribute(
    'href',
    `/api/hq/committees/export.csv?q=${word}&certified=yes`,
  );
  const csv = await staff.request.get((await exportLink.getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${committeeId},${name},published,yes,67`);

  // The organiser's page shows the badge.
  const certified = await request.get(`/api/committees/${committeeId}/certification`);
  expect(((await certified.json()) as { certified: boolean }).certified).toBe(true);

  await row.getByRole('button', { name: `Retirer la certification de ${name}` }).click();
  const withdraw = staff.getByRole('dialog', {
    name: `Retirer la certification de « ${name} » ?`,
  });
  await withdraw.getByRole('button', { name: 'Retirer la certification' }).click();
  await expect(staff.getByText(`La certification de ${name} est retirée.`)).toBeVisible();
  await expect(staff.getByText('Aucun comité ne correspond à ces filtres.')).toBeVisible();

  // The criteria the checklists are measured against.
  await staff.getByRole('link', { name: 'Critères de certification' }).click();
  await expect(
    staff.getByRole('heading', { name: 'Critères de certification', level: 1 }),
  ).toBeVisible();
  const members = staff.getByRole('textbox', { name: 'Membres au minimum (hors abonné·e·s)' });
  await expect(members).toHaveValue('3');
  await members.fill('');
  await staff.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(staff.getByText(/^Entre 0 et 100\s000\.$/)).toBeVisible();
  await members.fill('3');
  await staff.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(staff.getByText('Critères enregistrés.')).toBeVisible();
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('an organiser writes to the members', async ({ page }) => {
    const organiser = await createSupporter(page.request, {
      firstName: 'Inès',
      postalCode: '33000',
    });
    await logIn(page.request, organiser.email);
    const name = `Comité Bordeaux ${capitalized(uniq())}`;
    const committeeId = await createCommittee(page.request, name, '33000');

    await page.goto(`/me/committees/${committeeId}/manage`);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: 'Écrire aux membres' });
    await form.getByRole('textbox', { name: 'Objet' }).fill('Première réunion');
    await form
      .getByRole('textbox', { name: 'Message' })
      .fill('Bonjour à toutes et à tous,\n\n- jeudi 19 h\n- salle des fêtes');
    await expectNoHorizontalScroll(page);
    const submit = form.getByRole('button', { name: 'Envoyer le message' });
    await submit.scrollIntoViewIfNeeded();
    await expect(submit).toBeInViewport();
    await submit.tap();
    await expect(page.getByText('Message envoyé à 1 personne.')).toBeVisible();
    const sent = page
      .getByRole('list', { name: `Messages de ${name}` })
      .getByRole('listitem')
      .filter({ hasText: 'Première réunion' });
    await expect(sent).toContainText('à toutes les personnes abonnées');
    await expect(sent.getByRole('listitem')).toHaveCount(2);
    await expectNoHorizontalScroll(page);
  });
});
