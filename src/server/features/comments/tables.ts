import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * Comments on a content item (an article, a talking point, a rebuttal), plain text. A reply
 * names its parent, a top-level comment (one level deep). `status`: visible, held (a
 * forbidden word, waiting for a moderator), hidden (by a moderator), deleted.
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
  },
  (t) => [
    primaryKey({ name: 'content_comments_pkey', columns: [t.campaignId, t.id] }),
    // A page of the thread: the visible top-level comments after a cursor, by this index only.
    index('content_comments_thread_idx')
      .on(t.campaignId, t.itemId, t.id)
      .where(sql`parent_id IS NULL AND status = 'visible'`),
    index('content_comments_parent_idx').on(t.campaignId, t.parentId, t.id),
    index('content_comments_author_idx').on(t.campaignId, t.authorId, t.createdAt),
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
