import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { forCampaign } from '../../core/context.ts';
import { listCampaigns } from '../../core/campaigns/service.ts';
import { runSql } from '../../core/db/statement.ts';
import { recordedCallsListened, volunteerCallsRecorded } from '../calling/impact-reads.ts';
import { fieldContactsRecorded, personDoorPlace } from '../field/impact-reads.ts';
import { newsletterMailsSent } from '../newsletters/impact-reads.ts';
import { personCommune } from '../people/impact-places.ts';
import { textsSent } from '../sms/impact-reads.ts';

/**
 * A source of contacts: a statement (owned by its feature) giving the contacts recorded in
 * [from, to) with the columns at, kind, person_id, station_id, commune_code. `byPerson`: its
 * rows carry a person whose address places them (else the row's own station and commune do).
 */
interface ContactSource {
  name: string;
  rows: (campaignId: number, from: string, to: string) => SQL;
  byPerson: boolean;
}

export const CONTACT_SOURCES: readonly ContactSource[] = [
  { name: 'field_visits', rows: fieldContactsRecorded, byPerson: false },
  { name: 'phone_bank_calls', rows: volunteerCallsRecorded, byPerson: true },
  { name: 'recorded_calls', rows: recordedCallsListened, byPerson: true },
  { name: 'newsletter_mails', rows: newsletterMailsSent, byPerson: true },
  { name: 'texts', rows: textsSent, byPerson: true },
];

/**
 * Contacts are aggregated up to this many seconds ago, not up to now: a contact written by a
 * transaction still open when the refresh reads carries a time before the read, and must be
 * committed by then to be counted (docs/impact.md).
 */
export const DEFAULT_LAG_SECONDS = 10;

/** How often working processes refresh: with the lag, a contact shows within about 45 s. */
export const REFRESH_EVERY_MS = 30_000;

export interface RefreshOptions {
  lagSeconds?: number;
  /** Tests: called after a source's counts are added, before its watermark moves (a crash there). */
  afterCounts?: (source: string) => void | Promise<void>;
}

/**
 * Adds the contacts recorded since the last refresh to the aggregates, source by source, and
 * moves each source's watermark in the same transaction: a refresh that fails changes nothing,
 * and one that runs again (or in two processes at once: the watermark rows are locked) counts
 * nothing twice. Returns the contacts added per source.
 */
export async function refreshImpact(
  ctx: AppContext,
  options: RefreshOptions = {},
): Promise<Record<string, number>> {
  const lag = options.lagSeconds ?? DEFAULT_LAG_SECONDS;
  const campaign = ctx.campaignId;
  const tz = ctx.config.CAMPAIGN_TIMEZONE;
  return ctx.database.transaction(async (query) => {
    const names = CONTACT_SOURCES.map((s) => s.name);
    await runSql(
      query,
      sql`INSERT INTO insights_refresh (campaign_id, source, up_to)
          SELECT ${campaign}, s, '-infinity'::timestamptz FROM unnest(${names}::text[]) s
          ON CONFLICT (campaign_id, source) DO NOTHING`,
    );
    const marks = await runSql<{ source: string; up_to: string }>(
      query,
      sql`SELECT source, up_to::text AS up_to FROM insights_refresh
           WHERE campaign_id = ${campaign} AND source = ANY(${names}::text[])
           ORDER BY source FOR UPDATE`,
    );
    // Read after the lock: a refresh that waited for another one starts where it ended.
    const [{ upper }] = await runSql<{ upper: string }>(
      query,
      sql`SELECT (clock_timestamp() - make_interval(secs => ${lag}))::text AS upper`,
    );
    const from = new Map(marks.map((m) => [m.source, m.up_to]));
    const added: Record<string, number> = {};
    for (const source of CONTACT_SOURCES) {
      const start = from.get(source.name) ?? '-infinity';
      const [{ ahead }] = await runSql<{ ahead: boolean }>(
        query,
        sql`SELECT ${start}::timestamptz < ${upper}::timestamptz AS ahead`,
      );
      if (!ahead) {
        added[source.name] = 0;
        continue;
      }
      const [row] = await runSql<{ added: number }>(
        query,
        addContacts(campaign, tz, source, start, upper),
      );
      added[source.name] = row?.added ?? 0;
      await options.afterCounts?.(source.name);
      await runSql(
        query,
        sql`UPDATE insights_refresh SET up_to = ${upper}::timestamptz, refreshed_at = now(),
                   last_added = CASE WHEN ${added[source.name]}::int > 0 THEN ${added[source.name]}::int
                                     ELSE last_added END
             WHERE campaign_id = ${campaign} AND source = ${source.name}`,
      );
    }
    return added;
  });
}

