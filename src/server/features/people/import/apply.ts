import { sql, type SQL } from 'drizzle-orm';
import { refreshPeopleLookups } from '../statistics.ts';
import type { Engine } from '../../../core/db/index.ts';
import { Pacer } from '../../../core/event-loop.ts';
import type { RequestMeter } from '../../../core/request-meter.ts';
import { insertPeopleSelect, updatePeopleFrom } from '../person-writer.ts';
import { mergeSlice } from './merge.ts';
import { TimedSizer } from './ranges.ts';
import type { ImportSession, Query } from './session.ts';
import { phoneMatch, type StageTables } from './stage.ts';

/**
 * How long one slice may take, by engine. PGlite runs in the server's own thread: while a
 * slice's transaction runs, nothing else does (no request, no timer), so it must stay well
 * within 50 ms. PostgreSQL runs slices beside sign-ups; a sign-up for an address a slice has
 * just inserted waits for its commit, so slices stay short there too.
 */
export const SLICE_TARGET_MS = { pglite: 20, postgres: 150 } as const;
const SLICE_ROWS = {
  pglite: { first: 100, min: 25, max: 2_000 },
  // At least 1,000: on a busy machine each statement's round trip, not the rows, makes a
  // slice slow, and smaller slices then only cost throughput.
  postgres: { first: 5_000, min: 1_000, max: 20_000 },
} as const;
/**
 * The share of the time an import works on PostgreSQL while this process answers at least
 * BUSY_REQUESTS a second. An import that never paused kept a database backend busy all the
 * time and filled the write-ahead log that every sign-up's commit flushes: on a small machine
 * sign-ups took four to five times longer at p99. Working a third of the time brings them to
 * what plain inserts of as many people cost (bench/README.md); working less gains nothing
 * more. With nobody to serve (or in a worker process of its own) it works at full speed. On PGlite the slices' time target already leaves the server answering: there
 * it only yields a turn between steps.
 */
export const BUSY_SHARE = 1 / 3;
const BUSY_REQUESTS = 5;

export function importShare(engine: Engine, requests: RequestMeter): () => number {
  if (engine === 'pglite') return () => 1;
  return () => (requests.perSecond() >= BUSY_REQUESTS ? BUSY_SHARE : 1);
}

/** Deadlocks and unique races with a sign-up or another import: the slice is tried again. */
const RETRIED = new Set(['40P01', '40001', '23505']);
const ATTEMPTS = 5;

export interface SliceRun {
  campaignId: number;
  importId: number;
  /** The run that owns the import (imports.run_token): a slice commits only under it. */
  token: string;
  actorId: number | null;
  /** Tags added to everyone in the file. */
  tags: string[];
  wordingVersion: string;
  /** The line of the last target (progress goes by line). */
  lastLine: number;
}

export interface SliceInfo {
  rows: number;
  /** How long the slice's transaction held the engine. */
  ms: number;
}

export interface ApplyHooks {
  /** After each committed slice (the benchmark records them; tests stop a run here). */
  afterSlice?(info: SliceInfo): Promise<void> | void;
  /** At most this many targets a slice, whatever the timing says (tests of small files). */
  maxSliceRows?: number;
  /** Paces the import's steps (one for the whole run: reading the file, then its slices). */
  pacer?: Pacer;
}

/** Another run owns the import now (this one was taken for dead): it stops without a word. */
export class Superseded extends Error {
  constructor() {
    super('the import is run by another worker now');
  }
}

