/**
 * Gifts per second through the real HTTP endpoint (`POST /api/donations/gifts`) on PostgreSQL,
 * against the minimal Fastify route doing one INSERT per request (the sign-up benchmark's
 * reference) in the same run, same connections and bodies. Each gift is the whole path: the
 * settings read, the donor found or made a person, the cap checked and counted under the
 * donor's lock, the development adapter's checkout, the payment reference written.
 * Levier runs as `levier serve` with RUN_WORKERS=false and DONATION_RATE_LIMIT raised (every
 * request comes from 127.0.0.1); donations are opened by writing the `donations` setting (as
 * the finance officer's PUT stores it, checked by the same schema) once migrations have run.
 *   npm run bench -- donation [--seconds 15] [--connections 50] [--same-donors N]
 * Without --same-donors every gift comes from a new donor; with it, gifts are spread over N
 * donors (1 EUR each, far under the cap) so that gifts wait for their donor's lock.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { donationSettingsSchema, type GiftInput } from '../src/contracts/donations.ts';
import { CANDIDATE_CAP_CENTS } from '../src/contracts/donation-law.ts';
import { freshDatabase } from './lib/pg.ts';
import { startServer, stopServer } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    'same-donors': { type: 'string' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const sameDonors = values['same-donors'] ? Number(values['same-donors']) : null;
if (sameDonors !== null && !(Number.isInteger(sameDonors) && sameDonors > 0))
  throw new Error('--same-donors takes a number of donors (1 or more)');

const places = [
  ['75011', 'Paris'],
  ['69003', 'Lyon'],
  ['13001', 'Marseille'],
  ['31000', 'Toulouse'],
  ['33000', 'Bordeaux'],
  ['44000', 'Nantes'],
  ['59000', 'Lille'],
  ['67000', 'Strasbourg'],
  ['06000', 'Nice'],
  ['35000', 'Rennes'],
] as const;
const amounts = ['20', '50', '100', '35,50', '10'];
/** In --same-donors runs: small enough that no donor nears the cap (checked after the run). */
const SAME_DONOR_AMOUNT = '1';

/** n written with letters, like the sign-up benchmark's names. */
const lettersOf = (n: number) => n.toString(26).replace(/\d/g, (d) => 'qrstuvkxyz'[Number(d)]!);

function gift(n: number, prefix: string): GiftInput {
  const donor = sameDonors === null ? n : n % sameDonors;
  const [postalCode, commune] = places[donor % places.length]!;
  return {
    amount: sameDonors === null ? amounts[n % amounts.length]! : SAME_DONOR_AMOUNT,
    frequency: 'once',
    donor: {
      civility: donor % 2 === 0 ? 'Mme' : 'M',
      firstName: 'Bench',
      lastName: `Donor ${lettersOf(donor)}`,
      addressLine1: `${(donor % 120) + 1} rue de la République`,
      addressLine2: '',
      postalCode,
      commune,
      country: 'FR',
      nationality: 'FR',
      email: `donor.${prefix}.${donor}@example.org`,
      phone: donor % 3 === 0 ? `06${String(10_000_000 + donor).slice(-8)}` : '',
      electedOffice: '',
    },
    naturalPerson: true,
    frenchOrResident: true,
    otherPartiesWithinCap: false,
    locale: donor % 5 === 0 ? 'en' : 'fr',
    attribution: n % 4 === 0 ? { utmSource: 'newsletter', page: '/donate' } : {},
  };
}

/** Both sides get the same bodies (the minimal route stores the donor's email). */
function run(url: string, path: string, prefix: string): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(gift(++n, prefix)) }),
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

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** What the finance officer's PUT /api/donations/settings would store (candidate mode). */
const openSettings = donationSettingsSchema.parse({
  enabled: true,
  mode: 'candidate',
  beneficiary: 'Claire Martin',
  agent: {
    kind: 'person',
    name: 'Jean Dupont',
    designatedOn: isoDay(-60),
    address: '1 rue de la Paix, 75002 Paris',
    phone: '',
    email: '',
    commissionId: '',
  },
  electionId: 1,
  collection: { opensOn: isoDay(-30), closesOn: isoDay(365) },
  spendingCeilingCents: 5_000_000,
  suggestedCents: [2_000, 5_000, 10_000],
  monthly: true,
  receiptProcedure: 'paper',
});

const db = await freshDatabase('levier_bench_donation');
const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'warn' };
const client = new pg.Client({ connectionString: db.url });
const servers: ChildProcess[] = [];
try {
  const minimal = await startServer(
    ['--import', 'tsx', 'bench/lib/minimal-server.ts'],
    { ...env, PORT: '3911' },
    'http://127.0.0.1:3911/',
  );
  servers.push(minimal);
  const minimalResult = summary(
    await run('http://127.0.0.1:3911', '/insert', `m${process.pid}${Date.now()}`),
  );
  await stopServer(minimal);

  const levier = await startServer(
    ['bin/levier.mjs', 'serve'],
    {
      ...env,
      PORT: '3912',
      HOST: '127.0.0.1',
      RUN_WORKERS: 'false',
      DONATION_RATE_LIMIT: '1000000000',
    },
    'http://127.0.0.1:3912/api/site',
  );
  servers.push(levier);
  // Migrations have run (the server answers): open donations as the finance officer would.
  await client.connect();
  await client.query(
    `INSERT INTO settings (campaign_id, key, value, updated_at)
     VALUES (1, 'donations', $1::jsonb, now())
     ON CONFLICT (campaign_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [JSON.stringify(openSettings)],
  );
  const probe = await fetch('http://127.0.0.1:3912/api/donations/gifts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(gift(0, `probe${process.pid}`)),
  });
  if (probe.status !== 200)
    throw new Error(`donations are not open: ${probe.status} ${await probe.text()}`);
  const prefix = `g${process.pid}${Date.now()}`;
  const giftResult = summary(await run('http://127.0.0.1:3912', '/api/donations/gifts', prefix));
  await stopServer(levier);

  const [recorded] = (
    await client.query<{ gifts: number; donors: number; top: number }>(
      `SELECT count(*)::int AS gifts, count(DISTINCT person_id)::int AS donors,
              coalesce(max(total), 0)::int AS top
         FROM (SELECT person_id, sum(amount_cents) OVER (PARTITION BY person_id) AS total
                 FROM donations WHERE counts) d`,
    )
  ).rows;
  const ratio = giftResult.requestsPerSecond / minimalResult.requestsPerSecond;
  const variant = sameDonors === null ? 'a new donor each gift' : `${sameDonors} donors`;
  console.log(
    `\nDonation benchmark (${duration}s, ${connections} connections, ${variant}, PostgreSQL, pool 10)`,
  );
  console.table({ 'minimal INSERT route': minimalResult, 'POST /api/donations/gifts': giftResult });
  console.log(
    `gifts recorded: ${recorded!.gifts} from ${recorded!.donors} donors; largest donor total ${recorded!.top / 100} EUR (cap ${CANDIDATE_CAP_CENTS / 100})`,
  );
  console.log(`ratio gifts / minimal route: ${ratio.toFixed(2)} (target ≥ 0.3)`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    `bench/results/${sameDonors === null ? 'donation' : `donation-same-donors-${sameDonors}`}.json`,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        duration,
        connections,
        sameDonors,
        minimal: minimalResult,
        gifts: giftResult,
        recorded,
        ratio,
      },
      null,
      2,
    ),
  );
} finally {
  for (const server of servers) await stopServer(server);
  await client.end().catch(() => undefined);
  await db.drop();
}
