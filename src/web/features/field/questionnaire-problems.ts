import { fieldProblems } from '../../../contracts/field-problems.ts';
import { questionnaireInputSchema } from '../../../contracts/field-questionnaires.ts';
import { ApiError } from '../../core/api.ts';
import { errorText, translateCode } from '../../core/errors.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
import { toInput, type QuestionnaireDraft } from './questionnaire-draft.ts';

/** The definition schema's own codes, said in the builder's words; others are core's. */
const codeKeys: Record<string, MessageKey> = {
  duplicate_id: 'field.questionnaire.error.duplicate_id',
  invalid_key: 'field.questionnaire.error.invalid_key',
  too_few: 'field.questionnaire.error.too_few',
  too_many: 'field.questionnaire.error.too_many',
  unknown_kind: 'field.questionnaire.error.unknown_kind',
  invalid_value: 'field.questionnaire.error.invalid_value',
  too_many_support_questions: 'field.questionnaire.error.too_many_support_questions',
  condition_on_later_question: 'field.questionnaire.error.condition_on_later_question',
  condition_unknown_question: 'field.questionnaire.error.condition_unknown_question',
  condition_on_text: 'field.questionnaire.error.condition_on_text',
  condition_unknown_option: 'field.questionnaire.error.condition_unknown_option',
};

/** Where a problem is said more precisely than by its code alone. */
const fieldKeys: Array<[RegExp, string, MessageKey]> = [
  [/^definition\.consentText$/, 'required', 'field.questionnaire.error.consent_required'],
  [
    /^definition\.opinionConsentText$/,
    'required',
    'field.questionnaire.error.opinion_consent_required',
  ],
  [
    /^definition\.contactCapture\.consentTexts\./,
    'required',
    'field.questionnaire.error.channel_consent_required',
  ],
  [/\.showIf\.anyOf$/, 'required', 'field.questionnaire.error.condition_values_required'],
  [/^definition\.questions$/, 'required', 'field.questionnaire.error.no_questions'],
];

export function problemText(field: string, code: string, t: Translate, fallback?: string) {
  const precise = fieldKeys.find(([path, c]) => c === code && path.test(field));
  if (precise) return t(precise[2]);
  const key = codeKeys[code];
  return key ? t(key) : translateCode(code, t, fallback);
}

/**
 * The builder's `validate`: the draft as the request it becomes, checked by the schema the
 * server checks it with; each field gets its first problem. The paths are the request's
 * (`definition.questions.2.options.1.id`), which are the draft's too.
 */
export const validateDraft =
  (t: Translate) =>
  (draft: QuestionnaireDraft): FormErrors => {
    const result = questionnaireInputSchema.safeParse(toInput(draft));
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const problem of fieldProblems(result.error.issues))
      errors[problem.field] ??= problemText(problem.field, problem.code, t);
    return errors;
  };

/** The first error at `path` or under it (a condition's values, an option's parts…). */
export function errorAt(errors: Record<string, unknown>, path: string): string | undefined {
  const found = Object.entries(errors).find(
    ([field, error]) => (field === path || field.startsWith(`${path}.`)) && error,
  );
  return found ? String(found[1]) : undefined;
}

/**
 * The server's refusal: its field problems go under the inputs (the paths are the form's),
 * and the sentence for the rest is returned (null when every problem found its field).
 */
export function serverProblems(
  error: unknown,
  t: Translate,
): { errors: FormErrors; message: string | null } {
  if (!(error instanceof ApiError) || error.errors.length === 0)
    return { errors: {}, message: errorText(error, t) };
  const errors: FormErrors = {};
  for (const problem of error.errors)
    errors[problem.field] ??= problemText(problem.field, problem.code, t, problem.message);
  return { errors, message: null };
}
