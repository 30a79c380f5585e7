import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { campaignId } from '../../core/db/columns.ts';

/**
 * One row per sign-up form submission; its confirmation link carries the row id and an HMAC
 * of it, so no token needs storing. Its data is applied to the person only when the
 * email owner confirms (double opt-in), so nobody can change someone else's record or
 * consents by typing their email address.
 */
export const signups = pgTable(
  'signups',
  {
    campaignId: campaignId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    data: jsonb('data').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'signups_pkey', columns: [t.campaignId, t.id] }),
    index('signups_person_idx').on(t.campaignId, t.personId),
    index('signups_created_at_idx').on(t.campaignId, t.createdAt),
  ],
);