const place = (n: number) => sql.raw(`nullif(split_part(s.place, '|', ${n}), '')`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies the targets after `from` (a line of the file), slice after slice, each slice its
 * own transaction that also moves the import's cursor (imports.applied_line): a run that dies
 * leaves only whole slices, and the next run goes on after the last. Slices are sized by time.
 * Returns 'cancelled' when a cancel was asked for.
 */
export async function applySlices(
  session: ImportSession,
  t: StageTables,
  run: SliceRun,
  from: number,
  hooks: ApplyHooks = {},
): Promise<'applied' | 'cancelled'> {
  const limit = hooks.maxSliceRows ?? Infinity;
  const pacer = hooks.pacer ?? new Pacer(1);
  const rows = SLICE_ROWS[session.engine];
  const sizer = new TimedSizer(SLICE_TARGET_MS[session.engine], {
    first: Math.min(limit, rows.first),
    min: Math.min(limit, rows.min),
    max: Math.min(limit, rows.max),
  });
  const [{ seq }] = await session.query<{ seq: string }>(
    `SELECT pg_get_serial_sequence('people', 'id') AS seq`,
  );
  let after = from;
  // The slices' lookups by email and phone are planned from people's statistics: as the import
  // grows the table they go stale (PGlite has no autovacuum, and PostgreSQL's lags), and the
  // planner walked the whole campaign for each row. So they are refreshed as it grows.
  let known = await analyzePeople(session);
  let grown = 0;
  for (;;) {
    let outcome: SliceOutcome | undefined;
    let ms = 0;
    for (let attempt = 1; !outcome; attempt++) {
      const started = performance.now();
      try {
        outcome = await session.transaction((tx) =>
          applySlice(tx.query, t, run, seq, after, sizer.size),
        );
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= ATTEMPTS || !code || !RETRIED.has(code)) throw error;
        await sleep(10 * attempt);
      }
      ms = performance.now() - started;
    }
    if (outcome.kind !== 'slice') return outcome.kind === 'done' ? 'applied' : 'cancelled';
    after = outcome.last;
    grown += outcome.rows;
    if (grown > Math.max(10_000, known / 5)) {
      known = await analyzePeople(session);
      grown = 0;
    }
    await hooks.afterSlice?.({ rows: outcome.rows, ms });
    sizer.took(ms);
    // Let the server answer what came in meanwhile (on PGlite, nothing else could run).
    await pacer.rest();
  }
}

/**
 * Matches the slice's targets (those `which` selects) to people by email: one index lookup per
 * row. (A join let the planner, with statistics that lag behind an import growing people —
 * PGlite has no autovacuum —, scan all of people for every slice.) Returns how many matched.
 */
async function matchByEmail(
  query: Query,
  targets: SQL,
  slice: SQL,
  campaignId: number,
  which: SQL,
): Promise<number> {
  const matched = await query(
    sql`UPDATE ${targets} s SET match_id = m.id, by_email = true
       FROM (SELECT s.line, (SELECT p.id FROM people p
                              WHERE p.campaign_id = ${campaignId} AND p.email_normalized = s.email_normalized) AS id
               FROM ${targets} s WHERE ${slice} AND ${which}) m
      WHERE ${slice} AND s.line = m.line AND m.id IS NOT NULL
      RETURNING s.line`,
  );
  return matched.length;
}

/** Refreshes the planner's count of people and its lookup columns, and returns the count. */
async function analyzePeople(session: ImportSession): Promise<number> {
  await refreshPeopleLookups(session);
  const [{ n }] = await session.query<{ n: number }>(
    `SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'people'::regclass`,
  );
  return Number(n);
}

type SliceOutcome = { kind: 'slice'; rows: number; last: number } | { kind: 'done' | 'cancelled' };

/**
 * One slice, inside its transaction: four statements when nobody in it is known yet (the
 * statements for phones, merges and late conflicts run only when there is something for them).
 */
