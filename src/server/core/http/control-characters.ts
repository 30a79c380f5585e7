import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** PostgreSQL refuses NUL in text and jsonb; the other C0 controls have no place in a field. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

const invalid = (field: string) =>
  new AppError(400, 'validation_failed', 'Some fields are invalid; see errors.', [
    {
      field,
      code: 'invalid_characters',
      message: 'This field holds an invisible control character; type it again.',
    },
  ]);

/** The path of the first string under `value` holding a forbidden character, if any. */
function findForbidden(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findForbidden(child, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses, before validation, a body, query or path holding a control character (a NUL made
 * PostgreSQL fail the statement: a 500 for the visitor, a retried batch for sign-ups).
 * Tabs and line breaks stay allowed. Uploaded files are read by the import, not here.
 */
export async function refuseControlCharacters(request: FastifyRequest) {
  for (const part of [request.params, request.query, request.body]) {
    const field = findForbidden(part, '', 0);
    if (field !== null) throw invalid(field);
  }
}
