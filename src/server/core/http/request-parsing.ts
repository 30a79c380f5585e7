import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, sendProblem } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** The first field whose text held bytes that are not UTF-8 (they decode as U+FFFD). */
function fieldWithBadBytes(body: Buffer): string {
  try {
    const found = findReplacement(JSON.parse(lenientUtf8.decode(body)), '');
    return found ?? '';
  } catch {
    return '';
  }
}

function findReplacement(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\ufffd') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\ufffd')) return field;
    const found = findReplacement(child, field);
    if (found !== null) return found;
  }
  return null;
}

/**
 * JSON bodies are decoded as strict UTF-8: Node's default reading replaces bytes that are
 * not UTF-8 with U+FFFD without a word, so a mangled name was stored as if it had been typed.
 * Parsing is left to Fastify's own parser (prototype-poisoning checks included).
 */
export function registerStrictJson(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      done(
        new AppError(400, 'validation_failed', 'Some fields are invalid; see errors.', [
          {
            field: fieldWithBadBytes(bytes),
            code: 'invalid_characters',
            message: 'This text is not valid UTF-8 (a wrongly encoded character); type it again.',
          },
        ]),
        undefined,
      );
      return;
    }
    // Fastify's parser answers through `done`; what it returns is nothing to wait for.
    void parseJson(request, text, done);
  });
}

/**
 * Fastify's own answers to a malformed address (a broken %-escape in the path) are plain
 * JSON: they get our problem+json like every other error.
 */
export function frameworkErrors(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    void sendProblem(reply, 400, 'invalid_url', 'The address is malformed (a broken %-escape).', [
      { field: 'path', code: 'invalid_url', message: 'This address holds a broken %-escape.' },
    ]);
    return;
  }
  request.log.error({ err: error }, 'framework error');
  void sendProblem(reply, 400, 'bad_request', 'The request could not be read.');
}

/**
 * A broken %-escape in the query string (not two hex digits, or bytes that are not UTF-8) is
 * left as it is by the query parser, and would be searched for or stored as typed: refused,
 * like one in the path.
 */
export function refuseBrokenQuery(app: FastifyInstance) {
  // A callback hook: every request passes here, and most have no query string at all.
  app.addHook('onRequest', (request, reply, done) => {
    const at = request.url.indexOf('?');
    if (at < 0 || wellEscaped(request.url.slice(at + 1))) return done();
    void sendProblem(reply, 400, 'invalid_url', 'The address is malformed (a broken %-escape).', [
      { field: 'query', code: 'invalid_url', message: 'The query holds a broken %-escape.' },
    ]);
  });
}

function wellEscaped(query: string): boolean {
  try {
    decodeURIComponent(query);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers of the API are personal data more often than not (people, a person, the logged-in
 * person's space, caught mail with login links, exports, the audit log): none may be kept by
 * a browser or a proxy, unless a route says otherwise (public reference data does).
 */
export function registerNoStoreForApi(app: FastifyInstance) {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });
}
