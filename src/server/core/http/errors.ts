import { problemCode } from '../../../contracts/field-problems.ts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** An error a person can act on: it becomes an application/problem+json response. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    /** Extension members of the problem (RFC 9457), e.g. the id of the person who has an email. */
    readonly extensions?: Record<string, string | number>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, errors?: FieldError[]) =>
  new AppError(400, code, message, errors);
export const invalidFields = (errors: FieldError[]) =>
  new AppError(400, 'validation_failed', 'Some fields are invalid; see errors.', errors);
export const unauthorized = (message = 'Please log in.') =>
  new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You do not have access to this.') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what = 'resource') => new AppError(404, 'not_found', `No such ${what}.`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
  extensions?: Record<string, string | number>,
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://levier.org/problems/${code}`,
      title: titles[status] ?? 'Error',
      status,
      code,
      detail,
      ...(errors ? { errors } : {}),
      ...extensions,
    });
}

/** Fastify's and its plugins' error codes: status, our code, message, and the field if one. */
const fastifyCodes: Record<string, [number, string, string, string?]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large.'],
  FST_REQ_FILE_TOO_LARGE: [413, 'payload_too_large', 'The uploaded file is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send JSON (application/json).'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The JSON body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The body is not valid JSON.'],
  FST_CSRF_INVALID_TOKEN: [
    403,
    'csrf_invalid',
    'Reload the page and try again (security token expired).',
  ],
  FST_CSRF_MISSING_SECRET: [
    403,
    'csrf_invalid',
    'Reload the page and try again (security token missing).',
  ],
  FST_FIELDS_LIMIT: [
    413,
    'too_many_parts',
    'At most 10 form fields may come with the file.',
    'file',
  ],
  FST_PARTS_LIMIT: [413, 'too_many_parts', 'The upload has too many parts.', 'file'],
  FST_FILES_LIMIT: [413, 'too_many_parts', 'Send one file only.', 'file'],
  FST_PROTO_VIOLATION: [400, 'bad_request', 'A form field has a name that is not allowed.'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [
    415,
    'unsupported_media_type',
    'Send the file as multipart/form-data.',
  ],
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const retryAfter = error.extensions?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return sendProblem(
      reply,
      error.status,
      error.code,
      error.message,
      error.errors,
      error.extensions,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      field: issue.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      code: problemCode({ code: issue.keyword, message: issue.message }),
      message: issue.message ?? 'Invalid value.',
    }));
    return sendProblem(
      reply,
      400,
      'validation_failed',
      'Some fields are invalid; see errors.',
      errors,
    );
  }
  // Busboy's limits (e.g. more than 10 fields before the file) end the upload stream: the
  // iterator then fails with a premature close rather than the limit's own error. Either way
  // the upload was cut short on the client's side.
  if (error.code === 'ERR_STREAM_PREMATURE_CLOSE' && request.isMultipart()) {
    return sendProblem(
      reply,
      413,
      'too_many_parts',
      'The upload was cut short: send the file with at most 10 form fields.',
      [{ field: 'file', code: 'too_many_parts', message: 'At most 10 form fields with the file.' }],
    );
  }
  // A character PostgreSQL cannot store that got past the request check (e.g. from a file),
  // or JSON it cannot read (a lone surrogate written as \ud800 in a jsonb value).
  const badJson = error.code === '22P02' && /json|unicode/i.test(error.message);
  if (error.code === '22021' || error.code === '22P05' || badJson) {
    return sendProblem(
      reply,
      400,
      'invalid_characters',
      'The data holds a character that cannot be stored (an invisible control character).',
    );
  }
  // The database's disk (or the server's) is full: nothing was written. A 503 the client may
  // retry later, and a log line that names the cause for whoever runs the server.
  if (error.code === '53100' || error.code === 'ENOSPC') {
    request.log.error({ err: error }, 'disk full: the write was refused');
    reply.header('retry-after', '60');
    return sendProblem(
      reply,
      503,
      'storage_full',
      "The server's disk is full: nothing was saved. Try again later; if it lasts, tell whoever runs the site.",
    );
  }
  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) {
    const [status, code, message, field] = known;
    const errors = field ? [{ field, code, message }] : undefined;
    return sendProblem(reply, status, code, message, errors);
  }
  if (error.statusCode === 429) {
    return sendProblem(
      reply,
      429,
      'rate_limited',
      'Too many requests; wait a minute and try again.',
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, error.statusCode, 'bad_request', error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    500,
    'internal_error',
    'Something went wrong on our side; try again later.',
  );
}
