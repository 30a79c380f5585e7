// The public pages as the server draws them: usable without JavaScript, light (no HQ code),
// in both languages, with the legal pages, the resend of the confirmation mail and the
// visit's attribution kept across pages.
import {
  capitalized,
  CONFIRM_SUBJECT,
  expect,
  linkIn,
  mailbox,
  newPerson,
  publicSite,
  test,
  uniq,
} from './support/fixtures.ts';

test('without JavaScript: field errors, the commune asked, sign-up, resend and confirmation', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const site = await publicSite(page.request);
  const person = newPerson({ firstName: 'Maël' });
  await page.goto('/');
  const submit = page.getByRole('button', { name: site.home.signupCallToAction });

  // Sent empty: the server answers the form again, each field saying what is wrong.
  await submit.click();
  await expect(page).toHaveTitle(/^Erreur : /);
  for (const label of ['Prénom', 'Nom de famille', 'Adresse e-mail', 'Code postal']) {
    const input = page.getByLabel(label, { exact: true });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription('Ce champ est obligatoire.');
  }
  await expect(page.getByLabel('Prénom', { exact: true })).toBeFocused();

  // A postal code of several communes: the answer lists them; what was typed is kept.
  await page.getByLabel('Prénom', { exact: true }).fill(person.firstName);
  await page.getByLabel('Nom de famille', { exact: true }).fill(person.lastName);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
  await page.getByLabel('Code postal', { exact: true }).fill('13100');
  await page.getByLabel('Téléphone mobile', { exact: true }).fill('12');
  await page.getByRole('checkbox', { name: site.consentWording.fr.email }).check();
  await submit.click();
  const commune = page.getByRole('combobox', { name: 'Commune' });
  await expect(commune).toHaveAccessibleDescription('Choisissez votre commune.');
  await expect(page.getByLabel('Téléphone mobile', { exact: true })).toHaveAccessibleDescription(
    /^Ce numéro de téléphone n’est pas valide./,
  );
  await expect(page.getByLabel('Nom de famille', { exact: true })).toHaveValue(person.lastName);
  await expect(page.getByRole('checkbox', { name: site.consentWording.fr.email })).toBeChecked();

  await commune.selectOption({ label: 'Le Tholonet' });
  await page.getByLabel('Téléphone mobile', { exact: true }).fill('');
  const since = await mailbox.mark();
  await submit.click();
  const sent = page.getByRole('status');
  await expect(sent).toContainText('Vérifiez votre boîte mail');
  await expect(sent).toContainText(`Nous venons d’envoyer un e-mail à ${person.email}.`);
  const first = await mailbox.waitFor(person.email, CONFIRM_SUBJECT, since);

  // Sending it again: the same link, and the page says when.
  const beforeResend = await mailbox.mark();
  await page.getByRole('button', { name: 'Renvoyer l’e-mail' }).click();
  await expect(page.getByRole('status')).toContainText(
    new RegExp(`E-mail renvoyé à ${person.email.replace(/\./g, '\\.')} à \\d\\d:\\d\\d:\\d\\d\\.`),
  );
  const again = await mailbox.waitFor(person.email, CONFIRM_SUBJECT, beforeResend);
  expect(linkIn(again, '/confirm')).toBe(linkIn(first, '/confirm'));

  // The link opens a page with one button (a script presses it; here the visitor does).
  await page.goto(linkIn(first, '/confirm'));
  await page.getByRole('button', { name: 'Confirmer mon inscription' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Merci ${person.firstName} ! Votre inscription est confirmée.`,
  );
  await expect(page.getByLabel('Mon lien personnel')).toHaveValue(/\/\?r=\w+$/);
  await context.close();
});

test('the home page loads no HQ code: a small script and style sheet, compressed and cached', async ({
  page,
}) => {
  const assets: Array<{ url: string; encoding?: string; cache?: string; bytes: number }> = [];
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/assets/')) {
      assets.push({
        url: url.pathname,
        encoding: response.headers()['content-encoding'],
        cache: response.headers()['cache-control'],
        bytes: (await response.body()).length,
      });
    }
  });
  const site = await publicSite(page.request);
  await page.goto('/');
  await page.getByLabel('Code postal', { exact: true }).fill('44000');
  await expect(page.getByText('Commune : Nantes')).toBeVisible();
  await expect(page.getByRole('button', { name: site.home.signupCallToAction })).toBeEnabled();
  await page.waitForLoadState('networkidle');

  // Exactly what the page links: its script, the chunk it imports, its style sheet.
  const linked = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLScriptElement>('script[src]'),
      ...document.querySelectorAll<HTMLLinkElement>(
        'link[rel=stylesheet], link[rel=modulepreload]',
      ),
    ].map((e) => new URL('src' in e && e.src ? e.src : (e as HTMLLinkElement).href).pathname),
  );
  expect(assets.map((a) => a.url).sort()).toEqual([...linked].sort());
  expect(linked.some((path) => /\/site-[\w-]+\.js$/.test(path))).toBe(true);
  expect(linked.some((path) => /\/site-[\w-]+\.css$/.test(path))).toBe(true);
  // The React app's entry and style sheet are app-*; its pages are named after them.
  expect(assets.filter((a) => /\/app-|Page-|mantine/i.test(a.url))).toEqual([]);
  for (const asset of assets) {
    // Files under 1 kB are not worth compressing.
    if (asset.bytes >= 1024) expect(asset.encoding, asset.url).toBe('br');
    expect(asset.cache, asset.url).toBe('public, max-age=31536000, immutable');
  }

  // The React app still loads where it is needed.
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect.poll(() => assets.some((a) => /\/app-[\w-]+\.js$/.test(a.url))).toBe(true);
});

test('an English page marks the French texts nobody translated, and says its own words in English', async ({
  page,
}) => {
  const site = await publicSite(page.request);
  await page.goto('/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(site.home.title);
  await expect(title).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Join us' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign up' })).toBeVisible();
  await expect(page.getByLabel('Email address', { exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: site.consentWording.en.email })).toBeVisible();

  // English stays on for the next pages, the legal ones included.
  await page.getByRole('link', { name: 'Privacy policy' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy policy');
  await expect(page.getByText('This text is only available in French.')).toBeVisible();
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politique de confidentialité');
});

test('every public page has the legal links; the form has the short notice', async ({ page }) => {
  const site = await publicSite(page.request);
  await page.goto('/');
  const form = page.getByRole('form', { name: site.home.signupCallToAction });
  await expect(form.getByText(site.legal.fr.formNotice.split('\n')[0])).toBeVisible();
  await expect(form.getByRole('link', { name: 'Politique de confidentialité' })).toBeVisible();

  const footer = page.getByRole('contentinfo').getByRole('navigation', {
    name: 'Informations légales',
  });
  await footer.getByRole('link', { name: 'Mentions légales' }).click();
  await expect(page).toHaveURL(/\/mentions-legales$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentions légales');
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: 'Politique de confidentialité' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politique de confidentialité');
  // Addresses in the texts are links.
  await expect(page.getByRole('link', { name: 'www.cnil.fr' })).toHaveAttribute(
    'href',
    'https://www.cnil.fr',
  );

  // The embeddable form: the notice and the links, opening outside the frame.
  await page.goto('/embed/signup');
  const legal = page.getByRole('navigation', { name: 'Informations légales' });
  await expect(legal.getByRole('link', { name: 'Mentions légales' })).toHaveAttribute(
    'target',
    '_blank',
  );
  await expect(page.getByText(site.legal.fr.formNotice.split('\n')[0])).toBeVisible();
});

test('after signing up, the page repeats the address and sends the mail again on request', async ({
  page,
}) => {
  const site = await publicSite(page.request);
  const person = newPerson({ firstName: 'Renée' });
  await page.goto('/');
  await page.getByLabel('Prénom', { exact: true }).fill(person.firstName);
  await page.getByLabel('Nom de famille', { exact: true }).fill(person.lastName);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
  await page.getByLabel('Code postal', { exact: true }).fill('44000');
  await expect(page.getByText('Commune : Nantes')).toBeVisible();
  const since = await mailbox.mark();
  await page.getByRole('button', { name: site.home.signupCallToAction }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText(`Nous venons d’envoyer un e-mail à ${person.email}.`);
  await expect(status).toBeFocused();
  const first = await mailbox.waitFor(person.email, CONFIRM_SUBJECT, since);

  const beforeResend = await mailbox.mark();
  await page.getByRole('button', { name: 'Renvoyer l’e-mail' }).click();
  await expect(status).toContainText(`E-mail renvoyé à ${person.email} à`);
  const again = await mailbox.waitFor(person.email, CONFIRM_SUBJECT, beforeResend);
  expect(linkIn(again, '/confirm')).toBe(linkIn(first, '/confirm'));
});

test('the recruitment code and UTM tags of the first page stay for the whole visit', async ({
  browser,
  baseURL,
  adminPage,
}) => {
  const site = await publicSite(adminPage.request);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const id = uniq();
  const email = `visite.${id}@example.org`;
  await page.goto('/?utm_source=affiche&utm_medium=papier&utm_campaign=rentree');
  // The visitor reads the legal notice, then comes back to the home page by its header link.
  await page.getByRole('link', { name: 'Mentions légales' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentions légales');
  await page.getByRole('banner').getByRole('link', { name: site.home.campaignName }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  // A later tagged link does not replace the first one.
  await page.goto('/?utm_source=autre');
  await page.getByLabel('Prénom', { exact: true }).fill('Victor');
  await page.getByLabel('Nom de famille', { exact: true }).fill(`Visite ${capitalized(id)}`);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Code postal', { exact: true }).fill('44000');
  await expect(page.getByText('Commune : Nantes')).toBeVisible();
  await page.getByRole('button', { name: site.home.signupCallToAction }).click();
  await expect(page.getByRole('status')).toContainText('Vérifiez votre boîte mail');
  await context.close();

  const found = await adminPage.request.get(`/api/people?q=${encodeURIComponent(email)}`);
  const [{ id: personId }] = (await found.json()).items as Array<{ id: number }>;
  const detail = await (await adminPage.request.get(`/api/people/${personId}`)).json();
  expect(detail).toMatchObject({
    utmSource: 'affiche',
    utmMedium: 'papier',
    utmCampaign: 'rentree',
  });
});
