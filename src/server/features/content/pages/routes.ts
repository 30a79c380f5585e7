import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { sendHtml } from '../../../core/http/compressed-html.ts';
import { pageLocale, type Locale } from '../../recruitment/pages/i18n.ts';
import {
  renderPage,
  shownLinks,
  type PublicNavLink,
  type PublicShell,
} from '../../recruitment/pages/layout.ts';
import { readPublicSite } from '../../settings/service.ts';
import { recordShareVisit, SHARE_PARAM, shareRef } from '../attribution.ts';
import { cachedPage, keepPage, sendCached } from '../page-cache.ts';
import { anyLive, articlePath, liveImage, liveItem, liveItems } from '../service.ts';
import { ct } from './messages.ts';
import {
  articleBody,
  articleHead,
  articlesStyle,
  asArticle,
  atomFeed,
  itemDescription,
  listBody,
  notFoundBody,
} from './views.ts';

/** The articles' section of the public site, in every page's header once one is live. */
export const articlesNavLink = (ctx: AppContext): PublicNavLink => ({
  href: '/articles',
  label: (locale) => ct(locale, 'articlePage.nav'),
  shown: () => anyLive(ctx),
});

const PAGE_SIZE = 20;
const FEED_SIZE = 50;
const hidden = { hide: true } as const;
const pageConfig = { access: { public: true, session: 'optional' } } as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugOf = (text: string) => (text.length <= 100 && SLUG.test(text) ? text : null);

/**
 * The public article pages, drawn on the server like the rest of the public site: the list
 * (by tag, paginated), each live item's page with its Open Graph and Twitter tags and its
 * share links, the item's image, and the Atom feed. A draft or an item to come is "not found".
 * An item's page as anonymous visitors get it is kept (page-cache.ts); a logged-in supporter's
 * carries their own share link, so it is drawn for them.
 */
export async function registerArticlePages(
  app: FastifyInstance,
  ctx: AppContext,
  shell: PublicShell,
) {
  const { publicUrl } = ctx.config;
  const timeZone = ctx.config.CAMPAIGN_TIMEZONE;
  const secure = ctx.config.production;

  const draw = async (
    request: FastifyRequest,
    locale: Locale,
    page: { title: string; body: string; path: string; description?: string; head?: string },
  ) =>
    renderPage({
      locale,
      site: await readPublicSite(ctx.database, ctx.campaignId),
      title: page.title,
      url: publicUrl + page.path,
      path: page.path,
      body: page.body,
      assets: shell.assets,
      loggedIn: Boolean(request.auth),
      nav: await shownLinks(shell.nav),
      description: page.description,
      head: articlesStyle + (page.head ?? ''),
    });

  const notFound = async (request: FastifyRequest, reply: FastifyReply, locale: Locale) =>
    sendHtml(
      request,
      reply.status(404),
      await draw(request, locale, {
        title: ct(locale, 'articlePage.notFoundTitle'),
        body: notFoundBody(locale),
        path: request.url.split('?')[0]!,
      }),
    );

  app.get('/articles', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const query = request.query as { tag?: unknown; page?: unknown };
    const tag =
      typeof query.tag === 'string' && query.tag.trim() ? query.tag.trim().slice(0, 40) : null;
    const asked = typeof query.page === 'string' ? Number(query.page) : 1;
    const page = Number.isInteger(asked) && asked >= 1 && asked <= 10_000 ? asked : 1;
    const found = await liveItems(ctx, {
      tag: tag ?? undefined,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const params = new URLSearchParams();
    if (tag) params.set('tag', tag);
    if (page > 1) params.set('page', String(page));
    return sendHtml(
      request,
      reply,
      await draw(request, locale, {
        title: tag
          ? ct(locale, 'articlePage.taggedTitle', { tag })
          : ct(locale, 'articlePage.listTitle'),
        description: ct(locale, 'articlePage.listDescription'),
        body: listBody({ locale, items: found.items, tag, page, more: found.more, timeZone }),
        path: `/articles${params.size > 0 ? `?${params}` : ''}`,
        head: '<link rel="alternate" type="application/atom+xml" href="/articles/feed.xml">',
      }),
    );
  });

  app.get('/articles/feed.xml', { schema: hidden, config: pageConfig }, async (_request, reply) => {
    const site = await readPublicSite(ctx.database, ctx.campaignId);
    const { items } = await liveItems(ctx, { offset: 0, limit: FEED_SIZE });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(atomFeed({ campaign: site.home.campaignName, publicUrl, items }));
  });

  app.get<{ Params: { slug: string } }>(
    '/articles/:slug/image.webp',
    { schema: hidden, config: { access: { public: true } } },
    async (request, reply) => {
      const slug = slugOf(request.params.slug);
      const image = slug ? await liveImage(ctx, slug) : null;
      if (!image) return reply.status(404).type('text/plain').send('Not found');
      if (request.headers['if-none-match'] === `"${image.etag}"`) return reply.status(304).send();
      return reply
        .type('image/webp')
        .header('etag', `"${image.etag}"`)
        .header('cache-control', 'public, max-age=86400')
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .send(image.image);
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/articles/:slug',
    { schema: hidden, config: pageConfig },
    async (request, reply) => {
      const locale = pageLocale(request, reply, secure);
      const slug = slugOf(request.params.slug);
      if (!slug) return notFound(request, reply, locale);
      const anonymous = !request.auth;
      const key = `${locale}:${slug}`;
      const kept = anonymous ? cachedPage(ctx, key) : null;
      if (kept) {
        if (SHARE_PARAM in (request.query as object)) {
          // The visit is recorded against the item the cached page shows.
          const item = await liveItem(ctx, slug);
          await recordShareVisit(ctx, request, reply, item ? Number(item.id) : null);
        }
        return sendCached(request, reply, kept);
      }
      const item = await liveItem(ctx, slug);
      if (!item) return notFound(request, reply, locale);
      await recordShareVisit(ctx, request, reply, Number(item.id));
      const path = articlePath(item.slug);
      const url = publicUrl + path;
      const withImage = Boolean(item.image_etag);
      const html = asArticle(
        await draw(request, locale, {
          title: item.title,
          description: itemDescription(item),
          body: articleBody({
            locale,
            item,
            url,
            myLink: request.auth
              ? `${url}?${SHARE_PARAM}=${shareRef(ctx, request.auth.personId)}`
              : null,
            timeZone,
          }),
          path,
          head: articleHead(item, publicUrl),
        }),
        withImage,
      );
      if (!anonymous) return sendHtml(request, reply, html);
      return sendCached(request, reply, keepPage(ctx, key, html));
    },
  );
}
