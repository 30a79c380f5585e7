import type { z } from 'zod';
import type { Access } from './access.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * One API route, declared once: the server registers its handler from it (validation,
 * serialisation, access, `/api/docs`) and the web client calls it with the same types.
 * `response` names the one success status and its body's schema.
 */
export interface RouteContract {
  method: HttpMethod;
  path: `/api/${string}`;
  summary: string;
  tags: readonly string[];
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart upload: the handler reads the parts itself; the client sends FormData. */
  upload?: MultipartParts;
  /** The success body's media types when it is not JSON (a CSV file…). */
  produces?: readonly string[];
  /**
   * The errors the route answers beyond those its access and input imply, by status, for
   * `/api/docs`: `{ 409: '`email_taken`: …' }`.
   */
  problems?: Readonly<Record<number, string>>;
  response: Partial<Record<SuccessStatus, z.ZodType>>;
}

/** The parts of a multipart upload, documented: the file and the text fields beside it. */
export interface MultipartParts {
  file: string;
  fields: Record<string, { description: string; schema: z.ZodType }>;
}

/** Keeps the literal types of a contract (its path, its schemas) for both sides. */
export const defineRoute = <const C extends RouteContract>(contract: C): C => contract;

type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;

/** The schema of the contract's success body. */
export type SuccessSchema<C extends RouteContract> = NonNullable<
  C['response'][keyof C['response']]
>;

/** What a handler returns: the success body before serialisation. */
export type ResponseInput<C extends RouteContract> = InputOf<SuccessSchema<C>>;
/** What a caller receives: the success body as it arrives in JSON. */
export type ResponseOf<C extends RouteContract> = OutputOf<SuccessSchema<C>>;

export type ParamsOf<C extends RouteContract> = OutputOf<C['params']>;
export type QueryOf<C extends RouteContract> = OutputOf<C['query']>;
export type BodyOf<C extends RouteContract> = OutputOf<C['body']>;

/**
 * What a caller sends: the body as its schema accepts it; path parameters and query as the
 * route reads them (their text is coerced on the server, so their input type says little),
 * every query member optional.
 */
export type CallInput<C extends RouteContract> = (C['params'] extends z.ZodType
  ? { params: z.output<C['params']> }
  : { params?: never }) &
  (C['query'] extends z.ZodType ? { query: Partial<z.output<C['query']>> } : { query?: never }) &
  (C['upload'] extends MultipartParts
    ? { body: FormData }
    : C['body'] extends z.ZodType
      ? { body: z.input<C['body']> }
      : { body?: never });

/** The contract's success status (the one key of `response`). */
export function successStatus(contract: RouteContract): SuccessStatus {
  const statuses = Object.keys(contract.response).map(Number) as SuccessStatus[];
  if (statuses.length !== 1) {
    throw new Error(`${contract.method} ${contract.path} must declare one success response.`);
  }
  return statuses[0];
}

/** The path with its `:name` parameters filled in, each encoded. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name}.`);
    return encodeURIComponent(String(value));
  });
}
