// Automations at HQ, through the loopback SMTP server of global-setup.ts. A staff member opens
// the automations from the newsletters, writes a welcome series (day 0 greeting the person by
// {prénom}, then day 3) for confirmed sign-ups and saves it: it is active. A new supporter signs
// up and confirms: the day-0 mail reaches them with their first name, and the step's figures
// show it queued and sent. The staff member then pauses the series. The campaign is shared with
// specs running in parallel, whose confirmed sign-ups the series would greet too: it is paused as
// soon as the mail arrived (and in any case when the spec ends), and only counts of at least one
// are read.
//
// A second test writes a first-gift series of two steps: the live preview shows the step being
// written (the staff member's own first name in its placeholders, at a computer's then a phone's
// width) and follows the focus from one step to the other. Saved (and paused at once), a step is
// sent to the staff member as a test: the notice, then the mail over SMTP, its subject marked.
// A step whose text is changed and not saved cannot be tested (the test sends the saved text).
import {
  createSupporter,
  csrfHeaders,
  expect,
  mailbox,
  test,
  uniq,
  capitalized,
} from './support/fixtures.ts';
import type { Page } from '@playwright/test';
import { namedStaffMember, stepFigure } from './support/newsletters.ts';

const preview = (page: Page) => page.getByRole('region', { name: 'Aperçu' });
const frame = (page: Page) => page.frameLocator('iframe[title="Aperçu"]');

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

test('staff preview a step as they write it and send it to themselves as a test', async ({
  page,
  adminPage,
}) => {
  test.setTimeout(180_000);
  const id = capitalized(uniq());
  const staff = await namedStaffMember(page, adminPage);
  const first = staff.firstName;
  let automationId: number | null = null;
  try {
    await test.step('the preview shows the step being written, at both widths', async () => {
      await page.goto('/hq/newsletters/automations/new');
      await expect(
        page.getByRole('heading', { name: 'Nouvelle automatisation', level: 1 }),
      ).toBeVisible();
      await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(`Premier don ${id}`);
      await page.getByRole('textbox', { name: 'Déclencheur', exact: true }).click();
      await page.getByRole('option', { name: 'Premier don' }).click();
      await expect(preview(page).getByText('L’aperçu apparaît dès que')).toBeVisible();
      const one = page.getByRole('region', { name: 'Étape 1' });
      await one.getByRole('textbox', { name: 'Objet' }).fill(`Merci {prénom} ${id}`);
      await one
        .getByRole('textbox', { name: 'Texte', exact: true })
        .fill('Bonjour **{prénom}**, merci pour votre don.');
      await expect(preview(page).getByText(`Objet : Merci ${first} ${id}`)).toBeVisible();
      await expect(frame(page).locator('strong', { hasText: first })).toBeVisible();
      await expect(frame(page).locator('body')).not.toContainText('{prénom}');
      const iframe = page.locator('iframe[title="Aperçu"]');
      await expect(iframe).toHaveAttribute('sandbox', '');
      await expect(iframe).toHaveCSS('width', '600px');
      await preview(page).getByText('Téléphone', { exact: true }).click();
      await expect(iframe).toHaveCSS('width', '360px');
      await preview(page).getByText('Ordinateur', { exact: true }).click();
      await expect(iframe).toHaveCSS('width', '600px');
      // Not saved yet: nothing to test.
      await expect(one.getByRole('button', { name: 'M’envoyer l’étape 1 en test' })).toHaveCount(0);
      await expect(one.getByText('enregistrez-la d’abord')).toBeVisible();
    });

    await test.step('the preview follows the focus to the second step, and back by its list', async () => {
      await page.getByRole('button', { name: 'Ajouter une étape' }).click();
      const two = page.getByRole('region', { name: 'Étape 2' });
      await two.getByRole('textbox', { name: 'Objet' }).fill(`Et ensuite ${id}`);
      await two.getByRole('textbox', { name: 'Texte', exact: true }).fill('Trois idées pour agir.');
      await expect(preview(page).getByText(`Objet : Et ensuite ${id}`)).toBeVisible();
      await expect(frame(page).locator('body')).toContainText('Trois idées pour agir.');
      const shown = page.getByRole('textbox', { name: 'Étape montrée dans l’aperçu' });
      await expect(shown).toHaveValue('Étape 2');
      await shown.click();
      await page.getByRole('option', { name: 'Étape 1' }).click();
      await expect(preview(page).getByText(`Objet : Merci ${first} ${id}`)).toBeVisible();
    });

    await test.step('saved and paused, a step goes to the staff member as a test', async () => {
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page.getByText('Automatisation enregistrée.')).toBeVisible();
      await expect(page).toHaveURL(/\/hq\/newsletters\/automations\/\d+$/);
      automationId = Number(/(\d+)$/.exec(page.url())![1]);
      // Paused at once: the other specs' gifts enrol nobody in it.
      await page.getByRole('button', { name: 'Mettre en pause' }).click();
      await expect(page.getByRole('button', { name: 'Relancer' })).toBeVisible();
      await expect(preview(page).getByText(`Objet : Merci ${first} ${id}`)).toBeVisible();

      const since = await mailbox.mark();
      await page
        .getByRole('region', { name: 'Étape 1' })
        .getByRole('button', { name: 'M’envoyer l’étape 1 en test' })
        .click();
      await expect(page.getByText(`Test de l’étape 1 envoyé à ${staff.email}.`)).toBeVisible();
      const mail = await mailbox.waitFor(
        staff.email,
        new RegExp(`^\\[TEST\\] Merci ${first} ${id}$`),
        since,
        30_000,
      );
      expect(mail.html).toContain(`Bonjour <strong>${first}</strong>, merci pour votre don.`);
    });

    await test.step('a step changed and not saved cannot be tested', async () => {
      const two = page.getByRole('region', { name: 'Étape 2' });
      const test2 = two.getByRole('button', { name: 'M’envoyer l’étape 2 en test' });
      await expect(test2).toBeEnabled();
      await two.getByRole('textbox', { name: 'Objet' }).fill(`Et maintenant ${id}`);
      await expect(test2).toBeDisabled();
      await expect(preview(page).getByText(`Objet : Et maintenant ${id}`)).toBeVisible();
    });
  } finally {
    if (automationId !== null) {
      await page.request.post(`/api/newsletter-automations/${automationId}/status`, {
        data: { status: 'paused' },
        headers: await csrfHeaders(page.request),
      });
    }
  }
});
