import type { z } from 'zod';
import {
  committeeInputSchema,
  committeeRulesSchema,
  committeeUpdateSchema,
  type CommitteeForEdit,
  type CommitteeRules,
} from '../../../contracts/committees.ts';
import type { committeesApi } from '../../../contracts/committees-api.ts';
import type { CallInput } from '../../../contracts/route.ts';
import { validateWith, type FieldRule, type FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';

type CreateBody = CallInput<typeof committeesApi.create>['body'];
type UpdateBody = CallInput<typeof committeesApi.update>['body'];

/** The committee form, flat: the postal code and commune fields are shared with person forms. */
export interface CommitteeValues {
  name: string;
  description: string;
  postalCode: string;
  communeCode: string;
  street: string;
  contactEmail: string;
  contactPhone: string;
}

export type CommitteeEditValues = CommitteeValues & { openToMembers: boolean };

export const emptyCommittee: CommitteeValues = {
  name: '',
  description: '',
  postalCode: '',
  communeCode: '',
  street: '',
  contactEmail: '',
  contactPhone: '',
};

/** The creation request: trimmed, the place nested, empty optional fields left out. */
export const committeeRequest = (values: CommitteeValues): CreateBody => ({
  name: values.name.trim(),
  description: values.description.trim(),
  place: {
    postalCode: values.postalCode.trim(),
    communeCode: values.communeCode || undefined,
    street: values.street.trim() || undefined,
  },
  contactEmail: values.contactEmail.trim(),
  contactPhone: values.contactPhone.trim() || undefined,
});

export const committeeUpdateRequest = (values: CommitteeEditValues): UpdateBody => ({
  ...committeeRequest(values),
  openToMembers: values.openToMembers,
});

/** The edit form's values from what the organisers' route answers. */
export const editValues = (committee: CommitteeForEdit): CommitteeEditValues => ({
  name: committee.name,
  description: committee.description,
  postalCode: committee.postalCode ?? '',
  communeCode: committee.place.communeCode ?? '',
  street: committee.street ?? '',
  contactEmail: committee.contactEmail ?? '',
  contactPhone: committee.contactPhone ?? '',
  openToMembers: committee.openToMembers,
});

/** The request's field (`place.postalCode`) as the flat form names it (`postalCode`). */
export const formField = (requestField: string): string =>
  requestField.startsWith('place.') ? requestField.slice('place.'.length) : requestField;

/** The request's fields that the form shows an input for, as the server names them. */
export const requestFields = [
  'name',
  'description',
  'place.postalCode',
  'place.communeCode',
  'place.street',
  'contactEmail',
  'contactPhone',
] as const;

/**
 * The committee form's checks: the route's schema (its place's problems said under the flat
 * fields), then the form's own rules (the postal code's lookup) for fields the schema accepted.
 */
export function committeeValidation<Values extends CommitteeValues>(
  schema: z.ZodType,
  toRequest: (values: Values) => unknown,
  t: Translate,
  rules: { [K in keyof Values]?: FieldRule<Values, K> } = {},
): (values: Values) => FormErrors {
  const bySchema = validateWith<Values>(schema, t, toRequest);
  return (values) => {
    const errors: FormErrors = {};
    for (const [field, message] of Object.entries(bySchema(values))) {
      errors[formField(field)] ??= message;
    }
    for (const key of Object.keys(rules) as (keyof Values & string)[]) {
      const error = errors[key] ? null : rules[key]?.(values[key], values);
      if (error) errors[key] = error;
    }
    return errors;
  };
}

export const createValidation = (
  t: Translate,
  rules: { [K in keyof CommitteeValues]?: FieldRule<CommitteeValues, K> } = {},
) => committeeValidation<CommitteeValues>(committeeInputSchema, committeeRequest, t, rules);

export const editValidation = (
  t: Translate,
  rules: { [K in keyof CommitteeEditValues]?: FieldRule<CommitteeEditValues, K> } = {},
) =>
  committeeValidation<CommitteeEditValues>(committeeUpdateSchema, committeeUpdateRequest, t, rules);

/** The gates form: numbers as the number inputs hold them ('' when emptied), words a line. */
export interface RulesValues {
  requireConfirmedEmail: boolean;
  maxLedPerPerson: number | string;
  createdPerDay: number | string;
  forbiddenWords: string;
}

export const rulesValues = (rules: CommitteeRules): RulesValues => ({
  ...rules,
  forbiddenWords: rules.forbiddenWords.join('\n'),
});

export const rulesRequest = (values: RulesValues): CommitteeRules => ({
  requireConfirmedEmail: values.requireConfirmedEmail,
  maxLedPerPerson: Number(values.maxLedPerPerson),
  createdPerDay: Number(values.createdPerDay),
  forbiddenWords: values.forbiddenWords
    .split('\n')
    .map((word) => word.trim())
    .filter(Boolean),
});

const boundsOf = (schema: z.ZodNumber) => ({
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? 0,
});

/** The bounds of the gates' numbers, from the route's schema. */
export const ruleBounds = {
  maxLedPerPerson: boundsOf(committeeRulesSchema.shape.maxLedPerPerson),
  createdPerDay: boundsOf(committeeRulesSchema.shape.createdPerDay),
};

/**
 * The gates form's checks: a number out of bounds (or emptied) says its bounds; a line too
 * long, or too many, is said under the words.
 */
export function rulesValidation(t: Translate): (values: RulesValues) => FormErrors {
  const bySchema = validateWith<RulesValues>(committeeRulesSchema, t, rulesRequest);
  return (values) => {
    const errors: FormErrors = {};
    for (const [field, message] of Object.entries(bySchema(values))) {
      const [name] = field.split('.');
      if (name === 'maxLedPerPerson' || name === 'createdPerDay') {
        errors[name] = t('committees.rules.between', ruleBounds[name]);
      } else {
        errors[name ?? field] ??= message;
      }
    }
    return errors;
  };
}

/** A form as `applyProblem` sees it, taking the server's field names (`place.postalCode`). */
export const byRequestFields = (form: {
  setFieldError: (path: string, error: string) => void;
}) => ({
  setFieldError: (path: string, error: string) => form.setFieldError(formField(path), error),
});
