import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../../contracts/roles.ts';
import { forbidden, unauthorized } from './errors.ts';
import type { AuthState } from './session.ts';

/** Every API route declares who may call it, next to the route. */
export type Access =
  { public: true; session?: 'optional' } | { authenticated: true } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Set to false on public, unauthenticated forms that other sites embed. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

export type SessionLoader = (request: FastifyRequest) => Promise<AuthState | null>;

export function registerAccessControl(app: FastifyInstance, loadSession: SessionLoader) {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    const needsDeclaration = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (needsDeclaration && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare its access.`);
    }
  });
  // Before validation: a caller without access learns nothing about a route's parameters.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    if ('public' in access) {
      if (access.session === 'optional') request.auth = await loadSession(request);
      return;
    }
    request.auth = await loadSession(request);
    if (!request.auth) throw unauthorized();
    if ('permission' in access && !request.auth.permissions.includes(access.permission)) {
      throw forbidden();
    }
  });
}

/** The logged-in person, for handlers behind `authenticated` or `permission` access. */
export function currentAuth(request: FastifyRequest): AuthState {
  if (!request.auth) throw unauthorized();
  return request.auth;
}
