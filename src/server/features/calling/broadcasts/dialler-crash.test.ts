/**
 * The dialler killed with SIGKILL ten times during a broadcast: the carrier
 * simulator runs in its own process (it survives the kills and answers reconciliation), the
 * callbacks are received by a server that is not killed, and the dialler runs in `levier
 * worker` processes, each killed after a few seconds. Nobody may be called twice, nobody
 * skipped. PostgreSQL only: several processes share the database.
 *
 * 30,000 numbers by default: the ten kills fall in its first two thirds, and the whole suite
 * stays within CI's time on a slow 2-core machine (100,000 took 18 of its minutes).
 * `DIALLER_CRASH_NUMBERS=100000` runs the broadcast at the size of a national campaign's list.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCallingWindows } from '../../../../contracts/calling.ts';
import { loadConfig } from '../../../core/config.ts';
import type { AppContext } from '../../../core/context.ts';
import { closeContext, createContext } from '../../../core/runtime.ts';
import { createScratchDatabase } from '../../../testing/scratch-database.ts';
import { simulatorToken } from '../carrier/configured.ts';
import type { SimulatorStats } from '../carrier/simulator/stats.ts';
import { approveLaunch, confirmOptOutNotice, createBroadcast, requestLaunch } from './service.ts';
import { freePort } from '../../../testing/free-port.ts';

const NUMBERS = Number(process.env.DIALLER_CRASH_NUMBERS ?? 30_000);
if (!Number.isInteger(NUMBERS) || NUMBERS < 1)
  throw new Error('DIALLER_CRASH_NUMBERS: a whole number');
const KILLS = 10;
const SECRET = 'crash-test-secret-crash-test-secret-0123456789';
const MAIN = new URL('../../../main.ts', import.meta.url).pathname;
const SIMULATOR = new URL('../carrier/simulator/main.ts', import.meta.url).pathname;
const serverUrl = process.env.TEST_DATABASE_URL;

const children: ChildProcess[] = [];
/** A Node process; only the simulator's output is read (its URL): the others' go to ours. */
const node = (args: string[], env: Record<string, string>, read = false) => {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', read ? 'pipe' : 'inherit', 'inherit'],
  });
  children.push(child);
  return child;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(serverUrl)('the dialler killed ten times during a broadcast', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ctx: AppContext;
  let simulatorControl: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createScratchDatabase(serverUrl!, 'levier_crash');
    const port = await freePort();
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.url,
      SESSION_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      CARRIER: 'simulator',
      CALLING_CLOCK: '2026-12-08T10:00:00+01:00',
      CALLING_RECONCILE_AFTER_SECONDS: '15',
    };
    const simulator = node(
      [
        SIMULATOR,
        '--options',
        JSON.stringify({
          accountSid: 'ACsimulator',
          authToken: simulatorToken(SECRET),
          timeScale: 0.002,
          callsPerSecond: 2000,
          // Lost answers (created, then 500), duplicated and reordered callbacks.
          serverErrorShare: 0.01,
          duplicateCallbackShare: 0.05,
          outOfOrderCallbackShare: 0.05,
        }),
      ],
      { LEVIER_CARRIER_SIMULATOR_OPTIONS: '' },
      true,
    );
    const [line] = (await once(createInterface({ input: simulator.stdout! }), 'line')) as [string];
    const urls = JSON.parse(line) as { url: string; controlUrl: string };
    env.TWILIO_BASE_URL = urls.url;
    simulatorControl = urls.controlUrl;

    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
    ctx = await createContext(config);
    // The server receives callbacks and never dials; the workers dial and are killed.
    node([MAIN, 'serve'], { ...env, CALLING_DIALLER: 'false', RUN_WORKERS: 'false' });
    for (let tries = 0; tries < 100; tries++) {
      const up = await fetch(`${env.PUBLIC_URL}/api/site`).catch(() => null);
      if (up?.ok) break;
      await sleep(200);
    }
    const c = ctx.campaignId;
    await ctx.database.query(
      `INSERT INTO call_caller_ids (campaign_id, e164) VALUES ($1, '+33162000001')`,
      [c],
    );
    const [recording] = await ctx.database.query<{ id: number }>(
      `INSERT INTO call_recordings (campaign_id, name, file_name, format, uploaded_size, content_type, duration_ms, data)
       VALUES ($1, 'Message', 'm.wav', 'wav', 44, 'audio/wav', 20000, $2) RETURNING id`,
      [c, Buffer.alloc(44)],
    );
    const [list] = await ctx.database.query<{ id: number }>(
      `INSERT INTO call_lists (campaign_id, name, file_name, size, status, number_count)
       VALUES ($1, 'Liste', 'l.csv', 1, 'succeeded', ${NUMBERS}) RETURNING id`,
      [c],
    );
    await ctx.database.query(
      `INSERT INTO call_list_numbers (campaign_id, list_id, e164, number_class, territory, consent_at,
              consent_source, slot_weekdays, slot_from, slot_to, line)
       SELECT $1, $2, '+336' || lpad(g::text, 8, '0'), 'mobile', 'metropole', now(), 'web',
              '{1,2,3,4,5}', '09:00', '19:00', g + 1
         FROM generate_series(1, ${NUMBERS}) AS g`,
      [c, list!.id],
    );
    const [asker, approver] = await ctx.database.query<{ id: number }>(
      `INSERT INTO people (campaign_id, email, email_normalized, recruit_code)
       VALUES ($1, 'a@crash.test', 'a@crash.test', 'crash-a'), ($1, 'b@crash.test', 'b@crash.test', 'crash-b')
       RETURNING id`,
      [c],
    );
    const broadcast = await createBroadcast(
      ctx,
      {
        name: 'Crash',
        audience: { kind: 'list', listId: Number(list!.id) },
        recordingId: Number(recording!.id),
        machineRecordingId: null,
        machineAction: 'message',
        windows: defaultCallingWindows,
        startsAt: null,
        endsAt: null,
        maxConcurrent: 5000,
        callsPerSecond: 500,
        rampSeconds: 0,
        maxAttempts: 1,
        retryMinutes: 60,
        ringSeconds: 25,
        answerRateFloor: 0,
        minutePriceCents: null,
      },
      Number(asker!.id),
    );
    await confirmOptOutNotice(ctx, broadcast.id, Number(asker!.id));
    await requestLaunch(ctx, broadcast.id, Number(asker!.id));
    await approveLaunch(ctx, broadcast.id, Number(approver!.id));
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    if (ctx) await closeContext(ctx).catch(() => undefined);
    await db?.drop();
  });

  const progress = async () => {
    const [row] = await ctx.database.query<{ status: string; done: number }>(
      `SELECT status, (SELECT coalesce(sum(settled), 0)::int FROM call_stats WHERE campaign_id = $1) AS done
         FROM call_broadcasts WHERE campaign_id = $1`,
      [ctx.campaignId],
    );
    return row!;
  };

  it('calls every number once, whatever the kills', async () => {
    for (let kill = 0; kill < KILLS; kill++) {
      const worker = node([MAIN, 'worker'], env);
      // Long enough to take the lease (a killed worker's lapses after 10 s) and dial a while.
      const before = (await progress()).done;
      for (let waited = 0; waited < 60_000; waited += 250) {
        await sleep(250);
        if ((await progress()).done > before + 2000) break;
      }
      worker.kill('SIGKILL');
      await once(worker, 'exit');
    }
    const last = node([MAIN, 'worker'], env);
    // The last worker dials what is left, as fast as the machine lets it: the wait lasts as
    // long as numbers keep being settled, and ends two minutes after the last one (a stuck
    // dialler), which covers the reconciliation of the kills' calls (missing twice, 15 s
    // apart, asked every 10 s). A fixed wait failed a slower machine with the dialler busy.
    let settled = -1;
    let lastProgress = Date.now();
    for (;;) {
      const now = await progress();
      if (now.status === 'completed') break;
      if (now.done !== settled) [settled, lastProgress] = [now.done, Date.now()];
      else if (Date.now() - lastProgress > 120_000) break;
      await sleep(1000);
    }
    last.kill('SIGTERM');
    await once(last, 'exit');

    // A number left unsettled is shown whole (its target, attempts and callbacks): the failure
    // then says where the chain stopped.
    const unsettled = await ctx.database.query(
      `SELECT t.id, t.e164, t.status, t.attempts, t.next_at, t.last_attempt_id,
              (SELECT json_agg(a ORDER BY a.id) FROM call_attempts a
                WHERE a.campaign_id = t.campaign_id AND a.target_id = t.id) AS attempts_rows,
              (SELECT json_agg(c ORDER BY c.id) FROM call_callbacks c JOIN call_attempts a
                   ON a.campaign_id = c.campaign_id AND a.id = c.attempt_id
                WHERE c.campaign_id = t.campaign_id AND a.target_id = t.id) AS callbacks
         FROM call_targets t WHERE t.campaign_id = $1 AND t.status <> 'done' LIMIT 5`,
      [ctx.campaignId],
    );
    if (unsettled.length > 0) console.error(JSON.stringify(unsettled, null, 2));

    expect(await progress()).toEqual({ status: 'completed', done: NUMBERS });
    const stats = (await (
      await fetch(`${simulatorControl}/simulator/stats`)
    ).json()) as SimulatorStats;
    expect(stats.numbersCalledMoreThanOnce).toEqual({});
    expect(stats.distinctNumbersCalled).toBe(NUMBERS);
    const [targets] = await ctx.database.query<{ undialled: number; open: number }>(
      `SELECT count(*) FILTER (WHERE result IS NULL OR attempts = 0)::int AS undialled,
              (SELECT count(*)::int FROM call_attempts WHERE campaign_id = $1
                 AND state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled', 'not_placed')) AS open
         FROM call_targets WHERE campaign_id = $1`,
      [ctx.campaignId],
    );
    expect(targets).toEqual({ undialled: 0, open: 0 });
  }, 3_000_000);
});
