import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  COMMENT_EDIT_MINUTES,
  COMMENTS_PAGE,
  defaultCommentRules,
  type CommentRules,
  type CommentsPage,
  type CommentStatus,
  type commentEditSchema,
  type commentPostSchema,
  type PersonComment,
  type PersonCommentsPage,
} from '../../../contracts/comments.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { AppError, conflict, notFound } from '../../core/http/errors.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { forbiddenWordsIn } from '../committees/rules.ts';
import { articlePath, getItem, liveItem, liveItemById } from '../content/service.ts';
import { queueHeld } from '../moderation/service.ts';
import { assertMayPost } from '../moderation/sanctions.ts';
import { profilesOf, type PersonProfile } from '../people/directory.ts';
import { campaignName, readSetting, writeSetting } from '../settings/service.ts';
import { commentMail } from './mails.ts';

type CommentInput = z.output<typeof commentPostSchema>;
type CommentEditInput = z.output<typeof commentEditSchema>;

const RULES_KEY = 'comment_rules';
const DAY = 86_400_000;
const EDIT_WINDOW = COMMENT_EDIT_MINUTES * 60_000;
/** A person's comments on HQ's person page, a page at a time. */
export const PERSON_COMMENTS_PAGE = 10;

export async function commentRules(ctx: AppContext): Promise<CommentRules> {
  const stored = await readSetting<Partial<CommentRules>>(ctx.database, ctx.campaignId, RULES_KEY);
  return { ...defaultCommentRules, ...stored };
}

export async function setCommentRules(ctx: AppContext, rules: CommentRules, actorId: number) {
  const cleaned = { ...rules, forbiddenWords: [...new Set(rules.forbiddenWords)] };
  await writeSetting(ctx.database, ctx.campaignId, RULES_KEY, cleaned);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'comments.rules.update',
    details: { ...cleaned, forbiddenWords: cleaned.forbiddenWords.length },
  });
  return cleaned;
}

/** A live item and whether its comments are open (the window after its publication). */
export async function commentedItem(ctx: AppContext, itemId: number, rules: CommentRules) {
  const item = await liveItemById(ctx, itemId);
  if (!item) throw notFound('item');
  const closesAt = new Date(item.publishedAt.getTime() + rules.openDays * DAY);
  return { ...item, closesAt, open: Date.now() < closesAt.getTime() };
}

/** The name the public reads: a first name and an initial, never an address. */
export function publicName(person: PersonProfile | undefined): string {
  if (!person || person.erased) return '—';
  const first = person.firstName?.trim();
  const initial = person.lastName?.trim().charAt(0);
  if (first) return initial ? `${first} ${initial}.` : first;
  return initial ? `${initial}.` : '—';
}

interface CommentRow {
  id: number | string;
  parent_id: number | string | null;
  author_id: number | string | null;
  body: string;
  status: CommentStatus;
  created_at: Date | string;
  edited_at: Date | string | null;
}

/**
 * A page of an item's thread: up to 20 top-level comments after the cursor, read by the thread
 * index alone (a page costs the same in a thread of 20 or 2,000), each with its visible
 * replies. A top-level comment its author deleted comes as a mark (no name, no text) while
 * visible replies stay under it, and not at all otherwise.
 */
