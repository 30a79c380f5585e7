import { sql } from 'drizzle-orm';
import { streetNameKey } from './street-key.ts';

/**
 * Whatever a street may hold: plenty for the longest street and its namesakes sharing its
 * last word in a big city, few enough to read in a request.
 */
export const STREET_ROWS_MAX = 5_000;

/**
 * The campaign's addresses in these communes on streets whose name ends with the typed
 * street's last word (`field_addresses_street_name_idx`).
 */
export const streetRowsSql = (campaignId: number, communeCodes: string[], street: string) => sql`
  SELECT commune_code, street_key, street_name, number, suffix, postal_code, lon, lat
    FROM field_addresses
   WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communeCodes}::text[])
     AND ${streetNameKey(sql`street_name`)} = ${streetNameKey(sql`${street}::text`)}
   ORDER BY commune_code, street_key, number, suffix NULLS FIRST
   LIMIT ${STREET_ROWS_MAX}`;

/** How many addresses the campaign holds in these communes and their mean point. */
export const communeMeanSql = (campaignId: number, communeCodes: string[]) => sql`
  SELECT count(*)::int AS n, avg(lon) AS lon, avg(lat) AS lat
    FROM field_addresses
   WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communeCodes}::text[])`;
