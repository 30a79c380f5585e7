import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  point,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, box, bytea, campaignId, id, polygon, ref } from '../../core/db/columns.ts';
import { streetNameKey } from './geocoding/street-key.ts';

/**
 * A file HQ gave the field feature (official results, INSEE's polling-station addresses, Base
 * Adresse Nationale addresses), read by a job; `report` is what the reader said.
 */
export const fieldImports = pgTable(
  'field_imports',
  {
    campaignId: campaignId(),
    id: id(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    status: text('status').notNull().default('queued'),
    /** For a results file: the election's label as HQ named it. */
    label: text('label'),
    /** For an electoral list: the campaign's election (compliance) after which it is deleted. */
    electionId: ref('election_id'),
    report: jsonb('report'),
    /** A refusal: its stable code and sentence. */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    startedBy: ref('started_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    primaryKey({ name: 'field_imports_pkey', columns: [t.campaignId, t.id] }),
    index('field_imports_created_idx').on(t.campaignId, t.createdAt),
  ],
);

/** An uploaded file, in chunks, so the job reading it can run in any process. */
export const fieldImportFiles = pgTable(
  'field_import_files',
  {
    campaignId: campaignId(),
    importId: ref('import_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [
    primaryKey({ name: 'field_import_files_pkey', columns: [t.campaignId, t.importId, t.seq] }),
  ],
);

/** An election whose results by polling station were imported (one file, one round). */
export const fieldElections = pgTable(
  'field_elections',
  {
    campaignId: campaignId(),
    id: id(),
    importId: ref('import_id').notNull(),
    label: text('label').notNull(),
    layout: text('layout').notNull(),
    /** Candidates and nuances found, for choosing whose score to target. */
    candidates: jsonb('candidates').notNull(),
    stations: integer('stations').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'field_elections_pkey', columns: [t.campaignId, t.id] })],
);

/** One polling station's results in one election; `candidates` as the reader gives them. */
export const fieldStationResults = pgTable(
  'field_station_results',
  {
    campaignId: campaignId(),
    electionId: ref('election_id').notNull(),
    stationId: text('station_id').notNull(),
    communeCode: text('commune_code').notNull(),
    communeName: text('commune_name').notNull(),
    departmentCode: text('department_code').notNull(),
    constituencyCode: text('constituency_code'),
    registered: integer('registered').notNull(),
    abstentions: integer('abstentions').notNull(),
    voters: integer('voters').notNull(),
    expressed: integer('expressed').notNull(),
    candidates: jsonb('candidates').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'field_station_results_pkey',
      columns: [t.campaignId, t.electionId, t.stationId],
    }),
    index('field_station_results_commune_idx').on(t.campaignId, t.electionId, t.communeCode),
  ],
);

/**
 * INSEE's polling-station address table (REU): which Base Adresse Nationale id (an address, or
 * a street) votes at which station, with the point it was geocoded to.
 */
export const fieldReuAddresses = pgTable(
  'field_reu_addresses',
  {
    campaignId: campaignId(),
    banId: text('ban_id').notNull(),
    stationId: text('station_id').notNull(),
    communeCode: text('commune_code').notNull(),
    geoType: text('geo_type'),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    location: point('location', { mode: 'tuple' }),
    weight: integer('weight'),
  },
  (t) => [
    primaryKey({ name: 'field_reu_addresses_pkey', columns: [t.campaignId, t.banId, t.stationId] }),
    // The nearest REU point of the same commune (KNN on the point, equality on the commune).
    index('field_reu_addresses_location_idx')
      .using('gist', t.campaignId, t.communeCode, t.location)
      .where(sql`location IS NOT NULL`),
  ],
);

/** The polling stations known from REU addresses: a point (their electors' mean) and a count. */
export const fieldStations = pgTable(
  'field_stations',
  {
    campaignId: campaignId(),
    id: text('id').notNull(),
    communeCode: text('commune_code').notNull(),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    reuPoints: integer('reu_points').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'field_stations_pkey', columns: [t.campaignId, t.id] }),
    index('field_stations_commune_idx').on(t.campaignId, t.communeCode),
  ],
);

/**
 * Addresses from the Base Adresse Nationale, the doors of door-to-door. `station_link` says
 * how `station_id` was found: `reu` (the address's id in INSEE's table), `street` (its
 * street's), `nearest` (the closest REU point of its commune), or null (none).
 */
