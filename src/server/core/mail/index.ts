import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/index.ts';
import { createDispatcher, createDispatchLoop, type DispatchLoop } from '../dispatch/index.ts';
import { startBounceListener } from './bounce-listener.ts';
import { mailChannel } from './outbox.ts';
import { catcherTransport, smtpTransport, type MailTransport } from './transport.ts';

export interface Mailer extends DispatchLoop {
  transport: MailTransport;
  /** Stops dispatching until `start()`, the transport kept open (a round under way finishes). */
  pause(): Promise<void>;
}

const POLL_MS = 1000;

/** This campaign's mail: the outbox dispatched through the SMTP port (or the catcher). */
export function createMailer(
  config: Config,
  database: Database,
  campaignId: number,
  log: FastifyBaseLogger,
  transport?: MailTransport,
): Mailer {
  const chosen =
    transport ??
    (config.SMTP_URL
      ? smtpTransport(config.SMTP_URL, config.dkim)
      : catcherTransport(database, campaignId));
  const dispatcher = createDispatcher(
    database,
    campaignId,
    mailChannel(chosen, {
      campaignId,
      from: config.MAIL_FROM,
      returnPath: config.MAIL_RETURN_PATH,
      secret: config.sessionSecret,
      mailgun: Boolean(config.MAILGUN_WEBHOOK_SIGNING_KEY),
      sendgrid: Boolean(config.sendgridKey),
      ratePerSecond: config.MAIL_RATE_PER_SECOND,
      staleClaimSeconds: config.MAIL_STALE_CLAIM_SECONDS,
    }),
    log,
  );
  if (config.dkim && chosen.name === 'smtp') {
    const { keySelector, domainName, dnsRecord } = config.dkim;
    log.info(
      { publish: `${keySelector}._domainkey.${domainName} TXT "${dnsRecord}"` },
      'mail signed with DKIM',
    );
  }
  const loop = createDispatchLoop(dispatcher, campaignId, log, POLL_MS);
  let bounces: ReturnType<typeof startBounceListener> | null = null;
  return {
    ...loop,
    transport: chosen,
    pause: () => loop.stop(),
    start() {
      loop.start();
      if (config.MAIL_BOUNCE_SMTP_PORT && config.MAIL_RETURN_PATH && !bounces) {
        bounces = startBounceListener({
          database,
          campaignId,
          returnPath: config.MAIL_RETURN_PATH,
          secret: config.sessionSecret,
          log,
          host: config.MAIL_BOUNCE_SMTP_HOST,
          port: config.MAIL_BOUNCE_SMTP_PORT,
        });
        bounces.ready.then(
          (port) => log.info({ port }, 'receiving bounces by SMTP'),
          (error: unknown) => log.error({ err: error }, 'bounce listener could not start'),
        );
      }
    },
    async stop() {
      await bounces?.close();
      bounces = null;
      await loop.stop();
      chosen.close();
    },
  };
}
