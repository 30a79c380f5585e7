import { parseEuros } from '../../../contracts/donation-law.ts';
import type { DonationSettings } from '../../../contracts/donations.ts';
import { centsListToInput, centsToInput, parseEurosList } from './money.ts';

/** The settings form: the contract's shape, with the numbers and amounts as typed. */
export type SettingsFormValues = Omit<
  DonationSettings,
  'electionId' | 'collection' | 'spendingCeilingCents' | 'suggestedCents' | 'agent'
> & {
  agent: Omit<DonationSettings['agent'], 'designatedOn'> & { designatedOn: string };
  electionId: string;
  collection: { opensOn: string; closesOn: string };
  spendingCeiling: string;
  suggested: string;
};

export function settingsToForm(settings: DonationSettings): SettingsFormValues {
  const { electionId, collection, spendingCeilingCents, suggestedCents, agent, ...rest } = settings;
  return {
    ...rest,
    agent: { ...agent, designatedOn: agent.designatedOn ?? '' },
    electionId: electionId === null ? '' : String(electionId),
    collection: collection ?? { opensOn: '', closesOn: '' },
    spendingCeiling: spendingCeilingCents === null ? '' : centsToInput(spendingCeilingCents),
    suggested: centsListToInput(suggestedCents),
  };
}

/**
 * The request the form's values make. An amount that is not one becomes NaN, so the
 * contract's check (the server's) refuses it under its field.
 */
export function formToSettings(values: SettingsFormValues): DonationSettings {
  const { electionId, collection, spendingCeiling, suggested, agent, ...rest } = values;
  const election = electionId.trim() === '' ? null : Number(electionId);
  const ceiling = spendingCeiling.trim() === '' ? null : (parseEuros(spendingCeiling) ?? NaN);
  return {
    ...rest,
    agent: { ...agent, designatedOn: agent.designatedOn || null },
    electionId: election,
    collection:
      collection.opensOn === '' && collection.closesOn === ''
        ? null
        : { opensOn: collection.opensOn, closesOn: collection.closesOn },
    spendingCeilingCents: ceiling,
    suggestedCents: parseEurosList(suggested) ?? [NaN],
  };
}

/** The form's input for a field the contract (and the server's answer) names. */
export function settingsFieldOf(path: string): string {
  if (path.startsWith('suggestedCents')) return 'suggested';
  if (path === 'spendingCeilingCents') return 'spendingCeiling';
  if (path === 'collection') return 'collection.opensOn';
  return path;
}

/** Every input of the form that can carry an error. */
export const settingsFields = [
  'enabled',
  'mode',
  'beneficiary',
  'agent.kind',
  'agent.name',
  'agent.designatedOn',
  'agent.address',
  'agent.phone',
  'agent.email',
  'agent.commissionId',
  'electionId',
  'collection.opensOn',
  'collection.closesOn',
  'spendingCeiling',
  'suggested',
  'monthly',
  'receiptProcedure',
] as const;
