import { sql } from 'drizzle-orm';
import { Pacer } from '../../../core/event-loop.ts';
import { copyValue, openSession, type ImportSession } from '../../people/import/session.ts';
import { readBanAddresses } from '../addresses/parse.ts';
import type { BanAddress, BanReport } from '../addresses/types.ts';
import type { FieldImportReport, FieldImportStore } from './report.ts';
import { StagingCopy } from './staging.ts';
import { linkElectorsToAddresses } from './elector-links.ts';
import { linkByNearest, linkByStreet } from './station-links.ts';

/** Rows per statement moving the staged rows into the addresses. */
const SLICE_ROWS = 50_000;

const STAGE = 'field_ban_stage';
const stage = sql.identifier(STAGE);
const stageColumns = [
  'ban_id',
  'street_key',
  'street_name',
  'number',
  'suffix',
  'postal_code',
  'commune_code',
  'commune_name',
  'lon',
  'lat',
] as const;
const table = { name: STAGE, columns: stageColumns };

const copyLine = (a: BanAddress) =>
  [
    a.banId,
    a.streetKey,
    a.streetName,
    a.number,
    a.suffix,
    a.postalCode,
    a.communeCode,
    a.communeName,
    a.lon,
    a.lat,
  ]
    .map(copyValue)
    .join('\t');

/**
 * Imports Base Adresse Nationale addresses: the file is read as it streams (gzip or not) into a
 * temporary table by COPY, then moved into `field_addresses` by set-based statements, slice by
 * slice, each address linked to its polling station by its id in INSEE's table (REU), else by
 * its street's id there, else (in communes the REU table covers) by the nearest REU point. An
 * address imported again (same BAN id) is updated in place: turfs keep it.
 */
export const storeAddresses: FieldImportStore = async (ctx, source, { importId }, progress) => {
  const session = await openSession(ctx.database);
  const pacer = new Pacer(ctx.database.engine === 'pglite' ? 0.5 : 1);
  const seconds: Record<string, number> = {};
  let lapStart = performance.now();
  const lap = (name: string) => {
    seconds[name] = Number(((performance.now() - lapStart) / 1000).toFixed(3));
    lapStart = performance.now();
  };
  try {
    await session.exec(
      `CREATE TEMP TABLE ${STAGE} (seq serial, ban_id text NOT NULL, street_key text NOT NULL,
         street_name text NOT NULL, number integer NOT NULL, suffix text, postal_code text,
         commune_code text NOT NULL, commune_name text NOT NULL, lon double precision NOT NULL,
         lat double precision NOT NULL)`,
    );
    let report: BanReport | null = null;
    const staging = new StagingCopy(session, table, copyLine, pacer);
    for await (const event of readBanAddresses(source)) {
      if (event.type === 'report') report = event.report;
      else await staging.add(event.addresses);
    }
    await staging.flush();
    const staged = staging.staged;
    lap('read');
    const counts = await moveStaged(
      session,
      ctx.campaignId,
      importId,
      staged,
      pacer,
      progress,
      lap,
    );
    ctx.log.info({ importId, rows: staged, seconds }, 'field addresses imported');
    return reportOf(report!, counts);
  } finally {
    await session.exec(`DROP TABLE IF EXISTS ${STAGE}`).catch(() => undefined);
    await session.release();
  }
};

interface MoveCounts {
  stored: number;
  duplicates: number;
  linkedByReu: number;
  linkedByStreet: number;
  linkedByNearest: number;
  unlinked: number;
  electorsTied: number;
}

async function moveStaged(
  session: ImportSession,
  campaignId: number,
  importId: number,
  staged: number,
  pacer: Pacer,
  progress: (done: number) => Promise<void>,
  lap: (phase: string) => void,
): Promise<MoveCounts> {
  const { query } = session;
  // The last line of a BAN id repeated in the file wins, as an import again would.
  const [dropped] = await query<{ n: number }>(
    sql`WITH gone AS (DELETE FROM ${stage} s USING ${stage} later
                    WHERE later.ban_id = s.ban_id AND later.seq > s.seq RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
  );
  await query(sql`CREATE INDEX ON ${stage} (seq)`);
  lap('deduplicate');
  let stored = 0;
  let linkedByReu = 0;
  for (let from = 1; from <= staged; from += SLICE_ROWS) {
    const to = from + SLICE_ROWS - 1;
    const [row] = await query<{ n: number; linked: number }>(
      sql`WITH slice AS (SELECT * FROM ${stage} WHERE seq BETWEEN ${from} AND ${to}),
       written AS (
         INSERT INTO field_addresses AS a (campaign_id, ban_id, street_key, street_name, number, suffix,
                postal_code, commune_code, commune_name, lon, lat, location, station_id, station_link, import_id)
         SELECT ${campaignId}, s.ban_id, s.street_key, s.street_name, s.number, s.suffix, s.postal_code, s.commune_code,
                s.commune_name, s.lon, s.lat, point(s.lon, s.lat), r.station_id,
                CASE WHEN r.station_id IS NOT NULL THEN 'reu' END, ${importId}
           FROM slice s
           LEFT JOIN LATERAL (SELECT station_id FROM field_reu_addresses r
                               WHERE r.campaign_id = ${campaignId} AND r.ban_id = s.ban_id
                               ORDER BY station_id LIMIT 1) r ON true
         ON CONFLICT (campaign_id, ban_id) DO UPDATE SET street_key = excluded.street_key,
                street_name = excluded.street_name, number = excluded.number, suffix = excluded.suffix,
                postal_code = excluded.postal_code, commune_code = excluded.commune_code,
                commune_name = excluded.commune_name, lon = excluded.lon, lat = excluded.lat,
                location = excluded.location, station_id = excluded.station_id,
                station_link = excluded.station_link, import_id = excluded.import_id
         RETURNING station_id IS NOT NULL AS linked)
       SELECT count(*)::int AS n, count(*) FILTER (WHERE linked)::int AS linked FROM written`,
    );
    stored += row.n;
    linkedByReu += row.linked;
    await progress(stored);
    await pacer.rest();
  }
  // The links below plan on these statistics (PGlite has no autovacuum to gather them).
  await query(sql`ANALYZE field_addresses`);
  lap('insert');
  const scope = { importId };
  const linkedByStreet = await linkByStreet(query, campaignId, scope);
  lap('street');
  const linkedByNearest = await linkByNearest(query, campaignId, scope);
  lap('nearest');
  const communes = (
    await query<{ commune_code: string }>(sql`SELECT DISTINCT commune_code FROM ${stage}`)
  ).map((row) => row.commune_code);
  const electorsTied = await linkElectorsToAddresses(query, campaignId, communes);
  lap('electors');
  const [links] = await query<{ unlinked: number }>(
    sql`SELECT count(*)::int AS unlinked FROM field_addresses
         WHERE campaign_id = ${campaignId} AND import_id = ${importId} AND station_id IS NULL`,
  );
  return {
    stored,
    duplicates: dropped.n,
    linkedByReu,
    linkedByStreet,
    linkedByNearest,
    unlinked: links.unlinked,
    electorsTied,
  };
}

function reportOf(report: BanReport, counts: MoveCounts): FieldImportReport {
  return {
    counts: {
      rows: report.rows,
      skipped: report.skipped,
      withoutNumber: report.withoutNumber,
      communes: report.communes,
      ...counts,
    },
    problems: report.problems.map((p) => ({
      code: p.code,
      count: p.count,
      lines: p.lines,
      message: p.message,
    })),
    warnings: report.warnings,
  };
}
