import { describe, expect, it } from 'vitest';
import { donationSettingsSchema, type DonationSettings } from '../../../contracts/donations.ts';
import {
  formToSettings,
  settingsFieldOf,
  settingsProblemText,
  settingsToForm,
  settingsValidation,
} from './settingsForm.ts';

const settings: DonationSettings = {
  enabled: true,
  mode: 'candidate',
  beneficiary: 'Marie Dupont',
  agent: {
    kind: 'person',
    name: 'Paul Martin',
    designatedOn: '2026-01-10',
    address: '1 rue de la Paix, 75002 Paris',
    phone: '',
    email: '',
    commissionId: '',
  },
  electionId: 3,
  collection: { opensOn: '2026-01-01', closesOn: '2026-06-30' },
  spendingCeilingCents: 3_800_050,
  suggestedCents: [2_000, 5_000, 10_050],
  monthly: true,
  receiptProcedure: 'paper',
};

describe('the donation settings form', () => {
  it('shows amounts in euros and gives the same settings back', () => {
    const values = settingsToForm(settings);
    expect(values.spendingCeiling).toBe('38000,50');
    expect(values.suggested).toBe('20 ; 50 ; 100,50');
    expect(values.electionId).toBe('3');
    expect(formToSettings(values)).toEqual(settings);
  });

  it('turns empty inputs into nulls', () => {
    const values = {
      ...settingsToForm(settings),
      electionId: '',
      spendingCeiling: ' ',
      collection: { opensOn: '', closesOn: '' },
      agent: { ...settings.agent, designatedOn: '' },
    };
    const request = formToSettings(values);
    expect(request.electionId).toBeNull();
    expect(request.spendingCeilingCents).toBeNull();
    expect(request.collection).toBeNull();
    expect(request.agent.designatedOn).toBeNull();
  });

  it('lets the contract refuse amounts that are not amounts, under their inputs', () => {
    const request = formToSettings({
      ...settingsToForm(settings),
      spendingCeiling: 'beaucoup',
      suggested: '20 ; trente',
    });
    const result = donationSettingsSchema.safeParse(request);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => settingsFieldOf(issue.path.join('.')));
    expect(paths).toContain('spendingCeiling');
    expect(paths).toContain('suggested');
  });

  it('names the form’s inputs for the server’s fields', () => {
    expect(settingsFieldOf('suggestedCents.2')).toBe('suggested');
    expect(settingsFieldOf('collection')).toBe('collection.opensOn');
    expect(settingsFieldOf('agent.designatedOn')).toBe('agent.designatedOn');
  });
});

describe('the donation settings form’s check', () => {
  const t = (key: string) => key;
  const check = settingsValidation(t as never);

  it('accepts valid settings', () => {
    expect(check(settingsToForm(settings))).toEqual({});
  });

  it('says the contract’s own rules under their inputs, in the form’s words', () => {
    const errors = check({
      ...settingsToForm(settings),
      electionId: '',
      receiptProcedure: 'dematerialised',
      collection: { opensOn: '2026-06-30', closesOn: '2026-01-01' },
      agent: { ...settings.agent, designatedOn: '' },
      suggested: '20 ; 5000',
    });
    expect(errors).toEqual({
      electionId: 'finance.settings.error.election',
      receiptProcedure: 'finance.settings.error.paperOnly',
      'collection.closesOn': 'finance.settings.error.closesOn',
      'agent.designatedOn': 'finance.settings.error.designatedOn',
      suggested: 'finance.settings.error.amounts',
    });
  });

  it('keeps the general words for other problems', () => {
    expect(settingsProblemText('beneficiary', 'too_small', ((k: string) => k) as never)).toBe(
      'error.required',
    );
    expect(settingsProblemText('agent.email', 'invalid_format', ((k: string) => k) as never)).toBe(
      'error.generic',
    );
    expect(settingsProblemText('agent.name', 'custom', ((k: string) => k) as never, 'Nope')).toBe(
      'Nope',
    );
  });
});
