import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okSchema } from '../../../contracts/common.ts';
import {
  communeMatchSchema,
  communeSearchQuerySchema,
  communesByCodeQuerySchema,
  departementSchema,
  postalCodeLookupSchema,
} from '../../../contracts/geo.ts';
import {
  confirmInputSchema,
  confirmResultSchema,
  recruitmentStatsSchema,
  signupInputSchema,
  signupResendInputSchema,
  signupResultSchema,
  statsQuerySchema,
} from '../../../contracts/recruitment.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/http/errors.ts';
import { signupRateLimit } from '../accounts/kiosk.ts';
import { confirmSignup, resendConfirmation, signup } from './service.ts';
import { recruitmentStats } from './stats.ts';

const signupMessage = {
  fr: 'Merci ! Vérifiez votre boîte e-mail et cliquez sur le lien pour confirmer votre inscription.',
  en: 'Thank you! Check your inbox and click the link to confirm your sign-up.',
};

export const recruitmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/geo/postal-codes/:code',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'The communes of a French postal code',
          tags: ['geo'],
          params: z.object({ code: z.string().max(10) }),
          response: { 200: postalCodeLookupSchema },
        },
      },
      async (request, reply) => {
        const code = request.params.code.replace(/\s/g, '');
        const communes = ctx.geo.communesByPostalCode(code);
        if (communes.length === 0)
          throw new AppError(404, 'unknown_postal_code', 'Unknown French postal code.');
        reply.header('cache-control', 'public, max-age=86400');
        return { postalCode: code, communes };
      },
    );

    app.get(
      '/api/geo/departements',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'Every French département, with its code and name',
          tags: ['geo'],
          response: { 200: z.array(departementSchema) },
        },
      },
      async () => ctx.geo.departements(),
    );

    // Searched as people type (filters, pickers): an in-memory scan, so no rate limit.
    app.get(
      '/api/geo/communes',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'Search communes by name or INSEE code',
          tags: ['geo'],
          querystring: communeSearchQuerySchema,
          response: { 200: z.array(communeMatchSchema) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        return ctx.geo.searchCommunes(request.query.q);
      },
    );

    // Names for codes already chosen (a filter in the address bar, a saved segment).
    app.get(
      '/api/geo/communes/by-code',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'The names of communes given by INSEE code',
          tags: ['geo'],
          querystring: communesByCodeQuerySchema,
          response: { 200: z.array(communeMatchSchema) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        return request.query.codes.flatMap((code) => ctx.geo.communeMatch(code) ?? []);
      },
    );

    app.post(
      '/api/signup',
      {
        // Public form, also embedded on other sites: no session, so no CSRF token to check.
        config: {
          access: { public: true },
          csrf: false,
          rateLimit: signupRateLimit(ctx),
        },
        schema: {
          summary: 'Sign up (a confirmation link is mailed)',
          tags: ['recruitment'],
          body: signupInputSchema,
          response: { 200: signupResultSchema },
        },
      },
      async (request) => {
        await signup(ctx, request.body);
        return { ok: true as const, message: signupMessage[request.body.locale] };
      },
    );

    app.post(
      '/api/signup/resend',
      {
        config: {
          access: { public: true },
          csrf: false,
          // One budget with the sign-up itself: each is a mail anyone can cause.
          rateLimit: signupRateLimit(ctx),
        },
        schema: {
          summary: 'Send the confirmation mail of an unconfirmed sign-up again',
          tags: ['recruitment'],
          body: signupResendInputSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await resendConfirmation(ctx, request.body.email);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/signup/confirm',
      {
        config: {
          access: { public: true },
          csrf: false,
          rateLimit: { max: 30, timeWindow: 60_000 },
        },
        schema: {
          summary: 'Confirm a sign-up with the token of its mailed link',
          tags: ['recruitment'],
          body: confirmInputSchema,
          response: { 200: confirmResultSchema },
        },
      },
      async (request) => ({ ok: true as const, ...(await confirmSignup(ctx, request.body.token)) }),
    );

    app.get(
      '/api/stats/recruitment',
      {
        config: { access: { permission: 'stats.read' } },
        schema: {
          summary: 'Recruitment statistics over a period',
          tags: ['stats'],
          querystring: statsQuerySchema,
          response: { 200: recruitmentStatsSchema },
        },
      },
      async (request) => recruitmentStats(ctx, request.query.from, request.query.to),
    );
  };
