import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { escapeHtml } from '../../../core/html.ts';
import { AppError } from '../../../core/http/errors.ts';
import type { FeaturePage } from '../../recruitment/pages/feature-pages.ts';
import { pageLocale, type Locale } from '../../recruitment/pages/i18n.ts';
import { readPublicSite } from '../../settings/service.ts';
import { newsletterLinks } from './newsletter-links.ts';
import { recordClick } from './record.ts';
import { CLICK_PATH, readTrackingToken } from './token.ts';

const texts: Record<Locale, { title: string; invalid: string; unknown: string }> = {
  fr: {
    title: 'Lien d’une lettre d’information',
    invalid:
      'Ce lien n’est pas valide : il a peut-être été coupé en le copiant. Ouvrez-le depuis la lettre que vous avez reçue.',
    unknown: 'Ce lien ne mène nulle part : la lettre d’information ne contient pas ce lien.',
  },
  en: {
    title: 'A newsletter’s link',
    invalid:
      'This link is not valid: it may have been cut while being copied. Open it from the letter you received.',
    unknown: 'This link leads nowhere: the newsletter has no such link.',
  },
};

/** Per address and minute: a person clicks a few links; more is a robot. */
export const CLICK_RATE_LIMIT = { max: 120, timeWindow: 60_000 };

/** A link's index as the tracked link writes it; null otherwise. */
const indexOf = (value: unknown) =>
  typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : null;

/**
 * The tracked links of a newsletter mail: `/newsletter/click?t=<token>&l=<index>` answers 302
 * to the newsletter's own link number `index` (drawn from its text, never from the request:
 * no open redirect), and counts the click when the person still agrees to tracking. A token
 * that is not valid is a page saying so (400); a newsletter or link that does not exist, 404.
 * A page rather than an API route: a person lands on it, in their browser.
 */
export function registerClickPage(
  app: FastifyInstance,
  ctx: AppContext,
  draw: (request: FastifyRequest, reply: FastifyReply, page: FeaturePage) => Promise<unknown>,
) {
  const secure = ctx.config.production;
  const refuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    problem: 'invalid' | 'unknown',
  ) => {
    const locale = pageLocale(request, reply, secure);
    const text = texts[locale];
    reply.header('cache-control', 'no-store');
    return draw(request, reply, {
      site: await readPublicSite(ctx.database, ctx.campaignId),
      locale,
      title: text.title,
      body: `<div class="narrow"><h1>${escapeHtml(text.title)}</h1>
<p role="alert">${escapeHtml(text[problem])}</p></div>`,
      status: problem === 'invalid' ? 400 : 404,
      path: CLICK_PATH,
    });
  };

  app.get(
    CLICK_PATH,
    { schema: { hide: true }, config: { access: { public: true }, rateLimit: CLICK_RATE_LIMIT } },
    async (request, reply) => {
      const query = request.query as { t?: unknown; l?: unknown };
      const named = readTrackingToken(ctx, query.t);
      if (!named) return refuse(request, reply, 'invalid');
      const index = indexOf(query.l);
      let address: string | undefined;
      try {
        address =
          index === null ? undefined : (await newsletterLinks(ctx, named.newsletterId))[index];
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 404) throw error;
      }
      if (address === undefined || index === null) return refuse(request, reply, 'unknown');
      // A HEAD (a link checker) is answered the same and counts nothing.
      if (request.method === 'GET') {
        // The person reaches their link whatever happens to the count.
        await recordClick(ctx, named.newsletterId, named.personId, index).catch((error: unknown) =>
          request.log.error({ err: error }, 'newsletter click not recorded'),
        );
      }
      return reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .redirect(address, 302);
    },
  );
}
