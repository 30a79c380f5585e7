// Voice broadcasts at HQ, the steps the calling specs share (calling.spec.ts with an imported
// list, calling-segment.spec.ts with a saved segment): the carrier simulator's number that
// presses 9, a recording to upload, a caller ID, a second staff member, the broadcast editor,
// the launch asked for and approved, and the figures of the broadcast's page.
import type { Locator, Page } from '@playwright/test';
import { fromSetup } from './env.ts';
import { createSupporter, csrfHeaders, expect, logIn } from './fixtures.ts';

/**
 * A number the simulator makes press 9 (CARRIER_SIMULATOR_OPTIONS in global-setup.ts). An
 * opt-out is the campaign's for good, and the specs run in parallel on one campaign: each spec
 * that needs a fresh one has its own number (calling.spec.ts the first, calling-segment.spec.ts
 * the second).
 */
export function pressingNumber(index = 0): string {
  const serverEnv = JSON.parse(fromSetup('serverEnv')) as Record<string, string>;
  const options = JSON.parse(serverEnv.CARRIER_SIMULATOR_OPTIONS!) as { pressingNumbers: string[] };
  const number = options.pressingNumbers[index];
  if (!number) {
    throw new Error(
      `global-setup.ts gives the carrier simulator no pressing number #${index + 1} (CARRIER_SIMULATOR_OPTIONS.pressingNumbers)`,
    );
  }
  return number;
}

/** `seconds` of a 440 Hz tone: a WAV file, 8 kHz, 16-bit, mono. */
export function toneWav(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(seconds * rate * 2);
  for (let i = 0; i < seconds * rate; i++) {
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12_000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** "+33639980901" as people write it in a file: "06 39 98 09 01". */
export const national = (e164: string) => `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');

/** A supporter given the staff role by the administrator, logged in. */
export async function staffMember(page: Page, adminPage: Page) {
  const staff = await createSupporter(page.request, { firstName: 'Solène' });
  const granted = await adminPage.request.post('/api/admin/accounts', {
    data: { email: staff.email, roles: ['staff'] },
    headers: await csrfHeaders(adminPage.request),
  });
  expect(granted.status(), await granted.text()).toBe(200);
  await logIn(page.request, staff.email);
}

/** Picks the option of a Mantine select (an input that opens a list of options). */
export async function pick(page: Page, field: Locator, option: RegExp | string) {
  await field.click();
  await page.getByRole('option', { name: option }).click();
}

/** The value shown under a label of a page's region (the dashboard's totals, the settings). */
export const fact = (page: Page, region: string, label: string) =>
  page
    .getByRole('region', { name: region })
    .locator('dt', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) })
    .locator('xpath=following-sibling::dd[1]');
export const figure = (page: Page, label: string) => fact(page, 'Suivi des appels', label);

/**
 * Uploads a 3-second tone under `name` from the recordings page (its form), and waits for
 * the notice that it was saved.
 */
export async function uploadRecording(page: Page, name: string) {
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(name);
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Fichier audio' }).click();
  await (
    await choosing
  ).setFiles({
    name: 'meeting.wav',
    mimeType: 'audio/wav',
    buffer: toneWav(3),
  });
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(page.getByText(`Message « ${name} » enregistré.`)).toBeVisible();
}

/**
 * Adds a caller ID of a range reserved for automated calls (01 62, drawn at random: specs
 * running in parallel add their own) from the caller IDs page, labelled `label`; returns the
 * number as the page shows it.
 */
export async function addCallerId(page: Page, label: string): Promise<string> {
  const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  await page
    .getByRole('textbox', { name: 'Numéro', exact: true })
    .fill(`+33 1 62 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`);
  await page.getByRole('textbox', { name: 'Libellé' }).fill(label);
  await page.getByRole('button', { name: 'Ajouter le numéro' }).click();
  const shown = `01 62 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
  await expect(page.getByText(`Numéro ${shown} ajouté.`)).toBeVisible();
  return shown;
}

/**
 * Who a broadcast calls: an imported list, or a saved segment with what the editor should say
 * of it (its people, and the numbers a launch would call now).
 */
export type Audience = { list: string } | { segment: string; people: number; reachable: number };

/** Builds a draft from the editor: the audience, the recording, one attempt a second, no ramp-up. */
export async function draftBroadcast(
  page: Page,
  name: string,
  audience: Audience,
  recording: string,
) {
  await page.goto('/hq/calling');
  await page.getByRole('link', { name: 'Nouvelle diffusion' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvelle diffusion', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Nom de la diffusion' }).fill(name);
  if ('list' in audience) {
    await page.getByRole('radio', { name: 'Une liste importée' }).check();
    await pick(
      page,
      page.getByRole('textbox', { name: 'Liste de numéros' }),
      new RegExp(audience.list),
    );
  } else {
    await page.getByRole('radio', { name: 'Un segment enregistré' }).check();
    await pick(page, page.getByRole('textbox', { name: 'Segment' }), new RegExp(audience.segment));
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: `Personnes dans ce segment : ${audience.people}.` }),
    ).toContainText(`Un lancement maintenant appellerait ${audience.reachable} numéros`);
  }
  await pick(
    page,
    page.getByRole('textbox', { name: 'Message enregistré' }),
    new RegExp(recording),
  );
  // The message chosen can be listened to from the editor.
  await expect(page.locator(`audio[aria-label="Écouter « ${recording} »"]`)).toBeVisible();
  await page.getByRole('textbox', { name: 'Appels par seconde' }).fill('1');
  await page.getByRole('textbox', { name: 'Montée en charge (secondes)' }).fill('0');
  await page.getByRole('textbox', { name: 'Tentatives par numéro' }).fill('1');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText('Brouillon enregistré.')).toBeVisible();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
}

/** Confirms the opt-out notice and asks for the launch, from the broadcast's page. */
export async function askForLaunch(page: Page) {
  const notice = page.getByRole('checkbox', {
    name: 'Le message dit au début comment ne plus être appelé (touche 9)',
  });
  await notice.click();
  await expect(notice).toBeChecked();
  await expect(page.getByText(/^Confirmé le /)).toBeVisible();
  await page.getByRole('button', { name: 'Demander le lancement' }).click();
  await expect(page.getByText('À valider', { exact: true })).toBeVisible();
}

/** The second staff member opens the broadcast from the list and approves its launch. */
export async function approve(page: Page, name: string) {
  await page.goto('/hq/calling');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Valider le lancement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Valider le lancement' });
  await dialog.getByRole('button', { name: 'Valider et lancer' }).click();
  await expect(dialog).toBeHidden();
}
