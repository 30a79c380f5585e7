import { capitalized, createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

/** A random number in the national form, two digits a group ("01 23 45 67 89"). */
const randomNumber = (prefix: string) => {
  const digits = prefix + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return digits.slice(0, 10).match(/../g)!.join(' ');
};

const LANDLINE_FOR_SMS =
  'C’est un numéro de fixe : les SMS n’y arrivent pas. Donnez un numéro de mobile ou décochez les SMS.';

test('staff cannot give a landline to someone who accepts SMS, nor record an SMS consent on one', async ({
  adminPage: page,
}) => {
  const lastName = `Fixe ${capitalized(uniq())}`;
  const landline = randomNumber('01');
  // 061… is a mainland mobile range (0639, 0690–0697 belong to overseas départements).
  const mobile = randomNumber('061');
  const otherMobile = randomNumber('061');
  // What the page sends: a refusal in the form sends nothing.
  const sent: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() !== 'GET' && path.startsWith('/api/people'))
      sent.push(`${request.method()} ${path.replace(/\d+/g, 'ID')}`);
  });

  // Added at HQ with a landline: taken, as nobody added by hand accepts SMS yet.
  await page.goto('/hq/people');
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const add = page.getByRole('dialog', { name: 'Ajouter une personne' });
  await add.getByLabel('Prénom').fill('Marcel');
  await add.getByLabel('Nom de famille').fill(lastName);
  await add.getByLabel('Téléphone mobile').fill(landline);
  await add.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: `Marcel ${lastName}`, level: 1 })).toBeVisible();
  await expect(page.getByText(landline, { exact: true })).toBeVisible();

  // An SMS consent on that landline is refused in the form, before anything is sent.
  const consents = page.getByRole('region', { name: 'Consentements' });
  await consents.getByRole('button', { name: 'Enregistrer un consentement reçu' }).click();
  const record = page.getByRole('dialog', { name: 'Consentement ou désinscription reçu' });
  const channel = record.getByLabel('Canal concerné');
  await channel.selectOption({ label: 'SMS' });
  await record.getByText('Consentement donné').click();
  await expect(channel).toHaveAttribute('aria-invalid', 'true');
  await expect(record.getByText(LANDLINE_FOR_SMS)).toBeVisible();
  await record.getByLabel('Preuve et précisions').fill('Coupon papier, boîte 2.');
  await record.getByLabel('Référence du texte accepté').fill('Tract-2026-11');
  await record.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(record).toBeVisible();
  await expect(consents.getByText('Aucune décision enregistrée.')).toBeVisible();

  // An opt-out is always recorded.
  await record.getByText('Désinscription (retrait)').click();
  await expect(channel).not.toHaveAttribute('aria-invalid', 'true');
  await record.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(record).toBeHidden();
  await expect(
    consents.getByText('SMS : Désinscription (retrait) · reçu par téléphone'),
  ).toBeVisible();

  // With a mobile, the SMS consent is recorded.
  await page.getByRole('button', { name: 'Modifier la fiche' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier la fiche' });
  await edit.getByLabel('Téléphone mobile').fill(mobile);
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await consents.getByRole('button', { name: 'Enregistrer un consentement reçu' }).click();
  await channel.selectOption({ label: 'SMS' });
  await record.getByText('Consentement donné').click();
  await expect(channel).not.toHaveAttribute('aria-invalid', 'true');
  await record.getByLabel('Preuve et précisions').fill('Coupon papier, boîte 2.');
  await record.getByLabel('Référence du texte accepté').fill('Tract-2026-11');
  await record.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(record).toBeHidden();
  await expect(consents.getByRole('img', { name: 'SMS : Oui' })).toBeVisible();

  // Now that they accept SMS, a landline typed for them is flagged, then refused on saving.
  await page.getByRole('button', { name: 'Modifier la fiche' }).click();
  const phone = edit.getByLabel('Téléphone mobile');
  await expect(edit.getByText('Un numéro de mobile, pour recevoir les SMS.')).toBeVisible();
  await phone.fill('0262 12 34 56'); // overseas too: the national prefix decides
  await expect(edit.getByTestId('phone-landline-warning')).toHaveText(LANDLINE_FOR_SMS);
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(edit.getByText(LANDLINE_FOR_SMS)).toBeVisible();
  await expect(edit).toBeVisible();

  // Another mobile is taken.
  await phone.fill(otherMobile);
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText(otherMobile, { exact: true })).toBeVisible();
  await expect(consents.getByRole('img', { name: 'SMS : Oui' })).toBeVisible();
  expect(sent).toEqual([
    'POST /api/people',
    'POST /api/people/ID/consents', // the opt-out
    'PUT /api/people/ID', // the mobile
    'POST /api/people/ID/consents', // the SMS consent
    'PUT /api/people/ID', // the other mobile
  ]);
});

test('a supporter without a mobile asking for SMS in their space is told to add one first', async ({
  page,
}) => {
  const supporter = await createSupporter(page.request);
  await logIn(page.request, supporter.email);
  await page.goto('/me');
  const consents = page.getByRole('region', { name: 'Mes préférences de contact' });
  const sms = consents.getByRole('switch', { name: 'SMS' });
  await expect(sms).not.toBeChecked();
  await sms.click();
  await expect(consents.getByRole('alert')).toContainText(
    'Ajoutez d’abord votre numéro de mobile à votre profil : les SMS en ont besoin.',
  );
  await expect(sms).not.toBeChecked();
  await page.reload();
  await expect(sms).not.toBeChecked();
});
