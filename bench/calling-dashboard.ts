/**
 * A voice broadcast's live dashboard (`broadcastDashboard`, what GET
 * /api/calling/broadcasts/:id/dashboard answers) at two sizes:
 *   npm run bench -- calling-dashboard [--small 60000] [--large 6000000] [--requests 2000] [--rounds 8]
 * Each size in its own fresh database: a running broadcast written by SQL as it would be left
 * (bench/lib/broadcast-seed.ts: one attempt per number, dialled at 300 a second up to now,
 * 5,000 calls open, the others ended; its counts per hour and département compacted, 2,000
 * delta rows not merged yet), then vacuumed and analysed. Timed: `requests` dashboards a size,
 * one after another, in `rounds` rounds alternating the sizes (which goes first alternates
 * too); before each round, the newest 30,000 attempts' dial times are moved to now, so that
 * the last minute holds 18,000 dials at every round, and the table vacuumed; 20 untimed
 * requests warm each round up. Target: p99 at `large` ≤ 1.2 × p99 at `small`.
 * Results: a table on stdout and bench/results/calling-dashboard.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { broadcastDashboard } from '../src/server/features/calling/broadcasts/dashboard.ts';
import { retimeTail, seedRunningBroadcast, type SeededBroadcast } from './lib/broadcast-seed.ts';
import { describeMachine, machineNote } from './lib/machine.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '60000' },
    large: { type: 'string', default: '6000000' },
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '8' },
  },
});
const SIZES = [Number(values.small), Number(values.large)];
const REQUESTS = Number(values.requests);
const ROUNDS = Number(values.rounds);
const PACE = 300;
const OPEN = 5000;
const TAIL = 30_000;
const WARM_UP = 20;

interface Size {
  attempts: number;
  ctx: AppContext;
  seeded: SeededBroadcast;
  seedSeconds: number;
  timings: number[];
  lastMinute: number[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => Number(value.toFixed(2));

/** A fresh database with the broadcast seeded; its dropper is kept before the seed can fail. */
async function prepare(attempts: number, droppers: Array<() => Promise<void>>): Promise<Size> {
  const db = await freshDatabase('levier_bench_dashboard');
  droppers.push(db.drop);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '4',
  });
  const ctx = await createContext(config);
  droppers.unshift(() => closeContext(ctx));
  const start = performance.now();
  console.log(`Seeding a broadcast of ${attempts.toLocaleString('en')} attempts…`);
  const seeded = await seedRunningBroadcast(ctx, {
    attempts,
    pace: PACE,
    open: OPEN,
    deltas: 2000,
  });
  const seedSeconds = (performance.now() - start) / 1000;
  return { attempts, ctx, seeded, seedSeconds, timings: [], lastMinute: [] };
}

async function round(size: Size, count: number) {
  await retimeTail(size.ctx, size.seeded, size.attempts, Math.min(TAIL, size.attempts - OPEN));
  const id = size.seeded.broadcastId;
  for (let i = 0; i < WARM_UP; i++) await broadcastDashboard(size.ctx, id);
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const dashboard = await broadcastDashboard(size.ctx, id);
    size.timings.push(performance.now() - start);
    if (i === 0) size.lastMinute.push(Math.round(dashboard.currentRate * 60));
  }
}

const startedAt = machineNote();
const sizes: Size[] = [];
const droppers: Array<() => Promise<void>> = [];
try {
  for (const attempts of SIZES) sizes.push(await prepare(attempts, droppers));
  const perRound = Math.ceil(REQUESTS / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? sizes : [...sizes].reverse();
    for (const size of order) await round(size, perRound);
  }
  const [explain] = await sizes[1].ctx.database.query<{ 'QUERY PLAN': unknown }>(
    sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
        SELECT (SELECT count(*)::int FROM call_attempts WHERE campaign_id = ${sizes[1].ctx.campaignId}
                  AND broadcast_id = ${sizes[1].seeded.broadcastId}
                  AND state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled', 'not_placed')) AS in_call,
               (SELECT count(*)::int FROM call_attempts WHERE campaign_id = ${sizes[1].ctx.campaignId}
                  AND broadcast_id = ${sizes[1].seeded.broadcastId} AND dialled_at > now() - interval '1 minute') AS last_minute`,
  );
  const results = sizes.map((size) => {
    const sorted = [...size.timings].sort((a, b) => a - b);
    return {
      attempts: size.attempts,
      seedSeconds: Number(size.seedSeconds.toFixed(1)),
      requests: sorted.length,
      p50ms: ms(percentile(sorted, 50)),
      p95ms: ms(percentile(sorted, 95)),
      p99ms: ms(percentile(sorted, 99)),
      maxMs: ms(sorted[sorted.length - 1]),
      lastMinuteDialsSeen: size.lastMinute,
    };
  });
  const [small, large] = results;
  const ratio = large.p99ms / small.p99ms;
  console.log(`\nBroadcast dashboard (PostgreSQL), ${describeMachine(startedAt)}`);
  console.table(
    Object.fromEntries(
      results.map((r) => [
        `${r.attempts.toLocaleString('en')} attempts`,
        {
          requests: r.requests,
          p50ms: r.p50ms,
          p95ms: r.p95ms,
          p99ms: r.p99ms,
          maxMs: r.maxMs,
          seedSeconds: r.seedSeconds,
        },
      ]),
    ),
  );
  console.log(
    `p99 at ${large.attempts} / at ${small.attempts}: ${ratio.toFixed(2)} (target ≤ 1.2: ${ratio <= 1.2 ? 'PASS' : 'FAIL'}); ` +
      `dials in the last minute seen by the first request of each round: ${small.lastMinuteDialsSeen.join(', ')} / ${large.lastMinuteDialsSeen.join(', ')}`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/calling-dashboard.json', import.meta.url),
    JSON.stringify(
      {
        date: startedAt.at,
        machine: { before: startedAt, after: machineNote() },
        settings: { requests: REQUESTS, rounds: ROUNDS, pace: PACE, open: OPEN, tail: TAIL },
        results,
        ratio: Number(ratio.toFixed(2)),
        liveCountsPlanAtLarge: explain['QUERY PLAN'],
      },
      null,
      2,
    ),
  );
} finally {
  for (const drop of droppers) await drop();
}
