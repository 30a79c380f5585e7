import { createSupporter, expect, logIn, test } from './support/fixtures.ts';
import { ADMIN_EMAIL } from './support/env.ts';

test('the audit log names the administrator by e-mail and says what was done, in words', async ({
  page,
  adminPage,
}) => {
  const supporter = await createSupporter(page.request);
  const session = (await (await adminPage.request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const granted = await adminPage.request.post('/api/admin/accounts', {
    data: { email: supporter.email, roles: ['staff'] },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(granted.status(), await granted.text()).toBe(200);
  const accounts = (await (await adminPage.request.get('/api/admin/accounts')).json()) as Array<{
    personId: number;
    email: string | null;
  }>;
  const personId = accounts.find((account) => account.email === supporter.email)?.personId;
  expect(personId).toBeDefined();

  await adminPage.goto('/admin/audit');
  const audit = adminPage.getByRole('table', { name: 'Journal d’audit' });
  // This supporter's row: other specs change roles on the same server at the same time.
  const row = audit
    .getByRole('row')
    .filter({ hasText: 'Rôles d’un compte modifiés' })
    .filter({ has: adminPage.getByRole('link', { name: `Personne n° ${personId}`, exact: true }) });
  // The administrator made by `levier admin create` has no name: their e-mail stands for it.
  await expect(row).toContainText(ADMIN_EMAIL);
  await expect(row).toContainText('Rôles : Équipe');
  await expect(row).not.toContainText('account.roles');
  await row.getByRole('link', { name: /^Personne n° \d+$/ }).click();
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText(
    `${supporter.firstName} ${supporter.lastName}`,
  );
});

test('the person timeline tells a consent change in words, with how it was given', async ({
  page,
  adminPage,
}) => {
  // SMS needs a mobile: 061… is a mainland mobile range.
  const digits = `1${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const supporter = await createSupporter(page.request, { phone: `06${digits}` });
  await logIn(page.request, supporter.email);
  const own = (await (await page.request.get('/api/session')).json()) as {
    csrfToken: string;
    me: { personId: number };
  };
  const changed = await page.request.put('/api/me/consents', {
    data: { consents: { email: true, sms: true, phone: false } },
    headers: { 'x-csrf-token': own.csrfToken },
  });
  expect(changed.status(), await changed.text()).toBe(200);

  await adminPage.goto(`/hq/people/${own.me.personId}`);
  const history = adminPage.getByRole('region', { name: 'Historique' });
  await expect(history).toContainText('SMS : consentement donné');
  await expect(history).toContainText('Via : espace militant');
  await expect(history).not.toContainText('supporter_space');
  await expect(adminPage.getByText('Français', { exact: true })).toBeVisible();
});
