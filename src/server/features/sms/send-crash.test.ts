/**
 * A text campaign's send killed with SIGKILL several times: the texts go out from `levier
 * worker` processes through the development adapter (each text handed over is a row of
 * `caught_sms`, in the shared database, so the record survives the kills), each worker killed
 * once it has sent some and another started. Nobody may get a second text; every text not
 * interrupted while being handed over is sent once, and those interrupted (at most the sends
 * in flight at each kill) are failed as such, never sent again. PostgreSQL only: several
 * processes share the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import type { AppContext } from '../../core/context.ts';
import { closeContext, createContext } from '../../core/runtime.ts';
import { createScratchDatabase } from '../../testing/scratch-database.ts';
import { settleConsents } from '../people/consents.ts';
import { releaseDueSms } from './send.ts';
import { createSmsCampaign, getSmsCampaign, scheduleSmsCampaign } from './service.ts';

const RECIPIENTS = 2_000;
const KILLS = 5;
/** The channel's sends at once (channel.ts): at most these are in flight at a kill. */
const CONCURRENCY = 5;
const SECRET = 'crash-test-secret-crash-test-secret-0123456789';
const MAIN = new URL('../../main.ts', import.meta.url).pathname;
const serverUrl = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const numberOf = (n: number) => `+336${String(n).padStart(8, '0')}`;

describe.runIf(serverUrl)('a text campaign’s send killed several times', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ctx: AppContext;
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
  /** Texts the development adapter took so far (each a hand-over to the "provider"). */
  const caught = async () =>
    (
      await ctx.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM caught_sms WHERE campaign_id = $1`,
        [ctx.campaignId],
      )
    )[0]!.n;

  beforeAll(async () => {
    db = await createScratchDatabase(serverUrl!, 'levier_sms_crash');
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: db.url,
      SESSION_SECRET: SECRET,
      SMS_PROVIDER: 'dev',
      // A Tuesday morning in Paris: the operators' hours are open whenever the test runs.
      SMS_CLOCK: '2026-12-08T10:00:00+01:00',
      // Slow enough that every kill lands in the middle of the send.
      SMS_RATE_PER_SECOND: '100',
      SMS_STALE_CLAIM_SECONDS: '5',
    };
    ctx = await createContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    await ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, phone, source,
                           recruit_code, search_text, confirmed_at, consent_sms)
       SELECT $1, 'r' || g || '@crash.test', 'r' || g || '@crash.test', 'Lecteur',
              '+336' || lpad(g::text, 8, '0'), 'import', 'crash-' || g, 'x', now(), true
         FROM generate_series(1, $2::int) g`,
      [ctx.campaignId, RECIPIENTS],
    );
    // Their consent to texts, as the gate reads it when each text is sent: a record each.
    await ctx.database.query(
      `INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version)
       SELECT campaign_id, id, 'sms', true, 'import', 'v1' FROM people WHERE campaign_id = $1`,
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
    await db?.drop();
  }, 60_000);

  it('texts nobody twice and loses only the texts in flight at each kill', async () => {
    const [author] = await ctx.database.query<{ id: number }>(
      `SELECT min(id)::bigint AS id FROM people WHERE campaign_id = $1`,
      [ctx.campaignId],
    );
    const text = await createSmsCampaign(
      ctx,
      { name: 'Rappel', sender: 'Levier2027', body: 'Meeting mardi 19h !', segmentId: null },
      Number(author!.id),
    );
    await scheduleSmsCampaign(ctx, text.id, null, Number(author!.id));
    await releaseDueSms(ctx);
    expect((await getSmsCampaign(ctx, text.id)).counts).toMatchObject({
      recipients: RECIPIENTS,
      pending: RECIPIENTS,
    });

    const pendingAtKill: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      startWorker();
      // Killed once it has sent some: a kill before the first text would test nothing.
      const before = await caught();
      for (let i = 0; i < 400 && (await caught()) < before + 100; i++) await sleep(50);
      await killWorker();
      pendingAtKill.push((await getSmsCampaign(ctx, text.id)).counts.pending);
    }
    // The send was cut in the middle: the rate (100 a second) keeps texts waiting at the kills.
    expect(pendingAtKill[0]).toBeGreaterThan(0);
    startWorker();
    await expect
      .poll(async () => (await getSmsCampaign(ctx, text.id)).counts.pending, {
        timeout: 120_000,
        interval: 500,
      })
      .toBe(0);
    await killWorker();

    const counts = (await getSmsCampaign(ctx, text.id)).counts;
    const received = await ctx.database.query<{ to_number: string; n: number }>(
      `SELECT to_number, count(*)::int AS n FROM caught_sms WHERE campaign_id = $1 GROUP BY to_number`,
      [ctx.campaignId],
    );
    const byNumber = new Map(received.map((row) => [row.to_number, row.n]));
    expect(received.filter((row) => row.n > 1)).toEqual([]);
    // Interrupted while being handed over: at most the sends in flight at each kill. Such a
    // text may have arrived (the kill fell after the adapter took it): it is failed as
    // interrupted all the same, and never sent again.
    expect(counts.failed).toBeLessThanOrEqual(KILLS * CONCURRENCY);
    expect(counts.sent + counts.failed).toBe(RECIPIENTS);
    expect(counts.suppressed).toBe(0);
    const failed = await ctx.database.query<{ number: string; last_error: string }>(
      `SELECT p.phone AS number, o.last_error FROM sms_outbox o
         JOIN people p ON p.campaign_id = o.campaign_id AND p.id = o.person_id
        WHERE o.campaign_id = $1 AND o.sms_campaign_id = $2 AND o.status = 'failed'`,
      [ctx.campaignId, text.id],
    );
    expect(failed.every((row) => row.last_error.startsWith('interrupted while being sent'))).toBe(
      true,
    );
    // Everyone got it once, but for some of those interrupted; each text sent is the one
    // the outbox says went to that number.
    const interrupted = new Set(failed.map((row) => row.number));
    const missing = Array.from({ length: RECIPIENTS }, (_, i) => numberOf(i + 1)).filter(
      (number) => !byNumber.has(number),
    );
    expect(missing.filter((number) => !interrupted.has(number))).toEqual([]);
    const sentRows = await ctx.database.query<{ to_number: string }>(
      `SELECT to_number FROM sms_outbox WHERE campaign_id = $1 AND sms_campaign_id = $2
          AND status = 'sent'`,
      [ctx.campaignId, text.id],
    );
    expect(sentRows.filter((row) => byNumber.get(row.to_number) !== 1)).toEqual([]);
    expect((await getSmsCampaign(ctx, text.id)).status).toBe('sent');
  }, 300_000);
});
