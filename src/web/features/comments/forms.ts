import type { z } from 'zod';
import { commentRulesSchema, type CommentRules } from '../../../contracts/comments.ts';
import { fieldProblems } from '../../../contracts/field-problems.ts';
import { ApiError } from '../../core/api.ts';
import { errorText, translateCode } from '../../core/errors.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';

/** The rules form: numbers as the number inputs hold them ('' when emptied), words a line. */
export interface CommentRulesValues {
  who: CommentRules['who'];
  openDays: number | string;
  perHour: number | string;
  forbiddenWords: string;
}

/** The form's inputs, by the names the route's fields start with. */
export const RULES_FIELDS = ['who', 'openDays', 'perHour', 'forbiddenWords'] as const;
type RulesField = (typeof RULES_FIELDS)[number];

export const rulesValues = (rules: CommentRules): CommentRulesValues => ({
  ...rules,
  forbiddenWords: rules.forbiddenWords.join('\n'),
});

export const rulesRequest = (values: CommentRulesValues): CommentRules => ({
  who: values.who,
  openDays: Number(values.openDays === '' ? NaN : values.openDays),
  perHour: Number(values.perHour === '' ? NaN : values.perHour),
  forbiddenWords: values.forbiddenWords
    .split('\n')
    .map((word) => word.trim())
    .filter(Boolean),
});

const boundsOf = (schema: z.ZodNumber) => ({
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? 0,
});

/** The bounds of the numbers, from the route's schema. */
export const ruleBounds = {
  openDays: boundsOf(commentRulesSchema.shape.openDays),
  perHour: boundsOf(commentRulesSchema.shape.perHour),
};

const isRulesField = (name: string | undefined): name is RulesField =>
  (RULES_FIELDS as readonly string[]).includes(name ?? '');

/**
 * A problem with one of the route's fields, said under the input it belongs to: a number out
 * of its bounds says them; a forbidden word (`forbiddenWords.3`) is named with its problem.
 */
function problemText(
  values: CommentRulesValues,
  field: string,
  code: string,
  t: Translate,
): [RulesField, string] | null {
  const [name, index] = field.split('.');
  if (!isRulesField(name)) return null;
  if (name === 'openDays' || name === 'perHour') {
    return [name, t('comments.rules.between', ruleBounds[name])];
  }
  if (name === 'forbiddenWords') {
    if (index === undefined) {
      return [
        name,
        code === 'too_many' ? t('comments.rules.tooMany', { max: 1000 }) : translateCode(code, t),
      ];
    }
    const word = rulesRequest(values).forbiddenWords[Number(index)] ?? '';
    const problem =
      code === 'no_letters'
        ? t('comments.rules.noLetters')
        : code === 'too_long'
          ? t('comments.rules.wordTooLong', { max: 100 })
          : translateCode(code, t);
    return [name, t('comments.rules.wordProblem', { word, problem })];
  }
  return [name, translateCode(code, t)];
}

/** The form's checks, by the route's own schema (the server answers the same problems). */
export function rulesValidation(t: Translate): (values: CommentRulesValues) => FormErrors {
  return (values) => {
    const result = commentRulesSchema.safeParse(rulesRequest(values));
    const errors: FormErrors = {};
    if (result.success) return errors;
    for (const problem of fieldProblems(result.error.issues)) {
      const placed = problemText(values, problem.field, problem.code, t);
      if (placed) errors[placed[0]] ??= placed[1];
    }
    return errors;
  };
}

/**
 * A refused save: the server's field problems under their inputs (`errors`), what belongs to
 * no input at the top of the form (`formError`).
 */
export function rulesProblems(
  values: CommentRulesValues,
  error: unknown,
  t: Translate,
): { errors: FormErrors; formError: string | null } {
  if (!(error instanceof ApiError) || error.errors.length === 0) {
    return { errors: {}, formError: errorText(error, t) };
  }
  const errors: FormErrors = {};
  const rest: string[] = [];
  for (const problem of error.errors) {
    const placed = problemText(values, problem.field, problem.code, t);
    if (placed) errors[placed[0]] ??= placed[1];
    else rest.push(`${problem.field}: ${translateCode(problem.code, t, problem.message)}`);
  }
  return { errors, formError: rest.length > 0 ? rest.join(' · ') : null };
}
