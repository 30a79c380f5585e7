import { sql } from 'drizzle-orm';
import { Pacer } from '../../../core/event-loop.ts';
import { copyValue, openSession } from '../../people/import/session.ts';
import { readReuAddresses } from '../stations/parse.ts';
import type { ReuAddress, ReuReport } from '../stations/types.ts';
import type { FieldImportStore } from './report.ts';
import { StagingCopy } from './staging.ts';
import { linkByNearest, linkByReu, linkByStreet } from './station-links.ts';

const STAGE = 'field_reu_stage';
const stage = sql.identifier(STAGE);
const stageColumns = [
  'ban_id',
  'station_id',
  'commune_code',
  'geo_type',
  'lon',
  'lat',
  'weight',
] as const;
const table = { name: STAGE, columns: stageColumns };

/** A row without a BAN id still places its station; its key can match no address. */
const keyOf = (row: ReuAddress) => row.banId ?? `-${row.line}`;

const copyLine = (row: ReuAddress) =>
  [keyOf(row), row.stationId, row.communeCode, row.geoType, row.lon, row.lat, row.addressCount]
    .map(copyValue)
    .join('\t');

/**
 * Imports INSEE's polling-station address table: the file replaces what was known of the
 * communes it covers (their REU rows and stations), each station is placed at the mean of its
 * electors' addresses (weighted by their count), and the addresses already imported in those
 * communes find their station again (by BAN id, street, then nearest point).
 */
export const storeReu: FieldImportStore = async (ctx, source, _target, progress) => {
  const session = await openSession(ctx.database);
  const pacer = new Pacer(ctx.database.engine === 'pglite' ? 0.5 : 1);
  try {
    await session.exec(
      `CREATE TEMP TABLE ${STAGE} (ban_id text NOT NULL, station_id text NOT NULL,
         commune_code text NOT NULL, geo_type text, lon double precision, lat double precision,
         weight integer)`,
    );
    let report: ReuReport | null = null;
    const staging = new StagingCopy(session, table, copyLine, pacer, progress);
    for await (const event of readReuAddresses(source)) {
      if (event.type === 'report') report = event.report;
      else await staging.add(event.addresses);
    }
    await staging.flush();
    const staged = staging.staged;
    const campaignId = ctx.campaignId;
    const linked = await session.transaction(async (tx) => {
      const communes = (
        await tx.query<{ commune_code: string }>(sql`SELECT DISTINCT commune_code FROM ${stage}`)
      ).map((row) => row.commune_code);
      await tx.query(
        sql`DELETE FROM field_reu_addresses WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communes}::text[])`,
      );
      await tx.query(
        sql`DELETE FROM field_stations WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communes}::text[])`,
      );
      await tx.query(
        sql`INSERT INTO field_reu_addresses (campaign_id, ban_id, station_id, commune_code, geo_type, lon, lat,
                location, weight)
         SELECT DISTINCT ON (ban_id, station_id) ${campaignId}, ban_id, station_id, commune_code, geo_type, lon, lat,
                CASE WHEN lon IS NOT NULL THEN point(lon, lat) END, weight
           FROM ${stage} ORDER BY ban_id, station_id, weight DESC NULLS LAST`,
      );
      await tx.query(
        sql`INSERT INTO field_stations (campaign_id, id, commune_code, lon, lat, reu_points)
         SELECT ${campaignId}, station_id, min(commune_code),
                sum(lon * coalesce(weight, 1)) / nullif(sum(coalesce(weight, 1)) FILTER (WHERE lon IS NOT NULL), 0),
                sum(lat * coalesce(weight, 1)) / nullif(sum(coalesce(weight, 1)) FILTER (WHERE lon IS NOT NULL), 0),
                count(*)
           FROM ${stage} GROUP BY station_id`,
      );
      await tx.query(
        sql`UPDATE field_addresses SET station_id = NULL, station_link = NULL
             WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communes}::text[])`,
      );
      const scope = { communes };
      return {
        linkedByReu: await linkByReu(tx.query, campaignId, scope),
        linkedByStreet: await linkByStreet(tx.query, campaignId, scope),
        linkedByNearest: await linkByNearest(tx.query, campaignId, scope),
      };
    });
    // The nearest-point links of the addresses imported next plan on these statistics.
    await session.exec('ANALYZE field_reu_addresses, field_stations');
    const done = report!;
    return {
      counts: {
        rows: done.rows,
        stored: staged,
        skipped: done.skipped,
        stations: done.stations,
        communes: done.communes,
        withoutBanId: done.withoutBanId,
        withoutPosition: done.withoutPosition,
        ...linked,
      },
      problems: done.problems.map((p) => ({
        code: p.code,
        count: p.count,
        lines: p.lines,
        message: p.message,
      })),
      warnings: done.warnings,
    };
  } finally {
    await session.exec(`DROP TABLE IF EXISTS ${STAGE}`).catch(() => undefined);
    await session.release();
  }
};
