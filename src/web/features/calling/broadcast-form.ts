import {
  broadcastInputSchema,
  defaultCallingWindows,
  type Broadcast,
  type BroadcastInput,
} from '../../../contracts/calling.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { isoToZoned, zonedToIso } from '../../core/zoned-time.ts';
import {
  applyEditorProblem,
  idOf,
  idText,
  numberOf,
  optionalId,
  schemaErrors,
  type FormLike,
} from './editor-form.ts';
import {
  addRangeErrors,
  windowsRequest,
  windowsValues,
  type WindowsValues,
} from './windows-form.ts';

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
  startsAt: string;
  endsAt: string;
  /** '' when the carrier's price is not given. */
  minutePriceCents: number | string;
} & WindowsValues &
  Record<PaceField, number | string>;

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
    ...windowsValues(defaultCallingWindows),
    startsAt: '',
    endsAt: '',
    minutePriceCents: '',
    ...paceDefaults(),
  };
}

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
    ...windowsValues(broadcast.windows),
    startsAt: broadcast.startsAt ? isoToZoned(broadcast.startsAt) : '',
    endsAt: broadcast.endsAt ? isoToZoned(broadcast.endsAt) : '',
    minutePriceCents: broadcast.minutePriceCents ?? '',
    callsPerSecond: broadcast.callsPerSecond,
    maxConcurrent: broadcast.maxConcurrent,
    rampSeconds: broadcast.rampSeconds,
    maxAttempts: broadcast.maxAttempts,
    retryMinutes: broadcast.retryMinutes,
    ringSeconds: broadcast.ringSeconds,
    answerRateFloor: broadcast.answerRateFloor,
  };
}

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
    windows: windowsRequest(values),
    startsAt: moment(values.startsAt),
    endsAt: moment(values.endsAt),
    minutePriceCents:
      typeof values.minutePriceCents === 'string' && values.minutePriceCents.trim() === ''
        ? null
        : numberOf(values.minutePriceCents),
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

/**
 * The editor's checks: the contract's schema, said under the editor's fields, then what the
 * schema says of the windows as a whole (a range ending before it starts) said under that range.
 */
export function broadcastValidation(t: Translate): (values: BroadcastValues) => FormErrors {
  return (values) => {
    const errors = schemaErrors(broadcastInputSchema, broadcastRequest(values), t, formField);
    if (values.audienceKind === 'segment' && !values.segmentId)
      errors.segmentId = t('calling.form.segmentRequired');
    if (values.audienceKind === 'list' && !values.listId)
      errors.listId = t('calling.form.listRequired');
    addRangeErrors(errors, values, t);
    return errors;
  };
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
  return applyEditorProblem(form, error, t, fallback, { formField });
}
