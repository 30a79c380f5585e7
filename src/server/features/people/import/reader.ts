import { nextTurn } from '../../../core/event-loop.ts';
import { badRequest } from '../../../core/http/errors.ts';
import { CsvParser, detectDelimiter, type CsvProblemCode, type Delimiter } from './csv.ts';
import { createDecoder, type CsvEncoding } from './encoding.ts';
import { uniqueHeaders } from './mapping.ts';

export interface FileHead {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  headers: string[];
}

export interface ReadHandlers {
  /** The header is read; may throw to stop (a mapping that does not fit, say). */
  head(head: FileHead): void;
  record(line: number, fields: string[]): void;
  /** See CsvParser.acceptMultiline. */
  multiline?(fields: string[]): boolean;
  problem(line: number, code: CsvProblemCode): void;
  /** A line of a UTF-8 file that was not UTF-8, read as Windows-1252. */
  fallback?(line: number): void;
  /** Called after each chunk, with the bytes read so far: the place to flush batches. */
  chunk?(bytesRead: number): Promise<void>;
  /** Reading stops after the chunk where this turns true. */
  enough?(): boolean;
}

/** A header line longer than this without a line break is not a CSV header. */
const MAX_HEADER_CHARS = 1 << 20;
/**
 * Bytes parsed and checked between two turns of the event loop (~250 rows, ~5 ms): the server
 * that runs the import keeps answering requests meanwhile. (64 KB pieces took 20–30 ms each,
 * and sign-ups during a large file's reading waited that long.)
 */
const PIECE_BYTES = 16 * 1024;

/** Decodes, finds the delimiter from the header line and parses, calling the handlers. */
export async function readCsv(
  source: AsyncIterable<Uint8Array>,
  encoding: CsvEncoding,
  handlers: ReadHandlers,
): Promise<FileHead> {
  const decoder = createDecoder(encoding, (line) => handlers.fallback?.(line));
  let pending = '';
  let parser: CsvParser | null = null;
  let head: FileHead | null = null;
  let bytes = 0;

  const parserFor = (delimiter: Delimiter) =>
    new CsvParser(delimiter, {
      record(line, fields) {
        if (head) return handlers.record(line, fields);
        head = { encoding, delimiter, headers: uniqueHeaders(fields.map((f) => f.trim())) };
        parser!.expectedFields = fields.length;
        handlers.head(head);
        if (handlers.multiline) parser!.acceptMultiline = handlers.multiline;
      },
      problem(line, code) {
        if (!head)
          throw badRequest('unreadable_csv', `The header line (line ${line}) has a broken quote.`);
        handlers.problem(line, code);
      },
    });

  /** Waits for the first non-blank line to choose the delimiter, then hands over to the parser. */
  const feed = (text: string, final: boolean) => {
    if (parser) return parser.push(text);
    pending += text;
    for (let at = 0; ;) {
      const newline = pending.indexOf('\n', at);
      if (newline === -1 && !final && pending.length < MAX_HEADER_CHARS) return;
      const line = pending.slice(at, newline === -1 ? undefined : newline);
      if (line.trim() !== '' || newline === -1) {
        parser = parserFor(detectDelimiter(line));
        parser.push(pending);
        pending = '';
        return;
      }
      at = newline + 1;
    }
  };

  reading: for await (const chunk of source) {
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      const piece = chunk.subarray(at, at + PIECE_BYTES);
      bytes += piece.length;
      feed(decoder.write(piece), false);
      await handlers.chunk?.(bytes);
      if (handlers.enough?.()) break reading;
      await nextTurn();
    }
  }
  if (!handlers.enough?.()) {
    feed(decoder.end(), true);
    (parser as CsvParser | null)?.end();
    await handlers.chunk?.(bytes);
  }
  const result = head as FileHead | null; // assigned in the parser's callback
  if (!result) throw badRequest('empty_file', 'The file has no header line and no rows.');
  return result;
}
