import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { at, campaignId, id, ref } from '../../../core/db/columns.ts';

/**
 * An automation: what enrols a person (`trigger`: a confirmed sign-up for a welcome series, a
 * committee joined, an answer to an event, a gift paid) and whether it sends (`active`, or
 * `paused`: nobody is enrolled and no step is queued meanwhile).
 */
export const newsletterAutomations = pgTable(
  'newsletter_automations',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    /** signup_confirmed | committee_joined | first_rsvp | first_gift */
    trigger: text('trigger').notNull(),
    /** active | paused */
    status: text('status').notNull().default('active'),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'newsletter_automations_pkey', columns: [t.campaignId, t.id] }),
    index('newsletter_automations_trigger_idx')
      .on(t.campaignId, t.trigger)
      .where(sql`status = 'active'`),
  ],
);

/**
 * A step: a message (the same text as a newsletter's: subject, preheader, Markdown body with
 * placeholders) sent `delay_days` after the person was enrolled. Its mails are `mail_outbox`
 * rows of kind `newsletter_step` whose `message_id` is the step's id.
 */
export const newsletterAutomationSteps = pgTable(
  'newsletter_automation_steps',
  {
    campaignId: campaignId(),
    id: id(),
    automationId: ref('automation_id').notNull(),
    position: integer('position').notNull(),
    delayDays: integer('delay_days').notNull(),
    subject: text('subject').notNull(),
    preheader: text('preheader').notNull().default(''),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'newsletter_automation_steps_pkey', columns: [t.campaignId, t.id] }),
    index('newsletter_automation_steps_automation_idx').on(t.campaignId, t.automationId),
  ],
);

/**
 * A person enrolled in an automation, once (the unique key): when, and when their series
 * ended (every step queued, they unsubscribed, or they do not agree to email) and why.
 */
export const newsletterEnrolments = pgTable(
  'newsletter_enrolments',
  {
    campaignId: campaignId(),
    id: id(),
    automationId: ref('automation_id').notNull(),
    personId: ref('person_id').notNull(),
    enrolledAt: at('enrolled_at').notNull().defaultNow(),
    endedAt: at('ended_at'),
    /** completed | unsubscribed | no_consent */
    endedReason: text('ended_reason'),
    /** The step whose unsubscribe link ended it, if one did. */
    endedStepId: ref('ended_step_id'),
  },
  (t) => [
    primaryKey({ name: 'newsletter_enrolments_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('newsletter_enrolments_once_idx').on(t.campaignId, t.automationId, t.personId),
    index('newsletter_enrolments_person_idx').on(t.campaignId, t.personId),
    // The minute's round reads the enrolments still running.
    index('newsletter_enrolments_running_idx')
      .on(t.campaignId, t.automationId, t.enrolledAt)
      .where(sql`ended_at IS NULL`),
  ],
);

/**
 * A step queued for an enrolment: written in the same statement as its mail, so a step is
 * queued once per enrolment whatever crashes and retries (the key).
 */
export const newsletterEnrolmentSteps = pgTable(
  'newsletter_enrolment_steps',
  {
    campaignId: campaignId(),
    enrolmentId: ref('enrolment_id').notNull(),
    stepId: ref('step_id').notNull(),
    queuedAt: at('queued_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'newsletter_enrolment_steps_pkey',
      columns: [t.campaignId, t.enrolmentId, t.stepId],
    }),
    index('newsletter_enrolment_steps_step_idx').on(t.campaignId, t.stepId),
  ],
);
