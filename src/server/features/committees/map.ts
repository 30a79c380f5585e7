import { sql } from 'drizzle-orm';
import { runSql } from '../../core/db/statement.ts';
import {
  clustersIn,
  mapLayer,
  MARKER_ZOOM,
  viewBox,
  type MapView,
} from '../../core/geo/map-cells.ts';
import type { AppContext } from '../../core/context.ts';

const committeesLayer = mapLayer('committees', 'committees', sql.raw(`status = 'published'`));
const LAYER = committeesLayer.layer;

/** Takes these committees off the map's cells (before a move, or once not published). */
export const takeOffMap = committeesLayer.takeOff;
/** Puts these committees on the map's cells if they are published and not there yet. */
export const putOnMap = committeesLayer.putOn;
/** Where a committee's state changed: on the map if published, off it otherwise. */
export const refreshOnMap = committeesLayer.refresh;

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
