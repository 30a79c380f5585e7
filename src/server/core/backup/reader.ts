import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const NEWLINE = 0x0a;
const BRACE = 0x7b; // '{': the first byte of every line that is not a row of format 2

/** Refused before anything changed: the message says what to do. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** A run of whole row lines: as read (for the hash) and as the restore writes them. */
export interface RowRun {
  read: Buffer;
  rows: number;
  written: Buffer;
}

/**
 * Reads a backup (format.ts) from its gzip: its JSON lines one by one, and the rows of a
 * format-2 table in runs of whole lines, without making a string or an object per row.
 */
export class BackupReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private pending: Buffer = Buffer.alloc(0);
  private ended = false;
  /** Lines read so far (whole runs of rows included). */
  line = 0;

  constructor(input: Readable) {
    const gunzip = createGunzip({ chunkSize: 1 << 16 });
    input.on('error', (error) => gunzip.destroy(error));
    input.pipe(gunzip);
    this.chunks = (gunzip as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** Appends the next chunk of the file to what is pending; false at its end. */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const { value, done } = await this.chunks.next();
    if (done) {
      this.ended = true;
      return false;
    }
    this.pending = this.pending.length === 0 ? value : Buffer.concat([this.pending, value]);
    return true;
  }

  /** The next line without its newline (the last one even without), or undefined at the end. */
  async next(): Promise<string | undefined> {
    let at = this.pending.indexOf(NEWLINE);
    while (at === -1) {
      const searched = this.pending.length;
      if (!(await this.more())) {
        if (this.pending.length === 0) return undefined;
        at = this.pending.length;
        break;
      }
      at = this.pending.indexOf(NEWLINE, searched);
    }
    const line = this.pending.toString('utf8', 0, at);
    this.pending = this.pending.subarray(at + 1);
    this.line++;
    return line;
  }

  /**
   * The row lines of a format-2 table, up to the next line that starts with '{' (its end),
   * in runs of whole lines. Each row's first field is the campaign id, and must be `from`'s:
   * in the runs written, it is `to` instead.
   */
  async *rows(from: number, to: number): AsyncGenerator<RowRun> {
    const expected = Buffer.from(`${from}\t`);
    const replacement = Buffer.from(`${to}\t`);
    for (;;) {
      if (this.pending.length === 0 && !(await this.more())) return;
      const { pending } = this;
      let end = 0;
      let rows = 0;
      while (end < pending.length && pending[end] !== BRACE) {
        const newline = pending.indexOf(NEWLINE, end);
        if (newline === -1) break;
        if (!startsWith(pending, end, newline, expected)) {
          throw new RestoreRefusedError(
            `The backup is damaged at line ${this.line + rows + 1}: a row of another campaign, or not a row.`,
          );
        }
        end = newline + 1;
        rows++;
      }
      if (rows > 0) {
        const read = pending.subarray(0, end);
        this.pending = pending.subarray(end);
        this.line += rows;
        const written = from === to ? read : rebase(read, rows, expected, replacement);
        yield { read, rows, written };
        continue;
      }
      if (end < pending.length && pending[end] === BRACE) return;
      // A line longer than what is pending: read on (at the file's end, a cut-short row).
      if (!(await this.more())) {
        throw new RestoreRefusedError(`The backup is cut short at line ${this.line + 1}.`);
      }
    }
  }
}

function startsWith(buffer: Buffer, from: number, end: number, prefix: Buffer): boolean {
  if (end - from < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buffer[from + i] !== prefix[i]) return false;
  return true;
}

/** `lines` (each beginning with `from`) with `to` as each line's beginning instead. */
function rebase(lines: Buffer, rows: number, from: Buffer, to: Buffer): Buffer {
  const out = Buffer.allocUnsafe(lines.length + rows * (to.length - from.length));
  let length = 0;
  for (let at = 0; at < lines.length;) {
    const newline = lines.indexOf(NEWLINE, at);
    length += to.copy(out, length);
    length += lines.copy(out, length, at + from.length, newline + 1);
    at = newline + 1;
  }
  return out;
}
