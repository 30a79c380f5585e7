/** The cookie holding the CSRF secret (@fastify/csrf-protection, signed). */
export const CSRF_COOKIE = 'levier_csrf';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request to this route must carry the `x-csrf-token` header: every mutating API
 * route, except the public forms other sites embed (`csrf: false`, no session, rate limited).
 */
export const csrfRequired = (
  method: string,
  config: { access?: unknown; csrf?: boolean } | undefined,
) => MUTATING.has(method) && !!config?.access && config.csrf !== false;
