import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogFormat } from './logger.ts';
import { RequestLog } from './request-log.ts';

/** A Fastify app logging as the server does, and the lines it wrote. */
async function logged(format: LogFormat, urls: string[]) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const app = Fastify({
    loggerInstance: createLogger('info', destination, format),
    logController: new RequestLog(),
  });
  app.get('/*', async () => ({ ok: true }));
  for (const url of urls) await app.inject({ url });
  await app.close();
  return lines;
}

describe('request logs', () => {
  it('are one readable line per request in development', async () => {
    const lines = await logged('pretty', ['/api/people?q=dupont', '/missing/page']);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO.*: GET \/api\/people\?q=\[redacted\] 200 \d+ ms$/,
    );
    expect(lines[1]).toMatch(/GET \/missing\/page 200 \d+ ms$/);
    expect(lines.join('')).not.toContain('{');
  });

  it('are one JSON object per request in production, with method, url, status and time', async () => {
    const lines = await logged('json', ['/api/tags']);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 30,
      req: { method: 'GET', url: '/api/tags' },
      res: { statusCode: 200 },
      msg: expect.stringMatching(/^GET \/api\/tags 200 \d+ ms$/),
    });
    expect(line.responseTime).toEqual(expect.any(Number));
  });

  it('keep login tokens and people searches out, and the rest of the request in', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ loggerInstance: createLogger('info', destination) });
    app.get('/*', async () => ({ ok: true }));
    await app.inject({ url: '/login/link?token=s3cr3t-link-token' });
    await app.inject({ url: '/confirm?token=42.macmacmac' });
    await app.inject({ url: '/api/people?page=2&q=jeanne.dupont%40example.org&sort=created_desc' });
    await app.close();
    const logged = lines.join('');
    expect(logged).not.toMatch(/s3cr3t|macmacmac|jeanne|dupont/);
    expect(logged).toContain('/login/link?token=[redacted]');
    expect(logged).toContain('/api/people?page=2&q=[redacted]&sort=created_desc');
    expect(logged).toContain('"method":"GET"');
  });
});
