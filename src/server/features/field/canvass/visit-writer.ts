import { sql } from 'drizzle-orm';
import type { Answers } from '../../../../contracts/field-answers.ts';
import { Batcher, type Queued } from '../../../core/db/batcher.ts';
import type { Database, Query } from '../../../core/db/index.ts';
import { perCampaign } from '../../../core/db/per-campaign.ts';
import { statement, valuesOf } from '../../../core/db/statement.ts';

/** A visit as the statement below checks it, and writes it when `write` is set. */
export interface VisitRow {
  id: string;
  turfId: number;
  addressId: number;
  volunteerId: number;
  outcome: string;
  mode: string;
  building: string | null;
  floor: string | null;
  door: string | null;
  notes: string | null;
  visitedAt: string;
  versionId: number | null;
  /** The answers kept on the visit. */
  answers: Answers | null;
  supportLevel: number | null;
  /** A support level counted per door only (`field_support_tallies`). */
  tally: number | null;
  doNotVisit: boolean;
  /** The turf is open to the volunteer for a reason the statement does not see (committee…). */
  granted: boolean;
  /** False: only checked (a visit written apart, with its person, or rejected for its answers). */
  write: boolean;
}

/** What the statement found for one visit. */
export interface VisitCheck {
  /** The turf is one of the campaign's. */
  turfKnown: boolean;
  /** Given to the volunteer, or `granted`. */
  allowed: boolean;
  /** The address is in a turf of the same area as the visit's turf. */
  inArea: boolean;
  /** Stored now (false for a visit stored before: a duplicate). */
  written: boolean;
}

const campaign = sql`${sql.placeholder('campaignId')}::int`;

/**
 * Checks and writes visits in one statement: whether each visit's turf is the campaign's and
 * given to its volunteer (or `granted`), and whether its address is in a turf of the same area
 * (a phone whose turf was split or merged since it was packed still sends its visits, but no
 * visit reaches an address outside the area its volunteer was given); then the visits allowed,
 * in the area, to write and whose id is new; then, for those only, the support counts and the
 * do-not-visit marks (atomic without a transaction of its own). One row per visit, in order.
 * The visits come as one JSON array (rowsJson): cheaper to build than an array per column.
 */
const checkAndWrite = statement(
  'field_visits_check_and_write',
  sql`WITH given AS (
        SELECT * FROM json_to_recordset(${sql.placeholder('rows')}::json)
          AS g(n int, id uuid, turf_id bigint, address_id bigint, volunteer_id bigint, outcome text,
               mode text, building text, floor text, door text, version_id bigint, answers jsonb,
               support_level smallint, notes text, visited_at timestamptz, tally smallint,
               do_not_visit boolean, granted boolean, write boolean)
      ), checked AS (
        -- Each check looks up one row by its key (LIMIT 1: never a scan of the campaign's
        -- turfs or assignees hashed once, which the statement's generic plan could choose).
        SELECT g.*, t.area_id IS NOT NULL AS turf_known,
               t.area_id IS NOT NULL
                 AND (g.granted OR coalesce((SELECT true FROM field_turf_assignees x
                                              WHERE x.campaign_id = ${campaign} AND x.turf_id = g.turf_id
                                                AND x.person_id = g.volunteer_id LIMIT 1), false)) AS allowed,
               coalesce((SELECT true FROM field_turf_addresses ta
                           JOIN field_turfs o ON o.campaign_id = ta.campaign_id AND o.id = ta.turf_id
                          WHERE ta.campaign_id = ${campaign} AND ta.address_id = g.address_id
                            AND o.area_id = t.area_id LIMIT 1), false) AS in_area
          FROM given g
          LEFT JOIN LATERAL (SELECT f.area_id FROM field_turfs f
                              WHERE f.campaign_id = ${campaign} AND f.id = g.turf_id LIMIT 1) t ON true
      ), written AS (
        INSERT INTO field_visits (campaign_id, id, turf_id, address_id, volunteer_person_id, outcome, mode,
                                  building, floor, door, version_id, answers, support_level, notes, visited_at)
        SELECT ${campaign}, g.id, g.turf_id, g.address_id, g.volunteer_id, g.outcome, g.mode,
               g.building, g.floor, g.door, g.version_id, g.answers, g.support_level, g.notes, g.visited_at
          FROM checked g
         WHERE g.write AND g.allowed AND g.in_area
         -- In the order of the key: two statements carrying the same visits wait for one
         -- another, never each for the other (a deadlock).
         ORDER BY g.id
        ON CONFLICT (campaign_id, id) DO NOTHING
        RETURNING id
      ), tallied AS (
        INSERT INTO field_support_tallies (campaign_id, turf_id, address_id, level, count)
        SELECT ${campaign}, g.turf_id, g.address_id, g.tally, count(*)
          FROM checked g JOIN written w ON w.id = g.id
         WHERE g.tally IS NOT NULL
         GROUP BY g.turf_id, g.address_id, g.tally
         ORDER BY g.turf_id, g.address_id, g.tally
        ON CONFLICT (campaign_id, turf_id, address_id, level)
        DO UPDATE SET count = field_support_tallies.count + excluded.count
      ), marked AS (
        UPDATE field_addresses a SET do_not_visit = true
          FROM checked g JOIN written w ON w.id = g.id
         WHERE a.campaign_id = ${campaign} AND a.id = g.address_id AND g.do_not_visit
           AND NOT a.do_not_visit
      )
      SELECT g.turf_known, g.allowed, g.in_area, w.id IS NOT NULL AS written
        FROM checked g LEFT JOIN written w ON w.id = g.id
       ORDER BY g.n`,
);

