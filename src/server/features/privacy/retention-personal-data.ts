import type { PersonalData } from '../../core/personal-data/registry.ts';
import { purgeElectionProspects } from './retention.ts';

/** What the retention of election prospects holds (see core/personal-data): counts only. */
export const retentionPersonalData: PersonalData = {
  feature: 'privacy-retention',
  processing: {
    name: 'Purge of election prospects',
    purpose:
      'Purge election-only prospect data (door-to-door contacts without further consent, imported call lists) after the vote and a delay, and report what was purged.',
    legalBasis: ['legal_obligation'],
    people: 'Prospects met or listed for one election; staff who set the delay.',
    data: 'Counts per table of what each purge removed; the delay and who set it.',
    recipients: 'Staff holding the privacy permission.',
    retention: 'Purge reports kept as accountability records; they hold counts only.',
    fr: {
      name: 'Purge des prospects électoraux',
      purpose:
        'Purger, après le scrutin et un délai, les données de prospects propres à une élection (contacts de porte-à-porte sans autre consentement, listes d’appel importées), et rendre compte de ce qui a été purgé.',
      people:
        'Prospects rencontrés ou listés pour une élection ; membres de l’équipe qui fixent le délai.',
      data: 'Nombre de lignes supprimées par table à chaque purge ; le délai et qui l’a fixé.',
      recipients: 'Membres de l’équipe habilités à gérer la protection des données.',
      retention:
        'Comptes rendus de purge conservés à titre de preuve de conformité ; ils ne contiennent que des décomptes.',
    },
  },
  tables: [
    {
      table: 'retention_runs',
      holds: 'The report of each purge of election prospects: counts per table, no one’s id.',
      personColumns: {},
      otherIds: { election_id: 'the election whose prospects were purged' },
      erase: { keep: 'Counts; they lead to nobody.' },
    },
    {
      table: 'retention_settings',
      holds: 'The delay before prospects are purged, and the staff member who set it.',
      personColumns: { updated_by: 'move' },
      erase: {
        keep: 'A setting: staff work, by the id of who did it (an erased person’s id says nothing).',
      },
    },
  ],
  // After each election's last round and the delay: people met only at a door, call lists.
  purges: [
    {
      name: 'electionProspects',
      async run(ctx) {
        const runs = await purgeElectionProspects(ctx);
        return runs.reduce((people, run) => people + run.people, 0);
      },
    },
  ],
};
