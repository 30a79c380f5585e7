/**
 * The retention purge of an election's prospects against bare DELETEs, on PostgreSQL:
 *   npm run bench -- retention-purge [--prospects 1000000]
 *   (or BENCH_PEOPLE=20000 for a quick check at reduced scale)
 * Seeds people met only at a door before an election whose last round is 60 days past (the
 * delay is 30), each with what a doorstep leaves (the visit, the timeline's entry, a consent
 * asked and refused, one in 50 withdrawn afterwards, a mail), plus 1 in 10 kept people (a
 * granted consent). Times, in the same run, bare DELETEs of exactly those rows from every
 * table the purge removes rows from (rolled back), then the purge itself: every feature's
 * erase rule (one statement per table for the whole set), the opt-out hashes, the report.
 * The figure is bare / purge (≥ 0.3).
 */
import type { SQL } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/core/config.ts';
import type { Query } from '../src/server/core/db/index.ts';
import { toQuery } from '../src/server/core/db/statement.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { purgeElectionProspects } from '../src/server/features/privacy/retention.ts';
import { describeMachine, machineNote } from './lib/machine.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: { prospects: { type: 'string', default: process.env.BENCH_PEOPLE ?? '1000000' } },
});
const prospects = Number(values.prospects);
const db = await freshDatabase('levier_bench_retention');
const ctx = await createContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
const q = ctx.database.query;
const campaignId = ctx.campaignId;
const ms = (t0: number) => Math.round(performance.now() - t0);

/** The rows a doorstep leaves, per table, with the column holding the person's id. */
const TABLES: Record<string, string> = {
  person_events: 'person_id',
  person_consents: 'person_id',
  consent_events: 'person_id',
  field_visits: 'person_id',
  mail_outbox: 'person_id',
};

