import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tellGiftStarted } from '../../conversions.ts';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { acceptFormPosts, type FormBody } from '../../../core/http/form-body.ts';
import { AppError, errorHandler, type FieldError } from '../../../core/http/errors.ts';
import { securityHeaders } from '../../../core/http/security-headers.ts';
import { sql } from 'drizzle-orm';
import {
  frameAttribution,
  visitAttribution,
  type Attribution,
} from '../../recruitment/pages/attribution.ts';
import { featurePageDrawer } from '../../recruitment/pages/feature-pages.ts';
import { pageLocale, t, type Locale } from '../../recruitment/pages/i18n.ts';
import type { PublicNavLink, PublicShell } from '../../recruitment/pages/layout.ts';
import { readPublicSite } from '../../settings/service.ts';
import { giveOnline } from '../giving.ts';
import { applyPaymentEvent } from '../payment-events.ts';
import {
  devGiftIdOf,
  devOutcomeEvent,
  devPaymentRef,
  devSetupPlanOf,
  type DevPendingGift,
} from '../payments/development.ts';
import { paymentProvider } from '../payments/provider.ts';
import { campaignToday, collecting, donationSettings } from '../settings.ts';
import { readDonationForm } from './form-input.ts';
import { dt } from './messages.ts';
import {
  devPayBody,
  donationFormBody,
  donationStyle,
  noticeBody,
  type DonationFormValues,
} from './views.ts';

/** The header's link to the donation page, shown only while the campaign collects. */
export const donateNavLink = (ctx: AppContext): PublicNavLink => ({
  href: '/donate',
  label: (locale) => dt(locale, 'donate.nav'),
  shown: () => collecting(ctx),
});

const hidden = { hide: true } as const;
const pageConfig = { access: { public: true, session: 'optional' } } as const;

/** The limit on gifts started from one address (the page and the API share it). */
export const donationRateLimit = (ctx: AppContext) => ({
  max: ctx.config.DONATION_RATE_LIMIT,
  timeWindow: ctx.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
  groupId: 'donation',
});

const attributionFields = (attribution: Attribution): Record<string, string> =>
  Object.fromEntries(Object.entries(attribution).filter(([, value]) => value)) as Record<
    string,
    string
  >;

/**
 * The public donation pages, drawn on the server: the form (`/donate`, and `/donate/embed`
 * for other sites' frames), its plain post that sends the donor on to the payment page, the
 * thanks page, and the development adapter's test payment page.
 */
