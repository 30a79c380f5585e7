/**
 * Visits stored per second through the canvassing app's sync route on PostgreSQL, against two
 * references in the same run: a minimal Fastify route doing one INSERT per request, and one
 * that also finds the caller's session by its cookie first (bench/lib/minimal-session-server.ts),
 * work the visits route cannot skip:
 *   npm run bench -- field-visit-sync [--seconds 20] [--connections 50] [--profile DIR]
 * A turf of 2,000 addresses given to as many volunteers as connections is written beforehand;
 * each connection is one volunteer's phone (its own session), and each request of the main run
 * carries one new visit (a fresh id), as a phone coming back online sends its outbox. A second
 * run sends batches of 20. Then a sample of visits is sent again: each must answer
 * `duplicate`, and the table must hold exactly the visits answered `stored`; and another is
 * sent three times at once, one visit per request: one `stored` and two `duplicate` each.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/core/config.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { personForEmail, setRoles } from '../src/server/features/accounts/admin.ts';
import { issueLoginCode } from '../src/server/features/accounts/service.ts';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    /** A folder for Levier's CPU profile of the whole run (see bench/lib/process.ts). */
    profile: { type: 'string' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const ADDRESSES = 2_000;

/** Volunteers, their turf and login links, written directly (stands in for HQ's work). */
async function seed(url: string, volunteers: number) {
  const ctx = await createContext(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }));
  try {
    const people: number[] = [];
    for (let i = 0; i < volunteers; i++) {
      const personId = await personForEmail(ctx, `benevole${i}@example.org`);
      await setRoles(ctx, personId, [], [], null);
      people.push(personId);
    }
    const [area] = await ctx.database.query<{ id: number }>(
      sql`INSERT INTO field_areas (campaign_id, name, kind) VALUES (${ctx.campaignId}, 'Bench', 'communes') RETURNING id`,
    );
    const [turf] = await ctx.database.query<{ id: number }>(
      sql`INSERT INTO field_turfs (campaign_id, area_id, name, door_count)
          VALUES (${ctx.campaignId}, ${area.id}, 'Bench', ${ADDRESSES}) RETURNING id`,
    );
    const addresses = await ctx.database.query<{ id: number }>(
      sql`INSERT INTO field_addresses (campaign_id, ban_id, street_key, street_name, number, commune_code,
                 commune_name, lon, lat, location)
          SELECT ${ctx.campaignId}, '33063_0001_' || lpad(n::text, 5, '0'), '33063_0001', 'Rue du Banc', n,
                 '33063', 'Bordeaux', -0.57 + n * 0.00001, 44.83, point(-0.57 + n * 0.00001, 44.83)
            FROM generate_series(1, ${ADDRESSES}) AS n RETURNING id`,
    );
    await ctx.database.query(
      sql`INSERT INTO field_turf_addresses (campaign_id, turf_id, position, address_id)
          SELECT ${ctx.campaignId}, ${turf.id}, ordinality, id
            FROM unnest(${addresses.map((a) => Number(a.id))}::bigint[]) WITH ORDINALITY AS x(id, ordinality)`,
    );
    await ctx.database.query(
      sql`INSERT INTO field_turf_assignees (campaign_id, turf_id, person_id)
          SELECT ${ctx.campaignId}, ${turf.id}, p FROM unnest(${people}::bigint[]) AS p`,
    );
    const tokens: string[] = [];
    for (const personId of people) {
      const { linkUrl } = await issueLoginCode(ctx, personId, 120);
      tokens.push(new URL(linkUrl).searchParams.get('token')!);
    }
    return {
      campaignId: ctx.campaignId,
      turfId: Number(turf.id),
      addressIds: addresses.map((a) => Number(a.id)),
      tokens,
    };
  } finally {
    await closeContext(ctx);
  }
}

/** How many of these visits the table holds. */
async function storedCount(url: string, ids: string[]) {
  const ctx = await createContext(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }));
  try {
    const [row] = await ctx.database.query<{ stored: number }>(
      sql`SELECT count(*)::int AS stored FROM field_visits WHERE id = ANY(${ids}::uuid[])`,
    );
    return row.stored;
  } finally {
    await closeContext(ctx);
  }
}

