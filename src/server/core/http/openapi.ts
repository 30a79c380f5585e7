import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contracts/common.ts';
import type { MultipartParts } from '../../../contracts/route.ts';
import type { Config } from '../config.ts';
import type { Access } from './access.ts';
import { csrfRequired } from './csrf.ts';
import { SESSION_COOKIE } from './session.ts';

/**
 * The OpenAPI 3.0 document at /api/docs/json. Each route writes its own part (summary, tags,
 * zod schemas for input and answers); what every route shares is added here, from the route's
 * `config`: who may call it (`security`), the CSRF header, operationId, and the problem+json
 * answers its access and input can cause. A route documents errors of its own (409…) with
 * `routeProblems`.
 */

/**
 * A multipart/form-data body is read as a stream by its route (the file is never held in
 * memory), so it has no `body` schema to validate; its parts are documented instead, `fields`
 * being sent as text parts holding JSON.
 */
export type { MultipartParts };

export const MULTIPART_KEY = 'x-multipart';

/** A route schema property documenting its multipart body. */
export const multipartBody = (parts: MultipartParts) => ({ [MULTIPART_KEY]: parts });

const ROUTE_PROBLEMS_KEY = 'x-problems';

/**
 * A route schema property documenting the errors a route answers beyond those its access and
 * input imply, by status: `routeProblems({ 409: '`email_taken`: …' })`. For the document only:
 * a problem is never serialized through a response schema (which would drop its extension
 * members, such as `existingPersonId`).
 */
export const routeProblems = (problems: Record<number, string>) => ({
  [ROUTE_PROBLEMS_KEY]: problems,
});

/** Carry a route's problem answers and CSRF check from the route to the document transform. */
const PROBLEMS_KEY = 'x-levier-problems';
const CSRF_KEY = 'x-levier-csrf';

const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDetails' };
const CSRF_REF = { $ref: '#/components/parameters/CsrfToken' };

type JsonSchema = Record<string, unknown>;
type Problems = Record<string, string>;

/** What each shared problem answer means; a route's own codes are in its `code`. */
function sharedProblems(route: RouteOptions, schema: JsonSchema): Problems {
  const access = route.config?.access as Access | undefined;
  const method = String(route.method);
  const hasBody = !!schema.body || !!schema[MULTIPART_KEY];
  const problems: Problems = {
    400:
      '`validation_failed`, with one entry per field in `errors` (also for a control character ' +
      'in any parameter), or a code of this operation (`code`).',
  };
  if (access && !('public' in access)) problems[401] = '`unauthenticated`: log in first.';
  const forbidden: string[] = [];
  if (access && 'permission' in access) {
    forbidden.push(`\`forbidden\`: the account lacks the \`${access.permission}\` permission`);
  }
  if (access && 'scope' in access) {
    const staff = access.orPermission ? ` and the account lacks \`${access.orPermission}\`` : '';
    forbidden.push(
      `\`forbidden\`: the caller's rank in this ${access.scope} is below \`${access.rank}\`${staff}`,
    );
  }
  if (csrfRequired(method, route.config)) {
    forbidden.push('`csrf_invalid`: the `x-csrf-token` header is missing or stale');
  }
  if (forbidden.length) problems[403] = `${forbidden.join('; or ')}.`;
  if (schema.params) problems[404] = '`not_found` (or a code of this operation).';
  if (hasBody) {
    problems[413] = '`payload_too_large`: the body is over the limit.';
    problems[415] = schema[MULTIPART_KEY]
      ? '`unsupported_media_type`: send multipart/form-data.'
      : '`unsupported_media_type`: send application/json.';
  }
  if (route.config?.rateLimit) {
    problems[429] = '`rate_limited` (or a code of this operation): wait and try again.';
  }
  problems[500] = '`internal_error`: try again later.';
  if (method !== 'GET' && method !== 'HEAD') {
    problems[503] = "`storage_full`: the server's disk is full, nothing was saved; retry later.";
  }
  return problems;
}

/** `GET /api/people/{id}` → `getPeopleById`; stable, unique, and readable in generated clients. */
export function operationIdFor(method: string, url: string) {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .flatMap((segment) =>
      segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^a-zA-Z0-9]+/),
    )
    .filter(Boolean);
  return (
    method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('')
  );
}

const toOpenApi = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;

