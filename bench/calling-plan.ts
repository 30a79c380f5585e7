/**
 * Planning a voice broadcast to an imported list on PostgreSQL: the list imported by the real
 * job, then the audience frozen at launch with the opt-out filter:
 *   npm run bench -- calling-plan [--rows 6000000] [--small 600000] [--opt-outs 100000]
 * For `small` and `rows` lines of a generated list (bench/lib/call-list-file.ts), each in a
 * fresh database (default settings), with an opt-out list of `opt-outs` numbers (1% of the
 * list's numbers among them, the rest numbers it does not hold):
 *   (r) the reference: the same reader (`readCallList`) over the file in Node, no database,
 *       timed; then, its numbers COPYed into an unindexed staging table before the timer, a
 *       bare `INSERT … SELECT` of them into `call_targets` with its indexes, timed. The sum is
 *       the reference. Also timed, not in the sum: the same INSERT with the opt-out filter.
 *   (l) Levier: the import job (`runCallListImport`) on the file stored as an upload leaves
 *       it, then `approveLaunch` (launch checks, `freezeAudience`: one INSERT … SELECT with
 *       the keyed-hash opt-out filter, the territories' caller-ID check), both timed.
 * A CHECKPOINT comes before each timed database phase, on both sides.
 * Results: a table on stdout and bench/results/calling-plan.json.
 */
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/core/config.ts';
import type { AppContext } from '../src/server/core/context.ts';
import { openDatabase, runMigrations } from '../src/server/core/db/index.ts';
import { UPLOAD_CHUNK_BYTES } from '../src/server/core/uploads/chunks.ts';
import { closeContext, createContext } from '../src/server/core/runtime.ts';
import {
  addPhoneOptOuts,
  notOptedOutSql,
  optOutKey,
} from '../src/server/features/compliance/phone-opt-outs.ts';
import { readCallList } from '../src/server/features/calling/numbers/call-list.ts';
import { runCallListImport } from '../src/server/features/calling/lists/job.ts';
import { copyValue, openSession } from '../src/server/features/people/import/session.ts';
import { optOutNumbers, writeCallListFile } from './lib/call-list-file.ts';
import { approve, broadcastAwaitingApproval, seedCallingBasics } from './lib/calling-setup.ts';
import { describeMachine, machineNote } from './lib/machine.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '6000000' },
    small: { type: 'string', default: '600000' },
    'opt-outs': { type: 'string', default: '100000' },
  },
});
const ROWS = Number(values.rows);
const SMALL = Number(values.small);
const OPT_OUTS = Number(values['opt-outs']);
const CAMPAIGN = 1;
const TIME_ZONE = 'Europe/Paris';
const since = (start: number) => (performance.now() - start) / 1000;
const round = (seconds: number) => Number(seconds.toFixed(2));

const TARGET_COLUMNS = sql`campaign_id, broadcast_id, e164, person_id, territory, departement,
  slot_weekdays, slot_from, slot_to, next_at`;
/** What the freeze writes of a number, from the staging table. */
const TARGET_VALUES = sql`${CAMPAIGN}, 1, s.e164, NULL, s.territory,
  CASE WHEN s.territory <> 'metropole' THEN s.territory END,
  s.slot_weekdays, s.slot_from, s.slot_to, now()`;

