import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { TransformOptions, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, type ZlibOptions } from 'node:zlib';
import type { Database } from '../db/index.ts';
import { audit } from '../audit.ts';
import { campaignForBackup } from '../campaigns/service.ts';
import { FORMAT, FORMAT_VERSION, type End, type Header, type TableEnd } from './format.ts';
import { migrationLevel } from './migration-level.ts';
import { campaignTables } from './tables.ts';
import { countLines, fileColumns, setTextFormat, tableRows } from './copy-text.ts';
import { COPY_BUFFER, withCopyConnection, type CopyConnection } from './connection.ts';

/**
 * zlib level of the file. On the bench's rows (bench/README.md, backup-restore) levels 1, 3
 * and 6 (zlib's default, and pg_dump -Fc's) take 0.25, 0.27 and 0.8 s for 144 MB of lines,
 * for 4.1, 4.0 and 3.8 MB: 3 keeps most of 6's size at 1's cost. gzip runs on libuv's thread
 * pool while PostgreSQL writes the next rows, so the backup's time is mostly the server's.
 */
export const GZIP_LEVEL = 3;

export interface BackupSummary {
  campaignId: number;
  tables: Record<string, number>;
  rows: number;
}

/** Writes a piece of the file, waiting while gzip's buffer is full. */
type Write = (chunk: string | Buffer) => Promise<void>;

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
    // As much as a COPY chunk: gzip works while the next rows arrive (at Node's 16 kB the
    // writer waited on gzip for every chunk).
    highWaterMark: COPY_BUFFER,
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
  return withCopyConnection(database, 'snapshot', (connection) =>
    writeTables(connection, { database, campaignId: id, migration, tables }, write),
  );
}

interface Campaign {
  database: Database;
  campaignId: number;
  migration: Header['migration'];
  tables: string[];
}

async function writeTables(
  connection: CopyConnection,
  { database, campaignId, migration, tables }: Campaign,
  write: Write,
): Promise<BackupSummary> {
  const { query } = connection;
  const summary: BackupSummary = { campaignId, tables: {}, rows: 0 };
  await setTextFormat(query);
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
    const columns = await fileColumns(query, table);
    await write(JSON.stringify({ table, columns }) + '\n');
    const hash = createHash('sha256');
    let rows = 0;
    for await (const chunk of tableRows(connection, table, columns, campaignId)) {
      hash.update(chunk);
      rows += countLines(chunk);
      await write(chunk);
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
