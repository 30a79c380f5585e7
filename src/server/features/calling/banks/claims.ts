import { sql } from 'drizzle-orm';
import {
  territories,
  type ElectionRound,
  type Territory,
} from '../../../../contracts/compliance.ts';
import type { CallOutcome, PhoneBankClaim } from '../../../../contracts/phone-banks.ts';
import { nationalForm } from '../../../../contracts/phone.ts';
import type { AppContext } from '../../../core/context.ts';
import { AppError, conflict } from '../../../core/http/errors.ts';
import { allRounds } from '../../compliance/elections.ts';
import { optedOutNumbers } from '../../compliance/phone-opt-outs.ts';
import { closedUntil } from '../../compliance/quiet-hours.ts';
import { silenceUntil } from '../../compliance/silence.ts';
import { callees, type Callee } from '../../people/call-audience.ts';
import type { BankRow } from './service.ts';

export interface TargetRow {
  id: number;
  person_id: number | null;
  e164: string;
  territory: Territory | null;
  status: 'due' | 'claimed' | 'done';
  available_at: Date;
  claimed_by: number | null;
  attempts: number;
  last_outcome: CallOutcome | null;
  call_back_at: Date | null;
}

/** Where a bank may call now: territories inside its windows and outside any silence. */
export interface CallableNow {
  territories: Territory[];
  /** Numbers abroad: on metropolitan hours, and only when no territory is silent. */
  abroad: boolean;
  /** Why nowhere, when nowhere. */
  closed: 'outside_hours' | 'pre_election_silence' | null;
}

/**
 * The territories a bank may call at `at`: its windows on each territory's clock, and L49's
 * silence (serial calls, automated or not) where the number is; why nowhere, judged on the
 * territories of its people (found at the opening).
 */
export async function callableNow(
  ctx: AppContext,
  bank: BankRow,
  at: Date,
  /** The campaign's election rounds, when the caller has read them already. */
  known?: readonly ElectionRound[],
): Promise<CallableNow> {
  const rounds = known ?? (await allRounds(ctx.database, ctx.campaignId));
  const windows = {
    ...bank.windows,
    windows: bank.windows.windows.map(([from, to]) => [from!, to!] as const),
  };
  const silent = territories.filter((t) => silenceUntil(rounds, t, at) !== null);
  const open = territories.filter((t) => closedUntil(windows, t, at) === null);
  const callable = open.filter((t) => !silent.includes(t));
  const abroad = silent.length === 0 && open.includes('metropole');
  const present = bank.territories ?? [];
  const reachable = present.some((t) => (t === null ? abroad : callable.includes(t)));
  const silenced = present.some((t) => (t === null ? silent.length > 0 : silent.includes(t)));
  return {
    territories: callable,
    abroad,
    closed:
      reachable || present.length === 0
        ? null
        : silenced
          ? 'pre_election_silence'
          : 'outside_hours',
  };
}

const refusals = {
  outside_hours: () =>
    conflict(
      'outside_hours',
      'Ce n’est pas l’heure des appels de cette banque : revenez pendant ses horaires.',
    ),
  pre_election_silence: () =>
    conflict(
      'pre_election_silence',
      'Période de réserve électorale : aucun appel n’est servi jusqu’à la fin du scrutin (Code électoral L49).',
    ),
};

/** A target as the volunteer is given it: only what the call needs. */
function toClaim(target: TargetRow, person: Callee | undefined): PhoneBankClaim {
  return {
    targetId: Number(target.id),
    claimedUntil: new Date(target.available_at).toISOString(),
    firstName: person?.firstName ?? null,
    lastName: person?.lastName ?? null,
    communeName: person?.communeName ?? null,
    phone: target.e164,
    phoneDisplay: spaced(nationalForm(target.e164)) ?? target.e164,
    attempts: target.attempts,
    lastOutcome: target.last_outcome,
    callBackAt: target.call_back_at ? new Date(target.call_back_at).toISOString() : null,
  };
}

/** 0612345678 as people read it: 06 12 34 56 78. */
const spaced = (national: string | null) => national?.match(/\d{1,2}/g)?.join(' ') ?? null;

const UNIQUE_VIOLATION = '23505';

