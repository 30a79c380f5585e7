import { isUtf8 } from 'node:buffer';

/** The text encodings an uploaded CSV may use; Excel's French "CSV (;)" is windows-1252. */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * Finds the encoding of a file fed chunk by chunk: a BOM decides; otherwise UTF-8 when every
 * byte sequence is valid UTF-8, else windows-1252 (a superset of ISO-8859-1 for text).
 */
export class EncodingDetector {
  private head: Buffer | null = null;
  private carry: Buffer = Buffer.alloc(0);
  private validUtf8 = true;

  push(chunk: Buffer): void {
    if (this.head === null) this.head = Buffer.from(chunk.subarray(0, 4));
    if (!this.validUtf8) return;
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = bytes.length - unfinishedSequenceLength(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) this.validUtf8 = false;
    this.carry = Buffer.from(bytes.subarray(cut));
  }

  result(): CsvEncoding {
    const head = this.head ?? Buffer.alloc(0);
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    return this.validUtf8 && this.carry.length === 0 ? 'utf-8' : 'windows-1252';
  }
}

/** How many bytes at the end start a multi-byte UTF-8 sequence the next chunk completes. */
function unfinishedSequenceLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
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

/** A streaming decoder for the encoding; drops a BOM and NUL characters (PostgreSQL refuses them). */
export function createDecoder(encoding: CsvEncoding) {
  const decoder = new TextDecoder(encoding);
  const clean = (text: string) => (text.includes('\0') ? text.replaceAll('\0', '') : text);
  return {
    write: (chunk: Uint8Array) => clean(decoder.decode(chunk, { stream: true })),
    end: () => clean(decoder.decode()),
  };
}
