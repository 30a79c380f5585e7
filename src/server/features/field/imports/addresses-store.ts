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
 * Imports Base Adresse Nationale addresses: the file is read as it streams (gzip or not) and
 * copied (COPY) into a staging table of the import, a slice of 50,000 addresses at a time, each
 * slice then moved into `field_addresses` by one set-based statement, each address linked to
 * its polling station by its id in INSEE's table (REU), else by its street's id there, else (in
 * communes the REU table covers) by the nearest REU point. An address imported again (same BAN
 * id) is updated in place: turfs keep it; within the file, the last line of an id wins.
 *
 * Nothing is kept of a file found broken at its end (a gzip cut short): on PostgreSQL the slices
 * move on a second connection while the file is still read, in one transaction committed once
 * the whole file is read; on PGlite (one connection, shared with the app) they move after it.
 */
export const storeAddresses: FieldImportStore = async (ctx, source, { importId }, progress) => {
  const stageName = `field_ban_stage_${importId}`;
  const session = await openSession(ctx.database);
  const concurrent = ctx.database.engine === 'postgres';
  const mover = concurrent ? await openSession(ctx.database) : session;
  const pacer = new Pacer(concurrent ? 1 : 0.5);
  const seconds: Record<string, number> = {};
  let lapStart = performance.now();
  const lap = (name: string) => {
    seconds[name] = Number(((performance.now() - lapStart) / 1000).toFixed(3));
    lapStart = performance.now();
  };
  const moves = new SliceMoves(mover, ctx.campaignId, importId, stageName, progress);
  try {
    // A run cut short by a crash left its table: the job's next run starts afresh.
    await session.exec(
      `DROP TABLE IF EXISTS ${stageName}; CREATE UNLOGGED TABLE ${stageName} (seq serial PRIMARY KEY, ban_id text NOT NULL,
         street_key text NOT NULL, street_name text NOT NULL, number integer NOT NULL,
         suffix text, postal_code text, commune_code text NOT NULL, commune_name text NOT NULL,
         lon double precision NOT NULL, lat double precision NOT NULL)`,
    );
    if (concurrent) await mover.exec('BEGIN');
    const staging = new StagingCopy(
      session,
      { name: stageName, columns: stageColumns },
      copyLine,
      pacer,
    );
    const slice = new Map<string, BanAddress>();
    const communes = new Set<string>();
    let dropped = 0;
    let report: BanReport | null = null;
    const endSlice = async () => {
      const from = staging.staged + 1;
      await staging.add([...slice.values()]);
      await staging.flush();
      slice.clear();
      if (staging.staged >= from) moves.add(from, staging.staged, concurrent);
    };
    for await (const event of readBanAddresses(source)) {
      if (event.type === 'report') {
        report = event.report;
        continue;
      }
      for (const address of event.addresses) {
        if (slice.delete(address.banId)) dropped += 1;
        slice.set(address.banId, address);
        communes.add(address.communeCode);
      }
      if (slice.size >= SLICE_ROWS) await endSlice();
      moves.rethrow();
    }
    await endSlice();
    lap('read');
    await moves.finish(pacer);
    lap('insert');
    const counts = await linkAndCount(mover, ctx.campaignId, importId, [...communes], lap);
    if (concurrent) await mover.exec('COMMIT');
    const duplicates = dropped + staging.staged - counts.stored;
    ctx.log.info({ importId, rows: staging.staged, seconds }, 'field addresses imported');
    return reportOf(report!, { ...counts, duplicates });
  } catch (error) {
    await moves.settled();
    if (concurrent) await mover.exec('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await session.exec(`DROP TABLE IF EXISTS ${stageName}`).catch(() => undefined);
    await session.release();
    if (concurrent) await mover.release();
  }
};

/**
 * The slices' moves, in file order (a later slice's line of an id overwrites an earlier one's):
 * chained as they are added when `now`, else run by `finish`, resting between them.
 */
class SliceMoves {
  private chain: Promise<void> = Promise.resolve();
  private waiting: Array<[number, number]> = [];
  private error: unknown = null;
  private moved = 0;

  constructor(
    private readonly session: ImportSession,
    private readonly campaignId: number,
    private readonly importId: number,
    private readonly stageName: string,
    private readonly progress: (done: number) => Promise<void>,
  ) {}

  add(from: number, to: number, now: boolean): void {
    if (!now) {
      this.waiting.push([from, to]);
      return;
    }
    this.chain = this.chain
      .then(() => (this.error ? undefined : this.move(from, to)))
      .catch((error: unknown) => {
        this.error ??= error;
      });
  }

  /** A failed move ends the import at once (the file need not be read to its end). */
  rethrow(): void {
    if (this.error) throw this.error;
  }

  async settled(): Promise<void> {
    await this.chain;
  }

  async finish(pacer: Pacer): Promise<void> {
    await this.chain;
    this.rethrow();
    for (const [from, to] of this.waiting) {
      await this.move(from, to);
      await pacer.rest();
    }
  }

  private async move(from: number, to: number): Promise<void> {
    const { campaignId, importId } = this;
    await this.session.query(
      sql`INSERT INTO field_addresses AS a (campaign_id, ban_id, street_key, street_name, number, suffix,
                postal_code, commune_code, commune_name, lon, lat, location, station_id, station_link, import_id)
         SELECT ${campaignId}, s.ban_id, s.street_key, s.street_name, s.number, s.suffix, s.postal_code, s.commune_code,
                s.commune_name, s.lon, s.lat, point(s.lon, s.lat), r.station_id,
                CASE WHEN r.station_id IS NOT NULL THEN 'reu' END, ${importId}
           FROM ${sql.identifier(this.stageName)} s
           LEFT JOIN LATERAL (SELECT station_id FROM field_reu_addresses r
                               WHERE r.campaign_id = ${campaignId} AND r.ban_id = s.ban_id
                               ORDER BY station_id LIMIT 1) r ON true
          WHERE s.seq BETWEEN ${from} AND ${to}
         ON CONFLICT (campaign_id, ban_id) DO UPDATE SET street_key = excluded.street_key,
                street_name = excluded.street_name, number = excluded.number, suffix = excluded.suffix,
                postal_code = excluded.postal_code, commune_code = excluded.commune_code,
                commune_name = excluded.commune_name, lon = excluded.lon, lat = excluded.lat,
                location = excluded.location, station_id = excluded.station_id,
                station_link = excluded.station_link, import_id = excluded.import_id`,
    );
    this.moved += to - from + 1;
    await this.progress(this.moved);
  }
}

interface MoveCounts {
  stored: number;
  duplicates: number;
  linkedByReu: number;
  linkedByStreet: number;
  linkedByNearest: number;
  unlinked: number;
  electorsTied: number;
}

/** The fallbacks of the station link, the electors tied, and what the import stored. */
async function linkAndCount(
  session: ImportSession,
  campaignId: number,
  importId: number,
  communes: string[],
  lap: (phase: string) => void,
): Promise<Omit<MoveCounts, 'duplicates'>> {
  const { query } = session;
  // The links below plan on these statistics (PGlite has no autovacuum to gather them).
  await query(sql`ANALYZE field_addresses`);
  const [stored] = await query<{ stored: number; reu: number }>(
    sql`SELECT count(*)::int AS stored, count(*) FILTER (WHERE station_link = 'reu')::int AS reu
          FROM field_addresses WHERE campaign_id = ${campaignId} AND import_id = ${importId}`,
  );
  lap('count');
  const scope = { importId };
  const linkedByStreet = await linkByStreet(query, campaignId, scope);
  lap('street');
  const linkedByNearest = await linkByNearest(query, campaignId, scope);
  lap('nearest');
  const electorsTied = await linkElectorsToAddresses(query, campaignId, communes);
  lap('electors');
  const [links] = await query<{ unlinked: number }>(
    sql`SELECT count(*)::int AS unlinked FROM field_addresses
         WHERE campaign_id = ${campaignId} AND import_id = ${importId} AND station_id IS NULL`,
  );
  return {
    stored: stored.stored,
    linkedByReu: stored.reu,
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
