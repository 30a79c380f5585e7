import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  commentEditSchema,
  commentPostSchema,
  commentsQuerySchema,
} from '../../../../contracts/comments.ts';
import type { AppContext } from '../../../core/context.ts';
import { sendHtml } from '../../../core/http/compressed-html.ts';
import { AppError, errorHandler } from '../../../core/http/errors.ts';
import { liveItem } from '../../content/service.ts';
import { suspensionEnd } from '../../moderation/suspension-end.ts';
import { pageLocale, t, type Locale } from '../../recruitment/pages/i18n.ts';
import { renderPage, type PublicShell } from '../../recruitment/pages/layout.ts';
import { readPublicSite } from '../../settings/service.ts';
import {
  deleteComment,
  editComment,
  itemComments,
  notificationsOf,
  postComment,
  setNotifications,
} from '../service.ts';
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
  'not_author',
  'edit_window_over',
  'comment_hidden',
  'comment_held',
]);

/** A form posted without a session: to the login page, back to the thread after it. */
const toLogin = (reply: FastifyReply, slug: string) =>
  reply.redirect(`/login?next=${encodeURIComponent(commentsPath(slug))}`, 303);
/** The last day of a suspension, in the page's language, on the campaign's clock. */
function untilText(locale: Locale, timeZone: string, error: AppError): string {
  const until = error.extensions?.until;
  return typeof until === 'string' ? suspensionEnd(locale, until, timeZone) : '';
}

/** What a refused post, edit or delete says, in the page's language. */
function refusalText(locale: Locale, timeZone: string, error: AppError): string {
  if (error.code === 'comments_closed') return ct(locale, 'commentsPage.closed');
  if (!errorKeys.has(error.code)) return t(locale, 'error.generic');
  return ct(locale, `commentsPage.error.${error.code}` as CommentsPageKey, {
    until: untilText(locale, timeZone, error),
  });
}

/** The notice a page shows after a form's redirect (`?posted=…`, `?edited=…`…). */
function noticeOf(locale: Locale, query: Record<string, string | undefined>): string | null {
  if (query.posted === 'visible') return ct(locale, 'commentsPage.posted');
  if (query.posted === 'held') return ct(locale, 'commentsPage.held');
  if (query.edited === 'visible') return ct(locale, 'commentsPage.editSaved');
  if (query.edited === 'held') return ct(locale, 'commentsPage.editHeld');
  if (query.deleted === '1') return ct(locale, 'commentsPage.deleted');
  if (query.saved === '1') return ct(locale, 'commentsPage.notifySaved');
  return null;
}

/**
 * The public comments of an article (`/articles/:slug/comments`), drawn by the server for
 * phones first: the thread by pages with "more" links, and, for a logged-in person while the
 * thread is open, plain forms (a CSRF token in each) to comment, reply, and stop the mails;
 * under their own comments, forms to edit (15 minutes) and delete them.
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
    return draw(request, reply, slug, locale, { after, notice: noticeOf(locale, query) });
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
    const idOf = (value: string | undefined) =>
      /^[1-9]\d{0,14}$/.test(value ?? '') ? Number(value) : null;
    /** The comment an edit or delete form names in its path. */
    const commentIdOf = (request: FastifyRequest) =>
      idOf((request.params as { commentId?: string }).commentId);
    const draftOf = (body: FormBody, editId: number | null = null) => ({
      body: (body.body ?? '').replace(/\r\n?/g, '\n'),
      parentId: editId === null ? idOf(body.parentId) : null,
      editId,
    });
    /** The page of the thread the form was on (`after`), to come back to. */
    const afterOf = (body: FormBody) =>
      commentsQuerySchema.safeParse({ after: body.after }).data?.after;
    const lang = (locale: Locale) => (locale === 'en' ? '&lang=en' : '');
    const back = (slug: string, body: FormBody, notice: string, anchor = '') => {
      const after = afterOf(body);
      return `${commentsPath(slug)}?${notice}${after === undefined ? '' : `&after=${after}`}${lang(localeOf(body))}${anchor}`;
    };

    /** A stale token: the page again, with what was typed. */
    const refused = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const stale =
        error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET';
      if (!stale) return void errorHandler(error, request, reply);
      const body = bodyOf(request);
      const editing = request.url.endsWith('/edit') ? commentIdOf(request) : null;
      draw(
        request,
        reply,
        slugOf(request),
        localeOf(body),
        { after: afterOf(body), error: ct(localeOf(body), 'commentsPage.csrf'), status: 403 },
        draftOf(body, editing),
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
          return toLogin(reply, slug);
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
            {
              error: refusalText(locale, ctx.config.CAMPAIGN_TIMEZONE, error),
              status: error.status,
            },
            draft,
          );
        }
      },
    );

    /** A refused edit or delete: the page again, with the reason and what was typed. */
    const refusedChange = (
      request: FastifyRequest,
      reply: FastifyReply,
      error: unknown,
      draft: CommentsView['draft'],
    ) => {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const body = bodyOf(request);
      const locale = localeOf(body);
      return draw(
        request,
        reply,
        slugOf(request),
        locale,
        {
          after: afterOf(body),
          error: refusalText(locale, ctx.config.CAMPAIGN_TIMEZONE, error),
          status: error.status,
        },
        draft,
      );
    };

    forms.post(
      '/articles/:slug/comments/:commentId/edit',
      { schema: hidden, config: formConfig, errorHandler: refused },
      async (request, reply) => {
        const slug = slugOf(request);
        const body = bodyOf(request);
        const locale = localeOf(body);
        if (!request.auth) {
          return toLogin(reply, slug);
        }
        const item = await liveItem(ctx, slug);
        const commentId = commentIdOf(request);
        if (!item || commentId === null) return reply.callNotFound();
        const draft = draftOf(body, commentId);
        const parsed = commentEditSchema.safeParse(draft);
        if (!parsed.success) {
          const tooLong = parsed.error.issues.some((issue) => issue.message === 'too_long');
          return draw(
            request,
            reply,
            slug,
            locale,
            {
              after: afterOf(body),
              error: ct(locale, tooLong ? 'commentsPage.tooLong' : 'commentsPage.required'),
              status: 400,
            },
            draft,
          );
        }
        try {
          const edited = await editComment(
            ctx,
            item.id,
            commentId,
            request.auth.personId,
            parsed.data,
          );
          const anchor = edited.status === 'visible' ? `#comment-${edited.id}` : '';
          return reply.redirect(back(slug, body, `edited=${edited.status}`, anchor), 303);
        } catch (error) {
          return refusedChange(request, reply, error, draft);
        }
      },
    );

    forms.post(
      '/articles/:slug/comments/:commentId/delete',
      { schema: hidden, config: formConfig, errorHandler: refused },
      async (request, reply) => {
        const slug = slugOf(request);
        const body = bodyOf(request);
        if (!request.auth) {
          return toLogin(reply, slug);
        }
        const item = await liveItem(ctx, slug);
        const commentId = commentIdOf(request);
        if (!item || commentId === null) return reply.callNotFound();
        try {
          await deleteComment(ctx, item.id, commentId, request.auth.personId);
          return reply.redirect(back(slug, body, 'deleted=1'), 303);
        } catch (error) {
          return refusedChange(request, reply, error, { body: '', parentId: null });
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
          return toLogin(reply, slug);
        }
        await setNotifications(ctx, request.auth.personId, body.notify === '1');
        return reply.redirect(`${commentsPath(slug)}?saved=1${lang(localeOf(body))}`, 303);
      },
    );
  });
}
