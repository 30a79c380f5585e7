// Automations at HQ, through the loopback SMTP server of global-setup.ts. A staff member opens
// the automations from the newsletters, writes a welcome series (day 0 greeting the person by
// {prénom}, then day 3) for confirmed sign-ups and saves it: it is active. A new supporter signs
// up and confirms: the day-0 mail reaches them with their first name, and the step's figures
// show it queued and sent. The staff member then pauses the series. The campaign is shared with
// specs running in parallel, whose confirmed sign-ups the series would greet too: it is paused as
// soon as the mail arrived (and in any case when the spec ends), and only counts of at least one
// are read.
import {
  createSupporter,
  csrfHeaders,
  expect,
  mailbox,
  test,
  uniq,
  capitalized,
} from './support/fixtures.ts';
import { namedStaffMember, stepFigure } from './support/newsletters.ts';

test('staff write a welcome series; a new supporter confirms and gets its day-0 mail', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(180_000);
  const id = capitalized(uniq());
  const name = `Bienvenue ${id}`;
  await namedStaffMember(page, adminPage);
  let automationId: number | null = null;
  try {
    await test.step('the newsletters lead to the automations, and to a new one', async () => {
      await page.goto('/hq/newsletters');
      await page.getByRole('link', { name: 'Automatisations' }).click();
      await expect(page.getByRole('heading', { name: 'Automatisations', level: 1 })).toBeVisible();
      await page.getByRole('link', { name: 'Nouvelle automatisation' }).click();
      await expect(
        page.getByRole('heading', { name: 'Nouvelle automatisation', level: 1 }),
      ).toBeVisible();
    });

    await test.step('a welcome series of two steps is saved, active', async () => {
      await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(name);
      await expect(page.getByRole('textbox', { name: 'Déclencheur', exact: true })).toHaveValue(
        'Inscription confirmée (série de bienvenue)',
      );
      const first = page.getByRole('region', { name: 'Étape 1' });
      await expect(first.getByRole('textbox', { name: 'Jours après le déclencheur' })).toHaveValue(
        '0',
      );
      await first.getByRole('textbox', { name: 'Objet' }).fill(`Bienvenue {prénom} ${id}`);
      await first
        .getByRole('textbox', { name: 'Texte', exact: true })
        .fill('Bonjour **{prénom}**, merci de nous rejoindre.');
      // Saving with the second step empty is refused in the page, naming the field.
      await page.getByRole('button', { name: 'Ajouter une étape' }).click();
      const second = page.getByRole('region', { name: 'Étape 2' });
      await expect(second.getByRole('textbox', { name: 'Jours après le déclencheur' })).toHaveValue(
        '3',
      );
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(second.getByRole('textbox', { name: 'Objet' })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      await second.getByRole('textbox', { name: 'Objet' }).fill(`Trois jours ${id}`);
      await second.getByRole('textbox', { name: 'Texte', exact: true }).fill('Comment agir.');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page.getByText('Automatisation enregistrée.')).toBeVisible();
      await expect(page).toHaveURL(/\/hq\/newsletters\/automations\/\d+$/);
      automationId = Number(/(\d+)$/.exec(page.url())![1]);
      await expect(
        page.getByRole('heading', { name: `Automatisation « ${name} »`, level: 1 }),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: 'Mettre en pause' })).toBeVisible();
    });

    await test.step('a new supporter confirms and receives the day-0 mail', async () => {
      const since = await mailbox.mark();
      const firstName = capitalized(uniq());
      const supporter = await createSupporter(page.request, { firstName });
      const mail = await mailbox.waitFor(
        supporter.email,
        new RegExp(`^Bienvenue ${firstName} ${id}$`),
        since,
        30_000,
      );
      expect(mail.html).toContain(`Bonjour <strong>${firstName}</strong>`);
      expect(mail.text).toContain('/newsletter/unsubscribe?token=');
    });

    await test.step('staff pause the series and see the step’s figures', async () => {
      await page.getByRole('button', { name: 'Mettre en pause' }).click();
      await expect(page.getByRole('button', { name: 'Relancer' })).toBeVisible();
      await page.reload();
      await expect(stepFigure(page, 1, 'Mis en file')).toHaveText(/^[1-9]/);
      await expect(stepFigure(page, 1, 'Envoyés')).toHaveText(/^[1-9]/);
      await expect(stepFigure(page, 2, 'Mis en file')).toHaveText('0');
    });
  } finally {
    // Never leave a welcome series greeting the other specs' sign-ups.
    if (automationId !== null) {
      await page.request.post(`/api/newsletter-automations/${automationId}/status`, {
        data: { status: 'paused' },
        headers: await csrfHeaders(page.request),
      });
    }
  }
});
