import { sql, type SQL } from 'drizzle-orm';
import {
  AREA_COMMUNES_MAX,
  AREA_VERTICES_MAX,
  ringAreaKm2,
  withoutRepeats,
  type AreaCommune,
  type AreaKind,
  type CommitteeArea,
  type CommitteeAreaForEdit,
  type Position,
  type areaInputSchema,
} from '../../../contracts/committee-area.ts';
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { communeCentres } from '../../core/geo/commune-centres.ts';
import { distanceKm } from '../../core/geo/place.ts';
import { AppError, badRequest, notFound } from '../../core/http/errors.ts';

type AreaInput = z.output<typeof areaInputSchema>;

interface AreaRow {
  commune_code: string | null;
  place_label: string;
  lat: number;
  lng: number;
  kind: AreaKind | null;
  communes: string[] | null;
  geojson: { type: 'Polygon'; coordinates: number[][][] } | string | null;
  area_km2: number | null;
  updated_at: Date | string | null;
}

/** The communes of codes, with their names and centres (unknown codes left out). */
function areaCommunes(ctx: AppContext, codes: readonly string[]): AreaCommune[] {
  const centres = communeCentres();
  return codes.flatMap((code) => {
    const commune = ctx.geo.commune(code);
    const centre = centres.get(code);
    if (!commune || !centre) return [];
    return [
      {
        code,
        name: commune.name,
        departementCode: commune.departementCode,
        lat: centre.lat,
        lng: centre.lng,
      },
    ];
  });
}

async function areaRow(ctx: AppContext, committeeId: number): Promise<AreaRow> {
  const [row] = await runSql<AreaRow>(
    ctx.database,
    sql`SELECT c.commune_code, c.place_label, c.lat, c.lng, a.kind, a.communes, a.geojson,
               a.area_km2, a.updated_at
          FROM committees c
          LEFT JOIN committee_areas a ON a.campaign_id = c.campaign_id AND a.committee_id = c.id
         WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ${committeeId}`,
  );
  if (!row) throw notFound('committee');
  return row;
}

function toArea(ctx: AppContext, row: AreaRow): CommitteeArea {
  const kind = row.kind ?? 'commune';
  const codes =
    kind === 'commune' ? (row.commune_code ? [row.commune_code] : []) : (row.communes ?? []);
  const geojson = typeof row.geojson === 'string' ? JSON.parse(row.geojson) : row.geojson;
  return {
    kind,
    communes: kind === 'polygon' ? [] : areaCommunes(ctx, codes),
    polygon: kind === 'polygon' ? geojson : null,
    areaKm2: kind === 'polygon' && row.area_km2 !== null ? Number(row.area_km2) : null,
    around: row.place_label,
    updatedAt: row.updated_at === null ? null : new Date(row.updated_at).toISOString(),
  };
}

/**
 * A committee's area: its own commune unless its organisers chose communes or drew one.
 * Other features (door-to-door, mobilisation) read it here.
 */
export async function areaOf(ctx: AppContext, committeeId: number): Promise<CommitteeArea> {
  return toArea(ctx, await areaRow(ctx, committeeId));
}

const LANDMARKS_KM = 30;
const LANDMARKS_MAX = 40;

/**
 * The biggest towns near a point whose centre is their own (a commune placed at its
 * intercommunality's centre would stack on its neighbours' name).
 */
function landmarksNear(ctx: AppContext, at: { lat: number; lng: number }) {
  const centres = communeCentres();
  const near: Array<{ name: string; lat: number; lng: number; population: number }> = [];
  for (const commune of ctx.geo.allCommunes()) {
    const centre = centres.get(commune.code);
    if (centre?.precision !== 'commune') continue;
    // A cheap box first: a degree of latitude is 111 km.
    if (Math.abs(centre.lat - at.lat) > LANDMARKS_KM / 111) continue;
    if (distanceKm(at, centre) > LANDMARKS_KM) continue;
    near.push({
      name: commune.name,
      lat: centre.lat,
      lng: centre.lng,
      population: commune.population ?? 0,
    });
  }
  return near
    .sort((a, b) => b.population - a.population)
    .slice(0, LANDMARKS_MAX)
    .map(({ name, lat, lng }) => ({ name, lat, lng }));
}

/** For its organisers: the area with the limits the server applies and towns around it. */
export async function areaForEdit(
  ctx: AppContext,
  committeeId: number,
): Promise<CommitteeAreaForEdit> {
  const row = await areaRow(ctx, committeeId);
  return {
    ...toArea(ctx, row),
    limits: {
      communes: AREA_COMMUNES_MAX,
      vertices: AREA_VERTICES_MAX,
      areaKm2: ctx.config.COMMITTEE_AREA_MAX_KM2,
    },
    landmarks: landmarksNear(ctx, { lat: Number(row.lat), lng: Number(row.lng) }),
  };
}

/** A ring as PostgreSQL's `polygon` text: (x, y) = (longitude, latitude), not closed again. */
const polygonText = (ring: readonly Position[]) =>
  `(${ring
    .slice(0, -1)
    .map(([lng, lat]) => `(${lng},${lat})`)
    .join(',')})`;

