import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { escapeHtml } from '../../../core/html.ts';
import { AppError, errorHandler } from '../../../core/http/errors.ts';
import { acceptFormPosts, type FormBody } from '../../../core/http/form-body.ts';
import { FORM_CSRF_FIELD } from '../../../core/http/csrf.ts';
import { featurePageDrawer } from '../../recruitment/pages/feature-pages.ts';
import { pageLocale, t, type Locale, type MessageKey } from '../../recruitment/pages/i18n.ts';
import type { PublicShell } from '../../recruitment/pages/layout.ts';
import { registerUnsubscribePage } from '../../recruitment/pages/unsubscribe-page.ts';
import { readPublicSite } from '../../settings/service.ts';
import { openAction, takeAction, takenAmong, formatActionRef } from '../actions.ts';
import { readSignupToken, SIGNUP_PATH, UNSUBSCRIBE_PATH, unsubscribeByToken } from './mail.ts';
import { callLink, recordClick, recordSignup, type CallLink } from './service.ts';

const hidden = { hide: true } as const;
const pageConfig = { access: { public: true, session: 'optional' } } as const;

/** Phone first: one column, a big button, readable without the site's style sheet. */
const STYLE = `<style>
.cta{max-width:32rem;margin:0 auto;padding:1rem;font-size:1.1rem;line-height:1.5}
.cta h1{font-size:1.5rem;margin:.5rem 0 1rem}
.cta .what{font-weight:bold;font-size:1.2rem;margin:1rem 0}
.cta button{display:block;width:100%;min-height:3.25rem;font-size:1.15rem;font-weight:bold;border:0;border-radius:.5rem;background:#1c7ed6;color:#fff;cursor:pointer}
.cta button:focus-visible{outline:3px solid #1a1b1e;outline-offset:2px}
.cta [role=status]{padding:1rem;border-radius:.5rem;background:#ebfbee}
.cta [role=alert]{padding:1rem;border-radius:.5rem;background:#fff5f5}
</style>`;

const tokenOf = (value: unknown) => String(value ?? '').slice(0, 200);

/**
 * The page a call's sign-up link opens: GET shows the action and one button (mail clients and
 * scanners open links, so opening changes nothing but the count of clicks); the button's POST
 * signs the person up through mobilisation's `takeAction`, idempotent. The signed token names
 * the person, so no login is needed; the form carries a CSRF token as every page's form does.
 * Also the unsubscribe page of the calls' mails. Registered by `src/server/web.ts` with the
 * public site's shell (its style sheets, its script, its section links), as every public page
 * drawn by the server: no HQ code is loaded.
 */
