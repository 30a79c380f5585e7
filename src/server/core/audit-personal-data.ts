import type { PersonalData } from './personal-data/registry.ts';

/** The audit log: who did what, by id (see core/personal-data). */
export const auditPersonalData: PersonalData = {
  feature: 'audit',
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
