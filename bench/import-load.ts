/**
 * An import under load: what a running import costs everyone else.
 *   npm run bench -- import-load [--rows 1000000] [--rate 100] [--baseline-seconds 30]
 *                                [--pglite-rows 100000] [--no-postgres] [--no-pglite]
 *                                [--worker-process] [--reference]
 * (1) PostgreSQL (TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres): the
 *     real server (`levier serve`, workers in the same process, as by default) under an
 *     OPEN-LOOP load of `rate` sign-ups a second — a timer sends each request at its
 *     scheduled time whatever the answers, and latency counts from that time, so a stalled
 *     server shows as queued requests, not as fewer requests. First `baseline-seconds` with no
 *     import, then for the whole run of a `rows`-row import (10% of its rows known beforehand;
 *     one sign-up in ten is for an address of the file). Target: p99 during the import
 *     <= 2 × p99 without it.
 *     --reference: instead of the import, the least any import of as many new people does to
 *     the database (plain paced INSERTs from the benchmark's process): what the target costs on
 *     this machine whatever the import's code.
 * (2) PGlite, in this process (PGlite runs in the server's thread): a `pglite-rows` import
 *     while the app answers GET /api/site ten times a second; every slice's transaction is
 *     timed (target: none over 50 ms) and the event loop's delay sampled with
 *     perf_hooks.monitorEventLoopDelay (target: p99 <= 100 ms).
 * Results: stdout and bench/results/import-load.json.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { closeContext, createContext, startJobs } from '../src/server/core/runtime.ts';
import { sendJob } from '../src/server/core/jobs/index.ts';
import {
  importJob,
  importReport,
  runImport,
  storeImport,
} from '../src/server/features/people/import/service.ts';
import { BUSY_SHARE, READ_SHARE } from '../src/server/features/people/import/apply.ts';
import { Pacer } from '../src/server/core/event-loop.ts';
import { IMPORT_GIN_PENDING_LIMIT } from '../src/server/features/people/import/session.ts';
import { parseOptions } from '../src/server/features/people/import/upload.ts';
import { generate } from './lib/people-csv.ts';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';
import { registerFeatureJobs } from '../src/server/features/jobs.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '100' },
    'baseline-seconds': { type: 'string', default: '30' },
    'pglite-rows': { type: 'string', default: '100000' },
    'no-postgres': { type: 'boolean', default: false },
    'no-pglite': { type: 'boolean', default: false },
    'worker-process': { type: 'boolean', default: false },
    reference: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const RATE = Number(values.rate);
const BASELINE_SECONDS = Number(values['baseline-seconds']);
const PGLITE_ROWS = Number(values['pglite-rows']);
const PORT = 3903;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const round = (ms: number) => Math.round(ms * 10) / 10;
function stats(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50ms: round(percentile(sorted, 50)),
    p95ms: round(percentile(sorted, 95)),
    p99ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

interface Sent {
  scheduled: number;
  latency: number;
  ok: boolean;
}

/**
 * Sends `rate` requests a second, each at its scheduled time, until `stop()` says so; the
 * latency of each counts from its scheduled time (a late send is the server's delay too).
 */
async function openLoop(
  rate: number,
  stop: () => boolean,
  send: (n: number) => Promise<boolean>,
): Promise<Sent[]> {
  const interval = 1000 / rate;
  const start = performance.now();
  const sent: Sent[] = [];
  const pending: Promise<void>[] = [];
  for (let n = 0; !stop(); n++) {
    const scheduled = start + n * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      send(n).then(
        (ok) => void sent.push({ scheduled, latency: performance.now() - scheduled, ok }),
        () => void sent.push({ scheduled, latency: performance.now() - scheduled, ok: false }),
      ),
    );
  }
  await Promise.all(pending);
  return sent;
}

