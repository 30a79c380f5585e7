/**
 * Bytes → the header and rows of a delimited text file, for every field reader (Base Adresse
 * Nationale addresses here, INSEE's REU addresses in `../stations/`, results in `../results/`,
 * electoral lists in `../electors/`), with the people import's pieces: refuse a binary file
 * from its first bytes, decode line by line (UTF-8; a line that is not is read as
 * Windows-1252, and noted), choose the delimiter from the header line. Then a fast path: a
 * line without a quote (nearly every line of the BAN's files) is split here into only the
 * cells its reader uses, a line with a quote goes to the people import's CsvParser. Splitting
 * every cell of every row was a third of the time of a million-row file. Gzip is not handled
 * here: `gzip.ts` inflates before, as a stream (zlib works asynchronously).
 */
import {
  CsvParser,
  detectDelimiter,
  MAX_RECORD_CHARS,
  type Delimiter,
} from '../../people/import/csv.ts';
import {
  binaryReason,
  createDecoder,
  EncodingDetector,
  type CsvEncoding,
  type Decoder,
} from '../../people/import/encoding.ts';
import { LINES_KEPT } from './tally.ts';

/** Bytes looked at before anything is decoded, to refuse a binary file. */
const HEAD_BYTES = 8 * 1024;

/**
 * Bytes of one line kept at most. Beyond, the rest of the line is dropped until its line
 * break: what was kept decodes to more than the CSV reader's MAX_RECORD_CHARS, so the line is
 * reported (`line_too_long`) and skipped, and memory stays bounded whatever the file.
 */
export const MAX_LINE_BYTES = 4 * MAX_RECORD_CHARS;

export { LINES_KEPT };

const LF = 0x0a;
const CR = 0x0d;

const firstBreak = (bytes: Uint8Array) => {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF || bytes[i] === CR) return i;
  return -1;
};
const lastBreak = (bytes: Uint8Array) => {
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i] === LF || bytes[i] === CR) return i;
  return -1;
};

/** What a binary file is, in words, from its signature (for a refusal's sentence). */
export function binaryKind(head: Uint8Array): string {
  const starts = (signature: number[]) => signature.every((byte, i) => head[i] === byte);
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'une archive zip ou un classeur Excel (.xlsx)';
  if (starts([0xd0, 0xcf, 0x11, 0xe0])) return 'un classeur Excel (.xls)';
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'un document PDF';
  if (starts([0x50, 0x41, 0x52, 0x31])) return 'un fichier Parquet (prenez la version CSV)';
  if (starts([0x1f, 0x8b])) return 'une archive compressée (.gz)';
  return 'un fichier binaire';
}

/** The refusals a source may raise, in its reader's words. */
export interface SourceRefusals {
  empty(): Error;
  notText(what: string): Error;
  unreadableHeader(): Error;
}

export type UnreadableLine = 'broken_quote' | 'line_too_long';

export interface SourceHandlers {
  /**
   * The first line that is not blank, as cells. May throw a refusal. May return which cells
   * the rows are read for (by column index): rows then hold those and leave the others empty,
   * up to the last one wanted (fewer when the line has fewer).
   */
  header(fields: string[]): boolean[] | void;
  /** Every later line that is not empty, with its physical number (the header's is usually 1). */
  row(line: number, fields: string[]): void;
  /** A line the CSV reader could not read, skipped. */
  unreadable(line: number, code: UnreadableLine): void;
}

export const isBlankRow = (fields: string[]) => fields.every((field) => field.trim() === '');

/**
 * A push source: `push` chunks, then `end`. Throws the reader's refusals (a binary file, an
 * empty one, an unreadable header) before any row reaches the handlers.
 */
export class TableSource {
  private head: Uint8Array[] = [];
  private headLength = 0;
  private started = false;
  private readonly detector = new EncodingDetector();
  private decoder: Decoder | null = null;
  private capLines = true;
  private lineBytes = 0;
  private skippingLine = false;
  /** Text after the last line break, in the pieces it came in. */
  private pending: string[] = [];
  private lineNumber = 0;
  private headerSeen = false;
  private wanted: boolean[] | null = null;
  private lastWanted = -1;

  /** Whether the file starts with a byte order mark (UTF-8 or UTF-16). */
  bom = false;
  delimiter: Delimiter = ';';
  /** Lines of a UTF-8 file that were not UTF-8, read as Windows-1252. */
  readonly latinLines = { count: 0, lines: [] as number[] };

  constructor(
    private readonly handlers: SourceHandlers,
    private readonly refusals: SourceRefusals,
  ) {}

