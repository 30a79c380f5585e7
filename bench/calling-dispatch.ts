/**
 * A voice broadcast dialled through the carrier simulator, run in its own process, at a pace
 * of `rate` calls a second (no ramp-up):
 *   npm run bench -- calling-dispatch [--numbers 30000] [--rate 300] [--time-scale 0.01]
 * The processes are those of production: this one is the web server (buildApp, listening on a
 * port that PUBLIC_URL names, so the simulator's callbacks and answer fetches arrive; it never
 * dials: CALLING_DIALLER=false, RUN_WORKERS=false), and a `levier worker` process runs the
 * calling loops (dialler, callback applier, reconciliation: its watch starts them within a
 * second of the launch), on a fresh PostgreSQL database, the clock of the gate fixed on a
 * Tuesday at 10:00 in Paris (CALLING_CLOCK). The simulator, a third process (callsPerSecond
 * cap 1000, its time sped up by `time-scale`), counts the creates:
 * its stats are sampled every `sample-ms` to time them. Targets: mean rate of creates over
 * the steady part (5% to 95% of the calls) ≥ 0.98 × rate, no rolling second above the rate
 * (`maxCallsPerSecondObserved`), nobody called twice (`numbersCalledMoreThanOnce` empty).
 * Results: a table on stdout and bench/results/calling-dispatch.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { simulatorToken } from '../src/server/features/calling/carrier/configured.ts';
import type { SimulatorStats } from '../src/server/features/calling/carrier/simulator/index.ts';
import { approve, broadcastAwaitingApproval, seedCallingBasics } from './lib/calling-setup.ts';
import { describeMachine, machineNote } from './lib/machine.ts';
import { freshDatabase } from './lib/pg.ts';
import { startSimulatorProcess } from './lib/simulator-process.ts';
import { startWorkerProcess, type LoggedEntry, type WorkerProcess } from './lib/worker-process.ts';
import { freePort } from '../src/server/testing/free-port.ts';

const { values } = parseArgs({
  options: {
    numbers: { type: 'string', default: '30000' },
    rate: { type: 'string', default: '300' },
    'time-scale': { type: 'string', default: '0.01' },
    'sample-ms': { type: 'string', default: '200' },
  },
});
const NUMBERS = Number(values.numbers);
const RATE = Number(values.rate);
const TIME_SCALE = Number(values['time-scale']);
const SAMPLE_MS = Number(values['sample-ms']);
/** A Tuesday at 10:00 in Paris (UTC+1 in December): the windows and the slots are open. */
const TUESDAY_10_PARIS = '2026-12-08T10:00:00+01:00';
const SECRET = 'bench-calling-dispatch-secret-of-at-least-32-characters';
const ACCOUNT_SID = 'ACsimulator';
const ENDED = ['completed', 'busy', 'no_answer', 'failed', 'canceled', 'not_placed'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A list of mobile numbers, each agreeing to calls on weekdays 9:00–19:00, as an import leaves it. */
async function seedList(ctx: AppContext, count: number) {
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
  return Number(list.id);
}

interface Sample {
  /** Milliseconds since the launch, at the middle of the stats request. */
  t: number;
  created: number;
}

/** When the count of creates reached `count`, from the samples (linear between two). */
function timeOf(samples: Sample[], count: number): number {
  const after = samples.findIndex((s) => s.created >= count);
  if (after <= 0) return samples[Math.max(0, after)].t;
  const a = samples[after - 1];
  const b = samples[after];
  return a.t + ((count - a.created) / (b.created - a.created)) * (b.t - a.t);
}

/** Creates in each whole second between two moments (ms), by interpolation. */
function perSecond(samples: Sample[], from: number, to: number): number[] {
  const countAt = (t: number) => {
    const after = samples.findIndex((s) => s.t >= t);
    if (after <= 0) return samples[Math.max(0, after)].created;
    const a = samples[after - 1];
    const b = samples[after];
    return a.created + ((t - a.t) / (b.t - a.t)) * (b.created - a.created);
  };
  const rates: number[] = [];
  for (let t = from; t + 1000 <= to; t += 1000) rates.push(countAt(t + 1000) - countAt(t));
  return rates;
}

interface ProcessFigures {
  cpuSecondsWhileDialling: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

const describeLoad = ({ cpuSecondsWhileDialling, eventLoopDelayMs: d }: ProcessFigures) =>
  `${d.p50} / ${d.p99} / ${d.max} ms, CPU ${cpuSecondsWhileDialling} s`;

const startedAt = machineNote();
const port = await freePort();
const db = await freshDatabase('levier_bench_dispatch');
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATABASE_URL: db.url,
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  SESSION_SECRET: SECRET,
  CARRIER: 'simulator',
  RUN_WORKERS: 'false',
  CALLING_DIALLER: 'false',
});
/** Errors the web server logs, counted by message (the first of each kept): the run's health. */
const logged = new Map<string, LoggedEntry>();
const log = pino(
  { level: 'warn' },
  {
    write: (line: string) => {
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
      const key = entry.msg ?? '?';
      const seen = logged.get(key) ?? { count: 0, first: entry.err?.message ?? '' };
      seen.count++;
      logged.set(key, seen);
    },
  },
) as unknown as FastifyBaseLogger;
const ctx = await createContext(config, { log });
const app = await buildApp(ctx);
await app.listen({ port, host: '127.0.0.1' });
const simulator = await startSimulatorProcess({
  accountSid: ACCOUNT_SID,
  authToken: simulatorToken(SECRET),
  timeScale: TIME_SCALE,
  callsPerSecond: 1000,
  maxConcurrentCalls: 30_000,
});
let worker: WorkerProcess | null = null;
let finished = false;
try {
  const staff = await seedCallingBasics(ctx);
  const listId = await seedList(ctx, NUMBERS);
  const broadcastId = await broadcastAwaitingApproval(ctx, staff, listId, {
    callsPerSecond: RATE,
    rampSeconds: 0,
    maxConcurrent: 5000,
    maxAttempts: 1,
  });
  // Running before the launch, as in production: its watch finds the broadcast running.
  worker = await startWorkerProcess({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    SESSION_SECRET: SECRET,
    PUBLIC_URL: config.publicUrl,
    CAMPAIGN_ID: String(ctx.campaignId),
    CARRIER: 'simulator',
    TWILIO_BASE_URL: simulator.url,
    CALLING_CLOCK: TUESDAY_10_PARIS,
    CALLING_DIALLER: 'true',
  });
  const launched = await approve(ctx, staff, broadcastId);
  const audience = launched.audience.count ?? 0;

  const start = performance.now();
  await worker.startMeasuring();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpuBefore = process.cpuUsage();
  const samples: Sample[] = [{ t: 0, created: 0 }];
  let stats: SimulatorStats;
  let lastProgress = performance.now();
  for (;;) {
    await sleep(SAMPLE_MS);
    const asked = performance.now();
    stats = await simulator.stats();
    const t = (asked + performance.now()) / 2 - start;
    if (stats.callsCreated > samples[samples.length - 1].created) lastProgress = performance.now();
    samples.push({ t, created: stats.callsCreated });
    if (stats.callsCreated >= audience) break;
    if (performance.now() - lastProgress > 30_000) {
      console.error(`No call created for 30 s: ${stats.callsCreated} of ${audience}`);
      break;
    }
  }
  const dialSeconds = timeOf(samples, stats.callsCreated) / 1000;
  delay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const workerLoad = await worker.measure();

  // Every call ends (callbacks applied, numbers settled), the broadcast completes.
  let completedAfter: number | null = null;
  const deadline = performance.now() + 180_000;
  for (;;) {
    const [state] = await ctx.database.query<{ status: string }>(
      sql`SELECT status FROM call_broadcasts WHERE campaign_id = ${ctx.campaignId} AND id = ${broadcastId}`,
    );
    if (state.status === 'completed') {
      completedAfter = (performance.now() - start) / 1000;
      break;
    }
    if (performance.now() > deadline) break;
    await sleep(500);
  }
  stats = await simulator.stats();
  const [settled] = await ctx.database.query<{ attempts: number; ended: number; done: number }>(
    sql`SELECT (SELECT count(*)::int FROM call_attempts WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${broadcastId}) AS attempts,
               (SELECT count(*)::int FROM call_attempts WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${broadcastId}
                  AND state = ANY(${ENDED}::text[])) AS ended,
               (SELECT count(*)::int FROM call_targets WHERE campaign_id = ${ctx.campaignId} AND broadcast_id = ${broadcastId}
                  AND status = 'done') AS done`,
  );

  // The worker's errors are the loops'; the web server's, the callbacks' and answers'.
  const errorsLogged = new Map(logged);
  for (const [msg, entry] of worker.logged) {
    const seen = errorsLogged.get(msg);
    errorsLogged.set(
      msg,
      seen ? { count: seen.count + entry.count, first: seen.first || entry.first } : entry,
    );
  }

  const total = stats.callsCreated;
  const t5 = timeOf(samples, total * 0.05);
  const t95 = timeOf(samples, total * 0.95);
  const steadyRate = (total * 0.9) / ((t95 - t5) / 1000);
  const wholeRate = total / dialSeconds;
  const seconds = perSecond(samples, t5, t95).sort((a, b) => a - b);
  const endedAtCarrier = Object.values(stats.callsByFinalStatus).reduce((a, b) => a + (b ?? 0), 0);
  const doubles = Object.keys(stats.numbersCalledMoreThanOnce).length;
  const result = {
    date: startedAt.at,
    machine: { before: startedAt, after: machineNote() },
    settings: {
      numbers: NUMBERS,
      audience,
      rate: RATE,
      timeScale: TIME_SCALE,
      sampleMs: SAMPLE_MS,
    },
    created: total,
    steadyRate: Number(steadyRate.toFixed(1)),
    wholeRate: Number(wholeRate.toFixed(1)),
    steadyShare: Number((steadyRate / RATE).toFixed(3)),
    secondsInSteadyPart: {
      min: Math.round(seconds[0] ?? 0),
      p5: Math.round(seconds[Math.floor(seconds.length * 0.05)] ?? 0),
      median: Math.round(seconds[Math.floor(seconds.length / 2)] ?? 0),
    },
    dialSeconds: Number(dialSeconds.toFixed(1)),
    maxCallsPerSecondObserved: stats.maxCallsPerSecondObserved,
    numbersCalledMoreThanOnce: doubles,
    createsRefused: stats.createsRefused,
    endedAtCarrier,
    callsByFinalStatus: stats.callsByFinalStatus,
    callbacks: stats.callbacks,
    answerFetches: stats.answerFetches,
    maxConcurrentCallsObserved: stats.maxConcurrentCallsObserved,
    database: settled,
    logged: Object.fromEntries(errorsLogged),
    completedAfterSeconds: completedAfter === null ? null : Number(completedAfter.toFixed(1)),
    /** The web server, receiving the callbacks. */
    benchProcess: {
      cpuSecondsWhileDialling: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      eventLoopDelayMs: {
        p50: Number((delay.percentile(50) / 1e6).toFixed(1)),
        p99: Number((delay.percentile(99) / 1e6).toFixed(1)),
        max: Number((delay.max / 1e6).toFixed(1)),
      },
    },
    /** `levier worker`: the dialler, the callback applier, reconciliation. */
    workerProcess: {
      cpuSecondsWhileDialling: workerLoad.cpuSeconds,
      eventLoopDelayMs: workerLoad.eventLoopDelayMs,
    },
  };
  const pass = {
    rate: steadyRate >= 0.98 * RATE,
    window: stats.maxCallsPerSecondObserved <= RATE,
    doubles: doubles === 0,
  };
  console.log(
    `\nDispatch at ${RATE} calls/s through the simulator (${describeMachine(startedAt)})`,
  );
  console.table({
    'mean rate, steady part (5–95%)': `${result.steadyRate}/s = ${result.steadyShare} × ${RATE} (≥ 0.98: ${pass.rate ? 'PASS' : 'FAIL'})`,
    'mean rate, whole (launch → last create)': `${result.wholeRate}/s over ${result.dialSeconds} s`,
    'seconds of the steady part: min / p5 / median': `${result.secondsInSteadyPart.min} / ${result.secondsInSteadyPart.p5} / ${result.secondsInSteadyPart.median}`,
    'busiest rolling second (simulator)': `${stats.maxCallsPerSecondObserved} (≤ ${RATE}: ${pass.window ? 'PASS' : 'FAIL'})`,
    'numbers called more than once': `${doubles} (${pass.doubles ? 'PASS' : 'FAIL'})`,
    'calls created / ended at the carrier': `${total} / ${endedAtCarrier} of ${audience}`,
    'attempts ended in Levier / numbers done': `${settled.ended} of ${settled.attempts} / ${settled.done}`,
    'broadcast completed after':
      completedAfter === null ? 'not completed' : `${result.completedAfterSeconds} s`,
    'errors logged':
      [...errorsLogged]
        .map(([msg, { count, first }]) => `${msg} ×${count} (${first})`)
        .join('; ') || 'none',
    'callbacks sent / failed': `${stats.callbacks.sent} / ${stats.callbacks.failed}`,
    'worker (dialler): event-loop delay p50 / p99 / max': describeLoad(result.workerProcess),
    'web server (callbacks): event-loop delay p50 / p99 / max': describeLoad(result.benchProcess),
  });
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/calling-dispatch.json', import.meta.url),
    JSON.stringify({ ...result, pass, samples }, null, 2),
  );
  finished = true;
} finally {
  if (finished) await worker?.stop();
  else await worker?.kill();
  await simulator.stop();
  await app.close();
  await closeContext(ctx);
  await db.drop();
}
