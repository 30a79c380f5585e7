import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { GeoReference } from './geo/communes.ts';
import type { Mailer } from './mail/index.ts';

/** What every feature's service receives: no globals, so tests build their own. */
export interface AppContext {
  config: Config;
  database: Database;
  mailer: Mailer;
  boss: PgBoss;
  geo: GeoReference;
  log: FastifyBaseLogger;
}
