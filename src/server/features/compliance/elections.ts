import { sql } from 'drizzle-orm';
import type {
  Election,
  ElectionInput,
  ElectionKind,
  ElectionRound,
} from '../../../contracts/compliance.ts';
import { electionInputSchema } from '../../../contracts/compliance.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Database } from '../../core/db/index.ts';
import { notFound } from '../../core/http/errors.ts';
import { resolveRound } from './rounds.ts';

type Query = Database['query'];

interface RoundRow {
  election_id: number;
  number: number;
  date: string;
  polls_close: string;
  territory_dates: ElectionRound['territoryDates'];
}

const toRound = (r: RoundRow): ElectionRound => ({
  number: r.number,
  date: r.date,
  pollsClose: r.polls_close,
  territoryDates: r.territory_dates,
});

/** Every round of the campaign's elections: what the pre-election silence is made of. */
export async function allRounds(
  database: Pick<Database, 'query'>,
  campaignId: number,
): Promise<ElectionRound[]> {
  const rows = await database.query<RoundRow>(
    sql`SELECT election_id, number, date::text AS date, polls_close, territory_dates
       FROM election_rounds WHERE campaign_id = ${campaignId} ORDER BY date`,
  );
  return rows.map(toRound);
}

export async function listElections(ctx: AppContext): Promise<Election[]> {
  const elections = await ctx.database.query<{ id: number; name: string; kind: ElectionKind }>(
    sql`SELECT id, name, kind FROM elections WHERE campaign_id = ${ctx.campaignId} ORDER BY id`,
  );
  const rounds = await ctx.database.query<RoundRow>(
    sql`SELECT election_id, number, date::text AS date, polls_close, territory_dates
       FROM election_rounds WHERE campaign_id = ${ctx.campaignId} ORDER BY election_id, number`,
  );
  return elections.map((e) => ({
    id: Number(e.id),
    name: e.name,
    kind: e.kind,
    rounds: rounds.filter((r) => Number(r.election_id) === Number(e.id)).map(toRound),
  }));
}

async function writeRounds(query: Query, campaignId: number, id: number, input: ElectionInput) {
  const { kind, rounds } = electionInputSchema.parse(input);
  const resolved = rounds.map((round, index) => resolveRound(round, kind, index + 1));
  await query(
    sql`DELETE FROM election_rounds WHERE campaign_id = ${campaignId} AND election_id = ${id}`,
  );
  for (const round of resolved) {
    await query(
      sql`INSERT INTO election_rounds (campaign_id, election_id, number, date, polls_close, territory_dates)
       VALUES (${campaignId}, ${id}, ${round.number}, ${round.date}, ${round.pollsClose}, ${JSON.stringify(round.territoryDates)})`,
    );
  }
  return resolved;
}

/** What the audit log keeps of an election: enough to see what the silence was. */
const auditDetails = (input: ElectionInput, rounds: ElectionRound[]) => ({
  name: input.name,
  kind: input.kind,
  rounds: rounds.map((r) => ({ date: r.date, pollsClose: r.pollsClose })),
});

async function electionById(ctx: AppContext, id: number): Promise<Election> {
  const found = (await listElections(ctx)).find((e) => e.id === id);
  if (!found) throw notFound('election');
  return found;
}

export async function createElection(
  ctx: AppContext,
  input: ElectionInput,
  actorId: number | null,
  ip?: string,
): Promise<Election> {
  const id = await ctx.database.transaction(async (query) => {
    const [row] = await query<{ id: number }>(
      sql`INSERT INTO elections (campaign_id, name, kind) VALUES (${ctx.campaignId}, ${input.name}, ${input.kind}) RETURNING id`,
    );
    const electionId = Number(row!.id);
    const rounds = await writeRounds(query, ctx.campaignId, electionId, input);
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'election.create',
        target: `election:${electionId}`,
        details: auditDetails(input, rounds),
        ip,
      },
    );
    return electionId;
  });
  return electionById(ctx, id);
}

export async function updateElection(
  ctx: AppContext,
  id: number,
  input: ElectionInput,
  actorId: number | null,
  ip?: string,
): Promise<Election> {
  await ctx.database.transaction(async (query) => {
    const updated = await query(
      sql`UPDATE elections SET name = ${input.name}, kind = ${input.kind}, updated_at = now()
        WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING id`,
    );
    if (!updated.length) throw notFound('election');
    const rounds = await writeRounds(query, ctx.campaignId, id, input);
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'election.update',
        target: `election:${id}`,
        details: auditDetails(input, rounds),
        ip,
      },
    );
  });
  return electionById(ctx, id);
}

export async function deleteElection(
  ctx: AppContext,
  id: number,
  actorId: number | null,
  ip?: string,
): Promise<void> {
  await ctx.database.transaction(async (query) => {
    const [deleted] = await query<{ name: string }>(
      sql`DELETE FROM elections WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING name`,
    );
    if (!deleted) throw notFound('election');
    await query(
      sql`DELETE FROM election_rounds WHERE campaign_id = ${ctx.campaignId} AND election_id = ${id}`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'election.delete',
        target: `election:${id}`,
        details: { name: deleted.name },
        ip,
      },
    );
  });
}
