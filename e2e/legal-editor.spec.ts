// Staff complete the legal texts and change the consent wording. Only English texts are
// changed here (and put back): other specs running alongside read the French ones.
import { expect, publicSite, test, uniq } from './support/fixtures.ts';

const markup = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

test('staff complete the legal texts: placeholders flagged, French required, markup kept as text', async ({
  adminPage,
  page,
}) => {
  const before = (await (await page.request.get('/api/site')).json()) as {
    legal: { fr: Record<string, string>; en?: Record<string, string> };
  };
  adminPage.on('dialog', () => {
    throw new Error('a dialog opened: markup ran');
  });

  await adminPage.goto('/admin/legal');
  await expect(
    adminPage.getByRole('heading', { name: 'Informations légales et consentements', level: 1 }),
  ).toBeVisible();

  // The pre-filled French texts still hold bracketed parts: each is flagged.
  const incomplete = adminPage.getByTestId('legal-incomplete');
  await expect(incomplete).toContainText('Textes à compléter');
  await expect(incomplete).toContainText('Français · Mentions légales');
  const texts = adminPage.getByRole('region', { name: 'Textes légaux' });
  const french = texts.getByRole('tabpanel', { name: 'Français' });
  await expect(french.getByText(/À compléter : \[nom/).first()).toBeVisible();

  // French texts are required: emptied, the form says so beside the field and saves nothing.
  const notice = french.getByRole('textbox', { name: 'Mentions légales' });
  const original = await notice.inputValue();
  await notice.fill('');
  await adminPage.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(french.getByText('Ce champ est obligatoire.')).toBeVisible();
  await expect(notice).toBeFocused();
  await notice.fill(original);

  // English: a bracketed part is flagged as typed; markup is saved and shown as text.
  await texts.getByRole('tab', { name: 'English' }).click();
  const english = texts.getByRole('tabpanel', { name: 'English' });
  const englishNotice = english.getByRole('textbox', { name: 'Mentions légales' });
  await englishNotice.fill('Publisher: [name of the association]');
  await expect(english.getByText('À compléter : [name of the association]')).toBeVisible();
  await expect(incomplete).toContainText('English · Mentions légales');
  await englishNotice.fill(`Publisher: ${markup}`);
  await english.getByRole('textbox', { name: 'Notice à côté des formulaires' }).fill(markup);
  await adminPage.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(adminPage.getByText('Textes légaux enregistrés.')).toBeVisible();

  try {
    const site = (await (await page.request.get('/api/site')).json()) as typeof before;
    expect(site.legal.en).toEqual({ legalNotice: `Publisher: ${markup}`, formNotice: markup });
    expect(site.legal.fr).toEqual(before.legal.fr);
    await adminPage.reload();
    await texts.getByRole('tab', { name: 'English' }).click();
    await expect(english.getByRole('textbox', { name: 'Mentions légales' })).toHaveValue(
      `Publisher: ${markup}`,
    );
    expect(await adminPage.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  } finally {
    const session = (await (await adminPage.request.get('/api/session')).json()) as {
      csrfToken: string;
    };
    const restored = await adminPage.request.put('/api/admin/site/legal', {
      data: { fr: before.legal.fr, en: before.legal.en ?? {} },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(restored.status(), await restored.text()).toBe(200);
  }
});

test('a new consent wording is a new version; the old one stays listed and the form shows the new', async ({
  adminPage,
  page,
}) => {
  const before = await publicSite(page.request);
  const email = `I agree to campaign news by email, ${uniq()} (unsubscribe in one click).`;

  await adminPage.goto('/admin/legal');
  const section = adminPage.getByRole('region', { name: 'Textes de consentement' });
  await section.getByRole('tab', { name: 'English' }).click();
  const english = section.getByRole('tabpanel', { name: 'English' });
  const oldVersion = (await (await page.request.get('/api/site')).json()).consentWording.en
    .version as string;
  await expect(english.getByText(oldVersion).first()).toBeVisible();
  await english.getByRole('textbox', { name: 'E-mail' }).fill('');
  await english.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await expect(english.getByText('Ce champ est obligatoire.')).toBeVisible();

  await english.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await english.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  const today = new Date().toISOString().slice(0, 10);
  await expect(
    adminPage.getByText(new RegExp(`Nouvelle version en-${today}-\\d+ enregistrée`)),
  ).toBeVisible();

  // The history lists the old version with its text, the new one marked as shown.
  const oldItem = english.getByRole('button', { name: new RegExp(`^${oldVersion}`) });
  await oldItem.click();
  await expect(english.getByText(before.consentWording.en.email)).toBeVisible();
  await expect(english.getByRole('button', { name: /affichée/ })).toContainText(`en-${today}-`);

  // A visitor reading English signs up under the new wording.
  await page.goto('/?lang=en');
  await expect(page.getByRole('checkbox', { name: email })).toBeVisible();

  // Back to the wording the other specs expect (a further version with the old texts).
  const session = (await (await adminPage.request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const { email: e, sms, phone } = before.consentWording.en;
  const restored = await adminPage.request.post('/api/admin/site/consent-wordings', {
    data: { locale: 'en', email: e, sms, phone },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(restored.status(), await restored.text()).toBe(200);
});
