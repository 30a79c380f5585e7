/**
 * The impact dashboard for the whole country (what /hq/impact loads: GET /api/insights/impact,
 * /api/insights/impact/territories?level=commune and /api/insights/impact/trends, as their
 * services answer them) at 100,000 and at 10,000,000 recorded contacts on PostgreSQL: p50/p99
 * of one load, and the ratio of the two p99s (target ≤ 1.2). Contacts are written set-based
 * straight into their features' tables (visits, phone-bank calls, recorded calls, newsletter
 * mails, texts), then aggregated by one refresh (its time is reported, as is an incremental
 * refresh of 1,000 new visits on top).
 *   npm run bench -- impact-dashboard [--small 100000] [--large 10000000] [--queries 200]
 *   IMPACT_BENCH_SCALE=0.01 npm run bench -- impact-dashboard   (both sizes × 0.01: a check)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { impactSummary, impactTrends } from '../src/server/features/insights/impact.ts';
import { refreshImpact } from '../src/server/features/insights/refresh.ts';
import { impactTerritories } from '../src/server/features/insights/territories.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '100000' },
    large: { type: 'string', default: '10000000' },
    queries: { type: 'string', default: '200' },
  },
});
const scale = Number(process.env.IMPACT_BENCH_SCALE ?? '1');

/** The country of the bench: 400 communes of 10 polling stations, 20 addresses a station. */
const COMMUNES = 400;
const STATIONS_PER_COMMUNE = 10;
const ADDRESSES_PER_STATION = 20;
const UNMATCHED_ADDRESSES = 4000;
const PEOPLE = 200_000;
const DAYS = 90;

/** Shares of the contacts: door conversations and leaflets, calls, recorded calls, mails, texts. */
const SHARES = { visits: 0.6, calls: 0.15, robocalls: 0.05, mails: 0.15, texts: 0.05 };

const communeCode = (n: SQL) => sql`'33' || lpad((${n} % ${COMMUNES}::int + 1)::text, 3, '0')`;

