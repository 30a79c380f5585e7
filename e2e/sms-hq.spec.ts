// Text campaigns at HQ, through the development adapter (no provider: texts are kept and shown
// on /hq/sms). A staff member with a mobile of their own follows the menu to the texts, writes
// a campaign to a segment of two supporters made here (who agreed to texts; a third, who did not,
// is left out): the editor counts characters and segments live, shows the STOP mention and,
// for the segment, the recipients and the cost. The campaign is saved, sent to the staff
// member as a test, then sent now: the adapter shows each supporter's text with its STOP
// mention and the counts reach two sent. A forged STOP changes nothing; a signed "Arrêt" from a
// supporter withdraws their consent to texts at once, counted as a STOP. The campaign is shared
// with specs running in parallel: names and numbers are unique per run, nothing goes to everyone.
import { pick } from './support/calling.ts';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  logIn,
  test,
  uniq,
} from './support/fixtures.ts';
import { randomMobile, receiveText } from './support/sms.ts';

test('staff compose a text to a segment, see its segments and cost, test and send it; a signed STOP withdraws the consent', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(240_000);
  const tag = uniq();
  const id = capitalized(tag);
  const segment = `Textos ${id}`;
  const staffMobile = randomMobile();
  const staff = await createSupporter(page.request, {
    firstName: capitalized(uniq()),
    postalCode: '44000',
    phone: staffMobile.national,
    consents: { email: true, sms: true, phone: false },
  });
  const granted = await adminPage.request.post('/api/admin/accounts', {
    data: { email: staff.email, roles: ['staff'] },
    headers: await csrfHeaders(adminPage.request),
  });
  expect(granted.status(), await granted.text()).toBe(200);
  await logIn(page.request, staff.email);

  const readers = [
    { firstName: 'Aurore', mobile: randomMobile(), sms: true, email: '' },
    { firstName: 'Basile', mobile: randomMobile(), sms: true, email: '' },
    { firstName: 'Cyrielle', mobile: randomMobile(), sms: false, email: '' },
  ];
  await test.step('three supporters (two agreed to texts) make a segment', async () => {
    for (const reader of readers) {
      const made = await createSupporter(page.request, {
        firstName: reader.firstName,
        lastName: `Texto ${id}`,
        postalCode: '44000',
        phone: reader.mobile.national,
        consents: { email: true, sms: reader.sms, phone: false },
      });
      reader.email = made.email;
    }
    const saved = await adminPage.request.post('/api/segments', {
      headers: await csrfHeaders(adminPage.request),
      data: { name: segment, filter: { q: tag } },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  });

  await test.step('the menu leads to the texts', async () => {
    await page.goto('/hq/people');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'SMS', exact: true })
      .click();
    await expect(page).toHaveURL(/\/hq\/sms$/);
    await expect(page.getByRole('heading', { name: 'Campagnes SMS', level: 1 })).toBeVisible();
  });

  await test.step('the editor counts segments live, shows the STOP mention, the reach and the cost', async () => {
    await page.getByRole('link', { name: 'Nouvelle campagne SMS' }).click();
    await page.getByRole('textbox', { name: 'Nom de la campagne' }).fill(`Réunion ${id}`);
    await page.getByRole('textbox', { name: 'Nom d’expéditeur' }).fill('Lev ier');
    await pick(page, page.getByRole('textbox', { name: 'Destinataires' }), new RegExp(segment));
    const body = page.getByRole('textbox', { name: 'Texte', exact: true });
    await body.fill('Bonjour {prénom}, réunion jeudi 19h à la permanence !');
    await expect(page.getByTestId('sms-encoding')).toHaveText('GSM-7');
    await expect(page.getByTestId('sms-segments')).toHaveText('1');
    await expect(page.getByTestId('sms-text')).toHaveText(
      'Bonjour {prénom}, réunion jeudi 19h à la permanence !\nSTOP au 36111',
    );
    await expect(page.getByTestId('sms-recipients')).toHaveText('2');
    await expect(page.getByTestId('sms-cost')).toHaveText('0,10 € (1 × 2 × 0,050 €)');
    // A character outside the SMS alphabet: Unicode, 70 characters a text, two texts.
    await body.fill(`Fête ${'de la permanence '.repeat(4)}`);
    await expect(page.getByTestId('sms-encoding')).toHaveText('UCS-2');
    await expect(page.getByTestId('sms-segments')).toHaveText('2');
    await expect(page.getByTestId('sms-cost')).toHaveText('0,20 € (2 × 2 × 0,050 €)');
    await body.fill('Bonjour {prénom}, réunion jeudi 19h à la permanence !');
    // The sender name is refused before anything is sent, then corrected.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('De 3 à 11 lettres ou chiffres')).toBeVisible();
    await page.getByRole('textbox', { name: 'Nom d’expéditeur' }).fill('Levier');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(
      page.getByRole('heading', { name: `Campagne SMS « Réunion ${id} »` }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/hq\/sms\/\d+$/);
  });

  const kept = page.getByRole('region', { name: 'SMS retenus (adaptateur de développement)' });
  await test.step('a test goes to the staff member’s own mobile, with STOP', async () => {
    await page.getByRole('button', { name: 'M’envoyer un test' }).click();
    await expect(page.getByText(`Test envoyé au ${staffMobile.e164}.`)).toBeVisible();
    await expect(
      kept.getByText(
        `[TEST] Bonjour ${staff.firstName}, réunion jeudi 19h à la permanence ! STOP au 36111`,
        { exact: false },
      ),
    ).toBeVisible({ timeout: 20_000 });
  });

  await test.step('sent now: each supporter who agreed gets their text with STOP, two sent', async () => {
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer la campagne maintenant ?' });
    await dialog.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('sms-count-sent')).toHaveText('2', { timeout: 30_000 });
    await expect(page.getByTestId('sms-count-recipients')).toHaveText('2');
    for (const name of ['Aurore', 'Basile']) {
      await expect(
        kept.getByText(`Bonjour ${name}, réunion jeudi 19h à la permanence ! STOP au 36111`),
      ).toBeVisible({ timeout: 20_000 });
    }
    await expect(kept.getByText('Bonjour Cyrielle')).toHaveCount(0);
  });

  await test.step('a forged STOP changes nothing; a signed “Arrêt” withdraws the consent at once', async () => {
    const aurore = readers[0]!;
    const found = await adminPage.request.get(`/api/people?q=${encodeURIComponent(aurore.email)}`);
    const personId = ((await found.json()) as { items: Array<{ id: number }> }).items[0]!.id;
    const consents = async () =>
      JSON.stringify(
        await (await adminPage.request.get(`/api/people/${personId}/consents`)).json(),
      );
    await receiveText(page.request, aurore.mobile.e164, 'STOP', { forged: true });
    expect(await consents()).not.toMatch(/sms_stop/);
    await receiveText(page.request, aurore.mobile.e164, 'Arrêt');
    expect(await consents()).toMatch(/sms_stop/);
    await page.reload();
    await expect(page.getByTestId('sms-count-stops')).toHaveText('1');
  });
});
