import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';

/** Which of these people belong to a committee (any rank): the recruitment funnel's "joined". */
export async function committeeMembersAmong(
  ctx: AppContext,
  personIds: readonly number[],
): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await runSql<{ person_id: number | string }>(
    ctx.database,
    sql`SELECT DISTINCT m.person_id FROM committee_members m
         WHERE m.campaign_id = ${ctx.campaignId} AND m.person_id = ANY(${personIds})`,
  );
  return new Set(rows.map((r) => Number(r.person_id)));
}

export interface CommitteeMembership {
  id: number;
  name: string;
  placeLabel: string;
  communeCode: string | null;
  members: number;
  /** Members who joined between `since` and `until`. */
  newMembers: number;
  lastJoinedAt: Date | null;
}

/** Every published committee with its members, those who joined in [since, until) and the last. */
export async function committeeMemberships(
  ctx: AppContext,
  since: Date,
  until: Date,
): Promise<CommitteeMembership[]> {
  const rows = await runSql<{
    id: number | string;
    name: string;
    place_label: string;
    commune_code: string | null;
    members: number;
    new_members: number;
    last_joined_at: Date | string | null;
  }>(
    ctx.database,
    sql`SELECT c.id, c.name, c.place_label, c.commune_code, c.member_count AS members,
               coalesce(j.new_members, 0)::int AS new_members, j.last_joined_at
          FROM committees c
          LEFT JOIN (SELECT m.committee_id,
                            count(*) FILTER (WHERE m.joined_at >= ${since} AND m.joined_at < ${until}) AS new_members,
                            max(m.joined_at) FILTER (WHERE m.joined_at < ${until}) AS last_joined_at
                       FROM committee_members m WHERE m.campaign_id = ${ctx.campaignId}
                      GROUP BY m.committee_id) j ON j.committee_id = c.id
         WHERE c.campaign_id = ${ctx.campaignId} AND c.status = 'published'`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    placeLabel: r.place_label,
    communeCode: r.commune_code,
    members: Number(r.members),
    newMembers: r.new_members,
    lastJoinedAt: r.last_joined_at === null ? null : new Date(r.last_joined_at),
  }));
}