export async function itemComments(
  ctx: AppContext,
  itemId: number,
  after: number | undefined,
  viewerId: number | null,
): Promise<CommentsPage> {
  const item = await commentedItem(ctx, itemId, await commentRules(ctx));
  const top = await runSql<CommentRow>(
    ctx.database,
    sql`SELECT id, parent_id, author_id, body, status, created_at, edited_at
          FROM content_comments c
         WHERE campaign_id = ${ctx.campaignId} AND item_id = ${item.id}
           AND parent_id IS NULL AND status IN ('visible', 'withdrawn') AND id > ${after ?? 0}
           AND (status = 'visible'
                OR EXISTS (SELECT 1 FROM content_comments r
                            WHERE r.campaign_id = c.campaign_id AND r.parent_id = c.id
                              AND r.status = 'visible'))
         ORDER BY id LIMIT ${COMMENTS_PAGE + 1}`,
  );
  const page = top.slice(0, COMMENTS_PAGE);
  const replies =
    page.length === 0
      ? []
      : await runSql<CommentRow>(
          ctx.database,
          sql`SELECT id, parent_id, author_id, body, status, created_at, edited_at
                FROM content_comments
               WHERE campaign_id = ${ctx.campaignId}
                 AND parent_id = ANY(${page.map((row) => Number(row.id))})
                 AND status = 'visible'
               ORDER BY id`,
        );
  const shown = [...page, ...replies].filter((row) => row.status === 'visible');
  const authors = await profilesOf(
    ctx,
    shown.flatMap((row) => (row.author_id === null ? [] : [Number(row.author_id)])),
  );
  const now = Date.now();
  const shape = (row: CommentRow) => {
    const authorId = row.author_id === null ? null : Number(row.author_id);
    const deleted = row.status === 'withdrawn';
    const mine = !deleted && authorId !== null && authorId === viewerId;
    const editableUntil = new Date(row.created_at).getTime() + EDIT_WINDOW;
    return {
      id: Number(row.id),
      authorName: deleted ? '' : publicName(authorId === null ? undefined : authors.get(authorId)),
      body: deleted ? '' : row.body,
      at: new Date(row.created_at).toISOString(),
      mine,
      edited: !deleted && row.edited_at !== null,
      deleted,
      editableUntil:
        mine && item.open && editableUntil > now ? new Date(editableUntil).toISOString() : null,
    };
  };
  return {
    items: page.map((row) => ({
      ...shape(row),
      replies: replies.filter((r) => Number(r.parent_id) === Number(row.id)).map(shape),
    })),
    next: top.length > COMMENTS_PAGE ? Number(page.at(-1)!.id) : null,
    open: item.open,
    closesAt: item.closesAt.toISOString(),
  };
}

/** Whether this person may comment under the rules (null: they may), and why not. */
export async function refusalOf(
  ctx: AppContext,
  personId: number,
  rules: CommentRules,
): Promise<AppError | null> {
  const person = (await profilesOf(ctx, [personId])).get(personId);
  if (!person || person.erased) return notFound('person');
  if (rules.who === 'confirmed' && !person.confirmed) {
    return new AppError(
      403,
      'comment_not_allowed',
      'Confirm your email address (the link in our mail) before commenting.',
    );
  }
  return null;
}

/**
 * Comments a live item, or replies to one of its visible top-level comments, while the
 * window after publication is open; refused to a person the rules or the moderators do not
 * admit, and beyond the hourly rate (counted under a lock on the person, so two tabs cannot
 * pass together). A forbidden word holds it for the moderators; else the item's author and
 * the answered comment's author are mailed (unless they opted out).
 */
