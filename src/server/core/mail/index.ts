import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/index.ts';
import { createDispatcher, createDispatchLoop, type DispatchLoop } from '../dispatch/index.ts';
import { mailChannel } from './outbox.ts';
import { catcherTransport, smtpTransport, type MailTransport } from './transport.ts';

export interface Mailer extends DispatchLoop {
  transport: MailTransport;
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
    (config.SMTP_URL ? smtpTransport(config.SMTP_URL) : catcherTransport(database, campaignId));
  const dispatcher = createDispatcher(
    database,
    campaignId,
    mailChannel(
      chosen,
      config.MAIL_FROM,
      config.MAIL_RATE_PER_SECOND,
      config.MAIL_STALE_CLAIM_SECONDS,
    ),
    log,
  );
  const loop = createDispatchLoop(dispatcher, campaignId, log, POLL_MS);
  return {
    ...loop,
    transport: chosen,
    async stop() {
      await loop.stop();
      chosen.close();
    },
  };
}
