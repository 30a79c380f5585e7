import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eventListQuerySchema, type Event } from '../../../../contracts/events.ts';
import type { AppContext } from '../../../core/context.ts';
import { AppError, errorHandler } from '../../../core/http/errors.ts';
import { viewerOf } from '../../../core/http/viewer.ts';
import { richTextToPlain } from '../../../core/rich-text.ts';
import { signupRateLimit } from '../../accounts/kiosk.ts';
import { NEAR_ME_SCRIPT } from '../../committees/pages/routes.ts';
import { searchOrigin } from '../../../core/geo/place.ts';
import { oneErrorPerField, readSignupForm, valuesOf } from '../../recruitment/pages/form-input.ts';
import {
  featurePageDrawer,
  idInPath,
  searchedPlaceName,
  summary,
} from '../../recruitment/pages/feature-pages.ts';
import { pageLocale, t, type Locale } from '../../recruitment/pages/i18n.ts';
import { mapPanel } from '../../recruitment/pages/map-panel.ts';
import { errorMessage } from '../../recruitment/pages/signup-form.ts';
import { validateSignup } from '../../recruitment/service.ts';
import { type PublicNavLink, type PublicShell } from '../../recruitment/pages/layout.ts';
import { readPublicSite } from '../../settings/service.ts';
import { sessionCoverageItem } from '../../field/organisers/public-coverage.ts';
import { eventSource } from '../editing.ts';
import { tellAboutEvent } from '../notify.ts';
import { answerEvent, readCancelToken, withdrawAnswer } from '../rsvp.ts';
import { eventDetail, listEvents } from '../service.ts';
import { answerAsVisitor } from '../visitor.ts';
import { whenText } from './format.ts';
import { et, type EventPageKey } from './messages.ts';
import {
  cancelAskBody,
  cancelDoneBody,
  cancelInvalidBody,
  eventBody,
  eventHref,
  eventPath,
  eventsStyle,
  eventSummaryText,
  findBody,
  isEventNotice,
  notFoundBody,
  type EventNotice,
  type EventSearchTyped,
  type VisitorForm,
} from './views.ts';

/** The events' section of the public site, in every page's header. */
export const eventsNavLink: PublicNavLink = {
  href: '/events',
  label: (locale) => et(locale, 'eventPage.nav'),
};

const PAGE_SIZE = 20;
const CANCEL_PATH = '/events/rsvp/cancel';
const hidden = { hide: true } as const;
const pageConfig = { access: { public: true, session: 'optional' } } as const;

type FormBody = Record<string, string | undefined>;

const keyOf = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null;

/** Problems an answer may meet, said on the page with the status the API gives them. */
const answerProblems: Record<string, { key: EventPageKey; status: number }> = {
  event_cancelled: { key: 'eventPage.error.event_cancelled', status: 409 },
  event_over: { key: 'eventPage.error.event_over', status: 409 },
  not_enough_places: { key: 'eventPage.error.not_enough_places', status: 409 },
  members_only: { key: 'eventPage.error.members_only', status: 403 },
};

/**
 * The public event pages, drawn on the server like the rest of the public site: "Events"
 * (near a postal or commune code, or near the visitor with the committees' small script; by
 * type and days), each event's page, where a logged-in visitor answers or withdraws with
 * plain form posts (a CSRF token in the form), and the one-click cancellation of the mails,
 * a button since mail clients fetch links on their own.
 */
