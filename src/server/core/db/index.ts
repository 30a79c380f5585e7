import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { pgliteFolder, useDataDirLayout } from './data-dir.ts';
import { acquireDataDirLock, DataDirBusyError } from './lock.ts';
import { toQuery, valuesOf, type Statement } from './statement.ts';
import { CONTROL_FILE } from '../cli-channel/control-file.ts';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Engine = 'pglite' | 'postgres';

/**
 * A statement answered with its rows: written with the `sql` template (see ./statement.ts),
 * or as text with its parameters where core code builds the text itself.
 */
export interface Query {
  <T = Record<string, unknown>>(statement: SQL): Promise<T[]>;
  <T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** What the rest of the code needs from a database, whichever engine runs it. */
export interface Database {
  engine: Engine;
  db: Db;
  query: Query;
  /** The same as `query(statement)`. */
  rows<T = Record<string, unknown>>(statement: SQL): Promise<T[]>;
  /**
   * A hot statement, prepared once per connection on PostgreSQL (saves parsing and planning
   * on every call); a plain query on PGlite. Built once with `statement(name, sql)`, its
   * placeholders filled by `values` on each call.
   */
  prepared<T = Record<string, unknown>>(
    statement: Statement,
    values: Record<string, unknown>,
  ): Promise<T[]>;
  /** Several statements without parameters (DDL, scripts). */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction, on one connection, whichever the engine. */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  pool?: pg.Pool;
  pglite?: PGlite;
  close(): Promise<void>;
}

/** A `Query` over a driver's `(text, params)` call. */
export function queryOver(run: (text: string, params?: unknown[]) => Promise<unknown[]>): Query {
  return ((statement: string | SQL, params?: unknown[]) => {
    if (typeof statement === 'string') return run(statement, params);
    const { text, params: values } = toQuery(statement);
    return run(text, values);
  }) as Query;
}

/** The contrib extensions the migrations create, loaded by every PGlite Levier opens. */
export const pgliteExtensions = { pg_trgm, btree_gin, btree_gist };

export const migrationsFolder = fileURLToPath(new URL('../../../../migrations', import.meta.url));

// bigint columns come back as strings by default; ids and counts here stay within 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  /** Data directory for PGlite; 'memory://' for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** What this process runs, written in the embedded folder's lock for a second process to read. */
  command?: string;
  /** Where automatic copies are kept: named when an embedded folder no longer opens. */
  backupDir?: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data', options);
}

/** An embedded folder that PGlite could not open, with what to do about it. */
export class DatabaseUnreadableError extends Error {
  constructor(dataDir: string, cause: unknown, advice: string) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`The embedded database in ${dataDir} could not be opened (${reason}).\n${advice}`, {
      cause,
    });
    this.name = 'DatabaseUnreadableError';
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined); // idle client errors surface on the next query instead
  const db = drizzlePg(pool) as unknown as Db;
  const query = queryOver(async (text, params) => (await pool.query(text, params)).rows);
  return {
    engine: 'postgres',
    db,
    pool,
    query,
    rows: (statement) => query(statement),
    async prepared<T>(statement: Statement, values: Record<string, unknown>) {
      const { name, text } = statement;
      const result = await pool.query({ name, text, values: valuesOf(statement, values) });
      return result.rows as T[];
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(
          queryOver(async (text, params) => (await client.query(text, params)).rows),
        );
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, options: OpenOptions): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (inMemory)
    return wrapPglite(await tunePglite(await PGlite.create({ extensions: pgliteExtensions })));
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir, options.command ?? 'levier');
  try {
    useDataDirLayout(dataDir);
    // Holding the lock, no server runs here: a control file left by a killed one is stale.
    rmSync(join(dataDir, CONTROL_FILE), { force: true });
    const client = await PGlite.create({
      dataDir: pgliteFolder(dataDir),
      extensions: pgliteExtensions,
    });
    return wrapPglite(await tunePglite(client), lock.release);
  } catch (error) {
    lock.release();
    if (error instanceof DataDirBusyError) throw error;
    const { recoveryAdvice } = await import('../backup/automatic.ts');
    throw new DatabaseUnreadableError(dataDir, error, recoveryAdvice(dataDir, options.backupDir));
  }
}

/**
 * PGlite runs in the server's thread, so no single statement may hold it long. A GIN index
 * (the people search's) gathers new entries in a pending list and merges them into the index
 * in the insert that finds the list past gin_pending_list_limit: at the default 4 MB, an
 * import slice or a sign-up every few thousand rows paid ~100 ms for it. At the smallest limit
 * (64 kB) each merge costs a few milliseconds; inserting in bulk is about half as fast (an
 * import of 100,000 rows on this engine: 1,500 rows/s instead of 3,200 at 256 kB, where
 * slices still took up to 75 ms), a price paid for a server that keeps answering.
 */
async function tunePglite(client: PGlite): Promise<PGlite> {
  await client.exec(`SET gin_pending_list_limit = '64kB'`);
  return client;
}

function wrapPglite(client: PGlite, release: () => void = () => undefined): Database {
  // PGlite's int8 parser returns bigint-safe numbers for our ids.
  const db = drizzlePglite(client) as unknown as Db;
  const query = queryOver(async (text, params) => (await client.query(text, params)).rows);
  return {
    engine: 'pglite',
    db,
    pglite: client,
    query,
    rows: (statement) => query(statement),
    async prepared<T>(statement: Statement, values: Record<string, unknown>) {
      return (await client.query<T>(statement.text, valuesOf(statement, values))).rows;
    },
    async exec(text) {
      await client.exec(text);
    },
    transaction: (work) =>
      client.transaction(async (tx) =>
        work(queryOver(async (text, params) => (await tx.query(text, params)).rows)),
      ),
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    // The migrators want their driver's own database type; ours is the engine-neutral one.
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migratePg(database.db as never, { migrationsFolder });
  }
}
