import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Database } from '../db/index.ts';
import { audit } from '../audit.ts';
import { placeCampaign, renameCampaign } from '../campaigns/service.ts';
import {
  COPY_TEXT_VERSION,
  FORMAT,
  FORMAT_VERSION,
  type End,
  type Header,
  type TableEnd,
  type TableStart,
} from './format.ts';
import { migrationLevel } from './migration-level.ts';
import { campaignTables, quoteIdent } from './tables.ts';
import { BackupReader, RestoreRefusedError } from './reader.ts';
import { withCopyConnection, type CopyConnection } from './connection.ts';
import { fileColumns, setTextFormat } from './copy-text.ts';
import { buildAgain, putIndexesAside, type PutAside } from './deferred-indexes.ts';

export { RestoreRefusedError };

type Query = Database['query'];

const BATCH_ROWS = 1_000;
const BATCH_CHARS = 4_000_000;

export interface RestoreOptions {
  /** Restore as this campaign id (made if missing); default: the backup's own id. */
  campaignId?: number;
  /** Restore as a new campaign, with an id from this database. */
  newCampaign?: boolean;
  /** Delete the target campaign's rows first (refused otherwise when it has any). */
  replace?: boolean;
  /** Written in the audit log. */
  source?: string;
}

export interface RestoreSummary {
  campaignId: number;
  fromCampaignId: number;
  name: string;
  tables: Record<string, number>;
  rows: number;
}

/** Moves each sequence of `table` (identity columns) past the largest value now stored. */
async function advanceSequences(query: Query, table: string) {
  const name = quoteIdent(table);
  const sequences = await query<{ column: string; sequence: string }>(
    sql`SELECT attname AS column, pg_get_serial_sequence(${name}, attname) AS sequence
       FROM pg_attribute WHERE attrelid = ${name}::regclass AND attnum > 0 AND NOT attisdropped
        AND pg_get_serial_sequence(${name}, attname) IS NOT NULL`,
  );
  for (const { column, sequence } of sequences) {
    await query(
      sql`/* every campaign: a table's identity sequence serves every campaign */
          SELECT setval(${sequence}::regclass, GREATEST(
         COALESCE((SELECT max(${sql.identifier(column)}) FROM ${sql.identifier(table)}), 0),
         COALESCE(pg_sequence_last_value(${sequence}::regclass), 0), 1))`,
    );
  }
}

async function campaignRowCounts(query: Query, campaignId: number, tables: string[]) {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE campaign_id = ${campaignId}`,
    );
    if (row.n > 0) counts[table] = row.n;
  }
  return counts;
}

async function readJson<T>(reader: BackupReader, what: string): Promise<T> {
  const text = await reader.next();
  if (text === undefined)
    throw new RestoreRefusedError(`The backup is cut short: ${what} is missing.`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new RestoreRefusedError(
      `The backup is damaged at line ${reader.line} (${what} expected).`,
    );
  }
}

async function readHeader(reader: BackupReader): Promise<Header> {
  let header: Header;
  try {
    header = await readJson<Header>(reader, 'its header');
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw error;
    throw new RestoreRefusedError(
      `This is not a Levier campaign backup (not a gzip of lines: ${(error as Error).message}).`,
    );
  }
  if (header.format !== FORMAT) {
    throw new RestoreRefusedError('This is not a Levier campaign backup (unknown format).');
  }
  if (header.version > FORMAT_VERSION) {
    throw new RestoreRefusedError(
      `This backup is in format ${header.version}; this version of Levier reads up to ${FORMAT_VERSION}: upgrade Levier first.`,
    );
  }
  return header;
}

/**
 * Restores a campaign backup (format.ts) into `database`, in one transaction: on any error
 * (damaged file, wrong count or hash, refused target) nothing changes.
 */
export async function restoreCampaignBackup(
  database: Database,
  input: Readable,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const reader = new BackupReader(input);
  const header = await readHeader(reader);
  const level = await migrationLevel(database);
  if (header.migration.index > level.index) {
    throw new RestoreRefusedError(
      `This backup was made at migration ${header.migration.tag}, newer than this database (${level.tag}): run the newer Levier version, or upgrade this one first.`,
    );
  }
  const known = new Set(await campaignTables(database.query));
  const unknown = header.tables.filter((table) => !known.has(table));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `This backup holds tables this database does not have (${unknown.join(', ')}): run the Levier version that made it, or a newer one.`,
    );
  }
  return withCopyConnection(database, 'write', async (connection) => {
    const { query } = connection;
    await setTextFormat(query);
    const campaignId = await targetCampaign(query, header, options);
    const summary: RestoreSummary = {
      campaignId,
      fromCampaignId: header.campaign.id,
      name: header.campaign.name,
      tables: {},
      rows: 0,
    };
    const putAside: PutAside[] = [];
    for (const expected of header.tables) {
      const start = await readJson<TableStart>(reader, `the start of table ${expected}`);
      if (start.table !== expected) {
        throw new RestoreRefusedError(
          `The backup is damaged at line ${reader.line}: table ${expected} expected, found ${start.table}.`,
        );
      }
      await checkColumns(query, start);
      let rows: number;
      if (header.version >= COPY_TEXT_VERSION) {
        const aside = await putIndexesAside(query, start.table);
        if (aside) putAside.push(aside);
        rows = await copyTable(connection, reader, start, header.campaign.id, campaignId);
      } else {
        rows = await insertJsonTable(query, reader, start, campaignId);
      }
      summary.tables[start.table] = rows;
      summary.rows += rows;
      await advanceSequences(query, start.table);
    }
    const end = await readJson<End>(reader, 'its last line');
    if (end.end !== true || end.rows !== summary.rows) {
      throw new RestoreRefusedError(
        'The backup is damaged: its last line does not match its rows.',
      );
    }
    await buildAgain(query, putAside);
    await advanceSequences(query, 'campaigns');
    await audit(
      { query },
      {
        campaignId,
        actorId: null,
        action: 'campaign.restore',
        target: options.source,
        details: {
          fromCampaignId: header.campaign.id,
          backupCreatedAt: header.createdAt,
          rows: summary.rows,
        },
      },
    );
    return summary;
  });
}

async function targetCampaign(query: Query, header: Header, options: RestoreOptions) {
  const { name, created_at } = header.campaign;
  const { id, existed } = await placeCampaign(query, {
    id: options.newCampaign ? undefined : (options.campaignId ?? header.campaign.id),
    name,
    created_at,
  });
  if (!existed) return id;
  const counts = await campaignRowCounts(query, id, header.tables);
  if (Object.keys(counts).length > 0 && !options.replace) {
    const listed = Object.entries(counts)
      .map(([table, n]) => `${table}: ${n}`)
      .join(', ');
    throw new RestoreRefusedError(
      `Campaign ${id} already has data (${listed}). Add --replace to replace it with the backup, or --new-campaign to restore the backup beside it.`,
    );
  }
  for (const table of (await campaignTables(query)).reverse()) {
    await query(sql`DELETE FROM ${sql.identifier(table)} WHERE campaign_id = ${id}`);
  }
  await renameCampaign(query, id, name);
  return id;
}

async function checkColumns(query: Query, start: TableStart) {
  const present = new Set(await fileColumns(query, start.table));
  const missing = start.columns.filter((column) => !present.has(column));
  if (missing.length > 0) {
    throw new RestoreRefusedError(
      `The backup's table ${start.table} has columns this database does not (${missing.join(', ')}).`,
    );
  }
}