export const fieldAddresses = pgTable(
  'field_addresses',
  {
    campaignId: campaignId(),
    id: id(),
    banId: text('ban_id').notNull(),
    streetKey: text('street_key').notNull(),
    streetName: text('street_name').notNull(),
    number: integer('number').notNull(),
    suffix: text('suffix'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code').notNull(),
    communeName: text('commune_name').notNull(),
    lon: doublePrecision('lon').notNull(),
    lat: doublePrecision('lat').notNull(),
    location: point('location', { mode: 'tuple' }).notNull(),
    stationId: text('station_id'),
    stationLink: text('station_link'),
    doNotVisit: boolean('do_not_visit').notNull().default(false),
    importId: ref('import_id'),
  },
  (t) => [
    primaryKey({ name: 'field_addresses_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('field_addresses_ban_idx').on(t.campaignId, t.banId),
    index('field_addresses_street_idx').on(t.campaignId, t.communeCode, t.streetKey, t.number),
    index('field_addresses_station_idx').on(t.campaignId, t.stationId),
    // The geocoder finds a typed street by its name's folded last word (geocoding/street-key.ts).
    index('field_addresses_street_name_idx').on(
      t.campaignId,
      t.communeCode,
      streetNameKey(t.streetName),
    ),
    index('field_addresses_location_idx').using('gist', t.campaignId, t.location),
    // The addresses an import left without a station, for the link's fallbacks.
    index('field_addresses_unlinked_idx')
      .on(t.campaignId, t.importId)
      .where(sql`station_id IS NULL`),
  ],
);

/**
 * A target area: polling stations, communes, or a drawn polygon (longitude, latitude, as
 * committee areas keep theirs, with its bounding box for the index).
 */
export const fieldAreas = pgTable(
  'field_areas',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    stations: text('stations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    communes: text('communes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    geojson: jsonb('geojson'),
    polygon: polygon('polygon'),
    bbox: box('bbox'),
    doorCount: integer('door_count').notNull().default(0),
    /** The questionnaire its turfs carry; null: the campaign's most recently changed one. */
    questionnaireId: ref('questionnaire_id'),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'field_areas_pkey', columns: [t.campaignId, t.id] })],
);

/** A walkable piece of an area, handed to a committee and volunteers for dates. */
export const fieldTurfs = pgTable(
  'field_turfs',
  {
    campaignId: campaignId(),
    id: id(),
    areaId: ref('area_id').notNull(),
    name: text('name').notNull(),
    committeeId: ref('committee_id'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    doorCount: integer('door_count').notNull().default(0),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    /** Its outline for the map: the convex hull of its addresses, [lon, lat][]. */
    outline: jsonb('outline'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'field_turfs_pkey', columns: [t.campaignId, t.id] }),
    index('field_turfs_area_idx').on(t.campaignId, t.areaId),
    index('field_turfs_committee_idx').on(t.campaignId, t.committeeId),
  ],
);

/** A turf's addresses in walk order (`position`), with the side of the street walked. */
export const fieldTurfAddresses = pgTable(
  'field_turf_addresses',
  {
    campaignId: campaignId(),
    turfId: ref('turf_id').notNull(),
    position: integer('position').notNull(),
    addressId: ref('address_id').notNull(),
    side: text('side'),
  },
  (t) => [
    primaryKey({
      name: 'field_turf_addresses_pkey',
      columns: [t.campaignId, t.turfId, t.position],
    }),
    index('field_turf_addresses_address_idx').on(t.campaignId, t.addressId),
  ],
);

/** Volunteers a turf is given to (besides its committee's members). */
export const fieldTurfAssignees = pgTable(
  'field_turf_assignees',
  {
    campaignId: campaignId(),
    turfId: ref('turf_id').notNull(),
    personId: ref('person_id').notNull(),
    assignedBy: ref('assigned_by'),
    assignedAt: at('assigned_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'field_turf_assignees_pkey',
      columns: [t.campaignId, t.turfId, t.personId],
    }),
    index('field_turf_assignees_person_idx').on(t.campaignId, t.personId),
  ],
);

/** The turfs a door-to-door session (an event) carries. */
export const fieldEventTurfs = pgTable(
  'field_event_turfs',
  {
    campaignId: campaignId(),
    eventId: ref('event_id').notNull(),
    turfId: ref('turf_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'field_event_turfs_pkey', columns: [t.campaignId, t.eventId, t.turfId] }),
    index('field_event_turfs_turf_idx').on(t.campaignId, t.turfId),
  ],
);

export const fieldQuestionnaires = pgTable(
  'field_questionnaires',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    currentVersionId: ref('current_version_id'),
    archived: boolean('archived').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'field_questionnaires_pkey', columns: [t.campaignId, t.id] })],
);

