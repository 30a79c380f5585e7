import { ApiError, type FieldProblem } from './api.ts';
import type { MessageKey, Translate } from './i18n/index.tsx';
import { valuedMessage } from './valuedErrors.ts';

/** Error codes the UI knows how to say in the visitor's language. */
const codeKeys: Record<string, MessageKey> = {
  required: 'error.required',
  too_long: 'error.too_long',
  too_short: 'error.too_short',
  too_big: 'error.too_long',
  invalid_email: 'error.invalid_email',
  invalid_phone: 'error.invalid_phone',
  landline_for_sms: 'error.landline_for_sms',
  phone_required_for_sms: 'error.phone_required_for_sms',
  mobile_required_for_sms: 'error.mobile_required_for_sms',
  invalid_name: 'error.invalid_name',
  too_many_parts: 'error.too_many_parts',
  unknown_postal_code: 'error.unknown_postal_code',
  invalid_postal_code: 'error.unknown_postal_code',
  commune_required: 'error.commune_required',
  commune_mismatch: 'error.commune_required',
  six_digits: 'error.six_digits',
  min_12: 'error.min_12',
  invalid_code: 'error.invalid_code',
  code_expired: 'error.code_expired',
  too_many_attempts: 'error.too_many_attempts',
  too_many_password_attempts: 'error.too_many_password_attempts',
  invalid_token: 'error.invalid_token',
  invalid_link: 'error.invalid_token',
  invalid_credentials: 'error.invalid_credentials',
  wrong_password: 'error.wrong_password',
  rate_limited: 'error.rate_limited',
  network_error: 'error.network',
  csrf_invalid: 'error.csrf',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  not_found: 'error.not_found',
  payload_too_large: 'error.payload_too_large',
  internal_error: 'error.internal',
  validation_failed: 'error.validation_failed',
  no_links: 'error.no_links',
  invalid_characters: 'error.invalid_characters',
  unknown_wording: 'error.unknown_wording',
  date_out_of_range: 'error.date_out_of_range',
  range_too_long: 'error.range_too_long',
  too_many: 'error.too_many',
  email_taken: 'error.email_taken',
  identity_required: 'error.identity_required',
  date_in_future: 'error.date_in_future',
  staff_account: 'error.staff_account',
  // Import rows (people/import): the sentences with the line's values are in valuedErrors.ts.
  missing_identifier: 'error.import.missing_identifier',
  unterminated_quote: 'error.import.unterminated_quote',
  sms_consent_without_phone: 'error.import.sms_consent_without_phone',
  malformed_quote: 'error.import.malformed_quote',
  cell_too_long: 'error.import.cell_too_long',
  mixed_encoding: 'error.import.mixed_encoding',
  import_finished: 'error.import_finished',
  rounds_out_of_order: 'error.rounds_out_of_order',
  invalid_time: 'error.invalid_time',
  not_after_from: 'error.not_after_from',
  // Custom fields (people): their definitions and values; the words are the people feature's.
  invalid_key: 'fields.error.invalid_key',
  reserved_key: 'fields.error.reserved_key',
  options_required: 'fields.error.options_required',
  duplicate_option: 'fields.error.duplicate_option',
  invalid_option_value: 'fields.error.invalid_option_value',
  unknown_option: 'fields.error.unknown_option',
  not_a_number: 'fields.error.not_a_number',
  // Committees: creation gates, places and ranks; the words are the committees feature's.
  email_not_confirmed: 'committees.error.email_not_confirmed',
  posting_suspended: 'committees.error.posting_suspended',
  too_many_led: 'committees.error.too_many_led',
  too_many_created: 'committees.error.too_many_created',
  unknown_place: 'committees.error.unknown_place',
  last_organiser: 'committees.error.last_organiser',
  committee_closed: 'committees.error.committee_closed',
  not_an_image: 'committees.error.not_an_image',
  image_too_large: 'committees.error.image_too_large',
  // The committee's board: documents and authorship.
  document_too_large: 'committees.board.error.document_too_large',
  document_empty: 'committees.board.error.document_empty',
  document_type_refused: 'committees.board.error.document_type_refused',
  document_type_mismatch: 'committees.board.error.document_type_mismatch',
  too_many_documents: 'committees.board.error.too_many_documents',
  not_author: 'committees.board.error.not_author',
  // Moderation: a decision without its reason, a banned author; the words are moderation's.
  message_required: 'moderation.error.message_required',
  posting_banned: 'moderation.error.posting_banned',
  // Donations: the finance back office's refusals; the words are the donations feature's.
  remittance_invalid_gifts: 'finance.error.remittance_invalid_gifts',
  not_refundable: 'finance.error.not_refundable',
  provider_unavailable: 'finance.error.provider_unavailable',
  donations_not_configured: 'finance.error.donations_not_configured',
  not_duplicate_donors: 'finance.error.not_duplicate_donors',
  // Events: dates, links, places and the pre-election silence; the words are the events feature's.
  pre_election_silence: 'events.error.pre_election_silence',
  ends_before_start: 'events.error.ends_before_start',
  invalid_date: 'events.error.invalid_date',
  invalid_url: 'events.error.invalid_url',
  not_enough_places: 'events.error.not_enough_places',
  event_cancelled: 'events.error.event_cancelled',
  event_over: 'events.error.event_over',
  members_only: 'events.error.members_only',
  event_not_started: 'events.error.event_not_started',
  invalid_number: 'events.error.invalid_number',
  too_large: 'events.error.too_large',
};

