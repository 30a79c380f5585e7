/**
 * The cap check must not slow down as gifts pile up, on PostgreSQL:
 *   npm run bench -- donation-cap [--small 1000] [--large 1000000] [--per-round 2000] [--rounds 6]
 * Two databases hold `--small` and `--large` gifts (set-based, five gifts a donor on average,
 * realistic periods, statuses and means), ANALYZEd. Then `takeGift` (the donor's lock, the
 * sum of their counted gifts of the period, the insert, in one transaction: what every gift
 * pays) is timed for gifts of 1 EUR to donors who already have gifts, in rounds that
 * alternate between the two databases (which goes first alternates too). After each round its
 * gifts are deleted and the table vacuumed, so each round meets the same counts.
 * Target: p99 at the large count ≤ 1.5 × p99 at the small one. Prints the check's plan.
 */
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { runSql } from '../src/server/core/db/statement.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { takeGift, type GiftIntake } from '../src/server/features/donations/ledger.ts';
import { campaignToday } from '../src/server/features/donations/settings.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '1000' },
    large: { type: 'string', default: '1000000' },
    'per-round': { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '300' },
  },
});
const sizes = [Number(values.small), Number(values.large)];
const perRound = Number(values['per-round']);
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);
/** Five gifts a donor on average (Poisson-like: 0 to ~17). */
const GIFTS_PER_DONOR = 5;
const CAP_KEY = 'election:1';

/** A deterministic sequence, so that every run gives to the same donors. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * `count` gifts over count / 5 donors, in one INSERT … SELECT: 85% for this election, 15% for
 * an earlier one; 80% succeeded and 8% pending (counted), 12% failed, expired or refunded (not
 * counted); card mostly (Stripe references), some cheques, transfers and a little cash;
 * 10 to 150 EUR each, so no donor is near the cap. The donor as the receipt names them.
 */
async function populate(ctx: AppContext, count: number) {
  const donors = Math.max(1, Math.round(count / GIFTS_PER_DONOR));
  await runSql(
    ctx.database,
    sql`INSERT INTO donations (campaign_id, person_id, cap_key, kind, amount_cents, means, status,
                               counts, given_on, donor, means_detail, provider, payment_ref,
                               charge_ref, locale, attribution, pending_until, created_at)
        SELECT ${ctx.campaignId}, person, cap_key, 'gift', amount, means, status,
               status IN ('succeeded', 'pending'), given_on,
               jsonb_build_object('civility', CASE WHEN person % 2 = 0 THEN 'Mme' ELSE 'M' END,
                 'firstName', 'Prénom', 'lastName', 'Donateur ' || person,
                 'addressLine1', (person % 120 + 1) || ' rue de la République', 'addressLine2', '',
                 'postalCode', '75011', 'commune', 'Paris', 'country', 'FR',
                 'email', 'donor.' || person || '@example.org', 'phone', '', 'electedOffice', ''),
               CASE means WHEN 'cheque' THEN jsonb_build_object('bank', 'Banque', 'number', g::text)
                          ELSE '{}'::jsonb END,
               CASE WHEN means = 'card' THEN 'stripe' ELSE 'manual' END,
               CASE WHEN means = 'card' THEN 'cs_' || g END,
               CASE WHEN means = 'card' AND status IN ('succeeded', 'refunded') THEN 'ch_' || g END,
               CASE WHEN g % 7 = 0 THEN 'en' ELSE 'fr' END,
               CASE WHEN g % 4 = 0 THEN '{"utmSource":"newsletter"}'::jsonb ELSE '{}'::jsonb END,
               CASE WHEN status = 'pending' THEN now() + interval '30 minutes' END,
               now() - (g % 300) * interval '1 day'
          FROM (SELECT g,
                       1 + abs(hashint8(g)) % ${donors} AS person,
                       CASE WHEN g % 20 < 17 THEN ${CAP_KEY} ELSE 'election:2' END AS cap_key,
                       CASE WHEN g % 50 = 0 THEN 'cash' WHEN g % 25 = 1 THEN 'transfer'
                            WHEN g % 12 = 5 THEN 'cheque' ELSE 'card' END AS means,
                       CASE g % 25 WHEN 0 THEN 'pending' WHEN 1 THEN 'pending' WHEN 2 THEN 'failed'
                            WHEN 3 THEN 'failed' WHEN 4 THEN 'expired' WHEN 5 THEN 'refunded'
                            ELSE 'succeeded' END AS status,
                       1000 + (abs(hashint8(g + 1)) % 29) * 500 AS amount,
                       date '2026-01-01' + (g % 330)::int AS given_on
                  FROM generate_series(1, ${count}::bigint) AS g) s`,
  );
  await ctx.database.exec('ANALYZE donations');
  const [top] = await runSql<{ id: number; over: number }>(
    ctx.database,
    sql`SELECT coalesce(max(id), 0)::bigint AS id,
               count(*) FILTER (WHERE total > 400000)::int AS over
          FROM (SELECT max(id) AS id, sum(amount_cents) FILTER (WHERE counts) AS total
                  FROM donations GROUP BY person_id, cap_key) d`,
  );
  const [size] = await runSql<{ heap: string; indexes: string }>(
    ctx.database,
    sql`SELECT pg_size_pretty(pg_table_size('donations')) AS heap,
               pg_size_pretty(pg_indexes_size('donations')) AS indexes`,
  );
  return { lastId: Number(top!.id), nearCap: Number(top!.over), ...size! };
}

