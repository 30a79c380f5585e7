import { sql, type SQL } from 'drizzle-orm';
import type {
  CallerTally,
  PhoneBankStats,
  PhoneBanksOverview,
} from '../../../../contracts/phone-banks.ts';
import type { AppContext } from '../../../core/context.ts';
import { committeeNames } from '../../committees/service.ts';
import { personNames } from '../../people/directory.ts';
import { bankCounts, bankRow } from './service.ts';

/** Rows of a leaderboard. */
const LEADERS = 20;

interface TallyRow {
  id: number;
  calls: number;
  conversations: number;
}

const tallies = (rows: readonly TallyRow[], names: ReadonlyMap<number, string>): CallerTally[] =>
  rows.map((row) => ({
    id: Number(row.id),
    name: names.get(Number(row.id)) ?? '—',
    calls: row.calls,
    conversations: row.conversations,
  }));

/** The calls matching `where` (SQL on phone_bank_calls c) counted per volunteer, committee, bank. */
async function leaderboards(ctx: AppContext, where: SQL) {
  const c = ctx.campaignId;
  const tally = sql`count(*)::int AS calls, count(*) FILTER (WHERE c.outcome = 'conversation')::int AS conversations`;
  const volunteers = await ctx.database.query<TallyRow>(
    sql`SELECT c.caller_person_id AS id, ${tally} FROM phone_bank_calls c
         WHERE c.campaign_id = ${c} AND ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${LEADERS}`,
  );
  const committees = await ctx.database.query<TallyRow>(
    sql`SELECT b.committee_id AS id, ${tally} FROM phone_bank_calls c
          JOIN phone_banks b ON b.campaign_id = c.campaign_id AND b.id = c.bank_id
         WHERE c.campaign_id = ${c} AND ${where} AND b.committee_id IS NOT NULL
         GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${LEADERS}`,
  );
  const banks = await ctx.database.query<TallyRow & { name: string }>(
    sql`SELECT b.id, b.name, ${tally} FROM phone_bank_calls c
          JOIN phone_banks b ON b.campaign_id = c.campaign_id AND b.id = c.bank_id
         WHERE c.campaign_id = ${c} AND ${where}
         GROUP BY b.id, b.name ORDER BY 3 DESC, 1 LIMIT ${LEADERS}`,
  );
  const [people, committeeLabels] = await Promise.all([
    personNames(
      ctx,
      volunteers.map((row) => Number(row.id)),
    ),
    committeeNames(
      ctx,
      committees.map((row) => Number(row.id)),
    ),
  ]);
  return {
    volunteers: tallies(volunteers, people),
    committees: tallies(committees, committeeLabels),
    banks: tallies(banks, new Map(banks.map((row) => [Number(row.id), row.name]))),
  };
}

/** A bank's figures: its queue, its calls by day, its leaderboards, the support counted. */
export async function bankStats(ctx: AppContext, bankId: number): Promise<PhoneBankStats> {
  const row = await bankRow(ctx.database.query, ctx.campaignId, bankId);
  const counts = (await bankCounts(ctx.database.query, ctx.campaignId, [row])).get(bankId)!;
  const byDay = await ctx.database.query<{ day: string; calls: number; conversations: number }>(
    sql`SELECT (called_at AT TIME ZONE ${ctx.config.CAMPAIGN_TIMEZONE}::text)::date::text AS day,
               count(*)::int AS calls, count(*) FILTER (WHERE outcome = 'conversation')::int AS conversations
          FROM phone_bank_calls WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bankId}
         GROUP BY 1 ORDER BY 1`,
  );
  // Levels kept with a name (consent) and those only counted, together.
  const support = await ctx.database.query<{ level: number; n: number }>(
    sql`SELECT level, sum(n)::int AS n FROM (
          SELECT support_level AS level, count(*) AS n FROM phone_bank_calls
           WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bankId} AND support_level IS NOT NULL
           GROUP BY 1
          UNION ALL
          SELECT level, count FROM phone_bank_support_counts
           WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bankId}) s
        GROUP BY level ORDER BY level`,
  );
  const boards = await leaderboards(ctx, sql`c.bank_id = ${bankId}`);
  return {
    counts,
    byDay,
    volunteers: boards.volunteers,
    committees: boards.committees,
    support: Object.fromEntries(support.map((s) => [String(s.level), s.n])),
  };
}

/** Every bank's calls together: the campaign's leaderboards. */
export async function banksOverview(ctx: AppContext): Promise<PhoneBanksOverview> {
  const [totals] = await ctx.database.query<{ calls: number; conversations: number }>(
    sql`SELECT count(*)::int AS calls, count(*) FILTER (WHERE outcome = 'conversation')::int AS conversations
          FROM phone_bank_calls WHERE campaign_id = ${ctx.campaignId}`,
  );
  return { ...totals!, ...(await leaderboards(ctx, sql`true`)) };
}

/** A volunteer's own calls and conversations in a bank. */
export async function myCounts(ctx: AppContext, bankId: number, personId: number) {
  const [row] = await ctx.database.query<{ calls: number; conversations: number }>(
    sql`SELECT count(*)::int AS calls, count(*) FILTER (WHERE outcome = 'conversation')::int AS conversations
          FROM phone_bank_calls
         WHERE campaign_id = ${ctx.campaignId} AND bank_id = ${bankId} AND caller_person_id = ${personId}`,
  );
  return row!;
}
