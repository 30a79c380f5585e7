import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { GeoReference } from './geo/communes.ts';
import type { CampaignGeocoder } from './geo/geocoder.ts';
import type { Mailer } from './mail/index.ts';
import type { RequestMeter } from './request-meter.ts';
import type { BackgroundWork } from './background.ts';

/** What every feature's service receives: no globals, so tests build their own. */
export interface AppContext {
  config: Config;
  /**
   * The campaign whose rows every query reads and writes (campaign_id in its WHERE and
   * VALUES). A job carries its own campaign and runs with `forCampaign`.
   */
  campaignId: number;
  database: Database;
  mailer: Mailer;
  boss: PgBoss;
  geo: GeoReference;
  /**
   * Places for addresses, this campaign's: from the sources features registered (imported BAN
   * addresses), then offline from commune centres or the address API when configured.
   */
  geocoder: CampaignGeocoder;
  log: FastifyBaseLogger;
  /** Requests this process is answering (fed by the app; background work paces itself by it). */
  requests: RequestMeter;
  /** Loops features run in a working process, stopped before the database closes. */
  background: BackgroundWork;
}

/** The same services, working on another campaign's rows (a job queued by that campaign). */
export function forCampaign(ctx: AppContext, campaignId: number): AppContext {
  return campaignId === ctx.campaignId
    ? ctx
    : { ...ctx, campaignId, geocoder: ctx.geocoder.forCampaign(campaignId) };
}
