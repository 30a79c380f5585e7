import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tellSignup } from '../../conversions.ts';
import { legalPagePaths, type PublicSite } from '../../../../contracts/recruitment.ts';
import type { AppContext } from '../../../core/context.ts';
import { sendHtml } from '../../../core/http/compressed-html.ts';
import { acceptFormPosts } from '../../../core/http/form-body.ts';
import { AppError, errorHandler } from '../../../core/http/errors.ts';
import { securityHeaders } from '../../../core/http/security-headers.ts';
import { signupRateLimit } from '../../accounts/kiosk.ts';
import { communeCodeOf } from '../../people/directory.ts';
import { nearbySections } from '../../nearby-sections.ts';
import { readPublicSite } from '../../settings/service.ts';
import { confirmRateLimit } from '../limits.ts';
import { confirmSignup, resendConfirmation, signup, validateSignup } from '../service.ts';
import { frameAttribution, visitAttribution, type Attribution } from './attribution.ts';
import {
  oneErrorPerField,
  readSignupForm,
  sourceOf,
  valuesOf,
  type FormBody,
} from './form-input.ts';
import { localeOf, pageLocale, t, type Locale } from './i18n.ts';
import { renderPage, shownLinks, type PublicShell } from './layout.ts';
import {
  confirmAsk,
  confirmDone,
  confirmInvalid,
  formTitle,
  homeBody,
  homeTexts,
  isNotice,
  legalBody,
  legalTitle,
  type LegalPage,
} from './pages.ts';
import {
  errorMessage,
  renderSignupForm,
  renderSignupSent,
  type SignupFormOptions,
} from './signup-form.ts';

const hidden = { hide: true } as const;

/**
 * The public pages, drawn on the server: home (campaign message and sign-up form), the
 * embeddable form, confirmation, "check your mail", the legal notice and the privacy policy.
 * Each is complete HTML, usable before (or without) any script; a small script enhances the
 * form. The sign-up and the confirmation also take plain form posts and answer a page.
 */
