import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, runMigrations, type Database } from './db/index.ts';
import { createGeocoder } from './geo/geocoder.ts';
import { geoReference } from './geo/communes.ts';
import { createLogger } from './log/logger.ts';
import { createBoss } from './jobs/index.ts';
import { createMailer } from './mail/index.ts';
import type { MailTransport } from './mail/transport.ts';
import { copyBeforeMigrations } from './backup/automatic.ts';
import { assertCampaignExists } from './campaigns/service.ts';
import { RequestMeter } from './request-meter.ts';
import { BackgroundWork } from './background.ts';

export interface RuntimeOptions {
  database?: Database;
  transport?: MailTransport;
  log?: FastifyBaseLogger;
  /** What this process runs (written in the embedded folder's lock). */
  command?: string;
}

/** Opens the database, applies migrations and wires the services every feature uses. */
export async function createContext(
  config: Config,
  options: RuntimeOptions = {},
): Promise<AppContext> {
  const log =
    options.log ?? createLogger(config.LOG_LEVEL, undefined, config.production ? 'json' : 'pretty');
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
      command: options.command,
      backupDir: config.backupDir,
    }));
  try {
    // A database handed in (tests) is the caller's: only ours gets automatic copies.
    if (!options.database) await copyBeforeMigrations(database, config.backupDir, log);
    await runMigrations(database);
    await assertCampaignExists(database, config.CAMPAIGN_ID);
  } catch (error) {
    if (!options.database) await database.close().catch(() => undefined);
    throw error;
  }
  const campaignId = config.CAMPAIGN_ID;
  const mailer = createMailer(config, database, campaignId, log, options.transport);
  const boss = createBoss(database);
  const geo = geoReference();
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  return {
    config,
    campaignId,
    database,
    mailer,
    boss,
    geo,
    geocoder: createGeocoder(config.GEOCODER_URL, geo, log, campaignId),
    log,
    requests: new RequestMeter(),
    background: new BackgroundWork(),
  };
}

/** Starts pg-boss and the mail dispatcher; `work` also consumes jobs in this process. */
/**
 * Starts the job queue and registers the features' jobs (`registerFeatureJobs` of
 * features/jobs.ts, handed in where the app is assembled: core knows no feature).
 */
export async function startJobs(
  ctx: AppContext,
  work: boolean,
  registerFeatureJobs: (ctx: AppContext, work: boolean) => Promise<void>,
) {
  await ctx.boss.start();
  await registerFeatureJobs(ctx, work);
  if (work) ctx.mailer.start();
}

export async function closeContext(ctx: AppContext) {
  await ctx.background.stopAll();
  await ctx.mailer.stop();
  await ctx.boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
  await ctx.database.close();
}
