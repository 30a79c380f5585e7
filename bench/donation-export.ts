/**
 * The finance export streams: peak memory of a process writing the donations annex
 * (account.csv, keyset batches) at two sizes, on PostgreSQL:
 *   npm run bench -- donation-export [--small 10000] [--large 100000] [--rounds 3]
 * Each size has its own database, filled set-based; each export runs in a fresh child process
 * (so one run's heap does not carry into the next), sizes alternating. The child samples its
 * resident set size every 5 ms while it writes every byte of the file to nowhere. Requirement:
 * peak RSS at the large size ≤ 1.2 × at the small one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/core/config.ts';
import { runSql } from '../src/server/core/db/statement.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { accountCsv } from '../src/server/features/donations/finance/exports.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '10000' },
    large: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    child: { type: 'string' },
  },
});

const config = (url: string) =>
  loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', RUN_WORKERS: 'false' });

if (values.child) {
  // The child: export from the database named, report peak RSS and bytes written.
  const ctx = await createContext(config(values.child));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  let bytes = 0;
  let lines = 0;
  const t0 = performance.now();
  for await (const chunk of accountCsv(ctx)) {
    bytes += Buffer.byteLength(chunk);
    lines += chunk.split('\r\n').length - 1;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(sampler);
  console.log(JSON.stringify({ peak, bytes, lines, ms: Math.round(performance.now() - t0) }));
  await closeContext(ctx);
  process.exit(0);
}

async function seed(url: string, count: number) {
  const ctx = await createContext(config(url));
  await runSql(
    ctx.database,
    sql`INSERT INTO donations (campaign_id, person_id, cap_key, kind, amount_cents, means, status,
                               counts, given_on, donor, means_detail, provider)
        SELECT 1, 1 + (i % 50000), 'election:1', 'gift', 1000 + (i % 40000), 
               (ARRAY['card','cheque','transfer','cash'])[1 + i % 4], 'succeeded', true,
               DATE '2027-01-01' + (i % 120),
               jsonb_build_object('civility', 'Mme', 'firstName', 'Prénom' || i, 'lastName', 'Nom' || i,
                 'addressLine1', i || ' rue de la République', 'addressLine2', '',
                 'postalCode', '69003', 'commune', 'Lyon', 'country', 'FR',
                 'email', 'donor' || i || '@bench.example', 'phone', '', 'electedOffice', ''),
               jsonb_build_object('bank', 'Banque', 'chequeNumber', (1000000 + i)::text), 'manual'
          FROM generate_series(1, ${count}) AS i`,
  );
  await runSql(ctx.database, sql`ANALYZE donations`);
  await closeContext(ctx);
}

const sizes = [Number(values.small), Number(values.large)];
const rounds = Number(values.rounds);
const databases = await Promise.all(
  sizes.map((size) => freshDatabase(`levier_bench_export_${size}`)),
);
const results: Record<
  number,
  Array<{ peak: number; bytes: number; lines: number; ms: number }>
> = {};
try {
  for (const [i, size] of sizes.entries()) {
    const t0 = performance.now();
    await seed(databases[i]!.url, size);
    console.log(
      `seeded ${size.toLocaleString('en')} gifts in ${Math.round(performance.now() - t0)} ms`,
    );
  }
  for (let round = 0; round < rounds; round++) {
    for (const [i, size] of sizes.entries()) {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', databases[i]!.url],
        { encoding: 'utf8' },
      );
      const line = run.stdout.trim().split('\n').pop() ?? '';
      const result = JSON.parse(line) as { peak: number; bytes: number; lines: number; ms: number };
      (results[size] ??= []).push(result);
      console.log(
        `round ${round + 1}, ${size.toLocaleString('en')} gifts: peak RSS ${(result.peak / 2 ** 20).toFixed(1)} MiB, ` +
          `${(result.bytes / 2 ** 20).toFixed(1)} MiB written (${result.lines.toLocaleString('en')} lines) in ${result.ms} ms`,
      );
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const [small, large] = sizes.map((size) => median(results[size]!.map((r) => r.peak)));
  const ratio = large! / small!;
  console.log(
    `\nmedian peak RSS: ${(small! / 2 ** 20).toFixed(1)} MiB at ${sizes[0]!.toLocaleString('en')}, ` +
      `${(large! / 2 ** 20).toFixed(1)} MiB at ${sizes[1]!.toLocaleString('en')}: ratio ${ratio.toFixed(2)} (requirement ≤ 1.2)`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/donation-export.json',
    JSON.stringify({ date: new Date().toISOString(), sizes, results, ratio }, null, 2),
  );
} finally {
  for (const database of databases) await database.drop();
}
