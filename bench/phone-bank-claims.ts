/**
 * Volunteers of a phone bank all asking for the next person at once, through the real claim
 * route, against a minimal claim route on the same app in the same run:
 *   npm run bench -- phone-bank-claims [--people 100000] [--volunteers 500] [--rounds 20]
 *     [--warmup 1]
 * Levier is built with buildApp on a fresh PostgreSQL database (pool 10, logs at `warn`) and
 * listens on 127.0.0.1; requests go over real sockets (Node's fetch, keep-alive), each
 * volunteer with its own session (opened with the accounts feature's session store, its
 * cookie signed by the app, as a login leaves it) and CSRF token (GET /api/session). Staff
 * create a segment of Haute-Corse and a bank on it open all day every day, open it (`people`
 * with a phone and `consent_phone`, written by SQL beforehand), and the queue is vacuumed.
 * Each round, every volunteer asks for the next person at the same moment (one Promise.all of
 * `volunteers` requests: the claim phase, timed), then records a call `refused` with a fresh
 * id (the person done; timed apart). The reference, registered on the same app behind the same
 * session, CSRF and access hooks (`/api/bench/minimal-claim/:id`), does the least a claim must
 * do: one `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING` on a plain
 * queue table of as many rows with the same partial index; the people it served are marked
 * done by SQL between its rounds. The two alternate round by round (which goes first
 * alternates too); warm-up rounds are not timed. Targets: claims/s ≥ 0.3 × the minimal route;
 * no person given to two volunteers (within a round, and over the run, since every person
 * served is done), and every person served has one call row, by the volunteer they were
 * given to. Where the time goes: the statements run during each phase, timed on their
 * connection (sent → result handled), and how long requests held a pool connection.
 * Results: tables on stdout and bench/results/phone-bank-claims.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { idParamSchema } from '../src/contracts/common.ts';
import type { PhoneBank, PhoneBankClaim } from '../src/contracts/phone-banks.ts';
import { defineRoute } from '../src/contracts/route.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { randomToken, sha256 } from '../src/server/core/crypto.ts';
import { currentAuth } from '../src/server/core/http/access.ts';
import { serve } from '../src/server/core/http/contract.ts';
import { conflict } from '../src/server/core/http/errors.ts';
import { SESSION_COOKIE } from '../src/server/core/http/session.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import { personForEmail, setRoles } from '../src/server/features/accounts/admin.ts';
import { sessionStore } from '../src/server/features/accounts/sessions.ts';
import { freePort } from '../src/server/testing/free-port.ts';
import { describeMachine, machineNote } from './lib/machine.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    volunteers: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '1' },
  },
});
const PEOPLE = Number(values.people);
const VOLUNTEERS = Number(values.volunteers);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const POOL = 10;
const SECRET = 'bench-phone-bank-claims-secret-of-at-least-32-characters';
/** Every day, all day: the bench may run at any hour. */
const ALWAYS = {
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  windows: [['00:00', '24:00']],
  closedOnPublicHolidays: false,
};
const MINIMAL_BANK = 1;

/** The reference: the least a claim does, behind the same hooks as the real route. */
const minimalClaim = defineRoute({
  method: 'POST',
  path: '/api/bench/minimal-claim/:id',
  summary: 'Bench only: one UPDATE … SKIP LOCKED on a plain queue',
  tags: ['bench'],
  access: { authenticated: true },
  params: idParamSchema,
  response: { 200: z.object({ targetId: z.number() }) },
});

async function createMinimalQueue(ctx: AppContext, rows: number) {
  await ctx.database.exec(
    `CREATE TABLE bench_claim_queue (
       campaign_id integer NOT NULL, bank_id bigint NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY,
       status text NOT NULL DEFAULT 'due', available_at timestamptz NOT NULL, claimed_by bigint,
       PRIMARY KEY (campaign_id, bank_id, id));
     CREATE INDEX bench_claim_queue_next_idx ON bench_claim_queue (campaign_id, bank_id, available_at)
       WHERE status <> 'done'`,
  );
  // One moment for every row, as the opening freezes a bank's queue at its now().
  await ctx.database.query(
    sql`INSERT INTO bench_claim_queue (campaign_id, bank_id, available_at)
        SELECT ${ctx.campaignId}, ${MINIMAL_BANK}, now() FROM generate_series(1, ${rows})`,
  );
}

