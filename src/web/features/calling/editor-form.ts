import type { z } from 'zod';
import { ApiError } from '../../core/api.ts';
import { fieldErrorText, translateCode } from '../../core/errors.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';

/**
 * What the broadcast and the bank editors share: ids as selects hold them, numbers as number
 * inputs hold them, the contract's problems said under the editor's fields.
 */

/** A saved id as a select holds it. */
export const idText = (id: number | null) => (id === null ? null : String(id));

/** A select's id as a number; NaN when none is chosen (the schema refuses it). */
export const idOf = (value: string | null) => (value ? Number(value) : Number.NaN);

/** An optional select's id as a number, null when none is chosen. */
export const optionalId = (value: string | null) => (value ? Number(value) : null);

/** A number input's value; NaN when empty (the schema refuses it). */
export const numberOf = (value: number | string) =>
  typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);

/** An issue of the contract's schema, in the visitor's language. */
function issueText(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.code === 'too_small' && issue.origin === 'number')
    return t('calling.form.atLeast', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'number')
    return t('calling.form.atMost', { max: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'string')
    return t('calling.form.minLength', { min: Number(issue.minimum) });
  if (issue.code === 'invalid_type' && issue.expected === 'number') return t('calling.form.number');
  if (issue.code === 'invalid_type' && issue.expected === 'int')
    return t('calling.form.wholeNumber');
  const code = /^[a-z0-9_]+$/.test(issue.message) ? issue.message : issue.code;
  return translateCode(code, t);
}

/** The contract's schema on a request, each field's first problem under the editor's field. */
export function schemaErrors(
  schema: z.ZodType,
  request: unknown,
  t: Translate,
  formField: (requestField: string) => string,
): FormErrors {
  const errors: FormErrors = {};
  const result = schema.safeParse(request);
  if (!result.success) {
    for (const issue of result.error.issues) {
      errors[formField(issue.path.map(String).join('.'))] ??= issueText(issue, t);
    }
  }
  return errors;
}

export interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

/**
 * The server's refusal of what an editor saved: its field errors under the editor's fields, or
 * the field its code is about when it has none; returns what to show above the button (null
 * when every error found its field).
 */
export function applyEditorProblem(
  form: FormLike,
  error: unknown,
  t: Translate,
  text: (error: unknown) => string,
  editor: {
    formField: (requestField: string) => string;
    /** Problem codes about one field, without a list of field errors. */
    codeFields?: Readonly<Record<string, string>>;
  },
): string | null {
  if (!(error instanceof ApiError)) return text(error);
  if (error.errors.length > 0) {
    for (const problem of error.errors) {
      form.setFieldError(editor.formField(problem.field), fieldErrorText(problem, t));
    }
    return null;
  }
  const field = editor.codeFields?.[error.code];
  if (!field) return text(error);
  form.setFieldError(field, text(error));
  return null;
}
