import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, runMigrations, type Database } from '../db/index.ts';
import {
  COPY_TEXT_VERSION,
  type End,
  type Header,
  type TableEnd,
  type TableStart,
} from './format.ts';
import { restoreCampaignBackup } from './restore.ts';
import { BackupReader } from './reader.ts';
import { withCopyConnection } from './connection.ts';
import { setTextFormat, tableRows } from './copy-text.ts';

/**
 * A restore drill: the backup is restored into a scratch database (a PGlite in memory, or a
 * new database on the PostgreSQL server of `databaseUrl`, dropped afterwards), then every
 * table's row count and checksum there is compared with the file's. A backup that restores
 * and compares equal is one that would have worked.
 *
 * The checksum of a table is the sum of the first 64 bits (signed) of the MD5 of each row's
 * line in the file: independent of row order, so the database may hand the rows back in any
 * order. On the scratch side the rows are printed again as the file has them: COPY text for
 * a format-2 file (summed here), `row_to_json` for a format-1 one (summed by PostgreSQL).
 */
export interface DrillTable {
  table: string;
  fileRows: number;
  restoredRows: number;
  fileChecksum: string;
  restoredChecksum: string;
  ok: boolean;
}

export interface DrillResult {
  ok: boolean;
  file: string;
  /** The scratch database: an embedded one in memory, or a PostgreSQL one. */
  target: 'pglite' | 'postgres';
  campaignId: number | null;
  backupCreatedAt: string | null;
  tables: DrillTable[];
  rows: number;
  ms: number;
  /** Why it failed (a refused restore, a table that differs, no scratch database). */
  error?: string;
}

interface FileTable {
  table: string;
  columns: string[];
  rows: number;
  checksum: bigint;
}

/** Where the restore enters itself (core/audit.ts): its own row is not the file's. */
const RESTORE_AUDIT_TABLE = 'audit_log';

const rowChecksum = (line: string | Buffer) =>
  BigInt.asIntN(64, BigInt('0x' + createHash('md5').update(line).digest('hex').slice(0, 16)));

/** Reads the backup once: its header, and each table's columns, row count and checksum. */
async function readFileTables(file: string): Promise<{ header: Header; tables: FileTable[] }> {
  const reader = new BackupReader(createReadStream(file));
  let header: Header | undefined;
  const tables: FileTable[] = [];
  let current: FileTable | undefined;
  for (let line = await reader.next(); line !== undefined; line = await reader.next()) {
    if (!header) {
      header = JSON.parse(line) as Header;
      continue;
    }
    if (current) {
      if (line.startsWith('{"tableEnd"')) {
        const end = JSON.parse(line) as TableEnd;
        if (end.rows !== current.rows) throw new Error(`table ${current.table}: count differs`);
        tables.push(current);
        current = undefined;
      } else {
        current.rows++;
        current.checksum += rowChecksum(line);
      }
      continue;
    }
    const parsed = JSON.parse(line) as TableStart | End;
    if ('table' in parsed) {
      current = { table: parsed.table, columns: parsed.columns, rows: 0, checksum: 0n };
    }
  }
  if (!header) throw new Error('the file is empty');
  return { header, tables };
}

interface Sum {
  rows: number;
  checksum: bigint;
}

/** The restore writes one audit entry of its own, after (above) every restored id: left out. */
const ownEntryLeftOut = (table: string, campaignId: number) =>
  table === RESTORE_AUDIT_TABLE
    ? `AND id < (SELECT max(id) FROM ${RESTORE_AUDIT_TABLE} WHERE campaign_id = ${Number(campaignId)})`
    : '';

/** The same count and checksum over the restored rows of a format-2 file, printed by COPY. */
async function restoredCopyTable(
  database: Database,
  campaignId: number,
  table: FileTable,
): Promise<Sum> {
  return withCopyConnection(database, 'snapshot', async (connection) => {
    await setTextFormat(connection.query);
    const sum: Sum = { rows: 0, checksum: 0n };
    let partial: Buffer = Buffer.alloc(0);
    const rows = tableRows(
      connection,
      table.table,
      table.columns,
      campaignId,
      ownEntryLeftOut(table.table, campaignId),
    );
    for await (const chunk of rows) {
      const text = partial.length > 0 ? Buffer.concat([partial, chunk]) : chunk;
      let from = 0;
      for (let at = text.indexOf(0x0a); at !== -1; at = text.indexOf(0x0a, from)) {
        sum.rows++;
        sum.checksum += rowChecksum(text.subarray(from, at));
        from = at + 1;
      }
      partial = text.subarray(from);
    }
    return sum;
  });
}

