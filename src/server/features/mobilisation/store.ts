import { sql, type SQL } from 'drizzle-orm';
import type { ActionKind, ActionRef, DayKind, DayPart } from '../../../contracts/mobilisation.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { mercator } from '../../core/geo/place.ts';

/** An open action as `mobilisation_actions` holds it. */
export interface OpenAction {
  kind: ActionKind;
  id: number;
  title: string;
  placeLabel: string | null;
  communeCode: string | null;
  lat: number | null;
  lng: number | null;
  /** Only this committee's members may take it. */
  committeeId: number | null;
  /** How much the campaign needs it, 0 to 1. */
  need: number;
  doors: number | null;
  placesLeft: number | null;
  startsAt: string | null;
  endsAt: string | null;
  dayKind: DayKind | null;
  dayPart: DayPart | null;
  url: string | null;
}

interface ActionRow {
  kind: ActionKind;
  ref_id: number | string;
  title: string;
  place_label: string | null;
  commune_code: string | null;
  lat: number | null;
  lng: number | null;
  committee_id: number | string | null;
  need: number;
  doors: number | null;
  places_left: number | null;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  day_kind: DayKind | null;
  day_part: DayPart | null;
  url: string | null;
}

const COLUMNS = sql.raw(`kind, ref_id, title, place_label, commune_code, lat, lng, committee_id,
  need, doors, places_left, starts_at, ends_at, day_kind, day_part, url`);

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

const toAction = (row: ActionRow): OpenAction => ({
  kind: row.kind,
  id: Number(row.ref_id),
  title: row.title,
  placeLabel: row.place_label,
  communeCode: row.commune_code,
  lat: row.lat === null ? null : Number(row.lat),
  lng: row.lng === null ? null : Number(row.lng),
  committeeId: row.committee_id === null ? null : Number(row.committee_id),
  need: Number(row.need),
  doors: row.doors,
  placesLeft: row.places_left,
  startsAt: iso(row.starts_at),
  endsAt: iso(row.ends_at),
  dayKind: row.day_kind,
  dayPart: row.day_part,
  url: row.url,
});

/** Not over (a row stays until the next refresh; an action that ended is no longer open). */
const NOT_OVER = sql`(ends_at IS NULL OR ends_at > now())`;

export async function readAction(ctx: AppContext, ref: ActionRef): Promise<OpenAction | null> {
  const [row] = await runSql<ActionRow>(
    ctx.database,
    sql`SELECT ${COLUMNS} FROM mobilisation_actions
         WHERE campaign_id = ${ctx.campaignId} AND kind = ${ref.kind} AND ref_id = ${ref.id}
           AND ${NOT_OVER}`,
  );
  return row ? toAction(row) : null;
}

/** The box, in Web Mercator metres, holding every point within `km` of a point. */
export function boxAround(lat: number, lng: number, km: number): SQL {
  // Mercator stretches distances by 1/cos(latitude): a kilometre there is longer in metres.
  const half = (km * 1000) / Math.cos((Math.min(85, Math.abs(lat)) * Math.PI) / 180);
  const [x, y] = mercator(lat, lng);
  return sql`box(point(${x - half}, ${y - half}), point(${x + half}, ${y + half}))`;
}

export interface ActionFilter {
  kinds?: readonly ActionKind[];
  near?: { lat: number; lng: number; km: number };
  communeCodes?: readonly string[];
  /** Committees the reader is a member of: their actions, besides everyone's. */
  memberOf?: readonly number[];
  /** Actions without a place only (share kits), neediest first. */
  unplaced?: boolean;
  limit?: number;
}

/**
 * Open actions: within `near` through the GiST index (a box the index reads, then the
 * nearest first, so that a LIMIT stops the scan), else the neediest first.
 */
export async function listActions(ctx: AppContext, filter: ActionFilter): Promise<OpenAction[]> {
  const conditions: SQL[] = [sql`campaign_id = ${ctx.campaignId}`, NOT_OVER];
  if (filter.kinds) conditions.push(sql`kind = ANY(${[...filter.kinds]}::text[])`);
  if (filter.communeCodes) {
    conditions.push(sql`commune_code = ANY(${[...filter.communeCodes]}::text[])`);
  }
  if (filter.memberOf) {
    conditions.push(
      sql`(committee_id IS NULL OR committee_id = ANY(${[...filter.memberOf]}::bigint[]))`,
    );
  }
  let order = sql`need DESC, kind, ref_id`;
  if (filter.near) {
    const { lat, lng, km } = filter.near;
    const [x, y] = mercator(lat, lng);
    conditions.push(sql`location <@ ${boxAround(lat, lng, km)}`);
    order = sql`location <-> point(${x}, ${y})`;
  } else if (filter.unplaced) {
    conditions.push(sql`location IS NULL`);
  }
  const rows = await runSql<ActionRow>(
    ctx.database,
    sql`SELECT ${COLUMNS} FROM mobilisation_actions WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY ${order} LIMIT ${filter.limit ?? 100}`,
  );
  return rows.map(toAction);
}

const CHUNK = 2_000;

