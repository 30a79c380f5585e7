import { manualGiftSchema } from '../../../contracts/donations-finance.ts';
import { TIME_ZONE } from '../../core/format.ts';
import { validateContract } from './validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import type { ManualGiftInput } from './hooks.ts';

/** The record-a-gift form: the request's shape, the civility empty until chosen. */
export type ManualGiftValues = Omit<ManualGiftInput, 'donor'> & {
  donor: Omit<ManualGiftInput['donor'], 'civility'> & { civility: '' | 'M' | 'Mme' };
};

/** Today in the campaign's time zone (YYYY-MM-DD). */
export function campaignToday(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(at);
}

export function emptyManualGift(today: string): ManualGiftValues {
  return {
    donor: {
      civility: '',
      firstName: '',
      lastName: '',
      addressLine1: '',
      addressLine2: '',
      postalCode: '',
      commune: '',
      country: 'FR',
      nationality: 'FR',
      email: '',
      phone: '',
    },
    kind: 'gift',
    amount: '',
    means: 'cheque',
    givenOn: today,
    bank: '',
    chequeNumber: '',
    reference: '',
    naturalPerson: false,
    frenchOrResident: false,
  };
}

/** The request: only the details of the chosen means are sent. */
export function manualGiftRequest(values: ManualGiftValues): ManualGiftInput {
  const { donor, bank, chequeNumber, reference, ...rest } = values;
  return {
    ...rest,
    donor: {
      ...donor,
      civility: donor.civility === '' ? null : donor.civility,
      // Codes are capitals; "fr" typed is France.
      country: (donor.country ?? 'FR').trim().toUpperCase(),
      nationality: (donor.nationality ?? 'FR').trim().toUpperCase(),
    },
    bank: values.means === 'cheque' ? bank : '',
    chequeNumber: values.means === 'cheque' ? chequeNumber : '',
    reference: values.means === 'transfer' ? reference : '',
  };
}

export const manualGiftValidation = (t: Translate) =>
  validateContract<ManualGiftValues>(manualGiftSchema, t, manualGiftRequest);

export const manualGiftFields = [
  'donor.civility',
  'donor.firstName',
  'donor.lastName',
  'donor.addressLine1',
  'donor.addressLine2',
  'donor.postalCode',
  'donor.commune',
  'donor.country',
  'donor.nationality',
  'donor.email',
  'donor.phone',
  'kind',
  'amount',
  'means',
  'givenOn',
  'bank',
  'chequeNumber',
  'reference',
  'naturalPerson',
  'frenchOrResident',
] as const;