/** The visits as the statement reads them: JSON, in its column names. */
const rowsJson = (rows: readonly VisitRow[]) =>
  JSON.stringify(
    rows.map((row, n) => ({
      n,
      id: row.id,
      turf_id: row.turfId,
      address_id: row.addressId,
      volunteer_id: row.volunteerId,
      outcome: row.outcome,
      mode: row.mode,
      building: row.building,
      floor: row.floor,
      door: row.door,
      version_id: row.versionId,
      answers: row.answers,
      support_level: row.supportLevel,
      notes: row.notes,
      visited_at: row.visitedAt,
      tally: row.tally,
      do_not_visit: row.doNotVisit,
      granted: row.granted,
      write: row.write,
    })),
  );

const valuesFor = (campaignId: number, rows: readonly VisitRow[]) => ({
  campaignId,
  rows: rowsJson(rows),
});

interface CheckRow {
  turf_known: boolean;
  allowed: boolean;
  in_area: boolean;
  written: boolean;
}

const toCheck = (row: CheckRow): VisitCheck => ({
  turfKnown: row.turf_known,
  allowed: row.allowed,
  inArea: row.in_area,
  written: row.written,
});

/** Visits of one id each: the statement's rows come back in the same order. */
async function runOnce(
  database: Database,
  campaignId: number,
  rows: readonly VisitRow[],
): Promise<VisitCheck[]> {
  const answered = await database.prepared<CheckRow>(checkAndWrite, valuesFor(campaignId, rows));
  return answered.map(toCheck);
}

/** The same statement inside a transaction (a visit written with the person it brings). */
export async function checkAndWriteIn(
  query: Query,
  campaignId: number,
  row: VisitRow,
): Promise<VisitCheck> {
  const [answered] = await query<CheckRow>(
    checkAndWrite.text,
    valuesOf(checkAndWrite, valuesFor(campaignId, [row])),
  );
  return toCheck(answered);
}

/** One request's visits, waiting for a statement, answered together. */
type Request = Queued<VisitRow[], VisitCheck[]>;

/**
 * Visits from all requests are checked and written in batches (core/db/batcher.ts): a phone
 * sending one visit per request no longer costs a statement of its own when many send at once.
 * A statement holds each visit id once: two requests carrying the same visit at once are
 * answered by two statements, one after the other, so exactly one of them says it wrote it.
 */
export class VisitWriter {
  private readonly batcher: Batcher<VisitRow[], VisitCheck[]>;

  constructor(
    private readonly database: Database,
    private readonly campaignId: number,
  ) {
    this.batcher = new Batcher((batch) => this.flush(batch), { maxInFlight: 2, maxBatch: 32 });
  }

  /** Checks (and writes) one request's visits, of distinct ids; answers in the same order. */
  write(rows: VisitRow[]): Promise<VisitCheck[]> {
    return rows.length ? this.batcher.add(rows) : Promise.resolve([]);
  }

  private async flush(batch: Request[]) {
    const answers = batch.map((request) => new Array<VisitCheck | undefined>(request.item.length));
    try {
      await this.checkAndWrite(batch, answers);
      batch.forEach((request, r) => request.resolve(answers[r] as VisitCheck[]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One bad request (a date PostgreSQL refuses), or two statements locking the same rows
      // in turn (a deadlock), must not fail the neighbours: a failed statement wrote nothing,
      // so each request is finished alone.
      for (let r = 0; r < batch.length; r++) {
        await this.checkAndWrite([batch[r]], [answers[r]]).then(
          () => batch[r].resolve(answers[r] as VisitCheck[]),
          batch[r].reject,
        );
      }
    }
  }

  /** Fills `answers` for the requests' visits not yet answered, a visit id once a statement. */
  private async checkAndWrite(batch: Request[], answers: Array<Array<VisitCheck | undefined>>) {
    let pending = batch.flatMap((request, r) =>
      request.item.map((row, i) => ({ row, r, i })).filter(({ i }) => !answers[r][i]),
    );
    while (pending.length) {
      const ids = new Set<string>();
      const now: typeof pending = [];
      const later: typeof pending = [];
      for (const entry of pending) {
        if (ids.has(entry.row.id)) later.push(entry);
        else {
          ids.add(entry.row.id);
          now.push(entry);
        }
      }
      const checks = await runOnce(
        this.database,
        this.campaignId,
        now.map((entry) => entry.row),
      );
      now.forEach((entry, k) => (answers[entry.r][entry.i] = checks[k]));
      pending = later;
    }
  }
}

const writers = perCampaign<VisitWriter>();

export function visitWriter(database: Database, campaignId: number): VisitWriter {
  return (
    writers.get(database, campaignId) ??
    writers.set(database, campaignId, new VisitWriter(database, campaignId))
  );
}
