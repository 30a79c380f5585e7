/** Helpers of the BAN address reader's tests, and the ones every field reader's tests share. */
import { readFileSync } from 'node:fs';
import { BanFileError, collectBanAddresses, readBanAddresses } from './parse.ts';

/** The bytes in chunks of `size` (the whole at once by default). */
export async function* chunked(data: Uint8Array, size = Math.max(1, data.length)) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

/**
 * A reader's test helpers: its fixtures (in `fixtures/` beside `testingFile`), its events from
 * bytes in chunks of `size`, and the refusal of a file that must be refused, with the events
 * yielded before it.
 */
export function readerTesting<Event, Refusal extends Error>(
  testingFile: string,
  read: (source: AsyncIterable<Uint8Array>, batchSize?: number) => AsyncIterable<Event>,
  refused: abstract new (...args: never[]) => Refusal,
) {
  return {
    fixture: (name: string) => readFileSync(new URL(`./fixtures/${name}`, testingFile)),

    async events(data: Uint8Array, size?: number, batchSize?: number): Promise<Event[]> {
      const out: Event[] = [];
      for await (const event of read(chunked(data, size), batchSize)) out.push(event);
      return out;
    },

    async refusal(data: Uint8Array, size?: number): Promise<{ error: Refusal; before: Event[] }> {
      const before: Event[] = [];
      try {
        for await (const event of read(chunked(data, size))) before.push(event);
      } catch (error) {
        if (error instanceof refused) return { error: error as Refusal, before };
        throw error;
      }
      throw new Error('The file was not refused');
    },
  };
}

export const { fixture, events, refusal } = readerTesting(
  import.meta.url,
  readBanAddresses,
  BanFileError,
);

export const read = (data: Uint8Array, size?: number) => collectBanAddresses(chunked(data, size));

/** A BAN file's text from its lines (header first), UTF-8, LF. */
export const banFile = (lines: string[]) => Buffer.from(lines.map((l) => `${l}\n`).join(''));
