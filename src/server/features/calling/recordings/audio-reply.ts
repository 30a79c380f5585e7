/**
 * Sending a stored recording: with its ETag (a cache that has it gets 304, without the bytes
 * being read), and by byte ranges, which Safari's audio player requires to play anything.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredAudio } from './service.ts';

export async function sendAudio(
  request: FastifyRequest,
  reply: FastifyReply,
  audio: StoredAudio,
  cacheControl: string,
): Promise<FastifyReply> {
  const { contentType, etag, size } = audio.head;
  reply
    .header('cache-control', cacheControl)
    .header('etag', etag)
    .header('accept-ranges', 'bytes')
    .header('x-content-type-options', 'nosniff');
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.status(304).send();
  const ifRange = request.headers['if-range'];
  const range =
    ifRange === undefined || ifRange === etag ? byteRange(request.headers.range, size) : null;
  if (range === 'unsatisfiable') {
    return reply.status(416).header('content-range', `bytes */${size}`).send();
  }
  const data = await audio.read();
  reply.type(contentType);
  if (!range) return reply.send(data);
  const [start, end] = range;
  return reply
    .status(206)
    .header('content-range', `bytes ${start}-${end}/${size}`)
    .send(data.subarray(start, end + 1));
}

/** Whether an If-None-Match header names this ETag (or `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * The first and last byte a Range header asks for, in a file of `size` bytes: null for the
 * whole file (no header, one we do not read, or several ranges, which may be answered whole).
 */
export function byteRange(
  header: string | undefined,
  size: number,
): [number, number] | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return [start, end];
}
