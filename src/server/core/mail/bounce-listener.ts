import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Database } from '../db/index.ts';
import { parseFeedbackMail } from './dsn.ts';
import { recordMailFeedback } from './feedback.ts';
import { MAIL_REF_HEADER } from './outbox.ts';
import { mailOfReturnPath, mailOfToken, type MailRef } from './verp.ts';

export interface BounceListenerOptions {
  database: Database;
  campaignId: number;
  /** The configured bounce address (MAIL_RETURN_PATH). */
  returnPath: string;
  secret: string;
  log: FastifyBaseLogger;
}

/** A delivery status notification is small; a larger mail is not one. */
export const BOUNCE_SIZE_LIMIT = 1024 * 1024;

const refused = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode });

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end whatever its size: the SMTP session goes on only once the data is read.
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= BOUNCE_SIZE_LIMIT) chunks.push(chunk as Buffer);
  }
  return size > BOUNCE_SIZE_LIMIT ? null : Buffer.concat(chunks);
}

/**
 * Applies what a received bounce mail reports. Only reports naming one of our mails by a
 * signed reference count (its VERP recipient, else the quoted original's header): anyone can
 * send mail to this port, and an unsigned report must not suppress an address.
 */
export async function handleBounceMail(
  options: BounceListenerOptions,
  recipients: readonly string[],
  raw: Buffer,
): Promise<number> {
  const { database, campaignId, returnPath, secret } = options;
  const parsed = await parseFeedbackMail(raw, MAIL_REF_HEADER);
  const fromRecipient = recipients
    .map((address) => mailOfReturnPath(returnPath, secret, address))
    .find((ref): ref is MailRef => ref !== null);
  const ref = fromRecipient ?? (parsed.quotedRef ? mailOfToken(secret, parsed.quotedRef) : null);
  if (!ref) return 0;
  let recorded = 0;
  for (const report of parsed.reports) {
    const outcome = await recordMailFeedback(database, campaignId, {
      ref,
      address: null,
      kind: report.kind,
      source: 'smtp',
      status: report.status,
      detail: report.detail,
    });
    if (outcome === 'recorded') recorded += 1;
  }
  return recorded;
}

/**
 * An SMTP server receiving bounces at the return paths of our mails (MAIL_BOUNCE_SMTP_PORT):
 * it accepts mail only for `<bounce address>` and its `+<reference>` forms (it relays
 * nothing), at most 1 MB, and records the delivery status notifications it gets (RFC 3464).
 */
export function startBounceListener(
  options: BounceListenerOptions & { host: string; port: number },
): { server: SMTPServer; ready: Promise<number>; close: () => Promise<void> } {
  const at = options.returnPath.lastIndexOf('@');
  const local = options.returnPath.slice(0, at).toLowerCase();
  const domain = options.returnPath.slice(at + 1).toLowerCase();
  const ours = (address: string) => {
    const lowered = address.toLowerCase();
    return (
      lowered === `${local}@${domain}` ||
      (lowered.startsWith(`${local}+`) && lowered.endsWith(`@${domain}`))
    );
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: BOUNCE_SIZE_LIMIT,
    banner: 'Levier bounce receiver',
    logger: false,
    onRcptTo(address, _session, callback) {
      if (ours(address.address)) callback();
      else callback(refused('5.1.1 No such mailbox here: this server only takes bounces', 550));
    },
    onData(stream, session: SMTPServerSession, callback) {
      const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      readAll(stream)
        .then(async (raw) => {
          if (!raw) return callback(refused('5.3.4 Message too big for a bounce', 552));
          const recorded = await handleBounceMail(options, recipients, raw);
          options.log.info({ recorded }, 'bounce received');
          callback();
        })
        .catch((error: unknown) => {
          options.log.error({ err: error }, 'bounce not recorded');
          callback(refused('4.3.0 Could not record the report, try again later', 451));
        });
    },
  });
  const ready = new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
  });
  server.on('error', (error) => options.log.error({ err: error }, 'bounce listener error'));
  return {
    server,
    ready,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
