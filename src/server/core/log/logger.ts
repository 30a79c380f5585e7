import type { FastifyBaseLogger } from 'fastify';
import { createRequire } from 'node:module';
import pino, { type DestinationStream } from 'pino';
import { serializeRequest } from './request-serializer.ts';

/** `json` in production (one object a line, for log collectors); `pretty` for a person. */
export type LogFormat = 'json' | 'pretty';

/** Fields a request line carries for machines; the pretty format shows its message alone. */
const REQUEST_FIELDS = 'pid,hostname,reqId,req,res,responseTime';

/**
 * pino-pretty is a development dependency: a production install has none, and logs JSON.
 * Loaded synchronously in this thread (not as a pino transport) so that log lines and the
 * CLI's own output stay in order.
 */
function prettyStream(destination?: DestinationStream): DestinationStream | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pretty = require('pino-pretty') as typeof import('pino-pretty').PinoPretty;
    return pretty({
      colorize: !destination && process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss',
      ignore: REQUEST_FIELDS,
      sync: true,
      ...(destination ? { destination } : {}),
    });
  } catch {
    return undefined;
  }
}

/** The process's logger; `destination` is for tests (stdout otherwise). */
export function createLogger(
  level: string,
  destination?: DestinationStream,
  format: LogFormat = 'json',
): FastifyBaseLogger {
  const logger = pino(
    {
      level,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
      // Replaces Fastify's own (it keeps an instance's serializers over its defaults).
      serializers: { req: serializeRequest },
    },
    (format === 'pretty' && prettyStream(destination)) || destination,
  );
  return logger as unknown as FastifyBaseLogger;
}