/** The route transform: zod schemas, multipart bodies, and what the route's config implies. */
export const openApiTransform: SwaggerTransform<FastifySchema> = (input) => {
  const route = input.route as RouteOptions;
  // Pages outside /api/ (HTML, files) are not part of the API.
  if (!route.url.startsWith('/api/')) return { schema: { hide: true }, url: input.url };
  const declared = (input.schema ?? {}) as JsonSchema;
  const out = jsonSchemaTransform(input);
  const {
    [MULTIPART_KEY]: _parts,
    [ROUTE_PROBLEMS_KEY]: ownProblems,
    ...schema
  } = out.schema as JsonSchema;
  if (schema.hide) return out;
  const parts = declared[MULTIPART_KEY] as MultipartParts | undefined;
  if (parts) {
    schema.body = {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: parts.file },
        ...Object.fromEntries(
          Object.entries(parts.fields).map(([name, field]) => [
            name,
            { ...toOpenApi(field.schema, 'input'), description: field.description },
          ]),
        ),
      },
    };
  }
  const access = route.config?.access as Access | undefined;
  if (access) {
    schema.security =
      'public' in access
        ? access.session === 'optional'
          ? [{}, { session: [] }]
          : []
        : // An API token passes national permissions only (core/http/access.ts).
          'authenticated' in access || ('scope' in access && !access.orPermission)
          ? [{ session: [] }]
          : [{ session: [] }, { apiToken: [] }];
  }
  schema.operationId ??= operationIdFor(String(route.method), route.url);
  const problems = sharedProblems(route, declared);
  for (const [status, description] of Object.entries((ownProblems ?? {}) as Problems)) {
    problems[status] = problems[status] ? `${problems[status]} Or ${description}` : description;
  }
  schema[PROBLEMS_KEY] = problems;
  if (csrfRequired(String(route.method), route.config)) schema[CSRF_KEY] = true;
  return { ...out, schema };
};

/** Keywords of JSON Schema that OpenAPI 3.0's schema object refuses. */
const NOT_IN_OPENAPI_30 = [
  '$schema',
  '$id',
  'propertyNames',
  'patternProperties',
  'unevaluatedProperties',
  'dependentSchemas',
  'contentEncoding',
  'contentMediaType',
];

/** Drops, anywhere in the document, what OpenAPI 3.0 refuses (e.g. z.record's propertyNames). */
function toOpenApi30(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toOpenApi30);
  if (!value || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    if (NOT_IN_OPENAPI_30.includes(key)) continue;
    if (key === 'const') out.enum = [child];
    else out[key] = toOpenApi30(child);
  }
  return out;
}

const successDescriptions: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the work goes on in the background.',
  204: 'Done; no content.',
};

interface Operation {
  parameters?: unknown[];
  responses: Record<string, { description: string; content?: unknown }>;
  [key: string]: unknown;
}

/** The document transform: problem answers, the CSRF header, then the OpenAPI 3.0 clean-up. */
function finishDocument({ openapiObject }: { openapiObject: Record<string, unknown> }) {
  const paths = openapiObject.paths as Record<string, Record<string, Operation>>;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (answer.description === 'Default Response') {
          answer.description = successDescriptions[status] ?? 'OK';
        }
        if (status === '204') delete answer.content;
      }
      const problems = (operation[PROBLEMS_KEY] ?? {}) as Problems;
      delete operation[PROBLEMS_KEY];
      for (const [status, description] of Object.entries(problems)) {
        operation.responses[status] = {
          description,
          content: { 'application/problem+json': { schema: PROBLEM_REF } },
        };
      }
      if (operation[CSRF_KEY]) {
        delete operation[CSRF_KEY];
        operation.parameters = [...(operation.parameters ?? []), CSRF_REF];
      }
    }
  }
  return toOpenApi30(openapiObject) as typeof openapiObject;
}

/** @fastify/swagger's options: the document's frame and both transforms. */
export function openApiOptions(config: Config): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Levier API',
        version: '0.1.0',
        description:
          "The API of Levier, a political campaign's platform. Errors are " +
          '`application/problem+json` (RFC 9457) with a stable `code`. Log in by a code sent ' +
          'by email (`POST /api/auth/login/start`, then `/api/auth/login/code`): the session ' +
          'is a cookie. Mutating calls made with a session send the `x-csrf-token` header, ' +
          'whose value `GET /api/session` gives. Other software uses an API token instead ' +
          '(`Authorization: Bearer`, see the `apiToken` scheme).',
        license: {
          name: 'AGPL-3.0-or-later',
          url: 'https://www.gnu.org/licenses/agpl-3.0.html',
        },
      },
      servers: [{ url: config.publicUrl, description: 'This campaign' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The session cookie set at login (httpOnly, SameSite=Lax).',
          },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token (`Authorization: Bearer lvr_…`) an administrator made at /admin/integrations: ' +
              'it acts with its scopes (the permissions it was given that its maker still holds), ' +
              'needs no CSRF header, never reaches a person’s own routes, and is rate limited per token. ' +
              'See docs/api.md.',
          },
        },
        parameters: {
          CsrfToken: {
            name: 'x-csrf-token',
            in: 'header',
            required: true,
            description:
              'The `csrfToken` that `GET /api/session` (or the login) answered, with its cookie ' +
              '(not needed with an API token).',
            schema: { type: 'string' },
          },
        },
        schemas: {
          ProblemDetails: {
            ...toOpenApi(problemSchema, 'output'),
            // Extension members (RFC 9457), such as `existingPersonId` with `email_taken`.
            additionalProperties: true,
            description:
              'An error (RFC 9457), with a stable `code` to act on, `errors` per field for ' +
              'invalid input, and extension members some codes carry.',
          },
        },
      },
    },
    transform: openApiTransform,
    transformObject: (input) =>
      'openapiObject' in input
        ? finishDocument(input as { openapiObject: Record<string, unknown> })
        : input.swaggerObject,
  };
}
