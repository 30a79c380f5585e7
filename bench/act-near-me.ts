/**
 * "Act near me" at two counts of open actions, on PostgreSQL:
 *   npm run bench -- act-near-me [--supporters 1000000] [--small 1000] [--large 100000] [--queries 2000]
 *   ACT_NEAR_ME_SCALE=0.01 npm run bench -- act-near-me    (every count times 0.01: a quick check)
 * One database, two campaigns with the same number of supporters (people over real communes,
 * a third with a volunteer profile); one campaign gets `small` open actions, the other `large`
 * (60 % turfs without volunteers, 40 % events: door-to-door sessions, phone-bank shifts,
 * public meetings) over real communes, copied into `mobilisation_actions` by the refresh job's
 * own function (its time is reported). Then the feed of random supporters (the service the
 * route calls), alternating between the two campaigns. The cost must not grow with the count
 * of actions: p99 at `large` ≤ 1.5 × p99 at `small`. Prints the plan of the nearest-actions
 * statement.
 */
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCampaign } from '../src/server/core/campaigns/service.ts';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { runSql } from '../src/server/core/db/statement.ts';
import { communeCentres } from '../src/server/core/geo/commune-centres.ts';
import { mercator } from '../src/server/core/geo/place.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import {
  actionFeed,
  CANDIDATES,
  DEFAULT_REACH_KM,
} from '../src/server/features/mobilisation/feed.ts';
import { refreshActions } from '../src/server/features/mobilisation/sources.ts';
import { boxAround } from '../src/server/features/mobilisation/store.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    supporters: { type: 'string', default: '1000000' },
    small: { type: 'string', default: '1000' },
    large: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '2000' },
  },
});
const scale = Number(process.env.ACT_NEAR_ME_SCALE ?? '1');
const scaled = (value: string, least: number) => Math.max(least, Math.round(Number(value) * scale));
const supporters = scaled(values.supporters, 1_000);
const sizes = [scaled(values.small, 100), scaled(values.large, 1_000)];
const queries = scaled(values.queries, 200);

