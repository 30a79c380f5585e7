import { ApiError } from '../../../core/api.ts';
import type { MessageKey, Translate } from '../../../core/i18n/index.tsx';
import { keyedErrorText } from '../callingErrors.ts';

/** Why calling is not possible now, as the bank says it and as a refused claim does. */
export type ClosedReason = 'outside_hours' | 'pre_election_silence' | 'not_open';

/** A refused claim's code, as the reason the bank gives (null for another refusal). */
export function closedReasonOf(error: unknown): ClosedReason | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  if (error.code === 'outside_hours' || error.code === 'pre_election_silence') return error.code;
  return error.code === 'phone_bank_not_open' ? 'not_open' : null;
}

/** The phone banks' own problem codes, in the volunteer's words. */
const problemKeys: Record<string, MessageKey> = {
  phone_bank_not_yours: 'caller.error.phone_bank_not_yours',
  claim_lost: 'caller.error.claim_lost',
  invalid_answers: 'caller.error.invalid_answers',
  call_back_required: 'caller.callBack.required',
  unknown_version: 'caller.error.questionnaire_changed',
  answers_not_expected: 'caller.error.questionnaire_changed',
  queue_empty: 'caller.queueEmpty',
  outside_hours: 'caller.closed.outside_hours',
  pre_election_silence: 'caller.closed.pre_election_silence',
  phone_bank_not_open: 'caller.closed.not_open',
};

/** A failure of the phone-bank API in the volunteer's language (the app's words when general). */
export const callerErrorText = (error: unknown, t: Translate): string =>
  keyedErrorText(problemKeys, error, t);

/**
 * Whether a call's record may have been stored, or not reached the server: then it is sent
 * again as it was (same id), never remade. A refusal (4xx) stored nothing.
 */
export function mayRetry(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}
