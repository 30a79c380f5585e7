import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api.ts';
import { manualGiftSchema } from '../../../contracts/donations-finance.ts';
import { emptyManualGift, manualGiftRequest } from './manualGiftForm.ts';
import { problemCodeFor, validateContract, withAppCodes } from './validation.ts';

describe('validateContract', () => {
  it('says an empty required text and a malformed email in the app’s words', () => {
    const check = validateContract(manualGiftSchema, (key) => key, manualGiftRequest);
    const errors = check({
      ...emptyManualGift('2026-03-01'),
      donor: { ...emptyManualGift('2026-03-01').donor, email: 'pas-une-adresse' },
    });
    expect(errors['donor.firstName']).toBe('error.required');
    expect(errors.amount).toBe('error.required');
    expect(errors['donor.email']).toBe('error.invalid_email');
  });

  it('keeps other codes', () => {
    expect(problemCodeFor('givenOn', 'invalid_format')).toBe('invalid_date');
    expect(problemCodeFor('note', 'too_big')).toBe('too_big');
  });
});

describe('withAppCodes', () => {
  it('renames the codes of the server’s field problems and keeps the rest', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid.', [
      { field: 'donor.lastName', code: 'too_small', message: 'Too small: expected >=1' },
    ]);
    const renamed = withAppCodes(error) as ApiError;
    expect(renamed.errors).toEqual([
      { field: 'donor.lastName', code: 'required', message: 'Too small: expected >=1' },
    ]);
    expect(renamed.code).toBe('validation_failed');
    const plain = new ApiError(422, 'above_cap', 'Ce don porterait…');
    expect(withAppCodes(plain)).toBe(plain);
  });
});