/** Donors who already have counted gifts in this election. */
async function donorsWithGifts(ctx: AppContext): Promise<number[]> {
  const rows = await runSql<{ person_id: number }>(
    ctx.database,
    sql`SELECT DISTINCT person_id FROM donations
         WHERE campaign_id = ${ctx.campaignId} AND cap_key = ${CAP_KEY} AND counts
         ORDER BY person_id`,
  );
  return rows.map((row) => Number(row.person_id));
}

function intake(ctx: AppContext, personId: number): GiftIntake {
  const day = campaignToday(ctx);
  return {
    personId,
    mode: 'candidate',
    capKey: CAP_KEY,
    amountCents: 100,
    means: 'card',
    attestations: { naturalPerson: true, frenchOrResident: true },
    status: 'pending',
    pendingUntil: new Date(Date.now() + 40 * 60_000),
    attribution: {},
    day,
    collection: { opensOn: '2026-01-01', closesOn: '2027-12-31' },
    spendingCeilingCents: 5_000_000,
    locale: 'fr',
    record: {
      provider: 'development',
      donor: {
        civility: 'Mme',
        firstName: 'Prénom',
        lastName: `Donateur ${personId}`,
        addressLine1: '12 rue des Lilas',
        addressLine2: '',
        postalCode: '69003',
        commune: 'Lyon',
        country: 'FR',
        nationality: 'FR',
        email: `donor.${personId}@example.org`,
        phone: '',
        electedOffice: '',
      },
    },
  };
}

/** Times `count` gifts one after another; returns milliseconds each. */
async function giveMany(ctx: AppContext, donors: number[], next: () => number, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const gift = intake(ctx, donors[Math.floor(next() * donors.length)]!);
    const t0 = performance.now();
    await takeGift(ctx, gift);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Back to the populated table: this round's gifts deleted, their space reclaimed. */
async function reset(ctx: AppContext, lastId: number) {
  await runSql(ctx.database, sql`DELETE FROM donations WHERE id > ${lastId}`);
  await ctx.database.exec('VACUUM donations');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round2 = (x: number) => +x.toFixed(2);

const startedAt = performance.now();
const databases = await Promise.all(
  sizes.map((size) => freshDatabase(`levier_bench_donation_cap_${size}`)),
);
const contexts: AppContext[] = [];
try {
  const populated: Array<Awaited<ReturnType<typeof populate>>> = [];
  const donors: number[][] = [];
  for (const [i, size] of sizes.entries()) {
    const ctx = await createContext(
      loadConfig({ DATABASE_URL: databases[i]!.url, LOG_LEVEL: 'silent' }),
    );
    contexts.push(ctx);
    const t0 = performance.now();
    populated.push(await populate(ctx, size));
    donors.push(await donorsWithGifts(ctx));
    console.log(
      `${size.toLocaleString('en')} gifts over ${donors[i]!.length.toLocaleString('en')} donors ` +
        `with gifts this election, in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(${populated[i]!.nearCap} donor periods above 4,000 EUR; table ${populated[i]!.heap}, ` +
        `indexes ${populated[i]!.indexes})`,
    );
  }
  for (const [i, ctx] of contexts.entries()) {
    await giveMany(ctx, donors[i]!, random(1), warmup);
    await reset(ctx, populated[i]!.lastId);
  }
  const times: number[][] = sizes.map(() => []);
  const perRoundP99: number[][] = sizes.map(() => []);
  const pickers = sizes.map((size) => random(size + 17));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const roundTimes = await giveMany(contexts[i]!, donors[i]!, pickers[i]!, perRound);
      times[i]!.push(...roundTimes);
      perRoundP99[i]!.push(
        round2(
          percentile(
            [...roundTimes].sort((a, b) => a - b),
            99,
          ),
        ),
      );
    }
    for (const [i, ctx] of contexts.entries()) await reset(ctx, populated[i]!.lastId);
  }
  const rows = sizes.map((size, i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    return {
      gifts: size,
      samples: sorted.length,
      p50ms: round2(percentile(sorted, 50)),
      p99ms: round2(percentile(sorted, 99)),
      maxms: round2(sorted[sorted.length - 1]!),
      roundsP99ms: perRoundP99[i]!.join(' '),
    };
  });
  console.table(rows);
  const ratio = rows[1]!.p99ms / rows[0]!.p99ms;
  console.log(
    `ratio p99 at ${sizes[1]!.toLocaleString('en')} / p99 at ${sizes[0]!.toLocaleString('en')}: ${ratio.toFixed(2)} (target ≤ 1.5)`,
  );
  const large = contexts[1]!;
  const plan = await runSql<{ 'QUERY PLAN': string }>(
    large.database,
    sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF)
        SELECT sum(amount_cents) AS cents FROM donations
         WHERE campaign_id = ${large.campaignId} AND person_id = ${donors[1]![0]!}
           AND cap_key = ${CAP_KEY} AND counts`,
  );
  console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  const seconds = (performance.now() - startedAt) / 1000;
  console.log(`total ${seconds.toFixed(0)} s`);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/donation-cap.json', import.meta.url),
    JSON.stringify(
      { date: new Date().toISOString(), perRound, rounds, warmup, rows, ratio, seconds },
      null,
      2,
    ),
  );
} finally {
  for (const ctx of contexts) await closeContext(ctx);
  for (const db of databases) await db.drop();
}
