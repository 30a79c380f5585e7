// A newsletter's subject test (A/B) at HQ, through the loopback SMTP server of global-setup.ts.
// Six supporters made here form a segment. A staff member writes a newsletter to it with a
// second subject (B equal to A is refused under its field), a sample of half the recipients:
// two get subject A and two subject B, the other two nothing yet. The page shows each subject's
// figures; the staff member picks B by hand, and the two others then receive subject B. Nobody
// gets two copies. The campaign is shared with specs running in parallel: names are unique per
// run, and nothing is ever sent to everyone.
import type { Page } from '@playwright/test';
import { pick } from './support/calling.ts';
import {
  capitalized,
  createSupporter,
  csrfHeaders,
  expect,
  mailbox,
  test,
  uniq,
  type Mail,
} from './support/fixtures.ts';
import { count, namedStaffMember } from './support/newsletters.ts';

/** A cell of the subject test's results, in the row of a subject (A or B), by its column. */
async function result(page: Page, variant: 'A' | 'B', column: string) {
  const table = page.getByRole('table', { name: 'Résultats par objet' });
  await expect(table).toBeVisible();
  const headers = await table.getByRole('columnheader').allTextContents();
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: variant, exact: true }) });
  return row.getByRole('cell').nth(headers.indexOf(column));
}

test('staff try a second subject on a sample, pick the winner, and the rest get it', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(300_000);
  const tag = uniq();
  const id = capitalized(tag);
  const name = `Lettre A/B ${id}`;
  const segment = `Verger ${id}`;
  await namedStaffMember(page, adminPage);

  const readers: string[] = [];
  await test.step('six supporters make a segment', async () => {
    for (const firstName of ['Ariane', 'Bruno', 'Chloé', 'Dorian', 'Élise', 'Fabien']) {
      const made = await createSupporter(page.request, {
        firstName,
        lastName: `Verger ${id}`,
        postalCode: '44000',
      });
      readers.push(made.email);
    }
    const saved = await adminPage.request.post('/api/segments', {
      headers: await csrfHeaders(adminPage.request),
      data: { name: segment, filter: { q: tag } },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  });

  await test.step('a newsletter with a subject B, refused while it equals A, then saved', async () => {
    await page.goto('/hq/newsletters/new');
    await expect(page.getByRole('heading', { name: 'Nouvelle lettre', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Nom de la lettre' }).fill(name);
    await pick(page, page.getByRole('textbox', { name: 'Destinataires' }), new RegExp(segment));
    await page.getByRole('textbox', { name: 'Objet', exact: true }).fill(`Objet A ${id} {prénom}`);
    await page.getByRole('textbox', { name: 'Texte', exact: true }).fill('Bonjour {prénom}.');
    const testSection = page.getByRole('region', { name: 'Test d’objet (A/B)' });
    await testSection
      .getByRole('switch', { name: 'Essayer un second objet sur un échantillon' })
      .check();
    const subjectB = testSection.getByRole('textbox', { name: 'Objet B' });
    await subjectB.fill(`Objet A ${id} {prénom}`);
    const size = testSection.getByRole('textbox', {
      name: 'Taille de l’échantillon (% des destinataires)',
    });
    await expect(size).toHaveValue('20 %');
    await size.fill('50');
    await expect(testSection.getByRole('radio', { name: 'Ouvertures' })).toBeChecked();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(
      testSection.getByText('L’objet B doit être différent de l’objet A.'),
    ).toBeVisible();
    await subjectB.fill(`Objet B ${id} {prénom}`);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const shown = page.getByRole('region', { name: 'Test d’objet (A/B)' });
    await expect(shown).toContainText('Échantillon de 50 % des destinataires');
    await expect(shown).toContainText(`Objet B ${id} {prénom}`);
  });

  const since = await mailbox.mark();
  const subjectOf = (mail: Mail) => /^Objet ([AB]) /.exec(mail.subject)?.[1];
  const theirs = async (email: string) =>
    (await mailbox.list(email, since)).filter((mail) => mail.subject.includes(id));

  await test.step('sent now: half the segment is the sample, two get A and two get B', async () => {
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer maintenant' });
    await dialog.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Test d’objet en cours', { exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(count(page, 'Destinataires')).toHaveText('4');
    await expect(page.getByText('Échantillon tiré parmi 6 destinataires')).toBeVisible();
    await expect(await result(page, 'A', 'Échantillon')).toHaveText('2');
    await expect(await result(page, 'B', 'Échantillon')).toHaveText('2');
    // The page follows the mails as they go (every 3 s).
    await expect(await result(page, 'A', 'Envoyés')).toHaveText('2', { timeout: 60_000 });
    await expect(await result(page, 'B', 'Envoyés')).toHaveText('2', { timeout: 60_000 });
    await expect(await result(page, 'A', 'Taux d’ouverture')).toHaveText('—');
    await expect(page.getByText(/^Choix du gagnant le /)).toBeVisible();

    const got: Record<string, string[]> = { A: [], B: [] };
    for (const email of readers) {
      const mails = await theirs(email);
      expect(mails.length, email).toBeLessThanOrEqual(1);
      if (mails[0]) got[subjectOf(mails[0])!]!.push(email);
    }
    // Each arrived by the time the page counted it sent.
    expect(got.A).toHaveLength(2);
    expect(got.B).toHaveLength(2);
    for (const email of got.A) {
      const [mail] = await theirs(email);
      expect(mail!.subject).toMatch(new RegExp(`^Objet A ${id} \\S+$`));
    }
  });

  await test.step('staff pick B: the rest of the segment gets subject B', async () => {
    const sample = new Set<string>();
    for (const email of readers) if ((await theirs(email)).length > 0) sample.add(email);
    const rest = readers.filter((email) => !sample.has(email));
    expect(rest).toHaveLength(2);

    await page.getByRole('button', { name: 'Envoyer l’objet B au reste' }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer l’objet B au reste' });
    await expect(dialog).toContainText(`Objet B ${id} {prénom}`);
    await dialog.getByRole('button', { name: 'Envoyer l’objet B au reste' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Objet B envoyé au reste des destinataires.')).toBeVisible();
    await expect(page.getByText(/^Gagnant choisi le .* : objet B\.$/)).toBeVisible();
    await expect(page.getByText('Choisi à la main.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Envoyer l’objet A au reste' })).toHaveCount(0);
    await expect(count(page, 'Destinataires')).toHaveText('6');

    for (const email of rest) {
      const mail = await mailbox.waitFor(email, new RegExp(`^Objet B ${id} `), since, 60_000);
      expect(mail.text).toContain('Bonjour');
    }
    await expect(count(page, 'Envoyés')).toHaveText('6', { timeout: 60_000 });
    await expect(page.getByText('Envoyée', { exact: true })).toBeVisible({ timeout: 15_000 });
    // Nobody got two copies; the sample kept the subject it was sent.
    for (const email of readers) expect(await theirs(email), email).toHaveLength(1);
  });
});
