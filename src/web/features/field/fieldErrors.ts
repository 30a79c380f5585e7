import type { FormulaProblem } from '../../../contracts/field-formula.ts';
import { ApiError } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

/** The field API's own problem codes, in this feature's words. */
const problemKeys: Record<string, MessageKey> = {
  label_required: 'field.error.label_required',
  file_required: 'field.error.file_required',
  empty_file: 'field.error.empty_file',
  invalid_fields: 'field.error.invalid_fields',
  unsupported_media_type: 'field.error.file_required',
  area_visited: 'field.error.area_visited',
  turfs_visited: 'field.error.turfs_visited',
  area_too_large: 'field.error.area_too_large',
  turf_too_small: 'field.error.turf_too_small',
  turfs_of_other_areas: 'field.error.turfs_of_other_areas',
  ends_before_start: 'field.error.ends_before_start',
  max_below_min: 'field.error.max_below_min',
  too_few: 'field.error.too_few',
  turf_not_assigned: 'field.error.turf_not_assigned',
  polygon_not_closed: 'field.error.polygon_not_closed',
  polygon_vertices: 'field.error.polygon_vertices',
  polygon_self_intersecting: 'field.error.polygon_self_intersecting',
  polygon_holes: 'field.error.polygon_not_closed',
};

const formulaKeys: Record<FormulaProblem['code'], MessageKey> = {
  formula_empty: 'field.formula.error.formula_empty',
  formula_too_long: 'field.formula.error.formula_too_long',
  formula_unexpected: 'field.formula.error.formula_unexpected',
  formula_unknown_name: 'field.formula.error.formula_unknown_name',
  formula_arguments: 'field.formula.error.formula_arguments',
  formula_unclosed: 'field.formula.error.formula_unclosed',
};

const isFormulaCode = (code: string): code is FormulaProblem['code'] => code in formulaKeys;

/** A formula's problem said in full: what is wrong, where (1-based), and the word at fault. */
export function formulaProblemText(problem: FormulaProblem, t: Translate): string {
  const what = t(formulaKeys[problem.code]);
  return problem.near
    ? t('field.formula.errorNear', { what, at: problem.at + 1, near: problem.near })
    : t('field.formula.errorAt', { what, at: problem.at + 1 });
}

/** The sentence for a problem code of this feature, or null when the app's general one applies. */
export function fieldCodeText(code: string, t: Translate): string | null {
  if (isFormulaCode(code)) return t(formulaKeys[code]);
  const key = problemKeys[code];
  return key ? t(key) : null;
}

/** A failure of the field API in the visitor's language (the app's words when the code is general). */
export function fieldErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    for (const code of [error.code, ...error.errors.map((e) => e.code)]) {
      const text = fieldCodeText(code, t);
      if (text) return text;
    }
  }
  return errorText(error, t);
}