/** Checks a table's last line against the rows read: their count and the hash of their lines. */
function checkTableEnd(end: TableEnd, start: TableStart, rows: number, sha256: string) {
  if (end.tableEnd !== start.table || end.rows !== rows || end.sha256 !== sha256) {
    throw new RestoreRefusedError(
      `The backup is damaged: table ${start.table} does not match its count and checksum.`,
    );
  }
}

/** A format-2 table: its lines go to COPY as they are, but for the campaign id they begin with. */
async function copyTable(
  connection: CopyConnection,
  reader: BackupReader,
  start: TableStart,
  fromCampaignId: number,
  campaignId: number,
): Promise<number> {
  if (start.columns[0] !== 'campaign_id') {
    throw new RestoreRefusedError(
      `The backup is damaged at line ${reader.line}: table ${start.table} does not begin with campaign_id.`,
    );
  }
  const hash = createHash('sha256');
  let rows = 0;
  async function* lines() {
    for await (const run of reader.rows(fromCampaignId, campaignId)) {
      hash.update(run.read);
      rows += run.rows;
      yield run.written;
    }
  }
  try {
    await connection.copyIn(quoteIdent(start.table), start.columns.map(quoteIdent), lines());
  } catch (error) {
    if (error instanceof RestoreRefusedError || !isDatabaseError(error)) throw error;
    // A value the database refuses (a damaged line): the restore is refused, nothing changed.
    throw new RestoreRefusedError(
      `The backup's table ${start.table} could not be loaded near line ${reader.line}: ${error.message}`,
    );
  }
  const end = await readJson<TableEnd>(reader, `the end of table ${start.table}`);
  checkTableEnd(end, start, rows, hash.digest('hex'));
  return rows;
}

/** An error the database reported (it has an SQLSTATE), rather than one of the file or of Node. */
const isDatabaseError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code));

/** A format-1 table: its row_to_json lines, inserted in batches through json_populate_recordset. */
async function insertJsonTable(
  query: Query,
  reader: BackupReader,
  start: TableStart,
  campaignId: number,
): Promise<number> {
  const table = sql.identifier(start.table);
  const columns = sql.join(
    start.columns.map((column) => sql.identifier(column)),
    sql`, `,
  );
  // The campaign id comes from the target, whatever the row says (kept or remapped alike).
  const values = sql.join(
    start.columns.map((column) =>
      column === 'campaign_id' ? sql`${campaignId}::integer` : sql.identifier(column),
    ),
    sql`, `,
  );
  const insert = (json: string) =>
    sql`INSERT INTO ${table} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${values} FROM json_populate_recordset(NULL::${table}, ${json}::json)`;
  const hash = createHash('sha256');
  let batch: string[] = [];
  let chars = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await query(insert(`[${batch.join(',')}]`));
    batch = [];
    chars = 0;
  };
  for (;;) {
    const line = await reader.next();
    if (line === undefined) {
      throw new RestoreRefusedError(`The backup is cut short in table ${start.table}.`);
    }
    if (line.startsWith('{"tableEnd"')) {
      await flush();
      checkTableEnd(JSON.parse(line) as TableEnd, start, rows, hash.digest('hex'));
      return rows;
    }
    hash.update(line + '\n');
    batch.push(line);
    chars += line.length;
    rows++;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
}