/** A deterministic sequence, so that every run asks the same questions. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const communes = [...communeCentres().entries()];
const BATCH = 50_000;

async function seedSupporters(ctx: AppContext) {
  const next = random(11);
  for (let from = 1; from <= supporters; from += BATCH) {
    const count = Math.min(BATCH, supporters - from + 1);
    const codes = Array.from(
      { length: count },
      () => communes[Math.floor(next() * communes.length)]![0],
    );
    await runSql(
      ctx.database,
      sql`INSERT INTO people (campaign_id, email, email_normalized, first_name, commune_code, source,
                              recruit_code, search_text, confirmed_at)
          SELECT ${ctx.campaignId}, 's' || (${from} + i) || '@example.org', 's' || (${from} + i) || '@example.org',
                 'Bénévole', c, 'import', 'c' || ${ctx.campaignId} || '-' || (${from} + i), 'x', now()
            FROM unnest(${codes}::text[]) WITH ORDINALITY AS s(c, i)`,
    );
  }
  // A third say what they prefer, when they are free and how far they go.
  await runSql(
    ctx.database,
    sql`INSERT INTO mobilisation_profiles (campaign_id, person_id, days, day_parts, preferred_actions, max_travel_km)
        SELECT campaign_id, id,
               CASE WHEN id % 2 = 0 THEN '{weekend}'::text[] ELSE '{}'::text[] END,
               CASE WHEN id % 5 = 0 THEN '{evening}'::text[] ELSE '{}'::text[] END,
               CASE id % 4 WHEN 0 THEN '{door_to_door}'::text[] WHEN 1 THEN '{phone_bank,events}'::text[]
                           ELSE '{}'::text[] END,
               CASE WHEN id % 6 = 0 THEN 5 + (id % 30)::int END
          FROM people WHERE campaign_id = ${ctx.campaignId} AND id % 3 = 0`,
  );
}

async function seedActions(ctx: AppContext, count: number) {
  const next = random(count);
  const turfs = Math.round(count * 0.6);
  const at = () => {
    const [, c] = communes[Math.floor(next() * communes.length)]!;
    return { lat: c.lat + (next() - 0.5) * 0.04, lng: c.lng + (next() - 0.5) * 0.04 };
  };
  for (let from = 0; from < turfs; from += BATCH) {
    const points = Array.from({ length: Math.min(BATCH, turfs - from) }, at);
    await runSql(
      ctx.database,
      sql`INSERT INTO field_turfs (campaign_id, area_id, name, door_count, lat, lon)
          SELECT ${ctx.campaignId}, 1, 'Secteur ' || i, 20 + (i * 37) % 300, la, ln
            FROM unnest(${points.map((p) => p.lat)}::float8[], ${points.map((p) => p.lng)}::float8[])
                 WITH ORDINALITY AS s(la, ln, i)`,
    );
  }
  const events = count - turfs;
  for (let from = 0; from < events; from += BATCH) {
    const points = Array.from({ length: Math.min(BATCH, events - from) }, at);
    const xy = points.map((p) => mercator(p.lat, p.lng));
    const rows = await runSql<{ id: number; type: string }>(
      ctx.database,
      sql`INSERT INTO events (campaign_id, type, title, starts_at, ends_at, lat, lng, location, precision,
                              place_label, capacity, going, private_key)
          SELECT ${ctx.campaignId}, (ARRAY['door_to_door', 'phone_bank', 'public_meeting'])[1 + i % 3],
                 'Action ' || i, now() + make_interval(hours => 24 + (i % 1000)::int),
                 now() + make_interval(hours => 26 + (i % 1000)::int), la, ln, point(x, y), 'commune',
                 'Commune', 10 + (i % 20)::int, (i % 9)::int, md5(i::text)
            FROM unnest(${points.map((p) => p.lat)}::float8[], ${points.map((p) => p.lng)}::float8[],
                        ${xy.map((p) => p[0])}::float8[], ${xy.map((p) => p[1])}::float8[])
                 WITH ORDINALITY AS s(la, ln, x, y, i)
          RETURNING id, type`,
    );
    const shifts = rows.filter((row) => row.type === 'phone_bank').map((row) => Number(row.id));
    await runSql(
      ctx.database,
      sql`INSERT INTO phone_bank_shifts (campaign_id, bank_id, event_id)
          SELECT ${ctx.campaignId}, 1, e FROM unnest(${shifts}::bigint[]) AS e`,
    );
  }
  const t0 = performance.now();
  const copied = await refreshActions(ctx);
  const refreshMs = performance.now() - t0;
  await ctx.database.exec('ANALYZE');
  return { copied, refreshMs };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const database = await freshDatabase('levier_bench_act_near_me');
const contexts: AppContext[] = [];
try {
  const first = await createContext(
    loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }),
  );
  contexts.push(first);
  const second = await createCampaign(first.database, 'Large');
  contexts.push(
    await createContext(
      loadConfig({
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
        CAMPAIGN_ID: String(second.id),
      }),
    ),
  );
  const refreshes: Array<{ copied: number; refreshMs: number }> = [];
  for (const [i, ctx] of contexts.entries()) {
    let t0 = performance.now();
    await seedSupporters(ctx);
    console.log(
      `campaign ${ctx.campaignId}: ${supporters.toLocaleString('en')} supporters in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = performance.now();
    const refresh = await seedActions(ctx, sizes[i]!);
    refreshes.push(refresh);
    console.log(
      `campaign ${ctx.campaignId}: ${sizes[i]!.toLocaleString('en')} actions seeded, ${refresh.copied.toLocaleString('en')} copied by the refresh in ${refresh.refreshMs.toFixed(0)} ms`,
    );
  }
  await first.database.exec('ANALYZE');
  const firstIds = await Promise.all(
    contexts.map(async (ctx) => {
      const [row] = await runSql<{ min: number }>(
        ctx.database,
        sql`SELECT min(id)::bigint AS min FROM people WHERE campaign_id = ${ctx.campaignId}`,
      );
      return Number(row!.min);
    }),
  );
  const ask = random(7);
  const picks = Array.from({ length: queries }, () => Math.floor(ask() * supporters));
  // Warm both, then alternate: each pick is asked of the small and the large campaign in turn.
  for (const [i, ctx] of contexts.entries())
    for (const pick of picks.slice(0, 200)) await actionFeed(ctx, firstIds[i]! + pick);
  const times: number[][] = sizes.map(() => []);
  const found: number[] = sizes.map(() => 0);
  for (const pick of picks) {
    for (const [i, ctx] of contexts.entries()) {
      const t0 = performance.now();
      const feed = await actionFeed(ctx, firstIds[i]! + pick);
      times[i]!.push(performance.now() - t0);
      found[i]! += feed.items.length;
    }
  }
  const rows = sizes.map((size, i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    return {
      actions: size,
      refreshMs: Math.round(refreshes[i]!.refreshMs),
      itemsPerFeed: +(found[i]! / queries).toFixed(1),
      p50ms: +percentile(sorted, 50).toFixed(2),
      p99ms: +percentile(sorted, 99).toFixed(2),
    };
  });
  console.table(rows);
  const ratio = rows[1]!.p99ms / rows[0]!.p99ms;
  console.log(
    `${supporters.toLocaleString('en')} supporters; ratio p99 at ${sizes[1]} / p99 at ${sizes[0]}: ${ratio.toFixed(2)} (target ≤ 1.5)`,
  );
  const large = contexts[1]!;
  const [x, y] = mercator(45.76, 4.84);
  const plan = await large.database.query<{ 'QUERY PLAN': string }>(
    sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
        SELECT kind, ref_id FROM mobilisation_actions
         WHERE campaign_id = ${large.campaignId} AND (ends_at IS NULL OR ends_at > now())
           AND location <@ ${boxAround(45.76, 4.84, DEFAULT_REACH_KM)}
         ORDER BY location <-> point(${x}, ${y}) LIMIT ${CANDIDATES}`,
  );
  console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/act-near-me.json', import.meta.url),
    JSON.stringify(
      { date: new Date().toISOString(), supporters, queries, scale, rows, ratio },
      null,
      2,
    ),
  );
} finally {
  for (const ctx of contexts) await closeContext(ctx);
  await database.drop();
}
