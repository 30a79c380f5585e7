import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  loginCodeSchema,
  loginLinkSchema,
  loginPasswordSchema,
  loginStartSchema,
  sessionInfoSchema,
  setPasswordSchema,
} from '../../../contracts/accounts.ts';
import { okSchema } from '../../../contracts/common.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { CSRF_COOKIE } from '../../core/http/csrf.ts';
import { clearSessionCookie, startSession } from '../../core/http/session.ts';
import { loginOrigin, rememberLogin } from './login-limits.ts';
import * as accounts from './service.ts';

/**
 * Work a route leaves for after its answer is sent (the login code's mail: see startLogin),
 * so that what the answer waits for is the same whatever the address.
 */
const afterResponse = new WeakMap<FastifyRequest, () => Promise<void>>();
async function runAfterResponse(request: FastifyRequest) {
  const work = afterResponse.get(request);
  if (!work) return;
  afterResponse.delete(request);
  await work().catch((error: unknown) =>
    request.log.error({ err: error }, 'login code could not be sent'),
  );
}

export const accountsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = {
      max: ctx.config.LOGIN_RATE_LIMIT,
      timeWindow: ctx.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
      // Code, link and password attempts share one budget per address.
      groupId: 'login',
    };
    const secure = ctx.config.production;

    const loggedIn = async (request: FastifyRequest, reply: FastifyReply, personId: number) => {
      await startSession(ctx.database, ctx.campaignId, request, reply, personId, secure);
      const emailHash = await accounts.addressHashOf(ctx, personId);
      if (emailHash) await rememberLogin(ctx, request, reply, emailHash);
      // A new CSRF secret with the new session: a token from before the login is no good.
      delete request.cookies[CSRF_COOKIE];
      return { me: await accounts.me(ctx, personId), csrfToken: reply.generateCsrf() };
    };

    app.get(
      '/api/session',
      {
        config: { access: { public: true, session: 'optional' } },
        schema: {
          summary: 'The logged-in person (if any) and a CSRF token',
          tags: ['accounts'],
          response: { 200: sessionInfoSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const me = request.auth ? await accounts.me(ctx, request.auth.personId) : null;
        return { me, csrfToken: reply.generateCsrf() };
      },
    );

    app.post(
      '/api/auth/login/start',
      {
        config: { access: { public: true }, rateLimit: limit },
        onResponse: runAfterResponse,
        schema: {
          summary: 'Mail a 6-digit login code and a login link',
          tags: ['accounts'],
          body: loginStartSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        afterResponse.set(
          request,
          await accounts.startLogin(ctx, request.body.email, request.body.locale, (hash) =>
            loginOrigin(ctx, request, hash),
          ),
        );
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/login/code',
      {
        config: { access: { public: true }, rateLimit: limit },
        schema: {
          summary: 'Log in with the mailed 6-digit code',
          tags: ['accounts'],
          body: loginCodeSchema,
          response: { 200: sessionInfoSchema },
        },
      },
      async (request, reply) =>
        loggedIn(
          request,
          reply,
          await accounts.verifyCode(ctx, request.body.email, request.body.code),
        ),
    );

    app.post(
      '/api/auth/login/link',
      {
        config: { access: { public: true }, rateLimit: limit },
        schema: {
          summary: 'Log in with the token of the mailed login link',
          tags: ['accounts'],
          body: loginLinkSchema,
          response: { 200: sessionInfoSchema },
        },
      },
      async (request, reply) =>
        loggedIn(request, reply, await accounts.verifyLink(ctx, request.body.token)),
    );

    app.post(
      '/api/auth/login/password',
      {
        config: { access: { public: true }, rateLimit: limit },
        schema: {
          summary: 'Log in with a staff password',
          tags: ['accounts'],
          body: loginPasswordSchema,
          response: { 200: sessionInfoSchema },
        },
      },
      async (request, reply) =>
        loggedIn(
          request,
          reply,
          await accounts.verifyPassword(ctx, request.body.email, request.body.password, (hash) =>
            loginOrigin(ctx, request, hash),
          ),
        ),
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: { authenticated: true } },
        schema: {
          summary: 'Log out (end the current login)',
          tags: ['accounts'],
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        await accounts.endSession(ctx, currentAuth(request).sessionHash);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/logout-everywhere',
      {
        config: { access: { authenticated: true } },
        schema: {
          summary: 'End every session of the logged-in person',
          tags: ['accounts'],
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        await accounts.endAllSessions(ctx, currentAuth(request).personId);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: { authenticated: true }, rateLimit: limit },
        schema: {
          summary: "Set or change the logged-in person's password",
          tags: ['accounts'],
          body: setPasswordSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await accounts.changePassword(
          ctx,
          currentAuth(request),
          request.body.newPassword,
          request.body.currentPassword,
        );
        return { ok: true as const };
      },
    );
  };
