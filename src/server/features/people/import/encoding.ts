import { isAscii, isUtf8 } from 'node:buffer';

/** The text encodings an uploaded CSV may use; Excel's French "CSV (;)" is windows-1252. */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a byte stream into whole lines (so that each line can be decoded on its own) and finds
 * the line terminator: LF (or CRLF), or CR alone, as old Mac spreadsheets save.
 */
class LineSplitter {
  /**
   * The bytes after the last line break, as received: joined only when a chunk may end a
   * line, so a file with a very long line (or none) costs its length, not its length squared.
   */
  private pending: Buffer[] = [];
  terminator: number | null = null;

  /** The whole lines completed by this chunk (with their terminators), or null. */
  push(chunk: Uint8Array): Buffer | null {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.mayEndLine(bytes)) {
      this.pending.push(Buffer.from(bytes));
      return null;
    }
    const all = this.pending.length ? Buffer.concat([...this.pending, bytes]) : bytes;
    this.pending = [];
    if (this.terminator === null) {
      const lf = all.indexOf(LF);
      const cr = all.indexOf(CR);
      if (lf !== -1 && (cr === -1 || cr > lf)) this.terminator = LF;
      else if (cr !== -1 && cr + 1 < all.length) this.terminator = all[cr + 1] === LF ? LF : CR;
    }
    const last = this.terminator === null ? -1 : all.lastIndexOf(this.terminator);
    if (last === -1) {
      this.pending = [Buffer.from(all)];
      return null;
    }
    if (last + 1 < all.length) this.pending = [Buffer.from(all.subarray(last + 1))];
    return all.subarray(0, last + 1);
  }

  /** Whether a line may end in `bytes`: it holds the terminator (or, until known, a break). */
  private mayEndLine(bytes: Buffer): boolean {
    if (this.terminator !== null) return bytes.includes(this.terminator);
    const tail = this.pending.at(-1);
    // A CR ending what is pending waits for the next byte: CR alone, or CR LF.
    return bytes.includes(LF) || bytes.includes(CR) || tail?.[tail.length - 1] === CR;
  }

  /** What is left after the last line break. */
  rest(): Buffer {
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    return rest;
  }

  /** Calls `each` with every line of `bytes` (terminators included). */
  lines(bytes: Buffer, each: (line: Buffer) => void): void {
    const terminator = this.terminator ?? LF;
    for (let at = 0; at < bytes.length;) {
      const end = bytes.indexOf(terminator, at);
      const stop = end === -1 ? bytes.length : end + 1;
      each(bytes.subarray(at, stop));
      at = stop;
    }
  }
}

/**
 * Finds the encoding of a file fed chunk by chunk: a BOM decides; otherwise UTF-8 when some line
 * holds valid UTF-8 beyond ASCII or no line is invalid UTF-8 (lines that are not are then read
 * as Windows-1252, each with a warning), else Windows-1252 (a superset of ISO-8859-1 for text),
 * which is what Excel saves a French "CSV (;)" in.
 */
export class EncodingDetector {
  private head: Buffer | null = null;
  private readonly splitter = new LineSplitter();
  private utf8Beyond = false;
  private invalid = false;

  push(chunk: Buffer): void {
    if (this.head === null) this.head = Buffer.from(chunk.subarray(0, 4));
    const lines = this.splitter.push(chunk);
    if (lines) this.check(lines);
  }

  private check(bytes: Buffer): void {
    if (this.utf8Beyond && this.invalid) return;
    if (isUtf8(bytes)) {
      if (!isAscii(bytes)) this.utf8Beyond = true;
      return;
    }
    this.splitter.lines(bytes, (line) => {
      if (!isUtf8(line)) this.invalid = true;
      else if (!isAscii(line)) this.utf8Beyond = true;
    });
  }

  result(): CsvEncoding {
    const head = this.head ?? Buffer.alloc(0);
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    this.check(this.splitter.rest());
    return this.invalid && !this.utf8Beyond ? 'windows-1252' : 'utf-8';
  }
}

/**
 * Why the first bytes of an upload cannot be a CSV file, or null. Catches the usual mistakes
 * (an Excel workbook, a PDF, an image) and binary data in general.
 */
