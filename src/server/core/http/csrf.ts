/** The cookie holding the CSRF secret (@fastify/csrf-protection, signed). */
export const CSRF_COOKIE = 'levier_csrf';

/** The field of a plain HTML form post (`csrf: 'form'`) that carries the token. */
export const FORM_CSRF_FIELD = '_csrf';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * How a route is protected against cross-site requests: `true` (the default for every
 * mutating API route) reads the `x-csrf-token` header; `false` is for the public forms other
 * sites embed (no session, rate limited); `'form'` is for a page's plain HTML form, which can
 * send no header: its token is a hidden field, so it is checked once the body is read.
 */
export type CsrfMode = boolean | 'form';

/** Whether a request to this route must carry the `x-csrf-token` header. */
export const csrfRequired = (
  method: string,
  config: { access?: unknown; csrf?: CsrfMode } | undefined,
) => MUTATING.has(method) && !!config?.access && (config.csrf ?? true) === true;

/** Whether a request to this route must carry the token in its form's `_csrf` field. */
export const formCsrfRequired = (method: string, config: { csrf?: CsrfMode } | undefined) =>
  MUTATING.has(method) && config?.csrf === 'form';

/** The token a request carries: its header, or for a form route its form's field. */
export function csrfTokenOf(request: {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  routeOptions: { config: { csrf?: CsrfMode } };
}): string | undefined {
  if (request.routeOptions.config.csrf !== 'form') {
    const header = request.headers['x-csrf-token'];
    return typeof header === 'string' ? header : undefined;
  }
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body?.[FORM_CSRF_FIELD];
  return typeof field === 'string' ? field : undefined;
}
