import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { committeeSearchQuerySchema } from '../../../../contracts/committees.ts';
import type { AppContext } from '../../../core/context.ts';
import { acceptFormPosts } from '../../../core/http/form-body.ts';
import { AppError, errorHandler } from '../../../core/http/errors.ts';
import { richTextToPlain } from '../../../core/rich-text.ts';
import { searchOrigin } from '../../../core/geo/place.ts';
import {
  featurePageDrawer,
  idInPath,
  searchedPlaceName,
  summary,
} from '../../recruitment/pages/feature-pages.ts';
import { pageLocale, t, type Locale } from '../../recruitment/pages/i18n.ts';
import { mapPanel } from '../../recruitment/pages/map-panel.ts';
import { type PublicNavLink, type PublicShell } from '../../recruitment/pages/layout.ts';
import { registerUnsubscribePage } from '../../recruitment/pages/unsubscribe-page.ts';
import { readPublicSite } from '../../settings/service.ts';
import { joinCommittee, leaveCommittee } from '../membership.ts';
import { unsubscribeByToken } from '../messages.ts';
import { searchCommittees } from '../search.ts';
import { viewerOf } from '../../../core/http/viewer.ts';
import { listEvents } from '../../events/service.ts';
import { committeeDetail, membershipOf } from '../service.ts';
import { areaOf } from '../area.ts';
import { ct } from './messages.ts';
import { nearMeScript } from './near-me.ts';
import {
  committeeBody,
  committeePath,
  committeeStyle,
  findBody,
  isCommitteeNotice,
  notFoundBody,
  type CommitteeNotice,
} from './views.ts';

/** The committees' section of the public site, in every page's header. */
export const committeesNavLink: PublicNavLink = {
  href: '/committees',
  label: (locale) => ct(locale, 'committeePage.nav'),
};

const PAGE_SIZE = 20;
/** The "near me" button's script, which the events' search loads too. */
export const NEAR_ME_SCRIPT = '/committees/near-me.js';
const hidden = { hide: true } as const;
const pageConfig = { access: { public: true, session: 'optional' } } as const;

type FormBody = Record<string, string | undefined>;

/**
 * The public committee pages, drawn on the server like the rest of the public site: "Find a
 * committee" (by postal or commune code, or near the visitor with a small script) and each
 * committee's page, where a logged-in visitor joins, follows or leaves it with plain form
 * posts (a CSRF token in the form), and anyone else is led to log in or sign up.
 */
