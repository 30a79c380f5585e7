import { sql } from 'drizzle-orm';
import type { CallerId } from '../../../../contracts/calling-media.ts';
import type { AppContext } from '../../../core/context.ts';
import { AppError, conflict, notFound } from '../../../core/http/errors.ts';
import { callerIdProblem } from '../numbers/caller-id.ts';
import { readCallNumber } from '../numbers/plan.ts';

/** The answer rate is read over a number's last calls that ended… */
const RATE_WINDOW = 200;
/** …and shown from this many: below, a few unlucky calls would make it say anything. */
const RATE_MINIMUM = 20;

interface CallerIdRow {
  id: number;
  e164: string;
  label: string | null;
  paused_at: Date | null;
  pause_reason: string | null;
  created_at: Date;
  ended: number;
  answered: number;
}

const toCallerId = (row: CallerIdRow): CallerId => ({
  id: Number(row.id),
  e164: row.e164,
  label: row.label,
  pausedAt: row.paused_at ? new Date(row.paused_at).toISOString() : null,
  pauseReason: row.pause_reason,
  createdAt: new Date(row.created_at).toISOString(),
  recentEndedCalls: row.ended,
  answerRatePercent:
    row.ended < RATE_MINIMUM ? null : Math.round((row.answered * 1000) / row.ended) / 10,
});

/**
 * Caller IDs with their last ended calls counted: answered means completed (busy, no answer
 * and failed calls are the rest). One index scan per number once call_attempts has an index
 * on (campaign_id, caller_id, ended_at); a scan of the campaign's attempts until then.
 */
const selectCallerIds = (campaignId: number, id?: number) =>
  sql`SELECT c.id, c.e164, c.label, c.paused_at, c.pause_reason, c.created_at,
             calls.ended, calls.answered
        FROM call_caller_ids c
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS ended, (count(*) FILTER (WHERE last.state = 'completed'))::int AS answered
            FROM (SELECT a.state FROM call_attempts a
                   WHERE a.campaign_id = c.campaign_id AND a.caller_id = c.e164
                     AND a.state IN ('completed', 'busy', 'no_answer', 'failed')
                   ORDER BY a.ended_at DESC NULLS LAST, a.id DESC
                   LIMIT ${RATE_WINDOW}) last
        ) calls
       WHERE c.campaign_id = ${campaignId} ${id === undefined ? sql`` : sql`AND c.id = ${id}`}
       ORDER BY c.created_at, c.id`;

export async function listCallerIds(ctx: AppContext): Promise<CallerId[]> {
  const rows = await ctx.database.query<CallerIdRow>(selectCallerIds(ctx.campaignId));
  return rows.map(toCallerId);
}

export async function callerIdById(ctx: AppContext, id: number): Promise<CallerId> {
  const [row] = await ctx.database.query<CallerIdRow>(selectCallerIds(ctx.campaignId, id));
  if (!row) throw notFound('caller ID');
  return toCallerId(row);
}

const RANGES_FR =
  'métropole : 01 62, 01 63, 02 70, 02 71, 03 77, 03 78, 04 24, 04 25, 05 68, 05 69, 09 48, 09 49 ; outre-mer : 09 47 5 à 09 47 9';
const RANGES_EN =
  'metropolitan 0162, 0163, 0270, 0271, 0377, 0378, 0424, 0425, 0568, 0569, 0948, 0949; overseas 09475–09479';

/** Why the number cannot be a caller ID, in French then English, naming the ranges it may be in. */
export const callerIdRefusal = (code: 'not_a_number' | 'not_verified_range', written: string) => {
  const message =
    code === 'not_a_number'
      ? `« ${written} » n’est pas un numéro de téléphone. Un numéro présenté par une diffusion doit appartenir aux plages réservées aux appels automatisés (numéros polyvalents vérifiés, décision Arcep 2022-1583) — ${RANGES_FR}. / "${written}" is not a phone number. A broadcast's caller ID must be in the ranges reserved to automated calls (verified numbers, Arcep decision 2022-1583): ${RANGES_EN}.`
      : `${written} n’est pas dans les plages réservées aux appels automatisés (numéros polyvalents vérifiés, décision Arcep 2022-1583) : un automate ne peut présenter que ces numéros — ${RANGES_FR}. / ${written} is not in the ranges reserved to automated calls (verified numbers, Arcep decision 2022-1583), the only numbers an automated call may present: ${RANGES_EN}.`;
  return new AppError(422, code, message, [{ field: 'e164', code, message: code }]);
};

export async function addCallerId(
  ctx: AppContext,
  input: { e164: string; label: string | null },
): Promise<CallerId> {
  const reading = readCallNumber(input.e164);
  if (reading.status !== 'ok') throw callerIdRefusal('not_a_number', input.e164);
  const problem = callerIdProblem(reading.e164);
  if (problem) throw callerIdRefusal(problem, reading.e164);
  const [row] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO call_caller_ids (campaign_id, e164, label)
        VALUES (${ctx.campaignId}, ${reading.e164}, ${input.label})
        ON CONFLICT (campaign_id, e164) DO NOTHING
        RETURNING id`,
  );
  if (!row) {
    throw conflict(
      'caller_id_exists',
      `Le numéro ${reading.e164} est déjà parmi les numéros présentés. / ${reading.e164} is a caller ID already.`,
    );
  }
  return callerIdById(ctx, Number(row.id));
}

/** Pauses a number by hand; one paused already keeps its pause (and its reason). */
export async function pauseCallerId(ctx: AppContext, id: number) {
  const changed = await ctx.database.query(
    sql`UPDATE call_caller_ids SET paused_at = now(), pause_reason = 'staff'
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND paused_at IS NULL
        RETURNING id`,
  );
  return { callerId: await callerIdById(ctx, id), changed: changed.length > 0 };
}

/** Presents a paused number again, whoever or whatever paused it. */
export async function resumeCallerId(ctx: AppContext, id: number) {
  const [before] = await ctx.database.query<{ pause_reason: string | null }>(
    sql`UPDATE call_caller_ids c SET paused_at = NULL, pause_reason = NULL
          FROM call_caller_ids old
         WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ${id} AND c.paused_at IS NOT NULL
           AND old.campaign_id = c.campaign_id AND old.id = c.id
        RETURNING old.pause_reason`,
  );
  return {
    callerId: await callerIdById(ctx, id),
    changed: before !== undefined,
    pauseReason: before?.pause_reason ?? null,
  };
}

export async function deleteCallerId(ctx: AppContext, id: number): Promise<{ e164: string }> {
  const [row] = await ctx.database.query<{ e164: string }>(
    sql`DELETE FROM call_caller_ids WHERE campaign_id = ${ctx.campaignId} AND id = ${id}
        RETURNING e164`,
  );
  if (!row) throw notFound('caller ID');
  return row;
}