/** (r) The reader alone, then a bare INSERT … SELECT of what it gave into call_targets. */
async function reference(file: string, optOuts: string[]) {
  const db = await freshDatabase('levier_bench_plan_ref');
  const database = await openDatabase({ databaseUrl: db.url, poolSize: 2 });
  try {
    await runMigrations(database);
    await addPhoneOptOuts(database.query, CAMPAIGN, optOuts, 'staff');
    let start = performance.now();
    let numbers = 0;
    for await (const event of readCallList(createReadStream(file), { timeZone: TIME_ZONE })) {
      if (event.type === 'numbers') numbers += event.rows.length;
    }
    const readSeconds = since(start);

    const session = await openSession(database);
    try {
      await session.exec(
        'CREATE TABLE plan_staging (e164 text, territory text, slot_weekdays smallint[], slot_from text, slot_to text)',
      );
      for await (const event of readCallList(createReadStream(file), { timeZone: TIME_ZONE })) {
        if (event.type !== 'numbers') continue;
        const lines = event.rows.map((row) =>
          [
            row.e164,
            row.territory,
            row.slot ? `{${row.slot.weekdays.join(',')}}` : null,
            row.slot?.from,
            row.slot?.to,
          ]
            .map(copyValue)
            .join('\t'),
        );
        await session.copy(
          'plan_staging',
          ['e164', 'territory', 'slot_weekdays', 'slot_from', 'slot_to'],
          `${lines.join('\n')}\n`,
        );
      }
    } finally {
      await session.release();
    }

    await database.query(sql`CHECKPOINT`);
    start = performance.now();
    await database.query(
      sql`INSERT INTO call_targets (${TARGET_COLUMNS}) SELECT ${TARGET_VALUES} FROM plan_staging s`,
    );
    const insertSeconds = since(start);

    await database.query(sql`TRUNCATE call_targets`);
    const key = await optOutKey(database.query, CAMPAIGN);
    await database.query(sql`CHECKPOINT`);
    start = performance.now();
    const [filtered] = await database.query<{ n: number }>(
      sql`WITH frozen AS (
            INSERT INTO call_targets (${TARGET_COLUMNS}) SELECT ${TARGET_VALUES} FROM plan_staging s
             WHERE ${notOptedOutSql(CAMPAIGN, key, sql`s.e164`)} RETURNING 1)
          SELECT count(*)::int AS n FROM frozen`,
    );
    const filteredInsertSeconds = since(start);
    return {
      numbers,
      readSeconds,
      insertSeconds,
      seconds: readSeconds + insertSeconds,
      filteredInsertSeconds,
      filteredAudience: filtered.n,
    };
  } finally {
    await database.close();
    await db.drop();
  }
}