  /** The encoding, once the file has ended. */
  encoding(): CsvEncoding {
    return this.detector.result();
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (!this.started) {
      this.head.push(Buffer.from(chunk));
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) this.start();
      return;
    }
    this.feedBytes(chunk);
  }

  end(): void {
    if (!this.started) this.start();
    this.feedText(this.decoder!.end(), true);
    if (!this.headerSeen) throw this.refusals.empty();
  }

  /** The head is in: refuse a binary file, choose the decoder, decode the head. */
  private start(): void {
    this.started = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    if (binaryReason(head)) throw this.refusals.notText(binaryKind(head));
    const utf16 =
      head[0] === 0xff && head[1] === 0xfe
        ? 'utf-16le'
        : head[0] === 0xfe && head[1] === 0xff
          ? 'utf-16be'
          : null;
    this.bom = utf16 !== null || (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf);
    this.decoder = createDecoder(utf16 ?? 'utf-8', (line) => {
      this.latinLines.count++;
      if (this.latinLines.lines.length < LINES_KEPT) this.latinLines.lines.push(line);
    });
    // A line's bytes are counted by looking for CR and LF bytes, which UTF-16 may hold in
    // other characters.
    this.capLines = utf16 === null;
    if (head.length) this.feedBytes(head);
  }

  private feedBytes(chunk: Uint8Array): void {
    if (!this.capLines) return this.decode(chunk);
    let piece = chunk;
    if (this.skippingLine) {
      const at = firstBreak(chunk);
      if (at === -1) return;
      this.skippingLine = false;
      this.lineBytes = 0;
      piece = chunk.subarray(at);
    }
    const last = lastBreak(piece);
    if (last !== -1) {
      this.lineBytes = piece.length - last - 1;
      return this.decode(piece);
    }
    if (this.lineBytes + piece.length > MAX_LINE_BYTES) {
      this.decode(piece.subarray(0, Math.max(0, MAX_LINE_BYTES - this.lineBytes)));
      this.lineBytes = MAX_LINE_BYTES;
      this.skippingLine = true;
      return;
    }
    this.lineBytes += piece.length;
    this.decode(piece);
  }

  private decode(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.detector.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const text = this.decoder!.write(bytes);
    if (text) this.feedText(text, false);
  }

  /**
   * Cuts decoded text into lines. A line without a quote is split here, into only the cells
   * the reader asked for (`wanted`), which saves making the other strings of every row; a line
   * with a quote goes to CsvParser, alone (neither file has line breaks inside cells, so a
   * quote left open is broken on its own line).
   */
  private feedText(text: string, final: boolean): void {
    let buffer = text;
    if (this.pending.length) {
      if (!final && text.indexOf('\n') === -1) {
        this.pending.push(text);
        return;
      }
      this.pending.push(text);
      buffer = this.pending.join('');
      this.pending = [];
    }
    let at = 0;
    // The next quote in the buffer (-1: none), looked up again only once passed.
    let quote = -2;
    for (;;) {
      const newline = buffer.indexOf('\n', at);
      if (newline === -1) break;
      if (quote !== -1 && quote < at) quote = buffer.indexOf('"', at);
      this.line(buffer, at, newline, quote !== -1 && quote < newline);
      at = newline + 1;
    }
    if (at < buffer.length) {
      if (final) this.line(buffer, at, buffer.length, buffer.indexOf('"', at) !== -1);
      else this.pending.push(buffer.slice(at));
    }
  }

  private line(buffer: string, start: number, stop: number, quoted: boolean): void {
    const line = ++this.lineNumber;
    const end = stop > start && buffer.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    if (end === start) return;
    if (!this.headerSeen) return this.headerLine(line, buffer.slice(start, end), quoted);
    if (end - start > MAX_RECORD_CHARS) return this.handlers.unreadable(line, 'line_too_long');
    if (quoted) return this.quotedLine(line, buffer.slice(start, end));
    this.handlers.row(
      line,
      this.wanted ? this.split(buffer, start, end) : buffer.slice(start, end).split(this.delimiter),
    );
  }

  private headerLine(line: number, text: string, quoted: boolean): void {
    if (text.trim() === '') return;
    if (text.length > MAX_RECORD_CHARS) throw this.refusals.unreadableHeader();
    this.delimiter = detectDelimiter(text);
    const fields = quoted ? this.readQuoted(line, text) : text.split(this.delimiter);
    if (!fields) throw this.refusals.unreadableHeader();
    if (isBlankRow(fields)) return;
    this.headerSeen = true;
    this.wanted = this.handlers.header(fields) ?? null;
    if (this.wanted) this.lastWanted = this.wanted.lastIndexOf(true);
  }

  private quotedLine(line: number, text: string): void {
    const fields = this.readQuoted(line, text);
    if (fields) this.handlers.row(line, fields);
  }

  /** One line through CsvParser: its cells, or null when it is broken (reported). */
  private readQuoted(line: number, text: string): string[] | null {
    let fields: string[] | null = null;
    const csv = new CsvParser(this.delimiter, {
      record: (_, cells) => {
        fields = cells;
      },
      problem: (_, code) => {
        if (!this.headerSeen) throw this.refusals.unreadableHeader();
        this.handlers.unreadable(line, code === 'cell_too_long' ? 'line_too_long' : 'broken_quote');
      },
    });
    csv.acceptMultiline = () => false;
    csv.push(text);
    csv.end();
    return fields;
  }

  /** The cells of a line up to the last one wanted; those not wanted are left empty. */
  private split(buffer: string, start: number, end: number): string[] {
    const wanted = this.wanted!;
    const delimiter = this.delimiter;
    const cells: string[] = [];
    for (let from = start, k = 0; k <= this.lastWanted; k++) {
      let stop = buffer.indexOf(delimiter, from);
      const last = stop === -1 || stop >= end;
      if (last) stop = end;
      cells.push(wanted[k] ? buffer.slice(from, stop) : '');
      if (last) break;
      from = stop + 1;
    }
    return cells;
  }
}
