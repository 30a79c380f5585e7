import { sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../../core/db/index.ts';

/** The addresses whose polling station is (re)found: those of an import, or of some communes. */
export type LinkScope = { importId: number } | { communes: string[] };

const inScope = (scope: LinkScope): SQL =>
  'importId' in scope
    ? sql`a.import_id = ${scope.importId}`
    : sql`a.commune_code = ANY(${scope.communes}::text[])`;

const counted = async (query: Query, update: SQL) => {
  const [row] = await query<{ n: number }>(
    sql`WITH linked AS (${update} RETURNING 1) SELECT count(*)::int AS n FROM linked`,
  );
  return row.n;
};

/** By the address's own BAN id in INSEE's table (its first station when it names several). */
export function linkByReu(query: Query, campaignId: number, scope: LinkScope) {
  return counted(
    query,
    sql`UPDATE field_addresses a SET station_link = 'reu',
               station_id = (SELECT min(r.station_id) FROM field_reu_addresses r
                              WHERE r.campaign_id = a.campaign_id AND r.ban_id = a.ban_id)
         WHERE a.campaign_id = ${campaignId} AND ${inScope(scope)}
           AND EXISTS (SELECT 1 FROM field_reu_addresses r
                        WHERE r.campaign_id = a.campaign_id AND r.ban_id = a.ban_id)`,
  );
}

/** An address INSEE geocoded only to its street: the street's station, when it has one only. */
export function linkByStreet(query: Query, campaignId: number, scope: LinkScope) {
  return counted(
    query,
    sql`UPDATE field_addresses a SET station_id = s.station_id, station_link = 'street'
          FROM (SELECT ban_id, min(station_id) AS station_id FROM field_reu_addresses
                 WHERE campaign_id = ${campaignId} AND geo_type = 'street'
                 GROUP BY ban_id HAVING count(DISTINCT station_id) = 1) s
         WHERE a.campaign_id = ${campaignId} AND ${inScope(scope)} AND a.station_id IS NULL
           AND a.street_key = s.ban_id`,
  );
}

/**
 * The rest, in communes INSEE's table covers: the station of the nearest REU point of the same
 * commune (a KNN search of the points' index). Reported apart: a guess near stations' borders.
 */
export function linkByNearest(query: Query, campaignId: number, scope: LinkScope) {
  return counted(
    query,
    sql`UPDATE field_addresses a
           SET station_link = 'nearest',
               station_id = (SELECT r.station_id FROM field_reu_addresses r
                              WHERE r.campaign_id = a.campaign_id AND r.location IS NOT NULL
                                AND r.commune_code = a.commune_code
                              ORDER BY r.location <-> a.location LIMIT 1)
         WHERE a.campaign_id = ${campaignId} AND ${inScope(scope)} AND a.station_id IS NULL
           AND EXISTS (SELECT 1 FROM field_stations s WHERE s.campaign_id = a.campaign_id
                          AND s.commune_code = a.commune_code AND s.lon IS NOT NULL)`,
  );
}
