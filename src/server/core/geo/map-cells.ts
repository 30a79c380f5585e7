import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/statement.ts';
import { runSql } from '../db/statement.ts';
import { mercator } from './place.ts';

/**
 * Server-side clusters for maps. A layer's points are counted per square cell of a grid at
 * each level (cell side = the world's width / 2^level, Web Mercator metres; level 14 ≈ 2.4 km
 * at the equator, ≈ 1.7 km in France). A map at zoom z draws cells of level z + 1 (about 128
 * screen pixels each): under a hundred in a screen, read from the primary key, however many
 * points the layer holds. From zoom MARKER_ZOOM on, the points themselves are shown.
 */
export const CELL_LEVELS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] as const;
export const MARKER_ZOOM = 15;
const WORLD = 2 * Math.PI * 6_378_137;
const HALF = WORLD / 2;

const cellSide = (level: number) => WORLD / 2 ** level;

/**
 * Moves points onto (delta 1) or off (delta -1) the map, in every level's cell, in ONE
 * statement with the change that decides it: `changed` is a data-modifying WITH query (the
 * layer marking its rows `on_map`) returning `x`, `y` (Web Mercator metres), `delta` and
 * `sublayer` (a kind the map filters on, or null), so that the cells and the marks cannot
 * disagree after a crash. A point with a sublayer is counted in the layer and in
 * `layer:sublayer` (see `sublayer`). Cells left empty are removed.
 */
export async function applyToCells(on: Queryable, campaignId: number, layer: string, changed: SQL) {
  const levels = sql.raw(`ARRAY[${CELL_LEVELS.join(',')}]`);
  await runSql(
    on,
    sql`WITH changed AS (${changed})
        INSERT INTO map_cells (campaign_id, layer, level, cx, cy, n, sx, sy)
        SELECT ${campaignId}::int, k.layer, l.level,
               floor((p.x + ${HALF}::float8) / (${WORLD}::float8 / 2 ^ l.level))::int,
               floor((p.y + ${HALF}::float8) / (${WORLD}::float8 / 2 ^ l.level))::int,
               sum(p.delta)::int, sum(p.delta * p.x), sum(p.delta * p.y)
          FROM changed p
          CROSS JOIN LATERAL (VALUES (${layer}::text), (${`${layer}:`}::text || p.sublayer)) AS k(layer)
          CROSS JOIN unnest(${levels}) AS l(level)
         WHERE k.layer IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (campaign_id, layer, level, cx, cy) DO UPDATE
           SET n = map_cells.n + EXCLUDED.n, sx = map_cells.sx + EXCLUDED.sx, sy = map_cells.sy + EXCLUDED.sy`,
  );
  await runSql(
    on,
    sql`DELETE FROM map_cells WHERE campaign_id = ${campaignId} AND n <= 0
           AND (layer = ${layer} OR starts_with(layer, ${`${layer}:`}))`,
  );
}

/** The layer of a layer's points of one kind (an event's type), which `applyToCells` keeps. */
export const sublayer = (layer: string, kind: string) => `${layer}:${kind}`;

/** A view of a map: its south-west and north-east corners (degrees) and its zoom. */
export interface MapView {
  west: number;
  south: number;
  east: number;
  north: number;
  zoom: number;
}

export interface Cluster {
  lat: number;
  lng: number;
  count: number;
}

const toDegrees = (x: number, y: number) => ({
  lng: (x / 6_378_137) * (180 / Math.PI),
  lat: (2 * Math.atan(Math.exp(y / 6_378_137)) - Math.PI / 2) * (180 / Math.PI),
});

/** The grid level a zoom draws: about 128 pixels a cell (a cluster's usual reach). */
export const levelOf = (zoom: number) =>
  CELL_LEVELS.findLast((level) => level <= Math.floor(zoom) + 1) ?? CELL_LEVELS[0];

/**
 * The level a view is drawn from: the zoom's, or a coarser one if the view holds more cells
 * than the answer may (a client sending a huge view at a close zoom still gets every point
 * counted).
 */
function levelFor(view: MapView, limit: number) {
  const [x0, y0] = mercator(view.south, view.west);
  const [x1, y1] = mercator(view.north, view.east);
  const fits = (level: number) =>
    (Math.floor((x1 - x0) / cellSide(level)) + 2) * (Math.floor((y1 - y0) / cellSide(level)) + 2) <=
    limit;
  const level =
    [...CELL_LEVELS].reverse().find((l) => l <= levelOf(view.zoom) && fits(l)) ?? CELL_LEVELS[0];
  return { level, x0, y0, x1, y1 };
}

