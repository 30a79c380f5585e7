/**
 * Import of Base Adresse Nationale addresses (gzipped), with the link to polling stations:
 *   npm run bench -- field-address-import [--rows 1000000] [--small 100000] [--no-pglite]
 * Generates a département-like BAN file and INSEE's polling-station address table (REU) for
 * 90% of its addresses, then, on fresh PostgreSQL databases (default settings):
 *   (r) the reference: gunzip + parse in Node (the same reader) + a raw COPY of the parsed
 *       rows into `field_addresses`, with its indexes, no link;
 *   (l) Levier's import job (runFieldImport, reading the file stored as an upload leaves it),
 *       the REU table imported before, for `small` and `rows` rows;
 *   (p) the same job on embedded PGlite for `small` rows.
 * Results: a table on stdout and bench/results/field-address-import.json.
 */
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { openDatabase, runMigrations } from '../src/server/core/db/index.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { readBanAddresses } from '../src/server/features/field/addresses/parse.ts';
import { fieldImport, runFieldImport } from '../src/server/features/field/imports/service.ts';
import { copyValue } from '../src/server/features/people/import/session.ts';
import { writeBanFiles } from './lib/ban-file.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    small: { type: 'string', default: '100000' },
    'no-pglite': { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const SMALL = Number(values.small);
const since = (start: number) => (performance.now() - start) / 1000;
const rate = (rows: number, seconds: number) => Math.round(rows / seconds);

/** (r) gunzip + parse + COPY into the migrated table, as fast as Node and PostgreSQL go. */
async function reference(banPath: string) {
  const db = await freshDatabase('levier_bench_ban_ref');
  const database = await openDatabase({ databaseUrl: db.url, poolSize: 2 });
  await runMigrations(database);
  await database.close();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const start = performance.now();
    const copy = client.query(
      copyFrom(
        'COPY field_addresses (campaign_id, ban_id, street_key, street_name, number, suffix, postal_code, commune_code, commune_name, lon, lat, location) FROM STDIN',
      ),
    );
    const done = once(copy, 'finish');
    let rows = 0;
    for await (const event of readBanAddresses(createReadStream(banPath))) {
      if (event.type !== 'addresses') continue;
      const lines = event.addresses.map((a) =>
        [
          1,
          a.banId,
          a.streetKey,
          a.streetName,
          a.number,
          a.suffix,
          a.postalCode,
          a.communeCode,
          a.communeName,
          a.lon,
          a.lat,
          `(${a.lon},${a.lat})`,
        ]
          .map(copyValue)
          .join('\t'),
      );
      rows += lines.length;
      if (!copy.write(lines.join('\n') + '\n')) await once(copy, 'drain');
    }
    copy.end();
    await done;
    return { rows, seconds: since(start) };
  } finally {
    await client.end();
    await db.drop();
  }
}