/** The same count and checksum over the restored rows of a format-1 file, by PostgreSQL. */
async function restoredJsonTable(
  database: Database,
  campaignId: number,
  table: FileTable,
): Promise<Sum> {
  const columns = sql.join(
    table.columns.map((column) => sql.identifier(column)),
    sql`, `,
  );
  const name = sql.identifier(table.table);
  return database.transaction(async (query) => {
    await query("SET LOCAL TimeZone = 'UTC'");
    const [row] = await query<{ n: number; sum: string | null }>(
      sql`SELECT count(*)::int AS n,
              sum(('x' || substr(md5(row_to_json(x)::text), 1, 16))::bit(64)::bigint::numeric)::text AS sum
         FROM (SELECT ${columns} FROM ${name} WHERE campaign_id = ${campaignId} ${sql.raw(ownEntryLeftOut(table.table, campaignId))}) x`,
    );
    return { rows: row.n, checksum: BigInt(row.sum ?? '0') };
  });
}

interface Scratch {
  database: Database;
  drop(): Promise<void>;
}

/** A new, empty, migrated database to restore into. */
async function openScratch(databaseUrl: string | undefined): Promise<Scratch> {
  if (!databaseUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await runMigrations(database).catch(async (error: unknown) => {
      await database.close();
      throw error;
    });
    return { database, drop: () => database.close() };
  }
  const name = `levier_drill_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
  let database: Database | undefined;
  try {
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    await runMigrations(database);
  } catch (error) {
    await database?.close();
    await drop();
    throw error;
  }
  const opened = database;
  return {
    database: opened,
    async drop() {
      await opened.close();
      await drop();
    },
  };
}

/**
 * Restores `file` into a scratch database and compares it with the file, table by table.
 * Never throws for a bad backup: the result says what failed.
 */
export async function drillBackup(
  file: string,
  options: { databaseUrl?: string } = {},
): Promise<DrillResult> {
  const started = performance.now();
  const result: DrillResult = {
    ok: false,
    file,
    target: options.databaseUrl ? 'postgres' : 'pglite',
    campaignId: null,
    backupCreatedAt: null,
    tables: [],
    rows: 0,
    ms: 0,
  };
  const done = (error?: string) => {
    result.ms = Math.round(performance.now() - started);
    if (error) result.error = error;
    result.ok = !error;
    return result;
  };
  let read: Awaited<ReturnType<typeof readFileTables>>;
  try {
    read = await readFileTables(file);
  } catch (error) {
    return done(`The backup could not be read: ${(error as Error).message}`);
  }
  result.campaignId = read.header.campaign?.id ?? null;
  result.backupCreatedAt = read.header.createdAt ?? null;
  let scratch: Scratch;
  try {
    scratch = await openScratch(options.databaseUrl);
  } catch (error) {
    return done(`No scratch database to restore into: ${(error as Error).message}`);
  }
  try {
    let campaignId: number;
    try {
      ({ campaignId } = await restoreCampaignBackup(scratch.database, createReadStream(file), {
        source: file,
      }));
    } catch (error) {
      return done(`The restore failed: ${(error as Error).message}`);
    }
    for (const table of read.tables) {
      const restored = await (
        read.header.version >= COPY_TEXT_VERSION ? restoredCopyTable : restoredJsonTable
      )(scratch.database, campaignId, table);
      const ok = restored.rows === table.rows && restored.checksum === table.checksum;
      result.tables.push({
        table: table.table,
        fileRows: table.rows,
        restoredRows: restored.rows,
        fileChecksum: table.checksum.toString(),
        restoredChecksum: restored.checksum.toString(),
        ok,
      });
      result.rows += restored.rows;
    }
    const differing = result.tables.filter((table) => !table.ok).map((table) => table.table);
    return done(
      differing.length > 0
        ? `The restored rows differ from the file in ${differing.join(', ')}.`
        : undefined,
    );
  } finally {
    await scratch.drop();
  }
}

/** What the CLI prints of a drill. */
export function drillReport(result: DrillResult): string[] {
  const lines = [
    `Restore drill${result.file ? ` of ${result.file}` : ''} into a scratch ${result.target === 'pglite' ? 'embedded database (in memory)' : 'PostgreSQL database'}: ${result.ok ? 'OK' : 'FAILED'} in ${result.ms} ms.`,
  ];
  if (result.tables.length > 0) {
    const differing = result.tables.filter((table) => !table.ok);
    lines.push(
      `${result.tables.length} tables, ${result.rows} rows compared (count and checksum)${differing.length ? `; differing: ${differing.map((t) => `${t.table} (${t.restoredRows}/${t.fileRows} rows)`).join(', ')}` : ', all identical'}.`,
    );
  }
  if (result.error) lines.push(result.error);
  return lines;
}
