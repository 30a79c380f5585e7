/** Helpers of the electoral list reader's tests. */
import { chunked, readerTesting } from '../addresses/testing.ts';
import { collectElectors, ElectorFileError, readElectors } from './parse.ts';

export { chunked };

export const { fixture, events, refusal } = readerTesting(
  import.meta.url,
  readElectors,
  ElectorFileError,
);

export const read = (data: Uint8Array, size?: number) => collectElectors(chunked(data, size));
