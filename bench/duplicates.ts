/**
 * Likely duplicates and custom field filters at 1,000,000 people on PostgreSQL:
 *   npm run bench -- duplicates [--people 1000000] [--runs 3]
 * Seeds people (some sharing a phone, a name in a commune, an email written two ways), one
 * timeline entry each and a custom field held by a third of them; then times the duplicates
 * search (the job's statement), a merge, and people lists filtered on a custom field, with
 * the plans of the filters.
 */
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { peopleQuerySchema } from '../src/contracts/people.ts';
import { loadConfig } from '../src/server/core/config.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { findDuplicates, reasonQueries } from '../src/server/features/people/duplicates/find.ts';
import { mergePeople, versionOf } from '../src/server/features/people/duplicates/merge.ts';
import { listPeople, resolveFilter } from '../src/server/features/people/queries.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
  },
});
const total = Number(values.people);
const runs = Number(values.runs);

const db = await freshDatabase('levier_bench_duplicates');
const ctx = await createContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
const q = ctx.database.query;
const ms = (t0: number) => Math.round(performance.now() - t0);
const result: Record<string, unknown> = { date: new Date().toISOString(), people: total };
try {
  console.log(`Seeding ${total.toLocaleString('en')} people…`);
  let t0 = performance.now();
  // Names drawn from 60 × 400 pairs over 2,000 communes: like a real list, homonyms in one
  // commune are common. 1 person in 200 shares a phone with the one before; 1 in 500 has a
  // second record with their gmail address written with dots.
  await q(
    `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, phone, commune_code,
                         commune_name, postal_code, departement_code, source, recruit_code, search_text)
     SELECT $1,
            CASE WHEN g % 500 = 1 THEN 'p.' || (g - 1) || '@gmail.com' ELSE 'p' || g || '@gmail.com' END,
            CASE WHEN g % 500 = 1 THEN 'p.' || (g - 1) || '@gmail.com' ELSE 'p' || g || '@gmail.com' END,
            'Prénom' || (hashint % 60), 'Nom' || ((hashint / 60) % 400),
            CASE WHEN g % 3 = 0 THEN '+336' || lpad(((CASE WHEN g % 200 = 3 THEN g - 3 ELSE g END)::text), 8, '0') END,
            lpad(((hashint / 24000) % 2000)::text, 5, '1'), 'Commune', '75001', '75',
            'import', 'b' || g, 'x'
       FROM generate_series(1, $2::int) g,
            LATERAL (SELECT abs(hashtext(g::text)) AS hashint) h`,
    [ctx.campaignId, total],
  );
  await q(
    `INSERT INTO person_events (campaign_id, person_id, kind, data)
     SELECT $1, id, 'created', '{}' FROM people WHERE campaign_id = $1`,
    [ctx.campaignId],
  );
  const [{ id: fieldId }] = await q<{ id: number }>(
    `INSERT INTO custom_fields (campaign_id, key, label_fr, label_en, type, options)
     VALUES ($1, 'tshirt', 'Taille', 'Size', 'choice', '[{"value":"s","labelFr":"S","labelEn":"S"},{"value":"xl","labelFr":"XL","labelEn":"XL"}]')
     RETURNING id`,
    [ctx.campaignId],
  );
  // A third of people have a size: 'xl' is rare (1 in 1,000 of them), 's' common.
  await q(
    `INSERT INTO person_field_values (campaign_id, custom_field_id, person_id, text_value)
     SELECT $1, $2, id, CASE WHEN id % 3000 = 0 THEN 'xl' ELSE 's' END
       FROM people WHERE campaign_id = $1 AND id % 3 = 0`,
    [ctx.campaignId, fieldId],
  );
  await q('VACUUM ANALYZE people');
  await q('VACUUM ANALYZE person_events');
  await q('VACUUM ANALYZE person_field_values');
  result.seedMs = ms(t0);
  console.log(`  seeded in ${result.seedMs} ms`);

  const searches: number[] = [];
  let pairs = 0;
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    pairs = await findDuplicates(ctx);
    searches.push(ms(t0));
  }
  const [byReason] = await q<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE 'phone' = ANY(reasons))::int AS phone,
            count(*) FILTER (WHERE 'name_commune' = ANY(reasons))::int AS name_commune,
            count(*) FILTER (WHERE 'email' = ANY(reasons))::int AS email
       FROM duplicate_candidates WHERE campaign_id = $1`,
    [ctx.campaignId],
  );
  // Each reason's pairs alone, and a reference in the same run: the plainest grouping of the
  // same rows (no folding), since this shared machine's speed drifts from run to run.
  const perReason: Record<string, number> = {};
  for (const [reason, sql] of Object.entries(reasonQueries)) {
    t0 = performance.now();
    await q(`SELECT count(*) FROM (${sql}) x`, [ctx.campaignId]);
    perReason[reason] = ms(t0);
  }
  t0 = performance.now();
  await q(
    `SELECT count(*) FROM (SELECT 1 FROM people WHERE campaign_id = $1
       GROUP BY commune_code, first_name, last_name HAVING count(*) BETWEEN 2 AND 8) x`,
    [ctx.campaignId],
  );
  result.referenceGroupingMs = ms(t0);
  result.perReasonMs = perReason;
  console.log(
    'Per reason (ms):',
    perReason,
    `reference grouping: ${result.referenceGroupingMs} ms`,
  );
  result.duplicateSearchMs = searches;
  result.pairs = pairs;
  result.pairsByReason = byReason;
  console.log(`Duplicates search: ${searches.join(' / ')} ms, ${pairs} pairs`, byReason);

  const merges: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [pair] = await q<{ a: number; b: number }>(
      `SELECT first_person_id AS a, second_person_id AS b FROM duplicate_candidates
        WHERE campaign_id = $1 ORDER BY first_person_id OFFSET $2 LIMIT 1`,
      [ctx.campaignId, i * 10],
    );
    const rows = await q<{ id: number; updated_at: Date }>(
      'SELECT id, updated_at FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[]) ORDER BY id',
      [ctx.campaignId, [pair.a, pair.b]],
    );
    t0 = performance.now();
    await mergePeople(
      ctx,
      {
        keptId: Number(rows[0].id),
        mergedId: Number(rows[1].id),
        choose: {},
        customFields: {},
        versions: { kept: versionOf(rows[0].updated_at), merged: versionOf(rows[1].updated_at) },
      },
      null,
    );
    merges.push(ms(t0));
  }
  result.mergeMs = merges;
  console.log(`Merge: ${merges.join(' / ')} ms`);

  const filters: Record<string, unknown> = {};
  for (const [name, anyOf] of [
    ['rare value (xl)', ['xl']],
    ['common value (s)', ['s']],
  ] as const) {
    const query = peopleQuerySchema.parse({
      customFields: JSON.stringify([{ key: 'tshirt', type: 'choice', anyOf }]),
    });
    const times: number[] = [];
    for (let i = 0; i < Math.max(5, runs); i++) {
      t0 = performance.now();
      await listPeople(ctx, query);
      times.push(ms(t0));
    }
    const where = await resolveFilter(ctx, query);
    const plan = await q<{ 'QUERY PLAN': string }>(
      sql`EXPLAIN SELECT p.id FROM people p WHERE ${where.conditions} ORDER BY p.created_at DESC, p.id DESC LIMIT 50`,
    );
    filters[name] = { ms: times, plan: plan.map((r) => r['QUERY PLAN']) };
    console.log(`List filtered on ${name}: ${times.join(' / ')} ms`);
    console.log(plan.map((r) => `    ${r['QUERY PLAN']}`).join('\n'));
  }
  result.filters = filters;
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/duplicates.json', import.meta.url),
    JSON.stringify(result, null, 2),
  );
} finally {
  await closeContext(ctx);
  await db.drop();
}
