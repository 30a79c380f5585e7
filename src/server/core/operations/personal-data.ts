import type { PersonalData } from '../personal-data/registry.ts';

/** Long work (imports…): who started each (see core/personal-data). */
export const operationsPersonalData: PersonalData = {
  feature: 'operations',
  processing: {
    purpose: 'Follow long tasks (imports, sends) staff start.',
    legalBasis: ['legitimate_interests'],
    people: 'Staff who start an operation.',
    data: 'Staff ids, labels (file names), progress.',
    recipients: 'Staff.',
    retention: "As long as the operation's history is kept.",
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
