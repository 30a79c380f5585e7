import type { PersonalData } from '../../core/personal-data/registry.ts';

/** What audience snapshots hold about a person (see core/personal-data). */
export const audiencesPersonalData: PersonalData = {
  feature: 'audiences',
  processing: {
    name: 'Frozen audiences',
    purpose: 'Freeze who a mailing or a call campaign goes to, so a send reaches a fixed list.',
    legalBasis: ['consent', 'legitimate_interests'],
    people: 'Supporters in an audience; staff who took it.',
    data: 'Person ids in a frozen audience.',
    recipients: 'Staff sending messages.',
    retention: 'As long as the send it was frozen for; erased with the person.',
    fr: {
      name: 'Listes de destinataires figées',
      purpose:
        'Figer les destinataires d’un envoi ou d’une campagne d’appels, pour qu’un envoi atteigne une liste arrêtée.',
      people: 'Sympathisants figurant dans une liste ; membres de l’équipe qui l’ont constituée.',
      data: 'Identifiants des personnes figurant dans une liste figée.',
      recipients: 'Membres de l’équipe chargés des envois.',
      retention:
        'Aussi longtemps que l’envoi pour lequel la liste a été figée ; supprimées avec la personne lors de son effacement.',
    },
  },
  tables: [
    {
      table: 'audience_members',
      holds: 'That the person was in an audience frozen for a send.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'audience_snapshots',
      holds: 'Frozen audiences: only the id of the staff member who took each.',
      personColumns: { created_by: 'move' },
      erase: {
        keep: 'A filter holds no personal data; its author id is that of an erased person.',
      },
    },
  ],
};
