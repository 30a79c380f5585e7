// The steps of the chained journey (issue-journey-email-content-comments.spec.ts) that other
// specs may want too: logging in with an emailed code on the login page, reading a mail as a
// mail client shows it, a moment on the campaign's clock (Paris) as pickers and fields take it,
// and a send scheduled for the next minute but one.
import type { Locator, Page } from '@playwright/test';
import { codeIn, expect, LOGIN_SUBJECT, mailbox, type Mail } from './fixtures.ts';

/** The campaign's clock in the specs (the demo campaign's time zone). */
const TIME_ZONE = 'Europe/Paris';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant's wall clock on the campaign's clock. */
export function wallClock(instant: Date) {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute', number>;
}

/** An instant as a `datetime-local` field takes it, on the campaign's clock: '2026-12-06T15:04'. */
export function localInput(instant: Date): string {
  const c = wallClock(instant);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/** A day as the public pages write it in a long date: "13 décembre 2026". */
export function longDay(instant: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    instant,
  );
}

/**
 * Logs in from the login page already shown (`/login`, with or without `?next=`): the address,
 * the code the mail brings, the button.
 */
export async function logInWithCode(page: Page, email: string) {
  await expect(page.getByRole('heading', { name: 'Connexion', level: 1 })).toBeVisible();
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  const since = await mailbox.mark();
  await page.getByRole('button', { name: 'Recevoir un code' }).click();
  const code = codeIn(await mailbox.waitFor(email, LOGIN_SUBJECT, since));
  await page.getByLabel('Code à 6 chiffres').fill(code);
  await page.getByRole('button', { name: 'Me connecter' }).click();
}

/** Shows a mail's HTML part in `page`, as a mail client would; its links are then clicked. */
export async function openMail(page: Page, mail: Mail) {
  await page.setContent(mail.html);
}

/**
 * Picks, in the date-and-time field `field` of `scope`, the first whole minute at least 60 s
 * ahead (the schedule must be to come when it is sent), on the campaign's clock; returns it.
 * The calendar opens on this month: the next one is shown when that minute falls in it.
 */
export async function chooseNextMinutes(page: Page, scope: Locator, field: string): Promise<Date> {
  const now = new Date();
  const at = new Date(Math.ceil((now.getTime() + 60_000) / 60_000) * 60_000);
  const today = wallClock(now);
  const moment = wallClock(at);
  const day = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(at);
  await scope.getByRole('button', { name: field, exact: true }).click();
  if (moment.month !== today.month)
    await page.getByRole('button', { name: 'Mois suivant' }).click();
  await page.getByRole('button', { name: day, exact: true }).click();
  const hours = page.getByRole('spinbutton', { name: 'Heures' });
  const minutes = page.getByRole('spinbutton', { name: 'Minutes' });
  await hours.fill(pad(moment.hour));
  await minutes.fill(pad(moment.minute));
  await expect(hours).toHaveValue(pad(moment.hour));
  await expect(minutes).toHaveValue(pad(moment.minute));
  await page.getByRole('button', { name: 'Valider la date et l’heure' }).click();
  await expect(scope.getByRole('button', { name: field, exact: true })).toContainText(
    `${pad(moment.day)}/${pad(moment.month)}/${moment.year} ${pad(moment.hour)}:${pad(moment.minute)}`,
  );
  await expect(page.getByRole('button', { name: 'Mois suivant' })).toHaveCount(0);
  return at;
}
