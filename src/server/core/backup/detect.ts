import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** The first `size` bytes of a gzip file, uncompressed. */
async function head(file: string, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  const gunzip = createReadStream(file).pipe(createGunzip());
  try {
    for await (const chunk of gunzip) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= size) break;
    }
  } catch {
    // not gzip, or cut short: the caller's own reading says so
  } finally {
    gunzip.destroy();
  }
  return Buffer.concat(chunks);
}

/** A tar archive (an embedded folder copy) rather than a campaign backup's JSON lines. */
export async function isDataDirCopy(file: string): Promise<boolean> {
  const start = await head(file, 512);
  return start.subarray(257, 262).toString('latin1') === 'ustar';
}
