import type { z } from 'zod';
import type { Rank } from '../../../contracts/access.ts';
import {
  certificationCriteriaSchema,
  committeeInputSchema,
  committeeMessageInputSchema,
  committeeRulesSchema,
  committeeUpdateSchema,
  hqCommitteesQuerySchema,
  type Certification,
  type CertificationCriteria,
  type CommitteeForEdit,
  type CommitteeRules,
  type HqCommitteesQuery,
} from '../../../contracts/committees.ts';
import type { committeesApi } from '../../../contracts/committees-api.ts';
import type { CallInput } from '../../../contracts/route.ts';
import { validateWith, type FieldRule, type FormErrors } from '../../core/form-validation.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

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

/** Who a committee message goes to: the lowest rank it reaches, as the form offers it. */
export const messageAudiences = ['follower', 'member', 'manager'] as const satisfies Rank[];
export type MessageAudience = (typeof messageAudiences)[number];

export interface MessageValues {
  subject: string;
  body: string;
  lowestRank: MessageAudience;
}

export const emptyMessage: MessageValues = { subject: '', body: '', lowestRank: 'follower' };

export const messageRequest = (
  values: MessageValues,
): CallInput<typeof committeesApi.sendMessage>['body'] => ({
  subject: values.subject.trim(),
  body: values.body.trim(),
  lowestRank: values.lowestRank,
});

export const messageValidation = (t: Translate) =>
  validateWith<MessageValues>(committeeMessageInputSchema, t, messageRequest);

export const isMessageAudience = (value: string): value is MessageAudience =>
  (messageAudiences as readonly string[]).includes(value);

/** The certification criteria form: numbers as the number inputs hold them ('' when emptied). */
export type CriteriaValues = { [K in keyof CertificationCriteria]: number | string };

export const criteriaFields = [
  'minAgeDays',
  'minMembers',
  'minRecentPublicEvents',
  'recentDays',
  'minOrganisers',
] as const satisfies ReadonlyArray<keyof CertificationCriteria>;

export const criteriaRequest = (values: CriteriaValues): CertificationCriteria => ({
  minAgeDays: Number(values.minAgeDays),
  minMembers: Number(values.minMembers),
  minRecentPublicEvents: Number(values.minRecentPublicEvents),
  recentDays: Number(values.recentDays),
  minOrganisers: Number(values.minOrganisers),
});

/** The bounds of each criterion, from the route's schema. */
export const criteriaBounds = Object.fromEntries(
  criteriaFields.map((field) => [field, boundsOf(certificationCriteriaSchema.shape[field])]),
) as Record<keyof CertificationCriteria, { min: number; max: number }>;

/**
 * The criteria form's checks: an emptied number, one out of bounds or not whole says its
 * bounds.
 */
export function criteriaValidation(t: Translate): (values: CriteriaValues) => FormErrors {
  return (values) => {
    const errors: FormErrors = {};
    for (const field of criteriaFields) {
      const value = values[field];
      const ok =
        value !== '' && certificationCriteriaSchema.shape[field].safeParse(Number(value)).success;
      if (!ok) errors[field] = t('committees.rules.between', criteriaBounds[field]);
    }
    return errors;
  };
}

type ChecklistItem = Certification['checklist'][number];

const checklistKeys: Record<ChecklistItem['criterion'], MessageKey> = {
  ageDays: 'committees.certification.ageDays',
  members: 'committees.certification.members',
  recentPublicEvents: 'committees.certification.recentPublicEvents',
  organisers: 'committees.certification.organisers',
};

/** A criterion as organisers and staff read it: "Au moins 3 membres". */
export const checklistText = (item: ChecklistItem, recentDays: number, t: Translate): string =>
  t(checklistKeys[item.criterion], { count: item.required, days: recentDays });

/** HQ's filters, as the list's address holds them (`?q=…&status=held&page=2`). */
export const hqFilterKeys = [
  'q',
  'departement',
  'status',
  'certified',
  'reported',
  'inactive',
] as const satisfies ReadonlyArray<keyof HqCommitteesQuery>;
export type HqFilterKey = (typeof hqFilterKeys)[number];
export type HqFilter = Partial<Pick<HqCommitteesQuery, HqFilterKey>>;

/** The filters in an address; a value the route would refuse is left out, not sent. */
export function hqFilterFromSearch(search: URLSearchParams): HqFilter {
  const filter: Record<string, string> = {};
  for (const key of hqFilterKeys) {
    const raw = search.get(key)?.trim();
    if (!raw) continue;
    const parsed = hqCommitteesQuerySchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data) filter[key] = parsed.data;
  }
  return filter as HqFilter;
}

/**
 * The address after a filter changed: empty values are dropped and the page goes back to the
 * first (the old page may not exist among fewer results).
 */
export function hqSearchWith(
  search: URLSearchParams,
  change: Partial<Record<HqFilterKey, string | null>>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(change)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  next.delete('page');
  return next;
}
