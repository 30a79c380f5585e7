import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { accountsApi } from '../../../contracts/accounts-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
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
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const limited = {
      config: {
        rateLimit: {
          max: ctx.config.LOGIN_RATE_LIMIT,
          timeWindow: ctx.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
          // Code, link and password attempts share one budget per address.
          groupId: 'login',
        },
      },
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

    // The login code's mail leaves once the answer is sent (see afterResponse).
    app.addHook('onResponse', runAfterResponse);

    serve(app, accountsApi.session, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const me = request.auth ? await accounts.me(ctx, request.auth.personId) : null;
      return { me, csrfToken: reply.generateCsrf() };
    });

    serve(
      app,
      accountsApi.loginStart,
      async (request) => {
        afterResponse.set(
          request,
          await accounts.startLogin(ctx, request.body.email, request.body.locale, (hash) =>
            loginOrigin(ctx, request, hash),
          ),
        );
        return { ok: true as const };
      },
      limited,
    );

    serve(
      app,
      accountsApi.loginCode,
      async (request, reply) =>
        loggedIn(
          request,
          reply,
          await accounts.verifyCode(ctx, request.body.email, request.body.code),
        ),
      limited,
    );

    serve(
      app,
      accountsApi.loginLink,
      async (request, reply) =>
        loggedIn(request, reply, await accounts.verifyLink(ctx, request.body.token)),
      limited,
    );

    serve(
      app,
      accountsApi.loginPassword,
      async (request, reply) =>
        loggedIn(
          request,
          reply,
          await accounts.verifyPassword(ctx, request.body.email, request.body.password, (hash) =>
            loginOrigin(ctx, request, hash),
          ),
        ),
      limited,
    );

    serve(app, accountsApi.logout, async (request, reply) => {
      await accounts.endSession(ctx, currentAuth(request).sessionHash);
      clearSessionCookie(reply);
      return { ok: true as const };
    });

    serve(app, accountsApi.logoutEverywhere, async (request, reply) => {
      await accounts.endAllSessions(ctx, currentAuth(request).personId);
      clearSessionCookie(reply);
      return { ok: true as const };
    });

    serve(
      app,
      accountsApi.setPassword,
      async (request) => {
        await accounts.changePassword(
          ctx,
          currentAuth(request),
          request.body.newPassword,
          request.body.currentPassword,
        );
        return { ok: true as const };
      },
      limited,
    );
  };
