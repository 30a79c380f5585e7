import {
  capitalized,
  CONFIRM_SUBJECT,
  confirmSignup,
  createSupporter,
  expect,
  linkIn,
  logIn,
  mailbox,
  newPerson,
  publicSite,
  signUp,
  test,
  uniq,
} from './support/fixtures.ts';

test('a supporter’s personal link credits them with the people it brings', async ({
  page,
  browser,
  baseURL,
  adminPage,
}) => {
  // Supporter A logs in and copies their link from their space.
  const recruiter = await createSupporter(page.request, { firstName: 'Aline' });
  await logIn(page.request, recruiter.email);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: baseURL,
  });
  await page.goto('/me');
  const recruitSection = page.getByRole('region', { name: 'Mon lien de parrainage' });
  await expect(recruitSection).toContainText('Personnes recrutées : 0, dont 0 confirmée.');
  const shown = await recruitSection.getByLabel('Mon lien personnel').inputValue();
  expect(shown).toMatch(new RegExp(`^${baseURL}/\\?r=\\w+$`));
  await recruitSection.getByRole('button', { name: 'Copier mon lien' }).click();
  await expect(recruitSection.getByRole('button', { name: 'Copié' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);

  // A new visitor opens it (with a UTM tag), signs up and confirms.
  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  const site = await publicSite(visitorPage.request);
  const id = uniq();
  const email = `bastien.${id}@example.org`;
  await visitorPage.goto(`${copied}&utm_source=x`);
  await visitorPage.getByLabel('Prénom', { exact: true }).fill('Bastien');
  await visitorPage.getByLabel('Nom de famille', { exact: true }).fill(`Recrue ${capitalized(id)}`);
  await visitorPage.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await visitorPage.getByLabel('Code postal', { exact: true }).fill('38000');
  await expect(visitorPage.getByText('Commune : Grenoble')).toBeVisible();
  const since = await mailbox.mark();
  await visitorPage.getByRole('button', { name: site.home.signupCallToAction }).click();
  await expect(visitorPage.getByRole('status')).toContainText('Vérifiez votre boîte mail');
  const mail = await mailbox.waitFor(email, CONFIRM_SUBJECT, since);
  await visitorPage.goto(linkIn(mail, '/confirm'));
  await expect(visitorPage.getByRole('status')).toHaveText(
    'Merci Bastien ! Votre inscription est confirmée.',
  );
  await visitor.close();

  // A's space counts the recruit.
  await page.reload();
  await expect(recruitSection).toContainText('Personnes recrutées : 1, dont 1 confirmée.');

  // HQ sees where the recruit came from.
  await adminPage.goto(`/hq/people?q=${encodeURIComponent(email)}`);
  await adminPage
    .getByRole('table', { name: 'Liste des personnes' })
    .getByRole('link', { name: `Bastien Recrue ${capitalized(id)}` })
    .click();
  const origin = adminPage.getByRole('region', { name: 'Origine' });
  await expect(origin.getByRole('link', { name: `Aline ${recruiter.lastName}` })).toBeVisible();
  const utmSource = origin.getByText('utm_source', { exact: true });
  await expect(utmSource.locator('xpath=following-sibling::*[1]')).toHaveText('x');
});

test('the confirmation page hands out the new supporter’s link, which credits them', async ({
  page,
  browser,
  baseURL,
}) => {
  // Carole signs up and opens the link of her confirmation mail.
  const carole = newPerson({ firstName: 'Carole' });
  const since = await mailbox.mark();
  await signUp(page.request, carole);
  const mail = await mailbox.waitFor(carole.email, CONFIRM_SUBJECT, since);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: baseURL,
  });
  await page.goto(linkIn(mail, '/confirm'));
  await expect(page.getByRole('status')).toHaveText(
    'Merci Carole ! Votre inscription est confirmée.',
  );
  const invite = page.getByRole('region', { name: 'Invitez vos proches' });
  const shown = await invite.getByLabel('Mon lien personnel').inputValue();
  expect(shown).toMatch(new RegExp(`^${baseURL}/\\?r=\\w+$`));
  await invite.getByRole('button', { name: 'Copier mon lien' }).click();
  await expect(invite.getByRole('button', { name: 'Copié' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);

  // A friend opens it, signs up and confirms.
  const friend = await browser.newContext({ baseURL });
  const friendPage = await friend.newPage();
  const site = await publicSite(friendPage.request);
  const id = uniq();
  const email = `denis.${id}@example.org`;
  await friendPage.goto(copied);
  await friendPage.getByLabel('Prénom', { exact: true }).fill('Denis');
  await friendPage.getByLabel('Nom de famille', { exact: true }).fill(`Ami ${capitalized(id)}`);
  await friendPage.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await friendPage.getByLabel('Code postal', { exact: true }).fill('38000');
  await expect(friendPage.getByText('Commune : Grenoble')).toBeVisible();
  const friendSince = await mailbox.mark();
  await friendPage.getByRole('button', { name: site.home.signupCallToAction }).click();
  await expect(friendPage.getByRole('status')).toContainText('Vérifiez votre boîte mail');
  await confirmSignup(friendPage.request, email, friendSince);
  await friend.close();

  // Carole's space counts her recruit.
  await logIn(page.request, carole.email);
  await page.goto('/me');
  await expect(page.getByRole('region', { name: 'Mon lien de parrainage' })).toContainText(
    'Personnes recrutées : 1, dont 1 confirmée.',
  );
});
