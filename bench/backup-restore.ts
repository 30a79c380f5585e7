/**
 * Campaign backup and restore against pg_dump / pg_restore of the same database, on
 * PostgreSQL, then a round trip on the embedded database:
 *   npm run bench -- backup-restore [--people 1000000] [--pglite-people 100000]
 *   (or BENCH_PEOPLE=20000 BENCH_PGLITE_PEOPLE=5000 for a quick check at reduced scale)
 * Seeds one campaign set-based (people, their timeline, consents and consent history, mail,
 * tags), then times in the same run:
 *   - `levier backup` (the writer behind the CLI, in this process) against `pg_dump -Fc`;
 *   - `levier restore` into an empty database (its migrations, then the restore) against
 *     `pg_restore` into an empty database (schema, data and indexes);
 * and the ratios (goal ≤ 2 each). Then the same campaign shape at --pglite-people on PGlite:
 * backup from one in-memory database, restore into another, each timed, with the file's size.
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, runMigrations, type Database } from '../src/server/core/db/index.ts';
import { writeCampaignBackup } from '../src/server/core/backup/write.ts';
import { restoreCampaignBackup } from '../src/server/core/backup/restore.ts';
import { campaignTables } from '../src/server/core/backup/tables.ts';
import { describeMachine, machineNote } from './lib/machine.ts';
import { freshDatabase } from './lib/pg.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: process.env.BENCH_PEOPLE ?? '1000000' },
    'pglite-people': { type: 'string', default: process.env.BENCH_PGLITE_PEOPLE ?? '100000' },
  },
});
const people = Number(values.people);
const pglitePeople = Number(values['pglite-people']);
const folder = mkdtempSync(join(tmpdir(), 'levier-bench-backup-'));
const seconds = (t0: number) => Number(((performance.now() - t0) / 1000).toFixed(2));
const mb = (file: string) => Number((statSync(file).size / 1_048_576).toFixed(1));

/** Campaign 1 of `database` with `count` people and their rows in a few related tables. */
async function seed(database: Database, count: number) {
  const q = database.query;
  for (let from = 0; from < count; from += 250_000) {
    const to = Math.min(count, from + 250_000);
    const [{ before }] = await q<{ before: number }>(
      `SELECT coalesce(max(id), 0)::bigint AS before FROM people WHERE campaign_id = 1`,
    );
    await q(
      `INSERT INTO people (campaign_id, email, email_normalized, first_name, last_name, phone,
                           commune_code, commune_name, postal_code, departement_code, source,
                           recruit_code, search_text)
       SELECT 1, 'p' || g || '@bench.example', 'p' || g || '@bench.example', 'Prénom' || (g % 60),
              'Nom' || (g % 400), CASE WHEN g % 3 = 0 THEN '+336' || lpad(g::text, 8, '0') END,
              '75056', 'Paris', '75001', '75', 'import', 'e' || g, 'prenom nom'
         FROM generate_series($1::int + 1, $2::int) g`,
      [from, to],
    );
    // The people just made: ids past the largest before (one session, no one else writes).
    const these = `campaign_id = 1 AND id > $1`;
    const range = [before];
    await q(
      `INSERT INTO person_events (campaign_id, person_id, kind, data)
       SELECT campaign_id, id, 'created', '{"via":"bench"}' FROM people WHERE ${these}`,
      range,
    );
    await q(
      `INSERT INTO person_consents (campaign_id, person_id, channel, status, source, wording_version, at)
       SELECT campaign_id, id, 'email', 'granted', 'import', 'v1', now() FROM people WHERE ${these}`,
      range,
    );
    await q(
      `INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version)
       SELECT campaign_id, id, 'email', true, 'import', 'v1' FROM people WHERE ${these}`,
      range,
    );
    await q(
      `INSERT INTO mail_outbox (campaign_id, person_id, kind, to_address, status)
       SELECT campaign_id, id, 'newsletter', email, 'sent' FROM people WHERE ${these} AND id % 2 = 0`,
      range,
    );
  }
  await q(
    `INSERT INTO tags (campaign_id, name) SELECT 1, 'tag ' || g FROM generate_series(1, 20) g`,
  );
  await q(
    `INSERT INTO person_tags (campaign_id, person_id, tag_id)
     SELECT p.campaign_id, p.id, t.id FROM people p
       JOIN tags t ON t.campaign_id = p.campaign_id AND t.id % 20 = p.id % 20
      WHERE p.campaign_id = 1`,
  );
}

async function rowCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await campaignTables(database.query)) {
    const [row] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE campaign_id = 1`,
    );
    if (row.n > 0) counts[table] = row.n;
  }
  return counts;
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${command} failed: ${result.stderr?.toString() ?? result.error?.message}`);
  }
}