const toClusters = (rows: { n: number; sx: number; sy: number }[]): Cluster[] =>
  rows.map((row) => ({
    ...toDegrees(Number(row.sx) / Number(row.n), Number(row.sy) / Number(row.n)),
    count: Number(row.n),
  }));

/** The clusters of a layer in a view: each cell's count at its points' centre. */
export async function clustersIn(
  on: Queryable,
  campaignId: number,
  layer: string,
  view: MapView,
  limit: number,
): Promise<Cluster[]> {
  const { level, x0, y0, x1, y1 } = levelFor(view, limit);
  const side = cellSide(level);
  const cell = (v: number) => Math.floor((v + HALF) / side);
  // Each column of the view by itself (`cx = ANY`, then the rows' range): a range on cx would
  // read its whole strip of the world, north to south, which fills as the layer grows.
  const columns = Array.from({ length: cell(x1) - cell(x0) + 1 }, (_, i) => cell(x0) + i);
  const rows = await runSql<{ n: number; sx: number; sy: number }>(
    on,
    sql`SELECT n, sx, sy FROM map_cells
         WHERE campaign_id = ${campaignId} AND layer = ${layer} AND level = ${level}
           AND cx = ANY(${columns}::int[]) AND cy BETWEEN ${cell(y0)} AND ${cell(y1)}
         LIMIT ${limit}`,
  );
  return toClusters(rows);
}

/**
 * Clusters counted from the points themselves, in the cells `clustersIn` would read: for a
 * layer seen through filters the cells do not keep (an event's type, its days). `points` is
 * the owner's query of the view's points, selecting their `x` and `y` (Web Mercator metres);
 * its cost grows with the points in the view, not with the layer.
 */
export async function clustersOfPoints(
  on: Queryable,
  view: MapView,
  limit: number,
  points: SQL,
): Promise<Cluster[]> {
  const side = cellSide(levelFor(view, limit).level);
  const rows = await runSql<{ n: number; sx: number; sy: number }>(
    on,
    sql`SELECT count(*)::int AS n, sum(p.x) AS sx, sum(p.y) AS sy FROM (${points}) p
         GROUP BY floor((p.x + ${HALF}::float8) / ${side}::float8),
                  floor((p.y + ${HALF}::float8) / ${side}::float8)
         LIMIT ${limit}`,
  );
  return toClusters(rows);
}

/** A view's box in Web Mercator metres, for a GiST `location <@ box` of the points. */
export function viewBox(view: MapView): SQL {
  const [x0, y0] = mercator(view.south, view.west);
  const [x1, y1] = mercator(view.north, view.east);
  return sql`box(point(${x0}, ${y0}), point(${x1}, ${y1}))`;
}

/**
 * A layer of points a feature keeps on the map: its table (named by the feature, which owns
 * it), which rows are listed, the column of their kind if the map filters on it (each kind
 * then has its own sublayer), and the statements that move rows on and off the cells.
 */
export function mapLayer(layer: string, table: string, listed: SQL, kindColumn?: string) {
  const rows = sql.raw(table);
  const kind = kindColumn ? sql.raw(kindColumn) : sql`NULL::text`;
  const takeOff = async (on: Queryable, campaignId: number, ids: readonly number[]) => {
    if (ids.length === 0) return;
    await applyToCells(
      on,
      campaignId,
      layer,
      sql`UPDATE ${rows} SET on_map = false
           WHERE campaign_id = ${campaignId} AND id = ANY(${[...ids]}) AND on_map
          RETURNING location[0] AS x, location[1] AS y, -1 AS delta, ${kind} AS sublayer`,
    );
  };
  const putOn = async (on: Queryable, campaignId: number, ids: readonly number[]) => {
    if (ids.length === 0) return;
    await applyToCells(
      on,
      campaignId,
      layer,
      sql`UPDATE ${rows} SET on_map = true
           WHERE campaign_id = ${campaignId} AND id = ANY(${[...ids]}) AND NOT on_map AND ${listed}
          RETURNING location[0] AS x, location[1] AS y, 1 AS delta, ${kind} AS sublayer`,
    );
  };
  /** Where rows' state changed: on the map if listed, off it otherwise. */
  const refresh = async (on: Queryable, campaignId: number, ids: readonly number[]) => {
    if (ids.length === 0) return;
    const off = await runSql<{ id: number }>(
      on,
      sql`SELECT id FROM ${rows} WHERE campaign_id = ${campaignId} AND id = ANY(${[...ids]})
             AND on_map AND NOT (${listed})`,
    );
    await takeOff(
      on,
      campaignId,
      off.map((r) => Number(r.id)),
    );
    await putOn(on, campaignId, ids);
  };
  return { layer, takeOff, putOn, refresh };
}