/** The people known before the import (in batches of 10,000), then fresh statistics. */
async function insertExisting(ctx: AppContext, existing: string[]) {
  for (let i = 0; i < existing.length; i += 10_000) {
    await ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, source, recruit_code, search_text, confirmed_at)
       SELECT $1, e, e, 'Déjà', 'signup', 'pre' || md5(e), e, now() FROM unnest($2::text[]) AS e`,
      [ctx.campaignId, existing.slice(i, i + 10_000)],
    );
  }
  await ctx.database.query('ANALYZE people');
}

/** Stores the file as the upload route would, with no mapping; returns the import's id. */
function storeFile(ctx: AppContext, path: string) {
  return storeImport(
    ctx,
    {
      path,
      fileName: 'load.csv',
      size: statSync(path).size,
      encoding: 'utf-8',
      options: parseOptions({ mapping: {}, tags: ['bench-load'] }),
      dispose: async () => undefined,
    },
    null,
  );
}

const postalCodes = ['75011', '69001', '13001', '31000', '33000', '44000', '59000', '67000'];

type SignUp = (n: number) => Promise<boolean>;

/** The import under the load, queued as the upload route would; the server's worker runs it. */
async function importUnderLoad(ctx: AppContext, path: string, signUp: SignUp) {
  const id = await storeFile(ctx, path);
  await sendJob(ctx, importJob, { campaignId: ctx.campaignId, importId: id });
  let runningFrom = Infinity;
  let runningTo = Infinity;
  let status = 'queued';
  // When the import moved from reading the file to applying it (progress passes READ_SHARE).
  let applyingFrom = Infinity;
  const watcher = (async () => {
    while (status === 'queued' || status === 'running') {
      await sleep(200);
      const report = await importReport(ctx, id);
      status = report.status;
      if (status === 'running' && runningFrom === Infinity) runningFrom = performance.now();
      if ((report.progress ?? 0) > READ_SHARE && applyingFrom === Infinity)
        applyingFrom = performance.now();
    }
    runningTo = performance.now();
  })();
  const during = await openLoop(RATE, () => runningTo !== Infinity, signUp);
  await watcher;
  const report = await importReport(ctx, id);
  if (report.status !== 'applied') throw new Error(`import ${report.status}: ${report.problem}`);
  return {
    during,
    runningFrom,
    runningTo,
    applyingFrom,
    created: report.createdCount,
    merged: report.mergedCount,
  };
}

/**
 * The least any import of `rows` new people does to the database, as a reference: from this
 * process (no file to read, nothing in the server's thread), plain INSERTs of generated people
 * (their search text included, so every index of people is kept up), 5,000 a statement, each
 * its own transaction, working the same share of the time as a paced import.
 */
async function referenceUnderLoad(ctx: AppContext, rows: number, signUp: SignUp) {
  const pacer = new Pacer(BUSY_SHARE);
  let runningTo = Infinity;
  const runningFrom = performance.now();
  // One connection, which merges its own GIN entries as the import's does (session.ts).
  const client = await ctx.database.pool!.connect();
  await client.query(`SET gin_pending_list_limit = '${IMPORT_GIN_PENDING_LIMIT}'`);
  const inserting = (async () => {
    for (let from = 1; from <= rows; from += 5_000) {
      await client.query(
        `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, postal_code, source,
                             recruit_code, search_text, consent_email, confirmed_at)
         SELECT $1, e, e, 'Prénom' || g, 'Nom' || (g::bigint * 7919 % 100000), '75011', 'import', 'ref' || md5(e),
                'prenom' || g || ' nom' || (g::bigint * 7919 % 100000) || ' ' || e, true, now()
           FROM generate_series($2::int, $3::int) g, LATERAL (SELECT 'reference.' || g || '@example.org' AS e) x`,
        [ctx.campaignId, from, Math.min(rows, from + 4_999)],
      );
      await pacer.rest();
    }
  })().finally(() => {
    runningTo = performance.now();
    client.release();
  });
  const during = await openLoop(RATE, () => runningTo !== Infinity, signUp);
  await inserting;
  return { during, runningFrom, runningTo, applyingFrom: runningFrom, created: rows, merged: 0 };
}

async function postgresUnderLoad(path: string, rows: number, existing: string[], inFile: string[]) {
  const db = await freshDatabase('levier_bench_import_load');
  const logs: Array<{ msg?: string; seconds?: Record<string, number>; slowestSliceMs?: number }> =
    [];
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let worker: Awaited<ReturnType<typeof startServer>> | undefined;
  let ctx: AppContext | undefined;
  try {
    server = await startServer(
      ['bin/levier.mjs', 'serve'],
      {
        DATABASE_URL: db.url,
        DATABASE_POOL_SIZE: '10',
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SIGNUP_RATE_LIMIT: '1000000000',
        ...(values['worker-process'] ? { RUN_WORKERS: 'false' } : {}),
      },
      `http://127.0.0.1:${PORT}/api/site`,
    );
    // With --worker-process the jobs (the import) run in a `levier worker` process of their own,
    // as a deployment that separates them does; the server only answers requests.
    if (values['worker-process'])
      worker = await startServer(
        ['bin/levier.mjs', 'worker'],
        { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'warn' },
        `http://127.0.0.1:${PORT}/api/site`,
      );
    // This process stores the file and queues the job, as the upload route would; the
    // server's worker runs it.
    const log = pino(
      { level: 'info' },
      { write: (line: string) => logs.push(JSON.parse(line)) },
    ) as unknown as FastifyBaseLogger;
    ctx = await createContext(
      loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_URL: db.url }),
      { log },
    );
    await startJobs(ctx, false, registerFeatureJobs);
    await insertExisting(ctx, existing);

    const prefix = `${process.pid}${Date.now()}`;
    let fromFile = 0;
    const signUp: SignUp = async (n) => {
      // One sign-up in ten for an address of the file, which the import may be inserting.
      const email =
        n % 10 === 0 && fromFile < inFile.length
          ? inFile[fromFile++]
          : `load.${prefix}.${n}@example.org`;
      const response = await fetch(`http://127.0.0.1:${PORT}/api/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          firstName: 'Charge',
          // Letters only, never "www" (a name that reads as a link is refused).
          lastName: `Personne ${n.toString(26).replace(/\d/g, (d) => 'qrstuvkxyz'[Number(d)])}`,
          email,
          postalCode: postalCodes[n % postalCodes.length],
          consents: { email: true, sms: false, phone: false },
        }),
      });
      await response.arrayBuffer();
      return response.ok;
    };

    // Warm-up, not counted: the first requests pay for JIT compilation and statement plans.
    const warm = performance.now() + 5_000;
    await openLoop(RATE, () => performance.now() >= warm, signUp);
    console.log(`(1) ${BASELINE_SECONDS} s of ${RATE} sign-ups/s without an import …`);
    const baselineEnd = performance.now() + BASELINE_SECONDS * 1000;
    const before = await openLoop(RATE, () => performance.now() >= baselineEnd, signUp);

    console.log(`(1) the same load during a ${rows.toLocaleString('en')}-row import …`);
    const run = values.reference
      ? await referenceUnderLoad(ctx, rows, signUp)
      : await importUnderLoad(ctx, path, signUp);
    const { during, runningFrom, runningTo, applyingFrom } = run;
    const inImport = during.filter((s) => s.scheduled >= runningFrom && s.scheduled <= runningTo);
    const [imported] = await ctx.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM people WHERE campaign_id = $1',
      [ctx.campaignId],
    );
    return {
      rows,
      rate: RATE,
      importSeconds: round((runningTo - runningFrom) / 1000),
      importRowsPerSecond: Math.round(rows / ((runningTo - runningFrom) / 1000)),
      reference: values.reference,
      created: run.created,
      merged: run.merged,
      people: imported.n,
      without: {
        ...stats(before.map((s) => s.latency)),
        failed: before.filter((s) => !s.ok).length,
      },
      during: {
        ...stats(inImport.map((s) => s.latency)),
        failed: inImport.filter((s) => !s.ok).length,
      },
      // Which part of the import slows sign-ups down: reading and staging the file, or the
      // slices that apply it.
      duringReading: stats(
        inImport.filter((s) => s.scheduled < applyingFrom).map((s) => s.latency),
      ),
      duringApplying: stats(
        inImport.filter((s) => s.scheduled >= applyingFrom).map((s) => s.latency),
      ),
      readingSeconds: round((Math.min(applyingFrom, runningTo) - runningFrom) / 1000),
    };
  } finally {
    if (ctx) await closeContext(ctx);
    if (server) await stopServer(server);
    if (worker) await stopServer(worker);
    await db.drop();
  }
}

/**
 * Times every statement sent outside a transaction (the import's whole-file steps, the pages'
 * reads; slices are timed by their hook): PGlite runs each in the server's thread, so its time
 * is how long it held the server.
 */
function timeStatements(ctx: AppContext) {
  const pglite = ctx.database.pglite!;
  const over: { ms: number; sql: string }[] = [];
  const timed =
    <A extends [string, ...unknown[]], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        return await run(...args);
      } finally {
        const ms = performance.now() - started;
        if (ms > 50) over.push({ ms: round(ms), sql: args[0].replace(/\s+/g, ' ').slice(0, 90) });
      }
    };
  pglite.query = timed(pglite.query.bind(pglite)) as typeof pglite.query;
  pglite.exec = timed(pglite.exec.bind(pglite)) as typeof pglite.exec;
  return { slowest: () => [...over].sort((a, b) => b.ms - a.ms).slice(0, 15) };
}

async function pgliteInProcess(path: string, rows: number, existing: string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'levier-bench-load-pglite-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const ctx = await createContext(config);
  try {
    await insertExisting(ctx, existing);
    const app = await buildApp(ctx);
    await app.ready();
    const id = await storeFile(ctx, path);
    const slices: number[] = [];
    const sliceRows: number[] = [];
    const held = timeStatements(ctx);
    const slow: { slice: number; ms: number; rows: number }[] = [];
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let done = false;
    delay.enable();
    const started = performance.now();
    const [pages] = await Promise.all([
      openLoop(
        10,
        () => done,
        async () => (await app.inject({ method: 'GET', url: '/api/site' })).statusCode === 200,
      ),
      runImport(ctx, id, {
        afterSlice: ({ ms, rows: n }) => {
          if (ms > 50) slow.push({ slice: slices.length, ms: round(ms), rows: n });
          slices.push(ms);
          sliceRows.push(n);
        },
      }).finally(() => {
        done = true;
      }),
    ]);
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    await app.close();
    const report = await importReport(ctx, id);
    if (report.status !== 'applied') throw new Error(`import ${report.status}: ${report.problem}`);
    const sorted = [...slices].sort((a, b) => a - b);
    const ms = (ns: number) => round(ns / 1e6);
    return {
      rows,
      seconds: round(seconds),
      rowsPerSecond: Math.round(rows / seconds),
      slices: {
        count: slices.length,
        p50ms: round(percentile(sorted, 50)),
        p99ms: round(percentile(sorted, 99)),
        maxMs: round(sorted.at(-1) ?? 0),
        over50ms: slices.filter((s) => s > 50).length,
        meanRows: Math.round(sliceRows.reduce((a, b) => a + b, 0) / Math.max(1, sliceRows.length)),
      },
      eventLoopDelay: {
        p50ms: ms(delay.percentile(50)),
        p99ms: ms(delay.percentile(99)),
        maxMs: ms(delay.max),
      },
      pages: { ...stats(pages.map((s) => s.latency)), failed: pages.filter((s) => !s.ok).length },
      statementsOver50ms: held.slowest(),
      slicesOver50ms: slow.slice(0, 30),
    };
  } finally {
    await closeContext(ctx);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'levier-bench-import-load-'));
try {
  const results: Record<string, unknown> = { at: new Date().toISOString() };
  if (!values['no-postgres']) {
    const path = join(dir, `people-${ROWS}.csv`);
    const inFile: string[] = [];
    console.log(`Generating ${ROWS.toLocaleString('en')} rows …`);
    const existing = await generate(path, ROWS, inFile);
    const pgResult = await postgresUnderLoad(path, ROWS, existing, inFile);
    results.postgres = pgResult;
    console.log('\n(1) PostgreSQL, open-loop sign-ups, latency from the scheduled time');
    console.table({
      'without import': pgResult.without,
      'during import': pgResult.during,
      '… reading the file': pgResult.duringReading,
      '… applying slices': pgResult.duringApplying,
    });
    console.log(
      `import: ${pgResult.rows.toLocaleString('en')} rows in ${pgResult.importSeconds} s (${pgResult.importRowsPerSecond.toLocaleString('en')} rows/s); ` +
        `p99 during / without = ${(pgResult.during.p99ms / pgResult.without.p99ms).toFixed(2)} (target <= 2)`,
    );
  }
  if (!values['no-pglite']) {
    const path = join(dir, `people-${PGLITE_ROWS}.csv`);
    console.log(`\nGenerating ${PGLITE_ROWS.toLocaleString('en')} rows …`);
    const existing = await generate(path, PGLITE_ROWS);
    console.log('(2) PGlite, in process …');
    const pgliteResult = await pgliteInProcess(path, PGLITE_ROWS, existing);
    results.pglite = pgliteResult;
    console.log('\n(2) PGlite, import in the server process');
    console.table({
      'slice transactions': pgliteResult.slices,
      'event-loop delay': pgliteResult.eventLoopDelay,
      'GET /api/site': pgliteResult.pages,
    });
    console.log('Statements outside slices over 50 ms:');
    console.table(pgliteResult.statementsOver50ms);
    console.log('Slices over 50 ms (first 30):');
    console.table(pgliteResult.slicesOver50ms);
    console.log(
      `import: ${PGLITE_ROWS.toLocaleString('en')} rows in ${pgliteResult.seconds} s (${pgliteResult.rowsPerSecond.toLocaleString('en')} rows/s); ` +
        `slowest slice ${pgliteResult.slices.maxMs} ms (target <= 50), event-loop delay p99 ${pgliteResult.eventLoopDelay.p99ms} ms (target <= 100)`,
    );
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/import-load.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to bench/results/import-load.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
