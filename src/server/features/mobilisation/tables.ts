import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  point,
  primaryKey,
  real,
  text,
} from 'drizzle-orm/pg-core';
import { at, campaignId, ref } from '../../core/db/columns.ts';

/** What a volunteer says of themselves: when they are free, what they can do, how far they go. */
export const mobilisationProfiles = pgTable(
  'mobilisation_profiles',
  {
    campaignId: campaignId(),
    personId: ref('person_id').notNull(),
    /** weekday, weekend; empty: not said. */
    days: text('days')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** morning, afternoon, evening; empty: not said. */
    dayParts: text('day_parts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    driving: boolean('driving').notNull().default(false),
    /** ISO 639-1 codes. */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** door_to_door, phone_bank, events, sharing; empty: everything. */
    preferredActions: text('preferred_actions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    maxTravelKm: integer('max_travel_km'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'mobilisation_profiles_pkey', columns: [t.campaignId, t.personId] })],
);

/**
 * The open actions supporters can take, copied from the features that own them (turfs,
 * sessions, shifts, events, share kits) by `refreshActions`: the "Act near me" feed reads the
 * nearest through the GiST index on `location` (Web Mercator metres, as events keep theirs),
 * within a box around the supporter, so that its cost does not grow with their number.
 */
export const mobilisationActions = pgTable(
  'mobilisation_actions',
  {
    campaignId: campaignId(),
    kind: text('kind').notNull(),
    refId: ref('ref_id').notNull(),
    title: text('title').notNull(),
    placeLabel: text('place_label'),
    communeCode: text('commune_code'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    location: point('location', { mode: 'tuple' }),
    /** Only this committee's members may take it (a committee's turf, a members' event). */
    committeeId: ref('committee_id'),
    /** How much the campaign needs it, 0 to 1 (see docs/mobilisation.md). */
    need: real('need').notNull(),
    doors: integer('doors'),
    placesLeft: integer('places_left'),
    startsAt: at('starts_at'),
    endsAt: at('ends_at'),
    /** weekday | weekend, morning | afternoon | evening: when it starts; null: any time. */
    dayKind: text('day_kind'),
    dayPart: text('day_part'),
    url: text('url'),
    refreshedAt: at('refreshed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'mobilisation_actions_pkey', columns: [t.campaignId, t.kind, t.refId] }),
    index('mobilisation_actions_location_idx')
      .using('gist', t.campaignId, t.location)
      .where(sql`location IS NOT NULL`),
    index('mobilisation_actions_unplaced_idx')
      .on(t.campaignId, t.need)
      .where(sql`location IS NULL`),
  ],
);

/**
 * When each campaign's open actions were last copied whole (`refreshActions` without refs): HQ's
 * needs list copies them again only when this is older than 30 seconds.
 */
export const mobilisationRefreshes = pgTable(
  'mobilisation_refreshes',
  {
    campaignId: campaignId(),
    refreshedAt: at('refreshed_at').notNull(),
  },
  (t) => [primaryKey({ name: 'mobilisation_refreshes_pkey', columns: [t.campaignId] })],
);
