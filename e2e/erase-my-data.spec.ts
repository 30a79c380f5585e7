import { readFile } from 'node:fs/promises';
import {
  CONFIRM_SUBJECT,
  createSupporter,
  expect,
  expectNoMailSince,
  linkIn,
  logIn,
  mailbox,
  publicSite,
  test,
} from './support/fixtures.ts';

interface MyData {
  profile: Record<string, unknown>;
  consents: { current: Record<string, boolean>; history: Array<{ channel: string }> };
}

test('a supporter downloads their data, erases their account, and can no longer be found', async ({
  page,
  adminPage,
  baseURL,
}) => {
  const supporter = await createSupporter(page.request, {
    firstName: 'Maëlle',
    phone: '06 39 98 55 21',
  });
  await logIn(page.request, supporter.email);
  const session = (await (await page.request.get('/api/session')).json()) as {
    me: { personId: number };
  };
  const personId = session.me.personId;

  // HQ finds them before.
  await adminPage.goto(`/hq/people?q=${encodeURIComponent(supporter.lastName)}`);
  const table = adminPage.getByRole('table', { name: 'Liste des personnes' });
  await expect(table.getByRole('row', { name: new RegExp(supporter.lastName) })).toHaveCount(1);

  // 1. The data file, from their space.
  await page.goto('/me');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger mes données' }).click();
  const data = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as MyData;
  expect(data.profile.email).toBe(supporter.email);
  expect(data.profile.lastName).toBe(supporter.lastName);
  expect(data.consents.current).toMatchObject({ email: true });

  // 2. Erasure: the dialog says what is kept, and why.
  await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer mon compte' });
  await expect(dialog).toContainText('Code électoral L52-12');
  await expect(dialog).toContainText('empreinte');
  await dialog.getByLabel('Tapez SUPPRIMER pour confirmer').fill('SUPPRIMER');
  await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole('status')).toContainText('Votre compte a été supprimé.');
  expect((await page.request.get('/api/me/profile')).status()).toBe(401);

  // 3. HQ no longer finds them: not in the search, their page answers 404.
  await adminPage.goto(`/hq/people?q=${encodeURIComponent(supporter.lastName)}`);
  await expect(adminPage.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(adminPage.getByText(supporter.lastName)).toHaveCount(0);
  const found = (await (
    await adminPage.request.get(`/api/people?q=${encodeURIComponent(supporter.email)}`)
  ).json()) as { items: unknown[] };
  expect(found.items).toEqual([]);
  expect((await adminPage.request.get(`/api/people/${personId}`)).status()).toBe(404);
  await adminPage.goto(`/hq/people/${personId}`);
  await expect(adminPage.getByRole('alert')).toBeVisible();
  await expect(adminPage.getByText(supporter.lastName)).toHaveCount(0);

  // 4. Login is refused: no code is sent to the address.
  const afterErasure = await mailbox.mark();
  const start = await page.request.post('/api/auth/login/start', {
    data: { email: supporter.email, locale: 'fr' },
    headers: {
      'x-csrf-token': (
        (await (await page.request.get('/api/session')).json()) as { csrfToken: string }
      ).csrfToken,
    },
  });
  expect(start.status()).toBe(200);
  await expectNoMailSince(page.request, [supporter.email], afterErasure);

  // 5. Signing up again with the same address starts a new, empty record.
  const since = await mailbox.mark();
  await page.goto('/');
  await page.getByLabel('Prénom', { exact: true }).fill('Maëlle');
  await page.getByLabel('Nom de famille', { exact: true }).fill('Nouvelle');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(supporter.email);
  await page.getByLabel('Code postal', { exact: true }).fill('44000');
  const site = await publicSite(page.request);
  await page.getByRole('button', { name: site.home.signupCallToAction }).click();
  const confirmation = await mailbox.waitFor(supporter.email, CONFIRM_SUBJECT, since);
  await page.goto(linkIn(confirmation, '/confirm'));
  await logIn(page.request, supporter.email);
  const renewed = (await (await page.request.get('/api/session')).json()) as {
    me: { personId: number };
  };
  expect(renewed.me.personId).not.toBe(personId);
  const profile = (await (await page.request.get('/api/me/profile')).json()) as Record<
    string,
    unknown
  >;
  expect(profile).toMatchObject({ lastName: 'Nouvelle', phone: null });

  // HQ's retention page says who a purge of prospects keeps (read only: settings are shared).
  await adminPage.goto('/hq/privacy/retention');
  await expect(
    adminPage.getByRole('heading', { name: 'Durée de conservation des prospects', level: 1 }),
  ).toBeVisible();
  await expect(adminPage.getByLabel('Délai après le dernier tour (jours)')).toHaveValue(/^\d+$/);
  await expect(
    adminPage.getByText('un consentement donné, sur n’importe quel canal'),
  ).toBeVisible();
  await expect(adminPage.getByText('un compte', { exact: true })).toBeVisible();
});