/** Stores the file as an upload leaves it (call_lists, call_list_files): the bench runs the job. */
async function storeUpload(ctx: AppContext, file: string, askerId: number) {
  const [list] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO call_lists (campaign_id, name, file_name, size, status, started_by)
        VALUES (${ctx.campaignId}, 'Liste', 'liste.csv', ${statSync(file).size}, 'queued', ${askerId})
        RETURNING id`,
  );
  let seq = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: UPLOAD_CHUNK_BYTES })) {
    await ctx.database.query(
      sql`INSERT INTO call_list_files (campaign_id, list_id, seq, data)
          VALUES (${ctx.campaignId}, ${list.id}, ${seq++}, ${chunk as Buffer})`,
    );
  }
  return Number(list.id);
}

/** (l) The import job, then the approval that freezes the audience. */
async function levier(file: string, optOuts: string[]) {
  const db = await freshDatabase('levier_bench_plan');
  const logs: Array<{ msg?: string; seconds?: Record<string, number> }> = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => logs.push(JSON.parse(line)) },
  ) as unknown as FastifyBaseLogger;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_URL: db.url });
  const ctx = await createContext(config, { log });
  try {
    const staff = await seedCallingBasics(ctx);
    await addPhoneOptOuts(ctx.database.query, ctx.campaignId, optOuts, 'staff');
    const listId = await storeUpload(ctx, file, staff.askerId);

    await ctx.database.query(sql`CHECKPOINT`);
    let start = performance.now();
    await runCallListImport(ctx, listId);
    const importSeconds = since(start);
    const [list] = await ctx.database.query<{ status: string; number_count: number }>(
      sql`SELECT status, number_count FROM call_lists WHERE campaign_id = ${ctx.campaignId} AND id = ${listId}`,
    );
    if (list.status !== 'succeeded') throw new Error(`import ${list.status}`);
    const phases = logs.findLast((l) => l.msg === 'call list imported')?.seconds ?? {};

    const broadcastId = await broadcastAwaitingApproval(ctx, staff, listId);
    await ctx.database.query(sql`CHECKPOINT`);
    start = performance.now();
    const launched = await approve(ctx, staff, broadcastId);
    const freezeSeconds = since(start);
    if (launched.status !== 'running') throw new Error(`launch ${launched.status}`);
    return {
      numbers: Number(list.number_count),
      audience: launched.audience.count ?? 0,
      importSeconds,
      importPhases: phases,
      freezeSeconds,
      seconds: importSeconds + freezeSeconds,
    };
  } finally {
    await closeContext(ctx);
    await db.drop();
  }
}

const benchStart = performance.now();
const before = machineNote();
const dir = mkdtempSync(join(tmpdir(), 'levier-bench-plan-'));
try {
  const results = [];
  for (const rows of [SMALL, ROWS]) {
    const file = join(dir, `liste-${rows}.csv`);
    console.log(`Generating ${rows.toLocaleString('en')} lines…`);
    const stats = await writeCallListFile(file, rows);
    const optOuts = optOutNumbers(rows, OPT_OUTS);
    const startedAt = machineNote();
    const ref = await reference(file, optOuts);
    const job = await levier(file, optOuts);
    if (job.numbers !== ref.numbers || job.audience !== ref.filteredAudience) {
      throw new Error(`Levier and the reference disagree: ${JSON.stringify({ job, ref })}`);
    }
    results.push({
      rows,
      fileMb: Math.round(stats.bytes / 1_048_576),
      numbers: job.numbers,
      audience: job.audience,
      startedAt,
      reference: {
        readSeconds: round(ref.readSeconds),
        insertSeconds: round(ref.insertSeconds),
        seconds: round(ref.seconds),
        filteredInsertSeconds: round(ref.filteredInsertSeconds),
      },
      levier: {
        importSeconds: round(job.importSeconds),
        importPhases: job.importPhases,
        freezeSeconds: round(job.freezeSeconds),
        seconds: round(job.seconds),
      },
      ratio: Number((job.seconds / ref.seconds).toFixed(2)),
      ratioToFilteredReference: Number(
        (job.seconds / (ref.readSeconds + ref.filteredInsertSeconds)).toFixed(2),
      ),
      rowsPerSecond: Math.round(rows / job.seconds),
    });
    rmSync(file);
  }
  const [atSmall, atBig] = results;
  const linearity = Number((atBig.rowsPerSecond / atSmall.rowsPerSecond).toFixed(2));
  const after = machineNote();
  console.log(`\nPlanning a call list (PostgreSQL), from ${describeMachine(before)}`);
  console.log(
    'lines      numbers    audience   reference: read + insert = total   Levier: import + freeze = total   ratio (≤ 2)   rows/s',
  );
  for (const r of results) {
    const ref = r.reference;
    const lev = r.levier;
    console.log(
      `${String(r.rows).padEnd(10)} ${String(r.numbers).padEnd(10)} ${String(r.audience).padEnd(10)} ` +
        `${ref.readSeconds.toFixed(1).padStart(7)} + ${ref.insertSeconds.toFixed(1).padStart(6)} = ${ref.seconds.toFixed(1).padStart(6)} s   ` +
        `${lev.importSeconds.toFixed(1).padStart(7)} + ${lev.freezeSeconds.toFixed(1).padStart(6)} = ${lev.seconds.toFixed(1).padStart(6)} s   ` +
        `${r.ratio.toFixed(2).padStart(5)} ${r.ratio <= 2 ? 'PASS' : 'FAIL'}   ${String(r.rowsPerSecond).padStart(7)}`,
    );
    console.log(
      `           import phases ${JSON.stringify(lev.importPhases)}; reference insert with the opt-out filter ${ref.filteredInsertSeconds} s (ratio to it ${r.ratioToFilteredReference})`,
    );
  }
  console.log(
    `linearity: rows/s at ${atBig.rows} / at ${atSmall.rows} = ${linearity.toFixed(2)} (≥ 0.8: ${linearity >= 0.8 ? 'PASS' : 'FAIL'})`,
  );
  const wallSeconds = round(since(benchStart));
  console.log(`wall time of the whole run ${wallSeconds} s; ended ${describeMachine(after)}`);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/calling-plan.json', import.meta.url),
    JSON.stringify(
      { date: before.at, machine: { before, after }, results, linearity, wallSeconds },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
