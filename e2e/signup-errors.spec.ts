import type { Page } from '@playwright/test';
import {
  capitalized,
  CONFIRM_SUBJECT,
  expect,
  expectNoMailSince,
  linkIn,
  logIn,
  mailbox,
  publicSite,
  test,
  uniq,
} from './support/fixtures.ts';

async function fillForm(
  page: Page,
  values: {
    firstName: string;
    lastName: string;
    email: string;
    postalCode: string;
    phone?: string;
  },
) {
  await page.getByLabel('Prénom', { exact: true }).fill(values.firstName);
  await page.getByLabel('Nom de famille', { exact: true }).fill(values.lastName);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(values.email);
  await page.getByLabel('Code postal', { exact: true }).fill(values.postalCode);
  if (values.phone !== undefined) {
    await page.getByLabel('Téléphone mobile', { exact: true }).fill(values.phone);
  }
}

/** Counts the sign-ups the server accepted while the test runs. */
function acceptedSignups(page: Page) {
  const accepted: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/signup' && response.ok()) {
      accepted.push(response.url());
    }
  });
  return accepted;
}

test('invalid fields are flagged next to the inputs and nothing is sent', async ({ page }) => {
  const site = await publicSite(page.request);
  const submit = page.getByRole('button', { name: site.home.signupCallToAction });
  const email = page.getByLabel('Adresse e-mail', { exact: true });
  const postalCode = page.getByLabel('Code postal', { exact: true });
  const phone = page.getByLabel('Téléphone mobile', { exact: true });
  const accepted = acceptedSignups(page);
  const id = uniq();
  const addresses = [`jean..${id}@example.org`, `jean.${id}@example.org`];
  const since = await mailbox.mark();

  await page.goto('/');
  // Empty form: every required field says so.
  await submit.click();
  for (const label of ['Prénom', 'Nom de famille', 'Adresse e-mail', 'Code postal']) {
    const input = page.getByLabel(label, { exact: true });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription('Ce champ est obligatoire.');
  }
  await expect(page.getByLabel('Prénom', { exact: true })).toBeFocused();

  // Invalid email (checked in the browser) and unknown postal code (looked up as typed).
  await fillForm(page, {
    firstName: 'Jean',
    lastName: `Valjean ${capitalized(id)}`,
    email: 'pas-une-adresse',
    postalCode: '99999',
  });
  await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
  await expect(postalCode).toHaveAccessibleDescription('Ce code postal est inconnu.');
  await submit.click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Cette adresse e-mail n’est pas valide.');
  await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
  await expect(postalCode).toHaveAccessibleDescription('Ce code postal est inconnu.');
  await expect(page.getByLabel('Prénom', { exact: true })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );

  // The browser will not send the form while the postal code is unknown; the server refuses
  // it too.
  const direct = await page.request.post('/api/signup', {
    data: {
      firstName: 'Jean',
      lastName: 'Valjean',
      email: addresses[1],
      postalCode: '99999',
      consents: { email: true, sms: false, phone: false },
    },
  });
  expect(direct.status()).toBe(400);
  expect(await direct.json()).toMatchObject({
    code: 'validation_failed',
    errors: [expect.objectContaining({ field: 'postalCode', code: 'unknown_postal_code' })],
  });

  // An address only the server refuses and a bad phone number: the server's field errors
  // land under the same inputs.
  await postalCode.fill('44000');
  await expect(page.getByText('Commune : Nantes')).toBeVisible();
  await expect(postalCode).not.toHaveAttribute('aria-invalid', 'true');
  await email.fill(addresses[0]);
  await phone.fill('12');
  const refused = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/signup' && r.request().method() === 'POST',
  );
  await submit.click();
  const response = await refused;
  expect(response.status()).toBe(400);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Cette adresse e-mail n’est pas valide.');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/^Ce numéro de téléphone n’est pas valide./);
  await expect(email).toBeFocused();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: site.home.signupCallToAction })).toBeVisible();

  expect(accepted).toEqual([]);
  await expectNoMailSince(page.request, addresses, since);
});

test('a web address typed as a name is refused under the input', async ({ page }) => {
  const site = await publicSite(page.request);
  const accepted = acceptedSignups(page);
  const email = `lien.${uniq()}@example.org`;
  const since = await mailbox.mark();
  await page.goto('/');
  await fillForm(page, {
    firstName: 'Gagnez sur www.promo.example',
    lastName: 'Durand',
    email,
    postalCode: '44000',
  });
  await expect(page.getByText('Commune : Nantes')).toBeVisible();
  await page.getByRole('button', { name: site.home.signupCallToAction }).click();
  const firstName = page.getByLabel('Prénom', { exact: true });
  await expect(firstName).toHaveAttribute('aria-invalid', 'true');
  await expect(firstName).toHaveAccessibleDescription('Un nom ne peut pas contenir d’adresse web.');
  await expect(firstName).toBeFocused();
  expect(accepted).toEqual([]);
  await expectNoMailSince(page.request, [email], since);
});

test('markup typed in a name is shown as text, never run', async ({ page, adminPage }) => {
  const site = await publicSite(page.request);
  const id = uniq();
  const firstName = `<img src=x onerror="window.__xss=1">`;
  const lastName = `<script>window.__xss=2</script>${capitalized(id)}`;
  const email = `xss.${id}@example.org`;
  const dialogs: string[] = [];
  for (const p of [page, adminPage])
    p.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
  const noInjection = async (p: Page) => {
    await expect(p.locator('main img[src="x"], main script:not([src])')).toHaveCount(0);
    expect(await p.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  };

  await page.goto('/');
  await fillForm(page, { firstName, lastName, email, postalCode: '59000' });
  const since = await mailbox.mark();
  await page.getByRole('button', { name: site.home.signupCallToAction }).click();
  await expect(page.getByRole('status')).toContainText('Vérifiez votre boîte mail');

  // The mail escapes it too.
  const mail = await mailbox.waitFor(email, CONFIRM_SUBJECT, since);
  expect(mail.text).toContain(`Bonjour ${firstName},`);
  expect(mail.html).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
  expect(mail.html).not.toContain('<img');

  // Confirm page.
  await page.goto(linkIn(mail, '/confirm'));
  await expect(page.getByRole('status')).toHaveText(
    `Merci ${firstName} ! Votre inscription est confirmée.`,
  );
  await noInjection(page);

  // Supporter space: greeting, account menu, profile form.
  await logIn(page.request, email);
  await page.goto('/me');
  await expect(page.getByText(`Bonjour ${firstName} !`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu du compte' })).toContainText(firstName);
  await expect(page.getByLabel('Prénom', { exact: true })).toHaveValue(firstName);
  await expect(page.getByLabel('Nom de famille', { exact: true })).toHaveValue(lastName);
  await noInjection(page);

  // HQ: the people list and the person's page.
  await adminPage.goto(`/hq/people?q=${encodeURIComponent(email)}`);
  const table = adminPage.getByRole('table', { name: 'Liste des personnes' });
  const nameLink = table.getByRole('link', { name: `${firstName} ${lastName}` });
  await expect(nameLink).toBeVisible();
  await noInjection(adminPage);
  await nameLink.click();
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText(`${firstName} ${lastName}`);
  await noInjection(adminPage);
  expect(dialogs).toEqual([]);
});
