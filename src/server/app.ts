import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './core/context.ts';
import { registerAccessControl } from './core/http/access.ts';
import { errorHandler, sendProblem } from './core/http/errors.ts';
import { openApiOptions } from './core/http/openapi.ts';
import { rateLimitStoreClass } from './core/http/rate-limit.ts';
import { rateLimitKey, trustProxySetting } from './core/http/client-address.ts';
import { refuseControlCharacters } from './core/http/control-characters.ts';
import {
  frameworkErrors,
  registerNoStoreForApi,
  refuseBrokenQuery,
  registerStrictJson,
} from './core/http/request-parsing.ts';
import { CSRF_COOKIE, csrfRequired, csrfTokenOf, formCsrfRequired } from './core/http/csrf.ts';
import { securityHeaders } from './core/http/security-headers.ts';
import { bearerOf, createSessionLoader, useSessionStore } from './core/http/session.ts';
import { RequestLog } from './core/log/request-log.ts';
import { backupRoutes } from './core/backup/schedule-routes.ts';
import { registerHealth } from './core/health/index.ts';
import { registerMetrics } from './core/metrics/index.ts';
import { registerWeb } from './web.ts';
import { features, scopeKinds, type FeatureRoutes } from './features/index.ts';
import { sessionStore } from './features/accounts/sessions.ts';
import type { ScopeKind } from './core/http/access.ts';

export type App = FastifyInstance;

/** What the app serves: every feature's routes and scope kinds (tests may add their own). */
export interface AppParts {
  routes: FeatureRoutes[];
  scopes: Array<(ctx: AppContext) => ScopeKind>;
}

export async function buildApp(
  ctx: AppContext,
  parts: AppParts = { routes: features, scopes: scopeKinds },
): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxySetting(config.TRUST_PROXY),
    frameworkErrors,
    logController: new RequestLog(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', refuseControlCharacters);
  registerStrictJson(app);
  registerNoStoreForApi(app);
  refuseBrokenQuery(app);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/'))
      return sendProblem(reply, 404, 'not_found', 'No such API route.');
    return reply.callNotFound();
  });

  const headers = securityHeaders(config.production, undefined, config.mapOrigins);
  app.addHook('onRequest', (_request, reply, done) => {
    ctx.requests.hit();
    reply.headers(headers);
    done();
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: config.production,
      signed: true,
    },
    getToken: csrfTokenOf,
  });
  const RateLimitStore = await rateLimitStoreClass(app, ctx);
  // The plugin types its store option as its own interface; ours implements incr and child.
  // skipOnError: a store that fails (Redis down) lets requests through, logged, rather than
  // refusing every sign-up of the campaign while it is down.
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    keyGenerator: (request) => rateLimitKey(request.ip),
    store: RateLimitStore as never,
  });
  await app.register(multipart, {
    limits: { fileSize: config.IMPORT_LIMIT_BYTES, files: 1, fields: 10 },
  });
  await app.register(swagger, openApiOptions(config));
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // A bearer token is the only credential of its request (its session cookie is ignored), and
  // no other site can make a browser send one: such a request needs no CSRF token.
  app.addHook('onRequest', (request, reply, done) => {
    if (!csrfRequired(request.method, request.routeOptions.config)) return done();
    if (bearerOf(request) !== null) return done();
    app.csrfProtection(request, reply, done);
  });
  // A page's form carries its token in its body, read only now.
  app.addHook('preHandler', (request, reply, done) => {
    if (!formCsrfRequired(request.method, request.routeOptions.config)) return done();
    app.csrfProtection(request, reply, done);
  });
  useSessionStore(sessionStore);
  registerAccessControl(
    app,
    createSessionLoader(ctx.database, ctx.campaignId, config.STAFF_SESSION_IDLE_HOURS),
    parts.scopes.map((scope) => scope(ctx)),
  );

  // Operations: probes and Prometheus metrics (the request metrics hook first, for every route).
  registerMetrics(app, ctx);
  registerHealth(app, ctx);
  for (const feature of parts.routes) await app.register(feature(ctx));
  await app.register(backupRoutes(ctx));
  await registerWeb(app, ctx);
  return app;
}