function registerMinimalClaim(app: Awaited<ReturnType<typeof buildApp>>, ctx: AppContext) {
  serve(app, minimalClaim, async (request) => {
    const [row] = await ctx.database.query<{ id: number }>(
      sql`UPDATE bench_claim_queue q SET status = 'claimed', claimed_by = ${currentAuth(request).personId},
                 available_at = now() + interval '15 minutes'
           WHERE q.campaign_id = ${ctx.campaignId} AND q.bank_id = ${request.params.id}
             AND q.id = (SELECT id FROM bench_claim_queue
                          WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${request.params.id}
                            AND status <> 'done' AND available_at <= now()
                          ORDER BY available_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING q.id`,
    );
    if (!row) throw conflict('queue_empty', 'Nobody left.');
    return { targetId: Number(row.id) };
  });
}

/** People of Haute-Corse, each with their own mobile number and the consent to calls. */
async function seedPeople(ctx: AppContext, count: number) {
  await ctx.database.query(
    sql`INSERT INTO people (campaign_id, email, email_normalized, recruit_code, first_name, last_name,
                            phone, departement_code, commune_name, consent_phone)
        SELECT ${ctx.campaignId}, 'callee' || g || '@bank.bench', 'callee' || g || '@bank.bench', 'bank-' || g,
               'Prénom' || g, 'Nom' || g, '+336' || lpad(g::text, 8, '0'), '2B', 'Bastia', true
          FROM generate_series(1, ${count}) AS g`,
  );
  await ctx.database.exec('VACUUM ANALYZE people');
}

interface Volunteer {
  personId: number;
  headers: Record<string, string>;
}

