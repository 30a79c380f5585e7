/**
 * Whether asking for a login code takes longer for a supporter's address than for an unknown
 * one (which would tell who supports the campaign). The real server on PostgreSQL; 500 known
 * addresses (signed up first) and 500 unknown ones, each asked for once, in a shuffled order
 * so that neither kind always follows the other; requests one at a time from one browser
 * session (cookie and CSRF token), timed by the client from send to full answer.
 * Mail workers are off (RUN_WORKERS=false): the code's mail waits in the outbox, as in the
 * sign-up benchmark. A pause between requests (--pause-ms) lets the server finish what a
 * known address leaves for after its answer. Target: medians differ by less than 0.5 ms.
 *   npm run bench -- login-timing [--per-kind 500] [--warmup 100] [--pause-ms 20]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    'per-kind': { type: 'string', default: '500' },
    warmup: { type: 'string', default: '100' },
    'pause-ms': { type: 'string', default: '20' },
  },
});
const perKind = Number(values['per-kind']);
const warmup = Number(values.warmup);
const pauseMs = Number(values['pause-ms']);
const base = 'http://127.0.0.1:3903';

/** A small seeded generator, so that a run can be repeated in the same order. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/** A browser session: the CSRF cookie and token every login request needs. */
async function session() {
  const response = await fetch(`${base}/api/session`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

const letters = (n: number) =>
  Array.from(String(n).padStart(4, '0'), (d) => 'abcdefghij'[Number(d)]).join('');

async function signUp(email: string, n: number) {
  const response = await fetch(`${base}/api/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      firstName: 'Bench',
      lastName: `Timing ${letters(n)}`,
      email,
      postalCode: '69001',
      consents: { email: true, sms: false, phone: false },
    }),
  });
  if (response.status !== 200) throw new Error(`sign-up refused: ${await response.text()}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x: number) => Math.round(x * 1000) / 1000;

const db = await freshDatabase('levier_bench_login');
try {
  const server = await startServer(
    ['bin/levier.mjs', 'serve'],
    {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '10',
      LOG_LEVEL: 'warn',
      PORT: '3903',
      HOST: '127.0.0.1',
      RUN_WORKERS: 'false',
      SIGNUP_RATE_LIMIT: '1000000000',
      LOGIN_RATE_LIMIT: '1000000000',
    },
    `${base}/api/site`,
  );
  try {
    const run = `${process.pid}${Date.now()}`;
    const known = Array.from(
      { length: perKind + warmup },
      (_, i) => `known.${run}.${i}@bench.example`,
    );
    const unknown = Array.from(
      { length: perKind + warmup },
      (_, i) => `nobody.${run}.${i}@bench.example`,
    );
    for (const [i, email] of known.entries()) await signUp(email, i);

    const { cookie, csrfToken } = await session();
    const ask = async (email: string) => {
      const started = performance.now();
      const response = await fetch(`${base}/api/auth/login/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ email, locale: 'fr' }),
      });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`login start answered ${response.status}`);
      return ms;
    };

    const next = random(20261202);
    const order = [
      ...known.map((email) => ({ kind: 'known' as const, email })),
      ...unknown.map((email) => ({ kind: 'unknown' as const, email })),
    ];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const times = { known: [] as number[], unknown: [] as number[] };
    for (const [i, { kind, email }] of order.entries()) {
      const ms = await ask(email);
      if (i >= 2 * warmup) times[kind].push(ms);
      // Each request finds the server idle: what a known address leaves for after its answer
      // (its mail) would otherwise slow whichever request comes next.
      await new Promise((r) => setTimeout(r, pauseMs));
    }

    const stats = (xs: number[]) => ({
      n: xs.length,
      medianMs: round(median(xs)),
      p90Ms: round(percentile(xs, 90)),
      p99Ms: round(percentile(xs, 99)),
    });
    const result = {
      at: new Date().toISOString(),
      pauseMs,
      known: stats(times.known),
      unknown: stats(times.unknown),
      medianDifferenceMs: round(median(times.known) - median(times.unknown)),
    };
    console.log('\nPOST /api/auth/login/start, known against unknown addresses (PostgreSQL)');
    console.table({ known: result.known, unknown: result.unknown });
    console.log(
      `median difference known − unknown: ${result.medianDifferenceMs} ms (target |difference| < 0.5 ms)`,
    );
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/login-timing.json', JSON.stringify(result, null, 2));
  } finally {
    await stopServer(server);
  }
} finally {
  await db.drop();
}
