import { parseEuros } from '../../../contracts/donation-law.ts';
import { donationSettingsSchema, type DonationSettings } from '../../../contracts/donations.ts';
import { fieldProblems } from '../../../contracts/field-problems.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import { translateCode } from '../../core/errors.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
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

/** The contract's own rules (its `custom` issues) and the amounts, said for this form. */
const problemKeys: Record<string, MessageKey> = {
  electionId: 'finance.settings.error.election',
  'collection.opensOn': 'finance.settings.error.collection',
  'collection.closesOn': 'finance.settings.error.closesOn',
  receiptProcedure: 'finance.settings.error.paperOnly',
  'agent.designatedOn': 'finance.settings.error.designatedOn',
  spendingCeiling: 'finance.settings.error.amount',
  suggested: 'finance.settings.error.amounts',
};

/** The sentence for a problem of one of the form's inputs (named as the form names them). */
export function settingsProblemText(field: string, code: string, t: Translate, fallback?: string) {
  const amount = field === 'spendingCeiling' || field === 'suggested';
  const key = code === 'custom' || amount ? problemKeys[field] : undefined;
  if (key) return t(key);
  // The form's other minimums are its required texts (at least one character).
  return translateCode(code === 'too_small' ? 'required' : code, t, fallback);
}

/** The form's check: the contract's, each problem under its input in the visitor's words. */
export function settingsValidation(t: Translate) {
  return (values: SettingsFormValues): FormErrors => {
    const result = donationSettingsSchema.safeParse(formToSettings(values));
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const problem of fieldProblems(result.error.issues)) {
      const field = settingsFieldOf(problem.field);
      errors[field] ??= settingsProblemText(field, problem.code, t);
    }
    return errors;
  };
}
