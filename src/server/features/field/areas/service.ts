import { sql, type SQL } from 'drizzle-orm';
import {
  withoutRepeats,
  type AreaPolygon,
  type Position,
} from '../../../../contracts/committee-area.ts';
import type { TargetArea, TargetAreaInput } from '../../../../contracts/field-turfs.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Queryable } from '../../../core/db/statement.ts';
import { runSql } from '../../../core/db/statement.ts';
import { AppError, conflict, notFound } from '../../../core/http/errors.ts';
import { dropTurfs } from '../planning/cut.ts';
import { tellTurfsChanged } from '../planning/turfs-changed.ts';

interface AreaRow {
  id: number;
  name: string;
  kind: TargetArea['kind'];
  stations: string[];
  communes: string[];
  geojson: AreaPolygon | null;
  door_count: number;
  turf_count: number;
  questionnaire_id: number | null;
  created_at: Date | string;
}

const toArea = (row: AreaRow): TargetArea => ({
  id: Number(row.id),
  name: row.name,
  kind: row.kind,
  stations: row.stations,
  communes: row.communes,
  polygon: row.geojson,
  addressCount: row.door_count,
  turfCount: Number(row.turf_count),
  questionnaireId: row.questionnaire_id === null ? null : Number(row.questionnaire_id),
  createdAt: new Date(row.created_at).toISOString(),
});

/** A ring as PostgreSQL's `polygon` text: (x, y) = (longitude, latitude). */
const polygonText = (ring: readonly Position[]) =>
  `(${withoutRepeats(ring)
    .slice(0, -1)
    .map(([x, y]) => `(${x},${y})`)
    .join(',')})`;

export interface AreaScope {
  id: number;
  kind: string;
  stations: string[];
  communes: string[];
}

/**
 * The addresses of an area, as a condition on `field_addresses a`: by polling station, by
 * commune, or in the drawn polygon (its bounding box through the index, then the polygon).
 */
export function areaCondition(campaignId: number, area: AreaScope): SQL {
  if (area.kind === 'stations') return sql`a.station_id = ANY(${area.stations})`;
  if (area.kind === 'communes') return sql`a.commune_code = ANY(${area.communes})`;
  const drawn = (column: SQL) =>
    sql`(SELECT ${column} FROM field_areas WHERE campaign_id = ${campaignId} AND id = ${area.id})`;
  return sql`a.location <@ ${drawn(sql`bbox`)} AND ${drawn(sql`polygon`)} @> a.location`;
}

export async function areaScope(on: Queryable, campaignId: number, areaId: number) {
  const [area] = await runSql<AreaScope>(
    on,
    sql`SELECT id, kind, stations, communes FROM field_areas WHERE campaign_id = ${campaignId} AND id = ${areaId}`,
  );
  if (!area) throw notFound('area');
  return { ...area, id: Number(area.id) };
}

async function countAddresses(on: Queryable, campaignId: number, areaId: number) {
  const area = await areaScope(on, campaignId, areaId);
  const [row] = await runSql<{ n: number }>(
    on,
    sql`SELECT count(*)::int AS n FROM field_addresses a
         WHERE a.campaign_id = ${campaignId} AND ${areaCondition(campaignId, area)}`,
  );
  return row.n;
}

export async function createArea(
  ctx: AppContext,
  input: TargetAreaInput,
  personId: number,
): Promise<TargetArea> {
  const stations = input.kind === 'stations' ? [...new Set(input.stations)] : [];
  const communes = input.kind === 'communes' ? [...new Set(input.communes)] : [];
  const geojson = input.kind === 'polygon' ? JSON.stringify(input.polygon) : null;
  const polygon: SQL =
    input.kind === 'polygon'
      ? sql`${polygonText(input.polygon.coordinates[0] as Position[])}::polygon`
      : sql`NULL`;
  const id = await ctx.database.transaction(async (query) => {
    const [row] = await query<{ id: number }>(
      sql`INSERT INTO field_areas (campaign_id, name, kind, stations, communes, geojson, polygon, bbox, created_by)
          VALUES (${ctx.campaignId}, ${input.name}, ${input.kind}, ${stations}::text[], ${communes}::text[],
                  ${geojson}::jsonb, ${polygon}, box(${polygon}), ${personId})
          RETURNING id`,
    );
    const areaId = Number(row.id);
    const count = await countAddresses(query, ctx.campaignId, areaId);
    await query(
      sql`UPDATE field_areas SET door_count = ${count} WHERE campaign_id = ${ctx.campaignId} AND id = ${areaId}`,
    );
    return areaId;
  });
  return areaById(ctx, id);
}

