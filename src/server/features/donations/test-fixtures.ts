import type { DonationSettings } from '../../../contracts/donations.ts';

/** Donation settings of a candidate collecting now, for tests. */
export const candidateSettings = (overrides: Partial<DonationSettings> = {}): DonationSettings => ({
  enabled: true,
  mode: 'candidate',
  beneficiary: 'Claire Martin',
  agent: {
    kind: 'person',
    name: 'Jean Dupont',
    designatedOn: '2026-09-01',
    address: '1 rue de la Paix, 75002 Paris',
    phone: '',
    email: '',
    commissionId: '',
  },
  electionId: 1,
  collection: { opensOn: '2026-01-01', closesOn: '2027-12-31' },
  spendingCeilingCents: 5_000_000,
  suggestedCents: [2_000, 5_000, 10_000],
  monthly: true,
  receiptProcedure: 'paper',
  ...overrides,
});

/** The public form as a browser posts it. */
export const giftForm = (fields: Record<string, string> = {}) =>
  new URLSearchParams({
    amount: '5000',
    frequency: 'once',
    civility: 'Mme',
    firstName: 'Alice',
    lastName: 'Bernard',
    addressLine1: '12 rue des Lilas',
    postalCode: '69003',
    commune: 'Lyon',
    country: 'FR',
    email: 'alice@donors.example',
    naturalPerson: 'true',
    frenchOrResident: 'true',
    locale: 'fr',
    ...fields,
  }).toString();
