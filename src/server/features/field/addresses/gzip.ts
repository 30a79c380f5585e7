/**
 * Gzip, told by its first two bytes (0x1f 0x8b) rather than by a file name, and inflated as it
 * streams (node:zlib's createGunzip, which also reads files of several gzip members). The
 * Base Adresse Nationale publishes `adresses-XX.csv.gz`; INSEE's REU table may come gzipped too.
 */
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

const INFLATED_CHUNK = 64 * 1024;

const isZlibError = (error: unknown) =>
  typeof (error as { code?: unknown }).code === 'string' &&
  (error as { code: string }).code.startsWith('Z_');

/**
 * The bytes of `source`, inflated when they are gzip. `onStart` learns which it is before the
 * first chunk. A zlib error (corrupt or cut-short archive) becomes `badGzip(reason)`; other
 * errors (the source's) pass as they are. A corrupt archive may fail after some bytes were
 * given: whoever stores what they make must then drop it all.
 */
export async function* gunzipped(
  source: AsyncIterable<Uint8Array>,
  badGzip: (reason: string) => Error,
  onStart?: (gzip: boolean) => void,
): AsyncGenerator<Uint8Array, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let exhausted = false;
  while (headLength < 2) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    if (next.value.length === 0) continue;
    head.push(next.value);
    headLength += next.value.length;
  }
  const byte = (at: number) => (at === 0 ? head[0]?.[0] : (head[0]?.[1] ?? head[1]?.[0]));
  const gzip = headLength >= 2 && byte(0) === 0x1f && byte(1) === 0x8b;
  onStart?.(gzip);

  async function* replay() {
    try {
      yield* head;
      while (!exhausted) {
        const next = await iterator.next();
        if (next.done) exhausted = true;
        else yield next.value;
      }
    } finally {
      // Stopped early (the reader refused the file, or its consumer stopped): let the source
      // close (a file stream, its descriptor).
      if (!exhausted) await iterator.return?.();
    }
  }
  if (!gzip) return yield* replay();

  const gunzip = createGunzip({ chunkSize: INFLATED_CHUNK });
  const feeding = pipeline(replay(), gunzip);
  // Its failure also surfaces through the loop below; this keeps it from being unhandled.
  feeding.catch(() => undefined);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
    await feeding;
  } catch (error) {
    if (isZlibError(error)) throw badGzip((error as Error).message);
    throw error;
  } finally {
    gunzip.destroy();
    // Settles once the source is closed too: a reader that stops leaves nothing open.
    await feeding.catch(() => undefined);
  }
}
