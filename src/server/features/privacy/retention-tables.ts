import { date, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/** The campaign's retention settings: the delay after the vote before prospects are purged. */
export const retentionSettings = pgTable('retention_settings', {
  campaignId: campaignId().primaryKey(),
  /** Days after an election's last round before its prospects are purged. */
  prospectDelayDays: integer('prospect_delay_days').notNull(),
  updatedBy: ref('updated_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/**
 * The purge report: one row per run of the purge of an election's prospects that removed
 * something (or the first for that election): counts only, no one's id.
 */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    campaignId: campaignId(),
    id: id(),
    electionId: ref('election_id').notNull(),
    electionName: text('election_name').notNull(),
    lastRound: date('last_round', { mode: 'string' }).notNull(),
    delayDays: integer('delay_days').notNull(),
    people: integer('people').notNull(),
    /** Rows deleted (or blanked) per table: { "field_visits": 12, … }. */
    rows: jsonb('rows').notNull(),
    ranAt: at('ran_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'retention_runs_pkey', columns: [t.campaignId, t.id] }),
    index('retention_runs_ran_idx').on(t.campaignId, t.ranAt),
    index('retention_runs_election_idx').on(t.campaignId, t.electionId),
  ],
);
