import type { PersonalData } from '../personal-data/registry.ts';

/** Long work (imports…): who started each (see core/personal-data). */
export const operationsPersonalData: PersonalData = {
  feature: 'operations',
  processing: {
    name: 'Long-running operations',
    purpose: 'Follow long tasks (imports, sends) staff start.',
    legalBasis: ['legitimate_interests'],
    people: 'Staff who start an operation.',
    data: 'Staff ids, labels (file names), progress.',
    recipients: 'Staff.',
    retention: "As long as the operation's history is kept.",
    fr: {
      name: 'Suivi des opérations longues',
      purpose: 'Suivre les tâches longues (imports, envois) lancées par l’équipe.',
      people: 'Membres de l’équipe qui lancent une opération.',
      data: 'Identifiants des membres de l’équipe, libellés (noms de fichiers), avancement.',
      recipients: 'L’équipe de campagne.',
      retention: 'Aussi longtemps que l’historique des opérations est conservé.',
    },
  },
  tables: [
    {
      table: 'operations',
      holds: 'Long work (an import…): its label, progress and the id of who started it.',
      personColumns: { started_by: 'move' },
      erase: { keep: 'Staff work, by the id of who started it; an import label is a file name.' },
    },
  ],
};
