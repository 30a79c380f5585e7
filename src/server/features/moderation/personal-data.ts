import { sql } from 'drizzle-orm';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { runSql } from '../../core/db/statement.ts';

const keepDecisions =
  'Moderation decisions and sanctions are the record of what was done and why, kept to answer a dispute.';

/** What moderation holds about people (see core/personal-data). */
export const moderationPersonalData: PersonalData = {
  feature: 'moderation',
  processing: {
    name: 'Moderation',
    purpose: 'Handle reports about what people post, and sanctions.',
    legalBasis: ['legitimate_interests'],
    people: 'People who report, people reported, moderators.',
    data: 'Reports and their reasons, decisions, suspensions and bans.',
    recipients: 'Moderators.',
    retention: 'Decisions and sanctions kept to enforce them; reports deleted with their author.',
    fr: {
      name: 'Modération',
      purpose: 'Traiter les signalements visant ce que les personnes publient, et les sanctions.',
      people: 'Auteurs de signalements, personnes signalées, modérateurs.',
      data: 'Signalements et leurs motifs, décisions, suspensions et exclusions.',
      recipients: 'Modérateurs.',
      retention:
        'Décisions et sanctions conservées pour les faire respecter ; signalements supprimés avec leur auteur.',
    },
  },
  tables: [
    {
      table: 'reports',
      holds: 'Reports a person made: the target, the reason and their words.',
      personColumns: { reporter_id: 'move' },
      otherIds: { target_id: 'the committee or event reported (target_kind says which)' },
      // The report stays for the moderators; who made it is forgotten.
      erase: {
        run: async (query, campaignId, people) => {
          await runSql(
            query,
            sql`UPDATE reports SET reporter_id = NULL
                 WHERE campaign_id = ${campaignId} AND reporter_id = ANY(${people.map((p) => p.id)})`,
          );
        },
      },
    },
    {
      table: 'moderation_decisions',
      holds: 'Decisions about what a person posted, and which moderator took them.',
      personColumns: { author_person_id: 'move', moderator_id: 'keep' },
      otherIds: { target_id: 'the committee or event decided on (target_kind says which)' },
      erase: { keep: keepDecisions },
    },
    {
      table: 'moderation_sanctions',
      holds: 'Suspensions and bans of a person, who decided and who lifted them.',
      personColumns: { person_id: 'move', decided_by: 'keep', lifted_by: 'keep' },
      erase: { keep: keepDecisions },
    },
  ],
};