/** Stores a file as an upload leaves it and queues nothing: the bench runs the job itself. */
async function storeUpload(ctx: AppContext, kind: 'reu' | 'addresses', path: string) {
  const [row] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO field_imports (campaign_id, kind, file_name, size, status)
        VALUES (${ctx.campaignId}, ${kind}, ${path}, ${statSync(path).size}, 'queued') RETURNING id`,
  );
  let seq = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    await ctx.database.query(
      sql`INSERT INTO field_import_files (campaign_id, import_id, seq, data)
          VALUES (${ctx.campaignId}, ${row.id}, ${seq++}, ${chunk as Buffer})`,
    );
  }
  return Number(row.id);
}

/** (l)/(p) The import job on a fresh database, the REU table imported first. */
async function levier(engine: 'postgres' | 'pglite', banPath: string, reuPath: string) {
  const db = engine === 'postgres' ? await freshDatabase('levier_bench_ban') : undefined;
  const dataDir =
    engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'levier-bench-pglite-')) : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    ...(db ? { DATABASE_URL: db.url } : { DATA_DIR: dataDir }),
  });
  const logs: Array<{ msg?: string; seconds?: Record<string, number> }> = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => logs.push(JSON.parse(line)) },
  ) as unknown as FastifyBaseLogger;
  const ctx = await createContext(config, { log });
  try {
    const reuId = await storeUpload(ctx, 'reu', reuPath);
    await runFieldImport(ctx, reuId);
    const banId = await storeUpload(ctx, 'addresses', banPath);
    const start = performance.now();
    await runFieldImport(ctx, banId);
    const seconds = since(start);
    const report = await fieldImport(ctx, banId);
    if (report.status !== 'succeeded') throw new Error(JSON.stringify(report));
    const phases = logs.findLast((l) => l.msg === 'field addresses imported')?.seconds ?? {};
    return { engine, seconds, nearestSeconds: phases.nearest ?? 0, phases, counts: report.counts };
  } finally {
    await closeContext(ctx);
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'levier-bench-ban-'));
try {
  const files = async (rows: number) => {
    const ban = join(dir, `adresses-${rows}.csv.gz`);
    const reu = join(dir, `reu-${rows}.csv`);
    const stats = await writeBanFiles(ban, reu, rows);
    return { ban, reu, stats };
  };
  console.log(`Generating ${SMALL.toLocaleString('en')} and ${ROWS.toLocaleString('en')} rows…`);
  const small = await files(SMALL);
  const big = await files(ROWS);
  const results = [];
  for (const { ban, reu, stats } of [small, big]) {
    const ref = await reference(ban);
    const job = await levier('postgres', ban, reu);
    const ratio = job.seconds / ref.seconds;
    const withoutNearest = (job.seconds - job.nearestSeconds) / ref.seconds;
    results.push({
      nearestSeconds: Number(job.nearestSeconds.toFixed(2)),
      ratioWithoutNearest: Number(withoutNearest.toFixed(2)),
      phases: job.phases,
      rows: stats.rows,
      gzipMb: Math.round(statSync(ban).size / 1_048_576),
      referenceSeconds: Number(ref.seconds.toFixed(2)),
      levierSeconds: Number(job.seconds.toFixed(2)),
      ratio: Number(ratio.toFixed(2)),
      rowsPerSecond: rate(stats.rows, job.seconds - job.nearestSeconds),
      counts: job.counts,
    });
  }
  const [atSmall, atBig] = results;
  const linearity = atBig.rowsPerSecond / atSmall.rowsPerSecond;
  let pglite = null;
  if (!values['no-pglite']) {
    const job = await levier('pglite', small.ban, small.reu);
    pglite = {
      rows: small.stats.rows,
      seconds: Number(job.seconds.toFixed(2)),
      phases: job.phases,
      rowsPerSecond: rate(small.stats.rows, job.seconds),
      counts: job.counts,
    };
  }
  console.log(
    '\nrows       gzip  reference  Levier   ratio (≤ 2)  rows/s    linked: id / street / nearest / none',
  );
  for (const r of results) {
    console.log(
      `${String(r.rows).padEnd(10)} ${String(r.gzipMb).padStart(3)} MB ${r.referenceSeconds.toFixed(2).padStart(7)} s ${r.levierSeconds.toFixed(2).padStart(7)} s ${r.ratio.toFixed(2).padStart(6)}  ${r.ratio <= 2 ? 'PASS' : 'FAIL'}  ${String(r.rowsPerSecond).padStart(8)}   ${r.counts.linkedByReu} / ${r.counts.linkedByStreet} / ${r.counts.linkedByNearest} / ${r.counts.unlinked}`,
    );
  }
  console.log(
    `linearity: rows/s at ${atBig.rows} / at ${atSmall.rows} = ${linearity.toFixed(2)} (≥ 0.8: ${linearity >= 0.8 ? 'PASS' : 'FAIL'})`,
  );
  if (pglite) {
    console.log(
      `PGlite: ${pglite.rows} rows in ${pglite.seconds} s (${pglite.rowsPerSecond} rows/s), phases ${JSON.stringify(pglite.phases)}`,
    );
  }
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/field-address-import.json', import.meta.url),
    JSON.stringify({ date: new Date().toISOString(), results, linearity, pglite }, null, 2),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
