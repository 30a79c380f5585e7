import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, campaignId, ref } from '../../../core/db/columns.ts';

/**
 * A newsletter's subject test (A/B): a second subject (B; A is the newsletter's own), the share
 * of the recipients who form the sample (half get A, half B), how long to wait, and what
 * decides (the rate of opens or of clicks among the tracked recipients of each). Set while the
 * newsletter can be edited; `decide_at` and `eligible` are written when its send starts, the
 * decision (`winner`, `reason`, the figures it was made on) once, with the rest queued.
 */
export const newsletterSubjectTests = pgTable(
  'newsletter_subject_tests',
  {
    campaignId: campaignId(),
    newsletterId: ref('newsletter_id').notNull(),
    subjectB: text('subject_b').notNull(),
    samplePercent: integer('sample_percent').notNull(),
    waitHours: integer('wait_hours').notNull(),
    /** opens | clicks */
    metric: text('metric').notNull(),
    /** People who could be mailed when the send started: the sample is drawn from them. */
    eligible: integer('eligible'),
    decideAt: at('decide_at'),
    decidedAt: at('decided_at'),
    /** The staff member who picked the winner by hand; null when the wait decided. */
    decidedBy: ref('decided_by'),
    /** a | b */
    winner: text('winner'),
    /** higher_rate | tie | no_tracking | manual */
    reason: text('reason'),
    /** Each variant's figures when the decision was made (recipients, tracked, opened, clicked). */
    figures: jsonb('figures'),
  },
  (t) => [
    primaryKey({
      name: 'newsletter_subject_tests_pkey',
      columns: [t.campaignId, t.newsletterId],
    }),
    // The minute's release finds the tests whose wait is over.
    index('newsletter_subject_tests_due_idx')
      .on(t.campaignId, t.decideAt)
      .where(sql`decided_at IS NULL AND decide_at IS NOT NULL`),
    check('newsletter_subject_tests_metric', sql`${t.metric} IN ('opens', 'clicks')`),
    check('newsletter_subject_tests_winner', sql`${t.winner} IN ('a', 'b')`),
  ],
);

/**
 * Who was in a subject test's sample and which subject they were sent (`variant`), with their
 * mail. Written with the sample's mails, in one statement; the rest of the audience is queued
 * later from those not here.
 */
export const newsletterVariants = pgTable(
  'newsletter_variants',
  {
    campaignId: campaignId(),
    newsletterId: ref('newsletter_id').notNull(),
    personId: ref('person_id').notNull(),
    /** a | b */
    variant: text('variant').notNull(),
    /** The sample's mail (`mail_outbox`), whose status each variant's counts read. */
    mailId: ref('mail_id').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'newsletter_variants_pkey',
      columns: [t.campaignId, t.newsletterId, t.personId],
    }),
    uniqueIndex('newsletter_variants_person_idx').on(t.campaignId, t.personId, t.newsletterId),
    check('newsletter_variants_variant', sql`${t.variant} IN ('a', 'b')`),
  ],
);
