import { sql } from 'drizzle-orm';
import { runSql } from '../../core/db/statement.ts';
import { articlePath, liveItemById } from '../content/service.ts';
import {
  describeRows,
  type ModerationTargetKindDefinition,
  type TargetChange,
} from '../moderation/target.ts';

const statusAfter: Record<TargetChange, string> = {
  unpublish: 'hidden',
  close: 'deleted',
  restore: 'visible',
};

/** A comment's status in the words the moderators' queue uses for every kind. */
const queueStatus: Record<string, string> = {
  visible: 'published',
  held: 'held',
  hidden: 'unpublished',
  deleted: 'closed',
  // Deleted by its author: gone from the page, as closed.
  withdrawn: 'closed',
};

const excerpt = (body: string, length = 140) =>
  body.length > length ? `${body.slice(0, length - 1)}…` : body || '—';

/**
 * Comments on articles, talking points and rebuttals: anyone who sees one reports it; a
 * forbidden word queues it held; a decision hides (`unpublish`), deletes (`close`) or shows
 * it again (`restore`); a ban hides every comment of its author. Reports stay on a comment its
 * author edits: its title is the text as it is now, then the text it was first posted with.
 * What its author deleted (`withdrawn`) no decision brings back.
 */
export const contentCommentModeration: ModerationTargetKindDefinition = {
  kind: 'content_comment',
  async describe(ctx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await runSql<{
      id: number;
      item_id: number;
      body: string;
      status: string;
      author_id: number | null;
    }>(
      ctx.database,
      sql`SELECT id, item_id, body, status, author_id FROM content_comments
           WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${ids})`,
    );
    const firstTexts = new Map(
      (
        await runSql<{ comment_id: number; body: string }>(
          ctx.database,
          sql`SELECT DISTINCT ON (comment_id) comment_id, body FROM content_comment_edits
               WHERE campaign_id = ${ctx.campaignId} AND comment_id = ANY(${ids})
               ORDER BY comment_id, id`,
        )
      ).map((row) => [Number(row.comment_id), row.body]),
    );
    const titleOf = (id: number, body: string) => {
      const first = firstTexts.get(id);
      return first === undefined
        ? excerpt(body)
        : `${excerpt(body)} (edited; first posted as “${excerpt(first, 100)}”)`;
    };
    const urls = new Map<number, string>();
    for (const itemId of new Set(rows.map((row) => Number(row.item_id)))) {
      const item = await liveItemById(ctx, itemId);
      if (item) urls.set(itemId, `${articlePath(item.slug)}/comments`);
    }
    const itemOf = new Map(rows.map((row) => [Number(row.id), Number(row.item_id)]));
    return describeRows(
      ctx,
      'content_comment',
      rows.map((row) => ({
        ...row,
        title: titleOf(Number(row.id), row.body),
        status: queueStatus[row.status] ?? row.status,
        created_by: row.author_id,
      })),
      (id) => `${urls.get(itemOf.get(id)!) ?? '/articles'}#comment-${id}`,
    );
  },
  async isVisible(ctx, id) {
    const [row] = await runSql<{ item_id: number }>(
      ctx.database,
      sql`SELECT item_id FROM content_comments
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND status = 'visible'`,
    );
    return row !== undefined && (await liveItemById(ctx, Number(row.item_id))) !== null;
  },
  async concerned(ctx, id) {
    const found = await runSql<{ author_id: number | null }>(
      ctx.database,
      sql`SELECT author_id FROM content_comments WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    return found.flatMap((row) => (row.author_id === null ? [] : [Number(row.author_id)]));
  },
  async change(query, campaignId, id, change) {
    await runSql(
      query,
      sql`UPDATE content_comments SET status = ${statusAfter[change]}
           WHERE campaign_id = ${campaignId} AND id = ${id} AND status <> 'withdrawn'`,
    );
  },
  async hideAllBy(query, campaignId, personId) {
    const hidden = await runSql(
      query,
      sql`UPDATE content_comments SET status = 'hidden'
           WHERE campaign_id = ${campaignId} AND author_id = ${personId}
             AND status IN ('visible', 'held')
          RETURNING id`,
    );
    return hidden.length;
  },
};
