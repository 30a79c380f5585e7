import { phoneBankShiftInputSchema } from '../../../../contracts/phone-banks.ts';
import { ApiError } from '../../../core/api.ts';
import { translateCode } from '../../../core/errors.ts';
import type { FormErrors } from '../../../core/form-validation.ts';
import type { Translate } from '../../../core/i18n/index.tsx';
import { zonedToIso } from '../../../core/zoned-time.ts';
import type { FormLike } from '../editor-form.ts';
import type { ShiftInput } from './hooks.ts';

/**
 * A new shift as its form holds it: moments on the campaign's clock, capacity '' for none,
 * the meeting place's postal code ('' for calls from home).
 */
export interface ShiftValues {
  startsAt: string;
  endsAt: string;
  capacity: number | string;
  postalCode: string;
}

export const emptyShift = (): ShiftValues => ({
  startsAt: '',
  endsAt: '',
  capacity: '',
  postalCode: '',
});

/** A picked moment with its offset; what was typed when it is none (the schema refuses it). */
const moment = (local: string) => zonedToIso(local) ?? local;

const capacityOf = (value: number | string) =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);

/** The request the shifts route takes. */
export function shiftRequest(values: ShiftValues): ShiftInput {
  return {
    startsAt: moment(values.startsAt),
    endsAt: moment(values.endsAt),
    capacity: capacityOf(values.capacity),
    postalCode: values.postalCode.trim(),
  };
}

/** The problem codes of a shift's fields, in this feature's words where the app has none. */
export function shiftFieldText(field: string, code: string, t: Translate): string {
  if (code === 'not_after_start') return t('banks.shift.endsBeforeStart');
  if (code === 'invalid_postal_code') return t('banks.shift.postalCodeInvalid');
  if (field === 'capacity' && code === 'too_small') return t('calling.form.atLeast', { min: 1 });
  if (field === 'capacity' && code === 'too_big') return t('calling.form.atMost', { max: 1000 });
  if (field === 'capacity') return t('calling.form.wholeNumber');
  return translateCode(code, t);
}

/** The shift form's checks: both moments chosen, then the contract's schema. */
export function shiftValidation(t: Translate): (values: ShiftValues) => FormErrors {
  return (values) => {
    const errors: FormErrors = {};
    if (!values.startsAt.trim()) errors.startsAt = t('error.required');
    if (!values.endsAt.trim()) errors.endsAt = t('error.required');
    const result = phoneBankShiftInputSchema.safeParse(shiftRequest(values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        const code = /^[a-z0-9_]+$/.test(issue.message) ? issue.message : issue.code;
        errors[field] ??= shiftFieldText(field, code, t);
      }
    }
    return errors;
  };
}

const SHIFT_FIELDS: readonly string[] = ['startsAt', 'endsAt', 'capacity', 'postalCode'];

/** Problem codes about the postal code, without a list of field errors. */
const POSTAL_CODES: readonly string[] = ['invalid_postal_code', 'unknown_postal_code'];

/**
 * The server's refusal of a shift: its field errors under the form's fields; returns what to
 * show above the button (null when every error found its field).
 */
export function applyShiftProblem(
  form: FormLike,
  error: unknown,
  t: Translate,
  text: (error: unknown) => string,
): string | null {
  if (!(error instanceof ApiError)) return text(error);
  if (error.errors.length === 0) {
    if (!POSTAL_CODES.includes(error.code)) return text(error);
    form.setFieldError('postalCode', shiftFieldText('postalCode', error.code, t));
    return null;
  }
  const elsewhere = error.errors.filter((problem) => !SHIFT_FIELDS.includes(problem.field));
  for (const problem of error.errors) {
    if (SHIFT_FIELDS.includes(problem.field))
      form.setFieldError(problem.field, shiftFieldText(problem.field, problem.code, t));
  }
  return elsewhere.length === 0 ? null : text(error);
}
