import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One row per sign-up form submission. Its data is applied to the person only when the
 * email owner confirms (double opt-in), so nobody can change someone else's record or
 * consents by typing their email address.
 */
export const signups = pgTable(
  'signups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    tokenHash: text('token_hash').notNull(),
    data: jsonb('data').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('signups_token_hash_key').on(t.tokenHash),
    index('signups_person_idx').on(t.personId),
    index('signups_created_at_idx').on(t.createdAt),
  ],
);
