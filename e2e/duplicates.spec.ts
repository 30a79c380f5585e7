import { createSupporter, expect, logIn, test, uniq } from './support/fixtures.ts';

test('staff find likely duplicates, compare them, merge one pair and set another aside', async ({
  adminPage: page,
}) => {
  const id = uniq();
  // 06 1x xx xx xx: every such number is a valid French mobile (about 8% of random 06 numbers
  // are not: overseas or unassigned ranges).
  const phone = `06 1${String(Date.now())
    .slice(-7)
    .replace(/^(\d)(\d\d)(\d\d)(\d\d)$/, '$1 $2 $3 $4')}`;
  // The same person signed up twice: two addresses, one phone number.
  const older = await createSupporter(page.request, {
    firstName: 'Inès',
    lastName: `Doublon ${id}`,
    email: `ines.${id}@example.org`,
    phone,
  });
  const newer = await createSupporter(page.request, {
    firstName: 'Ines',
    lastName: `Doublon ${id}`,
    email: `ines.doublon.${id}@travail.example`,
    phone,
    consents: { email: false, sms: true, phone: false },
  });
  // Two different people who share a switchboard number.
  const shared = `01 ${String(Date.now() + 7)
    .slice(-8)
    .replace(/(\d\d)(?=\d)/g, '$1 ')}`;
  const colleagueA = await createSupporter(page.request, {
    firstName: 'Paul',
    lastName: `Standard ${id}`,
    phone: shared,
    consents: { email: true, sms: false, phone: false },
  });
  await createSupporter(page.request, {
    firstName: 'Lucie',
    lastName: `Standard ${id}`,
    phone: shared,
    consents: { email: true, sms: false, phone: false },
  });

  await page.goto('/hq/duplicates');
  await expect(page.getByRole('heading', { name: 'Doublons probables', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Chercher à nouveau' }).click();
  const pair = page
    .getByRole('row')
    .filter({ hasText: older.email })
    .filter({ hasText: newer.email });
  await expect(pair).toBeVisible({ timeout: 20_000 });
  await expect(pair.getByText('Même téléphone')).toBeVisible();

  // Side by side: the older record is kept; the newer email wins.
  await pair.getByRole('link', { name: /^Comparer/ }).click();
  await expect(page.getByRole('heading', { name: 'Comparer deux fiches', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(newer.email.replace(/\./g, '\\.')) }).check();
  await page.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await page.getByRole('button', { name: 'Fusionner définitivement' }).click();
  await expect(page.getByText('Fiches fusionnées.')).toBeVisible();
  await expect(page).toHaveURL(/\/hq\/people\/\d+$/);
  const keptUrl = page.url();
  await expect(page.getByRole('heading', { name: `Inès Doublon ${id}`, level: 1 })).toBeVisible();
  await expect(page.getByText(newer.email).first()).toBeVisible();
  await expect(page.getByText(/Fusionnée avec la fiche n° \d+/)).toBeVisible();
  const mergedId = /n° (\d+)/.exec(
    (await page.getByText(/Fusionnée avec la fiche n°/).textContent())!,
  )![1];

  // An old link to the merged record opens the kept one.
  await page.goto(`/hq/people/${mergedId}`);
  await expect(page).toHaveURL(keptUrl);
  await expect(page.getByRole('heading', { name: `Inès Doublon ${id}`, level: 1 })).toBeVisible();

  // The colleagues are two people: set aside, they leave the list and stay out of it.
  await page.goto('/hq/duplicates');
  const colleagues = page.getByRole('row').filter({ hasText: colleagueA.email });
  await expect(colleagues).toBeVisible();
  await colleagues.getByRole('link', { name: /^Comparer/ }).click();
  await page.getByRole('button', { name: 'Ce n’est pas un doublon' }).click();
  await expect(page).toHaveURL(/\/hq\/duplicates$/);
  await expect(page.getByText('Noté : ces deux personnes ne seront plus proposées.')).toBeVisible();
  await page.getByRole('button', { name: 'Chercher à nouveau' }).click();
  await expect(page.getByRole('button', { name: 'Chercher à nouveau' })).toBeEnabled({
    timeout: 20_000,
  });
  await expect(page.getByRole('row').filter({ hasText: colleagueA.email })).toHaveCount(0);
});

test('a supporter cannot open the duplicates review', async ({ page }) => {
  const supporter = await createSupporter(page.request);
  await logIn(page.request, supporter.email);
  await page.goto('/hq/duplicates');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Doublons probables' })).toHaveCount(0);
});
