/**
 * Erasure of one person, constant in the size of the database, on PostgreSQL:
 *   npm run bench -- erasure [--people 1000000] [--erasures 300]
 *   (or BENCH_PEOPLE=20000 for a quick check at reduced scale)
 * Seeds a campaign of people/100 people (at least 1,000) with rows in the busiest tables
 * erasure reaches (timeline, consents and their history, mail, call attempts and call-list
 * numbers by phone), times erasures of random people (p50/p99), grows the campaign to the
 * full size with the same shape, and times erasures again: the p99 at full size over the p99
 * at 1/100 is the figure (≤ 1.5: every statement finds the person's rows by index).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/core/config.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { erasePerson } from '../src/server/features/people/service.ts';
import { describeMachine, machineNote } from './lib/machine.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: process.env.BENCH_PEOPLE ?? '1000000' },
    erasures: { type: 'string', default: '300' },
  },
});
const large = Number(values.people);
const small = Math.max(1_000, Math.round(large / 100));
const erasures = Number(values.erasures);

const db = await freshDatabase('levier_bench_erasure');
const ctx = await createContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
const q = ctx.database.query;
const campaignId = ctx.campaignId;
const ms = (t0: number) => performance.now() - t0;

/** People `from + 1` … `to`, and their rows in the tables erasure reaches most. */
async function seed(from: number, to: number) {
  await q(
    `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, phone,
                         commune_code, commune_name, postal_code, departement_code, source,
                         recruit_code, search_text)
     SELECT $1, 'p' || g || '@bench.example', 'p' || g || '@bench.example', 'Prénom' || (g % 60),
            'Nom' || (g % 400), CASE WHEN g % 3 = 0 THEN '+336' || lpad(g::text, 8, '0') END,
            '75056', 'Paris', '75001', '75', 'import', 'e' || g, 'prenom nom'
       FROM generate_series($2::int + 1, $3::int) g`,
    [campaignId, from, to],
  );
  const range = `campaign_id = $1 AND recruit_code = ANY(SELECT 'e' || g FROM generate_series($2::int + 1, $3::int) g)`;
  const params = [campaignId, from, to];
  await q(
    `INSERT INTO person_events (campaign_id, person_id, kind, data)
     SELECT campaign_id, id, 'created', '{}' FROM people WHERE ${range}`,
    params,
  );
  await q(
    `INSERT INTO person_consents (campaign_id, person_id, channel, status, source, wording_version, at)
     SELECT campaign_id, id, 'email', 'granted', 'import', 'v1', now() FROM people WHERE ${range}`,
    params,
  );
  await q(
    `INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version)
     SELECT campaign_id, id, 'email', true, 'import', 'v1' FROM people WHERE ${range}`,
    params,
  );
  await q(
    `INSERT INTO mail_outbox (campaign_id, person_id, kind, to_address, status)
     SELECT campaign_id, id, 'newsletter', email, 'sent' FROM people WHERE ${range}`,
    params,
  );
  await q(
    `INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state)
     SELECT campaign_id, 1, id, phone, '+33100000000', 'completed' FROM people
      WHERE ${range} AND phone IS NOT NULL`,
    params,
  );
  await q(
    `INSERT INTO call_list_numbers (campaign_id, list_id, e164, number_class, consent_at, consent_source, line)
     SELECT campaign_id, 1, phone, 'mobile', now(), 'bench', id FROM people
      WHERE ${range} AND phone IS NOT NULL`,
    params,
  );
  for (const table of [
    'people',
    'person_events',
    'person_consents',
    'consent_events',
    'mail_outbox',
    'call_attempts',
    'call_list_numbers',
  ]) {
    await q(`VACUUM ANALYZE ${table}`);
  }
}

/** Erasure times (ms) of `count` random people not erased yet. */
async function timeErasures(count: number): Promise<number[]> {
  const people = await q<{ id: number }>(
    `SELECT id FROM people WHERE campaign_id = $1 AND erased_at IS NULL ORDER BY random() LIMIT $2`,
    [campaignId, count + 20],
  );
  const times: number[] = [];
  for (const [i, { id }] of people.entries()) {
    const t0 = performance.now();
    await erasePerson(ctx, Number(id), null);
    if (i >= 20) times.push(ms(t0)); // the first 20 warm the caches and plans
  }
  return times;
}

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!.toFixed(2));
};

const result: Record<string, unknown> = { machine: machineNote(), small, large, erasures };
try {
  console.log(`Seeding ${small.toLocaleString('en')} people…`);
  let t0 = performance.now();
  await seed(0, small);
  console.log(`  ${Math.round(ms(t0))} ms`);
  const atSmall = await timeErasures(erasures);
  console.log(`Growing to ${large.toLocaleString('en')} people…`);
  t0 = performance.now();
  for (let from = small; from < large; from += 250_000) {
    await seed(from, Math.min(large, from + 250_000));
  }
  console.log(`  ${Math.round(ms(t0))} ms`);
  const atLarge = await timeErasures(erasures);
  const figures = {
    [`p50 at ${small}`]: percentile(atSmall, 0.5),
    [`p99 at ${small}`]: percentile(atSmall, 0.99),
    [`p50 at ${large}`]: percentile(atLarge, 0.5),
    [`p99 at ${large}`]: percentile(atLarge, 0.99),
  };
  const ratio = Number((percentile(atLarge, 0.99) / percentile(atSmall, 0.99)).toFixed(2));
  Object.assign(result, { ms: figures, ratio });
  console.log(figures);
  console.log(`p99 ratio ${large} / ${small}: ${ratio} (goal ≤ 1.5)`);
  console.log(describeMachine(result.machine as ReturnType<typeof machineNote>));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/erasure.json', import.meta.url),
    JSON.stringify(result, null, 2),
  );
} finally {
  await closeContext(ctx);
  await db.drop();
}
