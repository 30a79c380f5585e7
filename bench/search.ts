/**
 * People search at 1,000,000 people on PostgreSQL: p50/p99 of the HQ list query (search,
 * count and first page, as GET /api/people runs it) over realistic terms, and the plan.
 *   npm run bench -- search [--people 1000000] [--queries 300] [--reuse URL]
 * --reuse measures again on a database a run kept (KEEP_DB=1 prints its URL), without seeding.
 */
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/core/config.ts';
import { toQuery } from '../src/server/core/db/statement.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { peopleQuerySchema } from '../src/contracts/people.ts';
import { listPeople, resolveFilter } from '../src/server/features/people/queries.ts';
import { buildSearchText } from '../src/server/features/people/normalize.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '300' },
    reuse: { type: 'string' },
  },
});
const total = Number(values.people);
const firstNames = [
  'Camille',
  'Léa',
  'Chloé',
  'Manon',
  'Inès',
  'Jade',
  'Louise',
  'Emma',
  'Lucas',
  'Hugo',
  'Louis',
  'Gabriel',
  'Arthur',
  'Jules',
  'Raphaël',
  'Adam',
  'Éloïse',
  'Zoé',
  'Maël',
  'Noé',
  'Marie',
  'Jean',
  'Pierre',
  'Michel',
  'Nathalie',
  'Isabelle',
  'Sylvie',
  'Philippe',
  'Alain',
  'Françoise',
];
const lastNames = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefèvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefebvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
  'Henry',
  'Roussel',
  'Mathieu',
  'Gautier',
  'Masson',
];
const syllables = [
  'ber',
  'tin',
  'lo',
  'mar',
  'du',
  'ro',
  'vel',
  'gnac',
  'court',
  'ville',
  'mont',
  'pel',
  'cha',
  'rin',
  'det',
  'bou',
  'las',
  'sal',
  'gui',
  'lard',
  'fer',
  'nan',
  'qui',
  'zet',
  'bri',
  'col',
  'dan',
  'gre',
  'jol',
  'lem',
  'mic',
  'nor',
  'pag',
  'rou',
  'sev',
  'tra',
  'vau',
  'bel',
  'cor',
  'fon',
];
const communes: string[][] = [
  ['75056', 'Paris', '75011', '75'],
  ['69123', 'Lyon', '69001', '69'],
  ['13055', 'Marseille', '13001', '13'],
  ['31555', 'Toulouse', '31000', '31'],
  ['33063', 'Bordeaux', '33000', '33'],
  ['44109', 'Nantes', '44000', '44'],
  ['59350', 'Lille', '59000', '59'],
  ['67482', 'Strasbourg', '67000', '67'],
  ['06088', 'Nice', '06000', '06'],
  ['35238', 'Rennes', '35000', '35'],
  ['01053', 'Bourg-en-Bresse', '01000', '01'],
  ['29019', 'Brest', '29200', '29'],
];

const db = values.reuse
  ? { url: values.reuse, drop: async () => undefined }
  : await freshDatabase('levier_bench_search');
