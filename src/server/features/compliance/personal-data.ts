import type { PersonalData } from '../../core/personal-data/registry.ts';

/** What the compliance feature holds that concerns people (see core/personal-data). */
export const compliancePersonalData: PersonalData = {
  feature: 'compliance',
  processing: {
    name: 'Contact rules and opt-outs',
    purpose:
      'Respect contact rules: opt-outs, bounced addresses, quiet hours and the pre-election silence.',
    legalBasis: ['legal_obligation'],
    people: 'People who opted out or whose address bounced.',
    data: 'Keyed hashes of addresses and numbers, with the reason.',
    recipients: 'Nobody: used by the sending code only.',
    retention: 'Kept after every purge and erasure, so an opt-out is never lost.',
    fr: {
      name: 'Règles de contact et oppositions',
      purpose:
        'Respecter les règles de contact : oppositions, adresses en échec, plages horaires interdites et silence électoral avant le scrutin.',
      people: 'Personnes qui se sont opposées à être contactées ou dont l’adresse est en échec.',
      data: 'Empreintes à clé secrète des adresses et des numéros, avec le motif.',
      recipients: 'Aucun : seul le code d’envoi les utilise.',
      retention:
        'Conservées après toute purge et tout effacement, pour qu’une opposition ne soit jamais perdue.',
    },
  },
  tables: [
    {
      table: 'mail_suppressions',
      holds:
        'Addresses that bounced or complained, as a keyed hash of the address (not the address).',
      personColumns: {},
      erase: {
        keep: 'An address that bounced or complained must stay blocked after an erasure or a purge; only a keyed hash is kept, which cannot be read back into the address.',
      },
    },
  ],
};
