import { sql } from 'drizzle-orm';
import type {
  RetentionOverview,
  RetentionRun,
  RetentionSettings,
} from '../../../contracts/privacy-retention.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { addDays, wallClock } from '../../core/local-time.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { forgetPeople } from '../../core/personal-data/rights.ts';
import { purgeListTargetsImportedBefore } from '../calling/list-retention.ts';
import { purgeCallListsImportedBefore } from '../calling/personal-data.ts';
import { listElections } from '../compliance/elections.ts';
import { deletePeople } from '../people/directory.ts';
import { lockDoorProspects } from '../people/met-at-door.ts';
import { personalData } from '../personal-data.ts';

/** Days after an election's last round before its prospects are purged, unless set. */
export const DEFAULT_PROSPECT_DELAY_DAYS = 30;

/** The day on the campaign's clock (elections are French: Europe/Paris). */
const today = (now: Date) => wallClock(now, 'Europe/Paris').day;

/** The moment the last round's day ends (UTC): prospects met before it belong to that vote. */
const endOfDay = (day: string) => new Date(`${addDays(day, 1)}T00:00:00Z`);

export async function retentionSettingsOf(
  database: { query: Query },
  campaignId: number,
): Promise<RetentionSettings> {
  const [row] = await database.query<{ prospect_delay_days: number }>(
    sql`SELECT prospect_delay_days FROM retention_settings WHERE campaign_id = ${campaignId}`,
  );
  return { prospectDelayDays: row?.prospect_delay_days ?? DEFAULT_PROSPECT_DELAY_DAYS };
}

export async function setRetentionSettings(
  ctx: AppContext,
  settings: RetentionSettings,
  actorId: number | null,
  ip?: string,
): Promise<RetentionSettings> {
  await ctx.database.transaction(async (query) => {
    const before = await retentionSettingsOf({ query }, ctx.campaignId);
    await query(
      sql`INSERT INTO retention_settings (campaign_id, prospect_delay_days, updated_by, updated_at)
          VALUES (${ctx.campaignId}, ${settings.prospectDelayDays}, ${actorId}, now())
          ON CONFLICT (campaign_id) DO UPDATE
            SET prospect_delay_days = EXCLUDED.prospect_delay_days,
                updated_by = EXCLUDED.updated_by, updated_at = now()`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'privacy.retention_settings',
        details: { from: before.prospectDelayDays, to: settings.prospectDelayDays },
        ip,
      },
    );
  });
  return settings;
}

/** What keeps a person met at a door, as every feature declares it (the registry). */
export const prospectKeepers = (registry: readonly PersonalData[] = personalData()) =>
  registry.flatMap((data) => data.keepsProspect ?? []);

interface DueElection {
  id: number;
  name: string;
  lastRound: string;
  purgeOn: string;
}

async function electionsWithLastRound(ctx: AppContext, delayDays: number) {
  const elections = await listElections(ctx);
  return elections.flatMap((election): DueElection[] => {
    const days = election.rounds.map((round) => round.date).sort();
    const lastRound = days[days.length - 1];
    if (!lastRound) return [];
    return [
      { id: election.id, name: election.name, lastRound, purgeOn: addDays(lastRound, delayDays) },
    ];
  });
}

/**
 * Purges the prospects of every election whose last round is more than the delay past:
 * the people known only from a doorstep met before the end of that round's day whom nothing
 * keeps (see `prospectKeepers`: a consent, an account, a sign-up, a donation, a membership, an
 * RSVP, volunteering), with every row each feature holds of them (the registry's erase rules,
 * reason `purge`: one statement per table for the whole set) and their own row; and the
 * numbers of call lists imported before that day, with those the broadcasts that called them
 * froze (calls kept as counts without the number). The report counts rows deleted and
 * blanked. Their withdrawn channels stay refused as keyed hashes (see erasure-opt-outs.ts).
 * One transaction per election; a run that removes nothing is recorded only the first time,
 * so running it again changes nothing.
 */