export async function postComment(
  ctx: AppContext,
  itemId: number,
  personId: number,
  input: CommentInput,
): Promise<{ id: number; status: CommentStatus }> {
  const rules = await commentRules(ctx);
  const item = await commentedItem(ctx, itemId, rules);
  const refusal = await refusalOf(ctx, personId, rules);
  if (refusal) throw refusal;
  await assertMayPost(ctx, personId);
  if (!item.open) {
    throw conflict('comments_closed', 'Comments on this item are closed.');
  }
  let parentAuthor: number | null = null;
  if (input.parentId !== null) {
    const [parent] = await runSql<{ parent_id: number | null; author_id: number | null }>(
      ctx.database,
      sql`SELECT parent_id, author_id FROM content_comments
           WHERE campaign_id = ${ctx.campaignId} AND item_id = ${item.id}
             AND id = ${input.parentId} AND status = 'visible'`,
    );
    if (!parent) throw notFound('comment');
    if (parent.parent_id !== null) {
      throw conflict('reply_too_deep', 'Answer the comment this reply is under.');
    }
    parentAuthor = parent.author_id === null ? null : Number(parent.author_id);
  }
  const held = forbiddenWordsIn([input.body], rules.forbiddenWords);
  const status: CommentStatus = held.length > 0 ? 'held' : 'visible';
  const id = await ctx.database.transaction(async (query) => {
    await withinRate(query, ctx.campaignId, personId, rules);
    const [row] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO content_comments (campaign_id, item_id, author_id, parent_id, body, status)
          VALUES (${ctx.campaignId}, ${item.id}, ${personId}, ${input.parentId}, ${input.body}, ${status})
          RETURNING id`,
    );
    const commentId = Number(row!.id);
    if (status === 'held') {
      await queueHeld(
        query,
        ctx.campaignId,
        'content_comment',
        commentId,
        `Held: forbidden words (${held.join(', ')})`,
      );
    }
    return commentId;
  });
  if (status === 'visible') await notify(ctx, item, personId, parentAuthor, input.body);
  return { id, status };
}

/**
 * Refuses (429) a person who posted or edited `perHour` comments within the last hour. Run
 * first in a transaction: it takes a lock on the person until the transaction ends, so two
 * tabs cannot pass together.
 */
async function withinRate(query: Query, campaignId: number, personId: number, rules: CommentRules) {
  await runSql(
    query,
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`comments.post:${campaignId}:${personId}`}, 0))`,
  );
  const [recent] = await runSql<{ n: number }>(
    query,
    sql`SELECT (SELECT count(*) FROM content_comments
                 WHERE campaign_id = ${campaignId} AND author_id = ${personId}
                   AND created_at > now() - interval '1 hour')::int
             + (SELECT count(*) FROM content_comment_edits
                 WHERE campaign_id = ${campaignId} AND author_id = ${personId}
                   AND edited_at > now() - interval '1 hour')::int AS n`,
  );
  if (recent!.n >= rules.perHour) {
    throw new AppError(
      429,
      'comment_rate_limited',
      `At most ${rules.perHour} comments an hour: try again later.`,
    );
  }
}

interface OwnComment {
  id: number;
  status: CommentStatus;
  body: string;
  parentId: number | null;
  createdAt: Date;
  editedAt: Date | null;
}

/**
 * The caller's comment under a live item: 404 when the item has no such comment (or it is
 * gone: deleted, withdrawn), 403 `not_author` when it is someone else's visible comment (the
 * others' comments not shown are 404, as absent).
 */
async function ownComment(
  on: Queryable,
  campaignId: number,
  itemId: number,
  commentId: number,
  personId: number,
  forUpdate = false,
): Promise<OwnComment> {
  const [row] = await runSql<{
    id: number;
    author_id: number | null;
    status: CommentStatus;
    body: string;
    parent_id: number | null;
    created_at: Date | string;
    edited_at: Date | string | null;
  }>(
    on,
    sql`SELECT id, author_id, status, body, parent_id, created_at, edited_at
          FROM content_comments
         WHERE campaign_id = ${campaignId} AND item_id = ${itemId} AND id = ${commentId}
         ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  if (!row || row.status === 'deleted' || row.status === 'withdrawn') throw notFound('comment');
  if (row.author_id === null || Number(row.author_id) !== personId) {
    if (row.status !== 'visible') throw notFound('comment');
    throw new AppError(403, 'not_author', 'Only its author may change a comment.');
  }
  return {
    id: Number(row.id),
    status: row.status,
    body: row.body,
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    createdAt: new Date(row.created_at),
    editedAt: row.edited_at === null ? null : new Date(row.edited_at),
  };
}

const hiddenByModerator = () =>
  conflict('comment_hidden', 'A moderator hid this comment: it can no longer be changed.');

/** What an edit may change: the author's visible comment, in its window, thread open. */
function assertEditable(comment: OwnComment, item: { open: boolean }) {
  if (comment.status === 'hidden') throw hiddenByModerator();
  if (comment.status === 'held') {
    throw conflict('comment_held', 'This comment waits for a moderator: it cannot be edited.');
  }
  if (!item.open) throw conflict('comments_closed', 'Comments on this item are closed.');
  if (comment.createdAt.getTime() + EDIT_WINDOW <= Date.now()) {
    throw conflict(
      'edit_window_over',
      `A comment can be edited within ${COMMENT_EDIT_MINUTES} minutes of posting it.`,
    );
  }
}

/**
 * The author edits their visible comment within 15 minutes of posting it, while the thread is
 * open. The new text passes a post's checks: the rules and sanctions, the hourly rate (edits
 * count), and a forbidden word holds it for the moderators. The text replaced is kept
 * (`content_comment_edits`) for the moderators: reports on the comment stay open and apply to
 * it as edited. Audited without the text.
 */
export async function editComment(
  ctx: AppContext,
  itemId: number,
  commentId: number,
  personId: number,
  input: CommentEditInput,
): Promise<{ id: number; status: CommentStatus; editedAt: string }> {
  const rules = await commentRules(ctx);
  const item = await commentedItem(ctx, itemId, rules);
  assertEditable(
    await ownComment(ctx.database, ctx.campaignId, item.id, commentId, personId),
    item,
  );
  const refusal = await refusalOf(ctx, personId, rules);
  if (refusal) throw refusal;
  await assertMayPost(ctx, personId);
  const held = forbiddenWordsIn([input.body], rules.forbiddenWords);
  const status: CommentStatus = held.length > 0 ? 'held' : 'visible';
  return ctx.database.transaction(async (query) => {
    await withinRate(query, ctx.campaignId, personId, rules);
    // Again under the row's lock: a moderator may have hidden it meanwhile.
    const comment = await ownComment(query, ctx.campaignId, item.id, commentId, personId, true);
    assertEditable(comment, item);
    if (comment.body === input.body) {
      return {
        id: comment.id,
        status: comment.status,
        editedAt: (comment.editedAt ?? comment.createdAt).toISOString(),
      };
    }
    await runSql(
      query,
      sql`INSERT INTO content_comment_edits (campaign_id, comment_id, author_id, body)
          VALUES (${ctx.campaignId}, ${comment.id}, ${personId}, ${comment.body})`,
    );
    const [row] = await runSql<{ edited_at: Date | string }>(
      query,
      sql`UPDATE content_comments SET body = ${input.body}, status = ${status}, edited_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${comment.id}
          RETURNING edited_at`,
    );
    if (status === 'held') {
      await queueHeld(
        query,
        ctx.campaignId,
        'content_comment',
        comment.id,
        `Held: forbidden words (${held.join(', ')}), after an edit`,
      );
    }
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId: personId,
        action: 'comments.edit',
        target: `content_comment:${comment.id}`,
        details: { item: item.id, held: status === 'held' },
      },
    );
    return { id: comment.id, status, editedAt: new Date(row!.edited_at).toISOString() };
  });
}

/**
 * The author deletes their comment (visible or held; a hidden one stays the moderators'), at
 * any time. Its row stays as `withdrawn`, shown to nobody: a top-level comment with visible
 * replies shows as "deleted by its author" above them (`marked`), anything else is no longer
 * shown (`removed`). Its text stays for the moderators, until the author's erasure. Audited.
 */
export async function deleteComment(
  ctx: AppContext,
  itemId: number,
  commentId: number,
  personId: number,
): Promise<{ id: number; shown: 'marked' | 'removed' }> {
  const item = await liveItemById(ctx, itemId);
  if (!item) throw notFound('item');
  return ctx.database.transaction(async (query) => {
    const comment = await ownComment(query, ctx.campaignId, item.id, commentId, personId, true);
    if (comment.status === 'hidden') throw hiddenByModerator();
    await runSql(
      query,
      sql`UPDATE content_comments SET status = 'withdrawn'
           WHERE campaign_id = ${ctx.campaignId} AND id = ${comment.id}`,
    );
    const [replies] = await runSql<{ n: number }>(
      query,
      sql`SELECT count(*)::int AS n FROM content_comments
           WHERE campaign_id = ${ctx.campaignId} AND parent_id = ${comment.id}
             AND status = 'visible'`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId: personId,
        action: 'comments.delete',
        target: `content_comment:${comment.id}`,
        details: { item: item.id, was: comment.status, replies: replies!.n },
      },
    );
    return { id: comment.id, shown: replies!.n > 0 ? 'marked' : 'removed' };
  });
}

/**
 * A person's comments for HQ's person page, newest first: the item, when, whether a reply,
 * the state and a link to it while the item is live; never the text.
 */
export async function commentsOfPerson(
  ctx: AppContext,
  personId: number,
  page: number,
): Promise<PersonCommentsPage> {
  const person = (await profilesOf(ctx, [personId])).get(personId);
  if (!person) throw notFound('person');
  const [count] = await runSql<{ n: number }>(
    ctx.database,
    sql`SELECT count(*)::int AS n FROM content_comments
         WHERE campaign_id = ${ctx.campaignId} AND author_id = ${personId}`,
  );
  const rows = await runSql<{
    id: number;
    item_id: number;
    parent_id: number | null;
    status: CommentStatus;
    created_at: Date | string;
    edited_at: Date | string | null;
  }>(
    ctx.database,
    sql`SELECT id, item_id, parent_id, status, created_at, edited_at FROM content_comments
         WHERE campaign_id = ${ctx.campaignId} AND author_id = ${personId}
         ORDER BY created_at DESC, id DESC
         LIMIT ${PERSON_COMMENTS_PAGE} OFFSET ${(page - 1) * PERSON_COMMENTS_PAGE}`,
  );
  const items = new Map<number, { title: string; live: boolean; slug: string } | null>();
  for (const itemId of new Set(rows.map((row) => Number(row.item_id)))) {
    try {
      const item = await getItem(ctx, itemId);
      items.set(itemId, { title: item.title, live: item.live, slug: item.slug });
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      items.set(itemId, null);
    }
  }
  return {
    items: rows.map((row): PersonComment => {
      const item = items.get(Number(row.item_id));
      const thread = item?.live ? `${articlePath(item.slug)}/comments` : null;
      return {
        id: Number(row.id),
        itemId: Number(row.item_id),
        itemTitle: item?.title ?? null,
        at: new Date(row.created_at).toISOString(),
        editedAt: row.edited_at === null ? null : new Date(row.edited_at).toISOString(),
        reply: row.parent_id !== null,
        status: row.status,
        url: thread && row.status === 'visible' ? `${thread}#comment-${row.id}` : thread,
      };
    }),
    total: count!.n,
    page,
    pageSize: PERSON_COMMENTS_PAGE,
  };
}