const ctx = await createContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
try {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  console.log(`Seeding ${total.toLocaleString('en')} people…`);
  const t0 = Date.now();
  // Generated in JS with the application's own search-text folding, inserted set-based.
  let seed = 42;
  // mulberry32: independent-looking draws, reproducible from run to run.
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const BATCH = 20_000;
  for (let start = 0; !values.reuse && start < total; start += BATCH) {
    const cols: unknown[][] = Array.from({ length: 13 }, () => []);
    for (let g = start; g < Math.min(total, start + BATCH); g++) {
      const first = pick(firstNames);
      // Common surnames for 40%, a long tail of composed ones for the rest (as in France,
      // where the commonest surname is ~0.4% of people).
      const last =
        random() < 0.4
          ? pick(lastNames)
          : `${pick(syllables)}${pick(syllables)}${pick(syllables)}`.replace(/^./, (c) =>
              c.toUpperCase(),
            );
      const email = `${fold(first)}.${fold(last)}.${g}@example.org`;
      const phone = random() < 0.35 ? `+336${String(g).padStart(8, '0')}` : null;
      const [code, commune, postal, dep] = pick(communes);
      const row = [
        email,
        first,
        last,
        phone,
        postal,
        code,
        commune,
        dep,
        random() < 0.15 ? 'import' : 'signup',
        `b${g}`,
        random() < 0.85,
        random() < 0.8,
        buildSearchText({
          firstName: first,
          lastName: last,
          email,
          phone,
          communeName: commune,
          postalCode: postal,
        }),
      ];
      row.forEach((v, i) => cols[i].push(v));
    }
    await ctx.database.query(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, phone, postal_code, commune_code,
                           commune_name, departement_code, source, recruit_code, confirmed_at, consent_email, search_text,
                           created_at)
       SELECT $14::integer, e, e, f, l, ph, pc, cc, cn, dc, src, rc, CASE WHEN conf THEN now() END, ce, st,
              now() - random() * interval '400 days'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::bool[], $12::bool[], $13::text[])
              AS t(e, f, l, ph, pc, cc, cn, dc, src, rc, conf, ce, st)`,
      [...cols, ctx.campaignId],
    );
  }
  // As autovacuum would have by the time anyone searches a million people: statistics, and
  // the visibility map that lets a walk read people_created_at_idx alone.
  if (!values.reuse) await ctx.database.query('VACUUM ANALYZE people');
  console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const terms = [
    ...lastNames.slice(0, 20).map((n) => n.toLowerCase()),
    'eloise',
    'ÉLOÏSE',
    'Raphael',
    'camille martin',
    'dupont',
    'lefevre',
    'strasbourg',
    'brest',
    'bourg-en-bresse',
    `06${String(300003).padStart(8, '0')}`,
    `+336${String(999).padStart(8, '0')}`,
    'tinrin',
    'gnacjol',
    'zoe.garcia',
    `jules.morel.${Math.floor(total / 2)}`,
    'nobody-matches-this',
    'xyz',
  ];
  const queries: Array<{ q: string; extra?: Record<string, string> }> = [];
  for (let i = 0; i < Number(values.queries); i++) {
    const q = terms[i % terms.length];
    queries.push(
      i % 5 === 4 ? { q, extra: { departementCodes: '69,75', consentEmail: 'yes' } } : { q },
    );
  }
  // Warm-up, as a running server would be.
  for (const { q } of queries.slice(0, 30)) await listPeople(ctx, peopleQuerySchema.parse({ q }));
  const timings: number[] = [];
  const slowest: Array<{ ms: number; q: string; filters: string }> = [];
  for (const { q, extra } of queries) {
    const start = process.hrtime.bigint();
    await listPeople(ctx, peopleQuerySchema.parse({ q, ...extra }));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    timings.push(ms);
    slowest.push({ ms: +ms.toFixed(1), q, filters: extra ? JSON.stringify(extra) : '' });
  }
  slowest.sort((a, b) => b.ms - a.ms);
  console.log('Slowest searches:');
  console.table(slowest.slice(0, 8));
  timings.sort((a, b) => a - b);
  const pct = (p: number) =>
    timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))];
  const result = {
    people: total,
    queries: timings.length,
    p50ms: +pct(50).toFixed(1),
    p95ms: +pct(95).toFixed(1),
    p99ms: +pct(99).toFixed(1),
    maxMs: +timings.at(-1)!.toFixed(1),
  };
  console.table(result);
  console.log(`p99 ${result.p99ms} ms (target ≤ 50 ms)`);

  // The two plans a search can take: a rare term through the trigram index (bitmap, capped),
  // a common one by the newest-first walk.
  const explain = async (q: string, forceBitmap: boolean) => {
    const where = await resolveFilter(ctx, peopleQuerySchema.parse({ q }));
    const client = await ctx.database.pool!.connect();
    try {
      await client.query('BEGIN');
      if (forceBitmap)
        await client.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off');
      const select = forceBitmap
        ? sql`SELECT p.id FROM people p WHERE ${where.conditions} LIMIT 2001`
        : sql`SELECT p.id FROM people p WHERE ${where.conditions} ORDER BY p.created_at DESC, p.id DESC LIMIT 50`;
      const { text, params } = toQuery(sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${select}`);
      const plan = await client.query(text, params);
      await client.query('ROLLBACK');
      return plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    } finally {
      client.release();
    }
  };
  const planText = `rare term 'gnacjol':\n${await explain('gnacjol', true)}\n\ncommon term 'lefevre':\n${await explain('lefevre', false)}`;
  console.log(`\n${planText}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/search.json',
    JSON.stringify({ at: new Date().toISOString(), ...result, plan: planText }, null, 2),
  );
} finally {
  await closeContext(ctx);
  if (process.env.KEEP_DB || values.reuse) console.log(`kept ${db.url}`);
  else await db.drop();
}