/** The columns an area writes, after the checks the contract cannot make alone. */
function areaColumns(ctx: AppContext, input: AreaInput) {
  if (input.kind === 'communes') {
    const unknown = input.communes.flatMap((code, i) =>
      ctx.geo.commune(code) ? [] : [{ code, i }],
    );
    if (unknown.length > 0) {
      throw badRequest(
        'unknown_communes',
        `No current French commune has the INSEE code ${unknown.map((u) => u.code).join(', ')}.`,
        unknown.map(({ code, i }) => ({
          field: `communes.${i}`,
          code: 'unknown_commune_code',
          message: `"${code}" is not the INSEE code of a current commune.`,
        })),
      );
    }
    return { communes: input.communes, geojson: null, polygon: null, areaKm2: null };
  }
  if (input.kind === 'polygon') {
    const ring = withoutRepeats(input.polygon.coordinates[0] as Position[]);
    const areaKm2 = ringAreaKm2(ring);
    const max = ctx.config.COMMITTEE_AREA_MAX_KM2;
    if (areaKm2 > max) {
      const km2 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
      throw new AppError(
        400,
        'area_too_large',
        `The drawn area covers ${km2.format(areaKm2)} km²; a committee's area may cover at most ${km2.format(max)} km² (about a département).`,
        [{ field: 'polygon', code: 'area_too_large', message: `At most ${max} km².` }],
        { maxKm2: max, areaKm2: Math.round(areaKm2) },
      );
    }
    const geojson = { type: 'Polygon' as const, coordinates: [ring] };
    return { communes: [], geojson, polygon: polygonText(ring), areaKm2 };
  }
  return null;
}

/**
 * Sets a committee's area (organisers, managers and staff), audited. Back to `commune`
 * removes the row: the area then follows the committee's place.
 */
export async function setArea(
  ctx: AppContext,
  committeeId: number,
  input: AreaInput,
  actorId: number,
): Promise<CommitteeAreaForEdit> {
  const columns = areaColumns(ctx, input);
  await ctx.database.transaction(async (query) => {
    const [committee] = await runSql<{ id: number }>(
      query,
      sql`SELECT id FROM committees WHERE campaign_id = ${ctx.campaignId} AND id = ${committeeId}
          FOR UPDATE`,
    );
    if (!committee) throw notFound('committee');
    if (!columns) {
      await runSql(
        query,
        sql`DELETE FROM committee_areas WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}`,
      );
    } else {
      const polygon: SQL = columns.polygon === null ? sql`NULL` : sql`${columns.polygon}::polygon`;
      await runSql(
        query,
        sql`INSERT INTO committee_areas (campaign_id, committee_id, kind, communes, geojson, polygon,
                                         bbox, area_km2, updated_at)
            VALUES (${ctx.campaignId}, ${committeeId}, ${input.kind}, ${columns.communes}::text[],
                    ${columns.geojson === null ? null : JSON.stringify(columns.geojson)}::jsonb,
                    ${polygon}, box(${polygon}), ${columns.areaKm2}, now())
            ON CONFLICT (campaign_id, committee_id) DO UPDATE
              SET kind = excluded.kind, communes = excluded.communes, geojson = excluded.geojson,
                  polygon = excluded.polygon, bbox = excluded.bbox, area_km2 = excluded.area_km2,
                  updated_at = excluded.updated_at`,
      );
    }
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'committees.area.update',
        target: `committee:${committeeId}`,
        details: {
          kind: input.kind,
          ...(columns?.communes.length ? { communes: columns.communes.length } : {}),
          ...(columns?.areaKm2 ? { areaKm2: Math.round(columns.areaKm2 * 10) / 10 } : {}),
        },
      },
    );
  });
  return areaForEdit(ctx, committeeId);
}

export type Covering =
  | { point: { lat: number; lng: number }; commune?: string }
  | { commune: string; point?: undefined };

/** The committees whose area covers a place: one committee, or the published ones. */
async function covering(ctx: AppContext, where: Covering, only?: number): Promise<number[]> {
  const parts: SQL[] = [];
  const commune = where.commune?.toUpperCase();
  if (commune) {
    parts.push(
      sql`SELECT c.id FROM committees c
           WHERE c.campaign_id = ${ctx.campaignId} AND c.commune_code = ${commune}
             AND NOT EXISTS (SELECT 1 FROM committee_areas a
                              WHERE a.campaign_id = c.campaign_id AND a.committee_id = c.id)`,
      sql`SELECT a.committee_id AS id FROM committee_areas a
           WHERE a.campaign_id = ${ctx.campaignId} AND a.communes @> ARRAY[${commune}]::text[]`,
    );
  }
  const point = where.point ?? (commune ? communeCentres().get(commune) : undefined);
  if (point) {
    const at = sql`point(${point.lng}, ${point.lat})`;
    parts.push(
      sql`SELECT a.committee_id AS id FROM committee_areas a
           WHERE a.campaign_id = ${ctx.campaignId} AND a.bbox @> box(${at}, ${at})
             AND a.polygon @> ${at}`,
    );
  }
  if (parts.length === 0) return [];
  const which = only === undefined ? sql`c.status = 'published'` : sql`c.id = ${only}`;
  const rows = await runSql<{ id: number }>(
    ctx.database,
    sql`SELECT c.id FROM committees c
         WHERE c.campaign_id = ${ctx.campaignId} AND ${which}
           AND c.id IN (${sql.join(parts, sql` UNION `)})
         ORDER BY c.id`,
  );
  return rows.map((row) => Number(row.id));
}

/**
 * The published committees whose area covers a point, a commune, or an address (its point
 * and its commune), by id. A point alone finds drawn areas only (Levier knows no commune
 * boundaries); a commune finds the committees of that commune, those that chose it, and
 * drawn areas holding its centre unless a point is given.
 */
export function committeesCovering(ctx: AppContext, where: Covering): Promise<number[]> {
  return covering(ctx, where);
}

/** Whether a committee's area (whatever its state) covers a point, a commune or an address. */
export async function areaCovers(
  ctx: AppContext,
  committeeId: number,
  where: Covering,
): Promise<boolean> {
  return (await covering(ctx, where, committeeId)).length > 0;
}
