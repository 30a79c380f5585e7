/** Helpers of the results parser's tests. */
import { chunked, readerTesting } from '../addresses/testing.ts';
import { parseResults, ResultsFileError } from './parse.ts';

export { chunked };

export const { fixture, events, refusal } = readerTesting(
  import.meta.url,
  parseResults,
  ResultsFileError,
);

export const latin1 = (text: string) => Buffer.from(text, 'latin1');
