/**
 * CSV import of people: Levier's import job against a raw COPY of the same file.
 *   npm run bench -- import [--rows 1000000] [--small 100000] [--no-pglite]
 *   (or: node --import tsx bench/import.ts)
 * Generates a realistic people CSV (French names, unique emails, ~30% phones, real postal
 * codes weighted by population, some tags and consents), then on fresh PostgreSQL databases
 * (TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; default work_mem):
 *   (a) COPY of the file into an unindexed table: the machine's ceiling;
 *   (r) INSERT … SELECT of those raw rows into the migrated people table: what its eight
 *       indexes (one of them a trigram GIN) cost any set-based import, before any checking;
 *   (f) the same rows into a table with only a primary key and a unique email, keyed by
 *       campaign like people: the ceiling of any import that stores people and refuses
 *       duplicate emails;
 *   (b) Levier's import job (runImport, as the queue runs it) for `small` and `rows` rows,
 *       10% of them matching people who exist beforehand;
 *   (c) the same job on embedded PGlite for `small` rows.
 * Results: a table on stdout and bench/results/import.json.
 */
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { openDatabase, runMigrations } from '../src/server/core/db/index.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import {
  importReport,
  runImport,
  storeImport,
} from '../src/server/features/people/import/service.ts';
import { parseOptions } from '../src/server/features/people/import/upload.ts';
import { freshDatabase } from './lib/pg.ts';
import { generate } from './lib/people-csv.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    small: { type: 'string', default: '100000' },
    'no-pglite': { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const SMALL = Number(values.small);

const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
const since = (start: number) => (performance.now() - start) / 1000;

/** The campaign the migrations make, which the raw rows of (r) and (f) belong to. */
const FIRST_CAMPAIGN = 1;

/** (a) COPY into an unindexed table, then (r) INSERT … SELECT into the real people table. */
async function copyBaseline(path: string, rows: number) {
  const db = await freshDatabase('levier_bench_copy');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE bench_raw (email text, prenom text, nom text, telephone text, code_postal text, tags text, consentement text)',
    );
    let start = performance.now();
    await pipeline(
      createReadStream(path),
      client.query(copyFrom('COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    const copySeconds = since(start);

    const database = await openDatabase({ databaseUrl: db.url, poolSize: 2 });
    await runMigrations(database);
    await database.close();
    start = performance.now();
    await client.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, phone, postal_code, source, recruit_code, search_text, confirmed_at)
       SELECT $1, email, lower(email), prenom, nom, telephone, code_postal, 'import', md5(email), lower(prenom || ' ' || nom || ' ' || email), now()
         FROM bench_raw`,
      [FIRST_CAMPAIGN],
    );
    const insertSeconds = since(start);
    await client.query(
      `CREATE TABLE bench_ceiling (campaign_id integer NOT NULL, id bigint NOT NULL, email text, email_normalized text,
                                 first_name text, last_name text, phone text, postal_code text,
                                 PRIMARY KEY (campaign_id, id), UNIQUE (campaign_id, email_normalized))`,
    );
    start = performance.now();
    await client.query(
      `INSERT INTO bench_ceiling SELECT $1, row_number() OVER (), email, lower(email), prenom, nom, telephone, code_postal
         FROM bench_raw`,
      [FIRST_CAMPAIGN],
    );
    const ceilingSeconds = since(start);
    return {
      copy: { rows, seconds: copySeconds, rowsPerSecond: rate(rows, copySeconds) },
      insertSelect: { rows, seconds: insertSeconds, rowsPerSecond: rate(rows, insertSeconds) },
      ceiling: { rows, seconds: ceilingSeconds, rowsPerSecond: rate(rows, ceilingSeconds) },
    };
  } finally {
    await client.end();
    await db.drop();
  }
}

/** (b)/(c) Levier's import job on a fresh database with 10% of the rows known beforehand. */
async function levierImport(
  engine: 'postgres' | 'pglite',
  path: string,
  rows: number,
  existing: string[],
) {
  const db = engine === 'postgres' ? await freshDatabase('levier_bench_import') : undefined;
  const dataDir =
    engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'levier-bench-pglite-')) : undefined;
  const logs: Array<{ seconds?: Record<string, number>; msg?: string }> = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => logs.push(JSON.parse(line)) },
  ) as unknown as FastifyBaseLogger;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    ...(db ? { DATABASE_URL: db.url } : { DATA_DIR: dataDir }),
  });
  const ctx: AppContext = await createContext(config, { log });
  try {
    for (let i = 0; i < existing.length; i += 10_000) {
      const batch = existing.slice(i, i + 10_000);
      await ctx.database.query(
        `INSERT INTO people (campaign_id, email, email_normalized, first_name, source, recruit_code, search_text, confirmed_at)
         SELECT $1, e, e, 'Déjà', 'signup', 'pre' || md5(e), e, now() FROM unnest($2::text[]) AS e`,
        [ctx.campaignId, batch],
      );
    }
    const upload = {
      path,
      fileName: 'bench.csv',
      size: statSync(path).size,
      encoding: 'utf-8' as const,
      options: parseOptions({ mapping: {}, tags: ['bench-import'] }),
      dispose: async () => undefined,
    };
    let start = performance.now();
    const id = await storeImport(ctx, upload, null);
    const uploadSeconds = since(start);

    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      peakHeap = Math.max(peakHeap, memory.heapUsed);
    };
    sample();
    // PGlite runs in this thread: the timer fires only between its statements.
    const sampler = setInterval(sample, 100);
    start = performance.now();
    await runImport(ctx, id);
    const jobSeconds = since(start);
    clearInterval(sampler);
    sample();

    const report = await importReport(ctx, id);
    if (report.status !== 'applied' || report.createdCount + report.mergedCount !== rows) {
      throw new Error(
        `unexpected result: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 5), sample: [] })}`,
      );
    }
    return {
      engine,
      rows,
      created: report.createdCount,
      merged: report.mergedCount,
      uploadSeconds,
      jobSeconds,
      rowsPerSecond: rate(rows, jobSeconds),
      rowsPerSecondWithUpload: rate(rows, jobSeconds + uploadSeconds),
      phases: logs.find((l) => l.msg === 'import finished')?.seconds ?? {},
      peakRssMb: Math.round(peakRss / 1_048_576),
      peakHeapMb: Math.round(peakHeap / 1_048_576),
    };
  } finally {
    await closeContext(ctx);
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'levier-bench-import-'));
try {
  const bigPath = join(dir, `people-${ROWS}.csv`);
  const smallPath = join(dir, `people-${SMALL}.csv`);
  console.log(
    `Generating ${ROWS.toLocaleString('en')} and ${SMALL.toLocaleString('en')} rows in ${dir} …`,
  );
  const bigExisting = await generate(bigPath, ROWS);
  const smallExisting = await generate(smallPath, SMALL);
  const megabytes = (p: string) => Math.round(statSync(p).size / 1_048_576);

  console.log('(a) COPY into an unindexed table, (r) INSERT … SELECT into people …');
  const baseline = await copyBaseline(bigPath, ROWS);
  console.log(`(b) Levier import, PostgreSQL, ${SMALL.toLocaleString('en')} rows …`);
  const small = await levierImport('postgres', smallPath, SMALL, smallExisting);
  console.log(`(b) Levier import, PostgreSQL, ${ROWS.toLocaleString('en')} rows …`);
  const big = await levierImport('postgres', bigPath, ROWS, bigExisting);
  let pglite: Awaited<ReturnType<typeof levierImport>> | null = null;
  if (!values['no-pglite']) {
    console.log(`(c) Levier import, PGlite, ${SMALL.toLocaleString('en')} rows …`);
    pglite = await levierImport('pglite', smallPath, SMALL, smallExisting);
  }

  const ratios = {
    importVsCopy: big.rowsPerSecond / baseline.copy.rowsPerSecond,
    importVsInsertSelect: big.rowsPerSecond / baseline.insertSelect.rowsPerSecond,
    ceilingVsCopy: baseline.ceiling.rowsPerSecond / baseline.copy.rowsPerSecond,
    scaling: big.rowsPerSecond / small.rowsPerSecond,
  };
  const line = (label: string, rows: number, seconds: number, perSecond: number, note = '') =>
    console.log(
      `${label.padEnd(44)} ${rows.toLocaleString('en').padStart(10)} ${seconds.toFixed(1).padStart(8)} s ${perSecond.toLocaleString('en').padStart(10)} rows/s  ${note}`,
    );
  const phases = (r: typeof big) =>
    `${Object.entries(r.phases)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(
        ', ',
      )}; upload ${r.uploadSeconds.toFixed(1)} s; peak heap ${r.peakHeapMb} MB, RSS ${r.peakRssMb} MB`;
  console.log(
    `\nFile: ${megabytes(bigPath)} MB for ${ROWS.toLocaleString('en')} rows; PostgreSQL default work_mem.\n`,
  );
  line('(a) COPY, unindexed table', ROWS, baseline.copy.seconds, baseline.copy.rowsPerSecond);
  line(
    '(r) INSERT … SELECT into people (indexes)',
    ROWS,
    baseline.insertSelect.seconds,
    baseline.insertSelect.rowsPerSecond,
  );
  line(
    '(f) INSERT … SELECT, only PK + unique email',
    ROWS,
    baseline.ceiling.seconds,
    baseline.ceiling.rowsPerSecond,
  );
  line(
    '(b) Levier import job, PostgreSQL',
    SMALL,
    small.jobSeconds,
    small.rowsPerSecond,
    phases(small),
  );
  line('(b) Levier import job, PostgreSQL', ROWS, big.jobSeconds, big.rowsPerSecond, phases(big));
  if (pglite)
    line(
      '(c) Levier import job, PGlite',
      SMALL,
      pglite.jobSeconds,
      pglite.rowsPerSecond,
      phases(pglite),
    );
  console.log(
    `\nimport(${ROWS.toLocaleString('en')}) / COPY        = ${ratios.importVsCopy.toFixed(3)}   (target >= 0.2)`,
  );
  console.log(
    `import(${ROWS.toLocaleString('en')}) / INSERT…SELECT = ${ratios.importVsInsertSelect.toFixed(3)}`,
  );
  console.log(
    `ceiling: PK + unique email only / COPY = ${ratios.ceilingVsCopy.toFixed(3)}   (no import storing people with a unique email beats this)`,
  );
  console.log(
    `rate(${ROWS.toLocaleString('en')}) / rate(${SMALL.toLocaleString('en')}) = ${ratios.scaling.toFixed(3)}   (target >= 0.8)`,
  );

  const resultsDir = new URL('./results/', import.meta.url).pathname;
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, 'import.json'),
    `${JSON.stringify({ at: new Date().toISOString(), fileMegabytes: megabytes(bigPath), baseline, small, big, pglite, ratios }, null, 2)}\n`,
  );
  console.log(`\nWritten to bench/results/import.json`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