export async function registerDonationPages(
  app: FastifyInstance,
  ctx: AppContext,
  shell: PublicShell,
) {
  const secure = ctx.config.production;
  const draw = featurePageDrawer(ctx, shell, donationStyle);
  const frameHeaders = securityHeaders(secure, ['*']);
  const site = () => readPublicSite(ctx.database, ctx.campaignId);

  interface FormState {
    embed: boolean;
    hidden: Record<string, string>;
    values?: DonationFormValues;
    errors?: FieldError[];
    formError?: string;
    status?: number;
  }

  const drawForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    state: FormState,
  ) => {
    const settings = await donationSettings(ctx);
    const title = dt(locale, 'donate.title');
    if (state.embed) {
      reply.headers(frameHeaders);
      reply.removeHeader('x-frame-options');
    }
    const page = { site: await site(), locale, description: dt(locale, 'donate.description') };
    const day = campaignToday(ctx);
    const period = settings.mode === 'candidate' ? settings.collection : null;
    if (!settings.enabled || !paymentProvider(ctx)) {
      const text = settings.enabled
        ? dt(locale, 'donate.unavailable')
        : dt(locale, 'donate.closed');
      return draw(request, reply, { ...page, title, body: noticeBody(title, text), status: 200 });
    }
    if (period && (day < period.opensOn || day > period.closesOn))
      return draw(request, reply, {
        ...page,
        title,
        body: noticeBody(title, dt(locale, 'donate.outsidePeriod', period)),
      });
    const failed = Boolean(state.errors?.length || state.formError);
    return draw(request, reply, {
      ...page,
      title: failed ? t(locale, 'public.errorTitle', { title }) : title,
      status: state.status,
      path: state.embed ? '/donate/embed' : '/donate',
      body: donationFormBody({
        locale,
        settings,
        action: state.embed ? '/donate/embed' : '/donate',
        hidden: { ...state.hidden, locale },
        values: state.values,
        errors: state.errors,
        formError: state.formError,
        year: day.slice(0, 4),
        embed: state.embed,
      }),
    });
  };

  app.get('/donate', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const attribution = visitAttribution(request, reply, ctx.config.publicUrl, secure);
    const query = request.query as Record<string, unknown>;
    const cancelled = query.cancelled === '1';
    return drawForm(request, reply, locale, {
      embed: false,
      hidden: attributionFields(attribution),
      formError: cancelled ? dt(locale, 'donate.cancelled') : undefined,
    });
  });

  app.get('/donate/embed', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    return drawForm(request, reply, locale, {
      embed: true,
      hidden: attributionFields(frameAttribution(request, ctx.config.publicUrl)),
    });
  });

  app.get('/donate/thanks', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const title = dt(locale, 'donate.thanksTitle');
    return draw(request, reply, {
      site: await site(),
      locale,
      title,
      body: noticeBody(title, dt(locale, 'donate.thanks')),
    });
  });

  await app.register(async (forms) => {
    acceptFormPosts(forms, 16 * 1024);
    const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as FormBody;

    /** A refused gift comes back as the form, as typed, with the reasons said on it. */
    const refused =
      (embed: boolean) => (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
        const body = bodyOf(request);
        const { values, locale, attribution } = readDonationForm(body);
        const problem = error instanceof AppError ? error : null;
        const limited = (error as { statusCode?: number }).statusCode === 429;
        if (!problem && !limited) return void errorHandler(error, request, reply);
        const fieldErrors = problem?.errors;
        void drawForm(request, reply, locale, {
          embed,
          hidden: attribution,
          values,
          errors: fieldErrors ?? [],
          formError: limited
            ? t(locale, 'error.rate_limited')
            : fieldErrors
              ? undefined
              : problem?.message,
          status: limited ? 429 : (problem?.status ?? 400),
        }).catch((failure: unknown) => errorHandler(failure as FastifyError, request, reply));
      };

    for (const embed of [false, true]) {
      forms.post(
        embed ? '/donate/embed' : '/donate',
        {
          schema: hidden,
          // A public form, also in other sites' frames: no session, so no CSRF token.
          config: {
            ...pageConfig,
            csrf: false,
            rateLimit: { ...donationRateLimit(ctx), hook: 'preHandler' as const },
          },
          errorHandler: refused(embed),
        },
        async (request, reply) => {
          const { input, values, errors, locale, attribution } = readDonationForm(bodyOf(request));
          if (!input)
            return drawForm(request, reply, locale, {
              embed,
              hidden: attribution,
              values,
              errors,
              status: 400,
            });
          const base = ctx.config.publicUrl;
          const { redirectUrl, donationId } = await giveOnline(ctx, input, {
            success: `${base}/donate/thanks?lang=${locale}`,
            cancel: `${base}/donate?cancelled=1&lang=${locale}`,
          });
          await tellGiftStarted(ctx, request, donationId);
          return reply.redirect(redirectUrl, 303);
        },
      );
    }

    const devRef = (token: string) => devPaymentRef(token, ctx.config.sessionSecret);
    // The page's signed address carries the gift's id.
    const devPending = async (ref: string): Promise<DevPendingGift | null> => {
      const id = devGiftIdOf(ref);
      if (id === null) return null;
      const [gift] = await runSql<{ id: number; amount_cents: number; plan_id: number | null }>(
        ctx.database,
        sql`SELECT id, amount_cents, plan_id FROM donations
             WHERE campaign_id = ${ctx.campaignId} AND provider = 'development'
               AND id = ${id} AND status = 'pending'`,
      );
      return gift
        ? {
            id: Number(gift.id),
            amountCents: Number(gift.amount_cents),
            planId: gift.plan_id === null ? null : Number(gift.plan_id),
          }
        : null;
    };
    const devPageGone = async (request: FastifyRequest, reply: FastifyReply, locale: Locale) => {
      const title = dt(locale, 'devpay.title');
      return draw(request, reply, {
        site: await site(),
        locale,
        title,
        body: noticeBody(title, dt(locale, 'devpay.unknown')),
        status: 404,
      });
    };
    const development = () => paymentProvider(ctx)?.name === 'development';

    forms.get<{ Params: { token: string } }>(
      '/donate/pay/dev/:token',
      { schema: hidden, config: pageConfig },
      async (request, reply) => {
        const locale = pageLocale(request, reply, secure);
        const ref = development() ? devRef(request.params.token) : null;
        const setup = ref !== null && devSetupPlanOf(ref) !== null;
        const gift = ref && !setup ? await devPending(ref) : null;
        if (!ref || (!setup && !gift)) return devPageGone(request, reply, locale);
        return draw(request, reply, {
          site: await site(),
          locale,
          title: dt(locale, 'devpay.title'),
          body: devPayBody(locale, request.url.split('?')[0]!, gift?.amountCents ?? null, setup),
        });
      },
    );

    forms.post<{ Params: { token: string } }>(
      '/donate/pay/dev/:token',
      { schema: hidden, config: { ...pageConfig, csrf: false } },
      async (request, reply) => {
        const locale = pageLocale(request, reply, secure);
        const ref = development() ? devRef(request.params.token) : null;
        if (!ref) return devPageGone(request, reply, locale);
        const outcome = bodyOf(request).outcome ?? '';
        const base = ctx.config.publicUrl;
        const setup = devSetupPlanOf(ref) !== null;
        // Where the provider sends the donor back: the same addresses as Stripe's.
        if (setup && outcome === 'cancel')
          return reply.redirect(`${base}/me?card=cancelled&lang=${locale}`, 303);
        const gift = setup ? null : await devPending(ref);
        const event = devOutcomeEvent(ref, outcome, gift);
        if (!event) return devPageGone(request, reply, locale);
        await applyPaymentEvent(ctx, 'development', event);
        const next = setup
          ? '/me?card=saved&'
          : event.kind === 'payment_succeeded'
            ? '/donate/thanks?'
            : '/donate?cancelled=1&';
        return reply.redirect(`${base}${next}lang=${locale}`, 303);
      },
    );
  });
}
