/** Helpers of the REU address reader's tests. */
import { chunked, readerTesting } from '../addresses/testing.ts';
import { ReuFileError, collectReuAddresses, readReuAddresses } from './parse.ts';

export { chunked };

export const { fixture, events, refusal } = readerTesting(
  import.meta.url,
  readReuAddresses,
  ReuFileError,
);

export const read = (data: Uint8Array, size?: number) => collectReuAddresses(chunked(data, size));
