import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, bytea, campaignId, id, ref } from '../../core/db/columns.ts';

/** A recorded message as the carrier plays it (converted on upload: calling/recordings). */
export const callRecordings = pgTable(
  'call_recordings',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    fileName: text('file_name').notNull(),
    /** The uploaded file's format ('wav' | 'mp3') and size; `data` is what the carrier gets. */
    format: text('format').notNull(),
    uploadedSize: integer('uploaded_size').notNull(),
    contentType: text('content_type').notNull(),
    durationMs: integer('duration_ms').notNull(),
    data: bytea('data').notNull(),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'call_recordings_pkey', columns: [t.campaignId, t.id] })],
);

/**
 * The numbers broadcasts present to callees, from the ranges reserved to automated calling
 * in France; one is paused by hand or by the answer-rate watch (a sign of spam labelling).
 */
export const callCallerIds = pgTable(
  'call_caller_ids',
  {
    campaignId: campaignId(),
    id: id(),
    e164: text('e164').notNull(),
    label: text('label'),
    pausedAt: at('paused_at'),
    pauseReason: text('pause_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'call_caller_ids_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('call_caller_ids_number_idx').on(t.campaignId, t.e164),
  ],
);

/** An imported list of numbers with their consent evidence, read by a job. */
export const callLists = pgTable(
  'call_lists',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    /** queued | running | succeeded | failed */
    status: text('status').notNull().default('queued'),
    report: jsonb('report'),
    numberCount: integer('number_count'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    startedBy: ref('started_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    /** Who accepted a list some rows of which were left out as invalid, and when. */
    acceptedBy: ref('accepted_by'),
    acceptedAt: at('accepted_at'),
  },
  (t) => [primaryKey({ name: 'call_lists_pkey', columns: [t.campaignId, t.id] })],
);

/** An uploaded list file, in chunks, so the job reading it can run in any process. */
export const callListFiles = pgTable(
  'call_list_files',
  {
    campaignId: campaignId(),
    listId: ref('list_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ name: 'call_list_files_pkey', columns: [t.campaignId, t.listId, t.seq] })],
);

/**
 * A list's numbers, one row per number (the list's duplicates are dropped), with the consent
 * evidence the file gave and the agreed slot. Prospect data: deleted after the vote.
 */
export const callListNumbers = pgTable(
  'call_list_numbers',
  {
    campaignId: campaignId(),
    listId: ref('list_id').notNull(),
    e164: text('e164').notNull(),
    /** mobile | geographic | voip | special */
    numberClass: text('number_class').notNull(),
    /** The compliance territory of the number; null for a foreign one. */
    territory: text('territory'),
    consentAt: at('consent_at').notNull(),
    consentSource: text('consent_source').notNull(),
    /** The slot agreed for automated calls: ISO weekdays and "HH:MM" bounds, local time. */
    slotWeekdays: smallint('slot_weekdays').array(),
    slotFrom: text('slot_from'),
    slotTo: text('slot_to'),
    line: integer('line').notNull(),
  },
  (t) => [
    primaryKey({ name: 'call_list_numbers_pkey', columns: [t.campaignId, t.listId, t.e164] }),
    // Erasure finds a person's numbers through it.
    index('call_list_numbers_number_idx').on(t.campaignId, t.e164),
  ],
);

/**
 * A voice broadcast: a recorded message to an audience (a segment's people who agreed to
 * automated calls, or an imported list), within windows, paced; launched by a second staff
 * member's approval.
 */
export const callBroadcasts = pgTable(
  'call_broadcasts',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    /** draft | awaiting_approval | running | paused | completed | canceled */
    status: text('status').notNull().default('draft'),
    /** segment | list */
    audienceKind: text('audience_kind').notNull(),
    segmentId: ref('segment_id'),
    listId: ref('list_id'),
    recordingId: ref('recording_id'),
    machineRecordingId: ref('machine_recording_id'),
    /** For answering machines: 'message' (after the beep) | 'hang_up'. */
    machineAction: text('machine_action').notNull().default('message'),
    optOutConfirmedBy: ref('opt_out_confirmed_by'),
    optOutConfirmedAt: at('opt_out_confirmed_at'),
    /** Calling windows on the callee's clock (a compliance TimeRule). */
    windows: jsonb('windows').notNull(),
    startsAt: at('starts_at'),
    endsAt: at('ends_at'),
    maxConcurrent: integer('max_concurrent').notNull(),
    callsPerSecond: integer('calls_per_second').notNull(),
    rampSeconds: integer('ramp_seconds').notNull(),
    maxAttempts: integer('max_attempts').notNull(),
    retryMinutes: integer('retry_minutes').notNull(),
    ringSeconds: integer('ring_seconds').notNull(),
    /** The answer rate (over the last calls of a caller ID) under which it is paused. */
    answerRateFloor: integer('answer_rate_floor_percent').notNull(),
    /** The carrier's price of a started minute, in hundredths of a cent (the estimated cost). */
    minutePrice: integer('minute_price_hundredths'),
    audienceCount: integer('audience_count'),
    createdBy: ref('created_by'),
    requestedBy: ref('requested_by'),
    requestedAt: at('requested_at'),
    approvedBy: ref('approved_by'),
    launchedAt: at('launched_at'),
    pausedAt: at('paused_at'),
    pauseReason: text('pause_reason'),
    finishedAt: at('finished_at'),
    /** Since when the carrier fails to take its calls (out of reach, no answer), and why. */
    carrierTroubleAt: at('carrier_trouble_at'),
    carrierTrouble: text('carrier_trouble'),
    /** The process dialling it now, while its lease runs (a dead one's lease lapses). */
    diallerId: text('dialler_id'),
    diallerLeaseUntil: at('dialler_lease_until'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'call_broadcasts_pkey', columns: [t.campaignId, t.id] })],
);

/**
 * A broadcast's audience as frozen at launch: one row per number, never two (the unique
 * index is the guarantee that nobody is called twice by one broadcast). `status`: due (to be
 * dialled at `next_at`), dialing (an attempt is in progress), unknown (the carrier's answer
 * to the last attempt was lost: never redialled until reconciled), done.
 */
export const callTargets = pgTable(
  'call_targets',
  {
    campaignId: campaignId(),
    broadcastId: ref('broadcast_id').notNull(),
    id: id(),
    e164: text('e164').notNull(),
    personId: ref('person_id'),
    territory: text('territory'),
    departement: text('departement'),
    slotWeekdays: smallint('slot_weekdays').array(),
    slotFrom: text('slot_from'),
    slotTo: text('slot_to'),
    status: text('status').notNull().default('due'),
    /** Why it is done: completed | busy | no_answer | failed | opted_out | not_reachable | canceled */
    result: text('result'),
    attempts: smallint('attempts').notNull().default(0),
    nextAt: at('next_at').notNull(),
    lastAttemptId: ref('last_attempt_id'),
  },
  (t) => [
    primaryKey({ name: 'call_targets_pkey', columns: [t.campaignId, t.broadcastId, t.id] }),
    uniqueIndex('call_targets_number_idx').on(t.campaignId, t.broadcastId, t.e164),
    index('call_targets_due_idx')
      .on(t.campaignId, t.broadcastId, t.nextAt)
      .where(sql`status = 'due'`),
    index('call_targets_person_idx')
      .on(t.campaignId, t.personId)
      .where(sql`person_id IS NOT NULL`),
  ],
);

/**
 * One dial of a target. `state` follows one machine: dialing → queued → ringing → answered →
 * completed, or busy / no_answer / failed / canceled; `unknown` when the carrier's answer to
 * the dial was lost. A state of lower rank never replaces one of higher rank; terminal states
 * are final.
 */
export const callAttempts = pgTable(
  'call_attempts',
  {
    campaignId: campaignId(),
    id: id(),
    broadcastId: ref('broadcast_id').notNull(),
    targetId: ref('target_id').notNull(),
    to: text('to_e164').notNull(),
    callerId: text('caller_id').notNull(),
    state: text('state').notNull(),
    answeredAs: text('answered_as'),
    listenedToEnd: boolean('listened_to_end').notNull().default(false),
    optedOut: boolean('opted_out').notNull().default(false),
    carrierCallId: text('carrier_call_id'),
    dialledAt: at('dialled_at').notNull().defaultNow(),
    answeredAt: at('answered_at'),
    endedAt: at('ended_at'),
    durationSeconds: integer('duration_seconds'),
    priceCents: integer('price_cents'),
    error: text('error'),
    /** When reconciliation first found no such call at the carrier (asked again before concluding). */
    reconcileMissedAt: at('reconcile_missed_at'),
  },
  (t) => [
    primaryKey({ name: 'call_attempts_pkey', columns: [t.campaignId, t.id] }),
    index('call_attempts_target_idx').on(t.campaignId, t.broadcastId, t.targetId),
    // A caller ID's answer rate over its last ended calls (the pool's list).
    index('call_attempts_caller_idx')
      .on(t.campaignId, t.callerId, t.endedAt)
      .where(sql`state IN ('completed', 'busy', 'no_answer', 'failed')`),
    // The dashboard's current pace: the last minute's dials.
    index('call_attempts_dialled_idx').on(t.campaignId, t.broadcastId, t.dialledAt),
    index('call_attempts_open_idx')
      .on(t.campaignId, t.broadcastId, t.dialledAt)
      .where(sql`state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled')`),
    // Erasure finds a person's calls through it.
    index('call_attempts_number_idx').on(t.campaignId, t.to),
    // The impact refresh reads the calls listened to the end since its watermark.
    index('insights_src_call_attempts_listened_idx')
      .on(t.campaignId, t.endedAt)
      .where(sql`listened_to_end`),
  ],
);

/**
 * Carrier callbacks as received, append-only; the unique key drops duplicates, and states
 * are applied by rank, so duplicates and reordering are harmless.
 */
export const callCallbacks = pgTable(
  'call_callbacks',
  {
    campaignId: campaignId(),
    id: id(),
    attemptId: ref('attempt_id').notNull(),
    eventKey: text('event_key').notNull(),
    params: jsonb('params').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
    appliedAt: at('applied_at'),
  },
  (t) => [
    primaryKey({ name: 'call_callbacks_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('call_callbacks_event_idx').on(t.campaignId, t.attemptId, t.eventKey),
    index('call_callbacks_pending_idx')
      .on(t.campaignId, t.id)
      .where(sql`applied_at IS NULL`),
    // Erasure finds the callbacks about a person's number through it.
    index('call_callbacks_to_idx').on(t.campaignId, sql`(${t.params}->>'To')`),
  ],
);

/**
 * The live dashboard's counts, per broadcast, hour and département: rows of deltas added as
 * attempts change state, summed when read (no counter row is a hot spot).
 */
export const callStats = pgTable(
  'call_stats',
  {
    campaignId: campaignId(),
    id: id(),
    broadcastId: ref('broadcast_id').notNull(),
    hour: at('hour').notNull(),
    departement: text('departement').notNull(),
    dialled: integer('dialled').notNull().default(0),
    answeredHuman: integer('answered_human').notNull().default(0),
    answeredMachine: integer('answered_machine').notNull().default(0),
    listened: integer('listened').notNull().default(0),
    optOuts: integer('opt_outs').notNull().default(0),
    busy: integer('busy').notNull().default(0),
    noAnswer: integer('no_answer').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Started minutes of answered calls: times the broadcast's minute price, the cost. */
    billedMinutes: integer('billed_minutes').notNull().default(0),
    /** Numbers settled for good (called, given up, left out), on the hour they were. */
    settled: integer('settled').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'call_stats_pkey', columns: [t.campaignId, t.id] }),
    index('call_stats_broadcast_idx').on(t.campaignId, t.broadcastId, t.hour),
  ],
);
