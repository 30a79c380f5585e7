/**
 * Nearest committees to a point, at two counts, on PostgreSQL:
 *   npm run bench -- committees [--small 200] [--large 20000] [--queries 2000]
 * Seeds each count of published committees over real communes (their offline centres, a few
 * kilometres of jitter) in its own database, then asks the search service for the 20 nearest
 * from random communes' centres, alternating between the two databases. The cost must not grow
 * with the count: p99 at the large count ≤ 1.5 × p99 at the small one. Prints the plan.
 */
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { committeeSearchQuerySchema } from '../src/contracts/committees.ts';
import { loadConfig } from '../src/server/core/config.ts';
import { communeCentres } from '../src/server/core/geo/commune-centres.ts';
import { runSql } from '../src/server/core/db/statement.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { mercator } from '../src/server/core/geo/place.ts';
import { searchCommittees } from '../src/server/features/committees/search.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '200' },
    large: { type: 'string', default: '20000' },
    queries: { type: 'string', default: '2000' },
  },
});
const sizes = [Number(values.small), Number(values.large)];
const queries = Number(values.queries);

/** A deterministic sequence, so that every run asks the same questions. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const centres = [...communeCentres().values()];
async function seed(ctx: AppContext, count: number) {
  const next = random(count);
  const lat: number[] = [];
  const lng: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = centres[Math.floor(next() * centres.length)]!;
    lat.push(c.lat + (next() - 0.5) * 0.05);
    lng.push(c.lng + (next() - 0.5) * 0.05);
  }
  const xy = lat.map((la, i) => mercator(la, lng[i]!));
  await runSql(
    ctx.database,
    sql`INSERT INTO committees (campaign_id, name, lat, lng, location, precision, place_label, member_count)
        SELECT ${ctx.campaignId}, 'Comité ' || i, la, ln, point(x, y), 'commune', 'Commune', (i % 50) + 1
          FROM unnest(${lat}::float8[], ${lng}::float8[], ${xy.map((p) => p[0])}::float8[],
                      ${xy.map((p) => p[1])}::float8[]) WITH ORDINALITY AS s(la, ln, x, y, i)`,
  );
  await ctx.database.exec('ANALYZE committees');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const databases = await Promise.all(
  sizes.map((size) => freshDatabase(`levier_bench_committees_${size}`)),
);
const contexts: AppContext[] = [];
try {
  for (const [i, size] of sizes.entries()) {
    const ctx = await createContext(
      loadConfig({ DATABASE_URL: databases[i]!.url, LOG_LEVEL: 'silent' }),
    );
    contexts.push(ctx);
    await seed(ctx, size);
    console.log(`seeded ${size.toLocaleString('en')} committees`);
  }
  const ask = random(7);
  const points = Array.from({ length: queries }, () => {
    const c = centres[Math.floor(ask() * centres.length)]!;
    return { lat: c.lat, lng: c.lng };
  });
  const query = (point: { lat: number; lng: number }) =>
    committeeSearchQuerySchema.parse({ lat: point.lat, lng: point.lng, limit: 20 });
  // Warm both, then alternate: each point is asked of the small and the large database in turn.
  for (const ctx of contexts)
    for (const p of points.slice(0, 200)) await searchCommittees(ctx, query(p));
  const times: number[][] = sizes.map(() => []);
  for (const point of points) {
    for (const [i, ctx] of contexts.entries()) {
      const t0 = performance.now();
      await searchCommittees(ctx, query(point));
      times[i]!.push(performance.now() - t0);
    }
  }
  const rows = sizes.map((size, i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    return {
      committees: size,
      p50ms: +percentile(sorted, 50).toFixed(2),
      p99ms: +percentile(sorted, 99).toFixed(2),
    };
  });
  console.table(rows);
  const ratio = rows[1]!.p99ms / rows[0]!.p99ms;
  console.log(`ratio p99 at ${sizes[1]} / p99 at ${sizes[0]}: ${ratio.toFixed(2)} (target ≤ 1.5)`);
  const [x, y] = mercator(45.76, 4.84);
  const plan = await contexts[1]!.database.query<{ 'QUERY PLAN': string }>(
    sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
        SELECT c.id FROM committees c WHERE c.status = 'published' AND c.campaign_id = ${contexts[1]!.campaignId}
         ORDER BY c.location <-> point(${x}, ${y}) LIMIT 21`,
  );
  console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/committees.json', import.meta.url),
    JSON.stringify({ date: new Date().toISOString(), queries, rows, ratio }, null, 2),
  );
} finally {
  for (const ctx of contexts) await closeContext(ctx);
  for (const db of databases) await db.drop();
}
