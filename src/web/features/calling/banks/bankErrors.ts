import type { MessageKey, Translate } from '../../../core/i18n/index.tsx';
import { keyedErrorText } from '../callingErrors.ts';

/** The phone banks API's own problem codes, in this feature's words. */
const problemKeys: Record<string, MessageKey> = {
  phone_bank_audience_frozen: 'banks.error.phone_bank_audience_frozen',
  phone_bank_closed: 'banks.error.phone_bank_closed',
  phone_bank_not_draft: 'banks.error.phone_bank_not_draft',
  phone_bank_wrong_status: 'banks.error.phone_bank_wrong_status',
  audience_empty: 'banks.error.audience_empty',
  unknown_questionnaire: 'banks.error.unknown_questionnaire',
  unknown_segment: 'banks.error.unknown_segment',
  unknown_committee: 'banks.error.unknown_committee',
  committee_required: 'banks.form.committeeRequired',
};

/** A failure of the phone banks API in the visitor's language (the app's words when general). */
export const bankErrorText = (error: unknown, t: Translate): string =>
  keyedErrorText(problemKeys, error, t);
