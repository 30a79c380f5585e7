import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  point,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * Events of a committee or of HQ (committee_id null). A place as committees hold it (its
 * `location` in Web Mercator metres for the GiST index), or an online link, or both.
 */
export const events = pgTable(
  'events',
  {
    campaignId: campaignId(),
    id: id(),
    committeeId: ref('committee_id'),
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    descriptionHtml: text('description_html').notNull().default(''),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    location: point('location', { mode: 'tuple' }),
    precision: text('precision'),
    placeLabel: text('place_label'),
    street: text('street'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code'),
    departementCode: text('departement_code'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity'),
    visibility: text('visibility').notNull().default('public'),
    /** The key of its private link (a random token). */
    privateKey: text('private_key').notNull(),
    status: text('status').notNull().default('published'),
    /** People going, guests included; and waiting. */
    going: integer('going').notNull().default(0),
    /** Counted in the map's cells (core/geo/map-cells.ts). */
    onMap: boolean('on_map').notNull().default(false),
    waiting: integer('waiting').notNull().default(0),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'events_pkey', columns: [t.campaignId, t.id] }),
    index('events_public_location_idx')
      .using('gist', t.campaignId, t.location, t.startsAt)
      .where(sql`status = 'published' AND visibility = 'public'`),
    index('events_committee_idx').on(t.campaignId, t.committeeId, t.startsAt),
    index('events_starts_idx').on(t.campaignId, t.startsAt),
    index('events_created_by_idx').on(t.campaignId, t.createdBy),
    index('events_on_map_ends_idx')
      .on(t.campaignId, t.endsAt)
      .where(sql`on_map`),
  ],
);

/**
 * Who comes: `going`, `waitlist` (promoted in order when a place frees), `pending` (a visitor
 * who has not yet confirmed their address), `cancelled`.
 */
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    campaignId: campaignId(),
    id: id(),
    eventId: ref('event_id').notNull(),
    personId: ref('person_id').notNull(),
    status: text('status').notNull(),
    guests: integer('guests').notNull().default(0),
    source: text('source').notNull(),
    checkedInAt: at('checked_in_at'),
    /** When each reminder was queued (the day before, on the day, the thank-you after). */
    remindedDayBeforeAt: at('reminded_day_before_at'),
    remindedDayOfAt: at('reminded_day_of_at'),
    thankedAt: at('thanked_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'event_rsvps_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('event_rsvps_event_person_key').on(t.campaignId, t.eventId, t.personId),
    index('event_rsvps_person_idx').on(t.campaignId, t.personId),
    index('event_rsvps_waitlist_idx').on(t.campaignId, t.eventId, t.status, t.createdAt),
  ],
);

/**
 * What an event's managers report once it has taken place: the figures of the action and a
 * few words, one report per event (written again when corrected).
 */
export const eventReports = pgTable(
  'event_reports',
  {
    campaignId: campaignId(),
    eventId: ref('event_id').notNull(),
    /** People there, as the organiser counted them (check-ins miss those never pointed). */
    attendance: integer('attendance').notNull(),
    doorsKnocked: integer('doors_knocked').notNull().default(0),
    conversations: integer('conversations').notNull().default(0),
    leaflets: integer('leaflets').notNull().default(0),
    calls: integer('calls').notNull().default(0),
    /** Plain text, never drawn as markup. */
    notes: text('notes').notNull().default(''),
    reportedBy: ref('reported_by'),
    reportedAt: at('reported_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'event_reports_pkey', columns: [t.campaignId, t.eventId] }),
    index('event_reports_reported_by_idx').on(t.campaignId, t.reportedBy),
  ],
);

/**
 * A person's own calendar feed of the events they are going to or waiting for: its address
 * carries `token` (random), the only key to it; a new token revokes the old address.
 */
export const eventCalendarFeeds = pgTable(
  'event_calendar_feeds',
  {
    campaignId: campaignId(),
    personId: ref('person_id').notNull(),
    token: text('token').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'event_calendar_feeds_pkey', columns: [t.campaignId, t.personId] }),
    uniqueIndex('event_calendar_feeds_token_key').on(t.campaignId, t.token),
  ],
);
