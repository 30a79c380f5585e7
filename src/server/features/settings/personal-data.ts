import type { PersonalData } from '../../core/personal-data/registry.ts';

/** What the settings feature holds about a person (see core/personal-data). */
export const settingsPersonalData: PersonalData = {
  feature: 'settings',
  processing: {
    purpose:
      "Keep the campaign's settings and consent wordings, so each consent can be traced to the text shown.",
    legalBasis: ['legal_obligation'],
    people: 'Staff who saved a wording.',
    data: 'Staff ids only.',
    recipients: 'Campaign staff.',
    retention: 'As long as consents given under the wording are kept.',
  },
  tables: [
    {
      table: 'consent_wordings',
      // Its `email` and `phone` columns are the wording of those channels' boxes.
      holds: 'The consent texts staff saved, and the id of who saved each.',
      personColumns: { created_by: 'move' },
      erase: { keep: 'A wording holds no personal data; consents given under it name it.' },
    },
  ],
};