export async function purgeElectionProspects(
  ctx: AppContext,
  now = new Date(),
): Promise<RetentionRun[]> {
  const { prospectDelayDays } = await retentionSettingsOf(ctx.database, ctx.campaignId);
  const day = today(now);
  const due = (await electionsWithLastRound(ctx, prospectDelayDays))
    .filter((election) => election.purgeOn < day)
    .sort((a, b) => a.lastRound.localeCompare(b.lastRound));
  const runs: RetentionRun[] = [];
  for (const election of due) {
    const run = await purgeProspectsOf(ctx, election, prospectDelayDays);
    if (run) runs.push(run);
  }
  return runs;
}

async function purgeProspectsOf(
  ctx: AppContext,
  election: DueElection,
  delayDays: number,
): Promise<RetentionRun | null> {
  const campaignId = ctx.campaignId;
  const registry = personalData();
  const metBefore = endOfDay(election.lastRound);
  return ctx.database.transaction(async (query) => {
    const people = await lockDoorProspects(
      query,
      campaignId,
      metBefore,
      prospectKeepers(registry).map((keeper) => keeper.holds(campaignId, sql`p.id`)),
    );
    const rows = await forgetPeople(registry, query, campaignId, people, 'purge');
    if (people.length > 0) {
      await deletePeople(
        query,
        campaignId,
        people.map((person) => person.id),
      );
      rows.people = people.length;
    }
    for (const more of [
      await purgeCallListsImportedBefore(query, campaignId, metBefore),
      await purgeListTargetsImportedBefore(query, campaignId, metBefore),
    ]) {
      for (const [table, n] of Object.entries(more)) rows[table] = (rows[table] ?? 0) + n;
    }
    const [previous] = await query<{ id: number }>(
      sql`SELECT id FROM retention_runs WHERE campaign_id = ${campaignId} AND election_id = ${election.id} LIMIT 1`,
    );
    if (previous && Object.keys(rows).length === 0) return null;
    const [run] = await query<{ id: number; ran_at: Date }>(
      sql`INSERT INTO retention_runs (campaign_id, election_id, election_name, last_round, delay_days, people, rows)
          VALUES (${campaignId}, ${election.id}, ${election.name}, ${election.lastRound}, ${delayDays},
                  ${people.length}, ${JSON.stringify(rows)})
          RETURNING id, ran_at`,
    );
    await audit(
      { query },
      {
        campaignId,
        actorId: null,
        action: 'privacy.retention_purge',
        target: `election:${election.id}`,
        details: { people: people.length, rows, delayDays },
      },
    );
    return {
      id: Number(run!.id),
      electionId: election.id,
      electionName: election.name,
      lastRound: election.lastRound,
      delayDays,
      people: people.length,
      rows,
      ranAt: new Date(run!.ran_at).toISOString(),
    };
  });
}

/** The retention page: the setting, who is kept, the elections and their day, the report. */
export async function retentionOverview(ctx: AppContext): Promise<RetentionOverview> {
  const settings = await retentionSettingsOf(ctx.database, ctx.campaignId);
  const elections = await electionsWithLastRound(ctx, settings.prospectDelayDays);
  const rows = await ctx.database.query<{
    id: number;
    election_id: number;
    election_name: string;
    last_round: string;
    delay_days: number;
    people: number;
    rows: Record<string, number>;
    ran_at: Date;
  }>(
    sql`SELECT id, election_id, election_name, last_round::text AS last_round, delay_days, people, rows, ran_at
          FROM retention_runs WHERE campaign_id = ${ctx.campaignId}
         ORDER BY ran_at DESC, id DESC LIMIT 200`,
  );
  const runs = rows.map((row) => ({
    id: Number(row.id),
    electionId: Number(row.election_id),
    electionName: row.election_name,
    lastRound: row.last_round,
    delayDays: row.delay_days,
    people: row.people,
    rows: row.rows,
    ranAt: new Date(row.ran_at).toISOString(),
  }));
  const purged = new Set(runs.map((run) => run.electionId));
  return {
    settings,
    keptFor: prospectKeepers().map(({ key, reason }) => ({ key, reason })),
    elections: elections.map((election) => ({ ...election, purged: purged.has(election.id) })),
    runs,
  };
}
