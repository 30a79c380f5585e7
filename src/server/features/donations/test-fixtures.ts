import type { DonationSettings } from '../../../contracts/donations.ts';
import type { Browser, TestApp } from '../../testing/harness.ts';
import { createElection } from '../compliance/elections.ts';

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

/**
 * Opens donations as a candidate's for the campaign's first election, created here (so id 1
 * in the test's own new database; said loudly otherwise). Its vote is years away: no
 * pre-election silence falls on the days the tests use.
 */
export async function openCandidateDonations(
  t: TestApp,
  finance: Browser,
  settings: DonationSettings = candidateSettings(),
): Promise<void> {
  const election = await createElection(
    t.ctx,
    { name: 'Municipales', kind: 'local', rounds: [{ date: '2029-03-11' }] },
    null,
  );
  if (election.id !== settings.electionId) {
    throw new Error(
      `The test's election is ${election.id}, its settings say ${settings.electionId}`,
    );
  }
  const saved = await finance.put('/api/donations/settings', settings);
  if (saved.statusCode !== 200) throw new Error(`Donation settings refused: ${saved.body}`);
}
