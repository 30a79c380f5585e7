import type { z } from 'zod';
import { ApiError } from '../../core/api.ts';
import { validateWith } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';

/**
 * The donations contracts state their minimums and formats without codes of their own: an
 * empty text is zod's `too_small`, a malformed email or day its `invalid_format`. Said here
 * as the app's words for them.
 */
export function problemCodeFor(field: string, code: string): string {
  if (code === 'too_small') return 'required';
  if (code === 'invalid_format' && /(^|\.)email$/.test(field)) return 'invalid_email';
  if (code === 'invalid_format') return 'invalid_date';
  return code;
}

/** A form's check from the contract the server checks the same request with. */
export const validateContract = <Values>(
  schema: z.ZodType,
  t: Translate,
  toRequest: (values: Values) => unknown = (values) => values,
) => validateWith<Values>(schema, t, toRequest, problemCodeFor);

/** The server's answer with its field problems' codes said as `validateContract` says them. */
export function withAppCodes(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.errors.length === 0) return error;
  const errors = error.errors.map((e) => ({ ...e, code: problemCodeFor(e.field, e.code) }));
  return new ApiError(error.status, error.code, error.detail, errors, error.extensions);
}
