import PgBoss from 'pg-boss';
import type { Database } from '../db/index.ts';

/**
 * pg-boss on either engine. On PGlite (one connection, in process) it runs through a small
 * adapter: statements without parameters may hold several commands and go to exec().
 */
export function createBoss(database: Database): PgBoss {
  if (database.engine === 'postgres') {
    return new PgBoss({ db: poolAdapter(database), schema: 'pgboss' });
  }
  const pglite = database.pglite!;
  return new PgBoss({
    schema: 'pgboss',
    db: {
      async executeSql(text: string, values: unknown[]) {
        if (!values || values.length === 0) {
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const result = await pglite.query(text, values);
        return { rows: result.rows };
      },
    },
  });
}

function poolAdapter(database: Database) {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await database.pool!.query(text, values);
      // A multi-statement text returns an array of results; pg-boss wants the last one.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    },
  };
}
