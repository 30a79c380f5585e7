/**
 * A turf's walk list (GET /api/field/turfs/:id/walk-list, as `walkList` answers it) at 10,000
 * and at 1,000,000 addresses on PostgreSQL: p50/p99 over random turfs of 70 addresses, with a
 * visit on one address in ten, and the ratio of the two p99s (target ≤ 1.5).
 *   npm run bench -- field-walk-list [--small 10000] [--large 1000000] [--queries 400]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { walkList } from '../src/server/features/field/planning/turfs.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '10000' },
    large: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '400' },
  },
});
const TURF = 70;

/** Addresses along streets of 35 doors, turfs of 70 in order, a visit on one door in ten. */
async function seed(ctx: AppContext, addresses: number) {
  const c = ctx.campaignId;
  await ctx.database.query(
    sql`INSERT INTO field_areas (campaign_id, name, kind) VALUES (${c}, 'Bench', 'communes')`,
  );
  await ctx.database.query(
    sql`INSERT INTO field_addresses (campaign_id, ban_id, street_key, street_name, number, commune_code,
               commune_name, lon, lat, location)
        SELECT ${c}, 'b' || n, '33063_' || (n / 35), 'Rue ' || (n / 35), n % 35 + 1, '33063', 'Bordeaux',
               -0.6 + (n % 1000) * 0.0001, 44.8 + (n / 1000) * 0.0001,
               point(-0.6 + (n % 1000) * 0.0001, 44.8 + (n / 1000) * 0.0001)
          FROM generate_series(0, ${addresses - 1}) AS n`,
  );
  await ctx.database.query(
    sql`INSERT INTO field_turfs (campaign_id, area_id, name, door_count)
        SELECT ${c}, (SELECT min(id) FROM field_areas WHERE campaign_id = ${c}), 'Secteur ' || t, ${TURF}
          FROM generate_series(1, ${Math.ceil(addresses / TURF)}) AS t`,
  );
  await ctx.database.query(
    sql`INSERT INTO field_turf_addresses (campaign_id, turf_id, position, address_id)
        SELECT ${c}, t.id, a.rn - (t.rn - 1) * ${TURF}, a.id
          FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM field_addresses WHERE campaign_id = ${c}) a
          JOIN (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM field_turfs WHERE campaign_id = ${c}) t
            ON t.rn = (a.rn - 1) / ${TURF} + 1`,
  );
  await ctx.database.query(
    sql`INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode, visited_at)
        SELECT ${c}, gen_random_uuid(), ta.turf_id, ta.address_id, 1, 'not_home', 'door', now()
          FROM field_turf_addresses ta WHERE ta.campaign_id = ${c} AND ta.address_id % 10 = 0`,
  );
  await ctx.database.exec('ANALYZE');
  const turfs = await ctx.database.query<{ id: number }>(
    sql`SELECT id FROM field_turfs WHERE campaign_id = ${c}`,
  );
  return turfs.map((t) => Number(t.id));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function measure(addresses: number, queries: number) {
  const db = await freshDatabase('levier_bench_walk');
  const ctx = await createContext(
    loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: db.url }),
  );
  try {
    const turfs = await seed(ctx, addresses);
    let state = 12345;
    const pick = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return turfs[state % turfs.length];
    };
    for (let i = 0; i < 50; i++) await walkList(ctx, pick());
    const times: number[] = [];
    for (let i = 0; i < queries; i++) {
      const start = performance.now();
      const list = await walkList(ctx, pick());
      times.push(performance.now() - start);
      if (list.addresses.length === 0) throw new Error('empty walk list');
    }
    times.sort((a, b) => a - b);
    return { addresses, p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  } finally {
    await closeContext(ctx);
    await db.drop();
  }
}

const queries = Number(values.queries);
const small = await measure(Number(values.small), queries);
const large = await measure(Number(values.large), queries);
const ratio = large.p99 / small.p99;
console.log('\naddresses    p50 (ms)   p99 (ms)');
for (const r of [small, large]) {
  console.log(
    `${String(r.addresses).padEnd(12)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(10)}`,
  );
}
console.log(
  `p99 ratio ${large.addresses} / ${small.addresses}: ${ratio.toFixed(2)} (≤ 1.5: ${ratio <= 1.5 ? 'PASS' : 'FAIL'})`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/field-walk-list.json',
  JSON.stringify({ at: new Date().toISOString(), small, large, ratio }, null, 2),
);