/** A questionnaire's content as it was at one time: answers keep the version they were given on. */
export const fieldQuestionnaireVersions = pgTable(
  'field_questionnaire_versions',
  {
    campaignId: campaignId(),
    id: id(),
    questionnaireId: ref('questionnaire_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'field_questionnaire_versions_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('field_questionnaire_versions_number_idx').on(
      t.campaignId,
      t.questionnaireId,
      t.version,
    ),
  ],
);

/**
 * A door visited (or a leaflet dropped), keyed by the id the phone made, so a resent visit is
 * recorded once. `answers` never holds the support level unless the resident consented to it
 * being kept against their name (`person_id`); otherwise it goes to `field_support_tallies`.
 */
export const fieldVisits = pgTable(
  'field_visits',
  {
    campaignId: campaignId(),
    id: uuid('id').notNull(),
    turfId: ref('turf_id').notNull(),
    addressId: ref('address_id').notNull(),
    volunteerPersonId: ref('volunteer_person_id').notNull(),
    outcome: text('outcome').notNull(),
    /** `door` (a knock) or `leaflet` (a drop, no conversation). */
    mode: text('mode').notNull(),
    building: text('building'),
    floor: text('floor'),
    door: text('door'),
    versionId: ref('version_id'),
    answers: jsonb('answers'),
    supportLevel: smallint('support_level'),
    personId: ref('person_id'),
    notes: text('notes'),
    visitedAt: at('visited_at').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'field_visits_pkey', columns: [t.campaignId, t.id] }),
    index('field_visits_turf_idx').on(t.campaignId, t.turfId, t.visitedAt),
    index('field_visits_address_idx').on(t.campaignId, t.addressId),
    index('field_visits_volunteer_person_idx').on(t.campaignId, t.volunteerPersonId),
    index('field_visits_person_idx')
      .on(t.campaignId, t.personId)
      .where(sql`person_id IS NOT NULL`),
    // The impact refresh reads the visits received since its watermark.
    index('insights_src_field_visits_received_idx').on(t.campaignId, t.receivedAt),
  ],
);

/** Support levels given without consent to keep them against a name: counts only. */
export const fieldSupportTallies = pgTable(
  'field_support_tallies',
  {
    campaignId: campaignId(),
    turfId: ref('turf_id').notNull(),
    addressId: ref('address_id').notNull(),
    level: smallint('level').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'field_support_tallies_pkey',
      columns: [t.campaignId, t.turfId, t.addressId, t.level],
    }),
  ],
);

/**
 * How HQ ranks polling stations: the election and the candidate or nuance whose score counts,
 * and the priority formula (an expression over the station's figures, see targeting/formula.ts).
 */
export const fieldTargeting = pgTable(
  'field_targeting',
  {
    campaignId: campaignId(),
    electionId: ref('election_id'),
    /** `{ kind: 'candidate', panel } | { kind: 'nuance', nuance }`. */
    choice: jsonb('choice'),
    formula: text('formula').notNull(),
    updatedBy: ref('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'field_targeting_pkey', columns: [t.campaignId] })],
);

/**
 * Electors of the electoral list a candidate obtains (Code électoral L37), tied to their polling
 * station and, when their address names an imported BAN address, to it. Usable only for the
 * campaign: deleted the day after the last round of `election_id` (a retention purge).
 */
export const fieldElectors = pgTable(
  'field_electors',
  {
    campaignId: campaignId(),
    id: id(),
    importId: ref('import_id').notNull(),
    electionId: ref('election_id').notNull(),
    communeCode: text('commune_code').notNull(),
    stationId: text('station_id').notNull(),
    listNumber: text('list_number'),
    sex: text('sex'),
    birthName: text('birth_name').notNull(),
    usageName: text('usage_name'),
    givenNames: text('given_names').notNull(),
    birthDate: date('birth_date'),
    number: integer('number'),
    suffix: text('suffix'),
    street: text('street'),
    complement: text('complement'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** `communeCode|folded street name`, abbreviations expanded: matched to BAN streets by name. */
    streetKey: text('street_key'),
    addressId: ref('address_id'),
  },
  (t) => [
    primaryKey({ name: 'field_electors_pkey', columns: [t.campaignId, t.id] }),
    index('field_electors_station_idx').on(t.campaignId, t.stationId),
    index('field_electors_commune_idx').on(t.campaignId, t.communeCode),
    index('field_electors_address_idx')
      .on(t.campaignId, t.addressId)
      .where(sql`address_id IS NOT NULL`),
    index('field_electors_election_idx').on(t.campaignId, t.electionId),
  ],
);