const AREA_COLUMNS = sql`z.id, z.name, z.kind, z.stations, z.communes, z.geojson, z.door_count, z.created_at,
  z.questionnaire_id,
  (SELECT count(*) FROM field_turfs t WHERE t.campaign_id = z.campaign_id AND t.area_id = z.id) AS turf_count`;

export async function listAreas(ctx: AppContext): Promise<{ items: TargetArea[] }> {
  const rows = await ctx.database.query<AreaRow>(
    sql`SELECT ${AREA_COLUMNS} FROM field_areas z WHERE z.campaign_id = ${ctx.campaignId}
         ORDER BY z.created_at DESC, z.id DESC`,
  );
  return { items: rows.map(toArea) };
}

export async function areaById(ctx: AppContext, areaId: number): Promise<TargetArea> {
  const [row] = await ctx.database.query<AreaRow>(
    sql`SELECT ${AREA_COLUMNS} FROM field_areas z WHERE z.campaign_id = ${ctx.campaignId} AND z.id = ${areaId}`,
  );
  if (!row) throw notFound('area');
  return toArea(row);
}

/** An area goes with its turfs, unless a door of them has been visited: visits keep their turf. */
export async function deleteArea(ctx: AppContext, areaId: number): Promise<void> {
  await areaById(ctx, areaId);
  const dropped = await ctx.database.transaction(async (query) => {
    const visited = await query(
      sql`SELECT 1 FROM field_visits v JOIN field_turfs t ON t.campaign_id = v.campaign_id AND t.id = v.turf_id
           WHERE v.campaign_id = ${ctx.campaignId} AND t.area_id = ${areaId} LIMIT 1`,
    );
    if (visited.length) {
      throw conflict(
        'area_visited',
        'Des portes de cette zone ont déjà été visitées : elle est gardée.',
      );
    }
    const turfs = await query<{ id: number }>(
      sql`SELECT id FROM field_turfs WHERE campaign_id = ${ctx.campaignId} AND area_id = ${areaId}`,
    );
    const turfIds = turfs.map((t) => Number(t.id));
    await dropTurfs(query, ctx.campaignId, turfIds);
    await query(
      sql`DELETE FROM field_areas WHERE campaign_id = ${ctx.campaignId} AND id = ${areaId}`,
    );
    return turfIds;
  });
  await tellTurfsChanged(ctx, dropped);
}

/** The questionnaire an area's turfs carry from now on (visits keep the version they got). */
export async function setAreaQuestionnaire(
  ctx: AppContext,
  areaId: number,
  questionnaireId: number | null,
): Promise<TargetArea> {
  await areaById(ctx, areaId);
  if (questionnaireId !== null) {
    const [known] = await ctx.database.query(
      sql`SELECT 1 FROM field_questionnaires WHERE campaign_id = ${ctx.campaignId} AND id = ${questionnaireId}
             AND NOT archived AND current_version_id IS NOT NULL`,
    );
    if (!known) {
      throw new AppError(
        422,
        'unknown_questionnaire',
        'Ce questionnaire n’existe pas dans la campagne ou il est archivé : choisissez-en un autre.',
        [{ field: 'questionnaireId', code: 'unknown', message: 'unknown' }],
      );
    }
  }
  await ctx.database.query(
    sql`UPDATE field_areas SET questionnaire_id = ${questionnaireId}
         WHERE campaign_id = ${ctx.campaignId} AND id = ${areaId}`,
  );
  return areaById(ctx, areaId);
}
