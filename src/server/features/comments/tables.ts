import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * Comments on a content item (an article, a talking point, a rebuttal), plain text. A reply
 * names its parent, a top-level comment (one level deep). `status`: visible, held (a
 * forbidden word, waiting for a moderator), hidden (by a moderator), deleted (by a
 * moderator, or blanked by an erasure), withdrawn (deleted by its author: its text stays for
 * the moderators, shown to nobody; a top-level one with visible replies shows as a mark).
 */
export const contentComments = pgTable(
  'content_comments',
  {
    campaignId: campaignId(),
    id: id(),
    itemId: ref('item_id').notNull(),
    /** Null once the author's data was erased. */
    authorId: ref('author_id'),
    parentId: ref('parent_id'),
    body: text('body').notNull(),
    status: text('status').notNull().default('visible'),
    createdAt: at('created_at').notNull().defaultNow(),
    /** The author's last edit ("edited" on the page); null when never edited. */
    editedAt: at('edited_at'),
  },
  (t) => [
    primaryKey({ name: 'content_comments_pkey', columns: [t.campaignId, t.id] }),
    // A page of the thread: the top-level comments shown after a cursor (visible ones, and
    // those their author withdrew, drawn as a mark while replies stay under them).
    index('content_comments_thread_idx')
      .on(t.campaignId, t.itemId, t.id)
      .where(sql`parent_id IS NULL AND status IN ('visible', 'withdrawn')`),
    index('content_comments_parent_idx').on(t.campaignId, t.parentId, t.id),
    index('content_comments_author_idx').on(t.campaignId, t.authorId, t.createdAt),
  ],
);

/**
 * The texts a comment's author replaced by editing it, so that the moderators can still read
 * what was reported: one row per edit, the text before it. Erased with the author.
 */
export const contentCommentEdits = pgTable(
  'content_comment_edits',
  {
    campaignId: campaignId(),
    id: id(),
    commentId: ref('comment_id').notNull(),
    authorId: ref('author_id').notNull(),
    /** The text before this edit. */
    body: text('body').notNull(),
    editedAt: at('edited_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'content_comment_edits_pkey', columns: [t.campaignId, t.id] }),
    index('content_comment_edits_comment_idx').on(t.campaignId, t.commentId, t.id),
    // The hourly rate counts edits too.
    index('content_comment_edits_author_idx').on(t.campaignId, t.authorId, t.editedAt),
  ],
);

/** People who asked not to be mailed about comments on their articles or replies. */
export const commentNotificationOptOuts = pgTable(
  'comment_notification_opt_outs',
  {
    campaignId: campaignId(),
    personId: ref('person_id').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'comment_notification_opt_outs_pkey', columns: [t.campaignId, t.personId] }),
  ],
);
