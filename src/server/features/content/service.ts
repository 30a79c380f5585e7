import { sql, type SQL } from 'drizzle-orm';
import {
  contentInputSchema,
  shareTextsSchema,
  type ContentInput,
  type ContentItem,
  type ContentKind,
  type ContentStatus,
  type ShareTexts,
} from '../../../contracts/content.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { sha256 } from '../../core/crypto.ts';
import { rowById } from '../../core/db/row-by-id.ts';
import { runSql } from '../../core/db/statement.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import { richTextToHtml } from '../../core/rich-text.ts';
import { reencodePhoto } from '../committees/photo.ts';
import { deleteItemComments } from '../comments/item-removal.ts';
import { forgetContentPages } from './page-cache.ts';

/** A row of content_items without its image's bytes. */
export interface ItemRow {
  id: number;
  kind: ContentKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  body_html: string;
  tags: string[];
  share: Partial<ShareTexts>;
  status: ContentStatus;
  publish_at: Date | null;
  image_width: number | null;
  image_height: number | null;
  image_etag: string | null;
  author_id: number | null;
  created_at: Date;
  updated_at: Date;
}

/** Every column but the image's bytes. */
const COLUMNS = sql.raw(`id, kind, slug, title, summary, body, body_html, tags, share, status,
  publish_at, image_width, image_height, image_etag, author_id, created_at, updated_at`);

/** Published and its moment come: what the public pages show. */
const LIVE = sql`status = 'published' AND publish_at <= now()`;

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export const articlePath = (slug: string) => `/articles/${slug}`;
export const imagePath = (slug: string, etag: string) => `/articles/${slug}/image.webp?v=${etag}`;

export function shareTextsOf(row: Pick<ItemRow, 'share'>): ShareTexts {
  const parsed = shareTextsSchema.safeParse(row.share ?? {});
  return parsed.success
    ? parsed.data
    : { x: '', facebook: '', whatsapp: '', telegram: '', emailSubject: '', emailBody: '' };
}

export function isLive(row: Pick<ItemRow, 'status' | 'publish_at'>, now = new Date()): boolean {
  return (
    row.status === 'published' &&
    row.publish_at !== null &&
    new Date(row.publish_at).getTime() <= now.getTime()
  );
}

