import type { z } from 'zod';
import { fieldProblems } from '../../contracts/field-problems.ts';
import { translateCode } from './errors.ts';
import type { Translate } from './i18n/index.tsx';

export type FormErrors = Record<string, string>;

/**
 * A form's `validate` from the contract schema the server checks the same request with: each
 * failing field gets its first problem, said in the visitor's language from the problem code
 * (the server's answer would carry the same code). `toRequest` turns the form's values (empty
 * strings for empty inputs…) into the request the route takes.
 */
export function validateWith<Values>(
  schema: z.ZodType,
  t: Translate,
  toRequest: (values: Values) => unknown = (values) => values,
  /** A feature's own reading of a problem's code (zod's `too_small` as `required`…). */
  codeOf: (field: string, code: string) => string = (_field, code) => code,
): (values: Values) => FormErrors {
  return (values) => {
    const result = schema.safeParse(toRequest(values));
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const problem of fieldProblems(result.error.issues)) {
      errors[problem.field] ??= translateCode(codeOf(problem.field, problem.code), t);
    }
    return errors;
  };
}

/** A form's own rule for one field; null when the value is fine. */
export type FieldRule<Values, K extends keyof Values> = (
  value: Values[K],
  values: Values,
) => string | null;

/**
 * `validateWith`, and the form's own rules for what the schema cannot state (a check the
 * server makes beyond the schema, a postal code's lookup…): a rule speaks for a field the
 * schema accepted.
 */
export function validateWithRules<Values>(
  schema: z.ZodType,
  t: Translate,
  toRequest: ((values: Values) => unknown) | undefined,
  rules: { [K in keyof Values]?: FieldRule<Values, K> },
): (values: Values) => FormErrors {
  const bySchema = validateWith(schema, t, toRequest);
  return (values) => {
    const errors = bySchema(values);
    for (const key of Object.keys(rules) as (keyof Values & string)[]) {
      const error = errors[key] ? null : rules[key]?.(values[key], values);
      if (error) errors[key] = error;
    }
    return errors;
  };
}
