import { sql, type SQL } from 'drizzle-orm';
import type { Territory } from '../../../../contracts/compliance.ts';
import type { Query } from '../../../core/db/index.ts';
import type { DialCandidate } from './dial-gate.ts';

/**
 * Counts the numbers a statement settled for good (its CTE `settled`, `closed` or `canceled`,
 * returning broadcast_id) in the same statement, as a row of deltas of the dashboard's counts:
 * a counter on the broadcast's row would make every transaction of the dialler and the
 * callback applier wait for each other.
 */
export function countDone(
  campaignId: number,
  source: 'settled' | 'closed' | 'canceled',
  where: SQL = sql``,
): SQL {
  return sql`INSERT INTO call_stats (campaign_id, broadcast_id, hour, departement, settled)
             SELECT ${campaignId}, broadcast_id, date_trunc('hour', now()), '', count(*)::int
               FROM ${sql.identifier(source)} ${where} GROUP BY broadcast_id`;
}

interface ClaimedRow {
  id: number;
  e164: string;
  person_id: number | null;
  territory: Territory | null;
  slot_weekdays: number[] | null;
  slot_from: string | null;
  slot_to: string | null;
}

/**
 * Claims up to `limit` numbers due now (FOR UPDATE SKIP LOCKED: two diallers never claim
 * one), marking them dialing; the caller settles each in the same transaction.
 */
export async function claimDue(
  query: Query,
  campaignId: number,
  broadcastId: number,
  limit: number,
): Promise<DialCandidate[]> {
  const rows = await query<ClaimedRow>(
    // The CTE is run once (its rows locked), then joined by primary key: an `IN (subquery)`
    // here was planned as a nested loop over every target.
    sql`WITH due AS (
          SELECT id FROM call_targets
           WHERE campaign_id = ${campaignId} AND broadcast_id = ${broadcastId}
             AND status = 'due' AND next_at <= now()
           ORDER BY next_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        UPDATE call_targets t SET status = 'dialing' FROM due
         WHERE t.campaign_id = ${campaignId} AND t.broadcast_id = ${broadcastId} AND t.id = due.id
        RETURNING t.id, t.e164, t.person_id, t.territory, t.slot_weekdays, t.slot_from, t.slot_to`,
  );
  return rows.map((row) => ({
    targetId: Number(row.id),
    e164: row.e164,
    personId: row.person_id === null ? null : Number(row.person_id),
    territory: row.territory,
    slot:
      row.slot_weekdays && row.slot_from && row.slot_to
        ? { weekdays: row.slot_weekdays.map(Number), from: row.slot_from, to: row.slot_to }
        : null,
  }));
}

/** Numbers not to dial now, back to due at their moment. */
export async function holdTargets(
  query: Query,
  campaignId: number,
  broadcastId: number,
  held: ReadonlyArray<{ targetId: number; until: Date }>,
): Promise<void> {
  if (held.length === 0) return;
  await query(
    sql`UPDATE call_targets t SET status = 'due', next_at = h.until
          FROM unnest(${held.map((h) => h.targetId)}::bigint[], ${held.map((h) => h.until.toISOString())}::timestamptz[])
               AS h(id, until)
         WHERE t.campaign_id = ${campaignId} AND t.broadcast_id = ${broadcastId} AND t.id = h.id`,
  );
}

/** Numbers never to dial in this broadcast, with the reason (opted out, consent gone…). */
export async function closeTargets(
  query: Query,
  campaignId: number,
  broadcastId: number,
  closed: ReadonlyArray<{ targetId: number; result: string }>,
): Promise<void> {
  if (closed.length === 0) return;
  await query(
    sql`WITH closed AS (
          UPDATE call_targets t SET status = 'done', result = c.result
            FROM unnest(${closed.map((c) => c.targetId)}::bigint[], ${closed.map((c) => c.result)}::text[])
                 AS c(id, result)
           WHERE t.campaign_id = ${campaignId} AND t.broadcast_id = ${broadcastId} AND t.id = c.id
          RETURNING t.broadcast_id)
        ${countDone(campaignId, 'closed')}`,
  );
}

