import type { PersonalData } from '../../core/personal-data/registry.ts';

/**
 * What the impact dashboard holds about people (see core/personal-data): its aggregates are
 * counts by day, kind and territory, with no person in them; only who last edited the model.
 */
export const insightsPersonalData: PersonalData = {
  feature: 'insights',
  processing: {
    name: 'Impact estimates',
    purpose:
      'Estimate the votes the campaign’s contacts bring, by territory, from counts without names.',
    legalBasis: ['legitimate_interests'],
    people: 'Staff who edited the impact model.',
    data: 'Staff ids only; contacts are counted by day, kind and territory.',
    recipients: 'Campaign staff with the statistics permission.',
    retention: 'As long as the campaign keeps its statistics.',
    fr: {
      name: 'Estimation de l’impact électoral',
      purpose:
        'Estimer, par territoire, les voix qu’apportent les contacts de la campagne, à partir de décomptes sans nom.',
      people: 'Membres de l’équipe ayant modifié le modèle d’impact.',
      data: 'Identifiants des membres de l’équipe uniquement ; les contacts sont comptés par jour, type et territoire.',
      recipients: 'Membres de l’équipe habilités à consulter les statistiques.',
      retention: 'Aussi longtemps que la campagne conserve ses statistiques.',
    },
  },
  tables: [
    {
      table: 'insights_effects',
      holds: 'The impact model’s effect sizes, and the id of who edited them last.',
      personColumns: { updated_by: 'move' },
      erase: {
        keep: 'The effect sizes: staff work, by the id of who did it (an erased person’s id says nothing).',
      },
    },
  ],
};
