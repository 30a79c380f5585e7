import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { TransformOptions, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, type ZlibOptions } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { queryOver, type Database, type Query } from '../db/index.ts';
import { audit } from '../audit.ts';
import { campaignForBackup } from '../campaigns/service.ts';
import { FORMAT, FORMAT_VERSION, type End, type Header, type TableEnd } from './format.ts';
import { migrationLevel } from './migration-level.ts';
import { campaignTables, quoteIdent } from './tables.ts';
import { copyLines, countLines } from './copy-text.ts';

/** Rows a PGlite cursor fetch brings (PGlite's COPY TO gives a whole table at once). */
const BATCH = 2_000;

/**
 * zlib level of the file. On the bench's rows (bench/README.md, backup-restore) levels 1, 3
 * and 6 (zlib's default, and pg_dump -Fc's) take 0.25, 0.27 and 0.8 s for 144 MB of lines,
 * for 4.1, 4.0 and 3.8 MB: 3 keeps most of 6's size at 1's cost. gzip runs on libuv's thread
 * pool while PostgreSQL writes the next rows, so the backup's time is mostly the server's.
 */
export const GZIP_LEVEL = 3;

/**
 * Bytes gzip and a COPY stream may hold before the writer waits: enough for gzip to work
 * while the next rows arrive (at Node's 16 kB the writer waited on gzip for every chunk).
 */
const BUFFER = 1 << 20;

export interface BackupSummary {
  campaignId: number;
  tables: Record<string, number>;
  rows: number;
}

/** Writes a piece of the file, waiting while gzip's buffer is full. */
type Write = (chunk: string | Buffer) => Promise<void>;

/**
 * One table's row lines, each `row_to_json(t)::text` then '\n', in pieces of whole or part
 * lines, each piece with the number of lines it ends.
 */
type RowSource = (table: string) => AsyncIterable<{ text: string | Buffer; rows: number }>;

/**
 * Writes campaign `campaignId` of `database` to `out` (gzip, format.ts), read in one
 * repeatable-read transaction so the copy is of one moment. Ends `out`.
 */
export async function writeCampaignBackup(
  database: Database,
  campaignId: number,
  out: Writable,
): Promise<BackupSummary> {
  // zlib passes the stream options on (its types leave them out).
  const options: ZlibOptions & TransformOptions = {
    level: GZIP_LEVEL,
    chunkSize: 1 << 16,
    highWaterMark: BUFFER,
  };
  const gzip = createGzip(options);
  // A full disk or a closed connection fails the pipeline: the next write throws it.
  const piped = pipeline(gzip, out);
  let failure: unknown;
  piped.catch((error: unknown) => (failure = error));
  const write: Write = async (chunk) => {
    if (failure) throw failure;
    if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), piped]);
  };
  try {
    const summary = await readCampaign(database, campaignId, write);
    const end: End = { end: true, rows: summary.rows };
    gzip.end(JSON.stringify(end) + '\n');
    await piped;
    return summary;
  } catch (error) {
    gzip.destroy();
    await piped.catch(() => undefined);
    throw error;
  }
}

async function readCampaign(
  database: Database,
  campaignId: number,
  write: Write,
): Promise<BackupSummary> {
  // Before the transaction: on PGlite it holds the only connection until it ends.
  const migration = await migrationLevel(database);
  const tables = await campaignTables(database.query);
  const id = Number(campaignId);
  if (!Number.isSafeInteger(id)) throw new Error(`Not a campaign id: ${campaignId}`);
  const where = `WHERE campaign_id = ${id}`; // an integer, checked: COPY takes no parameters
  const read = (query: Query, rows: RowSource) =>
    writeTables(query, { database, campaignId: id, migration, tables }, rows, write);

  if (database.engine === 'postgres' && database.pool) {
    // COPY streams each table (PostgreSQL writes the JSON lines, Node only unescapes them).
    const client = await database.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const summary = await read(
        queryOver(async (text, params) => (await client.query(text, params)).rows),
        (table) => copyRows(client, table, where),
      );
      await client.query('COMMIT');
      return summary;
    } catch (error) {
      // A COPY left half read keeps the connection busy (a ROLLBACK would wait behind it):
      // close the connection, which ends the transaction, rather than pool it.
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  }
  return database.transaction((query) => read(query, (table) => cursorRows(query, table, where)));
}

async function* copyRows(client: pg.PoolClient, table: string, where: string) {
  const stream = client.query(
    copyTo(`COPY (SELECT row_to_json(t)::text FROM ${quoteIdent(table)} t ${where}) TO STDOUT`, {
      highWaterMark: BUFFER,
    }),
  );
  const unescape = copyLines();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    yield { text: unescape(chunk), rows: countLines(chunk) };
  }
}

async function* cursorRows(query: Query, table: string, where: string) {
  // A cursor walks the table in this transaction's snapshot without holding it in memory.
  const cursor = quoteIdent(`levier_backup_${table}`);
  await query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR
       SELECT row_to_json(t)::text AS j FROM ${quoteIdent(table)} t ${where}`,
  );
  for (;;) {
    const batch = await query<{ j: string }>(`FETCH ${BATCH} FROM ${cursor}`);
    // One string a batch: gzip and the hash called per line cost more than the reading.
    if (batch.length > 0)
      yield { text: batch.map((row) => row.j).join('\n') + '\n', rows: batch.length };
    if (batch.length < BATCH) break;
  }
  await query(`CLOSE ${cursor}`);
}

interface Campaign {
  database: Database;
  campaignId: number;
  migration: Header['migration'];
  tables: string[];
}

async function writeTables(
  query: Query,
  { database, campaignId, migration, tables }: Campaign,
  rowsOf: RowSource,
  write: Write,
): Promise<BackupSummary> {
  const summary: BackupSummary = { campaignId, tables: {}, rows: 0 };
  await query("SET LOCAL TimeZone = 'UTC'");
  const campaign = await campaignForBackup(query, campaignId);
  if (!campaign) throw new Error(`No campaign ${campaignId} in this database.`);
  const header: Header = {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    engine: database.engine,
    migration,
    campaign,
    tables,
  };
  await write(JSON.stringify(header) + '\n');
  for (const table of tables) {
    const columns = await query<{ name: string }>(
      sql`SELECT attname AS name FROM pg_attribute
           WHERE attrelid = ${quoteIdent(table)}::regclass AND attnum > 0 AND NOT attisdropped
             AND attgenerated = '' ORDER BY attnum`,
    );
    await write(JSON.stringify({ table, columns: columns.map((c) => c.name) }) + '\n');
    const hash = createHash('sha256');
    let rows = 0;
    for await (const piece of rowsOf(table)) {
      hash.update(piece.text);
      rows += piece.rows;
      await write(piece.text);
    }
    const end: TableEnd = { tableEnd: table, rows, sha256: hash.digest('hex') };
    await write(JSON.stringify(end) + '\n');
    summary.tables[table] = rows;
    summary.rows += rows;
  }
  return summary;
}

/** A backup someone asked for (CLI): written, then entered in the campaign's audit log. */
export async function exportCampaign(
  database: Database,
  campaignId: number,
  out: Writable,
  file: string,
): Promise<BackupSummary> {
  const summary = await writeCampaignBackup(database, campaignId, out);
  await audit(database, {
    campaignId,
    actorId: null,
    action: 'campaign.backup',
    target: file,
    details: { rows: summary.rows },
  });
  return summary;
}
