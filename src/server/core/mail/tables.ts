import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../db/columns.ts';

/** Outgoing mail waits here; the dispatcher claims batches with FOR UPDATE SKIP LOCKED. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    campaignId: campaignId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    personId: bigint('person_id', { mode: 'number' }),
    toAddress: text('to_address').notNull(),
    /** Either a rendered mail (subject, bodies) or a template rendered when sent. */
    subject: text('subject'),
    textBody: text('text_body'),
    htmlBody: text('html_body'),
    template: text('template'),
    payload: jsonb('payload'),
    /** Why the mail is sent (contracts/compliance.ts): campaign purposes pass the compliance gate. */
    purpose: text('purpose').notNull().default('transactional'),
    /**
     * What the person subscribed to that this mail belongs to (`committee:12`): the gate
     * checks that subscription instead of the newsletter consent.
     */
    subscription: text('subscription'),
    /** The campaign message this mail is one of (a newsletter's id for kind `newsletter`). */
    messageId: bigint('message_id', { mode: 'number' }),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
    /** When a campaign mail was handed to the transport (see ChannelDefinition.once). */
    sendStartedAt: at('send_started_at'),
  },
  (t) => [
    primaryKey({ name: 'mail_outbox_pkey', columns: [t.campaignId, t.id] }),
    index('mail_outbox_pending_idx').on(t.campaignId, t.status, t.nextAttemptAt),
    // A person's mail: erasure and purges find it, and the per-recipient cap counts it.
    index('mail_outbox_person_idx').on(t.campaignId, t.personId, t.createdAt),
    // A message's mails by status: its counts, and its cancellation.
    index('mail_outbox_message_idx')
      .on(t.campaignId, t.kind, t.messageId, t.status)
      .where(sql`message_id IS NOT NULL`),
    // The impact refresh reads the mail sent since its watermark.
    index('insights_src_mail_outbox_sent_idx')
      .on(t.campaignId, t.sentAt)
      .where(sql`sent_at IS NOT NULL`),
  ],
);

/**
 * The development mail catcher's inbox (used when no SMTP_URL is configured), per campaign:
 * it holds login links, so one campaign's admins must not read another's.
 */
export const caughtMail = pgTable(
  'caught_mail',
  {
    campaignId: campaignId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'caught_mail_pkey', columns: [t.campaignId, t.id] }),
    // Erasure finds a person's caught mail through it.
    index('caught_mail_address_idx').on(t.campaignId, sql`lower(${t.toAddress})`),
  ],
);

/**
 * What came back about sent mail: bounces (from the SMTP bounce listener or a provider's
 * webhook) and complaints. The address is the mail's (mail_outbox); a report naming no mail
 * of ours is applied to its address and kept without one.
 */
export const mailFeedback = pgTable(
  'mail_feedback',
  {
    campaignId: campaignId(),
    id: id(),
    mailId: ref('mail_id'),
    /** hard_bounce | soft_bounce | delayed | complaint */
    kind: text('kind').notNull(),
    /** smtp (a delivery status notification) | mailgun | sendgrid */
    source: text('source').notNull(),
    /** The enhanced status code (RFC 3463), e.g. 5.1.1. */
    status: text('status'),
    /** The receiving server's words (Diagnostic-Code), cut to 500 characters. */
    detail: text('detail'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'mail_feedback_pkey', columns: [t.campaignId, t.id] }),
    // A provider posts an event again when unsure it was received: once per mail and kind.
    uniqueIndex('mail_feedback_mail_kind_idx')
      .on(t.campaignId, t.mailId, t.kind)
      .where(sql`mail_id IS NOT NULL`),
  ],
);
