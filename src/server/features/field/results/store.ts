import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { Pacer } from '../../../core/event-loop.ts';
import { ProblemTally, type FieldImportStore } from '../imports/report.ts';
import { parseResults } from './parse.ts';
import type { StationResult } from './types.ts';

/** Stations written per statement. */
const BATCH = 500;

/**
 * Reads a results file into an election and its stations' results. Stations abroad (no commune)
 * are counted and left out: nobody knocks on their doors. Running again for the same import
 * starts over (a retried job leaves no half election).
 */
export const storeResults: FieldImportStore = async (
  ctx,
  source,
  { importId, label },
  progress,
) => {
  await deleteElectionOf(ctx, importId);
  const pacer = new Pacer(ctx.database.engine === 'pglite' ? 0.5 : 1);
  const problems = new ProblemTally();
  let electionId: number | null = null;
  let batch: StationResult[] = [];
  let stored = 0;
  let withoutCommune = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    electionId ??= await createElection(ctx, importId, label);
    await insertStations(ctx, electionId, batch);
    stored += batch.length;
    batch = [];
    await progress(stored);
    await pacer.rest();
  };
  for await (const event of parseResults(source)) {
    if (event.type === 'station') {
      if (!event.station.stationId) {
        if (!event.station.abroad) withoutCommune++;
        continue;
      }
      batch.push(event.station);
      if (batch.length >= BATCH) await flush();
    } else if (event.type === 'problem') {
      problems.add(event.problem.code, event.problem.line, event.problem.message);
    } else if (event.type === 'report') {
      await flush();
      const { report } = event;
      electionId ??= await createElection(ctx, importId, label);
      await ctx.database.query(
        sql`UPDATE field_elections SET layout = ${report.layout.kind}, stations = ${stored},
                   candidates = ${JSON.stringify(report.candidates)}::jsonb
             WHERE campaign_id = ${ctx.campaignId} AND id = ${electionId}`,
      );
      return {
        counts: {
          rows: report.rows,
          stored,
          skipped: report.skipped,
          abroad: report.abroad,
          withoutCommune,
          candidates: report.candidates.length,
        },
        problems: problems.list(),
        warnings: report.encoding === 'utf-8' ? [] : [`encoding:${report.encoding}`],
      };
    }
  }
  throw new Error('The results reader ended without its report');
};

async function createElection(ctx: AppContext, importId: number, label: string) {
  const [row] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO field_elections (campaign_id, import_id, label, layout, candidates)
        VALUES (${ctx.campaignId}, ${importId}, ${label}, '', '[]'::jsonb) RETURNING id`,
  );
  return Number(row.id);
}

async function insertStations(ctx: AppContext, electionId: number, stations: StationResult[]) {
  const column = <T>(pick: (s: StationResult) => T) => stations.map(pick);
  await ctx.database.query(
    sql`INSERT INTO field_station_results (campaign_id, election_id, station_id, commune_code, commune_name,
               department_code, constituency_code, registered, abstentions, voters, expressed, candidates)
        SELECT ${ctx.campaignId}, ${electionId}, s.*
          FROM unnest(${column((s) => s.stationId)}::text[], ${column((s) => s.communeCode)}::text[],
                      ${column((s) => s.communeName)}::text[], ${column((s) => s.departmentCode)}::text[],
                      ${column((s) => s.constituencyCode)}::text[], ${column((s) => s.registered)}::int[],
                      ${column((s) => s.abstentions)}::int[], ${column((s) => s.voters)}::int[],
                      ${column((s) => s.expressed)}::int[],
                      ${column((s) => JSON.stringify(s.candidates.map(storedCandidate)))}::jsonb[]) AS s
        ON CONFLICT DO NOTHING`,
  );
}

/** What targeting needs of a candidate: who, which nuance or list, how many votes. */
const storedCandidate = (c: StationResult['candidates'][number]) => ({
  panel: c.panel,
  name: [c.firstName, c.lastName].filter(Boolean).join(' '),
  nuance: c.nuance,
  list: c.list,
  votes: c.votes,
});

export async function deleteElectionOf(ctx: AppContext, importId: number): Promise<void> {
  await ctx.database.query(
    sql`DELETE FROM field_station_results r USING field_elections e
         WHERE r.campaign_id = ${ctx.campaignId} AND e.campaign_id = r.campaign_id
           AND e.id = r.election_id AND e.import_id = ${importId}`,
  );
  await ctx.database.query(
    sql`DELETE FROM field_elections WHERE campaign_id = ${ctx.campaignId} AND import_id = ${importId}`,
  );
}
