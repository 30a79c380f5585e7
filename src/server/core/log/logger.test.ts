import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('request logs', () => {
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