/** Mails the item's author and the answered comment's author, but not the commenter. */
async function notify(
  ctx: AppContext,
  item: { id: number; slug: string; title: string },
  commenterId: number,
  parentAuthor: number | null,
  body: string,
) {
  const itemAuthor = (await liveItem(ctx, item.slug))?.author_id ?? null;
  const why = new Map<number, 'item' | 'reply'>();
  if (parentAuthor !== null) why.set(parentAuthor, 'reply');
  if (itemAuthor !== null && !why.has(Number(itemAuthor))) why.set(Number(itemAuthor), 'item');
  why.delete(commenterId);
  if (why.size === 0) return;
  const optedOut = await runSql<{ person_id: number }>(
    ctx.database,
    sql`SELECT person_id FROM comment_notification_opt_outs
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ANY(${[...why.keys()]})`,
  );
  for (const row of optedOut) why.delete(Number(row.person_id));
  const people = await profilesOf(ctx, [...why.keys(), commenterId]);
  const campaign = await campaignName(ctx.database, ctx.campaignId);
  const excerpt = body.length > 200 ? `${body.slice(0, 199)}…` : body;
  const url = `${ctx.config.publicUrl}${articlePath(item.slug)}/comments`;
  for (const [personId, reason] of why) {
    const person = people.get(personId);
    if (!person || person.erased || !person.email) continue;
    const mail = commentMail(
      person.locale,
      reason,
      { campaign, title: item.title, name: publicName(people.get(commenterId)), excerpt },
      url,
    );
    await enqueueMail(ctx.database, ctx.campaignId, {
      kind: 'comment_notice',
      personId,
      to: person.email,
      ...mail,
    });
  }
  ctx.mailer.nudge();
}

export async function notificationsOf(ctx: AppContext, personId: number) {
  const rows = await runSql(
    ctx.database,
    sql`SELECT 1 FROM comment_notification_opt_outs
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`,
  );
  return { notify: rows.length === 0 };
}

export async function setNotifications(ctx: AppContext, personId: number, notify: boolean) {
  await runSql(
    ctx.database,
    notify
      ? sql`DELETE FROM comment_notification_opt_outs
             WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}`
      : sql`INSERT INTO comment_notification_opt_outs (campaign_id, person_id)
            VALUES (${ctx.campaignId}, ${personId}) ON CONFLICT DO NOTHING`,
  );
  return { notify };
}
