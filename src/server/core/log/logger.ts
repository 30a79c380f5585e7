import type { FastifyBaseLogger } from 'fastify';
import pino, { type DestinationStream } from 'pino';
import { serializeRequest } from './request-serializer.ts';

/** The process's logger; `destination` is for tests (stdout otherwise). */
export function createLogger(level: string, destination?: DestinationStream): FastifyBaseLogger {
  const logger = pino(
    {
      level,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
      // Replaces Fastify's own (it keeps an instance's serializers over its defaults).
      serializers: { req: serializeRequest },
    },
    destination,
  );
  return logger as unknown as FastifyBaseLogger;
}