async function backupTo(database: Database, file: string) {
  await writeCampaignBackup(database, 1, createWriteStream(file, { mode: 0o600 }));
}

const result: Record<string, unknown> = { machine: machineNote(), people, pglitePeople };
const source = await freshDatabase('levier_bench_backup');
const levierTarget = await freshDatabase('levier_bench_restore');
const dumpTarget = await freshDatabase('levier_bench_pgrestore');
let database: Database | undefined;
let restored: Database | undefined;
try {
  database = await openDatabase({ databaseUrl: source.url, poolSize: 2 });
  await runMigrations(database);
  console.log(`Seeding ${people.toLocaleString('en')} people on PostgreSQL…`);
  let t0 = performance.now();
  await seed(database, people);
  await database.exec('VACUUM ANALYZE');
  console.log(`  ${seconds(t0)} s`);
  const counts = await rowCounts(database);
  result.rows = counts;
  console.log(counts);

  const levierFile = join(folder, 'campaign.levier.gz');
  const dumpFile = join(folder, 'database.dump');
  t0 = performance.now();
  await backupTo(database, levierFile);
  const levierBackup = seconds(t0);
  t0 = performance.now();
  run('pg_dump', ['-Fc', '-f', dumpFile, source.url]);
  const pgDump = seconds(t0);
  console.log(
    `backup: levier ${levierBackup} s (${mb(levierFile)} MB), pg_dump -Fc ${pgDump} s (${mb(dumpFile)} MB)`,
  );

  t0 = performance.now();
  restored = await openDatabase({ databaseUrl: levierTarget.url, poolSize: 2 });
  await runMigrations(restored);
  const migrations = seconds(t0);
  t0 = performance.now();
  await restoreCampaignBackup(restored, createReadStream(levierFile));
  const levierRestoreOnly = seconds(t0);
  const levierRestore = Number((migrations + levierRestoreOnly).toFixed(2));
  const restoredCounts = await rowCounts(restored);
  restoredCounts.audit_log = (restoredCounts.audit_log ?? 1) - 1; // the restore's own entry
  if (restoredCounts.audit_log === 0) delete restoredCounts.audit_log;
  if (JSON.stringify(restoredCounts) !== JSON.stringify(counts)) {
    throw new Error(`The restore's rows differ: ${JSON.stringify(restoredCounts)}`);
  }
  t0 = performance.now();
  run('pg_restore', ['--no-owner', '-d', dumpTarget.url, dumpFile]);
  const pgRestore = seconds(t0);
  console.log(
    `restore into an empty database: levier ${levierRestore} s (migrations ${migrations} s + restore ${levierRestoreOnly} s), pg_restore ${pgRestore} s`,
  );
  const ratios = {
    backup: Number((levierBackup / pgDump).toFixed(2)),
    restore: Number((levierRestore / pgRestore).toFixed(2)),
  };
  Object.assign(result, {
    postgres: {
      seconds: { levierBackup, pgDump, migrations, levierRestoreOnly, levierRestore, pgRestore },
      mb: { levier: mb(levierFile), pgDump: mb(dumpFile) },
      ratios,
    },
  });
  console.log(`ratios (goal ≤ 2): backup ${ratios.backup}, restore ${ratios.restore}`);
  rmSync(levierFile);
  rmSync(dumpFile);
  await restored.close();
  restored = undefined;
  await database.close();
  database = undefined;

  console.log(`PGlite round trip at ${pglitePeople.toLocaleString('en')} people…`);
  const embedded = await openDatabase({ dataDir: 'memory://' });
  const copy = await openDatabase({ dataDir: 'memory://' });
  try {
    await runMigrations(embedded);
    await runMigrations(copy);
    await seed(embedded, pglitePeople);
    const file = join(folder, 'pglite.levier.gz');
    t0 = performance.now();
    await backupTo(embedded, file);
    const backup = seconds(t0);
    t0 = performance.now();
    const summary = await restoreCampaignBackup(copy, createReadStream(file));
    const restore = seconds(t0);
    result.pglite = {
      people: pglitePeople,
      rows: summary.rows,
      mb: mb(file),
      seconds: { backup, restore },
    };
    console.log(
      `PGlite: ${summary.rows} rows, ${mb(file)} MB; backup ${backup} s, restore ${restore} s`,
    );
  } finally {
    await embedded.close();
    await copy.close();
  }
  console.log(describeMachine(result.machine as ReturnType<typeof machineNote>));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/backup-restore.json', import.meta.url),
    JSON.stringify(result, null, 2),
  );
} finally {
  await restored?.close();
  await database?.close();
  await source.drop();
  await levierTarget.drop();
  await dumpTarget.drop();
  rmSync(folder, { recursive: true, force: true });
}
