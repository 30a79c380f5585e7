import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import type { Queryable } from '../../core/db/statement.ts';
import { runSql } from '../../core/db/statement.ts';
import type { EventMapAnswer, EventMapQuery } from '../../../contracts/events.ts';
import { addDays, instantOf } from '../../core/local-time.ts';
import {
  clustersIn,
  clustersOfPoints,
  mapLayer,
  MARKER_ZOOM,
  sublayer,
  viewBox,
} from '../../core/geo/map-cells.ts';

/** On the map: public, published, placed and not over; counted by type too. */
const eventsLayer = mapLayer(
  'events',
  'events',
  sql.raw(
    `status = 'published' AND visibility = 'public' AND location IS NOT NULL AND ends_at > now()`,
  ),
  'type',
);
const LAYER = eventsLayer.layer;

/** Takes these events off the map's cells (before a move, or once not listed). */
export const takeEventsOffMap = eventsLayer.takeOff;
/** Puts these events on the map's cells if they are listed and not there yet. */
export const putEventsOnMap = eventsLayer.putOn;
/** Where an event's state changed: on the map if listed, off it otherwise. */
export const refreshEventsOnMap = eventsLayer.refresh;

/** Events that ended leave the map (run with the reminders, every 10 minutes). */
export async function expireEventsOnMap(on: Queryable, campaignId: number) {
  const ended = await runSql<{ id: number }>(
    on,
    sql`SELECT id FROM events WHERE campaign_id = ${campaignId} AND on_map AND ends_at <= now()`,
  );
  await takeEventsOffMap(
    on,
    campaignId,
    ended.map((r) => Number(r.id)),
  );
  return ended.length;
}

const MARKERS_MAX = 500;

/**
 * Upcoming public events in a map's view: clusters of the cells (of the type's sublayer when
 * a type is asked), or the events zoomed in. With days asked, the clusters are counted from
 * the events in the view and those days instead: the cells do not keep dates.
 */
export async function eventsMap(ctx: AppContext, query: EventMapQuery): Promise<EventMapAnswer> {
  const { type, from, to, ...view } = query;
  const zone = ctx.config.CAMPAIGN_TIMEZONE;
  const filters = [
    ...(type ? [sql`e.type = ${type}`] : []),
    ...(from ? [sql`e.ends_at >= ${instantOf(from, 0, zone).toISOString()}`] : []),
    ...(to ? [sql`e.starts_at < ${instantOf(addDays(to, 1), 0, zone).toISOString()}`] : []),
  ];
  const listed = sql.join(
    [
      sql`e.status = 'published' AND e.visibility = 'public' AND e.campaign_id = ${ctx.campaignId}`,
      sql`e.location <@ ${viewBox(view)} AND e.ends_at > now()`,
      ...filters,
    ],
    sql` AND `,
  );
  if (view.zoom < MARKER_ZOOM) {
    const layer = type ? sublayer(LAYER, type) : LAYER;
    const clusters =
      !from && !to
        ? await clustersIn(ctx.database, ctx.campaignId, layer, view, MARKERS_MAX)
        : await clustersOfPoints(
            ctx.database,
            view,
            MARKERS_MAX,
            sql`SELECT e.location[0] AS x, e.location[1] AS y FROM events e WHERE ${listed}`,
          );
    return { clusters, markers: [] };
  }
  const rows = await runSql<{
    id: number;
    title: string;
    lat: number;
    lng: number;
    starts_at: Date | string;
  }>(
    ctx.database,
    sql`SELECT e.id, e.title, e.lat, e.lng, e.starts_at FROM events e WHERE ${listed}
         ORDER BY e.starts_at, e.id LIMIT ${MARKERS_MAX}`,
  );
  return {
    clusters: [],
    markers: rows.map((r) => ({
      id: Number(r.id),
      title: r.title,
      lat: Number(r.lat),
      lng: Number(r.lng),
      startsAt: new Date(r.starts_at).toISOString(),
    })),
  };
}
