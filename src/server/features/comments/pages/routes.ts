import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commentPostSchema, commentsQuerySchema } from '../../../../contracts/comments.ts';
import type { AppContext } from '../../../core/context.ts';
import { sendHtml } from '../../../core/http/compressed-html.ts';
import { AppError, errorHandler } from '../../../core/http/errors.ts';
import { liveItem } from '../../content/service.ts';
import { pageLocale, t, type Locale } from '../../recruitment/pages/i18n.ts';
import { renderPage, type PublicShell } from '../../recruitment/pages/layout.ts';
import { readPublicSite } from '../../settings/service.ts';
import { itemComments, notificationsOf, postComment, setNotifications } from '../service.ts';
import { ct, type CommentsPageKey } from './messages.ts';
import { commentsBody, commentsPath, commentsStyle, type CommentsView } from './views.ts';

const hidden = { hide: true } as const;
const pageConfig = { access: { public: true, session: 'optional' } } as const;

type FormBody = Record<string, string | undefined>;

const errorKeys = new Set([
  'comment_not_allowed',
  'posting_suspended',
  'posting_banned',
  'comment_rate_limited',
  'reply_too_deep',
  'not_found',
]);

/** What a refused post says, in the page's language. */
function refusalText(locale: Locale, error: AppError): string {
  if (error.code === 'comments_closed') return ct(locale, 'commentsPage.closed');
  if (!errorKeys.has(error.code)) return t(locale, 'error.generic');
  const until = /\d{4}-\d{2}-\d{2}/.exec(error.message)?.[0] ?? '';
  return ct(locale, `commentsPage.error.${error.code}` as CommentsPageKey, { until });
}

/**
 * The public comments of an article (`/articles/:slug/comments`), drawn by the server for
 * phones first: the thread by pages with "more" links, and, for a logged-in person while the
 * thread is open, plain forms (a CSRF token in each) to comment, reply, and stop the mails.
 */
export async function registerCommentPages(
  app: FastifyInstance,
  ctx: AppContext,
  { assets, nav }: PublicShell,
) {
  const { publicUrl } = ctx.config;
  const secure = ctx.config.production;

  const draw = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    locale: Locale,
    shown: { after?: number; notice?: string | null; error?: string | null; status?: number },
    draft: CommentsView['draft'] = { body: '', parentId: null },
  ) => {
    const item = await liveItem(ctx, slug);
    if (!item) return reply.callNotFound();
    const viewerId = request.auth?.personId ?? null;
    const page = await itemComments(ctx, item.id, shown.after, viewerId);
    const path = commentsPath(item.slug);
    const html = renderPage({
      locale,
      site: await readPublicSite(ctx.database, ctx.campaignId),
      title: ct(locale, 'commentsPage.title', { title: item.title }),
      url: publicUrl + path,
      path: shown.after === undefined ? path : `${path}?after=${shown.after}`,
      body: commentsBody({
        locale,
        timeZone: ctx.config.CAMPAIGN_TIMEZONE,
        slug: item.slug,
        title: item.title,
        page,
        after: shown.after,
        csrfToken: viewerId === null ? null : reply.generateCsrf(),
        notify: viewerId === null ? null : (await notificationsOf(ctx, viewerId)).notify,
        notice: shown.notice ?? null,
        error: shown.error ?? null,
        draft,
      }),
      assets,
      loggedIn: viewerId !== null,
      nav,
      head: commentsStyle,
    });
    return sendHtml(request, reply.status(shown.status ?? 200), html);
  };

  app.get('/articles/:slug/comments', { schema: hidden, config: pageConfig }, (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const { slug } = request.params as { slug: string };
    const query = request.query as Record<string, string | undefined>;
    const after = commentsQuerySchema.safeParse({ after: query.after }).data?.after;
    const notice =
      query.posted === 'visible'
        ? ct(locale, 'commentsPage.posted')
        : query.posted === 'held'
          ? ct(locale, 'commentsPage.held')
          : query.saved === '1'
            ? ct(locale, 'commentsPage.notifySaved')
            : null;
    return draw(request, reply, slug, locale, { after, notice });
  });

  await app.register(async (forms) => {
    forms.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 32 * 1024 },
      (_request, body, done) => {
        const fields: FormBody = {};
        for (const [key, value] of new URLSearchParams(body as string)) fields[key] ??= value;
        done(null, fields);
      },
    );
    const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
    const localeOf = (body: FormBody): Locale => (body.locale === 'en' ? 'en' : 'fr');
    const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;
    const draftOf = (body: FormBody) => ({
      body: (body.body ?? '').replace(/\r\n?/g, '\n'),
      parentId: /^[1-9]\d{0,9}$/.test(body.parentId ?? '') ? Number(body.parentId) : null,
    });
    const lang = (locale: Locale) => (locale === 'en' ? '&lang=en' : '');

    /** A stale token: the page again, with what was typed. */
    const refused = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const stale =
        error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET';
      if (!stale) return void errorHandler(error, request, reply);
      const body = bodyOf(request);
      draw(
        request,
        reply,
        slugOf(request),
        localeOf(body),
        { error: ct(localeOf(body), 'commentsPage.csrf'), status: 403 },
        draftOf(body),
      ).catch((failure: unknown) => errorHandler(failure as FastifyError, request, reply));
    };
    const formConfig = { ...pageConfig, csrf: 'form' as const };

    forms.post(
      '/articles/:slug/comments',
      { schema: hidden, config: formConfig, errorHandler: refused },
      async (request, reply) => {
        const slug = slugOf(request);
        const body = bodyOf(request);
        const locale = localeOf(body);
        if (!request.auth) {
          return reply.redirect(`/login?next=${encodeURIComponent(commentsPath(slug))}`, 303);
        }
        const item = await liveItem(ctx, slug);
        if (!item) return reply.callNotFound();
        const draft = draftOf(body);
        const parsed = commentPostSchema.safeParse(draft);
        if (!parsed.success) {
          const tooLong = parsed.error.issues.some((issue) => issue.message === 'too_long');
          return draw(
            request,
            reply,
            slug,
            locale,
            {
              error: ct(locale, tooLong ? 'commentsPage.tooLong' : 'commentsPage.required'),
              status: 400,
            },
            draft,
          );
        }
        try {
          const posted = await postComment(ctx, item.id, request.auth.personId, parsed.data);
          return reply.redirect(
            `${commentsPath(slug)}?posted=${posted.status}${lang(locale)}#comment-${posted.id}`,
            303,
          );
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) throw error;
          return draw(
            request,
            reply,
            slug,
            locale,
            { error: refusalText(locale, error), status: error.status },
            draft,
          );
        }
      },
    );

    forms.post(
      '/articles/:slug/comments/notifications',
      { schema: hidden, config: formConfig, errorHandler: refused },
      async (request, reply) => {
        const slug = slugOf(request);
        const body = bodyOf(request);
        if (!request.auth) {
          return reply.redirect(`/login?next=${encodeURIComponent(commentsPath(slug))}`, 303);
        }
        await setNotifications(ctx, request.auth.personId, body.notify === '1');
        return reply.redirect(`${commentsPath(slug)}?saved=1${lang(localeOf(body))}`, 303);
      },
    );
  });
}
