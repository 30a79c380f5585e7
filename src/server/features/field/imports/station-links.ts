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

/**
 * An address INSEE geocoded only to its street: the street's station, when it has one only.
 * One probe of the REU key per address left without a station (the street key is the BAN id
 * of the street), never a join over the whole table.
 */
export function linkByStreet(query: Query, campaignId: number, scope: LinkScope) {
  const streetRows = sql`FROM field_reu_addresses r WHERE r.campaign_id = a.campaign_id
                          AND r.ban_id = a.street_key AND r.geo_type = 'street'`;
  return counted(
    query,
    sql`UPDATE field_addresses a SET station_link = 'street',
               station_id = (SELECT min(r.station_id) ${streetRows})
         WHERE a.campaign_id = ${campaignId} AND ${inScope(scope)} AND a.station_id IS NULL
           AND (SELECT count(DISTINCT r.station_id) ${streetRows}) = 1`,
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
