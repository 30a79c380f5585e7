import type { PersonalData } from './personal-data/registry.ts';

/** The audit log: who did what, by id (see core/personal-data). */
export const auditPersonalData: PersonalData = {
  feature: 'audit',
  processing: {
    name: 'Audit log',
    purpose: 'Keep accountability for sensitive acts on personal data (GDPR art. 5(2), 32).',
    legalBasis: ['legal_obligation', 'legitimate_interests'],
    people: 'Staff and people acting on data.',
    data: 'Who did what, when, from which IP address; targets by id.',
    recipients: 'Administrators holding the audit permission.',
    retention: 'Kept; ids only, which lead to nobody after an erasure.',
    fr: {
      name: 'Journal d’audit',
      purpose:
        'Assurer la traçabilité des actions sensibles sur les données personnelles (RGPD, art. 5(2) et 32).',
      people: 'Membres de l’équipe et personnes agissant sur les données.',
      data: 'Qui a fait quoi, quand, depuis quelle adresse IP ; cibles désignées par leur identifiant.',
      recipients: 'Administrateurs habilités à consulter le journal d’audit.',
      retention:
        'Conservé ; seulement des identifiants, qui ne mènent plus à personne après un effacement.',
    },
  },
  tables: [
    {
      table: 'audit_log',
      holds: 'Who did what and from which IP address; targets by id, never personal values.',
      personColumns: { actor_id: 'keep' },
      erase: {
        keep: 'Accountability for what staff did with personal data (GDPR art. 5(2)): ids only.',
      },
    },
  ],
};
