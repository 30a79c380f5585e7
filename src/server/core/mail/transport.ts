import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database } from '../db/index.ts';
import type { MailAttachment } from './templates.ts';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Extra headers (List-Unsubscribe for mail one can unsubscribe from). */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

/** The mail port: a real SMTP adapter, or the development catcher. */
export interface MailTransport {
  readonly name: 'smtp' | 'catcher';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  // A pool keeps SMTP connections open between mails: without it every mail paid a new
  // connection and handshake, and a burst of sign-ups queued up behind them.
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 5 });
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({ ...mail, html: mail.html ?? undefined });
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