/** Opens a session as a login does (the store's row, the app's signed cookie), then its CSRF token. */
async function sessionFor(
  base: string,
  ctx: AppContext,
  app: Awaited<ReturnType<typeof buildApp>>,
  personId: number,
): Promise<Volunteer> {
  const id = randomToken();
  await sessionStore.open(ctx.database, ctx.campaignId, {
    hash: sha256(id),
    personId,
    days: 30,
    userAgent: 'phone-bank-claims bench',
    ip: '127.0.0.1',
  });
  const cookies = new Map([[SESSION_COOKIE, encodeURIComponent(app.signCookie(id))]]);
  const response = await fetch(`${base}/api/session`, {
    headers: { cookie: `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)}` },
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  const body = (await response.json()) as { me: { personId: number } | null; csrfToken: string };
  if (body.me?.personId !== personId) throw new Error(`no session for person ${personId}`);
  return {
    personId,
    headers: {
      accept: 'application/json',
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': body.csrfToken,
    },
  };
}

interface Answer {
  status: number;
  ms: number;
  body: unknown;
}

async function post(base: string, path: string, headers: Record<string, string>, body?: unknown) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, ms, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Every volunteer at once: the answers in volunteer order and the phase's wall time. */
async function together(requests: Array<() => Promise<Answer>>) {
  const started = performance.now();
  const answers = await Promise.all(requests.map((request) => request()));
  return { answers, seconds: (performance.now() - started) / 1000 };
}

/** What the timed rounds of one route add up to. */
class Tally {
  latencies: number[] = [];
  seconds = 0;
  served = 0;
  notOk = new Map<string, number>();
  doubleWithinRound = 0;

  add(answers: Answer[], seconds: number, targetIds: number[]) {
    this.seconds += seconds;
    for (const answer of answers) {
      this.latencies.push(answer.ms);
      if (answer.status !== 200) {
        const code = (answer.body as { code?: string } | null)?.code ?? '';
        const key = `${answer.status} ${code}`.trim();
        this.notOk.set(key, (this.notOk.get(key) ?? 0) + 1);
      }
    }
    this.served += targetIds.length;
    this.doubleWithinRound += targetIds.length - new Set(targetIds).size;
  }

  summary(heldMs: number) {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (q: number) => Number(sorted[Math.ceil(q * sorted.length) - 1]?.toFixed(1) ?? 0);
    return {
      perSecond: Math.round(this.served / this.seconds),
      p50ms: at(0.5),
      p99ms: at(0.99),
      served: this.served,
      non200: [...this.notOk].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none',
      doubleWithinRound: this.doubleWithinRound,
      connectionMsPerRequest: Number((heldMs / Math.max(1, this.latencies.length)).toFixed(2)),
    };
  }
}

type Phase = 'minimal' | 'claim' | 'record';

/**
 * Each statement run during a phase, timed on its connection (sent → result handled, so a
 * busy event loop counts too), grouped by its first words; and how long each phase's requests
 * held one of the pool's connections.
 */
function watchDatabase(pool: pg.Pool) {
  let phase: Phase | null = null;
  const statements = new Map<Phase, Map<string, { count: number; ms: number }>>();
  const held = new Map<Phase, number>();
  /** One run of each statement, its text and values, to be explained afterwards. */
  const examples = new Map<string, { text: string; values: unknown[] }>();
  const labelOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 110);
  const note = (text: string, ms: number) => {
    if (!phase) return;
    const label = labelOf(text);
    const byLabel = statements.get(phase) ?? new Map<string, { count: number; ms: number }>();
    statements.set(phase, byLabel);
    const seen = byLabel.get(label) ?? { count: 0, ms: 0 };
    seen.count++;
    seen.ms += ms;
    byLabel.set(label, seen);
  };
  type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;
  const prototype = pg.Client.prototype as unknown as { query: QueryFn };
  const original = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (!phase) return Reflect.apply(original, this, args);
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string }).text ?? '');
    const values = Array.isArray(args[1])
      ? (args[1] as unknown[])
      : ((first as { values?: unknown[] }).values ?? []);
    if (!examples.has(labelOf(text))) examples.set(labelOf(text), { text, values });
    const started = performance.now();
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (...result: unknown[]) => {
        note(text, performance.now() - started);
        Reflect.apply(callback, undefined, result);
      };
      return Reflect.apply(original, this, args);
    }
    return (Reflect.apply(original, this, args) as Promise<unknown>).finally(() =>
      note(text, performance.now() - started),
    );
  };
  const checkedOut = new Map<pg.PoolClient, number>();
  pool.on('acquire', (client) => {
    if (phase) checkedOut.set(client, performance.now());
  });
  pool.on('release', (_error, client) => {
    const since = checkedOut.get(client);
    checkedOut.delete(client);
    if (since !== undefined && phase) {
      held.set(phase, (held.get(phase) ?? 0) + performance.now() - since);
    }
  });
  return {
    /** Runs a phase; null: not watched (warm-up). */
    async during<T>(name: Phase | null, work: () => Promise<T>): Promise<T> {
      phase = name;
      try {
        return await work();
      } finally {
        phase = null;
        checkedOut.clear();
      }
    },
    heldMs: (name: Phase) => held.get(name) ?? 0,
    /** The statements of a phase, most time first, per request of the phase. */
    profile(name: Phase, requests: number) {
      const byLabel = [
        ...(statements.get(name) ?? new Map<string, { count: number; ms: number }>()),
      ];
      const total = byLabel.reduce((sum, [, s]) => sum + s.ms, 0);
      return byLabel
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([statement, s]) => ({
          statement,
          perRequest: Number((s.count / requests).toFixed(2)),
          meanMs: Number((s.ms / s.count).toFixed(2)),
          msPerRequest: Number((s.ms / requests).toFixed(2)),
          share: `${Math.round((100 * s.ms) / total)}%`,
        }));
    },
    /** The plan of a statement seen, run once more (EXPLAIN ANALYZE) in a transaction rolled back. */
    async explain(label: string): Promise<string[]> {
      const example = examples.get(label);
      if (!example) return [];
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${example.text}`,
          example.values,
        );
        return rows.map((row) => row['QUERY PLAN']);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    },
    stop() {
      prototype.query = original;
    },
  };
}

const startedAt = machineNote();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const db = await freshDatabase('levier_bench_phone_banks');
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATABASE_URL: db.url,
  DATABASE_POOL_SIZE: String(POOL),
  PUBLIC_URL: base,
  SESSION_SECRET: SECRET,
});
const ctx = await createContext(config);
const app = await buildApp(ctx);
registerMinimalClaim(app, ctx);
await app.listen({ port, host: '127.0.0.1' });
const watch = watchDatabase(ctx.database.pool!);
try {
  const setupStarted = performance.now();
  await seedPeople(ctx, PEOPLE);
  await createMinimalQueue(ctx, PEOPLE);
  const staffId = await personForEmail(ctx, 'staff@bank.bench');
  await setRoles(ctx, staffId, ['staff'], [], null);
  const staff = await sessionFor(base, ctx, app, staffId);
  const volunteerIds: number[] = [];
  for (let i = 0; i < VOLUNTEERS; i++) {
    volunteerIds.push(await personForEmail(ctx, `volunteer${i}@bank.bench`));
  }
  const volunteers: Volunteer[] = [];
  for (let i = 0; i < volunteerIds.length; i += 50) {
    volunteers.push(
      ...(await Promise.all(
        volunteerIds.slice(i, i + 50).map((id) => sessionFor(base, ctx, app, id)),
      )),
    );
  }

  const staffPost = async <T>(path: string, body?: unknown) => {
    const answer = await post(base, path, staff.headers, body);
    if (answer.status >= 300) throw new Error(`${path}: ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  };
  const segment = await staffPost<{ id: number }>('/api/segments', {
    name: 'Haute-Corse',
    filter: { departementCodes: ['2B'] },
  });
  const bank = await staffPost<PhoneBank>('/api/phone-banks', {
    name: 'Appels Haute-Corse',
    segmentId: segment.id,
    windows: ALWAYS,
    access: 'supporters',
  });
  const openingStarted = performance.now();
  const opened = await staffPost<PhoneBank>(`/api/phone-banks/${bank.id}/open`);
  const openingSeconds = (performance.now() - openingStarted) / 1000;
  if (opened.counts.audience !== PEOPLE) {
    throw new Error(`the bank froze ${opened.counts.audience} people, not ${PEOPLE}`);
  }
  await ctx.database.exec('VACUUM ANALYZE phone_bank_targets');
  await ctx.database.exec('VACUUM ANALYZE bench_claim_queue');
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const minimal = new Tally();
  const claims = new Tally();
  const records = new Tally();
  /** Who was given each person (the real route), over the whole run. */
  const givenTo = new Map<number, Set<number>>();
  const served: Array<{ targetId: number; personId: number }> = [];
  const minimalGiven = new Map<number, number>();
  const recordedNot = new Map<string, number>();

  const minimalRound = async (timed: boolean) => {
    const { answers, seconds } = await watch.during(timed ? 'minimal' : null, () =>
      together(
        volunteers.map(
          (v) => () => post(base, `/api/bench/minimal-claim/${MINIMAL_BANK}`, v.headers),
        ),
      ),
    );
    const ids = answers.flatMap((a) =>
      a.status === 200 ? [(a.body as { targetId: number }).targetId] : [],
    );
    for (const id of ids) minimalGiven.set(id, (minimalGiven.get(id) ?? 0) + 1);
    if (timed) minimal.add(answers, seconds, ids);
    await ctx.database.query(
      sql`UPDATE bench_claim_queue SET status = 'done', claimed_by = NULL
           WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${MINIMAL_BANK} AND id = ANY(${ids}::bigint[])`,
    );
  };

  const claimRound = async (timed: boolean) => {
    const { answers, seconds } = await watch.during(timed ? 'claim' : null, () =>
      together(
        volunteers.map((v) => () => post(base, `/api/phone-banks/${bank.id}/claim`, v.headers)),
      ),
    );
    const mine = answers.map((a, i) =>
      a.status === 200
        ? { volunteer: volunteers[i], targetId: (a.body as PhoneBankClaim).targetId }
        : null,
    );
    const given = mine.filter((m) => m !== null);
    for (const { volunteer, targetId } of given) {
      const to = givenTo.get(targetId) ?? new Set<number>();
      to.add(volunteer.personId);
      givenTo.set(targetId, to);
      served.push({ targetId, personId: volunteer.personId });
    }
    if (timed) {
      claims.add(
        answers,
        seconds,
        given.map((g) => g.targetId),
      );
    }
    // Each volunteer tells how the call went: refused, the person done.
    const recorded = await watch.during(timed ? 'record' : null, () =>
      together(
        given.map(
          ({ volunteer, targetId }) =>
            () =>
              post(base, `/api/phone-banks/${bank.id}/calls`, volunteer.headers, {
                id: randomUUID(),
                targetId,
                outcome: 'refused',
              }),
        ),
      ),
    );
    for (const answer of recorded.answers) {
      const result = answer.body as { status?: string; target?: string; code?: string } | null;
      if (answer.status !== 200 || result?.status !== 'stored' || result.target !== 'done') {
        const key = `${answer.status} ${result?.code ?? result?.status ?? ''}`;
        recordedNot.set(key, (recordedNot.get(key) ?? 0) + 1);
      }
    }
    if (timed) {
      records.add(
        recorded.answers,
        recorded.seconds,
        given.flatMap((g, i) => (recorded.answers[i].status === 200 ? [g.targetId] : [])),
      );
    }
  };

  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const timed = round >= WARMUP;
    if (round % 2 === 0) {
      await minimalRound(timed);
      await claimRound(timed);
    } else {
      await claimRound(timed);
      await minimalRound(timed);
    }
  }
  const timedRequests = ROUNDS * VOLUNTEERS;
  watch.stop();

  // Each person served once, done, with one call row by the volunteer they were given to.
  const [check] = await ctx.database.query<{
    served: number;
    done: number;
    one_call: number;
    by_them: number;
    calls: number;
    done_in_bank: number;
  }>(
    sql`WITH s AS (SELECT * FROM unnest(${served.map((s) => s.targetId)}::bigint[], ${served.map((s) => s.personId)}::bigint[])
                     AS s(target_id, person_id))
        SELECT (SELECT count(DISTINCT target_id)::int FROM s) AS served,
               (SELECT count(*)::int FROM phone_bank_targets t
                 WHERE t.campaign_id = ${ctx.campaignId} AND t.bank_id = ${bank.id}
                   AND t.id IN (SELECT target_id FROM s) AND t.status = 'done') AS done,
               (SELECT count(*)::int FROM (SELECT c.target_id FROM phone_bank_calls c
                 WHERE c.campaign_id = ${ctx.campaignId} AND c.bank_id = ${bank.id}
                   AND c.target_id IN (SELECT target_id FROM s)
                 GROUP BY c.target_id HAVING count(*) = 1) x) AS one_call,
               (SELECT count(*)::int FROM s JOIN phone_bank_calls c
                  ON c.campaign_id = ${ctx.campaignId} AND c.bank_id = ${bank.id}
                 AND c.target_id = s.target_id AND c.caller_person_id = s.person_id) AS by_them,
               (SELECT count(*)::int FROM phone_bank_calls
                 WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bank.id}) AS calls,
               (SELECT count(*)::int FROM phone_bank_targets
                 WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bank.id} AND status = 'done') AS done_in_bank`,
  );
  const doubleClaims = [...givenTo.values()].filter((to) => to.size > 1).length;
  const servedAgain = served.length - givenTo.size;
  const minimalDouble = [...minimalGiven.values()].filter((n) => n > 1).length;
  const databaseAgrees =
    check.served === served.length &&
    check.done === served.length &&
    check.one_call === served.length &&
    check.by_them === served.length &&
    check.calls === served.length &&
    check.done_in_bank === served.length;

  const minimalSummary = minimal.summary(watch.heldMs('minimal'));
  const claimSummary = claims.summary(watch.heldMs('claim'));
  const recordSummary = records.summary(watch.heldMs('record'));
  const ratio = claimSummary.perSecond / minimalSummary.perSecond;
  const pass = {
    ratio: ratio >= 0.3,
    doubleClaims: doubleClaims === 0 && claims.doubleWithinRound === 0 && servedAgain === 0,
    database: databaseAgrees,
  };
  const after = machineNote();
  console.log(
    `\nPhone bank: ${VOLUNTEERS} volunteers asking at once, ${ROUNDS} rounds (+${WARMUP} warm-up), ` +
      `${PEOPLE} people, PostgreSQL, pool ${POOL}; ${describeMachine(startedAt)} → load ${after.load.join(' / ')}`,
  );
  console.table({
    'minimal claim route': minimalSummary,
    'POST /api/phone-banks/:id/claim': claimSummary,
    'POST /api/phone-banks/:id/calls (refused)': recordSummary,
  });
  console.log(
    `claims/s ratio to the minimal route: ${ratio.toFixed(2)} (target ≥ 0.3: ${pass.ratio ? 'PASS' : 'FAIL'}); ` +
      `people given to two volunteers: ${doubleClaims}, twice within a round: ${claims.doubleWithinRound}, ` +
      `served again: ${servedAgain} (target 0: ${pass.doubleClaims ? 'PASS' : 'FAIL'}); minimal route: ${minimalDouble}; ` +
      `every person served done with one call by their volunteer: ${databaseAgrees} ` +
      `(${check.served} served, ${check.done} done, ${check.one_call} with one call, ${check.by_them} by their volunteer, ` +
      `${check.calls} calls in the bank, ${check.done_in_bank} done in the bank); calls not stored: ` +
      `${[...recordedNot].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}; ` +
      `set-up ${setupSeconds.toFixed(1)} s (opening ${openingSeconds.toFixed(1)} s)`,
  );
  const claimProfile = watch.profile('claim', timedRequests);
  const minimalProfile = watch.profile('minimal', timedRequests);
  console.log('\nWhere a claim spends its connection time (all claim rounds, per claim):');
  console.table(claimProfile.slice(0, 12));
  console.log('The minimal route, per claim:');
  console.table(minimalProfile.slice(0, 5));
  // The claim's costliest statements, once more alone (the queue as the run left it).
  const plans: Record<string, string[]> = {};
  for (const { statement } of claimProfile
    .filter((p) => /^(SELECT|WITH)/.test(p.statement))
    .slice(0, 3)) {
    plans[statement] = await watch.explain(statement);
    console.log(`\n${statement}…\n${plans[statement].join('\n')}`);
  }
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/phone-bank-claims.json', import.meta.url),
    JSON.stringify(
      {
        date: startedAt.at,
        machine: { before: startedAt, after },
        settings: {
          people: PEOPLE,
          volunteers: VOLUNTEERS,
          rounds: ROUNDS,
          warmup: WARMUP,
          pool: POOL,
        },
        setupSeconds: Number(setupSeconds.toFixed(1)),
        openingSeconds: Number(openingSeconds.toFixed(1)),
        minimal: minimalSummary,
        claim: claimSummary,
        record: recordSummary,
        ratio: Number(ratio.toFixed(2)),
        doubleClaims,
        doubleWithinRound: claims.doubleWithinRound,
        servedAgain,
        minimalDouble,
        database: check,
        callsNotStored: Object.fromEntries(recordedNot),
        pass,
        statements: {
          claim: claimProfile,
          minimal: minimalProfile,
          record: watch.profile('record', records.served),
        },
        plans,
      },
      null,
      2,
    ),
  );
} finally {
  watch.stop();
  await app.close();
  await closeContext(ctx);
  await db.drop();
}