/** Problem codes that concern one input when there is no `errors` list. */
const codeFields: Record<string, string> = {
  unknown_postal_code: 'postalCode',
  invalid_postal_code: 'postalCode',
  commune_required: 'communeCode',
  invalid_email: 'email',
  invalid_phone: 'phone',
  six_digits: 'code',
  wrong_password: 'currentPassword',
  min_12: 'newPassword',
};

export function translateCode(code: string, t: Translate, fallback?: string): string {
  const valued = valuedMessage(code, fallback);
  if (valued) return t(valued.key, valued.vars);
  const key = codeKeys[code];
  if (key) return t(key);
  if (fallback) return fallback;
  return t('error.generic');
}

export function fieldErrorText(error: FieldProblem, t: Translate): string {
  if (error.field === 'currentPassword' && error.code === 'invalid_credentials')
    return t('error.wrong_password');
  return translateCode(error.code, t, error.message || undefined);
}

/** A sentence for an error shown at the top of a form or page. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 429)
      return codeKeys[error.code] ? t(codeKeys[error.code]) : t('error.rate_limited');
    if (error.code === 'validation_failed' && error.errors.length > 0) {
      return error.errors
        .map((e) => (e.field ? `${e.field}: ` : '') + fieldErrorText(e, t))
        .join(' · ');
    }
    return translateCode(error.code, t, error.detail);
  }
  return t('error.generic');
}

interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Puts the API's field errors under the matching inputs and returns the message to show at
 * the form level (for errors not tied to a known field), or null when every error was placed.
 */
export function applyProblem(
  form: FormLike,
  error: unknown,
  t: Translate,
  fields: readonly string[],
): string | null {
  if (!(error instanceof ApiError) || error.status === 429) return errorText(error, t);
  const rest: FieldProblem[] = [];
  for (const fieldError of error.errors) {
    if (fields.includes(fieldError.field))
      form.setFieldError(fieldError.field, fieldErrorText(fieldError, t));
    else rest.push(fieldError);
  }
  if (error.errors.length > 0 && rest.length === 0) return null;
  if (rest.length > 0) {
    return rest.map((e) => (e.field ? `${e.field}: ` : '') + fieldErrorText(e, t)).join(' · ');
  }
  // Some errors carry a single field in the problem code itself.
  const field = codeFields[error.code];
  if (field && fields.includes(field)) {
    form.setFieldError(field, translateCode(error.code, t, error.detail));
    return null;
  }
  return translateCode(error.code, t, error.detail);
}
