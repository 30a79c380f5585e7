import type { Config } from '../config.ts';
import type { Database } from '../db/index.ts';
import { dispatchOutbox } from './outbox.ts';
import { catcherTransport, smtpTransport, type MailTransport } from './transport.ts';

export interface Mailer {
  transport: MailTransport;
  /** Ask the dispatcher to run soon (after a sign-up or a login request in this process). */
  nudge(): void;
  /** Run the dispatch loop in this process (workers): it sends this campaign's mail. */
  start(): void;
  stop(): Promise<void>;
  /** Send everything due now; used by tests and the CLI. */
  drain(): Promise<number>;
}

const POLL_MS = 1000;

export function createMailer(
  config: Config,
  database: Database,
  campaignId: number,
  transport?: MailTransport,
): Mailer {
  const chosen =
    transport ??
    (config.SMTP_URL ? smtpTransport(config.SMTP_URL) : catcherTransport(database, campaignId));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let started = false;
  let again = false;

  const drain = async () => {
    let total = 0;
    for (;;) {
      const n = await dispatchOutbox(database, campaignId, chosen, config.MAIL_FROM);
      total += n;
      if (n === 0) return total;
    }
  };
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  return {
    transport: chosen,
    nudge() {
      if (started) setImmediate(tick);
    },
    start() {
      started = true;
      timer = setInterval(tick, POLL_MS);
      timer.unref();
    },
    async stop() {
      started = false;
      if (timer) clearInterval(timer);
      await running;
      chosen.close();
    },
    drain,
  };
}
