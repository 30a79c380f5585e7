import type { z } from 'zod';
import {
  broadcastInputSchema,
  defaultCallingWindows,
  type Broadcast,
  type BroadcastInput,
} from '../../../contracts/calling.ts';
import { ApiError } from '../../core/api.ts';
import { fieldErrorText, translateCode } from '../../core/errors.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { isoToZoned, zonedToIso } from '../../core/zoned-time.ts';

export interface TimeRange {
  from: string;
  to: string;
}

/** The pace and retry settings, as number inputs hold them ('' when emptied). */
export const PACE_FIELDS = [
  'callsPerSecond',
  'maxConcurrent',
  'rampSeconds',
  'maxAttempts',
  'retryMinutes',
  'ringSeconds',
  'answerRateFloor',
] as const;
export type PaceField = (typeof PACE_FIELDS)[number];

/**
 * The broadcast editor, flat: ids as the selects hold them (strings), the windows' ranges as
 * pairs of time inputs, the dates as the pickers hold them (the campaign's clock, no zone).
 */
export type BroadcastValues = {
  name: string;
  audienceKind: 'segment' | 'list';
  segmentId: string | null;
  listId: string | null;
  recordingId: string | null;
  machineAction: 'message' | 'hang_up';
  machineRecordingId: string | null;
  weekdays: number[];
  windows: TimeRange[];
  closedOnPublicHolidays: boolean;
  startsAt: string;
  endsAt: string;
} & Record<PaceField, number | string>;

/** At most this many time ranges a day (the contract's limit). */
export const MAX_RANGES = 4;

/** The contract's defaults for the pace and retries (10 calls a second, 3 attempts…). */
const paceDefaults = (): Record<PaceField, number> =>
  broadcastInputSchema
    .pick({
      callsPerSecond: true,
      maxConcurrent: true,
      rampSeconds: true,
      maxAttempts: true,
      retryMinutes: true,
      ringSeconds: true,
      answerRateFloor: true,
    })
    .parse({});

/** A new broadcast: the contract's defaults, the windows of décret 2022-1313. */
export function emptyBroadcast(): BroadcastValues {
  return {
    name: '',
    audienceKind: 'segment',
    segmentId: null,
    listId: null,
    recordingId: null,
    machineAction: 'message',
    machineRecordingId: null,
    weekdays: [...defaultCallingWindows.weekdays],
    windows: defaultCallingWindows.windows.map(([from, to]) => ({ from: from!, to: to! })),
    closedOnPublicHolidays: defaultCallingWindows.closedOnPublicHolidays,
    startsAt: '',
    endsAt: '',
    ...paceDefaults(),
  };
}

const idText = (id: number | null) => (id === null ? null : String(id));

/** The editor's values of a saved broadcast. */
export function editValues(broadcast: Broadcast): BroadcastValues {
  return {
    name: broadcast.name,
    audienceKind: broadcast.audience.kind,
    segmentId: idText(broadcast.audience.segmentId),
    listId: idText(broadcast.audience.listId),
    recordingId: idText(broadcast.recordingId),
    machineAction: broadcast.machineAction,
    machineRecordingId: idText(broadcast.machineRecordingId),
    weekdays: [...broadcast.windows.weekdays],
    windows: broadcast.windows.windows.map(([from, to]) => ({ from: from!, to: to! })),
    closedOnPublicHolidays: broadcast.windows.closedOnPublicHolidays,
    startsAt: broadcast.startsAt ? isoToZoned(broadcast.startsAt) : '',
    endsAt: broadcast.endsAt ? isoToZoned(broadcast.endsAt) : '',
    callsPerSecond: broadcast.callsPerSecond,
    maxConcurrent: broadcast.maxConcurrent,
    rampSeconds: broadcast.rampSeconds,
    maxAttempts: broadcast.maxAttempts,
    retryMinutes: broadcast.retryMinutes,
    ringSeconds: broadcast.ringSeconds,
    answerRateFloor: broadcast.answerRateFloor,
  };
}

