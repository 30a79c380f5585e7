import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { campaignId } from '../campaigns/tables.ts';

export const settings = pgTable(
  'settings',
  {
    campaignId: campaignId(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'settings_pkey', columns: [t.campaignId, t.key] })],
);
