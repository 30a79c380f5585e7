import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';

/**
 * A public article page as anonymous visitors get it, drawn once and kept compressed (brotli
 * and gzip) until an edit, a publication or an unpublication in this process forgets the
 * campaign's pages, or for at most `PAGE_TTL_MS` (what another process changed, or the
 * campaign's header, shows within that delay). Only pages of live items are kept: a draft, an
 * item to come or an unknown address is looked up every time.
 */
export const PAGE_TTL_MS = 10_000;
const MAX_PAGES = 500;

export interface CachedPage {
  html: Buffer;
  br: Buffer;
  gzip: Buffer;
  until: number;
}

const caches = perCampaign<Map<string, CachedPage>>();

function cacheOf(ctx: AppContext): Map<string, CachedPage> {
  return (
    caches.get(ctx.database, ctx.campaignId) ?? caches.set(ctx.database, ctx.campaignId, new Map())
  );
}

/** Forgets every kept page of the campaign (an item was edited, published or unpublished). */
export function forgetContentPages(ctx: AppContext): void {
  caches.get(ctx.database, ctx.campaignId)?.clear();
}

export function cachedPage(ctx: AppContext, key: string): CachedPage | null {
  const cache = cacheOf(ctx);
  const page = cache.get(key);
  if (!page) return null;
  if (page.until <= Date.now()) {
    cache.delete(key);
    return null;
  }
  return page;
}

export function keepPage(ctx: AppContext, key: string, html: string): CachedPage {
  const body = Buffer.from(html, 'utf8');
  const page: CachedPage = {
    html: body,
    br: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip: gzipSync(body, { level: 9 }),
    until: Date.now() + PAGE_TTL_MS,
  };
  const cache = cacheOf(ctx);
  if (cache.size >= MAX_PAGES) cache.delete(cache.keys().next().value!);
  cache.set(key, page);
  return page;
}

/** Sends a kept page as the browser accepts it, with the headers of every public page. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
  reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'Accept-Encoding, Cookie');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(page.br);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}
