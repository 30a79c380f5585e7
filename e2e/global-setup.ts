// Starts what the browser tests need, once per run, and returns the teardown:
// - a real SMTP server on loopback (src/server/testing/smtp.ts) with a small HTTP mailbox on
//   loopback, so test workers (other processes) can wait for the mail it receives;
// - a fresh database: PGlite in a temporary DATA_DIR, or a new PostgreSQL database when
//   TEST_DATABASE_URL is set (created here, dropped at the end);
// - the demo campaign (`seed-demo --people 800`), before the server opens the database;
// - `levier serve` on a free loopback port, with SMTP_URL pointing at the SMTP server;
// - an administrator (`admin create`, run while the server runs, as the start banner says:
//   on PGlite the server does it), whose one-time login link is handed to the HQ spec;
// - a logged-in administrator session saved as a Playwright storage state.
import { request } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createScratchDatabase } from '../src/server/testing/scratch-database.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtp } from '../src/server/testing/smtp.ts';
import { ADMIN_EMAIL, DEMO_PEOPLE, ENV } from './support/env.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** GET /count, GET /mails?to=&since=, GET /wait?to=&since=&subject=&timeout= (long poll). */
async function startMailbox(smtp: TestSmtp): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mailbox');
    const to = (url.searchParams.get('to') ?? '').toLowerCase();
    const since = Number(url.searchParams.get('since') ?? '0');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const forAddress = (m: ReceivedMail) => !to || m.to.toLowerCase() === to;
    if (url.pathname === '/count') return send(200, { count: smtp.received.length });
    if (url.pathname === '/mails') return send(200, smtp.received.slice(since).filter(forAddress));
    if (url.pathname === '/wait') {
      const subject = new RegExp(url.searchParams.get('subject') ?? '');
      const timeout = Number(url.searchParams.get('timeout') ?? '15000');
      smtp
        .waitFor(to, (m) => subject.test(m.subject), timeout, since)
        .then((mail) => send(200, mail))
        .catch((error: unknown) => send(404, { error: String(error) }));
      return;
    }
    send(404, { error: 'not found' });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}` };
}

async function levier(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run(process.execPath, ['bin/levier.mjs', ...args], {
    cwd: root,
    env,
    timeout: 120_000,
  });
  return stdout;
}

async function waitUntilServing(url: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) {
      throw new Error(
        `levier serve exited (${server.exitCode}):\n${await readFile(logFile, 'utf8')}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/session`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `levier serve did not answer within 60 s:\n${await readFile(logFile, 'utf8')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Logs the administrator in with an emailed code; saves the session for the specs. */
async function saveAdminSession(baseURL: string, smtp: TestSmtp, statePath: string) {
  const api = await request.newContext({ baseURL });
  try {
    const session = (await (await api.get('/api/session')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': session.csrfToken };
    const since = smtp.received.length;
    const start = await api.post('/api/auth/login/start', {
      data: { email: ADMIN_EMAIL, locale: 'fr' },
      headers,
    });
    if (!start.ok()) throw new Error(`login start: ${start.status()} ${await start.text()}`);
    const mail = await smtp.waitFor(ADMIN_EMAIL, (m) => /\d{6}/.test(m.subject), 20_000, since);
    const code = /\d{6}/.exec(mail.subject)![0];
    const login = await api.post('/api/auth/login/code', {
      data: { email: ADMIN_EMAIL, code },
      headers,
    });
    if (!login.ok()) throw new Error(`login code: ${login.status()} ${await login.text()}`);
    await api.storageState({ path: statePath });
  } finally {
    await api.dispose();
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('e2e teardown:', error));
    }
  };
  try {
    const dir = await mkdtemp(path.join(tmpdir(), 'levier-e2e-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));

    const smtp = await startSmtpServer();
    cleanups.push(() => smtp.close());
    const mailbox = await startMailbox(smtp);
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          mailbox.server.close(() => resolve());
          mailbox.server.closeAllConnections();
        }),
    );

    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseURL,
      SESSION_SECRET: 'levier-e2e-session-secret-0123456789abcdef',
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
      // Every spec signs people up and logs in from 127.0.0.1 within a minute.
      SIGNUP_RATE_LIMIT: '1000',
      CONFIRM_RATE_LIMIT: '1000',
      LOGIN_RATE_LIMIT: '1000',
      // The day's reminder is due from midnight: an event later today gets one at any hour
      // the specs run (the journey spec runs the reminders job by hand).
      EVENT_REMINDER_DAY_OF: '00:00',
      // Bounces and complaints posted as Mailgun would (mail-suppression.spec.ts).
      MAILGUN_WEBHOOK_SIGNING_KEY: 'levier-e2e-mailgun-signing-key',
      // Voice broadcasts (calling.spec.ts, calling-segment.spec.ts): the dialler decides as on
      // a Tuesday 10:00 in Paris (inside the default windows at any hour the specs run; refused
      // in production), and the in-process carrier simulator runs 200 times faster than life,
      // calling back PUBLIC_URL; the numbers listed here always answer and press 9 (an opt-out, for good):
      // one per spec that needs a fresh opt-out (calling.spec.ts, calling-segment.spec.ts),
      // since the specs run at once on the same campaign.
      CALLING_CLOCK: '2026-12-08T10:00:00+01:00',
      CARRIER_SIMULATOR_OPTIONS: JSON.stringify({
        timeScale: 0.005,
        pressingNumbers: ['+33639980901', '+33639980907'],
        pressingShare: 0,
      }),
    };
    delete env.DATABASE_URL;
    if (process.env.TEST_DATABASE_URL) {
      const database = await createScratchDatabase(process.env.TEST_DATABASE_URL, 'levier_e2e');
      cleanups.push(() => database.drop());
      env.DATABASE_URL = database.url;
      env.DATABASE_POOL_SIZE = '5';
    } else {
      env.DATA_DIR = path.join(dir, 'data');
    }

    await levier(['seed-demo', '--people', String(DEMO_PEOPLE)], env);

    const logFile = path.join(dir, 'levier.log');
    const log = createWriteStream(logFile);
    const server = spawn(process.execPath, ['bin/levier.mjs', 'serve'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout.pipe(log);
    server.stderr.pipe(log);
    cleanups.push(() => stopServer(server));
    await waitUntilServing(baseURL, server, logFile);
    // From now on, the server's warnings and errors show in the test output.
    const echo = (chunk: Buffer) => process.stderr.write(`[levier] ${chunk.toString()}`);
    server.stdout.on('data', echo);
    server.stderr.on('data', echo);

    const created = await levier(['admin', 'create', '--email', ADMIN_EMAIL], env);
    const link = /(http\S+\/login\/link\?token=\S+)/.exec(created)?.[1];
    if (!link) throw new Error(`admin create printed no login link:\n${created}`);

    const statePath = path.join(dir, 'admin-state.json');
    await saveAdminSession(baseURL, smtp, statePath);

    // Workers are started after this and inherit these.
    process.env[ENV.baseURL] = baseURL;
    process.env[ENV.mailbox] = mailbox.url;
    process.env[ENV.adminLink] = link;
    process.env[ENV.adminState] = statePath;
    process.env[ENV.serverEnv] = JSON.stringify(
      Object.fromEntries(Object.entries(env).filter(([key, value]) => process.env[key] !== value)),
    );
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
