/**
 * A public article page as a visitor's phone asks for it (server-rendered HTML, brotli, no
 * cookie), through `levier serve` on PostgreSQL, against a minimal Fastify route returning a
 * fixed string in the same run: requests per second and latency (p50 / p99) of each, and the
 * ratio (target ≥ 0.5). The article is written straight into a fresh database (a Markdown
 * body of about 6 kB, tags, a share kit) and published; the page is kept drawn between edits
 * (features/content/page-cache.ts), so this measures the path every visitor takes.
 *   npm run bench -- article-page [--seconds 15] [--connections 50]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { richTextToHtml } from '../src/server/core/rich-text.ts';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const SLUG = 'la-gare-rouvre';

function run(url: string, path: string): Promise<autocannon.Result> {
  return autocannon({
    url: url + path,
    connections,
    duration,
    headers: { 'accept-encoding': 'br, gzip', accept: 'text/html' },
  });
}

function summary(result: autocannon.Result) {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

const paragraph =
  'Après deux ans de travaux, la gare rouvre lundi : **six trains par heure** aux heures de pointe, ' +
  'un parking vélo de 400 places et un accès de plain-pied pour toutes et tous. ';
const body = Array.from(
  { length: 4 },
  (_, i) => `## Partie ${i + 1}\n\n${paragraph.repeat(5)}`,
).join('\n\n');

const db = await freshDatabase('levier_bench_article');
const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'warn' };
try {
  const minimal = await startServer(
    ['--import', 'tsx', 'bench/lib/minimal-server.ts'],
    { ...env, PORT: '3911' },
    'http://127.0.0.1:3911/',
  );
  const minimalResult = summary(await run('http://127.0.0.1:3911', '/'));
  await stopServer(minimal);

  const levier = await startServer(
    ['bin/levier.mjs', 'serve'],
    { ...env, PORT: '3912', HOST: '127.0.0.1', RUN_WORKERS: 'false' },
    'http://127.0.0.1:3912/api/site',
  );
  try {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const [campaign] = (
        await client.query<{ id: number }>('SELECT id FROM campaigns ORDER BY id LIMIT 1')
      ).rows;
      await client.query(
        `INSERT INTO content_items (campaign_id, kind, slug, title, summary, body, body_html, tags,
                                    share, status, publish_at)
         VALUES ($1, 'article', $2, 'La gare rouvre lundi', $3, $4, $5, $6, $7, 'published',
                 now() - interval '1 hour')`,
        [
          campaign!.id,
          SLUG,
          'Après deux ans de travaux, la gare rouvre lundi avec six trains par heure.',
          body,
          richTextToHtml(body),
          ['transports', 'gare'],
          JSON.stringify({ x: 'La gare rouvre !', whatsapp: 'Regarde ça' }),
        ],
      );
    } finally {
      await client.end();
    }
    const first = await fetch(`http://127.0.0.1:3912/articles/${SLUG}`);
    if (first.status !== 200) throw new Error(`the article page answered ${first.status}`);
    const pageBytes = (await first.text()).length;
    const articleResult = summary(await run('http://127.0.0.1:3912', `/articles/${SLUG}`));
    const ratio = articleResult.requestsPerSecond / minimalResult.requestsPerSecond;
    console.log(
      `\nArticle page benchmark (${duration}s, ${connections} connections, PostgreSQL; page ${pageBytes} characters)`,
    );
    console.table({
      'minimal route (fixed string)': minimalResult,
      [`GET /articles/${SLUG}`]: articleResult,
    });
    console.log(`ratio article page / minimal route: ${ratio.toFixed(2)} (target ≥ 0.5)`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/article-page.json',
      JSON.stringify(
        {
          at: new Date().toISOString(),
          duration,
          connections,
          pageBytes,
          minimal: minimalResult,
          article: articleResult,
          ratio,
        },
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
