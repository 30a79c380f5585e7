// A person's address on the suppression list, seen and lifted from their page at HQ: a hard
// bounce and a complaint reported by Mailgun's webhook (signed with the key global setup gives
// the server), then lifted by the administrator with a reason.
import { createHmac } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { fromSetup } from './support/env.ts';
import { personIdByEmail } from './support/field.ts';
import {
  CONFIRM_SUBJECT,
  confirmSignup,
  expect,
  mailbox,
  newPerson,
  signUp,
  test,
  type NewPerson,
} from './support/fixtures.ts';

/** A supporter signed up and confirmed; answers the confirmation mail's reference. */
async function supporterWithMail(request: APIRequestContext): Promise<NewPerson & { ref: string }> {
  const person = newPerson();
  const since = await mailbox.mark();
  await signUp(request, person);
  const mail = await mailbox.waitFor(person.email, CONFIRM_SUBJECT, since);
  await confirmSignup(request, person.email, since);
  return { ...person, ref: mail.headers['x-levier-mail']! };
}

/** Posts an event as Mailgun does, signed with the server's signing key. */
async function mailgunEvent(request: APIRequestContext, event: Record<string, unknown>) {
  const serverEnv = JSON.parse(fromSetup('serverEnv')) as Record<string, string>;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = `tok${Math.random().toString(36).slice(2)}`;
  const signature = createHmac('sha256', serverEnv.MAILGUN_WEBHOOK_SIGNING_KEY!)
    .update(`${timestamp}${token}`)
    .digest('hex');
  const response = await request.post('/api/mail/webhooks/mailgun', {
    data: { signature: { timestamp, token, signature }, 'event-data': event },
  });
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toEqual({ received: true, outcome: 'recorded' });
}

async function openPerson(page: Page, person: NewPerson) {
  const id = await personIdByEmail(page.request, person.email);
  await page.goto(`/hq/people/${id}`);
  await expect(
    page.getByRole('heading', { name: `${person.firstName} ${person.lastName}`, level: 1 }),
  ).toBeVisible();
  return page.getByRole('region', { name: 'Réception des e-mails' });
}

test('an address that bounced is shown blocked on the person’s page, and lifted with a reason', async ({
  adminPage: page,
  request,
}) => {
  const person = await supporterWithMail(request);
  let section = await openPerson(page, person);
  await expect(section.getByText('Son adresse reçoit les e-mails de la campagne.')).toBeVisible();

  await mailgunEvent(request, {
    event: 'failed',
    severity: 'permanent',
    reason: 'bounce',
    recipient: person.email,
    'user-variables': { levier_mail: person.ref },
    'delivery-status': { code: 550, 'enhanced-code': '5.1.1', message: 'No such user here' },
  });
  await page.reload();
  section = page.getByRole('region', { name: 'Réception des e-mails' });
  await expect(section.getByText(/^Adresse bloquée depuis le /)).toBeVisible();
  await expect(section.getByText(/elle n’existe pas \(rebond définitif\)/)).toBeVisible();
  await expect(section.getByText(/\(Mailgun\) : rebond définitif/)).toBeVisible();
  await expect(section.getByText('5.1.1 · No such user here')).toBeVisible();

  await section.getByRole('button', { name: 'Lever le blocage' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lever le blocage de l’adresse' });
  await expect(
    dialog.getByText(`Les e-mails partiront de nouveau vers ${person.email}.`, { exact: false }),
  ).toBeVisible();
  await dialog
    .getByLabel('Raison')
    .selectOption({ label: 'Le signalement était une erreur : l’adresse fonctionne' });
  await dialog.getByRole('button', { name: 'Lever le blocage' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText('Son adresse reçoit les e-mails de la campagne.')).toBeVisible();
  await expect(page.getByText('Blocage levé.')).toBeVisible();
});

test('lifting the block after a complaint says the consent to email stays withdrawn', async ({
  adminPage: page,
  request,
}) => {
  const person = await supporterWithMail(request);
  await mailgunEvent(request, {
    event: 'complained',
    recipient: person.email,
    'user-variables': { levier_mail: person.ref },
  });
  const section = await openPerson(page, person);
  await expect(
    section.getByText(/a signalé un e-mail de la campagne comme indésirable/),
  ).toBeVisible();
  const consentNote =
    'Lever le blocage ne rend pas le consentement aux e-mails retiré par le signalement : la personne ne recevra de nouveau des e-mails de campagne qu’une fois son consentement enregistré.';
  await expect(section.getByText(consentNote)).toBeVisible();

  await section.getByRole('button', { name: 'Lever le blocage' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lever le blocage de l’adresse' });
  await expect(dialog.getByText(consentNote)).toBeVisible();
  await dialog
    .getByLabel('Raison')
    .selectOption({ label: 'La personne demande à recevoir de nouveau les e-mails' });
  await dialog.getByRole('button', { name: 'Lever le blocage' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText('Son adresse reçoit les e-mails de la campagne.')).toBeVisible();
  // The consent history still ends with the complaint's withdrawal.
  const consents = page.getByRole('list', { name: 'Historique des consentements' });
  await expect(consents.getByRole('listitem').first()).toContainText(
    'Désinscription (retrait) · signalement comme indésirable dans sa messagerie',
  );
});
