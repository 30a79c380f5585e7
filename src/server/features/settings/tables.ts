import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { campaignId } from '../../core/db/columns.ts';

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

/**
 * Every consent wording staff saved, never changed nor deleted: each consent_events row names
 * its version, and this is the text the person saw. The built-in first versions (settings
 * service, `defaultConsentWording`) are not stored.
 */
export const consentWordings = pgTable(
  'consent_wordings',
  {
    campaignId: campaignId(),
    version: text('version').notNull(),
    locale: text('locale').notNull(),
    email: text('email').notNull(),
    sms: text('sms').notNull(),
    phone: text('phone').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'consent_wordings_pkey', columns: [t.campaignId, t.version] }),
    index('consent_wordings_locale_idx').on(t.campaignId, t.locale, t.createdAt),
  ],
);
