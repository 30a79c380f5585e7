import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  moderationTargetKindSchema,
  reportInputSchema,
  type ModerationTarget,
} from '../../../../contracts/moderation.ts';
import type { AppContext } from '../../../core/context.ts';
import { sendHtml } from '../../../core/http/compressed-html.ts';
import { AppError, errorHandler } from '../../../core/http/errors.ts';
import { moderationTargets } from '../../moderation-targets.ts';
import { isMessageKey, pageLocale, t, type Locale } from '../../recruitment/pages/i18n.ts';
import { renderPage, type PublicShell } from '../../recruitment/pages/layout.ts';
import { readPublicSite } from '../../settings/service.ts';
import { reportRateLimit } from '../routes.ts';
import { report } from '../service.ts';
import { rt } from './messages.ts';
import {
  REPORT_SENT_PATH,
  reportFormBody,
  reportNotFoundBody,
  reportPath,
  reportSentBody,
  reportStyle,
  reportTitle,
  type ReportFormView,
} from './views.ts';

const hidden = { hide: true } as const;
const pageConfig = { access: { public: true, session: 'optional' } } as const;

type FormBody = Record<string, string | undefined>;

/** A target's id from the address or the form; null when it cannot be one. */
function idOf(text: unknown): number | null {
  if (typeof text !== 'string' || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

/**
 * The public report form, one for every kind of content (committees, events…): a visitor or
 * a logged-in person says why, in a plain form post (a CSRF token in the form, rate limited
 * with `POST /api/reports`), then reads a thank-you page.
 */
export async function registerReportPages(
  app: FastifyInstance,
  ctx: AppContext,
  { assets, nav }: PublicShell,
) {
  const { publicUrl } = ctx.config;
  const secure = ctx.config.production;

  /** What the caller may report: a kind someone registered, that they see now. */
  const publicTarget = async (request: FastifyRequest, kindText: unknown, idText: unknown) => {
    const kind = moderationTargetKindSchema.safeParse(kindText);
    const id = idOf(idText);
    if (!kind.success || id === null) return null;
    const definition = moderationTargets().get(kind.data);
    if (!definition || !(await definition.isVisible(ctx, id, request.auth?.personId ?? null)))
      return null;
    return (await definition.describe(ctx, [id])).get(id) ?? null;
  };

  const draw = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { locale: Locale; title: string; body: string; path: string; status?: number },
  ) => {
    const html = renderPage({
      locale: page.locale,
      site: await readPublicSite(ctx.database, ctx.campaignId),
      title: page.title,
      url: publicUrl + page.path.split('?')[0],
      path: page.path,
      body: page.body,
      assets,
      loggedIn: Boolean(request.auth),
      nav,
      head: reportStyle,
    });
    return sendHtml(request, reply.status(page.status ?? 200), html);
  };

  const drawNotFound = (request: FastifyRequest, reply: FastifyReply, locale: Locale) =>
    draw(request, reply, {
      locale,
      title: rt(locale, 'reportPage.notFoundTitle'),
      body: reportNotFoundBody(locale),
      path: '/report',
      status: 404,
    });

  type Shown = Pick<ReportFormView, 'values' | 'errors' | 'formError'>;
  const drawForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    target: ModerationTarget,
    shown: Shown,
    status = 200,
  ) => {
    const title = reportTitle(locale, target.kind);
    const failed = shown.formError !== null || Object.keys(shown.errors).length > 0;
    return draw(request, reply, {
      locale,
      title: failed ? t(locale, 'public.errorTitle', { title }) : title,
      body: reportFormBody({
        locale,
        kind: target.kind,
        id: target.id,
        title: target.title,
        backHref: target.url ?? '/',
        csrfToken: reply.generateCsrf(),
        ...shown,
      }),
      path: reportPath(target.kind, target.id),
      status,
    });
  };

  app.get('/report', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const query = request.query as Record<string, unknown>;
    const target = await publicTarget(request, query.kind, query.id);
    if (!target) return drawNotFound(request, reply, locale);
    return drawForm(request, reply, locale, target, {
      values: { reason: '', text: '' },
      errors: {},
      formError: null,
    });
  });

  app.get(REPORT_SENT_PATH, { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const query = request.query as Record<string, unknown>;
    const target = await publicTarget(request, query.kind, query.id);
    return draw(request, reply, {
      locale,
      title: rt(locale, 'reportPage.sentTitle'),
      body: reportSentBody(locale, target?.url ?? null),
      path: REPORT_SENT_PATH,
    });
  });

  // The form's post: the browser sends x-www-form-urlencoded, read here only.
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
    const localeOfForm = (body: FormBody): Locale => (body.locale === 'en' ? 'en' : 'fr');
    // A browser sends a text area's line breaks as CRLF, which its own length did not count.
    const valuesOf = (body: FormBody) => ({
      reason: body.reason ?? '',
      text: (body.text ?? '').replace(/\r\n?/g, '\n'),
    });

    /** A stale token, too many reports, an invisible character: the form again, as typed. */
    const redraw = async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const body = bodyOf(request);
      const locale = localeOfForm(body);
      const target = await publicTarget(request, body.kind, body.id);
      if (!target) return drawNotFound(request, reply, locale);
      const limited = error.statusCode === 429;
      const stale =
        error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET';
      const errors: Shown['errors'] = {};
      for (const field of error instanceof AppError ? (error.errors ?? []) : []) {
        if (field.field !== 'reason' && field.field !== 'text') continue;
        const key = `error.${field.code}`;
        errors[field.field] ??= isMessageKey(key) ? t(locale, key) : t(locale, 'error.generic');
      }
      return drawForm(
        request,
        reply,
        locale,
        target,
        {
          values: valuesOf(body),
          errors,
          formError: limited
            ? rt(locale, 'reportPage.rateLimited')
            : stale
              ? t(locale, 'error.csrf')
              : Object.keys(errors).length === 0
                ? t(locale, 'error.generic')
                : null,
        },
        limited ? 429 : stale ? 403 : 400,
      );
    };
    const formRefused = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const known =
        error.statusCode === 429 ||
        error.code === 'FST_CSRF_INVALID_TOKEN' ||
        error.code === 'FST_CSRF_MISSING_SECRET' ||
        (error instanceof AppError && error.status === 400 && error.errors !== undefined);
      if (!known) return void errorHandler(error, request, reply);
      redraw(error, request, reply).catch((failure: unknown) =>
        errorHandler(failure as FastifyError, request, reply),
      );
    };

    forms.post(
      '/report',
      {
        schema: hidden,
        config: {
          ...pageConfig,
          csrf: 'form',
          // Counted once the body is read, so a refused post keeps what was typed.
          rateLimit: { ...reportRateLimit, hook: 'preHandler' as const },
        },
        errorHandler: formRefused,
      },
      async (request, reply) => {
        const body = bodyOf(request);
        const locale = localeOfForm(body);
        const target = await publicTarget(request, body.kind, body.id);
        if (!target) return drawNotFound(request, reply, locale);
        const values = valuesOf(body);
        const parsed = reportInputSchema.safeParse({
          targetKind: target.kind,
          targetId: target.id,
          ...values,
        });
        if (!parsed.success) {
          const errors: Shown['errors'] = {};
          for (const issue of parsed.error.issues) {
            if (issue.path[0] === 'reason') errors.reason = rt(locale, 'reportPage.reasonRequired');
            if (issue.path[0] === 'text') errors.text = t(locale, 'error.too_long');
          }
          return drawForm(request, reply, locale, target, { values, errors, formError: null }, 400);
        }
        try {
          await report(ctx, request.auth?.personId ?? null, parsed.data);
        } catch (error) {
          if (error instanceof AppError && error.status === 404) {
            return drawNotFound(request, reply, locale);
          }
          throw error;
        }
        const sent = new URLSearchParams({ kind: target.kind, id: String(target.id) });
        if (locale === 'en') sent.set('lang', 'en');
        return reply.redirect(`${REPORT_SENT_PATH}?${sent}`, 303);
      },
    );
  });
}
