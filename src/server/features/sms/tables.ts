import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * A text campaign: its body (placeholders filled per recipient when each text is sent, the
 * STOP mention added), its sender name, its audience (a segment, or everyone who agreed to
 * SMS), and where it is: draft → scheduled → sending → sent, or canceled.
 */
export const smsCampaigns = pgTable(
  'sms_campaigns',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    sender: text('sender').notNull(),
    body: text('body').notNull(),
    segmentId: ref('segment_id'),
    /** draft | scheduled | sending | sent | canceled */
    status: text('status').notNull().default('draft'),
    scheduledAt: at('scheduled_at'),
    scheduledBy: ref('scheduled_by'),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    audienceSnapshotId: ref('audience_snapshot_id'),
    recipients: integer('recipients').notNull().default(0),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'sms_campaigns_pkey', columns: [t.campaignId, t.id] }),
    index('sms_campaigns_due_idx')
      .on(t.campaignId, t.scheduledAt)
      .where(sql`status = 'scheduled'`),
  ],
);

/**
 * Texts waiting to go, and what became of them: the SMS channel of the shared dispatcher
 * (core/dispatch). A campaign's text holds only ids: the number and the body are read when it
 * is sent (the number kept once sent, for delivery reports and STOP answers).
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    campaignId: campaignId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    /** campaign | test */
    kind: text('kind').notNull(),
    personId: bigint('person_id', { mode: 'number' }),
    smsCampaignId: ref('sms_campaign_id'),
    /** E.164; set when queued (a test) or when sent (a campaign's text). */
    toNumber: text('to_number'),
    /** `transactional` (a test the staff member asked for) or `newsletter` (a campaign text). */
    purpose: text('purpose').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
    /** When the text was handed to the provider (ChannelDefinition.once). */
    sendStartedAt: at('send_started_at'),
    /** The provider's id of the message (Twilio's MessageSid). */
    providerId: text('provider_id'),
    /** The provider's last delivery report: delivered | undelivered | failed | sent… */
    deliveryStatus: text('delivery_status'),
    deliveredAt: at('delivered_at'),
    segments: integer('segments'),
  },
  (t) => [
    primaryKey({ name: 'sms_outbox_pkey', columns: [t.campaignId, t.id] }),
    index('sms_outbox_pending_idx').on(t.campaignId, t.status, t.nextAttemptAt),
    index('sms_outbox_person_idx').on(t.campaignId, t.personId),
    index('sms_outbox_message_idx')
      .on(t.campaignId, t.smsCampaignId, t.status)
      .where(sql`sms_campaign_id IS NOT NULL`),
    index('sms_outbox_provider_idx')
      .on(t.campaignId, t.providerId)
      .where(sql`provider_id IS NOT NULL`),
    index('sms_outbox_number_idx')
      .on(t.campaignId, t.toNumber)
      .where(sql`to_number IS NOT NULL`),
    // The impact refresh reads the texts sent since its watermark.
    index('insights_src_sms_outbox_sent_idx')
      .on(t.campaignId, t.sentAt)
      .where(sql`sent_at IS NOT NULL`),
  ],
);

/** Texts received on the provider's number (STOP answers and anything else). */
export const smsInbound = pgTable(
  'sms_inbound',
  {
    campaignId: campaignId(),
    id: id(),
    fromNumber: text('from_number').notNull(),
    body: text('body').notNull(),
    /** stop | other */
    keyword: text('keyword').notNull(),
    /** The text campaign last sent to that number, which the answer is counted against. */
    smsCampaignId: ref('sms_campaign_id'),
    providerId: text('provider_id'),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'sms_inbound_pkey', columns: [t.campaignId, t.id] }),
    index('sms_inbound_campaign_idx')
      .on(t.campaignId, t.smsCampaignId, t.keyword)
      .where(sql`sms_campaign_id IS NOT NULL`),
    index('sms_inbound_number_idx').on(t.campaignId, t.fromNumber),
  ],
);

/** The development adapter's outbox: texts kept instead of sent, shown to staff. */
export const caughtSms = pgTable(
  'caught_sms',
  {
    campaignId: campaignId(),
    id: id(),
    toNumber: text('to_number').notNull(),
    sender: text('sender').notNull(),
    body: text('body').notNull(),
    validitySeconds: integer('validity_seconds'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'caught_sms_pkey', columns: [t.campaignId, t.id] }),
    // Erasure finds a person's caught texts through it.
    index('caught_sms_number_idx').on(t.campaignId, t.toNumber),
  ],
);
