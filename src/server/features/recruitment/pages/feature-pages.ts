import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PublicSite } from '../../../../contracts/recruitment.ts';
import type { AppContext } from '../../../core/context.ts';
import { sendHtml } from '../../../core/http/compressed-html.ts';
import type { Locale } from './i18n.ts';
import { renderPage, shownLinks, type PublicShell } from './layout.ts';

/** One public page of a feature (committees, events…), as its route has it. */
export interface FeaturePage {
  site: PublicSite;
  locale: Locale;
  title: string;
  body: string;
  description?: string;
  head?: string;
  status?: number;
  /** The page's own address, when the request's is a form post's. */
  path?: string;
}

/**
 * Draws a feature's public pages in the site's layout, with the feature's own style sheet:
 * the page's canonical address from the public URL, the header's links and login state.
 */
export function featurePageDrawer(ctx: AppContext, { assets, nav }: PublicShell, style: string) {
  const { publicUrl } = ctx.config;
  return async (request: FastifyRequest, reply: FastifyReply, page: FeaturePage) => {
    const path = page.path ?? request.url;
    const html = renderPage({
      locale: page.locale,
      site: page.site,
      title: page.title,
      url: publicUrl + path.split('?')[0],
      path,
      body: page.body,
      assets,
      loggedIn: Boolean(request.auth),
      nav: await shownLinks(nav),
      description: page.description,
      head: [style, page.head ?? ''].join(''),
    });
    return sendHtml(request, reply.status(page.status ?? 200), html);
  };
}

/** The name a searched code reads as: a postal code and its commune, or the commune. */
export function searchedPlaceName(ctx: AppContext, code: string): string {
  if (ctx.geo.isPostalCode(code)) {
    const communes = ctx.geo.communesByPostalCode(code);
    return communes.length === 1 ? `${code} ${communes[0].name}` : code;
  }
  return ctx.geo.commune(code)?.name ?? code;
}

/** A row's id from its address; null when it cannot be one (then it does not exist). */
export function idInPath(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

/** The first words of a text, cut at a word, for a page's summary. */
export function summary(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
