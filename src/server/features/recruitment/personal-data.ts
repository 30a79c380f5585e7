import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { iso, when } from '../people/data-file-sections.ts';
import { purgeUnconfirmed } from './service.ts';

/** What the recruitment feature holds about a person (see core/personal-data). */
export const recruitmentPersonalData: PersonalData = {
  feature: 'recruitment',
  tables: [
    {
      table: 'signups',
      holds: 'Each sign-up form the person sent, as submitted, and when it was confirmed.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
  ],
  dataFile: [
    {
      key: 'signUps',
      schema: z.array(
        z.object({
          source: z.string().nullable(),
          submitted: z.unknown().describe('The form as it was submitted.'),
          createdAt: when,
          confirmedAt: when,
        }),
      ),
      async read(ctx, personId) {
        const rows = await ctx.database.query<{
          data: unknown;
          source: string;
          created_at: Date;
          confirmed_at: Date | null;
        }>(
          sql`SELECT data, source, created_at, confirmed_at FROM signups
               WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} ORDER BY created_at`,
        );
        return rows.map((s) => ({
          source: s.source,
          submitted: s.data,
          createdAt: iso(s.created_at),
          confirmedAt: iso(s.confirmed_at),
        }));
      },
    },
  ],
  // Sign-ups never confirmed, and the people who exist only through them.
  purges: [{ name: 'unconfirmed', run: purgeUnconfirmed }],
};
