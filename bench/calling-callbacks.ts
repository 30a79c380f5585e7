/**
 * The carrier's status callbacks through the real route, against the minimal one-INSERT route
 * of the sign-up benchmark in the same run (same pool of 10):
 *   npm run bench -- calling-callbacks [--seconds 15] [--connections 50] [--attempts 300000]
 *     [--profile DIR]
 * A running broadcast whose `attempts` calls are queued at the carrier is written beforehand
 * (targets frozen by the service, attempts by SQL). Levier runs as `levier serve` with
 * RUN_WORKERS=false and PUBLIC_URL set to its own address; each request is one status
 * callback (ringing, in-progress, then completed with its duration, for one attempt after
 * another) carrying the fields the simulator sends and signed as Twilio signs
 * (`getExpectedTwilioSignature` of the twilio library, with the simulator's token).
 * Runs: (1) the minimal route; (2) the status route, the applier not running; the inbox is
 * then drained by the applier alone (timed); (3) the status route with the applier running
 * concurrently, in a process of its own (bench/lib/callback-applier.ts: the loop of
 * `startLoops`, batches of 2,000, a 100 ms pause when the inbox is empty). Every callback
 * answered 2xx must be in the inbox, none twice.
 * Results: a table on stdout and bench/results/calling-callbacks.json.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import twilio from 'twilio';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { applyCallbacks } from '../src/server/features/calling/broadcasts/callbacks.ts';
import { callUrls } from '../src/server/features/calling/broadcasts/call-urls.ts';
import { simulatorToken } from '../src/server/features/calling/carrier/configured.ts';
import { createTwilioCarrier } from '../src/server/features/calling/carrier/twilio.ts';
import { approve, broadcastAwaitingApproval, seedCallingBasics } from './lib/calling-setup.ts';
import { describeMachine, machineNote } from './lib/machine.ts';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    attempts: { type: 'string', default: '300000' },
    /** A folder for Levier's CPU profile of its runs (see bench/lib/process.ts). */
    profile: { type: 'string' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const ATTEMPTS = Number(values.attempts);
const SECRET = 'bench-calling-callbacks-secret-of-at-least-32-characters';
const TOKEN = simulatorToken(SECRET);
const ACCOUNT_SID = 'ACsimulator';
const PORT = 3916;
const BASE = `http://127.0.0.1:${PORT}`;
const STATUSES = ['ringing', 'in-progress', 'completed'] as const;

/** A running broadcast with `count` calls queued at the carrier; answers the attempts. */
async function seed(ctx: AppContext, count: number) {
  const staff = await seedCallingBasics(ctx);
  const [list] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO call_lists (campaign_id, name, file_name, size, status, number_count, finished_at)
        VALUES (${ctx.campaignId}, 'Liste', 'liste.csv', 1, 'succeeded', ${count}, now()) RETURNING id`,
  );
  await ctx.database.query(
    sql`INSERT INTO call_list_numbers (campaign_id, list_id, e164, number_class, territory, consent_at,
               consent_source, slot_weekdays, slot_from, slot_to, line)
        SELECT ${ctx.campaignId}, ${list.id}, '+336' || lpad((10000000 + n * 7)::text, 8, '0'), 'mobile',
               'metropole', now() - interval '30 days', 'Formulaire web', '{1,2,3,4,5}', '09:00', '19:00', n + 1
          FROM generate_series(1, ${count}) AS n`,
  );
  const broadcastId = await broadcastAwaitingApproval(ctx, staff, Number(list.id), {
    maxAttempts: 1,
  });
  await approve(ctx, staff, broadcastId);
  const attempts = await ctx.database.query<{ id: number; to_e164: string; sid: string }>(
    sql`WITH a AS (
          INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state, carrier_call_id)
          SELECT campaign_id, broadcast_id, id, e164, '+33162000001', 'queued', 'CA' || md5(id::text)
            FROM call_targets WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${broadcastId}
          RETURNING id, target_id, to_e164, carrier_call_id),
        dialled AS (
          UPDATE call_targets t SET status = 'dialing', attempts = 1, last_attempt_id = a.id
            FROM a WHERE t.campaign_id = ${ctx.campaignId} AND t.broadcast_id = ${broadcastId} AND t.id = a.target_id)
        SELECT id, to_e164, carrier_call_id AS sid FROM a ORDER BY id`,
  );
  await ctx.database.query(sql`VACUUM ANALYZE call_attempts`);
  await ctx.database.query(sql`VACUUM ANALYZE call_targets`);
  return attempts.map((a) => ({ id: Number(a.id), to: a.to_e164, sid: a.sid }));
}

type Attempt = Awaited<ReturnType<typeof seed>>[number];

/** The n-th callback: three per attempt, in order; its path, form body and signature. */
function callback(campaignId: number, attempts: Attempt[], n: number) {
  const attempt = attempts[Math.floor(n / 3) % attempts.length];
  const step = n % 3;
  const path = `/api/calling/carrier/${campaignId}/attempts/${attempt.id}/status`;
  const params: Record<string, string> = {
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    CallSid: attempt.sid,
    CallStatus: STATUSES[step],
    Called: attempt.to,
    Caller: '+33162000001',
    Direction: 'outbound-api',
    From: '+33162000001',
    To: attempt.to,
    CallbackSource: 'call-progress-events',
    SequenceNumber: String(step + 1),
    Timestamp: new Date().toUTCString().replace('GMT', '+0000'),
    ...(step === 2 ? { CallDuration: String(20 + (n % 20)) } : {}),
  };
  const signature = twilio.getExpectedTwilioSignature(TOKEN, `${BASE}${path}`, params);
  return { path, body: new URLSearchParams(params).toString(), signature };
}

/** Each request built by `request` (it counts them itself, across runs). */
function run(
  base: string,
  request: () => { path: string; body: string; headers: Record<string, string> },
) {
  return autocannon({
    url: base,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const next = request();
          return {
            ...req,
            path: next.path,
            body: next.body,
            headers: { ...req.headers, ...next.headers },
          };
        },
      },
    ],
  });
}

const summary = (result: autocannon.Result) => ({
  requestsPerSecond: Math.round(result.requests.average),
  p50ms: result.latency.p50,
  p99ms: result.latency.p99,
  ok: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
});

/** Applies the inbox until it is empty; answers how many callbacks went and how long it took. */
async function drain(apply: () => Promise<number>) {
  const start = performance.now();
  let applied = 0;
  for (let batch = await apply(); batch > 0; batch = await apply()) applied += batch;
  return { applied, seconds: (performance.now() - start) / 1000 };
}

const startedAt = machineNote();
const db = await freshDatabase('levier_bench_callbacks');
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATABASE_URL: db.url,
  PUBLIC_URL: BASE,
  SESSION_SECRET: SECRET,
});
const ctx = await createContext(config);
try {
  const attempts = await seed(ctx, ATTEMPTS);
  const env = {
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '10',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: SECRET,
  };

  const minimalServer = await startServer(
    ['--import', 'tsx', 'bench/lib/minimal-server.ts'],
    { ...env, PORT: '3917' },
    'http://127.0.0.1:3917/',
  );
  let minimal;
  try {
    let n = 0;
    minimal = summary(
      await run('http://127.0.0.1:3917', () => ({
        path: '/insert',
        body: JSON.stringify({ email: `callback-${n++}` }),
        headers: { 'content-type': 'application/json' },
      })),
    );
  } finally {
    await stopServer(minimalServer);
  }

  const carrier = createTwilioCarrier({
    accountSid: ACCOUNT_SID,
    authToken: TOKEN,
    baseUrl: 'http://127.0.0.1:9',
  });
  const urls = callUrls(config.publicUrl, ctx.campaignId, config.sessionSecret);
  const apply = () => applyCallbacks(ctx, carrier, urls);
  let sent = 0;
  const statusRequest = () => {
    const { path, body, signature } = callback(ctx.campaignId, attempts, sent++);
    return {
      path,
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
    };
  };
  const levier = await startServer(
    ['bin/levier.mjs', 'serve'],
    { ...env, PORT: String(PORT), HOST: '127.0.0.1', RUN_WORKERS: 'false', PUBLIC_URL: BASE },
    `${BASE}/api/site`,
    { cpuProfileDir: values.profile },
  );
  let alone;
  let together;
  let drained;
  let appliedDuring = 0;
  try {
    const aloneResult = await run(BASE, statusRequest);
    alone = summary(aloneResult);
    drained = await drain(apply);

    // The applier as startLoops runs it, in a process of its own (a second working process).
    const applier = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/callback-applier.ts'], {
      env: { ...process.env, DATABASE_URL: db.url, PUBLIC_URL: BASE, SESSION_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: applier.stdout });
    const said: string[] = [];
    lines.on('line', (line) => said.push(line));
    while (!said.includes('ready')) await new Promise((resolve) => setTimeout(resolve, 50));
    const togetherResult = await run(BASE, statusRequest);
    const exited = once(applier, 'exit');
    applier.kill('SIGTERM');
    await exited;
    appliedDuring = (JSON.parse(said[said.length - 1]) as { applied: number }).applied;
    together = summary(togetherResult);
  } finally {
    await stopServer(levier);
  }
  const rest = await drain(apply);
  const [kept] = await ctx.database.query<{
    callbacks: number;
    pending: number;
    completed: number;
  }>(
    sql`SELECT (SELECT count(*)::int FROM call_callbacks WHERE campaign_id = ${ctx.campaignId}) AS callbacks,
               (SELECT count(*)::int FROM call_callbacks WHERE campaign_id = ${ctx.campaignId} AND applied_at IS NULL) AS pending,
               (SELECT count(*)::int FROM call_attempts WHERE campaign_id = ${ctx.campaignId} AND state = 'completed') AS completed`,
  );
  const answered = alone.ok + together.ok;
  // Requests still in flight when a run stopped may be kept without their answer counted.
  const keptOnce = answered <= kept.callbacks && kept.callbacks <= sent && sent <= ATTEMPTS * 3;
  const ratio = alone.requestsPerSecond / minimal.requestsPerSecond;
  const ratioTogether = together.requestsPerSecond / minimal.requestsPerSecond;
  const applierAlone = Math.round(drained.applied / drained.seconds);
  console.log(
    `\nStatus callbacks (${duration} s, ${connections} connections, PostgreSQL, pool 10), ${describeMachine(startedAt)}`,
  );
  console.table({
    'minimal INSERT route': minimal,
    'POST …/status, applier not running': alone,
    'POST …/status, applier running concurrently': together,
  });
  console.log(
    `ratio to the minimal route: ${ratio.toFixed(2)} applier not running (target ≥ 0.5: ${ratio >= 0.5 ? 'PASS' : 'FAIL'}), ` +
      `${ratioTogether.toFixed(2)} applier running; applier alone ${applierAlone} callbacks/s (${drained.applied} in ${drained.seconds.toFixed(1)} s), ` +
      `during run 3 it applied ${appliedDuring}, ${rest.applied} left after it; every callback answered kept once: ${keptOnce} ` +
      `(${kept.callbacks} kept, ${answered} answered 2xx, ${kept.pending} pending, ${kept.completed} attempts completed)`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/calling-callbacks.json', import.meta.url),
    JSON.stringify(
      {
        date: startedAt.at,
        machine: { before: startedAt, after: machineNote() },
        settings: { duration, connections, attempts: ATTEMPTS },
        minimal,
        alone,
        together,
        ratio: Number(ratio.toFixed(2)),
        ratioTogether: Number(ratioTogether.toFixed(2)),
        applier: {
          aloneCallbacksPerSecond: applierAlone,
          drained,
          appliedDuringRun3: appliedDuring,
          leftAfterRun3: rest.applied,
        },
        inbox: kept,
        keptOnce,
      },
      null,
      2,
    ),
  );
} finally {
  await closeContext(ctx);
  await db.drop();
}
