import { z } from 'zod';
import type { KeyObject } from 'node:crypto';
import { dkimKey, type DkimKey } from './mail/dkim.ts';
import { sendgridWebhookKey } from './mail/sendgrid-key.ts';

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  /** Automatic copies before migrations (default DATA_DIR/backups). */
  BACKUP_DIR: z.string().optional(),
  /**
   * When the scheduled campaign backups are written (five-field cron, campaign time zone), in
   * BACKUP_DIR/scheduled; `off` turns them off.
   */
  BACKUP_SCHEDULE: z
    .string()
    .trim()
    .regex(/^(off|(\S+\s+){4}\S+)$/, 'a five-field cron expression, or off')
    .default('30 2 * * *'),
  /** Scheduled backups kept per campaign (the newest complete ones). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** When the restore drill checks the newest scheduled backup (cron, or off). */
  BACKUP_DRILL_SCHEDULE: z
    .string()
    .trim()
    .regex(/^(off|(\S+\s+){4}\S+)$/, 'a five-field cron expression, or off')
    .default('30 4 * * 0'),
  /** Bearer token that GET /metrics asks for; without it /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Levier <no-reply@levier.localhost>'),
  /** At most this many mails a second from one worker (a provider's sending limit); none when absent. */
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().optional(),
  /**
   * A mail claimed this long ago by a process that has not finished it was lost with that
   * process: claimed again (or, a campaign mail whose send had begun, failed as interrupted).
   */
  MAIL_STALE_CLAIM_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  /**
   * DKIM signing of every mail: the signing domain (MAIL_FROM's or a parent of it), the
   * selector, and the RSA private key (PEM, or a file holding it). Checked at start.
   */
  MAIL_DKIM_DOMAIN: z.string().optional(),
  MAIL_DKIM_SELECTOR: z.string().optional(),
  MAIL_DKIM_PRIVATE_KEY: z.string().optional(),
  MAIL_DKIM_PRIVATE_KEY_FILE: z.string().optional(),
  /**
   * The bounce address (`bounces@mail.example.org`): each mail's return path is made from it
   * (`bounces+<mail>@mail.example.org`, VERP), so a bounce names the mail it answers.
   */
  MAIL_RETURN_PATH: z.email().optional(),
  /** Listen for delivery status notifications (bounces) by SMTP on this port (one process). */
  MAIL_BOUNCE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MAIL_BOUNCE_SMTP_HOST: z.string().default('0.0.0.0'),
  /** Mailgun's HTTP webhook signing key: bounces and complaints posted to /api/mail/webhooks/mailgun. */
  MAILGUN_WEBHOOK_SIGNING_KEY: z.string().min(8).optional(),
  /**
   * SendGrid's signed Event Webhook verification key (base64 of an ECDSA P-256 public key):
   * bounces and complaints posted to /api/mail/webhooks/sendgrid. Checked at start.
   */
  SENDGRID_WEBHOOK_PUBLIC_KEY: z.string().optional(),
  ALLOW_DEV_ADAPTERS: booleanish.default(false),
  /** The campaign this process serves (`levier campaign create` makes others). */
  CAMPAIGN_ID: z.coerce.number().int().min(1).default(1),
  CAMPAIGN_TIMEZONE: z.string().default('Europe/Paris'),
  UNCONFIRMED_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** An import's sample rows and row errors (raw values from the file) are kept this long. */
  IMPORT_DETAILS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** A staff session (any permission) ends after this many hours without a request. */
  STAFF_SESSION_IDLE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Confirmation links followed from one address per window (the page and the API together). */
  CONFIRM_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Gifts started from one address per window (the page and the API together). */
  DONATION_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Sign-ups per window from all the devices opened with one kiosk link together. */
  KIOSK_SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** 'postgres' or 'redis' when several processes serve HTTP, so they share the counters. */
  RATE_LIMIT_STORE: z.enum(['memory', 'postgres', 'redis']).default('memory'),
  REDIS_URL: z.string().optional(),
  /** Prefix of every key Levier writes in Redis (several campaigns can share one server). */
  REDIS_KEY_PREFIX: z.string().default('levier:'),
  /** false, a number of proxy hops ('true' = 1), or proxy addresses / CIDR ranges, comma-separated. */
  TRUST_PROXY: z.string().default('false'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  IMPORT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1_048_576),
  RUN_WORKERS: booleanish.default(true),
  /**
   * The national address API (api-adresse.data.gouv.fr, or a self-hosted addok): called only
   * when set; without it places come from commune centres, with nothing on the network.
   */
  GEOCODER_URL: z.url().optional(),
  /**
   * The largest area a committee may draw, in km²: about a large département (Gironde is
   * 9,976 km²), so that a drawn area stays local.
   */
  COMMITTEE_AREA_MAX_KM2: z.coerce.number().positive().max(1_000_000).default(10_000),
  /**
   * A MapLibre style (JSON) for the public maps' basemap; without it the maps draw a built-in
   * outline of France and fetch nothing but their own markers.
   */
  MAP_STYLE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Other origins the style's tiles, glyphs or sprites come from, comma-separated. */
  MAP_ORIGINS: z.string().optional(),
  /** Card payments through Stripe (secret key and the webhook endpoint's signing secret). */
  /**
   * The voice carrier of broadcasts: `twilio` (or a carrier speaking Twilio's API at
   * TWILIO_BASE_URL), or `simulator` (development, training and load runs; refused in
   * production unless ALLOW_DEV_ADAPTERS). Default: twilio when TWILIO_ACCOUNT_SID is set.
   */
  /**
   * Tests and demonstrations only (refused in production): the moment the dialler's gate
   * decides on, so a run outside calling hours (nights, weekends) still dials.
   */
  CALLING_CLOCK: z.iso.datetime({ offset: true }).optional(),
  /**
   * Seconds after which a call whose dial answer was lost is looked for at the carrier (and,
   * not found, dialled again): long enough for any create still on its way to be listed.
   */
  // Well above the carrier's request timeout (5 s): a create still on its way must have landed.
  CALLING_RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(15).default(120),
  /** Dial voice broadcasts in this process's workers (false: a dedicated process dials). */
  CALLING_DIALLER: booleanish.default(true),
  CARRIER: z.enum(['twilio', 'simulator']).optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_BASE_URL: z.url().optional(),
  /** The simulator's behaviour (answer rates, caps, failures), as JSON: see carrier/simulator/options.ts. */
  CARRIER_SIMULATOR_OPTIONS: z.string().optional(),
  /**
   * Texts: `twilio` (Messages API, TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN) or `dev` (texts
   * kept and shown at /hq/sms; refused in production unless ALLOW_DEV_ADAPTERS). Default:
   * twilio when TWILIO_ACCOUNT_SID is set.
   */
  SMS_PROVIDER: z.enum(['twilio', 'dev']).optional(),
  /** A Twilio Messaging Service to send through (its numbers and sender IDs), if any. */
  SMS_TWILIO_MESSAGING_SERVICE_SID: z.string().optional(),
  /** The provider's short number STOP answers go to, written in every campaign text. */
  SMS_STOP_NUMBER: z
    .string()
    .regex(/^\d{4,6}$/)
    .default('36111'),
  /** Euros per segment, for the cost shown before sending. */
  SMS_PRICE_PER_SEGMENT: z.coerce.number().nonnegative().default(0.05),
  SMS_RATE_PER_SECOND: z.coerce.number().positive().default(10),
  /** Seconds a text may wait at the provider (Twilio ValidityPeriod), before the silence caps it. */
  SMS_VALIDITY_SECONDS: z.coerce.number().int().min(60).max(36_000).default(10_800),
  SMS_STALE_CLAIM_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  /**
   * Tests and demonstrations only (refused in production): the moment the SMS gate decides on
   * (hours, silence), so a run at night or on a Sunday still sends; CALLING_CLOCK when unset.
   */
  SMS_CLOCK: z.iso.datetime({ offset: true }).optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Tests only: where the Stripe library sends its calls (a local fake server), as a URL. */
  STRIPE_API_URL: z.url().optional(),
  /** Local times (campaign time zone) of the reminders to those coming: the day before, the day. */
  EVENT_REMINDER_DAY_BEFORE: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('18:00'),
  EVENT_REMINDER_DAY_OF: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('08:00'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema> & {
  publicUrl: string;
  /** The origins the basemap is fetched from (the style's and MAP_ORIGINS), for the CSP. */
  mapOrigins: string[];
  backupDir: string;
  sessionSecret: string;
  production: boolean;
  carrier: 'twilio' | 'simulator';
  smsProvider: 'twilio' | 'dev';
  dkim: DkimKey | null;
  /** SENDGRID_WEBHOOK_PUBLIC_KEY, read. */
  sendgridKey: KeyObject | null;
};

/** The style's origin and the other origins named, each checked to be one. */
function mapOrigins(styleUrl: string | undefined, others: string | undefined): string[] {
  if (!styleUrl) return [];
  const origins = new Set([new URL(styleUrl).origin]);
  for (const text of (others ?? '').split(',')) {
    const value = text.trim();
    if (!value) continue;
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
      throw new Error(
        `Invalid configuration:\n  MAP_ORIGINS: "${value}" is not an origin (https://tiles.example.org)`,
      );
    }
    origins.add(url.origin);
  }
  return [...origins];
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production && !c.SESSION_SECRET) {
    throw new Error('SESSION_SECRET (at least 32 characters) is required in production.');
  }
  if (production && !c.SMTP_URL && !c.ALLOW_DEV_ADAPTERS) {
    throw new Error(
      'SMTP_URL is required in production; set ALLOW_DEV_ADAPTERS=true to use the development mail catcher.',
    );
  }
  const carrier = c.CARRIER ?? (c.TWILIO_ACCOUNT_SID ? 'twilio' : 'simulator');
  if (carrier === 'twilio' && !(c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN)) {
    throw new Error('CARRIER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.');
  }
  if (production && carrier === 'simulator' && !c.ALLOW_DEV_ADAPTERS) {
    throw new Error(
      'Set CARRIER=twilio with TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN in production; the carrier simulator is for development (ALLOW_DEV_ADAPTERS=true to use it anyway).',
    );
  }
  if (production && c.CALLING_CLOCK) {
    throw new Error('CALLING_CLOCK is for tests: production dials on the real time.');
  }
  const smsProvider = c.SMS_PROVIDER ?? (c.TWILIO_ACCOUNT_SID ? 'twilio' : 'dev');
  if (production && c.SMS_CLOCK) {
    throw new Error('SMS_CLOCK is for tests: production sends on the real time.');
  }
  if (smsProvider === 'twilio' && !(c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN)) {
    throw new Error('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.');
  }
  if (production && smsProvider === 'dev' && !c.ALLOW_DEV_ADAPTERS) {
    throw new Error(
      'Set SMS_PROVIDER=twilio with TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN in production; the development SMS adapter only keeps texts (ALLOW_DEV_ADAPTERS=true to use it anyway).',
    );
  }
  if (c.STRIPE_SECRET_KEY && !c.STRIPE_WEBHOOK_SECRET) {
    throw new Error(
      'STRIPE_SECRET_KEY needs STRIPE_WEBHOOK_SECRET (the signing secret of the webhook endpoint /api/donations/webhooks/stripe).',
    );
  }
  if (c.MAIL_BOUNCE_SMTP_PORT && !c.MAIL_RETURN_PATH) {
    throw new Error(
      'MAIL_BOUNCE_SMTP_PORT needs MAIL_RETURN_PATH: bounces are matched to mails by their return path.',
    );
  }
  const dkim = dkimKey(c);
  const sendgridKey = sendgridWebhookKey(c.SENDGRID_WEBHOOK_PUBLIC_KEY);
  if (c.RATE_LIMIT_STORE === 'redis' && !c.REDIS_URL) {
    throw new Error('RATE_LIMIT_STORE=redis needs REDIS_URL (e.g. redis://127.0.0.1:6379).');
  }
  return {
    ...c,
    production,
    carrier,
    smsProvider,
    dkim,
    sendgridKey,
    mapOrigins: mapOrigins(c.MAP_STYLE_URL, c.MAP_ORIGINS),
    backupDir: c.BACKUP_DIR ?? `${c.DATA_DIR.replace(/\/$/, '')}/backups`,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    // Development fallback only: production refuses to start without SESSION_SECRET (above).
    sessionSecret: c.SESSION_SECRET ?? 'levier-development-secret-change-me-in-production!!',
  };
}