export interface NewAttempt {
  attemptId: number;
  targetId: number;
  to: string;
  callerId: string;
  territory: Territory | null;
}

/**
 * Records the attempts before any carrier is asked (committed with the claim): a crash after
 * this leaves attempts that reconciliation settles, never a call made without its row.
 */
export async function insertAttempts(
  query: Query,
  campaignId: number,
  broadcastId: number,
  dials: ReadonlyArray<{
    targetId: number;
    to: string;
    callerId: string;
    territory: Territory | null;
  }>,
): Promise<NewAttempt[]> {
  if (dials.length === 0) return [];
  const rows = await query<{ id: number; target_id: number }>(
    sql`INSERT INTO call_attempts (campaign_id, broadcast_id, target_id, to_e164, caller_id, state)
        SELECT ${campaignId}, ${broadcastId}, d.target_id, d.to_e164, d.caller_id, 'dialing'
          FROM unnest(${dials.map((d) => d.targetId)}::bigint[], ${dials.map((d) => d.to)}::text[],
                      ${dials.map((d) => d.callerId)}::text[]) AS d(target_id, to_e164, caller_id)
        RETURNING id, target_id`,
  );
  const byTarget = new Map(dials.map((d) => [d.targetId, d]));
  const attempts = rows.map((row) => {
    const dial = byTarget.get(Number(row.target_id))!;
    return { attemptId: Number(row.id), ...dial };
  });
  await query(
    sql`UPDATE call_targets t SET attempts = t.attempts + 1, last_attempt_id = a.id
          FROM unnest(${attempts.map((a) => a.attemptId)}::bigint[], ${attempts.map((a) => a.targetId)}::bigint[])
               AS a(id, target_id)
         WHERE t.campaign_id = ${campaignId} AND t.broadcast_id = ${broadcastId} AND t.id = a.target_id`,
  );
  return attempts;
}

/**
 * Settles the numbers whose last attempt just ended (set-based, idempotent: a number is
 * settled by its last attempt only, once). Completed and canceled calls are done; busy, no
 * answer and failed ones come back after the broadcast's interval until its number of
 * attempts; a call the carrier never placed comes back at once, its attempt not counted.
 */
export async function settleTargets(
  query: Query,
  campaignId: number,
  ended: ReadonlyArray<{ attemptId: number; state: string }>,
): Promise<void> {
  if (ended.length === 0) return;
  await query(
    sql`WITH settled AS (
        UPDATE call_targets t
           SET status = CASE WHEN e.state = 'not_placed' THEN 'due'
                             WHEN e.state IN ('completed', 'canceled') OR t.attempts >= b.max_attempts THEN 'done'
                             ELSE 'due' END,
               result = CASE WHEN e.state = 'not_placed' THEN NULL
                             WHEN e.state IN ('completed', 'canceled') OR t.attempts >= b.max_attempts THEN e.state
                        END,
               attempts = CASE WHEN e.state = 'not_placed' THEN t.attempts - 1 ELSE t.attempts END,
               next_at = CASE WHEN e.state = 'not_placed' THEN now() + interval '1 second'
                              ELSE now() + make_interval(mins => b.retry_minutes) END
          FROM unnest(${ended.map((e) => e.attemptId)}::bigint[], ${ended.map((e) => e.state)}::text[]) AS e(attempt_id, state)
          JOIN call_attempts a ON a.campaign_id = ${campaignId} AND a.id = e.attempt_id,
               call_broadcasts b
         WHERE t.campaign_id = ${campaignId} AND t.broadcast_id = a.broadcast_id AND t.id = a.target_id
           AND t.last_attempt_id = a.id AND t.status IN ('dialing', 'unknown')
           AND b.campaign_id = t.campaign_id AND b.id = t.broadcast_id
        RETURNING t.broadcast_id, t.status)
        ${countDone(campaignId, 'settled', sql`WHERE status = 'done'`)}`,
  );
}
