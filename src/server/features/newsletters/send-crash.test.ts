/**
 * A newsletter's send killed with SIGKILL several times: the mail goes out from `levier worker`
 * processes to a real SMTP server on loopback (in this process, so it survives the kills), each
 * worker killed after a moment and another started. Nobody may get a second copy; every mail
 * not interrupted while being handed over is delivered, and those interrupted (at most the
 * sends in flight at each kill) are failed as such. PostgreSQL only: several processes share
 * the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import type { AppContext } from '../../core/context.ts';
import { closeContext, createContext } from '../../core/runtime.ts';
import { createScratchDatabase } from '../../testing/scratch-database.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { settleConsents } from '../people/consents.ts';
import { releaseDueNewsletters } from './send.ts';
import { createNewsletter, getNewsletter, scheduleNewsletter } from './service.ts';

const RECIPIENTS = 3_000;
const KILLS = 5;
const SECRET = 'crash-test-secret-crash-test-secret-0123456789';
const MAIN = new URL('../../main.ts', import.meta.url).pathname;
const serverUrl = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(serverUrl)('a newsletter’s send killed several times', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ctx: AppContext;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let env: Record<string, string>;
  let worker: ChildProcess | null = null;

  const startWorker = () => {
    worker = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  };
  const killWorker = async () => {
    const child = worker;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    db = await createScratchDatabase(serverUrl!, 'levier_mail_crash');
    smtp = await startSmtpServer();
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: db.url,
      SESSION_SECRET: SECRET,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Campagne <campagne@levier.test>',
      // Slow enough that every kill lands in the middle of the send.
      MAIL_RATE_PER_SECOND: '150',
      MAIL_STALE_CLAIM_SECONDS: '5',
    };
    ctx = await createContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    await ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, source, recruit_code,
                           search_text, confirmed_at, consent_email)
       SELECT $1, 'r' || g || '@crash.test', 'r' || g || '@crash.test', 'Lecteur', 'import',
              'crash-' || g, 'x', now(), true
         FROM generate_series(1, $2::int) g`,
      [ctx.campaignId, RECIPIENTS],
    );
    // Their consent to email, as the gate reads it when each mail is sent: a record each.
    await ctx.database.query(
      `INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version)
       SELECT campaign_id, id, 'email', true, 'import', 'v1' FROM people WHERE campaign_id = $1`,
      [ctx.campaignId],
    );
    const ids = await ctx.database.query<{ id: number }>(
      `SELECT id FROM people WHERE campaign_id = $1`,
      [ctx.campaignId],
    );
    await ctx.database.transaction((query) =>
      settleConsents(
        query,
        ctx.campaignId,
        ids.map((row) => Number(row.id)),
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await killWorker();
    if (ctx) await closeContext(ctx).catch(() => undefined);
    await smtp?.close();
    await db?.drop();
  }, 60_000);

  it('gives nobody a second copy and loses only the mails in flight at each kill', async () => {
    const [author] = await ctx.database.query<{ id: number }>(
      `SELECT min(id)::bigint AS id FROM people WHERE campaign_id = $1`,
      [ctx.campaignId],
    );
    const letter = await createNewsletter(
      ctx,
      {
        name: 'Lettre',
        subject: 'Bonjour {prénom}',
        preheader: '',
        body: 'Les nouvelles.',
        segmentId: null,
      },
      Number(author!.id),
    );
    await scheduleNewsletter(ctx, letter.id, null, Number(author!.id));
    await releaseDueNewsletters(ctx);

    for (let kill = 0; kill < KILLS; kill++) {
      startWorker();
      // Killed once it has sent some: a kill before the first mail would test nothing.
      const before = smtp.received.length;
      for (let i = 0; i < 200 && smtp.received.length < before + 100; i++) await sleep(50);
      await killWorker();
    }
    startWorker();
    await expect
      .poll(
        async () => {
          const counts = (await getNewsletter(ctx, letter.id)).counts;
          return counts.pending;
        },
        { timeout: 120_000, interval: 500 },
      )
      .toBe(0);
    await killWorker();

    const counts = (await getNewsletter(ctx, letter.id)).counts;
    const byRecipient = new Map<string, number>();
    for (const mail of smtp.received) byRecipient.set(mail.to, (byRecipient.get(mail.to) ?? 0) + 1);
    const twice = [...byRecipient].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    // Interrupted while being handed over: at most the sends in flight at each kill (5 at
    // once). Such a mail may have arrived (the kill fell after the server took it): it is
    // failed as interrupted all the same, and never sent again.
    expect(counts.failed).toBeLessThanOrEqual(KILLS * 5);
    expect(counts.sent + counts.failed).toBe(RECIPIENTS);
    const failed = await ctx.database.query<{ to_address: string; last_error: string }>(
      `SELECT to_address, last_error FROM mail_outbox WHERE campaign_id = $1 AND message_id = $2
          AND status = 'failed'`,
      [ctx.campaignId, letter.id],
    );
    expect(failed.every((row) => row.last_error.startsWith('interrupted while being sent'))).toBe(
      true,
    );
    // Everyone got it once, but for some of those interrupted.
    const interrupted = new Set(failed.map((row) => row.to_address));
    const missing = Array.from({ length: RECIPIENTS }, (_, i) => `r${i + 1}@crash.test`).filter(
      (to) => !byRecipient.has(to),
    );
    expect(missing.filter((to) => !interrupted.has(to))).toEqual([]);
    expect(byRecipient.size).toBeGreaterThanOrEqual(counts.sent);
  }, 300_000);
});
