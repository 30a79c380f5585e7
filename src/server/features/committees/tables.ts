import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  point,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { at, box, bytea, campaignId, id, polygon, ref } from '../../core/db/columns.ts';

/**
 * Local committees. `location` is the place projected to Web Mercator metres (x, y): the GiST
 * index (campaign, location) orders a campaign's committees by distance to a point (`<->`)
 * without reading the others. Mercator keeps
 * local shapes, so nearer stays nearer within a region; the distance shown is the true one,
 * computed from lat/lng.
 */
export const committees = pgTable(
  'committees',
  {
    campaignId: campaignId(),
    id: id(),
    name: text('name').notNull(),
    /** Markdown as the organisers wrote it, and the sanitised HTML drawn from it. */
    description: text('description').notNull().default(''),
    descriptionHtml: text('description_html').notNull().default(''),
    status: text('status').notNull().default('published'),
    openToMembers: boolean('open_to_members').notNull().default(true),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    location: point('location', { mode: 'tuple' }).notNull(),
    precision: text('precision').notNull(),
    placeLabel: text('place_label').notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code'),
    departementCode: text('departement_code'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    memberCount: integer('member_count').notNull().default(0),
    /** Counted in the map's cells (core/geo/map-cells.ts). */
    onMap: boolean('on_map').notNull().default(false),
    certifiedAt: at('certified_at'),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'committees_pkey', columns: [t.campaignId, t.id] }),
    // btree_gist puts the campaign in the index: each campaign's walk reads its own.
    index('committees_published_location_idx')
      .using('gist', t.campaignId, t.location)
      .where(sql`status = 'published'`),
    index('committees_departement_idx').on(t.campaignId, t.departementCode),
    index('committees_created_by_idx').on(t.campaignId, t.createdBy, t.createdAt),
    // "Which committees cover this commune" for those whose area is their own commune.
    index('committees_commune_idx').on(t.campaignId, t.communeCode),
  ],
);

/**
 * A committee's area when it is not its own commune (no row: the commune of its place).
 * `communes` lists INSEE codes (GIN: "which committees cover this commune"). A drawn area is
 * kept as drawn (`geojson`) and as a native `polygon` of (longitude, latitude) points, whose
 * `@>` tests a point; GiST cannot index `polygon @> point`, so `bbox` (its bounding box) is
 * indexed and a point is looked up with `bbox @> box(p, p)` before the exact test.
 */
export const committeeAreas = pgTable(
  'committee_areas',
  {
    campaignId: campaignId(),
    committeeId: ref('committee_id').notNull(),
    kind: text('kind').notNull(),
    communes: text('communes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    geojson: jsonb('geojson'),
    polygon: polygon('polygon'),
    bbox: box('bbox'),
    areaKm2: doublePrecision('area_km2'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'committee_areas_pkey', columns: [t.campaignId, t.committeeId] }),
    index('committee_areas_communes_idx').using('gin', t.communes),
    index('committee_areas_bbox_idx')
      .using('gist', t.campaignId, t.bbox)
      .where(sql`bbox IS NOT NULL`),
  ],
);

/** Who belongs to a committee, at which rank (follower < member < manager < organiser). */
export const committeeMembers = pgTable(
  'committee_members',
  {
    campaignId: campaignId(),
    committeeId: ref('committee_id').notNull(),
    personId: ref('person_id').notNull(),
    rank: text('rank').notNull(),
    /** The member agreed that the committee's managers see their email and phone. */
    shareContact: boolean('share_contact').notNull().default(false),
    /** Receives the committee's messages (joining subscribes; each message can unsubscribe). */
    subscribed: boolean('subscribed').notNull().default(true),
    joinedAt: at('joined_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'committee_members_pkey',
      columns: [t.campaignId, t.committeeId, t.personId],
    }),
    index('committee_members_person_idx').on(t.campaignId, t.personId),
    index('committee_members_rank_idx').on(t.campaignId, t.committeeId, t.rank),
  ],
);

/** Messages organisers send to their committee's members, by email through the outbox. */
export const committeeMessages = pgTable(
  'committee_messages',
  {
    campaignId: campaignId(),
    id: id(),
    committeeId: ref('committee_id').notNull(),
    authorId: ref('author_id'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** Who it went to: the lowest rank included (follower: everyone subscribed). */
    lowestRank: text('lowest_rank').notNull(),
    recipients: integer('recipients').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'committee_messages_pkey', columns: [t.campaignId, t.id] }),
    index('committee_messages_committee_idx').on(t.campaignId, t.committeeId, t.createdAt),
  ],
);

/** A committee's photo, re-encoded on upload (WebP, at most 1,200 px, no metadata). */
export const committeePhotos = pgTable(
  'committee_photos',
  {
    campaignId: campaignId(),
    committeeId: ref('committee_id').notNull(),
    image: bytea('image').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** A hash of the bytes: the ETag, and the URL's version so caches keep each photo. */
    etag: text('etag').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'committee_photos_pkey', columns: [t.campaignId, t.committeeId] })],
);

/**
 * The committee's board: what its members post (Markdown and the HTML drawn from it, web
 * links), newest first with the pinned ones on top. `status` is moderation's: only
 * `published` posts are shown; a ban of the author unpublishes all of theirs at once.
 */
export const committeePosts = pgTable(
  'committee_posts',
  {
    campaignId: campaignId(),
    id: id(),
    committeeId: ref('committee_id').notNull(),
    /** Null once the author's data was erased (the post's text is erased with it). */
    authorId: ref('author_id'),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** `[{ url, host }]`: http and https addresses only. */
    links: jsonb('links').$type<Array<{ url: string; host: string }>>().notNull().default([]),
    pinned: boolean('pinned').notNull().default(false),
    status: text('status').notNull().default('published'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'committee_posts_pkey', columns: [t.campaignId, t.id] }),
    // The board's keyset: pinned first, then newest (ids grow with time).
    index('committee_posts_board_idx')
      .on(t.campaignId, t.committeeId, t.pinned, t.id)
      .where(sql`status = 'published'`),
    index('committee_posts_author_idx').on(t.campaignId, t.authorId),
  ],
);

/** Members' comments on a post; `status` as the posts'. */
export const committeePostComments = pgTable(
  'committee_post_comments',
  {
    campaignId: campaignId(),
    id: id(),
    postId: ref('post_id').notNull(),
    authorId: ref('author_id'),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    status: text('status').notNull().default('published'),
    createdAt: at('created_at').notNull().defaultNow(),
    editedAt: at('edited_at'),
  },
  (t) => [
    primaryKey({ name: 'committee_post_comments_pkey', columns: [t.campaignId, t.id] }),
    index('committee_post_comments_post_idx').on(t.campaignId, t.postId, t.id),
    index('committee_post_comments_author_idx').on(t.campaignId, t.authorId),
  ],
);

/**
 * Documents attached to posts, stored as the photos are (in the database). Uploaded before
 * the post is written (`post_id` null until then; the daily purge drops those never attached).
 * `type` was read from the bytes; `name` is the uploaded name made safe.
 */
export const committeePostDocuments = pgTable(
  'committee_post_documents',
  {
    campaignId: campaignId(),
    id: id(),
    committeeId: ref('committee_id').notNull(),
    postId: ref('post_id'),
    uploadedBy: ref('uploaded_by'),
    name: text('name').notNull(),
    type: text('type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'committee_post_documents_pkey', columns: [t.campaignId, t.id] }),
    index('committee_post_documents_post_idx').on(t.campaignId, t.postId),
    index('committee_post_documents_uploader_idx').on(t.campaignId, t.uploadedBy),
  ],
);
