import { sql } from 'drizzle-orm';
import { rankAtLeast, type Rank } from '../../../contracts/access.ts';
import type { z } from 'zod';
import {
  COMMITTEE_MEMBERS_PAGE,
  type membershipInputSchema,
} from '../../../contracts/committees.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import { profilesOf } from '../people/directory.ts';
import { membershipOf } from './service.ts';

type MembershipInput = z.output<typeof membershipInputSchema>;

const counts = (rank: Rank | null) => (rank && rank !== 'follower' ? 1 : 0);

/** Locks the committee's row: its member count and organisers change one request at a time. */
async function lockCommittee(query: Query, campaignId: number, id: number) {
  const [row] = await runSql<{ status: string; open_to_members: boolean }>(
    query,
    sql`SELECT status, open_to_members FROM committees
         WHERE campaign_id = ${campaignId} AND id = ${id} FOR UPDATE`,
  );
  return row;
}

async function setRankRow(
  query: Query,
  campaignId: number,
  id: number,
  personId: number,
  from: Rank | null,
  to: Rank,
) {
  await runSql(
    query,
    sql`UPDATE committee_members SET rank = ${to}
         WHERE campaign_id = ${campaignId} AND committee_id = ${id} AND person_id = ${personId}`,
  );
  await addToCount(query, campaignId, id, counts(to) - counts(from));
}

async function addToCount(query: Query, campaignId: number, id: number, delta: number) {
  if (delta === 0) return;
  await runSql(
    query,
    sql`UPDATE committees SET member_count = member_count + ${delta}
         WHERE campaign_id = ${campaignId} AND id = ${id}`,
  );
}

/**
 * Called when a person joins or follows a committee they were not in, inside that change's
 * transaction: other features listen (newsletters' automations), and what they write commits
 * with the joining or not at all. A listener keeps its own failures to itself (a savepoint).
 */
export const committeeJoinedListeners = new Set<
  (query: Query, ctx: AppContext, personId: number) => Promise<void>
>();

/**
 * Joins (member) or follows a published committee, without approval, or changes what one
 * shares with it. Joining subscribes to the committee's messages. A manager or an organiser
 * keeps their rank; a committee its organisers closed takes followers only.
 */
export async function joinCommittee(
  ctx: AppContext,
  id: number,
  personId: number,
  input: MembershipInput,
) {
  return ctx.database.transaction(async (query) => {
    const committee = await lockCommittee(query, ctx.campaignId, id);
    const current = await membershipOf(query, ctx.campaignId, id, personId);
    if (!committee || (committee.status !== 'published' && !current)) throw notFound('committee');
    const staysAbove = current && rankAtLeast(current.rank, 'manager');
    const rank: Rank = staysAbove ? current.rank : input.as;
    if (rank === 'member' && current?.rank !== 'member' && !committee.open_to_members) {
      throw conflict('committee_closed', 'The organisers closed this committee to new members.');
    }
    if (current) {
      await runSql(
        query,
        sql`UPDATE committee_members SET share_contact = ${input.shareContact}
             WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${id} AND person_id = ${personId}`,
      );
      if (rank !== current.rank)
        await setRankRow(query, ctx.campaignId, id, personId, current.rank, rank);
    } else {
      await runSql(
        query,
        sql`INSERT INTO committee_members (campaign_id, committee_id, person_id, rank, share_contact)
            VALUES (${ctx.campaignId}, ${id}, ${personId}, ${rank}, ${input.shareContact})`,
      );
      await addToCount(query, ctx.campaignId, id, counts(rank));
      for (const listener of committeeJoinedListeners) await listener(query, ctx, personId);
    }
    return {
      committeeId: id,
      rank,
      shareContact: input.shareContact,
      subscribed: current?.subscribed ?? true,
    };
  });
}

async function organiserCount(query: Query, campaignId: number, id: number) {
  const [row] = await runSql<{ n: number }>(
    query,
    sql`SELECT count(*)::int AS n FROM committee_members
         WHERE campaign_id = ${campaignId} AND committee_id = ${id} AND rank = 'organiser'`,
  );
  return row!.n;
}

const lastOrganiser = () =>
  conflict('last_organiser', 'A committee keeps at least one organiser: name another one first.');

export async function leaveCommittee(ctx: AppContext, id: number, personId: number) {
  await ctx.database.transaction(async (query) => {
    if (!(await lockCommittee(query, ctx.campaignId, id))) throw notFound('committee');
    const current = await membershipOf(query, ctx.campaignId, id, personId);
    if (!current) return;
    if (current.rank === 'organiser' && (await organiserCount(query, ctx.campaignId, id)) <= 1) {
      throw lastOrganiser();
    }
    await runSql(
      query,
      sql`DELETE FROM committee_members
           WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${id} AND person_id = ${personId}`,
    );
    await addToCount(query, ctx.campaignId, id, -counts(current.rank));
  });
}

/** An organiser changes a member's rank (audited); the last organiser stays one. */
export async function changeRank(
  ctx: AppContext,
  id: number,
  personId: number,
  rank: Rank,
  actorId: number,
) {
  return ctx.database.transaction(async (query) => {
    if (!(await lockCommittee(query, ctx.campaignId, id))) throw notFound('committee');
    const current = await membershipOf(query, ctx.campaignId, id, personId);
    if (!current) throw notFound('member');
    if (
      current.rank === 'organiser' &&
      rank !== 'organiser' &&
      (await organiserCount(query, ctx.campaignId, id)) <= 1
    ) {
      throw lastOrganiser();
    }
    if (rank !== current.rank) {
      await setRankRow(query, ctx.campaignId, id, personId, current.rank, rank);
      await audit(
        { query },
        {
          campaignId: ctx.campaignId,
          actorId,
          action: 'committees.rank',
          target: `committee:${id}`,
          details: { personId, from: current.rank, to: rank },
        },
      );
    }
    return {
      committeeId: id,
      rank,
      shareContact: current.share_contact,
      subscribed: current.subscribed,
    };
  });
}

/**
 * A committee's members for its managers, organisers first: names and commune for all,
 * email and phone only of those who agreed to share them with the committee.
 */
export async function committeeMembers(ctx: AppContext, id: number, page: number) {
  const rows = await runSql<{
    person_id: number;
    rank: Rank;
    share_contact: boolean;
    joined_at: Date | string;
    total: number;
  }>(
    ctx.database,
    sql`SELECT person_id, rank, share_contact, joined_at, count(*) OVER ()::int AS total
          FROM committee_members WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${id}
         ORDER BY array_position(ARRAY['organiser', 'manager', 'member', 'follower'], rank), joined_at
         LIMIT ${COMMITTEE_MEMBERS_PAGE} OFFSET ${(page - 1) * COMMITTEE_MEMBERS_PAGE}`,
  );
  const profiles = await profilesOf(
    ctx,
    rows.map((r) => Number(r.person_id)),
  );
  const items = rows.flatMap((row) => {
    const person = profiles.get(Number(row.person_id));
    if (!person || person.erased) return [];
    return [
      {
        personId: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        rank: row.rank,
        email: row.share_contact ? person.email : null,
        phone: row.share_contact ? person.phone : null,
        communeName: person.communeName,
        joinedAt: new Date(row.joined_at).toISOString(),
      },
    ];
  });
  return { items, total: rows[0]?.total ?? 0 };
}
