import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * A newsletter: its text (Markdown, placeholders filled per recipient when each mail is
 * rendered), its audience (a segment, or everyone who agreed to email), and where it is:
 * draft → scheduled → sending → sent, or canceled. Its mails are `mail_outbox` rows of kind
 * `newsletter` whose `message_id` is the newsletter's.
 */
export const newsletters = pgTable(
  'newsletters',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    preheader: text('preheader').notNull().default(''),
    body: text('body').notNull(),
    segmentId: ref('segment_id'),
    /** draft | scheduled | sending | sent | canceled */
    status: text('status').notNull().default('draft'),
    scheduledAt: at('scheduled_at'),
    scheduledBy: ref('scheduled_by'),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    /** The audience frozen when the send started. */
    audienceSnapshotId: ref('audience_snapshot_id'),
    recipients: integer('recipients').notNull().default(0),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'newsletters_pkey', columns: [t.campaignId, t.id] }),
    // The release finds the scheduled ones that are due.
    index('newsletters_due_idx')
      .on(t.campaignId, t.scheduledAt)
      .where(sql`status = 'scheduled'`),
  ],
);

/** Who unsubscribed from a newsletter's link or button (the consent itself is withdrawn). */
export const newsletterUnsubscribes = pgTable(
  'newsletter_unsubscribes',
  {
    campaignId: campaignId(),
    newsletterId: ref('newsletter_id').notNull(),
    personId: ref('person_id').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'newsletter_unsubscribes_pkey',
      columns: [t.campaignId, t.newsletterId, t.personId],
    }),
    uniqueIndex('newsletter_unsubscribes_person_idx').on(t.campaignId, t.personId, t.newsletterId),
  ],
);

/**
 * Opens and clicks of a newsletter's mail, per person, recorded only for recipients who agreed
 * to that tracking (consent channel `email_tracking`, off by default): the first time of each
 * and how many. Nobody else's mail carries the pixel or the tracked links.
 */
export const newsletterEngagements = pgTable(
  'newsletter_engagements',
  {
    campaignId: campaignId(),
    newsletterId: ref('newsletter_id').notNull(),
    personId: ref('person_id').notNull(),
    openedAt: at('opened_at'),
    opens: integer('opens').notNull().default(0),
    clickedAt: at('clicked_at'),
    clicks: integer('clicks').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'newsletter_engagements_pkey',
      columns: [t.campaignId, t.newsletterId, t.personId],
    }),
    index('newsletter_engagements_person_idx').on(t.campaignId, t.personId),
  ],
);