/** Tries before answering that the queue is empty, when claimed people turn out not callable. */
const CLAIM_TRIES = 20;

/**
 * The next person for a volunteer: the one they already hold (one at a time: a unique index;
 * a claim that ran out is renewed if nobody took them since), otherwise
 * the person available first whose number may be called now, claimed in one statement (`FOR
 * UPDATE SKIP LOCKED`: two volunteers never get the same person) until the bank's claim time
 * runs out; then anyone may be given them again. A person erased, who withdrew their consent
 * to calls, or whose number joined the opt-out list since the bank opened is set aside and the
 * next one claimed. Refused (409) outside the bank's hours, in the pre-election silence, when
 * the bank is not open, or when nobody is due.
 */
export async function claimNext(
  ctx: AppContext,
  bank: BankRow,
  volunteerId: number,
): Promise<PhoneBankClaim> {
  if (bank.status !== 'open') {
    throw conflict('phone_bank_not_open', 'Cette banque d’appels n’est pas ouverte en ce moment.');
  }
  const bankId = Number(bank.id);
  const where = await callableNow(ctx, bank, new Date());
  if (where.closed) throw refusals[where.closed]();
  for (let tries = 0; tries < CLAIM_TRIES; tries++) {
    // The person this volunteer holds (their claim renewed if it ran out and nobody took
    // them since), or else the next one, in one statement.
    const rows = await ctx.database
      .query<TargetRow>(
        sql`WITH held AS (
            UPDATE phone_bank_targets
               SET available_at = CASE WHEN available_at > now() THEN available_at
                                       ELSE now() + make_interval(mins => ${bank.claim_minutes}) END
             WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bankId} AND status = 'claimed'
               AND claimed_by = ${volunteerId}
            RETURNING *),
          next AS (
            SELECT id FROM phone_bank_targets
             WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bankId} AND status <> 'done'
               AND available_at <= now() AND NOT EXISTS (SELECT 1 FROM held)
               AND (territory = ANY(${where.territories}::text[]) OR (territory IS NULL AND ${where.abroad}))
             ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED),
          claimed AS (
            UPDATE phone_bank_targets t SET status = 'claimed', claimed_by = ${volunteerId},
                   available_at = now() + make_interval(mins => ${bank.claim_minutes})
              FROM next
             WHERE t.campaign_id = ${ctx.campaignId} AND t.bank_id = ${bankId} AND t.id = next.id
            RETURNING t.*)
        SELECT * FROM held UNION ALL SELECT * FROM claimed`,
      )
      .catch((error: unknown) => {
        // The same volunteer asking twice at once (a double tap): one claim each is the rule
        // (a unique index); the request that lost asks again and is given the other's person.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
        throw error;
      });
    if (rows === null) continue;
    const [target] = rows;
    if (!target) break;
    const [people, optedOut] = await Promise.all([
      target.person_id === null
        ? new Map<number, Callee>()
        : callees(ctx.database.query, ctx.campaignId, [Number(target.person_id)]),
      optedOutNumbers(ctx.database.query, ctx.campaignId, [target.e164]),
    ]);
    const person = target.person_id === null ? undefined : people.get(Number(target.person_id));
    if ((target.person_id === null || person?.consentPhone) && !optedOut.has(target.e164)) {
      return toClaim(target, person);
    }
    // Erased, no longer agreeing to calls, or opted out since the opening: set aside.
    await ctx.database.query(
      sql`UPDATE phone_bank_targets SET status = 'done', claimed_by = NULL
           WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bankId} AND id = ${target.id}`,
    );
  }
  throw new AppError(
    409,
    'queue_empty',
    'Personne n’est à appeler pour l’instant : les rappels reviendront à leur heure.',
  );
}

/** Gives a person back without a call (the volunteer skips them): due again, behind the others. */
export async function releaseClaim(
  ctx: AppContext,
  bankId: number,
  targetId: number,
  volunteerId: number,
): Promise<void> {
  await ctx.database.query(
    sql`UPDATE phone_bank_targets SET status = 'due', claimed_by = NULL, available_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bankId} AND id = ${targetId}
           AND status = 'claimed' AND claimed_by = ${volunteerId}`,
  );
}
