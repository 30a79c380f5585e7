import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The parts of a multipart/form-data body, for the OpenAPI document only: such a body is read
 * as a stream by its route (the file is never held in memory), so it has no `body` schema to
 * validate. `fields` are sent as text parts holding JSON.
 */
export interface MultipartParts {
  file: string;
  fields: Record<string, { description: string; schema: z.ZodType }>;
}

export const MULTIPART_KEY = 'x-multipart';

/** A route schema property documenting its multipart body. */
export const multipartBody = (parts: MultipartParts) => ({ [MULTIPART_KEY]: parts });

/** The zod transform, plus the multipart bodies routes declare with `multipartBody`. */
export const openApiTransform: SwaggerTransform<FastifySchema> = (input) => {
  const out = jsonSchemaTransform(input);
  const parts = (input.schema as Record<string, unknown> | undefined)?.[MULTIPART_KEY] as
    MultipartParts | undefined;
  if (!parts) return out;
  const { [MULTIPART_KEY]: _documented, ...schema } = out.schema as Record<string, unknown>;
  const fields = Object.fromEntries(
    Object.entries(parts.fields).map(([name, field]) => [
      name,
      { ...z.toJSONSchema(field.schema, { io: 'input' }), description: field.description },
    ]),
  );
  return {
    ...out,
    schema: {
      ...schema,
      body: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary', description: parts.file },
          ...fields,
        },
      },
    },
  };
};
