import { index, integer, jsonb, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/** Who matched a filter at a moment: what a channel sends to, whatever changes after. */
export const audienceSnapshots = pgTable(
  'audience_snapshots',
  {
    campaignId: campaignId(),
    id: id(),
    filter: jsonb('filter').notNull(),
    /** The named segment's filter as it was then (the segment may change or go). */
    segmentFilter: jsonb('segment_filter'),
    personCount: integer('person_count').notNull(),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'audience_snapshots_pkey', columns: [t.campaignId, t.id] })],
);

/** The people of a snapshot, paged in id order by the channels that send to it. */
export const audienceMembers = pgTable(
  'audience_members',
  {
    campaignId: campaignId(),
    snapshotId: ref('audience_snapshot_id').notNull(),
    personId: ref('person_id').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'audience_members_pkey',
      columns: [t.campaignId, t.snapshotId, t.personId],
    }),
    // Erasure and merges find a person's rows by person.
    index('audience_members_person_idx').on(t.campaignId, t.personId),
  ],
);
