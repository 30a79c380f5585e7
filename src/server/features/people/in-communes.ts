import { sql, type SQL } from 'drizzle-orm';

/**
 * The ids of the people living in these communes (by the INSEE code of their address), as a
 * statement other features select from (a call to action's audience): read by the people's
 * commune index, erased people left out.
 */
export const peopleInCommunes = (campaignId: number, codes: readonly string[]): SQL =>
  sql`SELECT p.id FROM people p
       WHERE p.campaign_id = ${campaignId} AND p.commune_code = ANY(${[...codes]}::text[])
         AND p.erased_at IS NULL`;
