import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { checkAnswers, type CleanVisitAnswers } from '../../../../contracts/field-answers.ts';
import type {
  CallRecordResult,
  callRecordSchema,
  CallOutcome,
} from '../../../../contracts/phone-banks.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { AppError, conflict, invalidFields } from '../../../core/http/errors.ts';
import { addPhoneOptOuts } from '../../compliance/phone-opt-outs.ts';
import { questionnaireVersion } from '../../field/questionnaires/service.ts';
import { recordChannel, recordDecisions } from '../../people/consents.ts';
import { addPersonEvent } from '../../people/service.ts';
import type { TargetRow } from './claims.ts';
import type { BankRow } from './service.ts';

type CallRecord = z.infer<typeof callRecordSchema>;

/** A call-back is set within this many days. */
const CALL_BACK_MAX_DAYS = 30;

/** The source of consents a volunteer records during a call (`consent_events.source`). */
export const PHONE_BANK_CONSENT_SOURCE = 'phone_bank';

/** The answers checked against the bank's questionnaire, or a 422 saying which are wrong. */
async function checkedAnswers(
  ctx: AppContext,
  bank: BankRow,
  input: CallRecord,
): Promise<CleanVisitAnswers | null> {
  if (!input.answers) return null;
  if (input.outcome !== 'conversation' || bank.questionnaire_id === null) {
    throw new AppError(
      422,
      'answers_not_expected',
      'Des réponses ne s’enregistrent qu’avec une conversation, dans une banque qui a un questionnaire.',
    );
  }
  const version = await questionnaireVersion(ctx, input.answers.versionId);
  if (!version || version.questionnaireId !== Number(bank.questionnaire_id)) {
    throw new AppError(
      422,
      'unknown_version',
      'Ce questionnaire a changé : rechargez la page pour avoir sa dernière version.',
    );
  }
  if (input.answers.contact) {
    throw invalidFields([
      { field: 'answers.contact', code: 'not_asked', message: 'The person is known: no contact.' },
    ]);
  }
  const checked = checkAnswers(version.definition, input.answers);
  if (!checked.ok) {
    throw new AppError(
      422,
      'invalid_answers',
      'Some answers are invalid; see errors.',
      checked.problems.map((p) => ({
        field: ['answers', ...p.path].join('.'),
        code: p.code,
        message: p.code,
      })),
    );
  }
  return checked.clean;
}

function checkCallBack(input: CallRecord): Date | null {
  if (input.outcome !== 'call_back') return null;
  const at = input.callBackAt ? new Date(input.callBackAt) : null;
  const now = Date.now();
  if (!at || at.getTime() <= now || at.getTime() > now + CALL_BACK_MAX_DAYS * 86_400_000) {
    throw new AppError(
      422,
      'call_back_required',
      `Donnez l’heure du rappel convenue, dans les ${CALL_BACK_MAX_DAYS} prochains jours.`,
    );
  }
  return at;
}

/** Where the person goes after the call: due again (a retry, a call-back) or done. */
function nextStep(bank: BankRow, target: TargetRow, outcome: CallOutcome, callBackAt: Date | null) {
  if (outcome === 'call_back')
    return { status: 'due' as const, at: callBackAt, attempts: target.attempts };
  if (outcome === 'no_answer') {
    const attempts = target.attempts + 1;
    if (attempts < bank.max_attempts) {
      return {
        status: 'due' as const,
        at: new Date(Date.now() + bank.retry_minutes * 60_000),
        attempts,
      };
    }
    return { status: 'done' as const, at: null, attempts };
  }
  return { status: 'done' as const, at: null, attempts: target.attempts };
}

/**
 * Records a call a volunteer made to the person they hold: the outcome moves the person in
 * the queue (no answer: retried after the bank's interval up to its count; a call-back: due at
 * its time; anything else: done), the answers are kept with the person only with their
 * consent (the support level only with their explicit consent, otherwise counted), "do not
 * call again" withdraws their consent to calls and puts the number on the opt-out list, and
 * their timeline says who called. Keyed by the id the page made: a resent call is stored once.
 * Refused (409 `claim_lost`) when the person is no longer this volunteer's.
 */