/** Logs in with the link's token: the session cookie and the CSRF token. */
async function login(base: string, token: string) {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let response = await fetch(`${base}/api/session`);
  keep(response);
  let { csrfToken } = (await response.json()) as { csrfToken: string };
  response = await fetch(`${base}/api/auth/login/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header(), 'x-csrf-token': csrfToken },
    body: JSON.stringify({ token }),
  });
  if (!response.ok) throw new Error(`login failed: ${await response.text()}`);
  keep(response);
  ({ csrfToken } = (await response.json()) as { csrfToken: string });
  return { cookie: header(), csrfToken };
}

const visit = (turfId: number, addressIds: number[], n: number) => ({
  id: randomUUID(),
  turfId,
  addressId: addressIds[n % addressIds.length],
  outcome: n % 3 === 0 ? 'conversation' : 'not_home',
  mode: 'door',
  visitedAt: new Date().toISOString(),
});

/** Each connection sends with its own headers (a phone's session), taken in turn. */
function run(
  base: string,
  path: string,
  sessions: Array<Record<string, string>>,
  body: (n: number) => unknown,
) {
  let n = 0;
  let given = 0;
  return autocannon({
    url: base,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request, context: { headers?: Record<string, string> }) => {
          context.headers ??= sessions[given++ % sessions.length];
          return {
            ...request,
            headers: { ...request.headers, 'content-type': 'application/json', ...context.headers },
            body: JSON.stringify(body(n++)),
          };
        },
      },
    ],
  });
}

const summary = (result: autocannon.Result, perRequest = 1) => ({
  requestsPerSecond: Math.round(result.requests.average),
  visitsPerSecond: Math.round(result.requests.average * perRequest),
  p50ms: result.latency.p50,
  p99ms: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
});

const db = await freshDatabase('levier_bench_visits');
// One secret for Levier and the session reference, which checks Levier's signed cookies.
const env = {
  DATABASE_URL: db.url,
  DATABASE_POOL_SIZE: '10',
  LOG_LEVEL: 'warn',
  SESSION_SECRET: 'bench-visit-sync-secret-of-at-least-32-characters',
};
const base = 'http://127.0.0.1:3912';
const startLevier = (profile?: string) =>
  startServer(
    ['bin/levier.mjs', 'serve'],
    { ...env, PORT: '3912', HOST: '127.0.0.1', RUN_WORKERS: 'false', LOGIN_RATE_LIMIT: '1000' },
    `${base}/api/site`,
    { cpuProfileDir: profile },
  );
try {
  const { campaignId, turfId, addressIds, tokens } = await seed(db.url, connections);
  // Each phone logs in once (its session and CSRF token), before the references run.
  const sessions: Array<Record<string, string>> = [];
  let levier = await startLevier();
  try {
    for (const token of tokens) {
      const { cookie, csrfToken } = await login(base, token);
      sessions.push({ cookie, 'x-csrf-token': csrfToken });
    }
  } finally {
    await stopServer(levier);
  }

  const reference = async (
    script: string,
    port: number,
    headers: Array<Record<string, string>>,
  ) => {
    const server = await startServer(
      ['--import', 'tsx', script],
      { ...env, PORT: String(port), CAMPAIGN_ID: String(campaignId) },
      `http://127.0.0.1:${port}/`,
    );
    try {
      return summary(
        await run(`http://127.0.0.1:${port}`, '/insert', headers, (n) => ({ email: `visit-${n}` })),
      );
    } finally {
      await stopServer(server);
    }
  };
  const minimalResult = await reference('bench/lib/minimal-server.ts', 3911, [{}]);
  const sessionResult = await reference(
    'bench/lib/minimal-session-server.ts',
    3913,
    sessions.map(({ cookie }) => ({ cookie })),
  );

  levier = await startLevier(values.profile);
  try {
    const [headers] = sessions;
    const single = summary(
      await run(base, '/api/field/visits', sessions, (n) => ({
        visits: [visit(turfId, addressIds, n)],
      })),
    );
    const batched = summary(
      await run(base, '/api/field/visits', sessions, (n) => ({
        visits: Array.from({ length: 20 }, (_, i) => visit(turfId, addressIds, n * 20 + i)),
      })),
      20,
    );
    // Idempotence: the same 100 visits twice, then the table's count against the answers.
    const sample = Array.from({ length: 100 }, (_, i) => visit(turfId, addressIds, i));
    const send = async () => {
      const response = await fetch(`${base}/api/field/visits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ visits: sample }),
      });
      return ((await response.json()) as { results: Array<{ status: string }> }).results;
    };
    const first = await send();
    const again = await send();
    // And sent at once: each of 100 new visits in three requests of one visit, all together
    // (requests arriving together are written by one statement: each visit must be stored once).
    const racing = Array.from({ length: 100 }, (_, i) => visit(turfId, addressIds, i));
    const raced = await Promise.all(
      [...racing, ...racing, ...racing].map(async (one) => {
        const response = await fetch(`${base}/api/field/visits`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ visits: [one] }),
        });
        return ((await response.json()) as { results: Array<{ status: string }> }).results[0];
      }),
    );
    const [stored, storedRacing] = [
      await storedCount(
        db.url,
        sample.map((v) => v.id),
      ),
      await storedCount(
        db.url,
        racing.map((v) => v.id),
      ),
    ];
    const idempotent =
      first.every((r) => r.status === 'stored') &&
      again.every((r) => r.status === 'duplicate') &&
      stored === sample.length &&
      raced.filter((r) => r.status === 'stored').length === racing.length &&
      raced.filter((r) => r.status === 'duplicate').length === 2 * racing.length &&
      storedRacing === racing.length;
    const ratio = single.visitsPerSecond / minimalResult.requestsPerSecond;
    const sessionRatio = single.visitsPerSecond / sessionResult.requestsPerSecond;
    console.log(`\nVisit sync (${duration}s, ${connections} connections, PostgreSQL, pool 10)`);
    console.table({
      'minimal INSERT route': minimalResult,
      'minimal session lookup + INSERT route': sessionResult,
      'POST /api/field/visits (1 visit)': single,
      'POST /api/field/visits (20 visits)': batched,
    });
    console.log(
      `ratio visits/s (1 per request) / minimal route: ${ratio.toFixed(2)} (target ≥ 0.5); ` +
        `/ session + INSERT route: ${sessionRatio.toFixed(2)}; resent and racing visits stored once: ${idempotent}`,
    );
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/field-visit-sync.json',
      JSON.stringify(
        {
          at: new Date().toISOString(),
          minimal: minimalResult,
          minimalWithSession: sessionResult,
          single,
          batched,
          ratio,
          sessionRatio,
          idempotent,
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