async function seedCountry(ctx: AppContext) {
  const c = ctx.campaignId;
  const q = (statement: SQL) => ctx.database.query(statement);
  const stations = COMMUNES * STATIONS_PER_COMMUNE;
  // Station s of commune (s / 10): 'CCCCC_000k', its point, its results (ours panel 1).
  await q(sql`INSERT INTO field_stations (campaign_id, id, commune_code, lon, lat, reu_points)
              SELECT ${c}, ${communeCode(sql`(s / ${STATIONS_PER_COMMUNE})`)} || '_' || lpad((s % ${STATIONS_PER_COMMUNE} + 1)::text, 4, '0'),
                     ${communeCode(sql`(s / ${STATIONS_PER_COMMUNE})`)}, -1.0 + (s % 60) * 0.02, 44.5 + (s / 60) * 0.01, 100
                FROM generate_series(0, ${stations - 1}::int) AS s`);
  const [election] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO field_elections (campaign_id, import_id, label, layout, candidates, stations)
        VALUES (${c}, 1, 'Bench', '2017-2022', '[]', ${stations}) RETURNING id`,
  );
  await q(sql`INSERT INTO field_station_results (campaign_id, election_id, station_id, commune_code, commune_name,
                     department_code, constituency_code, registered, abstentions, voters, expressed, candidates)
              SELECT ${c}, ${election.id}, s.id, s.commune_code, 'Commune ' || s.commune_code, '33',
                     '33' || lpad(((hashtext(s.commune_code) & 7) + 1)::text, 2, '0'), 1000, 450, 550, 530,
                     jsonb_build_array(
                       jsonb_build_object('panel', 1, 'lastName', 'A', 'nuance', 'DIV', 'votes', 200 + (hashtext(s.id) & 63)),
                       jsonb_build_object('panel', 2, 'lastName', 'B', 'nuance', 'DVD', 'votes', 200 + (hashtext(s.id || 'b') & 63)),
                       jsonb_build_object('panel', 3, 'lastName', 'C', 'nuance', 'DVG', 'votes', 60))
                FROM field_stations s WHERE s.campaign_id = ${c}`);
  await q(sql`INSERT INTO field_targeting (campaign_id, election_id, choice, formula)
              VALUES (${c}, ${election.id}, '{"kind":"candidate","panel":1}', 'score')`);
  // Addresses: 20 per station, then some matched to no station (their commune only).
  await q(sql`INSERT INTO field_addresses (campaign_id, ban_id, street_key, street_name, number, commune_code,
                     commune_name, lon, lat, location, station_id, station_link)
              SELECT ${c}, 'a' || n, s.commune_code || '|rue', 'Rue', n % ${ADDRESSES_PER_STATION} + 1, s.commune_code,
                     'Commune', s.lon, s.lat, point(s.lon, s.lat), s.id, 'reu'
                FROM (SELECT id, commune_code, lon, lat, row_number() OVER (ORDER BY id) - 1 AS k
                        FROM field_stations WHERE campaign_id = ${c}) s
                CROSS JOIN LATERAL generate_series(s.k * ${ADDRESSES_PER_STATION}::int, (s.k + 1) * ${ADDRESSES_PER_STATION}::int - 1) AS n`);
  await q(sql`INSERT INTO field_addresses (campaign_id, ban_id, street_key, street_name, number, commune_code,
                     commune_name, lon, lat, location)
              SELECT ${c}, 'u' || n, ${communeCode(sql`n`)} || '|x', 'Chemin', 1, ${communeCode(sql`n`)}, 'Commune',
                     -1.0, 44.5, point(-1.0, 44.5)
                FROM generate_series(0, ${UNMATCHED_ADDRESSES - 1}::int) AS n`);
  // People: a commune for 95 in 100.
  await q(sql`INSERT INTO people (campaign_id, recruit_code, commune_code)
              SELECT ${c}, 'bench' || n, CASE WHEN n % 20 = 0 THEN NULL ELSE ${communeCode(sql`n`)} END
                FROM generate_series(0, ${PEOPLE - 1}::int) AS n`);
}

/** n contacts, split by SHARES, over DAYS days, on the seeded addresses and people. */
async function seedContacts(ctx: AppContext, n: number) {
  const c = ctx.campaignId;
  const q = (statement: SQL) => ctx.database.query(statement);
  const count = (share: number) => Math.max(1, Math.round(n * share));
  const [range] = await ctx.database.query<{ lo: number; hi: number; plo: number; phi: number }>(
    sql`SELECT (SELECT min(id) FROM field_addresses WHERE campaign_id = ${c}) AS lo,
               (SELECT max(id) FROM field_addresses WHERE campaign_id = ${c}) AS hi,
               (SELECT min(id) FROM people WHERE campaign_id = ${c}) AS plo,
               (SELECT max(id) FROM people WHERE campaign_id = ${c}) AS phi`,
  );
  const addressOf = (k: SQL) =>
    sql`(${range.lo}::bigint + (hashtext(${k}::text) & 2147483647) % (${range.hi}::bigint - ${range.lo} + 1))`;
  const personOf = (k: SQL) =>
    sql`(${range.plo}::bigint + (hashtext('p' || ${k}::text) & 2147483647) % (${range.phi}::bigint - ${range.plo} + 1))`;
  const when = (k: SQL) =>
    sql`now() - make_interval(days => (${k} % ${DAYS}::int)::int, secs => (${k} % 3600)::int)`;
  const batch = 1_000_000;
  const inBatches = async (total: number, write: (from: number, to: number) => Promise<void>) => {
    for (let from = 0; from < total; from += batch)
      await write(from, Math.min(total, from + batch) - 1);
  };
  // Visits: two conversations for one leaflet, a few not-at-home knocks (not contacts) besides.
  await inBatches(count(SHARES.visits), (from, to) =>
    q(sql`INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode, visited_at)
          SELECT ${c}, gen_random_uuid(), 1, ${addressOf(sql`k`)}, 1,
                 CASE WHEN k % 3 = 2 THEN 'leaflet' ELSE 'conversation' END,
                 CASE WHEN k % 3 = 2 THEN 'leaflet' ELSE 'door' END, ${when(sql`k`)}
            FROM generate_series(${from}::int, ${to}::int) AS k`).then(() => undefined),
  );
  await inBatches(count(SHARES.calls), (from, to) =>
    q(sql`INSERT INTO phone_bank_calls (campaign_id, id, bank_id, target_id, person_id, caller_person_id, outcome, called_at)
          SELECT ${c}, gen_random_uuid(), 1, k, ${personOf(sql`k`)}, 1, 'conversation', ${when(sql`k`)}
            FROM generate_series(${from}::int, ${to}::int) AS k`).then(() => undefined),
  );
  await q(sql`INSERT INTO call_targets (campaign_id, broadcast_id, e164, person_id, next_at, status)
              SELECT ${c}, 1, '+3360' || lpad(n::text, 7, '0'), ${personOf(sql`n`)}, now(), 'done'
                FROM generate_series(0, ${PEOPLE - 1}::int) AS n`);
  const [targets] = await ctx.database.query<{ lo: number; hi: number }>(
    sql`SELECT min(id) AS lo, max(id) AS hi FROM call_targets WHERE campaign_id = ${c}`,
  );
  await inBatches(count(SHARES.robocalls), (from, to) =>
    q(sql`INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state,
                                    listened_to_end, dialled_at, ended_at)
          SELECT ${c}, 1, ${targets.lo}::bigint + k % (${targets.hi}::bigint - ${targets.lo} + 1), '+33600000000',
                 '+33100000000', 'completed', true, ${when(sql`k`)}, ${when(sql`k`)}
            FROM generate_series(${from}::int, ${to}::int) AS k`).then(() => undefined),
  );
  await inBatches(count(SHARES.mails), (from, to) =>
    q(sql`INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, purpose, message_id, status, sent_at)
          SELECT ${c}, 'newsletter', ${personOf(sql`k`)}, 'p' || k || '@example.org', 'newsletter', 1, 'sent', ${when(sql`k`)}
            FROM generate_series(${from}::int, ${to}::int) AS k`).then(() => undefined),
  );
  await inBatches(count(SHARES.texts), (from, to) =>
    q(sql`INSERT INTO sms_outbox (campaign_id, kind, person_id, purpose, status, sent_at)
          SELECT ${c}, 'campaign', ${personOf(sql`k`)}, 'newsletter', 'sent', ${when(sql`k`)}
            FROM generate_series(${from}::int, ${to}::int) AS k`).then(() => undefined),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** One load of the dashboard, as the page makes it. */
async function loadDashboard(ctx: AppContext) {
  const [summary, territories] = await Promise.all([
    impactSummary(ctx, {}),
    impactTerritories(ctx, { level: 'commune', sort: 'short', limit: 500 }),
    impactTrends(ctx, { interval: 'day' }),
  ]);
  return { contacts: summary.contacts, territories: territories.items.length };
}

/** A database with `contacts` recorded contacts, aggregated, and the times that took. */
async function prepare(contacts: number) {
  const db = await freshDatabase('levier_bench_impact');
  const ctx = await createContext(
    loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: db.url }),
  );
  let start = performance.now();
  await seedCountry(ctx);
  await seedContacts(ctx, contacts);
  await ctx.database.exec('ANALYZE');
  const seedSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const added = await refreshImpact(ctx, { lagSeconds: 0 });
  const backfillSeconds = (performance.now() - start) / 1000;
  const counted = Object.values(added).reduce((a, b) => a + b, 0);
  await ctx.database.exec('ANALYZE');
  // A refresh on top: 1,000 new visits (what the 30-second refresh meets in a busy hour).
  const [range] = await ctx.database.query<{ lo: number }>(
    sql`SELECT min(id) AS lo FROM field_addresses WHERE campaign_id = ${ctx.campaignId}`,
  );
  await ctx.database.query(
    sql`INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode, visited_at)
        SELECT ${ctx.campaignId}, gen_random_uuid(), 1, ${range.lo}::bigint + k, 1, 'conversation', 'door', now()
          FROM generate_series(0, 999) AS k`,
  );
  start = performance.now();
  await refreshImpact(ctx, { lagSeconds: 0 });
  const incrementalMs = performance.now() - start;
  const seen = await loadDashboard(ctx);
  if (seen.contacts !== counted + 1000) {
    throw new Error(`the dashboard shows ${seen.contacts} contacts, ${counted + 1000} recorded`);
  }
  return {
    ctx,
    db,
    times: [] as number[],
    result: { contacts: seen.contacts, seedSeconds, backfillSeconds, incrementalMs },
  };
}

const queries = Number(values.queries);
const small = await prepare(Math.round(Number(values.small) * scale));
const large = await prepare(Math.round(Number(values.large) * scale));
const rows: Array<{
  contacts: number;
  seedSeconds: number;
  backfillSeconds: number;
  incrementalMs: number;
  p50: number;
  p99: number;
}> = [];
try {
  // Loads alternate between the two databases, so that the machine's hiccups hit both alike.
  for (let i = 0; i < 20; i++) {
    await loadDashboard(small.ctx);
    await loadDashboard(large.ctx);
  }
  for (let i = 0; i < queries; i++) {
    for (const side of i % 2 ? [small, large] : [large, small]) {
      const t0 = performance.now();
      await loadDashboard(side.ctx);
      side.times.push(performance.now() - t0);
    }
  }
  for (const side of [small, large]) {
    side.times.sort((a, b) => a - b);
    rows.push({
      ...side.result,
      p50: percentile(side.times, 0.5),
      p99: percentile(side.times, 0.99),
    });
  }
} finally {
  for (const side of [small, large]) {
    await closeContext(side.ctx);
    await side.db.drop();
  }
}
const ratio = rows[1].p99 / rows[0].p99;
console.log('\ncontacts     seed (s)  aggregate (s)  +1,000 (ms)  p50 (ms)   p99 (ms)');
for (const r of rows) {
  console.log(
    `${String(r.contacts).padEnd(12)} ${r.seedSeconds.toFixed(1).padStart(8)} ${r.backfillSeconds.toFixed(1).padStart(14)} ${r.incrementalMs.toFixed(0).padStart(12)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(10)}`,
  );
}
console.log(
  `p99 ratio ${rows[1].contacts} / ${rows[0].contacts}: ${ratio.toFixed(2)} (≤ 1.2: ${ratio <= 1.2 ? 'PASS' : 'FAIL'})`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/impact-dashboard.json',
  JSON.stringify(
    { at: new Date().toISOString(), scale, small: rows[0], large: rows[1], ratio },
    null,
    2,
  ),
);