export function binaryReason(head: Buffer): string | null {
  if (head.length === 0) return null;
  const starts = (signature: number[]) => signature.every((byte, i) => head[i] === byte);
  if (starts([0x50, 0x4b, 0x03, 0x04])) {
    return 'This is a zip archive or an Excel workbook (.xlsx), not a CSV file: in Excel, use "Save as" › "CSV UTF-8".';
  }
  if (starts([0xd0, 0xcf, 0x11, 0xe0])) {
    return 'This is an old Excel workbook (.xls), not a CSV file: in Excel, use "Save as" › "CSV UTF-8".';
  }
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'This is a PDF document, not a CSV file.';
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) return null;
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return 'The file holds binary data, not text.';
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) {
      controls++;
    }
  }
  return controls > head.length * 0.01 ? 'The file holds binary data, not text.' : null;
}

/**
 * A line of a UTF-8 file that is not valid UTF-8 and was read as Windows-1252: `line` is its
 * physical line number.
 */
export type DecodeFallback = (line: number) => void;

export interface Decoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

const withoutNul = (text: string) => (text.includes('\0') ? text.replaceAll('\0', '') : text);

/**
 * A streaming decoder for the encoding. Drops a BOM and NUL characters (PostgreSQL refuses
 * them), and turns CR-only line breaks into LF. UTF-8 and Windows-1252 files are decoded line
 * by line: a line valid in UTF-8 is read as UTF-8, any other as Windows-1252 — in a UTF-8 file
 * such a line is reported through `fallback` (a file pasted together from two sources), so
 * that one Latin-1 line neither turns the whole file into mojibake nor passes unnoticed.
 */
export function createDecoder(encoding: CsvEncoding, fallback?: DecodeFallback): Decoder {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return utf16Decoder(encoding);
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  const latin = new TextDecoder('windows-1252');
  const splitter = new LineSplitter();
  let line = 1;
  const countLines = (bytes: Buffer) => {
    const terminator = splitter.terminator ?? LF;
    for (let at = bytes.indexOf(terminator); at !== -1; at = bytes.indexOf(terminator, at + 1))
      line++;
  };
  let first = true;
  const decode = (raw: Buffer): string => {
    // The BOM is dropped here, so that a first line read as Windows-1252 does not show it.
    const bom = first && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    if (raw.length > 0) first = false;
    const bytes = bom ? raw.subarray(3) : raw;
    let text: string;
    if (isUtf8(bytes)) {
      text = utf8.decode(bytes, { stream: true });
      countLines(bytes);
    } else {
      text = '';
      splitter.lines(bytes, (one) => {
        if (isUtf8(one)) text += utf8.decode(one, { stream: true });
        else {
          if (encoding === 'utf-8') fallback?.(line);
          // stream: Node 20's one-shot windows-1252 decode reads 0x80–0x9f as Latin-1 (€ → U+0080).
          text += latin.decode(one, { stream: true });
        }
        if (one[one.length - 1] === (splitter.terminator ?? LF)) line++;
      });
    }
    if (splitter.terminator === CR) text = text.replaceAll('\r', '\n');
    return withoutNul(text);
  };
  return {
    write: (chunk) => {
      const lines = splitter.push(chunk);
      return lines ? decode(lines) : '';
    },
    end: () => decode(splitter.rest()) + withoutNul(utf8.decode()),
  };
}

function utf16Decoder(encoding: 'utf-16le' | 'utf-16be'): Decoder {
  const decoder = new TextDecoder(encoding);
  let crOnly: boolean | null = null;
  const clean = (raw: string) => {
    if (crOnly === null) {
      const lf = raw.indexOf('\n');
      const cr = raw.indexOf('\r');
      if (cr !== -1 && (lf === -1 || cr < lf) && cr + 1 < raw.length) crOnly = raw[cr + 1] !== '\n';
      else if (lf !== -1) crOnly = false;
    }
    return withoutNul(crOnly ? raw.replaceAll('\r', '\n') : raw);
  };
  return {
    write: (chunk) => clean(decoder.decode(chunk, { stream: true })),
    end: () => clean(decoder.decode()),
  };
}
