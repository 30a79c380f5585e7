import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppParts } from '../app.ts';
import { loadConfig } from '../core/config.ts';
import type { AppContext } from '../core/context.ts';
import { openDatabase, runMigrations, type Database } from '../core/db/index.ts';
import { closeContext, createContext, startJobs } from '../core/runtime.ts';
import { createScratchDatabase } from './scratch-database.ts';
import { startSmtpServer, type TestSmtp } from './smtp.ts';
import { registerFeatureJobs } from '../features/jobs.ts';
import { personByEmail } from '../features/people/directory.ts';

export type EngineName = 'pglite' | 'postgres';

/** PGlite always; the real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const engines: EngineName[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** Creates a fresh, uniquely named database on the test server; returns its URL and a dropper. */
export const createPostgresDatabase = () =>
  createScratchDatabase(process.env.TEST_DATABASE_URL!, 'levier_test');

/** A new, migrated database of `engine` (PGlite in memory), and how to be rid of it. */
export async function migratedDatabase(
  engine: EngineName,
  poolSize = 2,
): Promise<{ database: Database; close(): Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await runMigrations(database);
    return { database, close: () => database.close() };
  }
  const scratch = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize });
  await runMigrations(database);
  return {
    database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

export interface TestApp {
  engine: EngineName;
  app: FastifyInstance;
  ctx: AppContext;
  smtp: TestSmtp;
  close(): Promise<void>;
}

export async function createTestApp(
  engine: EngineName,
  env: Record<string, string> = {},
  parts?: AppParts,
): Promise<TestApp> {
  const smtp = await startSmtpServer();
  const pgDb = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SMTP_URL: smtp.url,
    SIGNUP_RATE_LIMIT: '1000',
    LOGIN_RATE_LIMIT: '1000',
    PUBLIC_URL: 'http://levier.test',
    ...env,
  });
  const database = await openDatabase(
    pgDb ? { databaseUrl: pgDb.url, poolSize: 4 } : { dataDir: 'memory://' },
  );
  const ctx = await createContext(config, { database });
  await startJobs(ctx, true, registerFeatureJobs);
  const app = await buildApp(ctx, parts);
  await app.ready();
  return {
    engine,
    app,
    ctx,
    smtp,
    async close() {
      await app.close();
      await closeContext(ctx);
      await smtp.close();
      await pgDb?.drop();
    },
  };
}

/**
 * Another campaign served from the same database as `t` (as a second deployment would be):
 * its own app and mailer, no job workers. Closing it leaves `t` and its database open.
 */
export async function createCampaignApp(t: TestApp, name: string): Promise<TestApp> {
  const { createCampaign } = await import('../core/campaigns/service.ts');
  const campaign = await createCampaign(t.ctx.database, name);
  const config = { ...t.ctx.config, CAMPAIGN_ID: campaign.id };
  const ctx = await createContext(config, { database: t.ctx.database, log: t.ctx.log });
  const app = await buildApp(ctx);
  await app.ready();
  ctx.mailer.start();
  return {
    engine: t.engine,
    app,
    ctx,
    smtp: t.smtp,
    async close() {
      await app.close();
      await ctx.mailer.stop();
    },
  };
}

/** A cookie-keeping client with the CSRF token, like a browser would be. */
export class Browser {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        cookie: this.cookieHeader(),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as string } : {}),
    });
    this.keepCookies(response);
    return response;
  }

  /** The Cookie header this browser sends. */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(response: LightMyRequestResponse) {
    for (const c of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const expired =
        c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async session() {
    const response = await this.request('GET', '/api/session');
    const body = response.json() as {
      me: { personId: number; permissions: string[] } | null;
      csrfToken: string;
    };
    this.csrfToken = body.csrfToken;
    return body;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  /** Logs in with the emailed 6-digit code, as a person would. */
  async login(t: TestApp, email: string) {
    await this.session();
    const since = t.smtp.received.length;
    const start = await this.post('/api/auth/login/start', { email });
    if (start.statusCode !== 200) throw new Error(`login start failed: ${start.body}`);
    const mail = await t.smtp.waitFor(
      email,
      (m) => /connexion|login/i.test(m.subject),
      10_000,
      since,
    );
    const code = /(\d{6})/.exec(mail.subject)![1];
    const response = await this.post('/api/auth/login/code', { email, code });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    this.csrfToken = (response.json() as { csrfToken: string }).csrfToken;
    return response.json() as { me: { personId: number } };
  }
}

export const signupBody = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Camille',
  lastName: 'Durand',
  email: 'camille@example.org',
  postalCode: '69001',
  consents: { email: true, sms: false, phone: false },
  ...overrides,
});

/** Signs up and confirms through the emailed link; returns the person id. */
export async function signupAndConfirm(t: TestApp, overrides: Record<string, unknown> = {}) {
  const body = signupBody(overrides);
  const browser = new Browser(
    t.app,
    `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  );
  const since = t.smtp.received.length;
  const response = await browser.post('/api/signup', body);
  if (response.statusCode !== 200) throw new Error(`signup failed: ${response.body}`);
  const mail = await t.smtp.waitFor(
    body.email as string,
    (m) => m.text.includes('/confirm?token='),
    10_000,
    since,
  );
  const token = /confirm\?token=([\w.-]+)/.exec(mail.text)![1];
  const confirm = await browser.post('/api/signup/confirm', { token });
  if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.body}`);
  const person = await personByEmail(t.ctx, (body.email as string).toLowerCase());
  return person!.id;
}

/** A supporter who signed up, confirmed and logged in, with their own client address. */
export async function supporterBrowser(
  t: TestApp,
  email: string,
  overrides: Record<string, unknown> = {},
) {
  const personId = await signupAndConfirm(t, { email, ...overrides });
  const browser = new Browser(
    t.app,
    `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  );
  await browser.login(t, email);
  return { browser, personId, email };
}

/** Gives an existing or new person roles, then logs a browser in as them. */
export async function staffBrowser(
  t: TestApp,
  email: string,
  roles: string[],
  grants: string[] = [],
) {
  const { personForEmail, setRoles } = await import('../features/accounts/admin.ts');
  const personId = await personForEmail(t.ctx, email);
  await setRoles(t.ctx, personId, roles as never[], grants, null);
  const browser = new Browser(
    t.app,
    `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  );
  await browser.login(t, email);
  return browser;
}

export { closeContext };
