/** Helpers of the REU address reader's tests. */
import { readFileSync } from 'node:fs';
import { ReuFileError, collectReuAddresses, readReuAddresses } from './parse.ts';
import type { ReuEvent } from './types.ts';

export const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** The bytes in chunks of `size` (the whole at once by default). */
export async function* chunked(data: Uint8Array, size = Math.max(1, data.length)) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

export const read = (data: Uint8Array, size?: number) => collectReuAddresses(chunked(data, size));

export async function events(data: Uint8Array, size?: number, batchSize?: number) {
  const out: ReuEvent[] = [];
  for await (const event of readReuAddresses(chunked(data, size), batchSize)) out.push(event);
  return out;
}

/** Reads a file that must be refused: the error, and the events yielded before it. */
export async function refusal(data: Uint8Array, size?: number) {
  const before: ReuEvent[] = [];
  try {
    for await (const event of readReuAddresses(chunked(data, size))) before.push(event);
  } catch (error) {
    if (error instanceof ReuFileError) return { error, before };
    throw error;
  }
  throw new Error('The file was not refused');
}