/**
 * Writes the open actions found by a refresh and drops those it no longer found: every row of
 * the campaign (`scope` all), or the rows of the refs it looked at. One transaction: the feed
 * never reads a half-done refresh.
 */
export async function writeActions(
  ctx: AppContext,
  actions: readonly OpenAction[],
  scope: 'all' | readonly ActionRef[],
) {
  await ctx.database.transaction(async (query: Query) => {
    const [{ stamp }] = (await runSql<{ stamp: Date }>(
      query,
      sql`SELECT clock_timestamp() AS stamp`,
    )) as [{ stamp: Date }];
    for (let start = 0; start < actions.length; start += CHUNK) {
      await upsert(query, ctx.campaignId, actions.slice(start, start + CHUNK), stamp);
    }
    const which =
      scope === 'all'
        ? sql``
        : sql`AND (kind, ref_id) IN (SELECT * FROM unnest(${scope.map((ref) => ref.kind)}::text[],
                                                          ${scope.map((ref) => ref.id)}::bigint[]))`;
    if (scope === 'all') {
      await runSql(
        query,
        sql`INSERT INTO mobilisation_refreshes (campaign_id, refreshed_at)
            VALUES (${ctx.campaignId}, ${stamp})
            ON CONFLICT (campaign_id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at`,
      );
    }
    if (scope !== 'all' && scope.length === 0) return;
    await runSql(
      query,
      sql`DELETE FROM mobilisation_actions
           WHERE campaign_id = ${ctx.campaignId} AND refreshed_at < ${stamp} ${which}`,
    );
  });
}

/** Whether the campaign's open actions were copied whole within the last `seconds`. */
export async function copiedWithin(ctx: AppContext, seconds: number): Promise<boolean> {
  const [row] = await runSql<{ fresh: boolean }>(
    ctx.database,
    sql`SELECT refreshed_at > now() - make_interval(secs => ${seconds}) AS fresh
          FROM mobilisation_refreshes WHERE campaign_id = ${ctx.campaignId}`,
  );
  return row?.fresh === true;
}

/** When the campaign's open actions were last copied whole, or null before the first copy. */
export async function lastCopiedAt(ctx: AppContext): Promise<string | null> {
  const [row] = await runSql<{ refreshed_at: Date | string }>(
    ctx.database,
    sql`SELECT refreshed_at FROM mobilisation_refreshes WHERE campaign_id = ${ctx.campaignId}`,
  );
  return row ? iso(row.refreshed_at) : null;
}

async function upsert(
  query: Query,
  campaignId: number,
  actions: readonly OpenAction[],
  stamp: Date,
) {
  if (actions.length === 0) return;
  const column = <T>(read: (action: OpenAction) => T) => actions.map(read);
  const xy = actions.map((a) => (a.lat === null || a.lng === null ? null : mercator(a.lat, a.lng)));
  await runSql(
    query,
    sql`INSERT INTO mobilisation_actions (campaign_id, kind, ref_id, title, place_label,
               commune_code, lat, lng, location, committee_id, need, doors, places_left,
               starts_at, ends_at, day_kind, day_part, url, refreshed_at)
        SELECT ${campaignId}, a.kind, a.ref_id, a.title, a.place_label, a.commune_code, a.lat, a.lng,
               CASE WHEN a.x IS NULL THEN NULL ELSE point(a.x, a.y) END, a.committee_id, a.need,
               a.doors, a.places_left, a.starts_at, a.ends_at, a.day_kind, a.day_part, a.url, ${stamp}
          FROM unnest(${column((a) => a.kind)}::text[], ${column((a) => a.id)}::bigint[],
                      ${column((a) => a.title)}::text[], ${column((a) => a.placeLabel)}::text[],
                      ${column((a) => a.communeCode)}::text[], ${column((a) => a.lat)}::float8[],
                      ${column((a) => a.lng)}::float8[], ${xy.map((p) => p?.[0] ?? null)}::float8[],
                      ${xy.map((p) => p?.[1] ?? null)}::float8[], ${column((a) => a.committeeId)}::bigint[],
                      ${column((a) => a.need)}::real[], ${column((a) => a.doors)}::int[],
                      ${column((a) => a.placesLeft)}::int[], ${column((a) => a.startsAt)}::timestamptz[],
                      ${column((a) => a.endsAt)}::timestamptz[], ${column((a) => a.dayKind)}::text[],
                      ${column((a) => a.dayPart)}::text[], ${column((a) => a.url)}::text[])
            AS a(kind, ref_id, title, place_label, commune_code, lat, lng, x, y, committee_id, need,
                 doors, places_left, starts_at, ends_at, day_kind, day_part, url)
        ON CONFLICT (campaign_id, kind, ref_id) DO UPDATE SET
           title = EXCLUDED.title, place_label = EXCLUDED.place_label,
           commune_code = EXCLUDED.commune_code, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
           location = EXCLUDED.location, committee_id = EXCLUDED.committee_id,
           need = EXCLUDED.need, doors = EXCLUDED.doors, places_left = EXCLUDED.places_left,
           starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
           day_kind = EXCLUDED.day_kind, day_part = EXCLUDED.day_part, url = EXCLUDED.url,
           refreshed_at = EXCLUDED.refreshed_at`,
  );
}