export function toItem(ctx: AppContext, row: ItemRow): ContentItem {
  return {
    id: Number(row.id),
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: row.tags ?? [],
    share: shareTextsOf(row),
    status: row.status,
    publishAt: iso(row.publish_at),
    live: isLive(row),
    image:
      row.image_etag && row.image_width && row.image_height
        ? {
            url: imagePath(row.slug, row.image_etag),
            width: row.image_width,
            height: row.image_height,
          }
        : null,
    authorId: row.author_id === null ? null : Number(row.author_id),
    url: ctx.config.publicUrl + articlePath(row.slug),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

async function itemRow(ctx: AppContext, id: number): Promise<ItemRow> {
  const [row] = await runSql<ItemRow>(
    ctx.database,
    sql`SELECT ${COLUMNS} FROM content_items WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
  );
  if (!row) throw notFound('item');
  return row;
}

export async function getItem(ctx: AppContext, id: number): Promise<ContentItem> {
  return toItem(ctx, await itemRow(ctx, id));
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Staff's list: newest first, by words of the title, a tag, or where each item is. */
export async function listItems(
  ctx: AppContext,
  query: {
    q?: string;
    tag?: string;
    status?: 'draft' | 'scheduled' | 'live';
    offset: number;
    limit: number;
  },
): Promise<{ items: ContentItem[]; total: number }> {
  const conditions: SQL[] = [sql`campaign_id = ${ctx.campaignId}`];
  if (query.q) conditions.push(sql`title ILIKE ${`%${likeEscape(query.q)}%`}`);
  if (query.tag) conditions.push(sql`${query.tag} = ANY(tags)`);
  if (query.status === 'draft') conditions.push(sql`status = 'draft'`);
  if (query.status === 'scheduled')
    conditions.push(sql`status = 'published' AND publish_at > now()`);
  if (query.status === 'live') conditions.push(LIVE);
  const where = sql.join(conditions, sql` AND `);
  const [rows, [count]] = await Promise.all([
    runSql<ItemRow>(
      ctx.database,
      sql`SELECT ${COLUMNS} FROM content_items WHERE ${where}
           ORDER BY coalesce(publish_at, updated_at) DESC, id DESC
           LIMIT ${query.limit} OFFSET ${query.offset}`,
    ),
    runSql<{ n: number }>(
      ctx.database,
      sql`SELECT count(*)::int AS n FROM content_items WHERE ${where}`,
    ),
  ]);
  return { items: rows.map((row) => toItem(ctx, row)), total: count?.n ?? 0 };
}

/** The unique index on (campaign_id, slug) said no. */
const isSlugTaken = (error: unknown) => (error as { code?: string }).code === '23505';

const slugTaken = () =>
  conflict('slug_taken', 'Another item of this campaign already has this address.');

function written(input: ContentInput) {
  const data = contentInputSchema.parse(input);
  return {
    ...data,
    bodyHtml: richTextToHtml(data.body),
    tags: [...new Set(data.tags)],
    share: JSON.stringify(data.share),
  };
}

export async function createItem(
  ctx: AppContext,
  input: ContentInput,
  actorId: number,
): Promise<ContentItem> {
  const data = written(input);
  let row: ItemRow | undefined;
  try {
    [row] = await runSql<ItemRow>(
      ctx.database,
      sql`INSERT INTO content_items (campaign_id, kind, slug, title, summary, body, body_html, tags,
                                     share, author_id)
          VALUES (${ctx.campaignId}, ${data.kind}, ${data.slug}, ${data.title}, ${data.summary},
                  ${data.body}, ${data.bodyHtml}, ${data.tags}::text[], ${data.share}::jsonb,
                  ${actorId})
          RETURNING ${COLUMNS}`,
    );
  } catch (error) {
    if (isSlugTaken(error)) throw slugTaken();
    throw error;
  }
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'content.create',
    target: `content:${row!.id}`,
    details: { slug: data.slug, kind: data.kind },
  });
  return toItem(ctx, row!);
}

export async function updateItem(
  ctx: AppContext,
  id: number,
  input: ContentInput,
  actorId: number,
): Promise<ContentItem> {
  const data = written(input);
  let row: ItemRow | undefined;
  try {
    [row] = await runSql<ItemRow>(
      ctx.database,
      sql`UPDATE content_items
             SET kind = ${data.kind}, slug = ${data.slug}, title = ${data.title},
                 summary = ${data.summary}, body = ${data.body}, body_html = ${data.bodyHtml},
                 tags = ${data.tags}::text[], share = ${data.share}::jsonb, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}
          RETURNING ${COLUMNS}`,
    );
  } catch (error) {
    if (isSlugTaken(error)) throw slugTaken();
    throw error;
  }
  if (!row) throw notFound('item');
  forgetContentPages(ctx);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'content.update',
    target: `content:${id}`,
    details: { slug: data.slug },
  });
  return toItem(ctx, row);
}

export async function deleteItem(ctx: AppContext, id: number, actorId: number): Promise<void> {
  const rows = await runSql<{ slug: string }>(
    ctx.database,
    sql`DELETE FROM content_items WHERE campaign_id = ${ctx.campaignId} AND id = ${id}
        RETURNING slug`,
  );
  if (rows.length === 0) throw notFound('item');
  forgetContentPages(ctx);
  await deleteItemComments(ctx.database.query, ctx.campaignId, id);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'content.delete',
    target: `content:${id}`,
    details: { slug: rows[0]!.slug },
  });
}

/** Changes an item's publication, forgets its drawn pages and audits the act. */
async function setPublication(
  ctx: AppContext,
  id: number,
  assignments: SQL,
  actorId: number,
  action: 'content.publish' | 'content.unpublish',
  details?: Record<string, unknown>,
): Promise<ContentItem> {
  const [row] = await runSql<ItemRow>(
    ctx.database,
    sql`UPDATE content_items SET ${assignments}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id}
        RETURNING ${COLUMNS}`,
  );
  if (!row) throw notFound('item');
  forgetContentPages(ctx);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action,
    target: `content:${id}`,
    ...(details ? { details } : {}),
  });
  return toItem(ctx, row);
}

/** Publishes now (`at` null) or from a moment, past or to come (then it is scheduled). */
export function publishItem(
  ctx: AppContext,
  id: number,
  at: string | null,
  actorId: number,
): Promise<ContentItem> {
  const when = (at === null ? new Date() : new Date(at)).toISOString();
  return setPublication(
    ctx,
    id,
    sql`status = 'published', publish_at = ${when}`,
    actorId,
    'content.publish',
    { at: when },
  );
}

export const unpublishItem = (ctx: AppContext, id: number, actorId: number) =>
  setPublication(ctx, id, sql`status = 'draft', publish_at = NULL`, actorId, 'content.unpublish');

/** An item's image: re-encoded as the committees' photos are (WebP, no metadata). */
export async function setItemImage(ctx: AppContext, id: number, bytes: Buffer, actorId: number) {
  await rowById(ctx.database.query, 'content_items', 'item', ctx.campaignId, id);
  const { data, info } = await reencodePhoto(bytes);
  const etag = sha256(data.toString('base64')).slice(0, 16);
  const [row] = await runSql<{ slug: string }>(
    ctx.database,
    sql`UPDATE content_items SET image = ${data}, image_width = ${info.width},
                                 image_height = ${info.height}, image_etag = ${etag},
                                 updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING slug`,
  );
  if (!row) throw notFound('item');
  forgetContentPages(ctx);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'content.image',
    target: `content:${id}`,
  });
  return { url: imagePath(row.slug, etag), width: info.width, height: info.height };
}

export async function removeItemImage(ctx: AppContext, id: number, actorId: number) {
  const rows = await runSql<{ id: number }>(
    ctx.database,
    sql`UPDATE content_items SET image = NULL, image_width = NULL, image_height = NULL,
                                 image_etag = NULL, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING id`,
  );
  if (rows.length === 0) throw notFound('item');
  forgetContentPages(ctx);
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'content.image',
    target: `content:${id}`,
    details: { removed: true },
  });
}

/** A live item's image, for its public page and its link previews. */
export async function liveImage(ctx: AppContext, slug: string) {
  const [row] = await runSql<{ image: Uint8Array; image_etag: string }>(
    ctx.database,
    sql`SELECT image, image_etag FROM content_items
         WHERE campaign_id = ${ctx.campaignId} AND slug = ${slug} AND ${LIVE}
           AND image IS NOT NULL`,
  );
  return row ? { image: Buffer.from(row.image), etag: row.image_etag } : null;
}

/** A live item by its address; null for a draft, an item to come, or none. */
export async function liveItem(ctx: AppContext, slug: string): Promise<ItemRow | null> {
  const [row] = await runSql<ItemRow>(
    ctx.database,
    sql`SELECT ${COLUMNS} FROM content_items
         WHERE campaign_id = ${ctx.campaignId} AND slug = ${slug} AND ${LIVE}`,
  );
  return row ?? null;
}

/** The public list: live items, the latest published first, with a tag or not. */
export async function liveItems(
  ctx: AppContext,
  query: { tag?: string; offset: number; limit: number },
): Promise<{ items: ItemRow[]; more: boolean }> {
  const rows = await runSql<ItemRow>(
    ctx.database,
    sql`SELECT ${COLUMNS} FROM content_items
         WHERE campaign_id = ${ctx.campaignId} AND ${LIVE}
           ${query.tag ? sql`AND ${query.tag} = ANY(tags)` : sql``}
         ORDER BY publish_at DESC, id DESC
         LIMIT ${query.limit + 1} OFFSET ${query.offset}`,
  );
  return { items: rows.slice(0, query.limit), more: rows.length > query.limit };
}

/** The comments' seam: a live item's id and publication moment, by id (null otherwise). */
export async function liveItemById(
  ctx: AppContext,
  id: number,
): Promise<{ id: number; slug: string; title: string; publishedAt: Date } | null> {
  const [row] = await runSql<{ id: number; slug: string; title: string; publish_at: Date }>(
    ctx.database,
    sql`SELECT id, slug, title, publish_at FROM content_items
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} AND ${LIVE}`,
  );
  return row
    ? {
        id: Number(row.id),
        slug: row.slug,
        title: row.title,
        publishedAt: new Date(row.publish_at),
      }
    : null;
}

/** The moment the next scheduled item goes live, if any (a cached list stays until then). */
export async function nextScheduled(ctx: AppContext): Promise<Date | null> {
  const [row] = await runSql<{ at: Date | null }>(
    ctx.database,
    sql`SELECT min(publish_at) AS at FROM content_items
         WHERE campaign_id = ${ctx.campaignId} AND status = 'published' AND publish_at > now()`,
  );
  return row?.at ? new Date(row.at) : null;
}

/** Whether any item is live (the public header links the articles then). */
export async function anyLive(ctx: AppContext): Promise<boolean> {
  const [row] = await runSql<{ any: boolean }>(
    ctx.database,
    sql`SELECT EXISTS (SELECT 1 FROM content_items
                        WHERE campaign_id = ${ctx.campaignId} AND ${LIVE}) AS any`,
  );
  return Boolean(row?.any);
}
