import type { FastifyPluginAsync } from 'fastify';
import { tellSignup } from '../conversions.ts';
import { geoApi } from '../../../contracts/geo-api.ts';
import { recruitmentApi } from '../../../contracts/recruitment-api.ts';
import type { AppContext } from '../../core/context.ts';
import { serve } from '../../core/http/contract.ts';
import { AppError } from '../../core/http/errors.ts';
import { signupRateLimit } from '../accounts/kiosk.ts';
import { confirmRateLimit } from './limits.ts';
import { confirmSignup, resendConfirmation, signup } from './service.ts';
import { recruitmentStats } from './stats.ts';

const signupMessage = {
  fr: 'Merci ! Vérifiez votre boîte e-mail et cliquez sur le lien pour confirmer votre inscription.',
  en: 'Thank you! Check your inbox and click the link to confirm your sign-up.',
};

export const recruitmentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, geoApi.postalCode, (request, reply) => {
      const code = request.params.code.replace(/\s/g, '');
      const communes = ctx.geo.communesByPostalCode(code);
      if (communes.length === 0)
        throw new AppError(404, 'unknown_postal_code', 'Unknown French postal code.');
      reply.header('cache-control', 'public, max-age=86400');
      return { postalCode: code, communes };
    });

    serve(app, geoApi.departements, () => ctx.geo.departements());

    // Searched as people type (filters, pickers): an in-memory scan, so no rate limit.
    serve(app, geoApi.communes, (request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return ctx.geo.searchCommunes(request.query.q);
    });

    // Names for codes already chosen (a filter in the address bar, a saved segment).
    serve(app, geoApi.communesByCode, (request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return request.query.codes.flatMap((code) => ctx.geo.communeMatch(code) ?? []);
    });

    serve(
      app,
      recruitmentApi.signup,
      async (request) => {
        await signup(ctx, request.body);
        await tellSignup(ctx, request, request.body.email);
        return { ok: true as const, message: signupMessage[request.body.locale] };
      },
      // Public form, also embedded on other sites: no session, so no CSRF token to check.
      { config: { csrf: false, rateLimit: signupRateLimit(ctx) } },
    );

    serve(
      app,
      recruitmentApi.resend,
      async (request) => {
        await resendConfirmation(ctx, request.body.email);
        return { ok: true as const };
      },
      // One budget with the sign-up itself: each is a mail anyone can cause.
      { config: { csrf: false, rateLimit: signupRateLimit(ctx) } },
    );

    serve(
      app,
      recruitmentApi.confirm,
      async (request) => {
        const confirmed = await confirmSignup(ctx, request.body.token);
        const { firstName, recruitCode, recruitUrl } = confirmed;
        return { ok: true as const, firstName, recruitCode, recruitUrl };
      },
      { config: { csrf: false, rateLimit: confirmRateLimit(ctx) } },
    );

    serve(app, recruitmentApi.stats, (request) =>
      recruitmentStats(ctx, request.query.from, request.query.to),
    );
  };
