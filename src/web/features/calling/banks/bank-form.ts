import type { z } from 'zod';
import {
  defaultPhoneBankWindows,
  phoneBankInputSchema,
  type PhoneBank,
  type PhoneBankAccess,
  type PhoneBankInput,
} from '../../../../contracts/phone-banks.ts';
import { ApiError } from '../../../core/api.ts';
import { fieldErrorText, translateCode } from '../../../core/errors.ts';
import type { FormErrors } from '../../../core/form-validation.ts';
import type { Translate } from '../../../core/i18n/index.tsx';
import type { CommitteeChoice } from '../../field/CommitteePicker.tsx';
import { formField as broadcastFormField, type TimeRange } from '../broadcast-form.ts';
import type { PhoneBankPatch } from './hooks.ts';

/** The queue's settings, as number inputs hold them ('' when emptied). */
export const QUEUE_FIELDS = ['claimMinutes', 'maxAttempts', 'retryMinutes'] as const;
export type QueueField = (typeof QUEUE_FIELDS)[number];

/**
 * The bank editor, flat: ids as the selects hold them (strings), the committee as its picker
 * holds it, the windows as WindowsFields edits them (the same three fields as a broadcast's).
 */
export type BankValues = {
  name: string;
  segmentId: string | null;
  questionnaireId: string | null;
  script: string;
  committee: CommitteeChoice | null;
  access: PhoneBankAccess;
  weekdays: number[];
  windows: TimeRange[];
  closedOnPublicHolidays: boolean;
} & Record<QueueField, number | string>;

/** The contract's defaults for the queue: 15 minutes a claim, 3 attempts, 4 hours between. */
const queueDefaults = (): Record<QueueField, number> =>
  phoneBankInputSchema
    .pick({ claimMinutes: true, maxAttempts: true, retryMinutes: true })
    .parse({});

/** A new bank: the contract's defaults, the phone-bank days and hours. */
export function emptyBank(): BankValues {
  return {
    name: '',
    segmentId: null,
    questionnaireId: null,
    script: '',
    committee: null,
    access: 'supporters',
    weekdays: [...defaultPhoneBankWindows.weekdays],
    windows: defaultPhoneBankWindows.windows.map(([from, to]) => ({ from: from!, to: to! })),
    closedOnPublicHolidays: defaultPhoneBankWindows.closedOnPublicHolidays,
    ...queueDefaults(),
  };
}

const idText = (id: number | null) => (id === null ? null : String(id));

/** The editor's values of a saved bank; its committee's name comes from elsewhere. */
export function editValues(bank: PhoneBank, committeeName: string | null = null): BankValues {
  return {
    name: bank.name,
    segmentId: String(bank.segmentId),
    questionnaireId: idText(bank.questionnaireId),
    script: bank.script,
    committee:
      bank.committeeId === null
        ? null
        : { id: bank.committeeId, name: committeeName ?? `#${bank.committeeId}` },
    access: bank.access,
    weekdays: [...bank.windows.weekdays],
    windows: bank.windows.windows.map(([from, to]) => ({ from: from!, to: to! })),
    closedOnPublicHolidays: bank.windows.closedOnPublicHolidays,
    claimMinutes: bank.claimMinutes,
    maxAttempts: bank.maxAttempts,
    retryMinutes: bank.retryMinutes,
  };
}

/** A select's id as a number; NaN when none is chosen (the schema refuses it). */
const idOf = (value: string | null) => (value ? Number(value) : Number.NaN);
const optionalId = (value: string | null) => (value ? Number(value) : null);
/** A number input's value; NaN when empty (the schema refuses it). */
const numberOf = (value: number | string) =>
  typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);

/** The request the create route takes. */
export function bankRequest(values: BankValues): PhoneBankInput {
  return {
    name: values.name.trim(),
    segmentId: idOf(values.segmentId),
    questionnaireId: optionalId(values.questionnaireId),
    script: values.script,
    windows: {
      weekdays: [...values.weekdays].sort((a, b) => a - b),
      windows: values.windows.map(({ from, to }) => [from, to]),
      closedOnPublicHolidays: values.closedOnPublicHolidays,
    },
    committeeId: values.committee?.id ?? null,
    access: values.access,
    claimMinutes: numberOf(values.claimMinutes),
    maxAttempts: numberOf(values.maxAttempts),
    retryMinutes: numberOf(values.retryMinutes),
  };
}

/**
 * The change the update route takes: every setting, but the audience once the bank has
 * opened (it was frozen then; the server refuses a new one).
 */
export function bankPatch(values: BankValues, bank: PhoneBank): PhoneBankPatch {
  const { segmentId, ...rest } = bankRequest(values);
  return bank.status === 'draft' ? { segmentId, ...rest } : rest;
}

/** The editor's field for a field of the request ('committeeId' → 'committee'…). */
export function bankFormField(requestField: string): string {
  if (requestField === 'committeeId') return 'committee';
  return broadcastFormField(requestField);
}

/** Problem codes about one field, without a list of field errors. */
const codeFields: Record<string, string> = {
  phone_bank_audience_frozen: 'segmentId',
  unknown_segment: 'segmentId',
  unknown_questionnaire: 'questionnaireId',
  unknown_committee: 'committee',
  committee_required: 'committee',
};

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
 * The editor's checks: the contract's schema under the editor's fields, then what it cannot
 * say: the segment to choose, the committee a committee's bank needs, a range ending before
 * it starts (under that range).
 */
export function bankValidation(t: Translate): (values: BankValues) => FormErrors {
  return (values) => {
    const errors: FormErrors = {};
    const result = phoneBankInputSchema.safeParse(bankRequest(values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors[bankFormField(issue.path.map(String).join('.'))] ??= issueText(issue, t);
      }
    }
    if (!values.segmentId) errors.segmentId = t('banks.form.segmentRequired');
    if (values.access === 'committee' && !values.committee)
      errors.committee = t('banks.form.committeeRequired');
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
 * The server's refusal of a bank: its field errors (or the field its code is about) under the
 * editor's fields; returns what to show above the button (null when every error found its
 * field).
 */
export function applyBankProblem(
  form: FormLike,
  error: unknown,
  t: Translate,
  text: (error: unknown) => string,
): string | null {
  if (!(error instanceof ApiError)) return text(error);
  if (error.errors.length > 0) {
    for (const problem of error.errors) {
      form.setFieldError(bankFormField(problem.field), fieldErrorText(problem, t));
    }
    return null;
  }
  const field = codeFields[error.code];
  if (!field) return text(error);
  form.setFieldError(field, text(error));
  return null;
}
