import { sql, type SQL } from 'drizzle-orm';

/**
 * A person's commune (INSEE code of their address), as a statement for a LATERAL join
 * (`person` is the outer query's person id), for the impact dashboard (features/insights).
 */
export const personCommune = (campaignId: number, person: SQL): SQL =>
  sql`SELECT p.commune_code FROM people p WHERE p.campaign_id = ${campaignId} AND p.id = ${person}`;
