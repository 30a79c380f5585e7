import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A campaign owns every row of the tables keyed by campaign_id: one deployment serves one
 * campaign (CAMPAIGN_ID), and several campaigns can share a database or a Citus cluster
 * sharded by campaign (docs/operations.md).
 */
export const campaigns = pgTable('campaigns', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
