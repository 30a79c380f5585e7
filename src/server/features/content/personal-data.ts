import { sql } from 'drizzle-orm';
import { shareCountsSchema } from '../../../contracts/content.ts';
import { runSql } from '../../core/db/statement.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { shareCountsOf } from './attribution.ts';

/** What content holds about people (see core/personal-data). */
export const contentPersonalData: PersonalData = {
  feature: 'content',
  processing: {
    name: 'Articles and sharing',
    purpose: 'Publish articles and talking points and credit supporters who share them.',
    legalBasis: ['legitimate_interests'],
    people: 'Staff who write; supporters who share.',
    data: 'Author ids, share visits (day, a random browser key), share credits.',
    recipients: 'Staff publishing content; the share leaderboard shows sharers.',
    retention: "As long as the content and the sharer's record.",
    fr: {
      name: 'Articles et partages',
      purpose:
        'Publier des articles et des éléments de langage, et créditer les sympathisants qui les partagent.',
      people: 'Membres de l’équipe qui rédigent ; sympathisants qui partagent.',
      data: 'Identifiants des auteurs, visites issues des partages (jour, clé aléatoire du navigateur), crédits de partage.',
      recipients:
        'Membres de l’équipe qui publient ; le classement des partages montre qui partage.',
      retention: 'Aussi longtemps que le contenu et la fiche de la personne qui partage.',
    },
  },
  tables: [
    {
      table: 'content_items',
      holds: 'Articles and talking points: only the id of the staff member who wrote each.',
      personColumns: { author_id: 'move' },
      erase: {
        run: async (query, campaignId, people) => {
          await runSql(
            query,
            sql`UPDATE content_items SET author_id = NULL
                 WHERE campaign_id = ${campaignId} AND author_id = ANY(${people.map((p) => p.id)}::bigint[])`,
          );
        },
      },
    },
    {
      table: 'content_share_visits',
      holds:
        'Visits through a supporter’s share links: the sharer, the day and a random key of the visiting browser.',
      personColumns: { sharer_id: 'move' },
      otherIds: { item_id: 'the item shared' },
      erase: { deleteWhere: 'sharer_id' },
    },
    {
      table: 'content_share_credits',
      holds:
        'That a sign-up (the person) or a gift (its id) came through a supporter’s share link.',
      personColumns: { sharer_id: 'move', person_id: 'move' },
      otherIds: { donation_id: 'the gift' },
      erase: {
        run: async (query, campaignId, people) => {
          const ids = people.map((p) => p.id);
          await runSql(
            query,
            sql`DELETE FROM content_share_credits WHERE campaign_id = ${campaignId}
                   AND (sharer_id = ANY(${ids}::bigint[]) OR person_id = ANY(${ids}::bigint[]))`,
          );
        },
      },
    },
  ],
  dataFile: [
    {
      key: 'shares',
      schema: shareCountsSchema,
      read: (ctx, personId) => shareCountsOf(ctx, personId),
    },
  ],
};
