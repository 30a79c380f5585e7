import type { FastifyInstance } from 'fastify';

/** A plain HTML form's fields (the first value of each name). */
export type FormBody = Record<string, string | undefined>;

/**
 * Reads the x-www-form-urlencoded bodies of plain form posts, in the plugin scope that takes
 * them only (the API reads JSON).
 */
export function acceptFormPosts(scope: FastifyInstance, bodyLimit: number) {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      const fields: FormBody = {};
      for (const [key, value] of new URLSearchParams(body as string)) fields[key] ??= value;
      done(null, fields);
    },
  );
}
