/** Helpers of the BAN address reader's tests. */
import { readFileSync } from 'node:fs';
import { BanFileError, collectBanAddresses, readBanAddresses } from './parse.ts';
import type { BanEvent } from './types.ts';

export const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** The bytes in chunks of `size` (the whole at once by default). */
export async function* chunked(data: Uint8Array, size = Math.max(1, data.length)) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

export const read = (data: Uint8Array, size?: number) => collectBanAddresses(chunked(data, size));

export async function events(data: Uint8Array, size?: number, batchSize?: number) {
  const out: BanEvent[] = [];
  for await (const event of readBanAddresses(chunked(data, size), batchSize)) out.push(event);
  return out;
}

/** Reads a file that must be refused: the error, and the events yielded before it. */
export async function refusal(data: Uint8Array, size?: number) {
  const before: BanEvent[] = [];
  try {
    for await (const event of readBanAddresses(chunked(data, size))) before.push(event);
  } catch (error) {
    if (error instanceof BanFileError) return { error, before };
    throw error;
  }
  throw new Error('The file was not refused');
}

/** A BAN file's text from its lines (header first), UTF-8, LF. */
export const banFile = (lines: string[]) => Buffer.from(lines.map((l) => `${l}\n`).join(''));
