import { readFile } from 'node:fs/promises';
import {
  capitalized,
  codeIn,
  CONFIRM_SUBJECT,
  expect,
  expectNoMailSince,
  linkIn,
  LOGIN_SUBJECT,
  mailbox,
  publicSite,
  test,
  uniq,
} from './support/fixtures.ts';

interface ConsentEvent {
  channel: string;
  granted: boolean;
  source: string;
  wordingVersion: string;
}

interface MyData {
  about: { description: string; exportedAt: string };
  profile: Record<string, unknown>;
  consents: { current: Record<string, boolean>; history: ConsentEvent[] };
  timeline: Array<{ kind: string }>;
  signUps: Array<{ source: string }>;
}

test('a visitor signs up, confirms, logs in, manages consents, downloads then deletes their data', async ({
  page,
  baseURL,
}) => {
  const id = uniq();
  const email = `lea.${id}@example.org`;
  const lastName = `Roussel ${capitalized(id)}`;
  const site = await publicSite(page.request);
  const wording = site.consentWording.fr;

  // 1. Sign up on the home page.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(site.home.title);
  await page.getByLabel('Prénom', { exact: true }).fill('Léa');
  await page.getByLabel('Nom de famille', { exact: true }).fill(lastName);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Code postal', { exact: true }).fill('13100');
  // 13100 covers several communes: the form asks which one.
  const commune = page.getByRole('combobox', { name: 'Commune' });
  await commune.selectOption({ label: 'Le Tholonet' });
  await expect(commune.locator('option:checked')).toHaveText('Le Tholonet');
  await page.getByLabel('Téléphone mobile', { exact: true }).fill('06 39 98 12 34');
  await page.getByRole('checkbox', { name: wording.email }).check();
  await expect(page.getByRole('checkbox', { name: wording.sms })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: wording.phone })).not.toBeChecked();
  const since = await mailbox.mark();
  await page.getByRole('button', { name: site.home.signupCallToAction }).click();
  await expect(page.getByRole('status')).toContainText('Vérifiez votre boîte mail');
  // The form, and its button, are gone: focus moves to the message replacing them.
  await expect(page.getByRole('status')).toBeFocused();

  // 2. The confirmation mail arrives over SMTP; its link confirms the sign-up.
  const confirmation = await mailbox.waitFor(email, CONFIRM_SUBJECT, since);
  // The mail carries nothing the visitor typed (anyone can have it sent to any address).
  expect(confirmation.text).toContain('Bonjour,');
  const link = linkIn(confirmation, '/confirm');
  expect(link.startsWith(`${baseURL}/confirm?token=`)).toBe(true);
  await page.goto(link);
  await expect(
    page.getByRole('heading', { name: 'Confirmation de votre inscription' }),
  ).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Merci Léa ! Votre inscription est confirmée.');

  // 3. Log in with the 6-digit code from the emailed message.
  await page.getByRole('link', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  const beforeCode = await mailbox.mark();
  await page.getByRole('button', { name: 'Recevoir un code' }).click();
  const sent = page.getByRole('status');
  await expect(sent).toContainText(`Nouveau code envoyé à ${email} (valable 15 minutes)`);
  await expect(sent).toContainText('jusqu’à 5 fois par heure');
  await expect(sent).toContainText(/Dernière demande à \d\d:\d\d:\d\d/);
  await expect(page.getByLabel('Code à 6 chiffres')).toBeFocused();
  await mailbox.waitFor(email, LOGIN_SUBJECT, beforeCode);
  // Asking again changes the time shown (the page must not look the same as before).
  const firstAsked = await sent.textContent();
  const beforeResend = await mailbox.mark();
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Renvoyer un code' }).click();
  await expect(sent).not.toHaveText(firstAsked ?? '');
  await expect(page.getByLabel('Code à 6 chiffres')).toBeFocused();
  const code = codeIn(await mailbox.waitFor(email, LOGIN_SUBJECT, beforeResend));
  await page.getByLabel('Code à 6 chiffres').fill(code);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { name: 'Mon espace', level: 1 })).toBeVisible();
  await expect(page.getByText('Bonjour Léa !')).toBeVisible();
  await expect(page.getByLabel('Nom de famille', { exact: true })).toHaveValue(lastName);
  // Shown as people write it (ProfileSection formats the stored +33 number).
  await expect(page.getByLabel('Téléphone mobile', { exact: true })).toHaveValue('06 39 98 12 34');
  await expect(page.getByRole('textbox', { name: 'Commune' })).toHaveValue('Le Tholonet');

  // 4. Change a consent: SMS on. It is saved at once and survives a reload.
  const consents = page.getByRole('region', { name: 'Mes préférences de contact' });
  await expect(consents.getByRole('switch', { name: 'E-mail' })).toBeChecked();
  await expect(consents.getByRole('switch', { name: 'SMS' })).not.toBeChecked();
  await consents.getByRole('switch', { name: 'SMS' }).click();
  await expect(page.getByText('Préférences enregistrées.')).toBeVisible();
  await page.reload();
  await expect(consents.getByRole('switch', { name: 'SMS' })).toBeChecked();
  await expect(consents.getByRole('switch', { name: 'E-mail' })).toBeChecked();
  await expect(consents.getByRole('switch', { name: /^Appels (?!automatisés)/ })).not.toBeChecked();

  // 5. Download my data: a JSON file with the email and the consent history.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger mes données' }).click();
  const download = await downloading;
  // Named after the campaign the person deals with, not the software.
  expect(download.suggestedFilename()).toMatch(
    /^ensemble-pour-nos-territoires-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/,
  );
  const data = JSON.parse(await readFile(await download.path(), 'utf8')) as MyData;
  expect(data.about.description).toContain('RGPD');
  expect(data.profile.email).toBe(email);
  expect(data.profile.firstName).toBe('Léa');
  expect(data.profile.communeName).toBe('Le Tholonet');
  expect(data.consents.current).toMatchObject({ email: true, sms: true });
  expect(data.consents.history).toEqual([
    expect.objectContaining({ channel: 'email', granted: true }),
    expect.objectContaining({ channel: 'sms', granted: true, source: 'supporter_space' }),
  ]);
  expect(data.consents.history[0].source).not.toBe('supporter_space');
  expect(data.timeline.map((e) => e.kind)).toEqual(
    expect.arrayContaining(['confirmed', 'consent']),
  );
  expect(data.signUps).toEqual([expect.objectContaining({ source: 'signup' })]);

  // 6. Delete the account: the button stays disabled until the word of the page's language
  // (French here) is typed, in any case and with stray spaces (as phone keyboards type it).
  await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer mon compte' });
  const confirmDelete = dialog.getByRole('button', { name: 'Supprimer définitivement' });
  const typed = dialog.getByLabel('Tapez SUPPRIMER pour confirmer');
  await expect(confirmDelete).toBeDisabled();
  await typed.fill('DELETE');
  await expect(confirmDelete).toBeDisabled();
  await typed.fill('supprime');
  await expect(confirmDelete).toBeDisabled();
  await typed.fill(' Supprimer ');
  await expect(confirmDelete).toBeEnabled();
  // /me is left scrolled down to its last section: the home page still opens at the top.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await confirmDelete.click();
  await expect(page).toHaveURL(`${baseURL}/`);
  const deleted = page.getByRole('status');
  await expect(deleted).toHaveText('Votre compte a été supprimé. Merci pour votre soutien.');
  await expect(deleted).toBeFocused();
  await expect(deleted).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  expect((await page.request.get('/api/me/profile')).status()).toBe(401);

  // 7. The person is erased: asking for a login code again sends nothing.
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  const afterErasure = await mailbox.mark();
  await page.getByRole('button', { name: 'Recevoir un code' }).click();
  await expect(page.getByRole('status')).toContainText(`Nouveau code envoyé à ${email}`);
  await expectNoMailSince(page.request, [email], afterErasure);
});
