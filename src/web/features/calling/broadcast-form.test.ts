import { describe, expect, it } from 'vitest';
import {
  broadcastInputSchema,
  defaultCallingWindows,
  type Broadcast,
} from '../../../contracts/calling.ts';
import { ApiError } from '../../core/api.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import {
  applyBroadcastProblem,
  broadcastRequest,
  broadcastValidation,
  editValues,
  emptyBroadcast,
  formField,
  type BroadcastValues,
} from './broadcast-form.ts';

const t: Translate = (key, vars) => (vars ? `«${key} ${JSON.stringify(vars)}»` : `«${key}»`);

const filled = (changes: Partial<BroadcastValues> = {}): BroadcastValues => ({
  ...emptyBroadcast(),
  name: 'Rappel du meeting',
  segmentId: '12',
  recordingId: '3',
  ...changes,
});

const saved: Broadcast = {
  id: 7,
  name: 'Relance outre-mer',
  status: 'draft',
  audience: { kind: 'list', segmentId: null, listId: 4, count: null },
  recordingId: 2,
  machineRecordingId: 5,
  machineAction: 'message',
  optOutConfirmedAt: null,
  optOutConfirmedBy: null,
  windows: { weekdays: [2, 4], windows: [['09:30', '12:00']], closedOnPublicHolidays: false },
  startsAt: '2026-12-08T09:00:00.000Z',
  endsAt: '2026-12-20T18:30:00.000Z',
  maxConcurrent: 50,
  callsPerSecond: 4,
  rampSeconds: 0,
  maxAttempts: 1,
  retryMinutes: 30,
  ringSeconds: 20,
  answerRateFloor: 8,
  minutePriceCents: 1.25,
  requestedBy: null,
  requestedAt: null,
  approvedBy: null,
  launchedAt: null,
  pausedAt: null,
  pauseReason: null,
  finishedAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
};

describe('the broadcast editor’s values', () => {
  it('start from the contract’s defaults and the windows of décret 2022-1313', () => {
    const values = emptyBroadcast();
    expect(values).toMatchObject({ callsPerSecond: 10, maxAttempts: 3, ringSeconds: 25 });
    expect(broadcastRequest(filled()).windows).toEqual(defaultCallingWindows);
    expect(broadcastInputSchema.safeParse(broadcastRequest(filled())).success).toBe(true);
  });

  it('give back a saved broadcast’s settings as its request, dates on the Paris clock', () => {
    const values = editValues(saved);
    expect(values.startsAt).toBe('2026-12-08 10:00:00');
    expect(broadcastRequest(values)).toEqual({
      name: saved.name,
      audience: { kind: 'list', listId: 4 },
      recordingId: 2,
      machineRecordingId: 5,
      machineAction: 'message',
      windows: saved.windows,
      startsAt: '2026-12-08T10:00:00+01:00',
      endsAt: '2026-12-20T19:30:00+01:00',
      maxConcurrent: 50,
      callsPerSecond: 4,
      rampSeconds: 0,
      maxAttempts: 1,
      retryMinutes: 30,
      ringSeconds: 20,
      answerRateFloor: 8,
      minutePriceCents: 1.25,
    });
  });

  it('keep no machine recording when machines are hung up on, and no date left empty', () => {
    const request = broadcastRequest(
      filled({ machineAction: 'hang_up', machineRecordingId: '9', startsAt: '', endsAt: ' ' }),
    );
    expect(request).toMatchObject({
      machineRecordingId: null,
      startsAt: null,
      endsAt: null,
      minutePriceCents: null,
    });
  });
});

describe('the broadcast editor’s checks', () => {
  const validate = broadcastValidation(t);

  it('accept a complete draft, even without its recording yet', () => {
    expect(validate(filled())).toEqual({});
    expect(validate(filled({ recordingId: null }))).toEqual({});
  });

  it('ask for the audience chosen and say bounds in words under each field', () => {
    expect(
      validate(
        filled({
          name: 'ab',
          audienceKind: 'list',
          callsPerSecond: 0,
          retryMinutes: 2000,
          maxAttempts: '',
          weekdays: [],
        }),
      ),
    ).toEqual({
      name: '«calling.form.minLength {"min":3}»',
      listId: '«calling.form.listRequired»',
      callsPerSecond: '«calling.form.atLeast {"min":1}»',
      retryMinutes: '«calling.form.atMost {"max":1440}»',
      maxAttempts: '«calling.form.number»',
      weekdays: '«error.required»',
    });
  });

  it('say a range ending before it starts under that range, not under the whole list', () => {
    const errors = validate(
      filled({
        windows: [
          { from: '10:00', to: '13:00' },
          { from: '15:00', to: '14:00' },
          { from: '9h', to: '10:00' },
        ],
      }),
    );
    expect(errors).toEqual({
      'windows.1.to': '«error.not_after_from»',
      'windows.2.from': '«error.invalid_time»',
    });
  });
});

describe('the server’s field names', () => {
  it('are the editor’s', () => {
    expect(formField('audience.segmentId')).toBe('segmentId');
    expect(formField('windows.weekdays')).toBe('weekdays');
    expect(formField('windows.windows.1.0')).toBe('windows.1.from');
    expect(formField('windows.windows')).toBe('windows');
    expect(formField('ringSeconds')).toBe('ringSeconds');
  });

  it('carry the server’s refusals to those fields, the rest above the button', () => {
    const set: Record<string, string> = {};
    const form = { setFieldError: (field: string, error: string) => (set[field] = error) };
    const refused = new ApiError(400, 'validation_failed', undefined, [
      { field: 'windows.windows.0.1', code: 'invalid_time', message: 'invalid_time' },
    ]);
    expect(applyBroadcastProblem(form, refused, t, () => 'general')).toBeNull();
    expect(set).toEqual({ 'windows.0.to': '«error.invalid_time»' });
    const conflict = new ApiError(409, 'broadcast_not_editable');
    expect(applyBroadcastProblem(form, conflict, t, () => 'general')).toBe('general');
  });
});
