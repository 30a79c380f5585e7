import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Rate-limit windows shared by several processes; losing them in a crash is harmless. */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});
