import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { wallClock } from '../../../core/local-time.ts';
import type { PersonToForget } from '../../../core/personal-data/registry.ts';
import { listElections } from '../../compliance/elections.ts';
import { identitiesOf } from '../../people/directory.ts';
import { foldedName } from '../../people/duplicates/find.ts';

/** The day an electoral list's electors go: the day after its election's last round. */
const lastRound = (rounds: ReadonlyArray<{ date: string }>) =>
  rounds.reduce<string | null>((last, r) => (last === null || r.date > last ? r.date : last), null);

/**
 * Electoral lists serve one election: their electors are deleted from the day after its last
 * round (Paris date), and those of an election deleted since.
 */
export async function purgeElectoralLists(ctx: AppContext): Promise<number> {
  const today = wallClock(new Date(), 'Europe/Paris').day;
  const elections = await listElections(ctx);
  const kept = elections
    .filter((e) => {
      const last = lastRound(e.rounds);
      return last === null || last >= today;
    })
    .map((e) => e.id);
  const [row] = await ctx.database.query<{ n: number }>(
    sql`WITH gone AS (DELETE FROM field_electors
                       WHERE campaign_id = ${ctx.campaignId} AND NOT (election_id = ANY(${kept}::bigint[]))
                       RETURNING 1)
        SELECT count(*)::int AS n FROM gone`,
  );
  return row.n;
}

/**
 * Erasing a person also deletes the electoral-list rows that name them: same surname (birth or
 * usage name) and first given name, in their commune when Levier knows it. Read from their row
 * before it is blanked; a namesake's row going too only means less data kept.
 */
export async function forgetElectors(
  query: Query,
  campaignId: number,
  people: PersonToForget[],
): Promise<void> {
  const identities = await identitiesOf(
    query,
    campaignId,
    people.map((p) => p.id),
  );
  const named = identities.filter((p) => p.firstName?.trim() && p.lastName?.trim());
  if (named.length === 0) return;
  const firstWord = (name: string) => name.trim().split(/\s+/)[0];
  // One statement for everyone erased or purged at once (a daily purge may hold thousands).
  await query(
    sql`DELETE FROM field_electors x
         USING unnest(${named.map((p) => firstWord(p.firstName!))}::text[],
                      ${named.map((p) => p.lastName!)}::text[],
                      ${named.map((p) => p.communeCode)}::text[]) AS p(first_name, last_name, commune_code)
         WHERE x.campaign_id = ${campaignId}
           AND (p.commune_code IS NULL OR x.commune_code = p.commune_code)
           AND ${foldedName(sql`p.last_name`)} IN (${foldedName(sql`x.birth_name`)}, ${foldedName(sql`coalesce(x.usage_name, '')`)})
           AND ${foldedName(sql`split_part(x.given_names, ' ', 1)`)} = ${foldedName(sql`p.first_name`)}`,
  );
}

/** The campaign's elections, for the electoral list's choice: last round and electors kept. */
export async function electoralListElections(ctx: AppContext) {
  const elections = await listElections(ctx);
  const counts = await ctx.database.query<{ election_id: number; n: number }>(
    sql`SELECT election_id, count(*)::int AS n FROM field_electors
         WHERE campaign_id = ${ctx.campaignId} GROUP BY election_id`,
  );
  const byElection = new Map(counts.map((c) => [Number(c.election_id), c.n]));
  return {
    items: elections.map((e) => ({
      id: e.id,
      name: e.name,
      lastRound: lastRound(e.rounds),
      electors: byElection.get(e.id) ?? 0,
    })),
  };
}

/** An electoral list serves one of the campaign's elections whose rounds are known. */
export async function electionForList(ctx: AppContext, electionId: number) {
  const election = (await listElections(ctx)).find((e) => e.id === electionId);
  return election ? { id: election.id, lastRound: lastRound(election.rounds) } : null;
}
