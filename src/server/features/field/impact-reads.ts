import { sql, type SQL } from 'drizzle-orm';
import type { TargetChoice, Targeting } from '../../../contracts/field.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { targetingOf } from './targeting/service.ts';

/*
 * What the impact dashboard (features/insights) reads of door-to-door: visits as contacts,
 * the polling station of a person met at their door, the margins of the election HQ targets.
 */

/**
 * Door conversations and leaflets recorded (received from the phone) in [from, to), as a
 * statement to select from: at (when the door was visited), kind (`door_conversation` |
 * `leaflet`), person_id (null: the address places it), station_id and commune_code of the
 * address (station_id null when the address is not matched to a station; both null when the
 * address is gone).
 */
export const fieldContactsRecorded = (campaignId: number, from: string, to: string): SQL =>
  sql`SELECT v.visited_at AS at,
             CASE WHEN v.mode = 'leaflet' OR v.outcome = 'leaflet' THEN 'leaflet'
                  ELSE 'door_conversation' END AS kind,
             NULL::bigint AS person_id, a.station_id, a.commune_code
        FROM field_visits v
        LEFT JOIN field_addresses a ON a.campaign_id = v.campaign_id AND a.id = v.address_id
       WHERE v.campaign_id = ${campaignId}
         AND v.received_at >= ${from}::timestamptz AND v.received_at < ${to}::timestamptz
         AND (v.mode = 'leaflet' OR v.outcome IN ('conversation', 'leaflet'))`;

/**
 * The address a person was last met at, as a statement for a LATERAL join (`person` is the
 * outer query's person id): station_id (null when unmatched) and commune_code; no row when the
 * person was never recorded at a door.
 */
export const personDoorPlace = (campaignId: number, person: SQL): SQL =>
  sql`SELECT a.station_id, a.commune_code
        FROM field_visits v
        JOIN field_addresses a ON a.campaign_id = v.campaign_id AND a.id = v.address_id
       WHERE v.campaign_id = ${campaignId} AND v.person_id = ${person}
       ORDER BY v.visited_at DESC LIMIT 1`;

export interface StationMargin {
  stationId: string;
  communeCode: string;
  communeName: string;
  constituencyCode: string | null;
  registered: number;
  expressed: number;
  /** Votes of the targeted candidate or nuance. */
  ours: number;
  /**
   * Votes of every other candidate (by panel) or nuance (by nuance, else panel), so that
   * margins over several stations compare sums of the same rival.
   */
  others: Record<string, number>;
  lat: number | null;
  lng: number | null;
}

const oursCondition = (choice: TargetChoice): SQL =>
  choice.kind === 'candidate'
    ? sql`coalesce((c->>'panel')::int = ${choice.panel}, false)`
    : sql`coalesce(c->>'nuance' = ${choice.nuance}, false)`;

const rivalKey = (choice: TargetChoice): SQL =>
  choice.kind === 'candidate'
    ? sql`c->>'panel'`
    : sql`coalesce(c->>'nuance', 'panel ' || (c->>'panel'))`;

/**
 * Each polling station's figures in the election HQ targets (field's targeting: its election
 * and candidate or nuance), with the station's point (mean of its REU electors) when known.
 * None when no election or no candidate is chosen.
 */
export async function targetedStationMargins(
  ctx: AppContext,
  filter: { departement?: string; commune?: string },
  targeting?: Targeting,
): Promise<{ electionId: number | null; stations: StationMargin[] }> {
  targeting ??= await targetingOf(ctx);
  if (targeting.electionId === null || targeting.choice === null) {
    return { electionId: targeting.electionId, stations: [] };
  }
  const ours = oursCondition(targeting.choice);
  const rival = rivalKey(targeting.choice);
  const where = filter.commune
    ? sql`AND r.commune_code = ${filter.commune}`
    : filter.departement
      ? sql`AND r.department_code = ${filter.departement}`
      : sql``;
  const rows = await runSql<{
    station_id: string;
    commune_code: string;
    commune_name: string;
    constituency_code: string | null;
    registered: number;
    expressed: number;
    ours: number;
    others: Record<string, number> | string;
    lon: number | null;
    lat: number | null;
  }>(
    ctx.database,
    sql`SELECT r.station_id, r.commune_code, r.commune_name, r.constituency_code, r.registered, r.expressed,
               (SELECT coalesce(sum((c->>'votes')::int), 0) FROM jsonb_array_elements(r.candidates) c
                 WHERE ${ours})::int AS ours,
               (SELECT coalesce(jsonb_object_agg(x.k, x.v), '{}'::jsonb)
                  FROM (SELECT ${rival} AS k, sum((c->>'votes')::int) AS v
                          FROM jsonb_array_elements(r.candidates) c WHERE NOT ${ours} GROUP BY 1) x) AS others,
               s.lon, s.lat
          FROM field_station_results r
          LEFT JOIN field_stations s ON s.campaign_id = r.campaign_id AND s.id = r.station_id
         WHERE r.campaign_id = ${ctx.campaignId} AND r.election_id = ${targeting.electionId} ${where}`,
  );
  return {
    electionId: targeting.electionId,
    stations: rows.map((r) => ({
      stationId: r.station_id,
      communeCode: r.commune_code,
      communeName: r.commune_name,
      constituencyCode: r.constituency_code,
      registered: r.registered,
      expressed: r.expressed,
      ours: r.ours,
      others:
        typeof r.others === 'string' ? (JSON.parse(r.others) as Record<string, number>) : r.others,
      lat: r.lat,
      lng: r.lon,
    })),
  };
}

/** Points of polling stations (the mean of their REU electors), for those known. */
export async function stationPoints(
  ctx: AppContext,
  stationIds: readonly string[],
): Promise<Map<string, { lat: number; lng: number }>> {
  if (stationIds.length === 0) return new Map();
  const rows = await runSql<{ id: string; lon: number; lat: number }>(
    ctx.database,
    sql`SELECT id, lon, lat FROM field_stations
         WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${[...stationIds]}::text[])
           AND lon IS NOT NULL AND lat IS NOT NULL`,
  );
  return new Map(rows.map((r) => [r.id, { lat: r.lat, lng: r.lon }]));
}
