import type { DuplicateReason } from '../../../contracts/duplicates.ts';
import { ApiError } from '../../core/api.ts';
import { applyProblem, errorText } from '../../core/errors.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

export const reasonKeys: Record<DuplicateReason, MessageKey> = {
  phone: 'duplicates.reason.phone',
  name_commune: 'duplicates.reason.name_commune',
  email: 'duplicates.reason.email',
};

const codeKeys: Record<string, MessageKey> = {
  merge_conflict: 'duplicates.error.merge_conflict',
  merge_account_roles: 'duplicates.error.merge_account_roles',
  merge_unclassified_reference: 'duplicates.error.merge_unclassified_reference',
  field_in_use: 'fields.error.field_in_use',
  option_in_use: 'fields.error.option_in_use',
  field_key_taken: 'fields.error.field_key_taken',
};

/** The merge's and the fields' own problem codes, else the app's wording. */
export function mergeErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = codeKeys[error.code] ?? codeKeys[error.errors[0]?.code ?? ''];
    if (key) return t(key);
  }
  return errorText(error, t);
}

/**
 * Puts the API's field errors under a form's inputs; returns the sentence for the rest (the
 * fields' and the merge's own codes in the reader's language), or null when all were placed.
 */
export function placeProblem(
  form: Parameters<typeof applyProblem>[0],
  error: unknown,
  t: Translate,
  fields: readonly string[],
): string | null {
  return applyProblem(form, error, t, fields) === null ? null : mergeErrorText(error, t);
}