export async function registerEventPages(
  app: FastifyInstance,
  ctx: AppContext,
  shell: PublicShell,
) {
  const timeZone = ctx.config.CAMPAIGN_TIMEZONE;
  const secure = ctx.config.production;
  const site = () => readPublicSite(ctx.database, ctx.campaignId);

  const draw = featurePageDrawer(ctx, shell, eventsStyle);
  const placeName = (code: string) => searchedPlaceName(ctx, code);

  app.get('/events', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    // An empty field of the search form is no filter.
    const asked = Object.fromEntries(
      Object.entries(request.query as Record<string, unknown>).filter(([, value]) => value !== ''),
    );
    const text = (name: keyof EventSearchTyped) =>
      typeof asked[name] === 'string' ? asked[name].slice(0, 20) : '';
    const typed: EventSearchTyped = {
      place: text('place'),
      type: text('type'),
      from: text('from'),
      to: text('to'),
    };
    const page = {
      site: await site(),
      locale,
      title: et(locale, 'eventPage.findTitle'),
      description: et(locale, 'eventPage.findDescription'),
      head: `<script src="${NEAR_ME_SCRIPT}" defer></script>`,
    };
    const refused = (message: string) =>
      draw(request, reply, {
        ...page,
        title: t(locale, 'public.errorTitle', { title: page.title }),
        body: findBody({
          locale,
          typed,
          error: message,
          heading: '',
          empty: '',
          items: [],
          moreHref: null,
          timeZone,
        }),
        status: 400,
      });
    const parsed = eventListQuerySchema.safeParse({ ...asked, limit: PAGE_SIZE });
    if (!parsed.success) return refused(et(locale, 'eventPage.invalidSearch'));
    const query = parsed.data;
    let found: Awaited<ReturnType<typeof listEvents>>;
    try {
      found = await listEvents(ctx, query);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unknown_place') {
        return refused(et(locale, 'eventPage.unknownPlace'));
      }
      throw error;
    }
    const nearMe = query.lat !== undefined && query.lng !== undefined;
    const code = query.place?.replace(/\s/g, '').toUpperCase();
    const place = code ? placeName(code) : '';
    const next = new URLSearchParams();
    if (nearMe) {
      next.set('lat', String(query.lat));
      next.set('lng', String(query.lng));
    } else if (code) next.set('place', code);
    if (query.type) next.set('type', query.type);
    if (query.from) next.set('from', query.from);
    if (query.to) next.set('to', query.to);
    next.set('offset', String(query.offset + PAGE_SIZE));
    const filters = new URLSearchParams();
    if (query.type) filters.set('type', query.type);
    if (query.from) filters.set('from', query.from);
    if (query.to) filters.set('to', query.to);
    return draw(request, reply, {
      ...page,
      body: findBody({
        locale,
        typed,
        error: null,
        heading: nearMe
          ? et(locale, 'eventPage.nearYou')
          : code
            ? et(locale, 'eventPage.nearestTo', { place })
            : et(locale, 'eventPage.soonest'),
        empty: nearMe
          ? et(locale, 'eventPage.noneNearYou')
          : code
            ? et(locale, 'eventPage.noneNear', { place })
            : et(locale, 'eventPage.noneYet'),
        items: found.items,
        moreHref: found.more ? `/events?${next}` : null,
        timeZone,
        map: mapPanel({
          locale,
          kind: 'events',
          api: `/api/events/map${filters.size > 0 ? `?${filters}` : ''}`,
          texts: {
            label: et(locale, 'eventPage.mapLabel'),
            clusterOne: et(locale, 'eventPage.mapClusterOne'),
            clusterMany: et(locale, 'eventPage.mapClusterMany'),
            open: et(locale, 'eventPage.mapOpen'),
          },
          styleUrl: ctx.config.MAP_STYLE_URL ?? null,
          center: await searchOrigin(ctx, query),
          timeZone,
        }),
      }),
    });
  });

  interface Shown {
    key?: string | null;
    notice?: EventNotice | null;
    error?: string;
    status?: number;
    /** The visitor's answer form as typed, with its errors. */
    visitor?: VisitorForm;
  }
  /** An event's page; the "not found" page when it does not exist for this visitor. */
  const drawEvent = async (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    id: number | null,
    shown: Shown = {},
  ) => {
    const current = await site();
    const key = shown.key ?? null;
    let event: Event | null = null;
    if (id !== null) {
      try {
        event = await eventDetail(ctx, id, viewerOf(request), key ?? undefined);
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 404) throw error;
      }
    }
    const source = event && (await eventSource(ctx, event.id));
    if (!event || !source) {
      return draw(request, reply, {
        site: current,
        locale,
        title: et(locale, 'eventPage.notFoundTitle'),
        body: notFoundBody(locale),
        status: 404,
        path: id === null ? undefined : eventPath(id),
      });
    }
    const plain = richTextToPlain(source.description);
    return draw(request, reply, {
      site: current,
      locale,
      title:
        shown.error || shown.visitor?.errors?.length || shown.visitor?.formError
          ? t(locale, 'public.errorTitle', { title: event.title })
          : event.title,
      description: plain
        ? summary(plain)
        : eventSummaryText(locale, event, whenText(locale, event, timeZone)),
      body: eventBody({
        locale,
        event,
        street: source.street,
        timeZone,
        csrfToken: request.auth ? reply.generateCsrf() : null,
        key,
        // The calendar file is served to anyone, so only for the events anyone may see.
        calendarHref: event.visibility === 'public' ? `${eventPath(event.id)}/calendar.ics` : null,
        publicUrl: ctx.config.publicUrl,
        notice: shown.notice ?? null,
        error: shown.error ?? null,
        now: new Date(),
        site: current,
        visitor: shown.visitor ?? {},
        fieldCoverage: await sessionCoverageItem(ctx, locale, event),
      }),
      status: shown.status,
      path: eventHref(event.id, key),
    });
  };

  app.get<{ Params: { id: string } }>(
    '/events/:id',
    { schema: hidden, config: pageConfig },
    async (request, reply) => {
      const locale = pageLocale(request, reply, secure);
      const query = request.query as { notice?: unknown; key?: unknown };
      return drawEvent(request, reply, locale, idInPath(request.params.id), {
        key: keyOf(query.key),
        notice: isEventNotice(query.notice) ? query.notice : null,
      });
    },
  );

  /** The cancellation link's answer: its event, whether it still stands, and what to say. */
  const cancelView = async (token: string) => {
    let answer: { eventId: number; personId: number };
    try {
      answer = readCancelToken(ctx, token);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_token') return null;
      throw error;
    }
    try {
      const event = await eventDetail(ctx, answer.eventId, {
        personId: answer.personId,
        permissions: [],
      });
      return { answer, event };
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    }
  };
  const tokenOf = (value: unknown) =>
    typeof value === 'string' && value.length >= 10 && value.length <= 200 ? value : null;

  const drawCancel = async (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    token: string | null,
    error: string | null = null,
  ) => {
    const found = token ? await cancelView(token) : null;
    const title = et(locale, 'eventPage.cancelTitle');
    if (!token || !found) {
      return draw(request, reply, {
        site: await site(),
        locale,
        title,
        body: cancelInvalidBody(locale),
        status: 400,
        path: CANCEL_PATH,
      });
    }
    const { event } = found;
    return draw(request, reply, {
      site: await site(),
      locale,
      title: error ? t(locale, 'public.errorTitle', { title }) : title,
      body: cancelAskBody(
        locale,
        {
          token,
          csrfToken: reply.generateCsrf(),
          title: event.title,
          when: whenText(locale, event, timeZone),
          answered: event.myRsvp !== null,
        },
        error,
      ),
      status: error ? 403 : 200,
      path: `${CANCEL_PATH}?token=${encodeURIComponent(token)}`,
    });
  };

  // Mail clients and scanners fetch links: opening this one only shows a button.
  app.get(CANCEL_PATH, { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    return drawCancel(request, reply, locale, tokenOf((request.query as FormBody).token));
  });

  // Plain form posts from the event pages: the browser sends x-www-form-urlencoded.
  await app.register(async (forms) => {
    forms.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_request, body, done) => {
        const fields: FormBody = {};
        for (const [key, value] of new URLSearchParams(body as string)) fields[key] ??= value;
        done(null, fields);
      },
    );

    const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
    const localeOfForm = (body: FormBody): Locale => (body.locale === 'en' ? 'en' : 'fr');
    const formConfig = { ...pageConfig, csrf: 'form' } as const;
    const isCsrfError = (error: FastifyError) =>
      error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET';

    /** A stale or missing token: the page again, with a fresh token and what to do. */
    const csrfRefused = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (!isCsrfError(error)) return void errorHandler(error, request, reply);
      const body = bodyOf(request);
      const locale = localeOfForm(body);
      const { id } = request.params as { id: string };
      drawEvent(request, reply, locale, idInPath(id), {
        key: keyOf(body.key),
        error: t(locale, 'error.csrf'),
        status: 403,
      }).catch((failure: unknown) => errorHandler(failure as FastifyError, request, reply));
    };
    const loginFirst = (reply: FastifyReply, id: number, key: string | null) =>
      reply.redirect(`/login?next=${encodeURIComponent(eventHref(id, key))}`, 303);
    const backTo = (id: number, key: string | null, notice: EventNotice) => {
      const query = new URLSearchParams({ ...(key ? { key } : {}), notice });
      return `${eventPath(id)}?${query}`;
    };

    forms.post<{ Params: { id: string } }>(
      '/events/:id/rsvp',
      { schema: hidden, config: formConfig, errorHandler: csrfRefused },
      async (request, reply) => {
        const body = bodyOf(request);
        const locale = localeOfForm(body);
        const key = keyOf(body.key);
        const id = idInPath(request.params.id);
        if (id === null) return drawEvent(request, reply, locale, null);
        if (!request.auth) return loginFirst(reply, id, key);
        const guests = Number(body.guests ?? 0);
        if (!Number.isInteger(guests) || guests < 0 || guests > 10) {
          return drawEvent(request, reply, locale, id, {
            key,
            error: t(locale, 'error.validation_failed'),
            status: 400,
          });
        }
        const { personId } = request.auth;
        let notice: EventNotice;
        try {
          // Seen first: an event one may not see cannot be answered either.
          const before = await eventDetail(ctx, id, viewerOf(request), key ?? undefined);
          const answer = await answerEvent(ctx, id, personId, guests, 'member');
          const unchanged = before.myRsvp?.status === answer.status;
          notice = unchanged ? 'saved' : answer.status === 'waitlist' ? 'waitlist' : 'going';
          // A new number of guests in the same place needs no second mail.
          if (!unchanged) {
            await tellAboutEvent(
              ctx,
              id,
              [personId],
              answer.status === 'going' ? 'going' : 'waitlist',
            );
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          if (error.status === 404) return drawEvent(request, reply, locale, null);
          const problem = answerProblems[error.code];
          if (!problem) throw error;
          return drawEvent(request, reply, locale, id, {
            key,
            error: et(locale, problem.key),
            status: problem.status,
          });
        }
        return reply.redirect(backTo(id, key, notice), 303);
      },
    );

    forms.post<{ Params: { id: string } }>(
      '/events/:id/rsvp/withdraw',
      { schema: hidden, config: formConfig, errorHandler: csrfRefused },
      async (request, reply) => {
        const body = bodyOf(request);
        const locale = localeOfForm(body);
        const key = keyOf(body.key);
        const id = idInPath(request.params.id);
        if (id === null) return drawEvent(request, reply, locale, null);
        if (!request.auth) return loginFirst(reply, id, key);
        try {
          const promoted = await withdrawAnswer(ctx, id, request.auth.personId);
          await tellAboutEvent(ctx, id, promoted, 'promoted');
        } catch (error) {
          if (error instanceof AppError && error.status === 404) {
            return drawEvent(request, reply, locale, null);
          }
          throw error;
        }
        return reply.redirect(backTo(id, key, 'withdrawn'), 303);
      },
    );

    /** The visitor's form again, as typed, with what was wrong (fields, rate limit, event). */
    const visitorRefused = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const limited = error.statusCode === 429;
      if (!(error instanceof AppError) && !limited) return void errorHandler(error, request, reply);
      const body = bodyOf(request);
      const locale = localeOfForm(body);
      const { id } = request.params as { id: string };
      const problem = error instanceof AppError ? answerProblems[error.code] : undefined;
      const values = { ...valuesOf(body), guests: body.guests?.slice(0, 3) ?? '0' };
      const postalCode = values.postalCode?.replace(/\s/g, '') ?? '';
      drawEvent(request, reply, locale, idInPath(id), {
        key: keyOf(body.key),
        error: problem ? et(locale, problem.key) : undefined,
        status: limited ? 429 : (problem?.status ?? (error as AppError).status),
        visitor: {
          values,
          errors: error instanceof AppError ? error.errors : undefined,
          formError: limited
            ? t(locale, 'error.rate_limited')
            : error instanceof AppError && !error.errors && !problem
              ? errorMessage(locale, error)
              : undefined,
          communes: /^\d{5}$/.test(postalCode) ? ctx.geo.communesByPostalCode(postalCode) : [],
        },
      }).catch((failure: unknown) => errorHandler(failure as FastifyError, request, reply));
    };

    // As the public sign-up form: no session, so no CSRF token; the sign-up's rate limit,
    // counted once the body is read so that a refused post still shows what was typed.
    forms.post<{ Params: { id: string } }>(
      '/events/:id/rsvp/visitor',
      {
        schema: hidden,
        config: {
          ...pageConfig,
          csrf: false,
          rateLimit: { ...signupRateLimit(ctx), hook: 'preHandler' as const },
        },
        errorHandler: visitorRefused,
      },
      async (request, reply) => {
        const body = bodyOf(request);
        const locale = localeOfForm(body);
        const key = keyOf(body.key);
        const id = idInPath(request.params.id);
        if (id === null) return drawEvent(request, reply, locale, null);
        const { input, candidate, errors } = readSignupForm(body);
        // Every field's error at once: the service's own checks too, writing nothing.
        try {
          await validateSignup(ctx, input ?? candidate);
        } catch (error) {
          if (!(error instanceof AppError) || !error.errors) throw error;
          errors.push(...error.errors);
        }
        const guests = Number(body.guests ?? 0);
        if (!/^\d{1,2}$/.test(body.guests ?? '0') || guests > 10) {
          errors.push({ field: 'guests', code: 'invalid_guests', message: 'From 0 to 10 guests.' });
        }
        if (!input || errors.length > 0) {
          throw new AppError(
            400,
            'validation_failed',
            'Some fields are invalid.',
            oneErrorPerField(errors),
          );
        }
        try {
          await answerAsVisitor(ctx, id, key, input, guests);
        } catch (error) {
          if (error instanceof AppError && error.status === 404) {
            return drawEvent(request, reply, locale, null);
          }
          throw error;
        }
        return reply.redirect(backTo(id, key, 'pending'), 303);
      },
    );

    /** The cancellation page again, with a fresh token, when the form's was stale or missing. */
    const cancelCsrfRefused = (
      error: FastifyError,
      request: FastifyRequest,
      reply: FastifyReply,
    ) => {
      if (!isCsrfError(error)) return void errorHandler(error, request, reply);
      const body = bodyOf(request);
      const locale = localeOfForm(body);
      drawCancel(request, reply, locale, tokenOf(body.token), t(locale, 'error.csrf')).catch(
        (failure: unknown) => errorHandler(failure as FastifyError, request, reply),
      );
    };

    forms.post(
      CANCEL_PATH,
      { schema: hidden, config: formConfig, errorHandler: cancelCsrfRefused },
      async (request, reply) => {
        const body = bodyOf(request);
        const locale = localeOfForm(body);
        const token = tokenOf(body.token);
        const found = token ? await cancelView(token) : null;
        if (!found) return drawCancel(request, reply, locale, null);
        const { answer, event } = found;
        const promoted = await withdrawAnswer(ctx, answer.eventId, answer.personId);
        await tellAboutEvent(ctx, answer.eventId, promoted, 'promoted');
        return draw(request, reply, {
          site: await site(),
          locale,
          title: et(locale, 'eventPage.cancelTitle'),
          body: cancelDoneBody(locale, { eventId: event.id, title: event.title }),
          path: CANCEL_PATH,
        });
      },
    );
  });
}
