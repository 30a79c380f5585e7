import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { campaignId } from './db/columns.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    campaignId: campaignId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    actorId: bigint('actor_id', { mode: 'number' }),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').notNull().default({}),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pkey', columns: [t.campaignId, t.id] }),
    index('audit_log_at_idx').on(t.campaignId, t.at),
    index('audit_log_action_idx').on(t.campaignId, t.action),
  ],
);