const result: Record<string, unknown> = { machine: machineNote(), prospects };
try {
  console.log(`Seeding ${prospects.toLocaleString('en')} prospects…`);
  let t0 = performance.now();
  const [election] = await q<{ id: number }>(
    `INSERT INTO elections (campaign_id, name, kind) VALUES ($1, 'Bench', 'local') RETURNING id`,
    [campaignId],
  );
  await q(
    `INSERT INTO election_rounds (campaign_id, election_id, number, date, polls_close, territory_dates)
     VALUES ($1, $2, 1, (now() - interval '60 days')::date, '20:00', '{}')`,
    [campaignId, election!.id],
  );
  const kept = Math.round(prospects / 10);
  for (let from = 0; from < prospects + kept; from += 250_000) {
    const to = Math.min(prospects + kept, from + 250_000);
    await q(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, phone, source,
                           recruit_code, search_text, created_at)
       SELECT $1, CASE WHEN g % 4 = 0 THEN 'd' || g || '@bench.example' END,
              CASE WHEN g % 4 = 0 THEN 'd' || g || '@bench.example' END, 'Prénom', 'Nom' || (g % 400),
              CASE WHEN g % 2 = 0 THEN '+336' || lpad(g::text, 8, '0') END, 'door_to_door',
              'd' || g, 'prenom nom', now() - interval '90 days'
         FROM generate_series($2::int + 1, $3::int) g`,
      [campaignId, from, to],
    );
  }
  const all = `FROM people WHERE campaign_id = $1 AND source = 'door_to_door'`;
  await q(
    `INSERT INTO person_events (campaign_id, person_id, kind, data) SELECT campaign_id, id, 'created', '{}' ${all}`,
    [campaignId],
  );
  // Every tenth person agreed to email (kept); one in 50 withdrew a consent (hashed).
  await q(
    `INSERT INTO person_consents (campaign_id, person_id, channel, status, source, wording_version, at)
     SELECT campaign_id, id, 'email', CASE WHEN id % 10 = 0 THEN 'granted' WHEN id % 50 = 1 THEN 'withdrawn' ELSE 'withdrawn' END,
            'door_to_door', 'v1', now() ${all} AND (id % 10 = 0 OR id % 50 = 1)`,
    [campaignId],
  );
  await q(
    `INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version)
     SELECT campaign_id, id, 'email', id % 10 = 0, 'door_to_door', 'v1' ${all}`,
    [campaignId],
  );
  await q(
    `INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode, visited_at, person_id)
     SELECT campaign_id, gen_random_uuid(), 1, id, 1, 'talked', 'door', now() - interval '90 days', id ${all}`,
    [campaignId],
  );
  await q(
    `INSERT INTO mail_outbox (campaign_id, person_id, kind, to_address, status)
     SELECT campaign_id, id, 'newsletter', email, 'sent' ${all} AND email IS NOT NULL`,
    [campaignId],
  );
  for (const table of ['people', ...Object.keys(TABLES)]) await q(`VACUUM ANALYZE ${table}`);
  result.seedMs = ms(t0);
  console.log(`  ${result.seedMs} ms`);

  // The same set the purge finds: door prospects without a granted consent.
  const ids = (
    await q<{ id: number }>(
      `SELECT id ${all} AND NOT EXISTS (SELECT 1 FROM person_consents k WHERE k.campaign_id = $1
         AND k.person_id = people.id AND k.status = 'granted')`,
      [campaignId],
    )
  ).map((row) => Number(row.id));
  t0 = performance.now();
  await ctx.database.transaction(async (query) => {
    for (const [table, column] of Object.entries(TABLES)) {
      await query(`DELETE FROM ${table} WHERE campaign_id = $1 AND ${column} = ANY($2::bigint[])`, [
        campaignId,
        ids,
      ]);
    }
    await query(`DELETE FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[])`, [
      campaignId,
      ids,
    ]);
    await query('ROLLBACK AND CHAIN');
  });
  result.bareDeletesMs = ms(t0);
  console.log(
    `Bare DELETEs of ${ids.length.toLocaleString('en')} people's rows: ${result.bareDeletesMs} ms`,
  );
  for (const table of ['people', ...Object.keys(TABLES)]) await q(`VACUUM ANALYZE ${table}`);

  // The purge's statements, timed: the slowest are printed (what to look at first).
  const timed: Array<{ ms: number; text: string }> = [];
  const database = {
    ...ctx.database,
    transaction: <T>(work: (query: Query) => Promise<T>) =>
      ctx.database.transaction((query) =>
        work((async (statement: SQL | string, params?: unknown[]) => {
          const s0 = performance.now();
          const rows =
            typeof statement === 'string' ? await query(statement, params) : await query(statement);
          const text = typeof statement === 'string' ? statement : toQuery(statement).text;
          timed.push({ ms: ms(s0), text: text.replace(/\s+/g, ' ').slice(0, 140) });
          return rows;
        }) as Query),
      ),
  };
  t0 = performance.now();
  const runs = await purgeElectionProspects({ ...ctx, database });
  result.purgeMs = ms(t0);
  result.purged = runs[0]?.rows;
  result.statements = { count: timed.length, ms: timed.reduce((sum, t) => sum + t.ms, 0) };
  result.slowest = timed.sort((a, b) => b.ms - a.ms).slice(0, 8);
  console.log('Statements of the purge:', result.statements);
  console.log('Slowest statements of the purge:', result.slowest);
  console.log(`Purge: ${result.purgeMs} ms`, runs[0]?.rows);
  result.ratio = Number(((result.bareDeletesMs as number) / (result.purgeMs as number)).toFixed(2));
  console.log(`bare / purge: ${result.ratio} (goal ≥ 0.3)`);
  console.log(describeMachine(result.machine as ReturnType<typeof machineNote>));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/retention-purge.json', import.meta.url),
    JSON.stringify(result, null, 2),
  );
} finally {
  await closeContext(ctx);
  await db.drop();
}