export async function recordCall(
  ctx: AppContext,
  bank: BankRow,
  volunteerId: number,
  input: CallRecord,
): Promise<CallRecordResult> {
  const campaignId = ctx.campaignId;
  const bankId = Number(bank.id);
  const seen = await storedBefore(ctx.database.query, campaignId, input.id);
  if (seen) return seen;
  const callBackAt = checkCallBack(input);
  const answers = await checkedAnswers(ctx, bank, input);
  return ctx.database.transaction(async (query) => {
    const [target] = await query<TargetRow>(
      sql`SELECT * FROM phone_bank_targets
           WHERE campaign_id = ${campaignId} AND bank_id = ${bankId} AND id = ${input.targetId}
           FOR UPDATE`,
    );
    const again = await storedBefore(query, campaignId, input.id);
    if (again) return again;
    if (!target || target.status !== 'claimed' || Number(target.claimed_by) !== volunteerId) {
      throw conflict(
        'claim_lost',
        'Cette personne ne vous est plus confiée (le temps d’appel est passé et quelqu’un d’autre l’a prise).',
      );
    }
    const step = nextStep(bank, target, input.outcome, callBackAt);
    await query(
      sql`UPDATE phone_bank_targets SET status = ${step.status}, claimed_by = NULL,
                 available_at = coalesce(${step.at}::timestamptz, available_at),
                 attempts = ${step.attempts}, last_outcome = ${input.outcome},
                 call_back_at = ${input.outcome === 'call_back' ? callBackAt : null}
           WHERE campaign_id = ${campaignId} AND bank_id = ${bankId} AND id = ${target.id}`,
    );
    const personId = target.person_id === null ? null : Number(target.person_id);
    const keepAnswers = answers?.residentConsent.personalData ?? false;
    const keepOpinion = keepAnswers && (answers?.residentConsent.storeOpinion ?? false);
    await query(
      sql`INSERT INTO phone_bank_calls (campaign_id, id, bank_id, target_id, person_id, caller_person_id, outcome,
                                        call_back_at, version_id, answers, support_level, notes)
          VALUES (${campaignId}, ${input.id}, ${bankId}, ${target.id}, ${personId}, ${volunteerId}, ${input.outcome},
                  ${callBackAt}, ${answers?.versionId ?? null},
                  ${keepAnswers ? JSON.stringify(answers!.answers) : null}::jsonb,
                  ${keepOpinion ? answers!.supportLevel : null}, ${input.notes || null})`,
    );
    if (answers?.supportLevel && !keepOpinion) {
      await query(
        sql`INSERT INTO phone_bank_support_counts (campaign_id, bank_id, level, count)
            VALUES (${campaignId}, ${bankId}, ${answers.supportLevel}, 1)
            ON CONFLICT (campaign_id, bank_id, level) DO UPDATE SET count = phone_bank_support_counts.count + 1`,
      );
    }
    if (input.outcome === 'do_not_call') {
      await addPhoneOptOuts(query, campaignId, [target.e164], 'do_not_contact');
      if (personId !== null) {
        await recordDecisions(query, campaignId, personId, [
          {
            channel: recordChannel.phone,
            granted: false,
            source: PHONE_BANK_CONSENT_SOURCE,
            wordingVersion: 'withdrawal',
            actorId: volunteerId,
            note: `Demandé pendant un appel (${bank.name})`,
          },
        ]);
      }
    }
    if (personId !== null) {
      await addPersonEvent(
        query,
        campaignId,
        personId,
        'phone_call',
        { bankId, bank: bank.name, outcome: input.outcome },
        volunteerId,
      );
    }
    return {
      status: 'stored',
      target: step.status,
      nextAt: step.at ? step.at.toISOString() : null,
    };
  });
}

/** A call stored before under this id: the same answer again. */
async function storedBefore(
  query: Query,
  campaignId: number,
  id: string,
): Promise<CallRecordResult | null> {
  const [row] = await query<{ status: string; available_at: Date }>(
    sql`SELECT t.status, t.available_at FROM phone_bank_calls c
          JOIN phone_bank_targets t ON t.campaign_id = c.campaign_id AND t.bank_id = c.bank_id AND t.id = c.target_id
         WHERE c.campaign_id = ${campaignId} AND c.id = ${id}`,
  );
  if (!row) return null;
  const done = row.status === 'done';
  return {
    status: 'duplicate',
    target: done ? 'done' : 'due',
    nextAt: done ? null : new Date(row.available_at).toISOString(),
  };
}