export async function registerCallToActionPages(
  app: FastifyInstance,
  ctx: AppContext,
  shell: PublicShell,
) {
  const secure = ctx.config.production;
  const draw = featurePageDrawer(ctx, shell, STYLE);
  const site = () => readPublicSite(ctx.database, ctx.campaignId);

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    body: string,
    status = 200,
    token = '',
  ) =>
    draw(request, reply, {
      site: await site(),
      locale,
      title: t(locale, 'callsToAction.page.title'),
      body: `<div class="cta">${body}</div>`,
      status,
      path: token ? `${SIGNUP_PATH}?token=${encodeURIComponent(token)}` : SIGNUP_PATH,
    });
  const say = (locale: Locale, key: MessageKey, vars: Record<string, string> = {}, alert = false) =>
    `<p role="${alert ? 'alert' : 'status'}">${escapeHtml(t(locale, key, vars))}</p>`;
  const detailsLink = (locale: Locale, url: string | null) =>
    url
      ? `<p><a href="${escapeHtml(url)}">${escapeHtml(t(locale, 'callsToAction.page.open'))}</a></p>`
      : '';

  /** The link's call and action for its recipient, or null (not a link of this campaign's). */
  const linkOf = async (token: string): Promise<CallLink | null> => {
    const ids = readSignupToken(ctx, token);
    return ids ? callLink(ctx, ids.callId, ids.personId, ids.index) : null;
  };
  const invalid = (request: FastifyRequest, reply: FastifyReply, locale: Locale) =>
    page(request, reply, locale, say(locale, 'callsToAction.page.invalid', {}, true), 400);

  /** The action and its button, or what became of it (taken already, closed). */
  const ask = async (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    token: string,
    link: CallLink,
    personId: number,
    error: string | null = null,
  ) => {
    const ref = { kind: link.action.kind, id: link.action.id };
    const [open, taken] = await Promise.all([
      openAction(ctx, ref),
      takenAmong(ctx, personId, [ref]),
    ]);
    const title = open?.title ?? link.action.title;
    if (taken.has(formatActionRef(ref))) {
      const body = say(locale, 'callsToAction.page.already', { title });
      return page(
        request,
        reply,
        locale,
        body + detailsLink(locale, open?.url ?? null),
        200,
        token,
      );
    }
    if (!open)
      return page(request, reply, locale, say(locale, 'callsToAction.page.closed'), 200, token);
    const place = open.placeLabel ? `<p>${escapeHtml(open.placeLabel)}</p>` : '';
    const when = open.startsAt
      ? `<p><time datetime="${escapeHtml(open.startsAt)}">${escapeHtml(
          new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
            dateStyle: 'full',
            timeStyle: 'short',
            timeZone: ctx.config.CAMPAIGN_TIMEZONE,
          }).format(new Date(open.startsAt)),
        )}</time></p>`
      : '';
    return page(
      request,
      reply,
      locale,
      `<h1>${escapeHtml(t(locale, 'callsToAction.page.title'))}</h1>
       ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
       <p>${escapeHtml(t(locale, 'callsToAction.page.ask'))}</p>
       <p class="what">${escapeHtml(title)}</p>${place}${when}
       <form method="post" action="${SIGNUP_PATH}">
         <input type="hidden" name="token" value="${escapeHtml(token)}">
         <input type="hidden" name="locale" value="${locale}">
         <input type="hidden" name="${FORM_CSRF_FIELD}" value="${escapeHtml(reply.generateCsrf())}">
         <button type="submit">${escapeHtml(t(locale, 'callsToAction.page.confirm'))}</button>
       </form>${detailsLink(locale, open.url)}`,
      error ? 403 : 200,
      token,
    );
  };

  app.get(SIGNUP_PATH, { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const token = tokenOf((request.query as FormBody).token);
    const ids = readSignupToken(ctx, token);
    const link = ids ? await callLink(ctx, ids.callId, ids.personId, ids.index) : null;
    if (!ids || !link) return invalid(request, reply, locale);
    await recordClick(ctx, ids.callId, ids.personId, ids.index);
    return ask(request, reply, locale, token, link, ids.personId);
  });

  await app.register(async (forms) => {
    acceptFormPosts(forms, 4 * 1024);
    const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
    const localeOfForm = (body: FormBody): Locale => (body.locale === 'en' ? 'en' : 'fr');
    /** A stale or missing CSRF token: the page again, with a fresh one and what to do. */
    const csrfRefused = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const csrf =
        error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET';
      if (!csrf) return void errorHandler(error, request, reply);
      const body = bodyOf(request);
      const locale = localeOfForm(body);
      const token = tokenOf(body.token);
      const ids = readSignupToken(ctx, token);
      const redraw = async () => {
        const link = await linkOf(token);
        if (!ids || !link) return invalid(request, reply, locale);
        return ask(
          request,
          reply,
          locale,
          token,
          link,
          ids.personId,
          t(locale, 'callsToAction.page.csrf'),
        );
      };
      redraw().catch((failure: unknown) => errorHandler(failure as FastifyError, request, reply));
    };

    forms.post(
      SIGNUP_PATH,
      { schema: hidden, config: { ...pageConfig, csrf: 'form' }, errorHandler: csrfRefused },
      async (request, reply) => {
        const body = bodyOf(request);
        const locale = localeOfForm(body);
        const token = tokenOf(body.token);
        const ids = readSignupToken(ctx, token);
        const link = ids ? await callLink(ctx, ids.callId, ids.personId, ids.index) : null;
        if (!ids || !link) return invalid(request, reply, locale);
        const ref = { kind: link.action.kind, id: link.action.id };
        try {
          const result = await takeAction(ctx, ids.personId, ref);
          await recordSignup(ctx, ids.callId, ids.personId, ids.index);
          const key: MessageKey =
            result.status === 'already'
              ? 'callsToAction.page.already'
              : result.status === 'waitlist'
                ? 'callsToAction.page.waitlist'
                : 'callsToAction.page.done';
          const text = say(locale, key, { title: link.action.title });
          return page(request, reply, locale, text + detailsLink(locale, result.url), 200, token);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const key: MessageKey =
            error.code === 'members_only'
              ? 'callsToAction.page.membersOnly'
              : 'callsToAction.page.closed';
          return page(request, reply, locale, say(locale, key, {}, true), 409, token);
        }
      },
    );
  });

  await registerUnsubscribePage(app, ctx, draw, {
    path: UNSUBSCRIBE_PATH,
    texts: (locale) => ({
      title: t(locale, 'callsToAction.unsubscribe.title'),
      ask: t(locale, 'callsToAction.unsubscribe.ask'),
      button: t(locale, 'callsToAction.unsubscribe.button'),
      invalid: t(locale, 'callsToAction.unsubscribe.invalid'),
    }),
    act: async (token, locale) => {
      if (!(await unsubscribeByToken(ctx, token))) {
        throw new AppError(400, 'invalid_token', 'This unsubscribe link is not valid.');
      }
      return t(locale, 'callsToAction.unsubscribe.done');
    },
  });
}
