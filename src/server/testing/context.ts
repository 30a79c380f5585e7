import { loadConfig } from '../core/config.ts';
import type { AppContext } from '../core/context.ts';
import { openDatabase } from '../core/db/index.ts';
import type { MailTransport } from '../core/mail/transport.ts';
import { closeContext, createContext } from '../core/runtime.ts';
import { capturedLog, type LogLine } from './captured-log.ts';
import { createPostgresDatabase, type EngineName } from './harness.ts';

/**
 * Services without the HTTP app or the features' jobs, on a fresh database of `engine`, with
 * a logger the test reads (`lines`). pg-boss is started; nothing works until the test says so.
 */
export async function createTestContext(
  engine: EngineName,
  options: { transport?: MailTransport } = {},
): Promise<{ ctx: AppContext; lines: LogLine[]; close(): Promise<void> }> {
  const pgDb = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  const database = await openDatabase(
    pgDb ? { databaseUrl: pgDb.url, poolSize: 4 } : { dataDir: 'memory://' },
  );
  const { log, lines } = capturedLog();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MAIL_FROM: 'hq@levier.test' });
  const ctx = await createContext(config, { database, log, transport: options.transport });
  await ctx.boss.start();
  return {
    ctx,
    lines,
    async close() {
      await closeContext(ctx);
      await pgDb?.drop();
    },
  };
}
