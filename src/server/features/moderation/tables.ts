import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/** One report of a target by someone (a visitor too: reporter_id is then null). */
export const reports = pgTable(
  'reports',
  {
    campaignId: campaignId(),
    id: id(),
    targetKind: text('target_kind').notNull(),
    targetId: ref('target_id').notNull(),
    reporterId: ref('reporter_id'),
    reason: text('reason').notNull(),
    text: text('text').notNull().default(''),
    /** open, upheld (a decision acted on it) or dismissed. */
    status: text('status').notNull().default('open'),
    decisionId: ref('moderation_decision_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'reports_pkey', columns: [t.campaignId, t.id] }),
    index('reports_target_idx').on(t.campaignId, t.targetKind, t.targetId, t.status),
    index('reports_open_idx').on(t.campaignId, t.status, t.createdAt),
    index('reports_reporter_idx').on(t.campaignId, t.reporterId),
  ],
);

/** What a moderator decided about a target, and why, as the people concerned were told. */
export const moderationDecisions = pgTable(
  'moderation_decisions',
  {
    campaignId: campaignId(),
    id: id(),
    targetKind: text('target_kind').notNull(),
    targetId: ref('target_id').notNull(),
    action: text('action').notNull(),
    message: text('message').notNull(),
    /** The author of the target when decided (whom an upheld decision counts against). */
    authorPersonId: ref('author_person_id'),
    moderatorId: ref('moderator_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'moderation_decisions_pkey', columns: [t.campaignId, t.id] }),
    index('moderation_decisions_author_idx').on(t.campaignId, t.authorPersonId, t.createdAt),
    index('moderation_decisions_target_idx').on(t.campaignId, t.targetKind, t.targetId),
  ],
);

/** A person who may not post: suspended until a date, or banned (until is null). */
export const moderationSanctions = pgTable(
  'moderation_sanctions',
  {
    campaignId: campaignId(),
    id: id(),
    personId: ref('person_id').notNull(),
    kind: text('kind').notNull(),
    until: at('until'),
    reason: text('reason').notNull(),
    decisionId: ref('moderation_decision_id'),
    decidedBy: ref('decided_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    liftedAt: at('lifted_at'),
    liftedBy: ref('lifted_by'),
  },
  (t) => [
    primaryKey({ name: 'moderation_sanctions_pkey', columns: [t.campaignId, t.id] }),
    index('moderation_sanctions_person_idx').on(t.campaignId, t.personId),
  ],
);
