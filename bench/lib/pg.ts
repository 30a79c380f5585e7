import { createScratchDatabase } from '../../src/server/testing/scratch-database.ts';

export const serverUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the benchmark's PostgreSQL server, dropped by the returned function. */
export const freshDatabase = (prefix: string) => createScratchDatabase(serverUrl, prefix);
