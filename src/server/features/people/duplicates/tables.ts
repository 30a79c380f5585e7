import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, campaignId, ref } from '../../../core/db/columns.ts';

/**
 * Likely duplicates, as the last search found them (a job rewrites a campaign's rows): the
 * review screen pages this small table instead of self-joining a million people per page.
 * `first_person_id < second_person_id`; `reasons` holds 'phone', 'name_commune', 'email'.
 */
export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    campaignId: campaignId(),
    firstPersonId: ref('first_person_id').notNull(),
    secondPersonId: ref('second_person_id').notNull(),
    reasons: text('reasons').array().notNull(),
    foundAt: at('found_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'duplicate_candidates_pkey',
      columns: [t.campaignId, t.firstPersonId, t.secondPersonId],
    }),
    index('duplicate_candidates_second_idx').on(t.campaignId, t.secondPersonId),
  ],
);

/** Pairs staff marked "not a duplicate": the search never proposes them again. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    campaignId: campaignId(),
    firstPersonId: ref('first_person_id').notNull(),
    secondPersonId: ref('second_person_id').notNull(),
    dismissedBy: ref('dismissed_by'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'duplicate_dismissals_pkey',
      columns: [t.campaignId, t.firstPersonId, t.secondPersonId],
    }),
    index('duplicate_dismissals_second_idx').on(t.campaignId, t.secondPersonId),
  ],
);

/**
 * Where a merged person went: their row is deleted, so an old link (/people/12) finds the
 * person they became. `merged_id` is a dead id and never moves; `kept_id` follows later merges.
 */
export const personMerges = pgTable(
  'person_merges',
  {
    campaignId: campaignId(),
    mergedId: ref('merged_id').notNull(),
    keptId: ref('kept_id').notNull(),
    mergedBy: ref('merged_by'),
    /** The merged person's recruitment code: links shared with it still credit the kept person. */
    mergedRecruitCode: text('merged_recruit_code'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'person_merges_pkey', columns: [t.campaignId, t.mergedId] }),
    index('person_merges_kept_idx').on(t.campaignId, t.keptId),
    uniqueIndex('person_merges_recruit_code_key')
      .on(t.campaignId, t.mergedRecruitCode)
      .where(sql`${t.mergedRecruitCode} IS NOT NULL`),
  ],
);

/** The campaign's last search for duplicates: asked for, running, or done (with how many pairs). */
export const duplicateSearches = pgTable(
  'duplicate_searches',
  {
    campaignId: campaignId(),
    requestedAt: at('requested_at'),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    pairCount: integer('pair_count').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'duplicate_searches_pkey', columns: [t.campaignId] })],
);
