import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Below this, compressing saves less than it costs. */
const MIN_BYTES = 1024;

/**
 * Sends a page of HTML compressed as the browser accepts it (brotli, else gzip). Pages are a
 * few kilobytes: compressing each in the request costs well under a millisecond and saves a
 * round trip's worth of bytes on a slow phone connection. Never cached for long: they carry
 * the campaign's current texts.
 */
export function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string) {
  reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'Accept-Encoding, Cookie');
  const body = Buffer.from(html, 'utf8');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (body.length < MIN_BYTES) return reply.send(body);
  if (/\bbr\b/.test(accepted)) {
    return reply.header('content-encoding', 'br').send(
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
  }
  if (/\bgzip\b/.test(accepted)) {
    return reply.header('content-encoding', 'gzip').send(gzipSync(body, { level: 6 }));
  }
  return reply.send(body);
}