async function applySlice(
  query: Query,
  t: StageTables,
  run: SliceRun,
  seq: string,
  after: number,
  size: number,
): Promise<SliceOutcome> {
  const { campaignId, importId } = run;
  const targets = sql.raw(t.targets);
  // The import row stays locked to the commit: a second run cannot apply the same slice.
  const [state] = await query<{
    run_token: string | null;
    applied_line: number;
    cancel: boolean;
    n: number;
    last: number | null;
  }>(
    sql`SELECT i.run_token, i.applied_line, i.cancel_requested_at IS NOT NULL AS cancel, x.n, x.last
       FROM imports i,
            (SELECT count(*)::int AS n, max(line) AS last
               FROM (SELECT line FROM ${targets} WHERE line > ${after} ORDER BY line LIMIT ${sql.raw(String(Math.floor(size)))}) y) x
      WHERE i.campaign_id = ${campaignId} AND i.id = ${importId}
        FOR UPDATE OF i`,
  );
  if (state?.run_token !== run.token || state.applied_line !== after) throw new Superseded();
  if (state.cancel) return { kind: 'cancelled' };
  if (state.n === 0) return { kind: 'done' };
  // Every statement below reads the slice's targets by line range (after, last], on the line index.
  const last = state.last!;
  const slice = sql`s.line > ${after} AND s.line <= ${last}`;

  // Matched now, against people as they are: someone who signed up since the file was read is
  // merged into. Then several rows with different emails may share the phone of one person
  // without email: the first gets that person, the others are new people.
  let matched = await matchByEmail(
    query,
    targets,
    slice,
    campaignId,
    sql`s.email_normalized IS NOT NULL`,
  );
  const byPhone = await query(
    sql`UPDATE ${targets} s SET match_id = m.id
       FROM (SELECT s.line, (${phoneMatch('s', sql`${campaignId}`)}) AS id
               FROM ${targets} s WHERE ${slice} AND s.match_id IS NULL AND s.phone IS NOT NULL) m
      WHERE ${slice} AND s.line = m.line AND m.id IS NOT NULL
      RETURNING s.line`,
  );
  matched += byPhone.length;
  if (byPhone.length > 1) {
    const unmatched = await query(
      sql`UPDATE ${targets} s SET match_id = NULL
        WHERE ${slice} AND s.line IN (SELECT line FROM (
                SELECT line, row_number() OVER (PARTITION BY match_id ORDER BY line) AS rn FROM ${targets} s
                 WHERE ${slice} AND match_id IS NOT NULL AND NOT by_email AND email_normalized IS NOT NULL) x
               WHERE rn > 1)
        RETURNING s.line`,
    );
    matched -= unmatched.length;
  }

  // New people. An address that someone (a sign-up, another import) inserted since the match
  // is a conflict, not an error: that row is matched again below and merged. Inserted in
  // email order, as every slice does, so two imports never wait on each other in a circle.
  const [{ created }] = await query<{ created: number }>(
    sql`WITH inserted AS (
       ${insertPeopleSelect(
         {
           campaignId: sql`${campaignId}`,
           id: sql.raw(`nextval('${seq}')`),
           email: sql`s.email`,
           emailNormalized: sql`s.email_normalized`,
           firstName: sql`s.first_name`,
           lastName: sql`s.last_name`,
           phone: sql`s.phone`,
           postalCode: place(1),
           communeCode: place(2),
           communeName: place(3),
           departementCode: place(4),
           addressStreet: sql`s.address_street`,
           addressComplement: sql`s.address_complement`,
           source: sql`'import'`,
           recruitCode: sql`s.recruit_code`,
           // The consent cache starts as the file's grants, recorded below with their history.
           consentEmail: sql`coalesce(s.consent_email, false)`,
           consentSms: sql`coalesce(s.consent_sms, false)`,
           consentPhone: sql`coalesce(s.consent_phone, false)`,
           confirmedAt: sql`now()`,
           importId: sql`${importId}`,
           searchText: sql`s.search_text`,
         },
         {
           overridingId: true,
           from: sql`${targets} s WHERE ${slice} AND s.match_id IS NULL ORDER BY s.email_normalized`,
           onEmailTaken: 'nothing',
           returning: 'id, recruit_code',
         },
       )}),
     marked AS (
       UPDATE ${targets} s SET created = true, new_id = inserted.id FROM inserted
        WHERE ${slice} AND s.recruit_code = inserted.recruit_code RETURNING 1)
     SELECT count(*)::int AS created FROM marked`,
  );
  if (created < state.n - matched)
    matched += await matchByEmail(
      query,
      targets,
      slice,
      campaignId,
      sql`s.match_id IS NULL AND NOT s.created`,
    );
  const merged =
    matched > 0 ? await mergeSlice(query, t.targets, [after, last], campaignId, importId) : [];

  // Tags (created as needed), consent history and, for people merged, a timeline entry, each
  // saying its import; and the import's cursor, in the same statement.
  await query(
    sql`WITH b AS (
       SELECT CASE WHEN s.created THEN s.new_id ELSE s.match_id END AS person_id, s.*
         FROM ${targets} s WHERE ${slice} AND (s.created OR s.match_id = ANY(${merged}::bigint[]))),
     names AS (
       SELECT DISTINCT n FROM (
         SELECT unnest(string_to_array(s.tags, E'\\x1f')) AS n FROM ${targets} s WHERE ${slice} AND s.tags IS NOT NULL
         UNION SELECT unnest(${run.tags}::text[])) x),
     new_tags AS (
       INSERT INTO tags (campaign_id, name) SELECT ${campaignId}, n FROM names ORDER BY n
       ON CONFLICT (campaign_id, name) DO NOTHING RETURNING id, name),
     all_tags AS (
       SELECT id, name FROM tags WHERE campaign_id = ${campaignId} AND name IN (SELECT n FROM names)
       UNION ALL SELECT id, name FROM new_tags),
     tagged AS (
       INSERT INTO person_tags (campaign_id, person_id, tag_id, import_id)
       SELECT DISTINCT ${campaignId}::int, b.person_id, tg.id, ${importId}::bigint
         FROM b CROSS JOIN LATERAL unnest(string_to_array(b.tags, E'\\x1f') || ${run.tags}::text[]) AS n(name)
         JOIN all_tags tg ON tg.name = n.name
       ON CONFLICT DO NOTHING),
     consented AS (
       INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version, import_id)
       SELECT DISTINCT ${campaignId}::int, b.person_id, c.channel, true, 'import', ${run.wordingVersion}, ${importId}::bigint
         FROM b CROSS JOIN LATERAL
              (VALUES ('email', b.consent_email), ('sms', b.consent_sms), ('volunteer_call', b.consent_phone))
                AS c(channel, granted)
        WHERE c.granted),
     -- Those grants are now each person's latest decision on their channel: their records.
     recorded AS (
       INSERT INTO person_consents (campaign_id, person_id, channel, status, source, wording_version, at)
       SELECT DISTINCT ${campaignId}::int, b.person_id, c.channel, 'granted', 'import', ${run.wordingVersion}, now()
         FROM b CROSS JOIN LATERAL
              (VALUES ('email', b.consent_email), ('sms', b.consent_sms), ('volunteer_call', b.consent_phone))
                AS c(channel, granted)
        WHERE c.granted
       ON CONFLICT (campaign_id, person_id, channel) DO UPDATE
          SET status = 'granted', source = 'import', wording_version = excluded.wording_version,
              at = excluded.at, slot = NULL),
     logged AS (
       INSERT INTO person_events (campaign_id, person_id, kind, data, actor_id)
       SELECT ${campaignId}, id, 'import', ${JSON.stringify({ importId, merged: true })}::jsonb, ${run.actorId} FROM unnest(${merged}::bigint[]) AS m(id)),
     -- Custom values: a person's own value stays (only empty fields are filled).
     valued AS (
       INSERT INTO person_field_values (campaign_id, custom_field_id, person_id, text_value, number_value,
                                        date_value, import_id)
       SELECT ${campaignId}, f.id, b.person_id, CASE WHEN f.type IN ('text', 'choice') THEN c.value END,
              CASE WHEN f.type = 'number' THEN c.value::numeric END, CASE WHEN f.type = 'date' THEN c.value::date END, ${importId}
         FROM b CROSS JOIN LATERAL jsonb_each_text(b.custom) AS c(key, value)
         JOIN custom_fields f ON f.campaign_id = ${campaignId} AND f.key = c.key
       ON CONFLICT (campaign_id, custom_field_id, person_id) DO NOTHING)
     UPDATE imports SET applied_line = ${last}, created_count = created_count + ${created}, merged_count = merged_count + ${merged.length},
            created_tags = created_tags || coalesce((SELECT jsonb_agg(id) FROM new_tags), '[]'::jsonb),
            heartbeat_at = now(),
            progress = least(0.99, ${READ_SHARE}::real + (1 - ${READ_SHARE}::real) * (${last}::real / greatest(1, ${run.lastLine}::real)))
      WHERE campaign_id = ${campaignId} AND id = ${importId}`,
  );
  // The consent cache of people merged follows their new records (new people's already holds
  // the file's grants); an import only grants, so a granted channel stays granted.
  if (merged.length > 0)
    await updatePeopleFrom(query, campaignId, {
      set: {
        consentEmail: sql`p.consent_email OR x.email`,
        consentSms: sql`p.consent_sms OR x.sms`,
        consentPhone: sql`p.consent_phone OR x.phone`,
      },
      from: sql`(SELECT s.match_id AS id, bool_or(coalesce(s.consent_email, false)) AS email,
                      bool_or(coalesce(s.consent_sms, false)) AS sms, bool_or(coalesce(s.consent_phone, false)) AS phone
                 FROM ${targets} s WHERE ${slice} AND s.match_id = ANY(${merged}::bigint[]) GROUP BY s.match_id) x`,
      where: sql`p.id = x.id
          AND ((x.email AND NOT p.consent_email) OR (x.sms AND NOT p.consent_sms) OR (x.phone AND NOT p.consent_phone))`,
    });
  return { kind: 'slice', rows: state.n, last };
}

/** Share of the progress bar for reading and staging the file; applying takes the rest. */
export const READ_SHARE = 0.5;
