import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { richTextToPlain } from '../../core/rich-text.ts';
import {
  describeRows,
  type ModerationTargetKindDefinition,
  type TargetChange,
} from '../moderation/target.ts';

const statusAfter: Record<TargetChange, string> = {
  unpublish: 'unpublished',
  close: 'closed',
  restore: 'published',
};

/** What the moderator reads of it: the start of its text. */
const excerpt = (body: string) => {
  const plain = richTextToPlain(body);
  return plain.length > 140 ? `${plain.slice(0, 139)}…` : plain || '—';
};

/** Whether this person is a member (or more) of the committee the subquery names. */
const memberOf = (ctx: AppContext, committee: SQL, viewerId: number) =>
  sql`EXISTS (SELECT 1 FROM committee_members m
               WHERE m.campaign_id = ${ctx.campaignId} AND m.committee_id = (${committee})
                 AND m.person_id = ${viewerId} AND m.rank <> 'follower')`;

const boardUrl = (committeeId: number | string, postId: number | string) =>
  `/me/committees/${Number(committeeId)}/manage#post-${Number(postId)}`;

/** Whom a post or comment concerns (its author) and how moderation changes or hides them. */
const byAuthor = (
  table: 'committee_posts' | 'committee_post_comments',
): Pick<ModerationTargetKindDefinition, 'concerned' | 'change' | 'hideAllBy'> => {
  const rows = sql.raw(table);
  return {
    async concerned(ctx, id) {
      const found = await runSql<{ author_id: number | null }>(
        ctx.database,
        sql`SELECT author_id FROM ${rows} WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
      );
      return found.flatMap((row) => (row.author_id === null ? [] : [Number(row.author_id)]));
    },
    async change(query, campaignId, id, change) {
      await runSql(
        query,
        sql`UPDATE ${rows} SET status = ${statusAfter[change]}
             WHERE campaign_id = ${campaignId} AND id = ${id}`,
      );
    },
    async hideAllBy(query, campaignId, personId) {
      const hidden = await runSql(
        query,
        sql`UPDATE ${rows} SET status = 'unpublished'
             WHERE campaign_id = ${campaignId} AND author_id = ${personId} AND status = 'published'
            RETURNING id`,
      );
      return hidden.length;
    },
  };
};

/** Posts on a committee's board: reported by its members, their author is who wrote them. */
export const committeePostModeration: ModerationTargetKindDefinition = {
  kind: 'committee_post',
  async describe(ctx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await runSql<{
      id: number;
      committee_id: number;
      body: string;
      status: string;
      author_id: number | null;
    }>(
      ctx.database,
      sql`SELECT id, committee_id, body, status, author_id FROM committee_posts
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${ids})`,
    );
    const committees = new Map(rows.map((row) => [Number(row.id), row.committee_id]));
    return describeRows(
      ctx,
      'committee_post',
      rows.map((row) => ({ ...row, title: excerpt(row.body), created_by: row.author_id })),
      (id) => boardUrl(committees.get(id)!, id),
    );
  },
  async isVisible(ctx, id, viewerId) {
    if (viewerId === null) return false;
    const rows = await runSql(
      ctx.database,
      sql`SELECT 1 FROM committee_posts p
           WHERE p.campaign_id = ${ctx.campaignId} AND p.id = ${id} AND p.status = 'published'
             AND ${memberOf(ctx, sql`p.committee_id`, viewerId)}`,
    );
    return rows.length > 0;
  },
  ...byAuthor('committee_posts'),
};

/** Comments on the board's posts, as posts are. */
export const committeeCommentModeration: ModerationTargetKindDefinition = {
  kind: 'committee_comment',
  async describe(ctx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await runSql<{
      id: number;
      post_id: number;
      committee_id: number;
      body: string;
      status: string;
      author_id: number | null;
    }>(
      ctx.database,
      sql`SELECT c.id, c.post_id, p.committee_id, c.body, c.status, c.author_id
            FROM committee_post_comments c
            JOIN committee_posts p ON p.campaign_id = c.campaign_id AND p.id = c.post_id
           WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ANY(${ids})`,
    );
    const where = new Map(rows.map((row) => [Number(row.id), row]));
    return describeRows(
      ctx,
      'committee_comment',
      rows.map((row) => ({ ...row, title: excerpt(row.body), created_by: row.author_id })),
      (id) => boardUrl(where.get(id)!.committee_id, where.get(id)!.post_id),
    );
  },
  async isVisible(ctx, id, viewerId) {
    if (viewerId === null) return false;
    const rows = await runSql(
      ctx.database,
      sql`SELECT 1 FROM committee_post_comments c
            JOIN committee_posts p ON p.campaign_id = c.campaign_id AND p.id = c.post_id
           WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ${id} AND c.status = 'published'
             AND p.status = 'published' AND ${memberOf(ctx, sql`p.committee_id`, viewerId)}`,
    );
    return rows.length > 0;
  },
  ...byAuthor('committee_post_comments'),
};
