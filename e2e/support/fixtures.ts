import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { fromSetup } from './env.ts';

export { expect };

export interface Mail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Raw header values by lower-case name (`list-unsubscribe`…). */
  headers: Record<string, string>;
}

export const CONFIRM_SUBJECT = /^Confirmez votre inscription/;
export const LOGIN_SUBJECT = /^\d{6} est votre code de connexion/;

async function mailboxGet<T>(path: string, params: Record<string, string | number>): Promise<T> {
  const url = new URL(path, fromSetup('mailbox'));
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  const response = await fetch(url);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `mailbox ${path}: ${response.status}`);
  return body;
}

/**
 * Runs a `levier` command beside the spec's server, as an operator would (on the embedded
 * database the server does the work through its control channel); returns what it printed.
 */
export async function levierCommand(...args: string[]): Promise<string> {
  const serverEnv = JSON.parse(fromSetup('serverEnv')) as Record<string, string>;
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/levier.mjs', ...args], {
    env: { ...process.env, ...serverEnv },
    timeout: 60_000,
  });
  return stdout;
}

/** The mail the loopback SMTP server received (it runs in global setup). */
export const mailbox = {
  /** How many mails arrived so far: pass it as `since` to look only at later ones. */
  async mark(): Promise<number> {
    return (await mailboxGet<{ count: number }>('/count', {})).count;
  },
  /** The first mail to `to` whose subject matches, received after `since`; waits for it. */
  waitFor(to: string, subject: RegExp, since = 0, timeoutMs = 15_000): Promise<Mail> {
    return mailboxGet<Mail>('/wait', { to, subject: subject.source, since, timeout: timeoutMs });
  },
  list(to: string, since = 0): Promise<Mail[]> {
    return mailboxGet<Mail[]>('/mails', { to, since });
  },
};

/** The address in a mail's text that leads to `pathname` (confirmation or login link). */
export function linkIn(mail: Mail, pathname: string): string {
  const url = mail.text
    .split(/\s+/)
    .find((word) => /^https?:\/\//.test(word) && new URL(word).pathname === pathname);
  if (!url) throw new Error(`No ${pathname} link in the mail "${mail.subject}":\n${mail.text}`);
  return url;
}

export function codeIn(mail: Mail): string {
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No 6-digit code in the mail "${mail.subject}"`);
  return code;
}

/** Letters only (names are searched and shown): unique within a run. */
export function uniq(length = 8): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return s;
}

export function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export interface NewPerson {
  firstName: string;
  lastName: string;
  email: string;
  postalCode: string;
  communeCode?: string;
  phone?: string;
  consents?: { email: boolean; sms: boolean; phone: boolean };
  ref?: string;
  utmSource?: string;
}

export function newPerson(overrides: Partial<NewPerson> = {}): NewPerson {
  const id = uniq();
  return {
    firstName: 'Camille',
    lastName: `Test ${capitalized(id)}`,
    email: `camille.${id}@example.org`,
    postalCode: '44000',
    ...overrides,
  };
}

/** POST /api/signup as the public form does (no session, no CSRF token). */
export async function signUp(request: APIRequestContext, person: NewPerson): Promise<void> {
  const response = await request.post('/api/signup', {
    data: {
      consents: { email: true, sms: false, phone: false },
      locale: 'fr',
      source: 'signup',
      ...person,
    },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Opens the confirmation link of the last sign-up of `email` (through the API). */
export async function confirmSignup(
  request: APIRequestContext,
  email: string,
  since: number,
): Promise<void> {
  const mail = await mailbox.waitFor(email, CONFIRM_SUBJECT, since);
  const token = new URL(linkIn(mail, '/confirm')).searchParams.get('token');
  const response = await request.post('/api/signup/confirm', { data: { token } });
  expect(response.status(), await response.text()).toBe(200);
}

/** A confirmed supporter, made through the public API. */
export async function createSupporter(
  request: APIRequestContext,
  overrides: Partial<NewPerson> = {},
): Promise<NewPerson> {
  const person = newPerson(overrides);
  const since = await mailbox.mark();
  await signUp(request, person);
  await confirmSignup(request, person.email, since);
  return person;
}

/** The header the API's CSRF check wants, for the session of `request`. */
export async function csrfHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return { 'x-csrf-token': session.csrfToken };
}

/**
 * Logs in with an emailed code through the API. With a page's `request`, the session cookie
 * lands in that page's browser context.
 */
export async function logIn(request: APIRequestContext, email: string): Promise<void> {
  const headers = await csrfHeaders(request);
  const since = await mailbox.mark();
  const start = await request.post('/api/auth/login/start', {
    data: { email, locale: 'fr' },
    headers,
  });
  expect(start.status(), await start.text()).toBe(200);
  const code = codeIn(await mailbox.waitFor(email, LOGIN_SUBJECT, since));
  const login = await request.post('/api/auth/login/code', { data: { email, code }, headers });
  expect(login.status(), await login.text()).toBe(200);
}

/**
 * Proves that no mail went to `addresses` since `since`: the outbox sends in order, so once a
 * mail queued afterwards (a sign-up of a new address) has arrived, earlier ones would have too.
 */
export async function expectNoMailSince(
  request: APIRequestContext,
  addresses: string[],
  since: number,
): Promise<void> {
  const control = newPerson({ firstName: 'Témoin' });
  await signUp(request, control);
  await mailbox.waitFor(control.email, CONFIRM_SUBJECT, since);
  for (const address of addresses) expect(await mailbox.list(address, since)).toEqual([]);
}

export interface PublicSite {
  home: { campaignName: string; title: string; message: string; signupCallToAction: string };
  consentWording: Record<'fr' | 'en', { email: string; sms: string; phone: string }>;
  legal: { fr: { legalNotice: string; privacyPolicy: string; formNotice: string } };
}

export async function publicSite(request: APIRequestContext): Promise<PublicSite> {
  const response = await request.get('/api/site');
  expect(response.ok()).toBe(true);
  return (await response.json()) as PublicSite;
}

interface Fixtures {
  /** A page in its own browser context, logged in as the administrator made in global setup. */
  adminPage: Page;
}

export const test = base.extend<Fixtures>({
  // The server's address is known only once global setup has picked a free port.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(fromSetup('baseURL'));
  },
  adminPage: async (
    { browser, baseURL, viewport, isMobile, hasTouch, locale, timezoneId, userAgent },
    use,
  ) => {
    const context = await browser.newContext({
      baseURL,
      viewport,
      isMobile,
      hasTouch,
      locale,
      timezoneId,
      userAgent,
      storageState: fromSetup('adminState'),
    });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

/** Chooses a CSV file in the import page's file picker, as a person would. */
export async function chooseCsv(page: Page, name: string, csv: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Fichier CSV' }).click();
  await (await choosing).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}
