import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../db/index.ts';
import { audit } from '../audit.ts';
import { campaignForBackup } from '../campaigns/service.ts';
import { FORMAT, FORMAT_VERSION, type End, type Header, type TableEnd } from './format.ts';
import { migrationLevel } from './migration-level.ts';
import { campaignTables, quoteIdent } from './tables.ts';

const BATCH = 2_000;

export interface BackupSummary {
  campaignId: number;
  tables: Record<string, number>;
  rows: number;
}

/**
 * Writes campaign `campaignId` of `database` to `out` (gzip, format.ts), read in one
 * repeatable-read transaction so the copy is of one moment. Ends `out`.
 */
export async function writeCampaignBackup(
  database: Database,
  campaignId: number,
  out: Writable,
): Promise<BackupSummary> {
  const gzip = createGzip();
  // A full disk or a closed connection fails the pipeline: the next write throws it.
  const piped = pipeline(gzip, out);
  let failure: unknown;
  piped.catch((error: unknown) => (failure = error));
  const write = async (line: string) => {
    if (failure) throw failure;
    if (!gzip.write(line + '\n')) await Promise.race([once(gzip, 'drain'), piped]);
  };
  try {
    return await writeRows(database, campaignId, write, async (last) => {
      gzip.end(last + '\n');
      await piped;
    });
  } catch (error) {
    gzip.destroy();
    await piped.catch(() => undefined);
    throw error;
  }
}

async function writeRows(
  database: Database,
  campaignId: number,
  write: (line: string) => Promise<void>,
  finish: (last: string) => Promise<void>,
): Promise<BackupSummary> {
  const summary: BackupSummary = { campaignId, tables: {}, rows: 0 };
  // Before the transaction: on PGlite it holds the only connection until it ends.
  const migration = await migrationLevel(database);
  const tables = (await campaignTables(database.query)).map((name) => ({ name }));
  await database.transaction(async (query) => {
    if (database.engine === 'postgres') {
      await query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    }
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
      tables: tables.map((table) => table.name),
    };
    await write(JSON.stringify(header));
    for (const table of tables) {
      const columns = await query<{ name: string }>(
        sql`SELECT attname AS name FROM pg_attribute
             WHERE attrelid = ${quoteIdent(table.name)}::regclass AND attnum > 0 AND NOT attisdropped
               AND attgenerated = '' ORDER BY attnum`,
      );
      await write(JSON.stringify({ table: table.name, columns: columns.map((c) => c.name) }));
      const hash = createHash('sha256');
      let rows = 0;
      // A cursor walks the table in this transaction's snapshot without holding it in memory.
      const cursor = `levier_backup_${table.name}`;
      await query(
        `DECLARE ${quoteIdent(cursor)} NO SCROLL CURSOR FOR
           SELECT row_to_json(t)::text AS j FROM ${quoteIdent(table.name)} t WHERE campaign_id = ${Number(campaignId)}`,
      );
      for (;;) {
        const batch = await query<{ j: string }>(`FETCH ${BATCH} FROM ${quoteIdent(cursor)}`);
        for (const { j } of batch) {
          hash.update(j + '\n');
          await write(j);
        }
        rows += batch.length;
        if (batch.length < BATCH) break;
      }
      await query(`CLOSE ${quoteIdent(cursor)}`);
      const end: TableEnd = { tableEnd: table.name, rows, sha256: hash.digest('hex') };
      await write(JSON.stringify(end));
      summary.tables[table.name] = rows;
      summary.rows += rows;
    }
  });
  const end: End = { end: true, rows: summary.rows };
  await finish(JSON.stringify(end));
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
