import { bigint, date, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, ref } from '../../core/db/columns.ts';

/*
 * The impact dashboard's pre-aggregated contacts (docs/impact.md). A contact's territory is
 * its polling station (`station_id`, `communeCode_stationCode`) when its address is matched to
 * one, else its commune alone (`station_id` = ''), else nothing ('' and ''). Kinds are
 * `contactKindSchema` (contracts/insights.ts). The three tables are added to in one statement,
 * in the transaction that moves the sources' watermarks (`insights_refresh`).
 */

/** Contacts by day (campaign time zone), kind and territory: the base grain. */
export const insightsContactDays = pgTable(
  'insights_contact_days',
  {
    campaignId: campaignId(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    communeCode: text('commune_code').notNull().default(''),
    stationId: text('station_id').notNull().default(''),
    contacts: bigint('contacts', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({
      name: 'insights_contact_days_pkey',
      columns: [t.campaignId, t.day, t.kind, t.communeCode, t.stationId],
    }),
  ],
);

/** Contacts by kind and territory, all days: what the map and the territory lists read. */
export const insightsContactPlaces = pgTable(
  'insights_contact_places',
  {
    campaignId: campaignId(),
    kind: text('kind').notNull(),
    communeCode: text('commune_code').notNull().default(''),
    stationId: text('station_id').notNull().default(''),
    contacts: bigint('contacts', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({
      name: 'insights_contact_places_pkey',
      columns: [t.campaignId, t.kind, t.communeCode, t.stationId],
    }),
  ],
);

/** Contacts by day and kind, with how they were placed: the summary and the trends read it. */
export const insightsContactTrend = pgTable(
  'insights_contact_trend',
  {
    campaignId: campaignId(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    contacts: bigint('contacts', { mode: 'number' }).notNull(),
    onStation: bigint('on_station', { mode: 'number' }).notNull(),
    communeOnly: bigint('commune_only', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'insights_contact_trend_pkey', columns: [t.campaignId, t.day, t.kind] }),
  ],
);

/**
 * How far each source of contacts was aggregated: contacts recorded before `up_to` are
 * counted, later ones not yet. Moved in the transaction that adds their counts.
 */
export const insightsRefresh = pgTable(
  'insights_refresh',
  {
    campaignId: campaignId(),
    source: text('source').notNull(),
    upTo: at('up_to').notNull(),
    refreshedAt: at('refreshed_at').notNull().defaultNow(),
    /** Contacts added by the last refresh that found some. */
    lastAdded: integer('last_added').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'insights_refresh_pkey', columns: [t.campaignId, t.source] })],
);

/** The campaign's own effect sizes (`effectSizesSchema`); none: the published defaults. */
export const insightsEffects = pgTable(
  'insights_effects',
  {
    campaignId: campaignId(),
    effects: jsonb('effects').notNull(),
    updatedBy: ref('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'insights_effects_pkey', columns: [t.campaignId] })],
);
