import { sql, type InferSelectModel } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, bytea, campaignId, id, ref } from '../../core/db/columns.ts';

export const people = pgTable(
  'people',
  {
    campaignId: campaignId(),
    id: id(),
    email: text('email'),
    emailNormalized: text('email_normalized'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    /** Postal address for canvassing and receipts: street line and complement (flat, building). */
    addressStreet: text('address_street'),
    addressComplement: text('address_complement'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code'),
    communeName: text('commune_name'),
    departementCode: text('departement_code'),
    locale: text('locale').notNull().default('fr'),
    source: text('source').notNull().default('signup'),
    recruitCode: text('recruit_code').notNull(),
    recruitedBy: ref('recruited_by'),
    referrerUrl: text('referrer_url'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    /**
     * A read cache of person_consents (granted or not) for fast filters and lists, written only
     * by consents.ts in the transaction that writes the records; consent_phone is volunteer calls.
     */
    consentEmail: boolean('consent_email').notNull().default(false),
    consentSms: boolean('consent_sms').notNull().default(false),
    consentPhone: boolean('consent_phone').notNull().default(false),
    confirmedAt: at('confirmed_at'),
    erasedAt: at('erased_at'),
    importId: ref('import_id'),
    searchText: text('search_text').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'people_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('people_email_normalized_key').on(t.campaignId, t.emailNormalized),
    uniqueIndex('people_recruit_code_key').on(t.campaignId, t.recruitCode),
    // Partial: most imported people have no phone and nobody who recruited them, and an
    // index entry per NULL would only slow imports and sign-ups down.
    index('people_phone_idx')
      .on(t.campaignId, t.phone)
      .where(sql`${t.phone} IS NOT NULL`),
    index('people_commune_idx').on(t.campaignId, t.communeCode),
    // Serves the département filter, and a newest-first walk within each département.
    index('people_departement_created_idx').on(t.campaignId, t.departementCode, t.createdAt),
    index('people_recruited_by_idx')
      .on(t.campaignId, t.recruitedBy)
      .where(sql`${t.recruitedBy} IS NOT NULL`),
    // Undoing an import finds the people it created (sign-ups have none: nothing to maintain).
    index('people_import_idx')
      .on(t.campaignId, t.importId)
      .where(sql`${t.importId} IS NOT NULL`),
    // Newest-first (and oldest-first) lists, and the search's walk: the search text in the
    // key lets a walk for a term read only the index (an index-only scan, several times
    // faster than visiting each row), and the id orders ties. Erased people are never listed.
    index('people_created_at_idx')
      .on(t.campaignId, t.createdAt, t.id, t.searchText)
      .where(sql`${t.erasedAt} IS NULL`),
    // The département beside the trigrams (btree_gin): a search within départements reads
    // their compressed posting lists in the same index scan, where a bitmap of the btree
    // above visited every entry of the départements (35 of 60 ms in Rhône + Paris at 1M).
    index('people_search_trgm_idx').using(
      'gin',
      t.departementCode,
      sql`${t.searchText} gin_trgm_ops`,
    ),
  ],
);

/**
 * The current consent of a person per channel (email, sms, volunteer_call, automated_call):
 * the latest decision of their history (consent_events), kept by consents.ts. An automated-call
 * consent always holds the slot the person agreed to (CNIL): ISO weekdays and local times.
 */
export const personConsents = pgTable(
  'person_consents',
  {
    campaignId: campaignId(),
    personId: ref('person_id').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    source: text('source').notNull(),
    wordingVersion: text('wording_version').notNull(),
    at: at('at').notNull(),
    /** Automated calls: `{ weekdays: [1..7], from: 'HH:MM', to: 'HH:MM' }`, else null. */
    slot: jsonb('slot'),
  },
  (t) => [
    primaryKey({ name: 'person_consents_pkey', columns: [t.campaignId, t.personId, t.channel] }),
    check('person_consents_status', sql`${t.status} IN ('granted', 'withdrawn')`),
    check(
      'person_consents_slot',
      sql`${t.channel} <> 'automated_call' OR ${t.status} <> 'granted' OR ${t.slot} IS NOT NULL`,
    ),
  ],
);

/** History of every consent decision, with the wording the person saw. */
export const consentEvents = pgTable(
  'consent_events',
  {
    campaignId: campaignId(),
    id: id(),
    personId: ref('person_id').notNull(),
    channel: text('channel').notNull(),
    granted: boolean('granted').notNull(),
    source: text('source').notNull(),
    wordingVersion: text('wording_version').notNull(),
    importId: ref('import_id'),
    /** Recorded by staff (a consent or opt-out received by phone, letter…): who, and the evidence. */
    actorId: ref('actor_id'),
    note: text('note'),
    /** An automated-call consent: the slot agreed to (see person_consents). */
    slot: jsonb('slot'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'consent_events_pkey', columns: [t.campaignId, t.id] }),
    index('consent_events_person_idx').on(t.campaignId, t.personId, t.at),
  ],
);

export const tags = pgTable(
  'tags',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'tags_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('tags_name_unique').on(t.campaignId, t.name),
  ],
);

export const personTags = pgTable(
  'person_tags',
  {
    campaignId: campaignId(),
    personId: ref('person_id').notNull(),
    tagId: ref('tag_id').notNull(),
    at: at('at').notNull().defaultNow(),
    /** The import that added this tag to the person (undone with it), else null. */
    importId: ref('import_id'),
  },
  (t) => [
    primaryKey({ name: 'person_tags_pkey', columns: [t.campaignId, t.personId, t.tagId] }),
    index('person_tags_tag_idx').on(t.campaignId, t.tagId),
  ],
);

/** The person's timeline: sign-up, confirmation, consent changes, imports, tags, edits. */
export const personEvents = pgTable(
  'person_events',
  {
    campaignId: campaignId(),
    id: id(),
    personId: ref('person_id').notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data').notNull().default({}),
    actorId: ref('actor_id'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'person_events_pkey', columns: [t.campaignId, t.id] }),
    index('person_events_person_idx').on(t.campaignId, t.personId, t.at),
  ],
);

