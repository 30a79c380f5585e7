import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  BOARD_PAGE,
  POST_DOCUMENTS_MAX,
  type BoardDocument,
  type postInputSchema,
} from '../../../contracts/committee-board.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { AppError, conflict, notFound } from '../../core/http/errors.ts';
import { richTextToHtml } from '../../core/rich-text.ts';
import { assertMayPost } from '../moderation/sanctions.ts';
import { personNames } from '../people/directory.ts';
import { sniffDocument } from './board-documents.ts';

/** Who reads the board: their id, and whether they run it (managers, organisers, staff). */
export interface BoardViewer {
  personId: number;
  manages: boolean;
}

type PostInput = z.output<typeof postInputSchema>;

interface PostRow {
  id: number | string;
  author_id: number | string | null;
  body_html: string;
  links: Array<{ url: string; host: string }>;
  pinned: boolean;
  created_at: Date | string;
  comments: number;
}

const notAuthor = (what: string) =>
  new AppError(403, 'not_author', `Only its author or the committee's managers may ${what}.`);

async function authorNames(ctx: AppContext, ids: Array<number | string | null>) {
  const names = await personNames(
    ctx,
    ids.flatMap((id) => (id === null ? [] : [Number(id)])),
  );
  return (id: number | string | null) => (id === null ? null : (names.get(Number(id)) ?? null));
}

async function documentsOf(ctx: AppContext, postIds: number[]) {
  const byPost = new Map<number, BoardDocument[]>();
  if (postIds.length === 0) return byPost;
  // Only types read from the bytes (the contract's list) are ever stored.
  const rows = await runSql<BoardDocument & { post_id: number }>(
    ctx.database,
    sql`SELECT id, post_id, name, type, size FROM committee_post_documents
         WHERE campaign_id = ${ctx.campaignId} AND post_id = ANY(${postIds}) ORDER BY id`,
  );
  for (const row of rows) {
    const list = byPost.get(Number(row.post_id)) ?? [];
    list.push({ id: Number(row.id), name: row.name, type: row.type, size: row.size });
    byPost.set(Number(row.post_id), list);
  }
  return byPost;
}

async function shapePosts(ctx: AppContext, rows: PostRow[], viewer: BoardViewer) {
  const ids = rows.map((row) => Number(row.id));
  const [names, documents] = await Promise.all([
    authorNames(
      ctx,
      rows.map((row) => row.author_id),
    ),
    documentsOf(ctx, ids),
  ]);
  return rows.map((row) => {
    const mine = row.author_id !== null && Number(row.author_id) === viewer.personId;
    return {
      id: Number(row.id),
      bodyHtml: row.body_html,
      links: row.links,
      documents: documents.get(Number(row.id)) ?? [],
      pinned: row.pinned,
      author: names(row.author_id),
      erased: row.author_id === null,
      mine,
      comments: row.comments,
      at: new Date(row.created_at).toISOString(),
      may: { delete: mine || viewer.manages },
    };
  });
}

const postColumns = sql`p.id, p.author_id, p.body_html, p.links, p.pinned, p.created_at,
  (SELECT count(*)::int FROM committee_post_comments c
    WHERE c.campaign_id = p.campaign_id AND c.post_id = p.id AND c.status = 'published') AS comments`;

/**
 * The board, a page at a time: pinned posts first, then the newest (ids grow with time), by
 * keyset (`after` is the last row's pinned flag and id), so a page costs the same however
 * deep, and a post written meanwhile does not shift the next page.
 */
