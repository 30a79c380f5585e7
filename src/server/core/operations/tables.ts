import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { campaignId } from '../db/columns.ts';
import { at, id, ref } from '../db/columns.ts';

/**
 * Long work someone started (an import now; sends, broadcasts, purges later): what it is, how
 * far it went, who started it and when. What is specific to a kind stays in its own tables,
 * found by `subject` (its own id).
 */
export const operations = pgTable(
  'operations',
  {
    campaignId: campaignId(),
    id: id(),
    /** The kind of work ('people.import'). */
    kind: text('kind').notNull(),
    /** The kind's own row (the import's id). */
    subject: bigint('subject', { mode: 'number' }),
    /** What a person reads in the list (a file's name). */
    label: text('label').notNull(),
    /** queued, running, succeeded, failed, cancelled. */
    status: text('status').notNull().default('queued'),
    done: integer('done').notNull().default(0),
    /** Null while unknown. */
    total: integer('total'),
    startedBy: ref('started_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    endedAt: at('ended_at'),
    cancelRequestedAt: at('cancel_requested_at'),
  },
  (t) => [
    primaryKey({ name: 'operations_pkey', columns: [t.campaignId, t.id] }),
    index('operations_recent_idx').on(t.campaignId, t.createdAt),
    index('operations_subject_idx').on(t.campaignId, t.kind, t.subject),
  ],
);
