import {
  eventInputSchema,
  eventMessageInputSchema,
  type EventMessageInput,
  type EventReportInput,
  type EventReportState,
  type EventForEdit,
  type EventType,
  type EventVisibility,
} from '../../../contracts/events.ts';
import type { eventsApi } from '../../../contracts/events-api.ts';
import type { CallInput } from '../../../contracts/route.ts';
import { validateWith, type FieldRule, type FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { isoToZoned, zonedToIso } from '../../core/zoned-time.ts';

type EventBody = CallInput<typeof eventsApi.create>['body'];

export type EventWhere = 'place' | 'online' | 'both';

/**
 * The event form, flat: times as the pickers hold them (the campaign's clock, no zone), the
 * postal code and commune fields shared with the other place forms, places as the number
 * input holds them ('' when empty).
 */
export interface EventValues {
  type: EventType;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  where: EventWhere;
  postalCode: string;
  communeCode: string;
  street: string;
  onlineUrl: string;
  capacity: number | string;
  visibility: EventVisibility;
}

export const emptyEvent: EventValues = {
  type: 'public_meeting',
  title: '',
  description: '',
  startsAt: '',
  endsAt: '',
  where: 'place',
  postalCode: '',
  communeCode: '',
  street: '',
  onlineUrl: '',
  capacity: '',
  visibility: 'public',
};

/** The request: times with their offset, the place or the link as `where` says, trimmed. */
export function eventRequest(values: EventValues): EventBody {
  const placed = values.where !== 'online';
  const online = values.where !== 'place';
  const capacity = String(values.capacity).trim();
  return {
    type: values.type,
    title: values.title.trim(),
    description: values.description.trim(),
    startsAt: zonedToIso(values.startsAt) ?? values.startsAt,
    endsAt: zonedToIso(values.endsAt) ?? values.endsAt,
    place: placed
      ? {
          postalCode: values.postalCode.trim(),
          communeCode: values.communeCode || undefined,
          street: values.street.trim() || undefined,
        }
      : undefined,
    onlineUrl: online ? values.onlineUrl.trim() || undefined : undefined,
    capacity: capacity === '' ? null : Number(capacity),
    visibility: values.visibility,
  };
}

/** The edit form's values from what the managers' route answers. */
export function editValues(event: EventForEdit): EventValues {
  return {
    type: event.type,
    title: event.title,
    description: event.description,
    startsAt: isoToZoned(event.startsAt),
    endsAt: isoToZoned(event.endsAt),
    where: event.place && event.onlineUrl ? 'both' : event.place ? 'place' : 'online',
    postalCode: event.postalCode ?? '',
    communeCode: event.place?.communeCode ?? '',
    street: event.street ?? '',
    onlineUrl: event.onlineUrl ?? '',
    capacity: event.capacity ?? '',
    visibility: event.visibility,
  };
}

/** The request's field (`place.postalCode`) as the flat form names it (`postalCode`). */
export const formField = (requestField: string): string =>
  requestField.startsWith('place.') ? requestField.slice('place.'.length) : requestField;

/** The request's fields that the form shows an input for, as the server names them. */
export const requestFields = [
  'type',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'place.postalCode',
  'place.communeCode',
  'place.street',
  'onlineUrl',
  'capacity',
  'visibility',
] as const;

/**
 * The event form's checks: the route's schema (the place's problems said under the flat
 * fields; an empty time is missing rather than malformed, and a place is missing only where
 * one is asked for), then the form's own rules (the postal code's lookup).
 */
export function eventValidation(
  t: Translate,
  rules: { [K in keyof EventValues]?: FieldRule<EventValues, K> } = {},
): (values: EventValues) => FormErrors {
  const bySchema = validateWith<EventValues>(eventInputSchema, t, eventRequest);
  return (values) => {
    const errors: FormErrors = {};
    for (const [field, message] of Object.entries(bySchema(values))) {
      const name = formField(field);
      // An online event with no link: the missing place is said under the link.
      const shown = name === 'postalCode' && values.where === 'online' ? 'onlineUrl' : name;
      errors[shown] ??= message;
    }
    for (const name of ['startsAt', 'endsAt'] as const) {
      if (!values[name].trim()) errors[name] = t('error.required');
    }
    if (values.where !== 'place' && !values.onlineUrl.trim())
      errors.onlineUrl = t('error.required');
    const ruleOf = <K extends keyof EventValues>(key: K) => rules[key]?.(values[key], values);
    for (const key of Object.keys(rules) as (keyof EventValues & string)[]) {
      if (values.where === 'online' && (key === 'postalCode' || key === 'communeCode')) continue;
      const error = errors[key] ? null : ruleOf(key);
      if (error) errors[key] = error;
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

export const REPORT_FIGURES = [
  'attendance',
  'doorsKnocked',
  'conversations',
  'leaflets',
  'calls',
] as const;
type ReportFigure = (typeof REPORT_FIGURES)[number];

/** The report form as its inputs hold it: a number input is '' when empty. */
export type ReportValues = Record<ReportFigure, number | string> & { notes: string };

/**
 * The report's request: an empty figure is left out (0), but attendance, which is asked: empty,
 * it is not a number, which the schema refuses as it would anything else typed there.
 */
export function reportRequest(values: ReportValues): EventReportInput {
  const figure = (value: number | string) =>
    value === '' ? undefined : typeof value === 'number' ? value : Number(value);
  return {
    attendance: figure(values.attendance) ?? Number.NaN,
    doorsKnocked: figure(values.doorsKnocked),
    conversations: figure(values.conversations),
    leaflets: figure(values.leaflets),
    calls: figure(values.calls),
    notes: values.notes,
  };
}

/** The report form's start: the report as saved, or the number of people checked in. */
export function reportValues(state: EventReportState): ReportValues {
  const report = state.report;
  if (report) {
    const { attendance, doorsKnocked, conversations, leaflets, calls, notes } = report;
    return { attendance, doorsKnocked, conversations, leaflets, calls, notes };
  }
  return {
    attendance: state.checkedIn,
    doorsKnocked: '',
    conversations: '',
    leaflets: '',
    calls: '',
    notes: '',
  };
}

/** The organisers' message to those coming: a subject, a plain text, and whether those waiting get it. */
export interface EventMessageValues {
  subject: string;
  text: string;
  waitlistToo: boolean;
}

export const emptyEventMessage: EventMessageValues = { subject: '', text: '', waitlistToo: false };

export const eventMessageRequest = (values: EventMessageValues): EventMessageInput => ({
  subject: values.subject.trim(),
  text: values.text.trim(),
  waitlistToo: values.waitlistToo,
});

export const eventMessageValidation = (t: Translate) =>
  validateWith<EventMessageValues>(eventMessageInputSchema, t, eventMessageRequest);
