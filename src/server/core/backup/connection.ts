import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { queryOver, type Database, type Query } from '../db/index.ts';
import { quoteIdent } from './tables.ts';

/**
 * One transaction of a backup or a restore, with COPY both ways on either engine: PostgreSQL
 * streams it over the connection, PGlite passes it through a Blob (its /dev/blob).
 */
export interface CopyConnection {
  query: Query;
  /** The text-format lines of `select`'s rows, in pieces of whole or part lines. */
  copyOut(select: string, pages?: PageRange): AsyncIterable<Buffer>;
  /** Text-format lines into `table (columns)`, from pieces of whole lines. */
  copyIn(table: string, columns: readonly string[], pieces: AsyncIterable<Buffer>): Promise<void>;
}

/**
 * Where PGlite reads a table in pieces: its COPY TO gives the whole result at once, so a big
 * table is read a range of heap pages at a time (a TID range scan each; `select` ends with a
 * WHERE clause the range is added to). PostgreSQL streams any size and ignores it.
 */
export interface PageRange {
  table: string;
  /** Heap pages read at once (tests make it small). */
  pagesAtOnce?: number;
}

/** Heap pages a PGlite COPY reads at once (8 kB each: about 32 MB of table). */
const PGLITE_PAGES = 4_096;

/** Bytes of lines a PGlite COPY FROM takes at once. */
const PGLITE_COPY_IN = 8 << 20;

/** Bytes a COPY stream may hold before its reader or writer waits. */
export const COPY_BUFFER = 1 << 20;

export type Isolation = 'snapshot' | 'write';

/**
 * Runs `work` in one transaction: `snapshot` is read only and repeatable read (a backup of
 * one moment), `write` the default read committed (a restore). On any error it rolls back.
 */
export async function withCopyConnection<T>(
  database: Database,
  isolation: Isolation,
  work: (connection: CopyConnection) => Promise<T>,
): Promise<T> {
  const begin =
    isolation === 'snapshot' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY' : 'BEGIN';
  if (database.engine === 'postgres' && database.pool) {
    const client = await database.pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      const result = await work(postgresConnection(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A COPY cut halfway keeps the connection busy (a ROLLBACK would wait behind it):
      // closing the connection ends the transaction, rolled back, instead of pooling it.
      broken = true;
      throw error;
    } finally {
      client.release(broken);
    }
  }
  // PGlite's transaction() holds its only connection: the server's own queries wait, rather
  // than run inside this transaction.
  return database.pglite!.transaction(async (tx) => {
    if (isolation === 'snapshot')
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return work(pgliteConnection(tx));
  });
}

function postgresConnection(client: pg.PoolClient): CopyConnection {
  return {
    query: queryOver(async (text, params) => (await client.query(text, params)).rows),
    async *copyOut(select) {
      const stream = client.query(
        copyTo(`COPY (${select}) TO STDOUT`, { highWaterMark: COPY_BUFFER }),
      );
      yield* stream as AsyncIterable<Buffer>;
    },
    async copyIn(table, columns, pieces) {
      const stream = client.query(
        copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, {
          highWaterMark: COPY_BUFFER,
        }),
      );
      const finished = once(stream, 'finish'); // rejects on 'error'
      finished.catch(() => undefined); // awaited below, or the piece's own error wins
      try {
        for await (const piece of pieces) {
          if (!stream.write(piece)) await Promise.race([once(stream, 'drain'), finished]);
        }
      } catch (error) {
        stream.destroy(error as Error); // CopyFail: the server ends the COPY with an error
        throw error;
      }
      stream.end();
      await finished;
    },
  };
}

function pgliteConnection(tx: Transaction): CopyConnection {
  const query = queryOver(async (text, params) => (await tx.query(text, params)).rows);
  const copyToBlob = async (select: string) => {
    const result = await tx.query(`COPY (${select}) TO '/dev/blob'`);
    return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
  };
  return {
    query,
    async *copyOut(select, pages) {
      if (!pages) {
        yield await copyToBlob(select);
        return;
      }
      // Pages added after this transaction began hold no row it sees: the size read now
      // bounds every row of the snapshot.
      const [{ count }] = await query<{ count: number }>(
        sql`SELECT (pg_relation_size(${quoteIdent(pages.table)}::regclass)
                    / current_setting('block_size')::int)::int AS count`,
      );
      const step = pages.pagesAtOnce ?? PGLITE_PAGES;
      for (let from = 0; from < count; from += step) {
        const range = `ctid >= '(${from},0)'::tid AND ctid < '(${from + step},0)'::tid`;
        yield await copyToBlob(`${select} AND ${range}`);
      }
    },
    async copyIn(table, columns, pieces) {
      const statement = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`;
      let batch: Buffer[] = [];
      let size = 0;
      const flush = async () => {
        // Node's Buffers here are views of plain ArrayBuffers (never shared ones).
        if (size > 0)
          await tx.query(statement, [], { blob: new Blob(batch as Uint8Array<ArrayBuffer>[]) });
        batch = [];
        size = 0;
      };
      for await (const piece of pieces) {
        batch.push(piece);
        size += piece.length;
        if (size >= PGLITE_COPY_IN) await flush();
      }
      await flush();
    },
  };
}