/** A select's id as a number; NaN when none is chosen (the schema refuses it). */
const idOf = (value: string | null) => (value ? Number(value) : Number.NaN);
const optionalId = (value: string | null) => (value ? Number(value) : null);
/** A number input's value; NaN when empty (the schema refuses it). */
const numberOf = (value: number | string) =>
  typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
const moment = (local: string) => (local.trim() ? (zonedToIso(local) ?? local) : null);

/** The request the create and update routes take. */
export function broadcastRequest(values: BroadcastValues): BroadcastInput {
  const pace = Object.fromEntries(
    PACE_FIELDS.map((field) => [field, numberOf(values[field])]),
  ) as Record<PaceField, number>;
  return {
    name: values.name.trim(),
    audience:
      values.audienceKind === 'segment'
        ? { kind: 'segment', segmentId: idOf(values.segmentId) }
        : { kind: 'list', listId: idOf(values.listId) },
    recordingId: optionalId(values.recordingId),
    machineAction: values.machineAction,
    // "Hang up" plays nothing to machines: no second recording is kept for them.
    machineRecordingId:
      values.machineAction === 'message' ? optionalId(values.machineRecordingId) : null,
    windows: {
      weekdays: [...values.weekdays].sort((a, b) => a - b),
      windows: values.windows.map(({ from, to }) => [from, to]),
      closedOnPublicHolidays: values.closedOnPublicHolidays,
    },
    startsAt: moment(values.startsAt),
    endsAt: moment(values.endsAt),
    ...pace,
  };
}

/** The editor's field for a field of the request ('audience.listId' → 'listId'…). */
export function formField(requestField: string): string {
  const parts = requestField.split('.');
  if (parts[0] === 'audience') return parts[1] ?? 'audienceKind';
  if (parts[0] === 'windows') {
    if (parts[1] === 'weekdays') return 'weekdays';
    if (parts[1] === 'windows' && parts[2] !== undefined) {
      return `windows.${parts[2]}.${parts[3] === '0' ? 'from' : 'to'}`;
    }
    return 'windows';
  }
  return parts[0]!;
}

/** A time as the contract takes it (the schema says which ones are not). */
const CLOCK = /^\d\d:\d\d$/;

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

/**
 * The editor's checks: the contract's schema, said under the editor's fields, then what the
 * schema says of the windows as a whole (a range ending before it starts) said under that range.
 */
export function broadcastValidation(t: Translate): (values: BroadcastValues) => FormErrors {
  return (values) => {
    const errors: FormErrors = {};
    const result = broadcastInputSchema.safeParse(broadcastRequest(values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors[formField(issue.path.map(String).join('.'))] ??= issueText(issue, t);
      }
    }
    if (values.audienceKind === 'segment' && !values.segmentId)
      errors.segmentId = t('calling.form.segmentRequired');
    if (values.audienceKind === 'list' && !values.listId)
      errors.listId = t('calling.form.listRequired');
    values.windows.forEach(({ from, to }, i) => {
      if (CLOCK.test(from) && CLOCK.test(to) && from >= to)
        errors[`windows.${i}.to`] ??= t('error.not_after_from');
    });
    // The range's own error says it; the whole list's would repeat it.
    if (errors.windows && Object.keys(errors).some((key) => key.startsWith('windows.')))
      delete errors.windows;
    return errors;
  };
}

interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

/**
 * The server's refusal of a broadcast: its field errors under the editor's fields; returns what
 * to show above the button (null when every error found its field).
 */
export function applyBroadcastProblem(
  form: FormLike,
  error: unknown,
  t: Translate,
  fallback: (error: unknown) => string,
): string | null {
  if (!(error instanceof ApiError) || error.errors.length === 0) return fallback(error);
  for (const problem of error.errors) {
    form.setFieldError(formField(problem.field), fieldErrorText(problem, t));
  }
  return null;
}