export const segments = pgTable(
  'segments',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    filter: jsonb('filter').notNull(),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'segments_pkey', columns: [t.campaignId, t.id] })],
);

export const imports = pgTable(
  'imports',
  {
    campaignId: campaignId(),
    id: id(),
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    mapping: jsonb('mapping').notNull().default({}),
    options: jsonb('options').notNull().default({}),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    invalidRows: integer('invalid_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    mergedCount: integer('merged_count').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    problem: jsonb('problem'),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    headers: jsonb('headers').notNull().default([]),
    sample: jsonb('sample').notNull().default([]),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    fileSize: bigint('file_size', { mode: 'number' }).notNull().default(0),
    progress: real('progress').notNull().default(0),
    /** Row errors and warnings in all; `errors` keeps only the first ones. */
    errorCount: integer('error_count').notNull().default(0),
    duplicateRows: integer('duplicate_rows').notNull().default(0),
    wouldMerge: integer('would_merge'),
    startedAt: at('started_at'),
    /** When its sample and row errors (raw values from the file) were deleted. */
    detailsPurgedAt: at('details_purged_at'),
    /** Warnings among error_count (rows imported, but not quite as the file meant). */
    warningCount: integer('warning_count').notNull().default(0),
    /** Written by the running job at least every few seconds; stale past a minute: retried. */
    heartbeatAt: at('heartbeat_at'),
    /** The run that owns the import: a slice commits only under its token. */
    runToken: text('run_token'),
    /** Targets (by their first line in the file) up to this line are applied and committed. */
    appliedLine: integer('applied_line').notNull().default(0),
    cancelRequestedAt: at('cancel_requested_at'),
    /** Tags this import created (deleted by its undo when nobody else uses them). */
    createdTags: jsonb('created_tags').notNull().default([]),
    /** After an undo: people it created that were kept, someone having made them theirs since. */
    keptCount: integer('kept_count').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'imports_pkey', columns: [t.campaignId, t.id] })],
);

/**
 * What an import changed on people who existed before it (their values before and after), so
 * that undoing it puts back what it filled, unless someone changed it since.
 */
export const importChanges = pgTable(
  'import_changes',
  {
    campaignId: campaignId(),
    importId: ref('import_id').notNull(),
    personId: ref('person_id').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
  },
  (t) => [
    primaryKey({ name: 'import_changes_pkey', columns: [t.campaignId, t.importId, t.personId] }),
    // Erasure finds a person's changes through it.
    index('import_changes_person_idx').on(t.campaignId, t.personId),
  ],
);

/** The uploaded file, in chunks, until its import job is done (any process may run the job). */
export const importFiles = pgTable(
  'import_files',
  {
    campaignId: campaignId(),
    importId: ref('import_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ name: 'import_files_pkey', columns: [t.campaignId, t.importId, t.seq] })],
);

/** Every row error and warning of an import (the report shows the first; the CSV has all). */
export const importErrors = pgTable(
  'import_errors',
  {
    campaignId: campaignId(),
    id: id(),
    importId: ref('import_id').notNull(),
    line: integer('line').notNull(),
    field: text('field'),
    code: text('code').notNull(),
    message: text('message').notNull(),
    severity: text('severity').notNull().default('error'),
  },
  (t) => [
    primaryKey({ name: 'import_errors_pkey', columns: [t.campaignId, t.id] }),
    index('import_errors_import_idx').on(t.campaignId, t.importId, t.line),
  ],
);

/**
 * A row of `people` as raw SQL returns it (snake_case, from the schema above): the row types
 * of queries pick from it. The locale column only ever holds 'fr' or 'en'.
 */
export type PersonColumns = Omit<
  InferSelectModel<typeof people, { dbColumnNames: true }>,
  'locale'
> & { locale: 'fr' | 'en' };

/** Who a person is and where: the columns most lists and merges read. */
export type ContactColumn = Extract<
  keyof PersonColumns,
  | 'id'
  | 'email'
  | 'first_name'
  | 'last_name'
  | 'phone'
  | 'postal_code'
  | 'commune_code'
  | 'commune_name'
  | 'departement_code'
  | 'consent_email'
  | 'consent_sms'
  | 'consent_phone'
>;
