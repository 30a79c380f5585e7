import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rankSchema } from '../../../contracts/access.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { runSql } from '../../core/db/statement.ts';

const membershipFileSchema = z.array(
  z.object({
    committee: z.string(),
    rank: rankSchema,
    shareContact: z.boolean(),
    subscribed: z.boolean(),
    joinedAt: z.string(),
  }),
);

/** What committees hold about people (see core/personal-data). */
export const committeesPersonalData: PersonalData = {
  feature: 'committees',
  tables: [
    {
      table: 'committee_members',
      holds: 'The committees a person joined or follows, their rank and what they share.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'committees',
      holds: 'Committees: who created each, and the contact its organisers published.',
      personColumns: { created_by: 'move' },
      erase: {
        keep: 'A committee belongs to its members; its creator id is that of an erased person.',
      },
    },
    {
      table: 'committee_messages',
      holds: 'Messages an organiser wrote to the members: their author.',
      personColumns: { author_id: 'move' },
      erase: {
        keep: 'A message belongs to the committee that received it; its author id is that of an erased person.',
      },
    },
  ],
  dataFile: [
    {
      key: 'committees',
      schema: membershipFileSchema,
      async read(ctx, personId) {
        const rows = await runSql<{
          name: string;
          rank: z.infer<typeof rankSchema>;
          share_contact: boolean;
          subscribed: boolean;
          joined_at: Date | string;
        }>(
          ctx.database,
          sql`SELECT c.name, m.rank, m.share_contact, m.subscribed, m.joined_at
                FROM committee_members m
                JOIN committees c ON c.campaign_id = m.campaign_id AND c.id = m.committee_id
               WHERE m.campaign_id = ${ctx.campaignId} AND m.person_id = ${personId}
               ORDER BY m.joined_at`,
        );
        return rows.map((row) => ({
          committee: row.name,
          rank: row.rank,
          shareContact: row.share_contact,
          subscribed: row.subscribed,
          joinedAt: new Date(row.joined_at).toISOString(),
        }));
      },
    },
  ],
};
