import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, bytea, campaignId, id, ref } from '../../core/db/columns.ts';

/**
 * Articles, talking points and rebuttals. The body is Markdown; `body_html` is what
 * core/rich-text.ts drew from it when it was saved. Public from `publish_at` once `status` is
 * `published` (a moment to come schedules it). Comments, when they come, hang on
 * (campaign_id, id) and show from the item's `publish_at`.
 */
export const contentItems = pgTable(
  'content_items',
  {
    campaignId: campaignId(),
    id: id(),
    /** article | talking_point | rebuttal */
    kind: text('kind').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The share kit's texts per network (contracts/content.ts `ShareTexts`). */
    share: jsonb('share').$type<Record<string, string>>().notNull().default({}),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    publishAt: at('publish_at'),
    /** Re-encoded WebP, at most 1,200 px a side; its hash is `image_etag`. */
    image: bytea('image'),
    imageWidth: integer('image_width'),
    imageHeight: integer('image_height'),
    imageEtag: text('image_etag'),
    /** Who wrote it; null once that person's data was erased. */
    authorId: ref('author_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'content_items_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('content_items_slug_idx').on(t.campaignId, t.slug),
    index('content_items_published_idx')
      .on(t.campaignId, t.publishAt)
      .where(sql`status = 'published'`),
    // Erasure finds a person's items through it.
    index('content_items_author_idx')
      .on(t.campaignId, t.authorId)
      .where(sql`author_id IS NOT NULL`),
  ],
);

/**
 * Visits through a supporter's share link: one row per sharer, visitor (a random key in the
 * visitor's cookie, no address kept) and day.
 */
export const contentShareVisits = pgTable(
  'content_share_visits',
  {
    campaignId: campaignId(),
    id: id(),
    sharerId: ref('sharer_id').notNull(),
    itemId: ref('item_id'),
    visitorKey: text('visitor_key').notNull(),
    day: date('day').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'content_share_visits_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('content_share_visits_once_idx').on(t.campaignId, t.sharerId, t.visitorKey, t.day),
  ],
);

/**
 * What a shared link's first visit brought later: a sign-up (once per person) or a gift
 * (once per donation, counted once paid), credited to the sharer.
 */
export const contentShareCredits = pgTable(
  'content_share_credits',
  {
    campaignId: campaignId(),
    id: id(),
    sharerId: ref('sharer_id').notNull(),
    /** signup | donation */
    kind: text('kind').notNull(),
    personId: ref('person_id'),
    donationId: ref('donation_id'),
    paidAt: at('paid_at'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'content_share_credits_pkey', columns: [t.campaignId, t.id] }),
    uniqueIndex('content_share_credits_signup_idx')
      .on(t.campaignId, t.personId)
      .where(sql`kind = 'signup'`),
    uniqueIndex('content_share_credits_donation_idx')
      .on(t.campaignId, t.donationId)
      .where(sql`kind = 'donation'`),
    index('content_share_credits_sharer_idx').on(t.campaignId, t.sharerId),
  ],
);
