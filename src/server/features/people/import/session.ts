import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import { queryOver, type Database, type Engine, type Query } from '../../../core/db/index.ts';

export type { Query };

/**
 * One database connection held for a whole import, so that temporary staging tables live
 * across statements, with COPY into them and one transaction for the apply.
 */
export interface ImportSession {
  engine: Engine;
  query: Query;
  /** Several statements without parameters, run as one. */
  exec(text: string): Promise<void>;
  /** COPY of text-format lines (tab-separated, \N for NULL) into a table. */
  copy(table: string, columns: readonly string[], text: string): Promise<void>;
  transaction<T>(work: (tx: ImportSession) => Promise<T>): Promise<T>;
  release(): Promise<void>;
}

/**
 * The people search's GIN index gathers new entries in a pending list, merged into the index by
 * the insert that finds the list past the inserting session's gin_pending_list_limit (4 MB by
 * default): during an import on PostgreSQL, a sign-up crossing it paid ~100 ms to merge the
 * import's entries. With a lower limit for its own session, the import merges its entries
 * itself, in pieces of ~20 ms, and the list never reaches a sign-up's limit.
 */
export const IMPORT_GIN_PENDING_LIMIT = '1MB';

export async function openSession(database: Database): Promise<ImportSession> {
  if (database.engine === 'pglite') {
    const pglite = database.pglite!;
    const session = (run: typeof pglite.query, runAll: typeof pglite.exec): ImportSession => ({
      engine: 'pglite',
      query: queryOver(async (text, params) => (await run(text, params)).rows),
      exec: async (text) => {
        await runAll(text);
      },
      async copy(table, columns, text) {
        await run(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
          blob: new Blob([text]),
        });
      },
      transaction: (work) =>
        pglite.transaction((tx) =>
          work(
            session(
              (text, params, options) => tx.query(text, params, options),
              (text, options) => tx.exec(text, options),
            ),
          ),
        ),
      release: async () => undefined,
    });
    return session(
      (text, params, options) => pglite.query(text, params, options),
      (text, options) => pglite.exec(text, options),
    );
  }
  const client = await database.pool!.connect();
  await client.query(`SET gin_pending_list_limit = '${IMPORT_GIN_PENDING_LIMIT}'`);
  const session: ImportSession = {
    engine: 'postgres',
    query: queryOver(async (text, params) => (await client.query(text, params)).rows),
    exec: async (text) => {
      await client.query(text);
    },
    async copy(table, columns, text) {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      const done = once(stream, 'finish'); // rejects on 'error'
      stream.end(text);
      await done;
    },
    async transaction(work) {
      await client.query('BEGIN');
      try {
        const result = await work(session);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async release() {
      // Temporary tables left by a failed run must not follow the connection back to the pool.
      await client.query('DISCARD TEMP; RESET gin_pending_list_limit').catch(() => undefined);
      client.release();
    },
  };
  return session;
}

/** A value in COPY text format. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}
