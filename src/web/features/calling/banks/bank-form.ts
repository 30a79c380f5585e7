import {
  defaultPhoneBankWindows,
  phoneBankInputSchema,
  type PhoneBank,
  type PhoneBankAccess,
  type PhoneBankInput,
} from '../../../../contracts/phone-banks.ts';
import type { FormErrors } from '../../../core/form-validation.ts';
import type { Translate } from '../../../core/i18n/index.tsx';
import type { CommitteeChoice } from '../../field/CommitteePicker.tsx';
import { formField as broadcastFormField } from '../broadcast-form.ts';
import {
  applyEditorProblem,
  idOf,
  idText,
  numberOf,
  optionalId,
  schemaErrors,
  type FormLike,
} from '../editor-form.ts';
import {
  addRangeErrors,
  windowsRequest,
  windowsValues,
  type WindowsValues,
} from '../windows-form.ts';
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
} & WindowsValues &
  Record<QueueField, number | string>;

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
    ...windowsValues(defaultPhoneBankWindows),
    ...queueDefaults(),
  };
}

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
    ...windowsValues(bank.windows),
    claimMinutes: bank.claimMinutes,
    maxAttempts: bank.maxAttempts,
    retryMinutes: bank.retryMinutes,
  };
}

/** The request the create route takes. */
export function bankRequest(values: BankValues): PhoneBankInput {
  return {
    name: values.name.trim(),
    segmentId: idOf(values.segmentId),
    questionnaireId: optionalId(values.questionnaireId),
    script: values.script,
    windows: windowsRequest(values),
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

/**
 * The editor's checks: the contract's schema under the editor's fields, then what it cannot
 * say: the segment to choose, the committee a committee's bank needs, a range ending before
 * it starts (under that range).
 */
export function bankValidation(t: Translate): (values: BankValues) => FormErrors {
  return (values) => {
    const errors = schemaErrors(phoneBankInputSchema, bankRequest(values), t, bankFormField);
    if (!values.segmentId) errors.segmentId = t('banks.form.segmentRequired');
    if (values.access === 'committee' && !values.committee)
      errors.committee = t('banks.form.committeeRequired');
    addRangeErrors(errors, values, t);
    return errors;
  };
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
  return applyEditorProblem(form, error, t, text, { formField: bankFormField, codeFields });
}
