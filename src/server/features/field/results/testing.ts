/** Helpers of the results parser's tests. */
import { readFileSync } from 'node:fs';
import { parseResults, ResultsFileError } from './parse.ts';
import type { ResultsEvent } from './types.ts';

export const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** The bytes in chunks of `size` (the whole at once by default). */
export async function* chunked(data: Uint8Array, size = Math.max(1, data.length)) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

export async function events(data: Uint8Array, size?: number): Promise<ResultsEvent[]> {
  const out: ResultsEvent[] = [];
  for await (const event of parseResults(chunked(data, size))) out.push(event);
  return out;
}

/** Parses a file that must be refused: the error, and the events yielded before it. */
export async function refusal(data: Uint8Array, size?: number) {
  const before: ResultsEvent[] = [];
  try {
    for await (const event of parseResults(chunked(data, size))) before.push(event);
  } catch (error) {
    if (error instanceof ResultsFileError) return { error, before };
    throw error;
  }
  throw new Error('The file was not refused');
}

export const latin1 = (text: string) => Buffer.from(text, 'latin1');
