import type { Problem } from '../../contracts/common.ts';
import { accountsApi } from '../../contracts/accounts-api.ts';
import {
  fillPath,
  type CallInput,
  type ResponseOf,
  type RouteContract,
} from '../../contracts/route.ts';

export type FieldProblem = NonNullable<Problem['errors']>[number];

/** An error response from the API (application/problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  /** The problem's other members (e.g. `existingPersonId` with `email_taken`). */
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail?: string,
    errors?: FieldProblem[],
    extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors ?? [];
    this.extensions = extensions;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldErrors(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    field: typeof e.field === 'string' ? e.field : '',
    code: typeof e.code === 'string' ? e.code : 'invalid',
    message: typeof e.message === 'string' ? e.message : '',
  }));
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isRecord(body)) {
        return new ApiError(
          typeof body.status === 'number' ? body.status : response.status,
          typeof body.code === 'string' ? body.code : `http_${response.status}`,
          typeof body.detail === 'string' ? body.detail : undefined,
          toFieldErrors(body.errors),
          body,
        );
      }
    } catch {
      // fall through to a generic error
    }
  }
  return new ApiError(
    response.status,
    response.status === 429 ? 'rate_limited' : `http_${response.status}`,
  );
}

/** Fetches the session and remembers its CSRF token. */
export async function fetchSession(): Promise<ResponseOf<typeof accountsApi.session>> {
  const info = await call(accountsApi.session);
  setCsrfToken(info.csrfToken);
  return info;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (UNSAFE.has(method)) {
    if (!csrfToken) await fetchSession();
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    // The CSRF token may have rotated (new session): fetch a fresh one and retry once.
    if (error.code === 'csrf_invalid' && UNSAFE.has(method) && !retried) {
      await fetchSession();
      return request<T>(method, path, body, true);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

/** Builds a query string from defined, non-empty values (arrays joined with commas). */
export function toQuery(
  params: Record<string, string | number | boolean | string[] | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type QueryValues = Parameters<typeof toQuery>[0];

/** The URL of a contract's route (for a link or a download), with its parameters and query. */
export function urlOf<C extends RouteContract>(contract: C, input: Partial<CallInput<C>> = {}) {
  const params = (input.params ?? {}) as Record<string, unknown>;
  return fillPath(contract.path, params) + toQuery((input.query ?? {}) as QueryValues);
}

/** Inputs a contract's call needs; nothing when the route takes neither parameters nor body. */
type CallArgs<C extends RouteContract> =
  Record<string, never> extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

/**
 * Calls a route declared in `src/contracts`: the path, query and body are typed by its
 * schemas and the answer by its success response, as the server registers them.
 */
export function call<C extends RouteContract>(
  contract: C,
  ...[input]: CallArgs<C>
): Promise<ResponseOf<C>> {
  const body = input?.body ?? (UNSAFE.has(contract.method) ? {} : undefined);
  return request<ResponseOf<C>>(contract.method, urlOf(contract, input), body);
}

/**
 * Calls a GET route with a query string already built (`?…` or ''): the people filters have
 * their own URL format, shared by the page's address and the API.
 */
export function callWithSearch<C extends RouteContract & { method: 'GET' }>(
  contract: C,
  search: string,
): Promise<ResponseOf<C>> {
  return request<ResponseOf<C>>('GET', fillPath(contract.path) + search);
}