export async function boardPosts(
  ctx: AppContext,
  committeeId: number,
  viewer: BoardViewer,
  after?: string,
) {
  const [pinnedText, idText] = after ? after.split('.') : [];
  const from =
    after === undefined
      ? sql``
      : sql`AND (p.pinned, p.id) < (${pinnedText === '1'}, ${Number(idText)})`;
  const rows = await runSql<PostRow>(
    ctx.database,
    sql`SELECT ${postColumns} FROM committee_posts p
         WHERE p.campaign_id = ${ctx.campaignId} AND p.committee_id = ${committeeId}
           AND p.status = 'published' ${from}
         ORDER BY p.pinned DESC, p.id DESC LIMIT ${BOARD_PAGE + 1}`,
  );
  const page = rows.slice(0, BOARD_PAGE);
  const last = page.at(-1);
  return {
    items: await shapePosts(ctx, page, viewer),
    next: rows.length > BOARD_PAGE && last ? `${last.pinned ? 1 : 0}.${Number(last.id)}` : null,
    mayPin: viewer.manages,
  };
}

async function postById(ctx: AppContext, committeeId: number, postId: number, viewer: BoardViewer) {
  const rows = await runSql<PostRow>(
    ctx.database,
    sql`SELECT ${postColumns} FROM committee_posts p
         WHERE p.campaign_id = ${ctx.campaignId} AND p.committee_id = ${committeeId}
           AND p.id = ${postId} AND p.status = 'published'`,
  );
  if (rows.length === 0) throw notFound('post');
  return (await shapePosts(ctx, rows, viewer))[0]!;
}

/** A published post of this committee (another committee's, or a hidden one, is not found). */
async function visiblePost(ctx: AppContext, committeeId: number, postId: number) {
  const [row] = await runSql<{ author_id: number | string | null }>(
    ctx.database,
    sql`SELECT author_id FROM committee_posts
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}
           AND id = ${postId} AND status = 'published'`,
  );
  if (!row) throw notFound('post');
  return { authorId: row.author_id === null ? null : Number(row.author_id) };
}

/**
 * A member's post: its Markdown drawn and cleaned, its links kept with their host, and the
 * documents they uploaded to this committee beforehand attached, all or none.
 */
