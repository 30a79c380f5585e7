/**
 * The public comments page of an article (`/articles/:slug/comments`, server-rendered,
 * brotli, no cookie) in a thread of 2,000 comments against the same page in a thread of 20,
 * through `levier serve` on PostgreSQL in the same run: p99 of each and their ratio (target
 * ≤ 1.2: a page is read by the thread index after a cursor, never by a scan of the thread).
 * Both threads have a fifth of their comments as replies. The long thread is asked at its
 * first page and at a cursor half-way through, in turns; rounds alternate the two threads.
 *   npm run bench -- comments-page [--seconds 10] [--connections 20] [--rounds 2] [--comments 2000] [--profile DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
    comments: { type: 'string', default: '2000' },
    /** A folder for Levier's CPU profile of the whole run (see bench/lib/process.ts). */
    profile: { type: 'string' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const LONG = Number(values.comments);
const SHORT = 20;

function run(url: string, paths: string[]): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration,
    requests: paths.map((path) => ({ method: 'GET', path })),
    headers: { 'accept-encoding': 'br, gzip', accept: 'text/html' },
  });
}

/** A thread of `total` comments on a new published item: a fifth of them replies. */
async function thread(client: pg.Client, campaignId: number, slug: string, total: number) {
  const [item] = (
    await client.query<{ id: number }>(
      `INSERT INTO content_items (campaign_id, kind, slug, title, body, body_html, status, publish_at)
       VALUES ($1, 'article', $2, $2, 'Texte.', '<p>Texte.</p>', 'published', now() - interval '1 hour')
       RETURNING id`,
      [campaignId, slug],
    )
  ).rows;
  const top = Math.ceil((total * 4) / 5);
  const ids = (
    await client.query<{ id: number }>(
      `INSERT INTO content_comments (campaign_id, item_id, body)
       SELECT $1, $2, 'Commentaire n° ' || g || ' : ' || repeat('du texte, ', 12)
         FROM generate_series(1, $3::int) g RETURNING id`,
      [campaignId, item!.id, top],
    )
  ).rows.map((row) => Number(row.id));
  await client.query(
    `INSERT INTO content_comments (campaign_id, item_id, parent_id, body)
     SELECT $1, $2, ($3::bigint[])[1 + (g % cardinality($3::bigint[]))], 'Une réponse n° ' || g
       FROM generate_series(1, $4::int) g`,
    [campaignId, item!.id, ids, total - top],
  );
  return { slug, middle: ids[Math.floor(ids.length / 2)]! };
}

const db = await freshDatabase('levier_bench_comments');
const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'warn' };
try {
  const levier = await startServer(
    ['bin/levier.mjs', 'serve'],
    { ...env, PORT: '3913', HOST: '127.0.0.1', RUN_WORKERS: 'false' },
    'http://127.0.0.1:3913/api/site',
    { cpuProfileDir: values.profile },
  );
  try {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let short: { slug: string; middle: number };
    let long: { slug: string; middle: number };
    try {
      const [campaign] = (
        await client.query<{ id: number }>('SELECT id FROM campaigns ORDER BY id LIMIT 1')
      ).rows;
      short = await thread(client, campaign!.id, 'fil-court', SHORT);
      long = await thread(client, campaign!.id, 'fil-long', LONG);
      await client.query('ANALYZE content_comments');
    } finally {
      await client.end();
    }
    const base = 'http://127.0.0.1:3913';
    const shortPaths = [`/articles/${short.slug}/comments`];
    const longPaths = [
      `/articles/${long.slug}/comments`,
      `/articles/${long.slug}/comments?after=${long.middle}`,
    ];
    for (const path of [...shortPaths, ...longPaths]) {
      const first = await fetch(base + path);
      if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
    }
    const results: Array<{
      thread: number;
      p50ms: number;
      p99ms: number;
      rps: number;
      non2xx: number;
    }> = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const [size, paths] of [
        [SHORT, shortPaths],
        [LONG, longPaths],
      ] as const) {
        const result = await run(base, [...paths]);
        results.push({
          thread: size,
          p50ms: result.latency.p50,
          p99ms: result.latency.p99,
          rps: Math.round(result.requests.average),
          non2xx: result.non2xx,
        });
      }
    }
    const worst = (size: number) =>
      Math.max(...results.filter((r) => r.thread === size).map((r) => r.p99ms));
    const ratio = worst(LONG) / worst(SHORT);
    console.log(
      `\nComments page benchmark (${duration}s × ${rounds} rounds, ${connections} connections, PostgreSQL)`,
    );
    console.table(results);
    console.log(
      `p99 in a thread of ${LONG} / in a thread of ${SHORT}: ${ratio.toFixed(2)} (target ≤ 1.2)`,
    );
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/comments-page.json',
      JSON.stringify(
        { at: new Date().toISOString(), duration, connections, rounds, results, ratio },
        null,
        2,
      ),
    );
  } finally {
    await stopServer(levier);
  }
} finally {
  await db.drop();
}
