import { sql } from 'drizzle-orm';
import { Pacer } from '../../../core/event-loop.ts';
import { AppError } from '../../../core/http/errors.ts';
import { copyValue, openSession } from '../../people/import/session.ts';
import { readElectors } from '../electors/parse.ts';
import type { Elector, ElectorReport } from '../electors/types.ts';
import { linkElectorsToAddresses } from './elector-links.ts';
import type { FieldImportStore } from './report.ts';
import { StagingCopy } from './staging.ts';

const STAGE = 'field_electors_stage';
const stage = sql.identifier(STAGE);
const stageColumns = [
  'commune_code',
  'station_id',
  'list_number',
  'sex',
  'birth_name',
  'usage_name',
  'given_names',
  'birth_date',
  'number',
  'suffix',
  'street',
  'complement',
  'postal_code',
  'city',
  'street_key',
] as const;
const table = { name: STAGE, columns: stageColumns };

const copyLine = (e: Elector) =>
  [
    e.communeCode,
    e.stationId,
    e.listNumber,
    e.sex,
    e.birthName,
    e.usageName,
    e.givenNames,
    e.birthDate,
    e.number,
    e.suffix,
    e.street,
    e.complement,
    e.postalCode,
    e.city,
    e.streetKey,
  ]
    .map(copyValue)
    .join('\t');

/**
 * Imports the electoral list a candidate obtains (L37) for one of the campaign's elections: the
 * list of a commune replaces what an earlier list said of it, each elector keeps their polling
 * station, and those whose address is an imported BAN address are tied to it (addresses
 * imported later are tied then). The electors are deleted the day after the election's last
 * round (the `electoralLists` retention purge).
 */
export const storeElectors: FieldImportStore = async (
  ctx,
  source,
  { importId, electionId },
  progress,
) => {
  if (electionId === null) {
    throw new AppError(422, 'election_required', 'Cette liste électorale ne dit pas son élection.');
  }
  const session = await openSession(ctx.database);
  const pacer = new Pacer(ctx.database.engine === 'pglite' ? 0.5 : 1);
  const campaignId = ctx.campaignId;
  try {
    await session.exec(
      `CREATE TEMP TABLE ${STAGE} (commune_code text NOT NULL, station_id text NOT NULL,
         list_number text, sex text, birth_name text NOT NULL, usage_name text,
         given_names text NOT NULL, birth_date date, number integer, suffix text, street text,
         complement text, postal_code text, city text, street_key text)`,
    );
    let report: ElectorReport | null = null;
    const staging = new StagingCopy(session, table, copyLine, pacer, progress);
    for await (const event of readElectors(source)) {
      if (event.type === 'report') report = event.report;
      else await staging.add(event.electors);
    }
    await staging.flush();
    const staged = staging.staged;
    const counts = await session.transaction(async (tx) => {
      const communes = (
        await tx.query<{ commune_code: string }>(sql`SELECT DISTINCT commune_code FROM ${stage}`)
      ).map((row) => row.commune_code);
      const [replaced] = await tx.query<{ n: number }>(
        sql`WITH gone AS (DELETE FROM field_electors
                           WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communes}::text[])
                           RETURNING 1)
            SELECT count(*)::int AS n FROM gone`,
      );
      await tx.query(
        sql`INSERT INTO field_electors (campaign_id, import_id, election_id, commune_code, station_id,
                  list_number, sex, birth_name, usage_name, given_names, birth_date, number, suffix,
                  street, complement, postal_code, city, street_key)
            SELECT ${campaignId}, ${importId}, ${electionId}, commune_code, station_id, list_number, sex,
                   birth_name, usage_name, given_names, birth_date, number, suffix, street, complement,
                   postal_code, city, street_key
              FROM ${stage}`,
      );
      const tied = await linkElectorsToAddresses(tx.query, campaignId, communes);
      const [stations] = await tx.query<{ known: number; unknown: number }>(
        sql`WITH listed AS (SELECT DISTINCT station_id FROM ${stage}),
             known AS (SELECT id AS station_id FROM field_stations
                        WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communes}::text[])
                       UNION
                       SELECT station_id FROM field_station_results
                        WHERE campaign_id = ${campaignId} AND commune_code = ANY(${communes}::text[]))
            SELECT count(k.station_id)::int AS known, (count(*) - count(k.station_id))::int AS unknown
              FROM listed l LEFT JOIN known k USING (station_id)`,
      );
      return { replaced: replaced.n, tiedToAddress: tied, ...stations };
    });
    await session.exec('ANALYZE field_electors');
    return reportOf(report!, staged, counts);
  } finally {
    await session.exec(`DROP TABLE IF EXISTS ${STAGE}`).catch(() => undefined);
    await session.release();
  }
};

function reportOf(
  report: ElectorReport,
  stored: number,
  counts: { replaced: number; tiedToAddress: number; known: number; unknown: number },
) {
  const warnings = [...report.warnings];
  if (counts.unknown > 0) {
    warnings.push(
      counts.unknown === 1
        ? '1 bureau de vote de la liste ne figure ni dans la table des adresses de l’Insee (REU) ni dans les résultats importés : ses électeurs sont gardés, importez ces fichiers pour le situer.'
        : `${counts.unknown} bureaux de vote de la liste ne figurent ni dans la table des adresses de l’Insee (REU) ni dans les résultats importés : leurs électeurs sont gardés, importez ces fichiers pour les situer.`,
    );
  }
  return {
    counts: {
      rows: report.rows,
      stored,
      skipped: report.skipped,
      communes: report.communes,
      stations: report.stations,
      stationsKnown: counts.known,
      stationsUnknown: counts.unknown,
      tiedToAddress: counts.tiedToAddress,
      replaced: counts.replaced,
    },
    problems: report.problems.map((p) => ({
      code: p.code,
      count: p.count,
      lines: p.lines,
      message: p.message,
    })),
    warnings,
  };
}
