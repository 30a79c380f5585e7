import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  COMMENTS_PAGE,
  defaultCommentRules,
  type CommentRules,
  type CommentsPage,
  type CommentStatus,
  type commentPostSchema,
} from '../../../contracts/comments.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { AppError, conflict, notFound } from '../../core/http/errors.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { forbiddenWordsIn } from '../committees/rules.ts';
import { articlePath, liveItem, liveItemById } from '../content/service.ts';
import { queueHeld } from '../moderation/service.ts';
import { assertMayPost } from '../moderation/sanctions.ts';
import { profilesOf, type PersonProfile } from '../people/directory.ts';
import { campaignName, readSetting, writeSetting } from '../settings/service.ts';
import { commentMail } from './mails.ts';

type CommentInput = z.output<typeof commentPostSchema>;

const RULES_KEY = 'comment_rules';
const DAY = 86_400_000;

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
  created_at: Date | string;
}

/**
 * A page of an item's thread: up to 20 visible top-level comments after the cursor, read by
 * the thread index alone (a page costs the same in a thread of 20 or 2,000), each with its
 * visible replies.
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
    sql`SELECT id, parent_id, author_id, body, created_at FROM content_comments
         WHERE campaign_id = ${ctx.campaignId} AND item_id = ${item.id}
           AND parent_id IS NULL AND status = 'visible' AND id > ${after ?? 0}
         ORDER BY id LIMIT ${COMMENTS_PAGE + 1}`,
  );
  const page = top.slice(0, COMMENTS_PAGE);
  const replies =
    page.length === 0
      ? []
      : await runSql<CommentRow>(
          ctx.database,
          sql`SELECT id, parent_id, author_id, body, created_at FROM content_comments
               WHERE campaign_id = ${ctx.campaignId}
                 AND parent_id = ANY(${page.map((row) => Number(row.id))})
                 AND status = 'visible'
               ORDER BY id`,
        );
  const authors = await profilesOf(
    ctx,
    [...page, ...replies].flatMap((row) => (row.author_id === null ? [] : [Number(row.author_id)])),
  );
  const shape = (row: CommentRow) => {
    const authorId = row.author_id === null ? null : Number(row.author_id);
    return {
      id: Number(row.id),
      authorName: publicName(authorId === null ? undefined : authors.get(authorId)),
      body: row.body,
      at: new Date(row.created_at).toISOString(),
      mine: authorId !== null && authorId === viewerId,
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
    await runSql(
      query,
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`comments.post:${ctx.campaignId}:${personId}`}, 0))`,
    );
    const [recent] = await runSql<{ n: number }>(
      query,
      sql`SELECT count(*)::int AS n FROM content_comments
           WHERE campaign_id = ${ctx.campaignId} AND author_id = ${personId}
             AND created_at > now() - interval '1 hour'`,
    );
    if (recent!.n >= rules.perHour) {
      throw new AppError(
        429,
        'comment_rate_limited',
        `At most ${rules.perHour} comments an hour: try again later.`,
      );
    }
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
