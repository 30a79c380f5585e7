import type { FastifyPluginAsync } from 'fastify';
import { newsletterTrackingApi } from '../../../../contracts/newsletter-tracking-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { serve } from '../../../core/http/contract.ts';
import { recordOpen } from './record.ts';
import { newsletterLinkClicks, personEngagements } from './service.ts';
import { readTrackingToken } from './token.ts';

/** A transparent 1×1 GIF (43 bytes). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/**
 * Per address and minute. Generous: mail providers fetch images through a few proxies (and
 * Apple's fetches every image when the mail arrives), so many opens share an address; a
 * client above it gets 429 and nothing is recorded.
 */
export const PIXEL_RATE_LIMIT = { max: 600, timeWindow: 60_000 };

/** The tracked mail's image, a newsletter's clicks per link, a person's opens and clicks. */
export const trackingRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(
      app,
      newsletterTrackingApi.pixel,
      async (request, reply) => {
        const named = readTrackingToken(ctx, request.query.t);
        // A HEAD is answered the same and counts nothing.
        if (named && request.method === 'GET') {
          // The image is answered whatever happens to the count.
          await recordOpen(ctx, named.newsletterId, named.personId).catch((error: unknown) =>
            request.log.error({ err: error }, 'newsletter open not recorded'),
          );
        }
        return (
          reply
            .type('image/gif')
            .header('cache-control', 'no-store, no-cache, must-revalidate, max-age=0')
            .header('pragma', 'no-cache')
            .header('expires', '0')
            // Webmail pages of other origins show it.
            .header('cross-origin-resource-policy', 'cross-origin')
            .header('x-content-type-options', 'nosniff')
            .send(PIXEL)
        );
      },
      { config: { rateLimit: PIXEL_RATE_LIMIT } },
    );

    serve(app, newsletterTrackingApi.links, (request) =>
      newsletterLinkClicks(ctx, request.params.id),
    );

    serve(app, newsletterTrackingApi.person, (request) =>
      personEngagements(ctx, request.params.id),
    );
  };
