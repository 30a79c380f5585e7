import type { FastifyBaseLogger } from 'fastify';
import { Writable } from 'node:stream';
import { createLogger } from '../core/log/logger.ts';

export interface LogLine {
  level: number;
  msg: string;
  err?: { message: string; type: string };
  [field: string]: unknown;
}

/** A JSON logger whose lines a test reads back (level 50 is error, 40 warn). */
export function capturedLog(): { log: FastifyBaseLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { log: createLogger('info', destination, 'json'), lines };
}

/** Waits until `check` holds, polling; fails with `what` after a generous deadline. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  deadlineMs = 30_000,
): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