export async function registerPublicPages(
  app: FastifyInstance,
  ctx: AppContext,
  { assets, nav }: PublicShell,
) {
  const { publicUrl } = ctx.config;
  const secure = ctx.config.production;
  const frameHeaders = securityHeaders(secure, ['*']);
  const timeFormat = (locale: Locale) =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: ctx.config.CAMPAIGN_TIMEZONE,
    });

  interface Draw {
    site: PublicSite;
    locale: Locale;
    title: string;
    body: string;
    embed?: boolean;
    status?: number;
    head?: string;
  }
  const draw = async (request: FastifyRequest, reply: FastifyReply, page: Draw) => {
    const path = request.url;
    const html = renderPage({
      locale: page.locale,
      site: page.site,
      title: page.title,
      url: publicUrl + path.split('?')[0],
      path,
      body: page.body,
      assets,
      embed: page.embed,
      loggedIn: Boolean(request.auth),
      nav: await shownLinks(nav),
      head: page.head,
    });
    if (page.embed) {
      // Only the embeddable form (and what its posts answer) may be framed by other sites.
      reply.headers(frameHeaders);
      reply.removeHeader('x-frame-options');
    }
    return sendHtml(request, reply.status(page.status ?? 200), html);
  };

  const pageConfig = { access: { public: true, session: 'optional' } } as const;
  const site = () => readPublicSite(ctx.database, ctx.campaignId);

  interface FormPage extends Omit<SignupFormOptions, 'communes'> {
    status?: number;
  }
  /** The home page or the embeddable form, with the form as typed and its errors if any. */
  const drawForm = (request: FastifyRequest, reply: FastifyReply, form: FormPage) => {
    const postalCode = form.values?.postalCode?.replace(/\s/g, '') ?? '';
    const html = renderSignupForm({
      ...form,
      communes: /^\d{5}$/.test(postalCode) ? ctx.geo.communesByPostalCode(postalCode) : [],
    });
    const failed = Boolean(form.errors?.length || form.formError);
    const titled = (title: string) =>
      failed ? t(form.locale, 'public.errorTitle', { title }) : title;
    return form.source === 'embed'
      ? draw(request, reply, {
          site: form.site,
          locale: form.locale,
          title: titled(formTitle(form.site, form.locale)),
          body: html,
          embed: true,
          status: form.status,
        })
      : draw(request, reply, {
          site: form.site,
          locale: form.locale,
          title: titled(homeTexts(form.site, form.locale).title.text),
          body: homeBody(form.site, form.locale, html, notice(request)),
          status: form.status,
        });
  };
  /**
   * What is near a person who has just confirmed (committees, events), from their commune's
   * point; nothing for a commune no geocoder places.
   */
  const nearby = async (personId: number, locale: Locale) => {
    const communeCode = await communeCodeOf(ctx, personId);
    const place = communeCode ? await ctx.geocoder.geocode({ communeCode }) : null;
    if (!place) return { head: '', body: '' };
    const sections = nearbySections();
    const bodies = await Promise.all(sections.map((section) => section.render(ctx, place, locale)));
    return {
      head: sections.map((section) => section.style).join(''),
      body: bodies.filter(Boolean).join('\n'),
    };
  };

  const notice = (request: FastifyRequest) => {
    const value = (request.query as { notice?: unknown } | undefined)?.notice;
    return isNotice(value) ? value : undefined;
  };

  /** The "check your mail" page after a plain form post (the script draws the same panel). */
  const drawSent = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: FormBody,
    resent: boolean,
  ) => {
    const locale: Locale = body.locale === 'en' ? 'en' : 'fr';
    const source = sourceOf(body);
    const current = await site();
    const at = resent ? timeFormat(locale).format(new Date()) : undefined;
    const panel = renderSignupSent(locale, source, (body.email ?? '').trim(), at);
    const title = t(locale, 'signup.successTitle');
    return source === 'embed'
      ? draw(request, reply, { site: current, locale, title, body: panel, embed: true })
      : draw(request, reply, {
          site: current,
          locale,
          title,
          body: homeBody(current, locale, panel),
        });
  };

  app.get('/', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    return drawForm(request, reply, {
      site: await site(),
      locale,
      source: 'signup',
      attribution: visitAttribution(request, reply, publicUrl, secure),
    });
  });

  app.get('/embed/signup', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = localeOf(request.query, request.cookies);
    return drawForm(request, reply, {
      site: await site(),
      locale,
      source: 'embed',
      attribution: frameAttribution(request, publicUrl),
    });
  });

  const legal = (page: LegalPage) => async (request: FastifyRequest, reply: FastifyReply) => {
    const locale = pageLocale(request, reply, secure);
    const current = await site();
    return draw(request, reply, {
      site: current,
      locale,
      title: legalTitle(locale, page),
      body: legalBody(current, locale, page),
    });
  };
  app.get(legalPagePaths.legalNotice, { schema: hidden, config: pageConfig }, legal('legalNotice'));
  app.get(
    legalPagePaths.privacyPolicy,
    { schema: hidden, config: pageConfig },
    legal('privacyPolicy'),
  );

  app.get('/confirm', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const token = (request.query as { token?: unknown }).token;
    const valid = typeof token === 'string' && token.length >= 10 && token.length <= 200;
    return draw(request, reply, {
      site: await site(),
      locale,
      title: t(locale, 'confirm.title'),
      body: valid ? confirmAsk(locale, token) : confirmInvalid(locale),
      status: valid ? 200 : 400,
    });
  });

  // Plain form posts: the browser sends x-www-form-urlencoded, read here only.
  await app.register(async (forms) => {
    acceptFormPosts(forms, 64 * 1024);

    // Counted once the body is read, so a refused post still shows what was typed.
    const signupLimit = { ...signupRateLimit(ctx), hook: 'preHandler' as const };
    /** Whatever goes wrong (rate limit, a control character, invalid fields): the form again. */
    const redrawForm = async (
      error: FastifyError,
      request: FastifyRequest,
      reply: FastifyReply,
    ) => {
      const body = (request.body ?? {}) as FormBody;
      const locale: Locale = body.locale === 'en' ? 'en' : 'fr';
      const limited = error.statusCode === 429;
      return drawForm(request, reply, {
        site: await site(),
        locale,
        source: sourceOf(body),
        attribution: attributionOf(body),
        values: valuesOf(body),
        errors: error instanceof AppError ? error.errors : undefined,
        formError: limited
          ? t(locale, 'error.rate_limited')
          : error instanceof AppError && !error.errors
            ? errorMessage(locale, error)
            : undefined,
        status: limited ? 429 : 400,
      });
    };
    const formErrorHandler = (
      error: FastifyError,
      request: FastifyRequest,
      reply: FastifyReply,
    ) => {
      if (!(error instanceof AppError) && error.statusCode !== 429) {
        return void errorHandler(error, request, reply);
      }
      redrawForm(error, request, reply).catch((failure: unknown) =>
        errorHandler(failure as FastifyError, request, reply),
      );
    };

    forms.post(
      '/signup',
      {
        schema: hidden,
        config: { access: { public: true }, csrf: false, rateLimit: signupLimit },
        errorHandler: formErrorHandler,
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        const { input, candidate, errors } = readSignupForm(body);
        // The service's own checks (email, phone, postal code, commune), writing nothing, even
        // when the shape is wrong: every field's error shows at once.
        try {
          await validateSignup(ctx, input ?? candidate);
        } catch (error) {
          if (!(error instanceof AppError) || !error.errors) throw error;
          errors.push(...error.errors);
        }
        if (input && errors.length === 0) {
          await signup(ctx, input);
          await tellSignup(ctx, request, input.email);
          return drawSent(request, reply, body, false);
        }
        throw new AppError(
          400,
          'validation_failed',
          'Some fields are invalid.',
          oneErrorPerField(errors),
        );
      },
    );

    forms.post(
      '/signup/resend',
      {
        schema: hidden,
        config: { access: { public: true }, csrf: false, rateLimit: signupLimit },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        await resendConfirmation(ctx, (body.email ?? '').slice(0, 254));
        return drawSent(request, reply, body, true);
      },
    );

    forms.post(
      '/confirm',
      {
        schema: hidden,
        config: {
          access: { public: true },
          csrf: false,
          rateLimit: confirmRateLimit(ctx),
        },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        const locale: Locale = body.locale === 'en' ? 'en' : 'fr';
        const token = body.token ?? '';
        let result: Awaited<ReturnType<typeof confirmSignup>> | null = null;
        if (token.length >= 10 && token.length <= 200) {
          try {
            result = await confirmSignup(ctx, token, locale);
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'invalid_token') throw error;
          }
        }
        const near = result ? await nearby(result.personId, locale) : null;
        return draw(request, reply, {
          site: await site(),
          locale,
          title: t(locale, 'confirm.title'),
          body: result ? confirmDone(locale, result, near?.body ?? '') : confirmInvalid(locale),
          status: result ? 200 : 400,
          head: near?.head,
        });
      },
    );
  });
}

/** The attribution a posted form carried in its hidden fields. */
function attributionOf(body: FormBody): Attribution {
  const pick = (name: keyof Attribution) => (body[name]?.trim() ? body[name] : undefined);
  return {
    ref: pick('ref'),
    utmSource: pick('utmSource'),
    utmMedium: pick('utmMedium'),
    utmCampaign: pick('utmCampaign'),
    referrerUrl: pick('referrerUrl'),
  };
}
