import type { Page } from '@playwright/test';
import {
  capitalized,
  expect,
  expectNoMailSince,
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

test('markup typed in a name is refused in the page and by the server, never run', async ({
  page,
}) => {
  const site = await publicSite(page.request);
  const id = uniq();
  const firstName = `<img src=x onerror="window.__xss=1">`;
  const lastName = `<script>window.__xss=2</script>${capitalized(id)}`;
  const email = `xss.${id}@example.org`;
  const accepted = acceptedSignups(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
  const since = await mailbox.mark();

  await page.goto('/');
  await fillForm(page, { firstName, lastName, email, postalCode: '59000' });
  await page.getByRole('button', { name: site.home.signupCallToAction }).click();
  const nameRule =
    'Un nom ne contient que des lettres, des espaces, des apostrophes, des traits d’union et des points.';
  for (const label of ['Prénom', 'Nom de famille']) {
    const input = page.getByLabel(label, { exact: true });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(nameRule);
    // What was typed is kept as the field's text, not read as markup.
    await expect(input).toHaveValue(label === 'Prénom' ? firstName : lastName);
  }
  await expect(page.locator('main img[src="x"], main script:not([src])')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

  // The server refuses it too, whatever the page checks.
  const direct = await page.request.post('/api/signup', {
    data: { firstName, lastName, email, postalCode: '59000', consents: {} },
  });
  expect(direct.status()).toBe(400);
  const problem = (await direct.json()) as {
    code: string;
    errors: { field: string; code: string }[];
  };
  expect(problem.code).toBe('validation_failed');
  const codeOf = (field: string) => problem.errors.find((e) => e.field === field)?.code;
  expect(codeOf('firstName')).toBe('invalid_name');
  expect(codeOf('lastName')).toBe('invalid_name');

  expect(accepted).toEqual([]);
  await expectNoMailSince(page.request, [email], since);
  expect(dialogs).toEqual([]);
});
