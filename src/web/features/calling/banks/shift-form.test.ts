import { describe, expect, it } from 'vitest';
import { phoneBankShiftInputSchema } from '../../../../contracts/phone-banks.ts';
import { ApiError } from '../../../core/api.ts';
import type { Translate } from '../../../core/i18n/index.tsx';
import {
  applyShiftProblem,
  emptyShift,
  shiftRequest,
  shiftValidation,
  type ShiftValues,
} from './shift-form.ts';

const t: Translate = (key, vars) => (vars ? `«${key} ${JSON.stringify(vars)}»` : `«${key}»`);

const filled = (changes: Partial<ShiftValues> = {}): ShiftValues => ({
  ...emptyShift(),
  startsAt: '2026-12-12 18:00:00',
  endsAt: '2026-12-12 20:00:00',
  ...changes,
});

describe('a new shift', () => {
  it('is sent on the Paris clock, without capacity or place when left empty', () => {
    const request = shiftRequest(filled());
    expect(request).toEqual({
      startsAt: '2026-12-12T18:00:00+01:00',
      endsAt: '2026-12-12T20:00:00+01:00',
      capacity: null,
      postalCode: '',
    });
    expect(phoneBankShiftInputSchema.safeParse(request).success).toBe(true);
    expect(shiftRequest(filled({ capacity: 8, postalCode: ' 44000 ' }))).toMatchObject({
      capacity: 8,
      postalCode: '44000',
    });
  });

  it('needs its start and end, the end after the start', () => {
    const validate = shiftValidation(t);
    expect(validate(filled())).toEqual({});
    expect(validate(emptyShift())).toEqual({
      startsAt: '«error.required»',
      endsAt: '«error.required»',
    });
    expect(validate(filled({ endsAt: '2026-12-12 17:00:00' }))).toEqual({
      endsAt: '«banks.shift.endsBeforeStart»',
    });
  });

  it('says a capacity out of bounds and a postal code that is not one', () => {
    const validate = shiftValidation(t);
    expect(validate(filled({ capacity: 0, postalCode: '4400' }))).toEqual({
      capacity: '«calling.form.atLeast {"min":1}»',
      postalCode: '«banks.shift.postalCodeInvalid»',
    });
    expect(validate(filled({ capacity: 1001 }))).toEqual({
      capacity: '«calling.form.atMost {"max":1000}»',
    });
  });

  it('shows the server’s refusals under their fields, the rest above the button', () => {
    const set: Record<string, string> = {};
    const form = { setFieldError: (field: string, error: string) => (set[field] = error) };
    const refused = new ApiError(400, 'validation_failed', undefined, [
      { field: 'endsAt', code: 'not_after_start', message: 'not_after_start' },
    ]);
    expect(applyShiftProblem(form, refused, t, () => 'general')).toBeNull();
    expect(
      applyShiftProblem(form, new ApiError(422, 'unknown_postal_code'), t, () => 'general'),
    ).toBeNull();
    expect(set).toEqual({
      endsAt: '«banks.shift.endsBeforeStart»',
      postalCode: '«error.unknown_postal_code»',
    });
    const closed = new ApiError(409, 'phone_bank_closed');
    expect(applyShiftProblem(form, closed, t, () => 'general')).toBe('general');
  });
});
