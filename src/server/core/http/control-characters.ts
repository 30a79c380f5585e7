import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Characters no field of ours may hold: C0 controls but tab and line breaks (PostgreSQL
 * refuses NUL), DEL and the C1 controls, the Unicode line and paragraph separators (a
 * one-line value that breaks a line in a mail), and the bidirectional embeddings, overrides
 * and isolates (text that displays in another order than it reads). Right-to-left text needs
 * none of these: the Unicode bidi algorithm lays it out, and the marks U+200E/U+200F stay
 * allowed.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Half of a surrogate pair with no other half: not a character, and PostgreSQL refuses it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type CharacterProblem = 'control' | 'broken';

export function characterProblem(value: string): CharacterProblem | null {
  if (LONE_SURROGATE.test(value)) return 'broken';
  if (FORBIDDEN.test(value)) return 'control';
  return null;
}

const messages: Record<CharacterProblem, string> = {
  control: 'This field holds an invisible control character; type it again.',
  broken: 'This field holds a broken character (half of an emoji or symbol); type it again.',
};

export const invalidCharacters = (field: string, problem: CharacterProblem) =>
  new AppError(400, 'validation_failed', 'Some fields are invalid; see errors.', [
    { field, code: 'invalid_characters', message: messages[problem] },
  ]);

/** The path and problem of the first string (value or key) under `value` that has one. */
export function findBadCharacters(
  value: unknown,
  path = '',
  depth = 0,
): { field: string; problem: CharacterProblem } | null {
  if (typeof value === 'string') {
    const problem = characterProblem(value);
    return problem ? { field: path, problem } : null;
  }
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const keyProblem = characterProblem(key);
    if (keyProblem) return { field, problem: keyProblem };
    const found = findBadCharacters(child, field, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws the 400 of the first bad character under `value` (e.g. a multipart field's JSON). */
export function refuseBadCharacters(value: unknown, path = '') {
  const found = findBadCharacters(value, path);
  if (found) throw invalidCharacters(found.field, found.problem);
}

/**
 * Refuses, before validation, a body, query or path holding a character we never store
 * (a NUL or a lone surrogate made PostgreSQL fail the statement: a 500 for the visitor, a
 * retried batch for sign-ups). Tabs and line breaks stay allowed here; one-line fields such
 * as names refuse them in their schema. Uploaded files are read by the import, not here.
 */
export async function refuseControlCharacters(request: FastifyRequest) {
  for (const part of [request.params, request.query, request.body]) refuseBadCharacters(part);
}