export async function createPost(
  ctx: AppContext,
  committeeId: number,
  viewer: BoardViewer,
  input: PostInput,
) {
  await assertMayPost(ctx, viewer.personId);
  const links = input.links.map((text) => {
    const url = new URL(text);
    return { url: url.href, host: url.hostname };
  });
  const documentIds = [...new Set(input.documentIds)];
  const postId = await ctx.database.transaction(async (query) => {
    const [row] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO committee_posts (campaign_id, committee_id, author_id, body, body_html, links)
          VALUES (${ctx.campaignId}, ${committeeId}, ${viewer.personId}, ${input.body},
                  ${richTextToHtml(input.body)}, ${JSON.stringify(links)}::jsonb)
          RETURNING id`,
    );
    const id = Number(row!.id);
    if (documentIds.length > 0) {
      const attached = await runSql(
        query,
        sql`UPDATE committee_post_documents SET post_id = ${id}
             WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}
               AND uploaded_by = ${viewer.personId} AND post_id IS NULL AND id = ANY(${documentIds})
            RETURNING id`,
      );
      if (attached.length !== documentIds.length) throw notFound('document');
    }
    return id;
  });
  return postById(ctx, committeeId, postId, viewer);
}

/** Deletes a post, its comments and its documents: its author's choice, or a manager's. */
export async function deletePost(
  ctx: AppContext,
  committeeId: number,
  postId: number,
  viewer: BoardViewer,
) {
  const post = await visiblePost(ctx, committeeId, postId);
  if (post.authorId !== viewer.personId && !viewer.manages) throw notAuthor('delete this post');
  await ctx.database.transaction(async (query) => {
    await runSql(
      query,
      sql`DELETE FROM committee_post_comments WHERE campaign_id = ${ctx.campaignId} AND post_id = ${postId}`,
    );
    await runSql(
      query,
      sql`DELETE FROM committee_post_documents WHERE campaign_id = ${ctx.campaignId} AND post_id = ${postId}`,
    );
    await runSql(
      query,
      sql`DELETE FROM committee_posts WHERE campaign_id = ${ctx.campaignId} AND id = ${postId}`,
    );
    await auditRemoval(ctx, query, committeeId, viewer, post.authorId, { postId });
  });
}

/** A manager removing someone else's words is answerable for it: the audit log keeps it. */
async function auditRemoval(
  ctx: AppContext,
  query: Query,
  committeeId: number,
  viewer: BoardViewer,
  authorId: number | null,
  removed: { postId: number; commentId?: number },
) {
  if (authorId === viewer.personId) return;
  await audit(
    { query },
    {
      campaignId: ctx.campaignId,
      actorId: viewer.personId,
      action: 'committees.board.remove',
      target: `committee:${committeeId}`,
      details: { ...removed, authorId },
    },
  );
}

export async function pinPost(
  ctx: AppContext,
  committeeId: number,
  postId: number,
  pinned: boolean,
) {
  const rows = await runSql(
    ctx.database,
    sql`UPDATE committee_posts SET pinned = ${pinned}
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}
           AND id = ${postId} AND status = 'published' RETURNING id`,
  );
  if (rows.length === 0) throw notFound('post');
}

interface CommentRow {
  id: number | string;
  author_id: number | string | null;
  body: string;
  body_html: string;
  created_at: Date | string;
  edited_at: Date | string | null;
}

async function shapeComments(ctx: AppContext, rows: CommentRow[], viewer: BoardViewer) {
  const names = await authorNames(
    ctx,
    rows.map((row) => row.author_id),
  );
  return rows.map((row) => {
    const mine = row.author_id !== null && Number(row.author_id) === viewer.personId;
    return {
      id: Number(row.id),
      body: row.body,
      bodyHtml: row.body_html,
      author: names(row.author_id),
      mine,
      at: new Date(row.created_at).toISOString(),
      editedAt: row.edited_at === null ? null : new Date(row.edited_at).toISOString(),
      may: { edit: mine, delete: mine || viewer.manages },
    };
  });
}

const COMMENTS_MAX = 500;

/** A post's published comments, oldest first. */
export async function postComments(
  ctx: AppContext,
  committeeId: number,
  postId: number,
  viewer: BoardViewer,
) {
  await visiblePost(ctx, committeeId, postId);
  const rows = await runSql<CommentRow>(
    ctx.database,
    sql`SELECT id, author_id, body, body_html, created_at, edited_at FROM committee_post_comments
         WHERE campaign_id = ${ctx.campaignId} AND post_id = ${postId} AND status = 'published'
         ORDER BY id LIMIT ${COMMENTS_MAX}`,
  );
  return shapeComments(ctx, rows, viewer);
}

export async function addComment(
  ctx: AppContext,
  committeeId: number,
  postId: number,
  viewer: BoardViewer,
  body: string,
) {
  await assertMayPost(ctx, viewer.personId);
  await visiblePost(ctx, committeeId, postId);
  const rows = await runSql<CommentRow>(
    ctx.database,
    sql`INSERT INTO committee_post_comments (campaign_id, post_id, author_id, body, body_html)
        VALUES (${ctx.campaignId}, ${postId}, ${viewer.personId}, ${body}, ${richTextToHtml(body)})
        RETURNING id, author_id, body, body_html, created_at, edited_at`,
  );
  return (await shapeComments(ctx, rows, viewer))[0]!;
}

/** A published comment under a published post of this committee. */
async function visibleComment(
  ctx: AppContext,
  committeeId: number,
  postId: number,
  commentId: number,
) {
  await visiblePost(ctx, committeeId, postId);
  const [row] = await runSql<{ author_id: number | string | null }>(
    ctx.database,
    sql`SELECT author_id FROM committee_post_comments
         WHERE campaign_id = ${ctx.campaignId} AND post_id = ${postId} AND id = ${commentId}
           AND status = 'published'`,
  );
  if (!row) throw notFound('comment');
  return { authorId: row.author_id === null ? null : Number(row.author_id) };
}

export async function editComment(
  ctx: AppContext,
  committeeId: number,
  ids: { postId: number; commentId: number },
  viewer: BoardViewer,
  body: string,
) {
  const comment = await visibleComment(ctx, committeeId, ids.postId, ids.commentId);
  if (comment.authorId !== viewer.personId) {
    throw new AppError(403, 'not_author', 'Only its author may change a comment.');
  }
  await assertMayPost(ctx, viewer.personId);
  const rows = await runSql<CommentRow>(
    ctx.database,
    sql`UPDATE committee_post_comments SET body = ${body}, body_html = ${richTextToHtml(body)}, edited_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${ids.commentId}
        RETURNING id, author_id, body, body_html, created_at, edited_at`,
  );
  return (await shapeComments(ctx, rows, viewer))[0]!;
}

export async function deleteComment(
  ctx: AppContext,
  committeeId: number,
  ids: { postId: number; commentId: number },
  viewer: BoardViewer,
) {
  const comment = await visibleComment(ctx, committeeId, ids.postId, ids.commentId);
  if (comment.authorId !== viewer.personId && !viewer.manages) throw notAuthor('delete it');
  await ctx.database.transaction(async (query) => {
    await runSql(
      query,
      sql`DELETE FROM committee_post_comments WHERE campaign_id = ${ctx.campaignId} AND id = ${ids.commentId}`,
    );
    await auditRemoval(ctx, query, committeeId, viewer, comment.authorId, {
      postId: ids.postId,
      commentId: ids.commentId,
    });
  });
}

/** Documents a person may have waiting for their post: enough for two posts. */
const PENDING_MAX = POST_DOCUMENTS_MAX * 2;

/**
 * Keeps a document a member will attach to their post: its type read from its bytes, its
 * name made safe; it waits unattached (seen by nobody) until the post is written.
 */
export async function uploadDocument(
  ctx: AppContext,
  committeeId: number,
  personId: number,
  file: { bytes: Buffer; name: string },
) {
  await assertMayPost(ctx, personId);
  const { type, name } = sniffDocument(file.bytes, file.name);
  const [pending] = await runSql<{ n: number }>(
    ctx.database,
    sql`SELECT count(*)::int AS n FROM committee_post_documents
         WHERE campaign_id = ${ctx.campaignId} AND uploaded_by = ${personId} AND post_id IS NULL`,
  );
  if (pending!.n >= PENDING_MAX) {
    throw conflict(
      'too_many_documents',
      `You have ${PENDING_MAX} documents waiting for a post: publish your post first.`,
    );
  }
  const [row] = await runSql<{ id: number }>(
    ctx.database,
    sql`INSERT INTO committee_post_documents (campaign_id, committee_id, uploaded_by, name, type, size, content)
        VALUES (${ctx.campaignId}, ${committeeId}, ${personId}, ${name}, ${type}, ${file.bytes.length}, ${file.bytes})
        RETURNING id`,
  );
  return { id: Number(row!.id), name, type, size: file.bytes.length };
}

/** A document of a published post of this committee, with its bytes. */
export async function boardDocument(ctx: AppContext, committeeId: number, documentId: number) {
  const [row] = await runSql<{ name: string; type: string; content: Uint8Array }>(
    ctx.database,
    sql`SELECT d.name, d.type, d.content FROM committee_post_documents d
          JOIN committee_posts p ON p.campaign_id = d.campaign_id AND p.id = d.post_id
         WHERE d.campaign_id = ${ctx.campaignId} AND d.id = ${documentId}
           AND d.committee_id = ${committeeId} AND p.committee_id = ${committeeId}
           AND p.status = 'published'`,
  );
  if (!row) throw notFound('document');
  return { name: row.name, type: row.type, content: Buffer.from(row.content) };
}

/** Documents uploaded but never attached to a post, after a day. */
export async function purgeUnattachedDocuments(ctx: AppContext) {
  const rows = await runSql(
    ctx.database,
    sql`DELETE FROM committee_post_documents
         WHERE campaign_id = ${ctx.campaignId} AND post_id IS NULL
           AND created_at < now() - interval '1 day' RETURNING id`,
  );
  return rows.length;
}
