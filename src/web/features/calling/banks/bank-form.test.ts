import { describe, expect, it } from 'vitest';
import {
  defaultPhoneBankWindows,
  phoneBankInputSchema,
  phoneBankPatchSchema,
  type PhoneBank,
} from '../../../../contracts/phone-banks.ts';
import { ApiError } from '../../../core/api.ts';
import type { Translate } from '../../../core/i18n/index.tsx';
import {
  applyBankProblem,
  bankFormField,
  bankPatch,
  bankRequest,
  bankValidation,
  editValues,
  emptyBank,
  type BankValues,
} from './bank-form.ts';

const t: Translate = (key, vars) => (vars ? `«${key} ${JSON.stringify(vars)}»` : `«${key}»`);

const filled = (changes: Partial<BankValues> = {}): BankValues => ({
  ...emptyBank(),
  name: 'Relance des adhérents',
  segmentId: '12',
  ...changes,
});

const saved: PhoneBank = {
  id: 7,
  name: 'Rappel du porte-à-porte',
  status: 'open',
  segmentId: 4,
  questionnaireId: 9,
  script: 'Bonjour,\nje suis bénévole…',
  windows: { weekdays: [2, 4], windows: [['18:00', '20:00']], closedOnPublicHolidays: false },
  committeeId: 3,
  access: 'committee',
  claimMinutes: 20,
  maxAttempts: 2,
  retryMinutes: 60,
  createdAt: '2026-12-01T10:00:00.000Z',
  openedAt: '2026-12-02T10:00:00.000Z',
  closedAt: null,
  counts: {
    audience: 10,
    due: 8,
    claimed: 1,
    done: 1,
    calls: 3,
    byOutcome: {
      no_answer: 2,
      wrong_number: 0,
      call_back: 0,
      conversation: 1,
      refused: 0,
      do_not_call: 0,
    },
  },
};

describe('the bank editor’s values', () => {
  it('start from the contract’s defaults and the phone-bank days and hours', () => {
    expect(emptyBank()).toMatchObject({
      access: 'supporters',
      claimMinutes: 15,
      maxAttempts: 3,
      retryMinutes: 240,
      committee: null,
    });
    const request = bankRequest(filled());
    expect(request.windows).toEqual(defaultPhoneBankWindows);
    expect(phoneBankInputSchema.safeParse(request).success).toBe(true);
  });

  it('give back a saved bank’s settings as its request, the committee by its name', () => {
    const values = editValues(saved, 'Comité de Nantes');
    expect(values.committee).toEqual({ id: 3, name: 'Comité de Nantes' });
    expect(editValues(saved).committee).toEqual({ id: 3, name: '#3' });
    expect(bankRequest(values)).toEqual({
      name: saved.name,
      segmentId: 4,
      questionnaireId: 9,
      script: saved.script,
      windows: saved.windows,
      committeeId: 3,
      access: 'committee',
      claimMinutes: 20,
      maxAttempts: 2,
      retryMinutes: 60,
    });
  });

  it('keep the script as typed, line breaks and markup-like text included', () => {
    const script = '  <b>Bonjour</b>\n\nVous avez une minute ?  ';
    expect(bankRequest(filled({ script })).script).toBe(script);
  });

  it('leave the audience out of a change once the bank has opened', () => {
    const values = editValues(saved, 'Comité de Nantes');
    const patch = bankPatch(values, saved);
    expect(patch).not.toHaveProperty('segmentId');
    expect(phoneBankPatchSchema.safeParse(patch).success).toBe(true);
    expect(bankPatch({ ...values, segmentId: '5' }, { ...saved, status: 'draft' })).toMatchObject({
      segmentId: 5,
    });
  });
});

describe('the bank editor’s checks', () => {
  const validate = bankValidation(t);

  it('accept a complete draft without questionnaire or committee', () => {
    expect(validate(filled())).toEqual({});
  });

  it('ask for the segment, and say bounds in words under each field', () => {
    expect(
      validate(
        filled({
          name: 'ab',
          segmentId: null,
          claimMinutes: 2,
          retryMinutes: 20_000,
          maxAttempts: '',
          weekdays: [],
        }),
      ),
    ).toEqual({
      name: '«calling.form.minLength {"min":3}»',
      segmentId: '«banks.form.segmentRequired»',
      claimMinutes: '«calling.form.atLeast {"min":5}»',
      retryMinutes: '«calling.form.atMost {"max":10080}»',
      maxAttempts: '«calling.form.number»',
      weekdays: '«error.required»',
    });
  });

  it('ask for the committee of a bank open to a committee’s members', () => {
    expect(validate(filled({ access: 'committee' }))).toEqual({
      committee: '«banks.form.committeeRequired»',
    });
    expect(validate(filled({ access: 'committee', committee: { id: 2, name: 'Nantes' } }))).toEqual(
      {},
    );
  });

  it('say a range ending before it starts under that range', () => {
    expect(
      validate(
        filled({
          windows: [
            { from: '10:00', to: '13:00' },
            { from: '15:00', to: '14:00' },
          ],
        }),
      ),
    ).toEqual({ 'windows.1.to': '«error.not_after_from»' });
  });
});

describe('the server’s refusals', () => {
  const refusal = () => {
    const set: Record<string, string> = {};
    const form = { setFieldError: (field: string, error: string) => (set[field] = error) };
    return { set, form };
  };

  it('name the editor’s fields', () => {
    expect(bankFormField('committeeId')).toBe('committee');
    expect(bankFormField('windows.windows.1.0')).toBe('windows.1.from');
    expect(bankFormField('windows.weekdays')).toBe('weekdays');
    expect(bankFormField('claimMinutes')).toBe('claimMinutes');
  });

  it('go under their fields, the rest above the button', () => {
    const { set, form } = refusal();
    const invalid = new ApiError(400, 'validation_failed', undefined, [
      { field: 'name', code: 'too_long', message: 'too_long' },
      { field: 'committeeId', code: 'required', message: '' },
    ]);
    expect(applyBankProblem(form, invalid, t, () => 'general')).toBeNull();
    expect(set).toEqual({ name: '«error.too_long»', committee: '«error.required»' });
    const closed = new ApiError(409, 'phone_bank_closed');
    expect(applyBankProblem(form, closed, t, () => 'general')).toBe('general');
  });

  it('about one field go under it, in the feature’s words', () => {
    const { set, form } = refusal();
    const frozen = new ApiError(409, 'phone_bank_audience_frozen');
    const text = (error: unknown) => `text of ${(error as ApiError).code}`;
    expect(applyBankProblem(form, frozen, t, text)).toBeNull();
    expect(applyBankProblem(form, new ApiError(422, 'unknown_questionnaire'), t, text)).toBeNull();
    expect(applyBankProblem(form, new ApiError(422, 'committee_required'), t, text)).toBeNull();
    expect(set).toEqual({
      segmentId: 'text of phone_bank_audience_frozen',
      questionnaireId: 'text of unknown_questionnaire',
      committee: 'text of committee_required',
    });
  });
});
