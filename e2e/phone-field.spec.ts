import { confirmSignup, expect, logIn, mailbox, newPerson, test } from './support/fixtures.ts';

test('the profile’s phone field flags a landline where SMS is wanted, read as the server reads it', async ({
  page,
}) => {
  const person = newPerson({ postalCode: '97400' });
  const since = await mailbox.mark();
  const signup = await page.request.post('/api/signup', {
    data: {
      ...person,
      phone: '0692 12 34 56',
      consents: { email: true, sms: true, phone: false },
      locale: 'fr',
      source: 'signup',
    },
  });
  expect(signup.status(), await signup.text()).toBe(200);
  await confirmSignup(page.request, person.email, since);
  await logIn(page.request, person.email);

  await page.goto('/me');
  const phone = page.getByLabel('Téléphone mobile', { exact: true });
  // A Réunion mobile typed nationally was stored as +262 and is shown as people write it.
  await expect(phone).toHaveValue('+262 692 12 34 56');
  await expect(page.getByText('Un numéro de mobile, pour recevoir les SMS.')).toBeVisible();

  const warning = page.getByTestId('phone-landline-warning');
  await phone.fill('01 23 45 67 89');
  await expect(warning).toHaveText(
    'C’est un numéro de fixe : les SMS n’y arrivent pas. Donnez un numéro de mobile ou décochez les SMS.',
  );
  // Overseas landlines too: the national prefix decides.
  await phone.fill('0262 21 12 34');
  await expect(warning).toBeVisible();
  await phone.fill('0692 12 34 57');
  await expect(warning).toBeHidden();

  // An invalid number is refused in the browser before anything is sent.
  await phone.fill('06 12');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByText('Ce numéro de téléphone n’est pas valide.')).toBeVisible();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
});
