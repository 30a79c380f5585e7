import type { PersonalData } from '../../core/personal-data/registry.ts';

/** What the settings feature holds about a person (see core/personal-data). */
export const settingsPersonalData: PersonalData = {
  feature: 'settings',
  processing: {
    name: 'Campaign settings and consent wordings',
    purpose:
      "Keep the campaign's settings and consent wordings, so each consent can be traced to the text shown.",
    legalBasis: ['legal_obligation'],
    people: 'Staff who saved a wording.',
    data: 'Staff ids only.',
    recipients: 'Campaign staff.',
    retention: 'As long as consents given under the wording are kept.',
    fr: {
      name: 'Paramètres de la campagne et textes de consentement',
      purpose:
        'Conserver les paramètres de la campagne et les textes de consentement, afin de rattacher chaque consentement au texte présenté.',
      people: 'Membres de l’équipe ayant enregistré un texte.',
      data: 'Identifiants des membres de l’équipe uniquement.',
      recipients: 'L’équipe de campagne.',
      retention: 'Aussi longtemps que sont conservés les consentements recueillis avec ce texte.',
    },
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