/** One statement: the window's contacts, placed, grouped and added to the three aggregates. */
function addContacts(
  campaign: number,
  tz: string,
  source: ContactSource,
  from: string,
  to: string,
): SQL {
  const placed = source.byPerson
    ? sql`SELECT (r.at AT TIME ZONE ${tz})::date AS day, r.kind,
                 coalesce(r.station_id, d.station_id, '') AS station_id,
                 coalesce(r.commune_code, d.commune_code, pc.commune_code, '') AS commune_code
            FROM (${source.rows(campaign, from, to)}) r
            LEFT JOIN LATERAL (${personDoorPlace(campaign, sql`r.person_id`)}) d ON true
            LEFT JOIN LATERAL (${personCommune(campaign, sql`r.person_id`)}) pc ON true`
    : sql`SELECT (r.at AT TIME ZONE ${tz})::date AS day, r.kind,
                 coalesce(r.station_id, '') AS station_id, coalesce(r.commune_code, '') AS commune_code
            FROM (${source.rows(campaign, from, to)}) r`;
  return sql`
    WITH grouped AS (
      SELECT day, kind, commune_code, station_id, count(*)::bigint AS n
        FROM (${placed}) p GROUP BY day, kind, commune_code, station_id),
    days AS (
      INSERT INTO insights_contact_days AS t (campaign_id, day, kind, commune_code, station_id, contacts)
      SELECT ${campaign}, day, kind, commune_code, station_id, n FROM grouped
      ON CONFLICT (campaign_id, day, kind, commune_code, station_id)
      DO UPDATE SET contacts = t.contacts + excluded.contacts
      RETURNING 1),
    places AS (
      INSERT INTO insights_contact_places AS t (campaign_id, kind, commune_code, station_id, contacts)
      SELECT ${campaign}, kind, commune_code, station_id, sum(n) FROM grouped
       GROUP BY kind, commune_code, station_id
      ON CONFLICT (campaign_id, kind, commune_code, station_id)
      DO UPDATE SET contacts = t.contacts + excluded.contacts
      RETURNING 1),
    trend AS (
      INSERT INTO insights_contact_trend AS t (campaign_id, day, kind, contacts, on_station, commune_only)
      SELECT ${campaign}, day, kind, sum(n),
             coalesce(sum(n) FILTER (WHERE station_id <> ''), 0),
             coalesce(sum(n) FILTER (WHERE station_id = '' AND commune_code <> ''), 0)
        FROM grouped GROUP BY day, kind
      ON CONFLICT (campaign_id, day, kind)
      DO UPDATE SET contacts = t.contacts + excluded.contacts,
                    on_station = t.on_station + excluded.on_station,
                    commune_only = t.commune_only + excluded.commune_only
      RETURNING 1)
    SELECT coalesce(sum(n), 0)::int AS added FROM grouped`;
}

/** Refreshes every campaign's aggregates; errors are logged per campaign, not thrown. */
export async function refreshAllCampaigns(ctx: AppContext): Promise<void> {
  for (const campaign of await listCampaigns(ctx.database)) {
    try {
      await refreshImpact(forCampaign(ctx, campaign.id));
    } catch (error) {
      ctx.log.error({ err: error, campaignId: campaign.id }, 'impact refresh failed');
    }
  }
}

/**
 * The refresher of a working process: every 30 s. Several processes may run it; the locked
 * watermarks make them take turns. Returns how to stop it (waits for a refresh under way).
 */
export function startImpactRefresher(ctx: AppContext): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = refreshAllCampaigns(ctx).finally(() => {
      if (!stopped) timer = setTimeout(tick, REFRESH_EVERY_MS);
    });
  };
  timer = setTimeout(tick, REFRESH_EVERY_MS);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
