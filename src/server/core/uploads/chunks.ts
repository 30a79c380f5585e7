/** An uploaded file is kept in rows of about this size, so any process can read it back. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

/**
 * Writes a streamed file as chunks of about UPLOAD_CHUNK_BYTES, numbered from 0, through the
 * feature's own statement (`write`: its table); answers the file's size.
 */
export async function storeFileChunks(
  file: AsyncIterable<Buffer>,
  write: (seq: number, data: Buffer) => Promise<unknown>,
): Promise<number> {
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await write(seq++, data);
  };
  for await (const chunk of file) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    size += chunk.length;
    if (pendingBytes >= UPLOAD_CHUNK_BYTES) await flush();
  }
  await flush();
  return size;
}
