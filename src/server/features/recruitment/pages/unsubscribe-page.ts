import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { escapeHtml } from '../../../core/html.ts';
import { AppError } from '../../../core/http/errors.ts';
import { acceptFormPosts } from '../../../core/http/form-body.ts';
import { readPublicSite } from '../../settings/service.ts';
import type { FeaturePage } from './feature-pages.ts';
import { pageLocale, type Locale } from './i18n.ts';

export interface UnsubscribeTexts {
  title: string;
  ask: string;
  button: string;
  invalid: string;
}

export interface UnsubscribePage {
  /** The page's address (`/committees/unsubscribe`); the link adds `?token=`. */
  path: string;
  texts: (locale: Locale) => UnsubscribeTexts;
  /** Acts on a token (an AppError when it is not valid) and says what was done. */
  act: (token: string, locale: Locale) => Promise<string>;
}

const hidden = { hide: true } as const;
const tokenOf = (request: FastifyRequest) =>
  String((request.query as { token?: unknown }).token ?? '').slice(0, 200);

/**
 * The link at the foot of a campaign mail: a page with one button (mail clients open links on
 * their own, so a GET changes nothing). Its POST is also the one-click unsubscribe of the
 * List-Unsubscribe-Post header (RFC 8058), which mail clients send themselves, answered 204:
 * the signed token is the authority, so neither a session nor a CSRF token.
 */
export async function registerUnsubscribePage(
  app: FastifyInstance,
  ctx: AppContext,
  draw: (request: FastifyRequest, reply: FastifyReply, page: FeaturePage) => Promise<unknown>,
  page: UnsubscribePage,
) {
  const secure = ctx.config.production;
  const site = () => readPublicSite(ctx.database, ctx.campaignId);
  const drawn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    body: string,
    status = 200,
  ) =>
    draw(request, reply, {
      site: await site(),
      locale,
      title: page.texts(locale).title,
      body,
      status,
      path: page.path,
    });

  app.get(page.path, { schema: hidden }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const texts = page.texts(locale);
    return drawn(
      request,
      reply,
      locale,
      `<h1>${escapeHtml(texts.title)}</h1>
     <p>${escapeHtml(texts.ask)}</p>
     <form method="post" action="${page.path}?page=1&amp;token=${encodeURIComponent(tokenOf(request))}">
       <button type="submit">${escapeHtml(texts.button)}</button>
     </form>`,
    );
  });
  await app.register(async (unsubscribe) => {
    acceptFormPosts(unsubscribe, 4 * 1024);
    unsubscribe.post(page.path, { schema: hidden }, async (request, reply) => {
      const locale = pageLocale(request, reply, secure);
      // The page's button adds `page=1`; anything else is a mail client's one-click.
      const fromPage = (request.query as { page?: unknown }).page === '1';
      try {
        const done = await page.act(tokenOf(request), locale);
        if (!fromPage) return reply.status(204).send();
        return drawn(request, reply, locale, `<p role="status">${escapeHtml(done)}</p>`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (!fromPage) return reply.status(400).send();
        const invalid = page.texts(locale).invalid;
        return drawn(request, reply, locale, `<p role="alert">${escapeHtml(invalid)}</p>`, 400);
      }
    });
  });
}
