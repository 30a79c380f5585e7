import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type { Database } from '../db/index.ts';
import type { DkimKey } from './dkim.ts';
import type { MailAttachment } from './templates.ts';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Extra headers (List-Unsubscribe for mail one can unsubscribe from). */
  headers?: Record<string, string>;
  /** The SMTP envelope's sender (the return path bounces go to), when not `from`. */
  returnPath?: string;
  attachments?: MailAttachment[];
}

/** The mail port: a real SMTP adapter, or the development catcher. */
export interface MailTransport {
  readonly name: 'smtp' | 'catcher';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Nodemailer's DKIM option: the key and where it is published. */
const dkimOption = (dkim: DkimKey) => ({
  domainName: dkim.domainName,
  keySelector: dkim.keySelector,
  privateKey: dkim.privateKey,
});

/**
 * Our own `X-` headers go as written: nodemailer would encode a value holding quotes (the
 * JSON of X-Mailgun-Variables), which the provider then cannot read.
 */
const preparedHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      /^x-/i.test(name) && /^[\x20-\x7e]{1,900}$/.test(value) ? { prepared: true, value } : value,
    ]),
  );

export function smtpTransport(url: string, dkim: DkimKey | null = null): MailTransport {
  // A pool keeps SMTP connections open between mails: without it every mail paid a new
  // connection and handshake, and a burst of sign-ups queued up behind them.
  // The URL read into options first: given `url`, nodemailer reads the URL alone and drops
  // every other option (the pool and the DKIM key with them).
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(url),
    pool: true,
    maxConnections: 5,
    ...(dkim ? { dkim: dkimOption(dkim) } : {}),
  });
  return {
    name: 'smtp',
    async send({ returnPath, headers, ...mail }) {
      await transporter.sendMail({
        ...mail,
        headers: headers && preparedHeaders(headers),
        html: mail.html ?? undefined,
        ...(returnPath ? { envelope: { from: returnPath, to: mail.to } } : {}),
      });
    },
    close: () => transporter.close(),
  };
}

/** The catcher keeps no files: the text says which were attached. */
const withAttachmentNames = (mail: OutgoingMail) =>
  mail.attachments?.length
    ? `${mail.text}\n\n${mail.attachments.map((file) => `[${file.filename}]`).join('\n')}`
    : mail.text;

/** Development adapter: keeps outgoing mail in the database, shown in the admin UI. */
export function catcherTransport(database: Database, campaignId: number): MailTransport {
  return {
    name: 'catcher',
    async send(mail) {
      await database.query(
        sql`INSERT INTO caught_mail (campaign_id, to_address, from_address, subject, text_body, html_body)
         VALUES (${campaignId}, ${mail.to}, ${mail.from}, ${mail.subject}, ${withAttachmentNames(mail)}, ${mail.html ?? null})`,
      );
    },
    close: () => undefined,
  };
}
