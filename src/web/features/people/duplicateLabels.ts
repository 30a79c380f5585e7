import type { DuplicateReason } from '../../../contracts/duplicates.ts';
import { ApiError } from '../../core/api.ts';
import { errorText, fieldErrorText } from '../../core/errors.ts';
import type { FieldProblem } from '../../core/api.ts';
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
  invalid_key: 'fields.error.invalid_key',
  reserved_key: 'fields.error.reserved_key',
  options_required: 'fields.error.options_required',
  duplicate_option: 'fields.error.duplicate_option',
  invalid_option_value: 'fields.error.invalid_option_value',
  unknown_option: 'fields.error.unknown_option',
  not_a_number: 'fields.error.not_a_number',
};

/** The merge's and the fields' own problem codes, else the app's wording. */
export function mergeErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = codeKeys[error.code] ?? codeKeys[error.errors[0]?.code ?? ''];
    if (key) return t(key);
  }
  return errorText(error, t);
}

/** A field error under its input, in the reader's language where the code is ours. */
export function problemFieldText(error: FieldProblem, t: Translate): string {
  const key = codeKeys[error.code];
  return key ? t(key) : fieldErrorText(error, t);
}
