/**
 * Sign-ups per second through the real HTTP endpoint on PostgreSQL, against a minimal
 * Fastify route doing one INSERT per request in the same run (this machine's limit).
 * The per-address rate limit is raised for the run with SIGNUP_RATE_LIMIT (every request
 * comes from 127.0.0.1); mail workers are off (RUN_WORKERS=false) so the figure is the
 * endpoint's: confirmation mails wait in the outbox.
 *   npm run bench -- signup [--seconds 20] [--connections 50]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const postalCodes = [
  '75011',
  '69001',
  '13001',
  '31000',
  '33000',
  '44000',
  '59000',
  '67000',
  '06000',
  '35000',
];

function run(url: string, path: string): Promise<autocannon.Result> {
  let n = 0;
  const prefix = `${process.pid}${Date.now()}`;
  return autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          n++;
          return {
            ...request,
            body: JSON.stringify({
              firstName: 'Bench',
              // Names hold letters only (contracts/names.ts): n written with letters, never
              // "www" (a name that reads as a link is refused).
              lastName: `Person ${n.toString(26).replace(/\d/g, (d) => 'qrstuvkxyz'[Number(d)])}`,
              email: `bench.${prefix}.${n}@example.org`,
              postalCode: postalCodes[n % postalCodes.length],
              phone: n % 3 === 0 ? `06${String(10000000 + n).slice(-8)}` : undefined,
              consents: { email: true, sms: n % 2 === 0, phone: false },
            }),
          };
        },
      },
    ],
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

const db = await freshDatabase('levier_bench_signup');
const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'warn' };
try {
  const minimal = await startServer(
    ['--import', 'tsx', 'bench/lib/minimal-server.ts'],
    { ...env, PORT: '3901' },
    'http://127.0.0.1:3901/',
  );
  const minimalResult = summary(await run('http://127.0.0.1:3901', '/insert'));
  await stopServer(minimal);

  const levier = await startServer(
    ['bin/levier.mjs', 'serve'],
    {
      ...env,
      PORT: '3902',
      HOST: '127.0.0.1',
      RUN_WORKERS: 'false',
      SIGNUP_RATE_LIMIT: '1000000000',
    },
    'http://127.0.0.1:3902/api/site',
  );
  const signupResult = summary(await run('http://127.0.0.1:3902', '/api/signup'));
  await stopServer(levier);

  const ratio = signupResult.requestsPerSecond / minimalResult.requestsPerSecond;
  console.log(
    `\nSign-up benchmark (${duration}s, ${connections} connections, PostgreSQL, pool 10)`,
  );
  console.table({ 'minimal INSERT route': minimalResult, 'POST /api/signup': signupResult });
  console.log(`ratio sign-up / minimal route: ${ratio.toFixed(2)} (target ≥ 0.5)`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/signup.json',
    JSON.stringify(
      {
        at: new Date().toISOString(),
        duration,
        connections,
        minimal: minimalResult,
        signup: signupResult,
        ratio,
      },
      null,
      2,
    ),
  );
} finally {
  await db.drop();
}