export async function registerCommitteePages(
  app: FastifyInstance,
  ctx: AppContext,
  shell: PublicShell,
) {
  const secure = ctx.config.production;
  const site = () => readPublicSite(ctx.database, ctx.campaignId);

  const draw = featurePageDrawer(ctx, shell, committeeStyle);
  const placeName = (code: string) => searchedPlaceName(ctx, code);

  app.get(NEAR_ME_SCRIPT, { schema: hidden }, (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(nearMeScript),
  );

  await registerUnsubscribePage(app, ctx, draw, {
    path: '/committees/unsubscribe',
    texts: (locale) => ({
      title: ct(locale, 'committeePage.unsubscribeTitle'),
      ask: ct(locale, 'committeePage.unsubscribeAsk'),
      button: ct(locale, 'committeePage.unsubscribeButton'),
      invalid: ct(locale, 'committeePage.unsubscribeInvalid'),
    }),
    act: async (token, locale) => {
      const { name } = await unsubscribeByToken(ctx, token);
      return ct(locale, 'committeePage.unsubscribeDone', { name });
    },
  });

  app.get('/committees', { schema: hidden, config: pageConfig }, async (request, reply) => {
    const locale = pageLocale(request, reply, secure);
    const asked = request.query as Record<string, unknown>;
    const typed = typeof asked.place === 'string' ? asked.place.slice(0, 20) : '';
    const page = {
      site: await site(),
      locale,
      title: ct(locale, 'committeePage.findTitle'),
      description: ct(locale, 'committeePage.findDescription'),
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
        }),
        status: 400,
      });
    const parsed = committeeSearchQuerySchema.safeParse({ ...asked, limit: PAGE_SIZE });
    if (!parsed.success) return refused(ct(locale, 'committeePage.invalidSearch'));
    const query = parsed.data;
    let found: Awaited<ReturnType<typeof searchCommittees>>;
    try {
      found = await searchCommittees(ctx, query);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unknown_place') {
        return refused(ct(locale, 'committeePage.unknownPlace'));
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
    if (query.q) next.set('q', query.q);
    next.set('offset', String(query.offset + PAGE_SIZE));
    return draw(request, reply, {
      ...page,
      body: findBody({
        locale,
        typed,
        error: null,
        heading: nearMe
          ? ct(locale, 'committeePage.nearYou')
          : code
            ? ct(locale, 'committeePage.nearestTo', { place })
            : ct(locale, 'committeePage.biggest'),
        empty: nearMe
          ? ct(locale, 'committeePage.noneNearYou')
          : code
            ? ct(locale, 'committeePage.noneNear', { place })
            : ct(locale, 'committeePage.noneYet'),
        items: found.items,
        moreHref: found.more ? `/committees?${next}` : null,
        map: mapPanel({
          locale,
          kind: 'committees',
          api: '/api/committees/map',
          texts: {
            label: ct(locale, 'committeePage.mapLabel'),
            clusterOne: ct(locale, 'committeePage.mapClusterOne'),
            clusterMany: ct(locale, 'committeePage.mapClusterMany'),
            open: ct(locale, 'committeePage.mapOpen'),
          },
          styleUrl: ctx.config.MAP_STYLE_URL ?? null,
          center: await searchOrigin(ctx, query),
          timeZone: ctx.config.CAMPAIGN_TIMEZONE,
        }),
      }),
    });
  });

  interface Shown {
    notice?: CommitteeNotice | null;
    error?: string;
    status?: number;
  }
  /** A committee's page; the "not found" page when it does not exist for this visitor. */
  const drawCommittee = async (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    id: number | null,
    shown: Shown = {},
  ) => {
    const current = await site();
    let committee: Awaited<ReturnType<typeof committeeDetail>> | null = null;
    if (id !== null) {
      try {
        committee = await committeeDetail(ctx, id, viewerOf(request));
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 404) throw error;
      }
    }
    if (!committee) {
      return draw(request, reply, {
        site: current,
        locale,
        title: ct(locale, 'committeePage.notFoundTitle'),
        body: notFoundBody(locale),
        status: 404,
        path: id === null ? undefined : committeePath(id),
      });
    }
    const { description, ...shownCommittee } = committee;
    const plain = richTextToPlain(description);
    const events =
      committee.status === 'published'
        ? (await listEvents(ctx, { committeeId: committee.id, limit: 5, offset: 0 })).items
        : [];
    return draw(request, reply, {
      site: current,
      locale,
      title: shown.error
        ? t(locale, 'public.errorTitle', { title: committee.name })
        : committee.name,
      description: plain
        ? summary(plain)
        : ct(locale, 'committeePage.description', { place: committee.place.label }),
      body: committeeBody({
        locale,
        committee: shownCommittee,
        csrfToken: request.auth ? reply.generateCsrf() : null,
        notice: shown.notice ?? null,
        error: shown.error ?? null,
        events,
        timeZone: ctx.config.CAMPAIGN_TIMEZONE,
        area: await areaOf(ctx, committee.id),
      }),
      status: shown.status,
      path: committeePath(committee.id),
    });
  };

  app.get<{ Params: { id: string } }>(
    '/committees/:id',
    { schema: hidden, config: pageConfig },
    async (request, reply) => {
      const locale = pageLocale(request, reply, secure);
      const notice = (request.query as { notice?: unknown }).notice;
      return drawCommittee(request, reply, locale, idInPath(request.params.id), {
        notice: isCommitteeNotice(notice) ? notice : null,
      });
    },
  );

  // Plain form posts from a committee's page: the browser sends x-www-form-urlencoded.
  await app.register(async (forms) => {
    acceptFormPosts(forms, 16 * 1024);

    const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
    const localeOfForm = (body: FormBody): Locale => (body.locale === 'en' ? 'en' : 'fr');
    const formConfig = { ...pageConfig, csrf: 'form' } as const;

    /** A stale or missing token: the page again, with a fresh token and what to do. */
    const csrfRefused = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (error.code !== 'FST_CSRF_INVALID_TOKEN' && error.code !== 'FST_CSRF_MISSING_SECRET') {
        return void errorHandler(error, request, reply);
      }
      const locale = localeOfForm(bodyOf(request));
      const { id } = request.params as { id: string };
      drawCommittee(request, reply, locale, idInPath(id), {
        error: t(locale, 'error.csrf'),
        status: 403,
      }).catch((failure: unknown) => errorHandler(failure as FastifyError, request, reply));
    };
    const loginFirst = (reply: FastifyReply, id: number) =>
      reply.redirect(`/login?next=${encodeURIComponent(committeePath(id))}`, 303);

    forms.post<{ Params: { id: string } }>(
      '/committees/:id/join',
      { schema: hidden, config: formConfig, errorHandler: csrfRefused },
      async (request, reply) => {
        const body = bodyOf(request);
        const locale = localeOfForm(body);
        const id = idInPath(request.params.id);
        if (id === null) return drawCommittee(request, reply, locale, null);
        if (!request.auth) return loginFirst(reply, id);
        const { personId } = request.auth;
        const before = await membershipOf(ctx.database, ctx.campaignId, id, personId);
        let notice: CommitteeNotice;
        try {
          const after = await joinCommittee(ctx, id, personId, {
            as: body.as === 'follower' ? 'follower' : 'member',
            shareContact: body.shareContact === 'on',
          });
          notice =
            before?.rank === after.rank
              ? 'saved'
              : after.rank === 'follower'
                ? 'follower'
                : 'member';
        } catch (error) {
          if (error instanceof AppError && error.code === 'committee_closed') {
            return drawCommittee(request, reply, locale, id, {
              error: ct(locale, 'committeePage.committeeClosed'),
              status: 409,
            });
          }
          if (error instanceof AppError && error.status === 404) {
            return drawCommittee(request, reply, locale, null);
          }
          throw error;
        }
        return reply.redirect(`${committeePath(id)}?notice=${notice}`, 303);
      },
    );

    forms.post<{ Params: { id: string } }>(
      '/committees/:id/leave',
      { schema: hidden, config: formConfig, errorHandler: csrfRefused },
      async (request, reply) => {
        const locale = localeOfForm(bodyOf(request));
        const id = idInPath(request.params.id);
        if (id === null) return drawCommittee(request, reply, locale, null);
        if (!request.auth) return loginFirst(reply, id);
        try {
          await leaveCommittee(ctx, id, request.auth.personId);
        } catch (error) {
          if (error instanceof AppError && error.code === 'last_organiser') {
            return drawCommittee(request, reply, locale, id, {
              error: ct(locale, 'committeePage.lastOrganiser'),
              status: 409,
            });
          }
          if (error instanceof AppError && error.status === 404) {
            return drawCommittee(request, reply, locale, null);
          }
          throw error;
        }
        return reply.redirect(`${committeePath(id)}?notice=left`, 303);
      },
    );
  });
}
