import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Access, Rank } from '../../../contracts/access.ts';
import type { RouteContract } from '../../../contracts/route.ts';
import { nationalAccessAllows, rankAtLeast } from '../../../contracts/access.ts';
import { AppError, forbidden, notFound, unauthorized } from './errors.ts';
import type { CsrfMode } from './csrf.ts';
import { tokenStore, type AuthState } from './session.ts';

export type { Access };

/**
 * A kind of scope a feature owns (a committee…): how to find the scope a request names and
 * the rank a person holds in it. Registered with the app; a route naming a kind nobody
 * registered stops the start.
 */
export interface ScopeKind {
  name: string;
  /** The scope's id from the request's raw path parameters; null when it cannot be one. */
  idFrom(params: Record<string, string | undefined>): number | null;
  /** The person's rank in that scope; `missing` when the scope does not exist. */
  rankOf(personId: number, scopeId: number): Promise<Rank | null | 'missing'>;
}

/** The scope a scoped route's request was admitted to, for its handler. */
export interface ScopeGrant {
  kind: string;
  id: number;
  /** Null when national staff passed through the declaration's `orPermission`. */
  rank: Rank | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** False on public, unauthenticated forms that other sites embed; 'form' on a page's form. */
    csrf?: CsrfMode;
  }
  interface FastifyRequest {
    auth: AuthState | null;
    scope: ScopeGrant | null;
  }
  interface FastifyInstance {
    /** Every API route with its declared access, in registration order (for the access tests). */
    accessTable: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
  /** The contract the route was registered from (see `core/http/contract.ts`). */
  contract?: RouteContract;
}

export type SessionLoader = (request: FastifyRequest) => Promise<AuthState | null>;

const isApiRoute = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

export function registerAccessControl(
  app: FastifyInstance,
  loadSession: SessionLoader,
  scopeKinds: readonly ScopeKind[] = [],
) {
  const kinds = new Map(scopeKinds.map((kind) => [kind.name, kind]));
  const table: DeclaredRoute[] = [];
  app.decorate('accessTable', table);
  app.decorateRequest('auth', null);
  app.decorateRequest('scope', null);
  app.addHook('onRoute', (route) => {
    if (!isApiRoute(route.url)) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare its access.`);
    if (!route.config?.contract) {
      throw new Error(
        `Route ${route.method} ${route.url} is not declared by a contract of src/contracts (serve it with serve()).`,
      );
    }
    if ('scope' in access && !kinds.has(access.scope)) {
      throw new Error(`Route ${route.method} ${route.url} names an unknown scope ${access.scope}.`);
    }
    const contract = route.config?.contract;
    for (const method of [route.method].flat()) {
      table.push({ method, url: route.url, access, contract });
    }
  });
  // Before validation: a caller without access learns nothing about a route's parameters.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    if ('public' in access) {
      if (access.session === 'optional') {
        const auth = await loadSession(request);
        // A token is no person: public routes and pages answer it as they answer a visitor.
        request.auth = auth?.token ? null : auth;
      }
      return;
    }
    request.auth = await loadSession(request);
    if (!request.auth) throw unauthorized();
    try {
      // An API token acts only through permissions: never where a person's own session is
      // needed (`authenticated`: their space) nor through a rank the token's maker holds.
      if (request.auth.token && 'authenticated' in access) throw forbidden(TOKEN_REFUSED);
      if ('scope' in access) {
        request.scope = await admitToScope(request, access, kinds.get(access.scope)!);
      } else if (!nationalAccessAllows(access, request.auth.permissions)) {
        throw forbidden();
      }
    } catch (error) {
      if (request.auth.token && error instanceof AppError && error.status === 403) {
        await tokenStore()?.refused(request, request.auth);
      }
      throw error;
    }
  });
}

async function admitToScope(
  request: FastifyRequest,
  access: Extract<Access, { scope: string }>,
  kind: ScopeKind,
): Promise<ScopeGrant> {
  const auth = request.auth!;
  const id = kind.idFrom(request.params as Record<string, string | undefined>);
  if (id === null) throw notFound(kind.name);
  const rank = await kind.rankOf(auth.personId, id);
  if (rank === 'missing') throw notFound(kind.name);
  if (rank && !auth.token && rankAtLeast(rank, access.rank)) return { kind: kind.name, id, rank };
  if (nationalAccessAllows(access, auth.permissions)) return { kind: kind.name, id, rank: null };
  throw forbidden();
}

const TOKEN_REFUSED = 'An API token cannot act as a person here; log in instead.';

/**
 * The logged-in person acting with their own session, not an API token (making a token, what
 * only a person may do): a token is refused with 403.
 */
export function currentPerson(request: FastifyRequest): AuthState {
  const auth = currentAuth(request);
  if (auth.token) throw new AppError(403, 'person_required', TOKEN_REFUSED);
  return auth;
}

/** The logged-in person, for handlers behind `authenticated`, `permission` or `scope` access. */
export function currentAuth(request: FastifyRequest): AuthState {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

/** The scope a scoped route admitted the caller to. */
export function currentScope(request: FastifyRequest): ScopeGrant {
  if (!request.scope) throw forbidden();
  return request.scope;
}
