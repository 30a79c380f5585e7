import { sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db/statement.ts';
import { runSql } from '../../core/db/statement.ts';
import {
  applyToCells,
  clustersIn,
  MARKER_ZOOM,
  viewBox,
  type MapView,
} from '../../core/geo/map-cells.ts';
import type { AppContext } from '../../core/context.ts';

const LAYER = 'committees';

/** Takes these committees off the map's cells (before a move, or once not published). */
export async function takeOffMap(on: Queryable, campaignId: number, ids: readonly number[]) {
  if (ids.length === 0) return;
  await applyToCells(
    on,
    campaignId,
    LAYER,
    sql`UPDATE committees SET on_map = false
         WHERE campaign_id = ${campaignId} AND id = ANY(${[...ids]}) AND on_map
        RETURNING location[0] AS x, location[1] AS y, -1 AS delta`,
  );
}

/** Puts these committees on the map's cells if they are published and not there yet. */
export async function putOnMap(on: Queryable, campaignId: number, ids: readonly number[]) {
  if (ids.length === 0) return;
  await applyToCells(
    on,
    campaignId,
    LAYER,
    sql`UPDATE committees SET on_map = true
         WHERE campaign_id = ${campaignId} AND id = ANY(${[...ids]}) AND NOT on_map AND status = 'published'
        RETURNING location[0] AS x, location[1] AS y, 1 AS delta`,
  );
}

/** Where a committee's state changed: on the map if published, off it otherwise. */
export async function refreshOnMap(on: Queryable, campaignId: number, ids: readonly number[]) {
  if (ids.length === 0) return;
  const off = await runSql<{ id: number }>(
    on,
    sql`SELECT id FROM committees WHERE campaign_id = ${campaignId} AND id = ANY(${[...ids]})
           AND on_map AND status <> 'published'`,
  );
  await takeOffMap(
    on,
    campaignId,
    off.map((r) => Number(r.id)),
  );
  await putOnMap(on, campaignId, ids);
}

const MARKERS_MAX = 500;

/**
 * Published committees in a map's view: clusters of the grid's cells, or, zoomed in, the
 * committees themselves (the GiST index on campaign and location, at most 500).
 */
export async function committeesMap(ctx: AppContext, view: MapView) {
  if (view.zoom < MARKER_ZOOM) {
    return {
      clusters: await clustersIn(ctx.database, ctx.campaignId, LAYER, view, MARKERS_MAX),
      markers: [],
    };
  }
  const rows = await runSql<{ id: number; name: string; lat: number; lng: number }>(
    ctx.database,
    sql`SELECT c.id, c.name, c.lat, c.lng FROM committees c
         WHERE c.status = 'published' AND c.campaign_id = ${ctx.campaignId}
           AND c.location <@ ${viewBox(view)} LIMIT ${MARKERS_MAX}`,
  );
  return {
    clusters: [],
    markers: rows.map((r) => ({
      id: Number(r.id),
      title: r.name,
      lat: Number(r.lat),
      lng: Number(r.lng),
    })),
  };
}
