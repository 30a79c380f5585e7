/**
 * A streaming CSV reader (RFC 4180 plus what spreadsheets produce) that knows the physical line
 * of every record and recovers from a broken line: an unterminated or malformed quote is
 * reported on the line where the record starts and reading resumes on the next line, so one
 * bad line does not swallow the rest of the file. (csv-parse stops at the first such error.)
 */

export type CsvProblemCode = 'unterminated_quote' | 'malformed_quote' | 'cell_too_long';

export interface CsvHandlers {
  record(line: number, fields: string[]): void;
  problem(line: number, code: CsvProblemCode): void;
}

/**
 * A record longer than this is not kept: spanning lines, it is taken for an unterminated quote;
 * on one line, it is a cell too long, skipped to its end (a quote-aware skip, so the rest of the
 * cell cannot come back as a row of its own).
 */
export const MAX_RECORD_CHARS = 1 << 20;

export const delimiters = [',', ';', '\t'] as const;
export type Delimiter = (typeof delimiters)[number];

/** The delimiter used in a header line: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of delimiters) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

type Scan =
  | { kind: 'record'; fields: string[]; end: number; newlines: number }
  | { kind: 'incomplete' }
  | { kind: 'malformed' };

export class CsvParser {
  private buffer = '';
  private pos = 0;
  private line = 1;
  /** Skipping a record over MAX_RECORD_CHARS: the line it started on. */
  private skipping: { line: number } | null = null;
  /** Set once the header is known: a multi-line record of another width is a broken quote. */
  expectedFields = 0;
  /**
   * Whether a record spanning several lines is plausible (a note or an address may hold line
   * breaks; a name or an email never does). If not, its quote is taken as broken.
   */
  acceptMultiline: (fields: string[]) => boolean = () => true;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly handlers: CsvHandlers,
  ) {}

  push(text: string): void {
    this.buffer = this.pos < this.buffer.length ? this.buffer.slice(this.pos) + text : text;
    this.pos = 0;
    this.run(false);
  }

  end(): void {
    this.run(true);
    if (this.skipping) this.endSkip();
    this.buffer = '';
    this.pos = 0;
  }

  private run(final: boolean): void {
    const { buffer, delimiter } = this;
    // The next quote in the buffer (-1: none), looked up again only once passed: searching it
    // afresh on every line would rescan the rest of the chunk each time.
    let quote = -2;
    while (this.pos < buffer.length) {
      if (this.skipping) {
        if (!this.skip()) return;
        continue;
      }
      const start = this.pos;
      const newline = buffer.indexOf('\n', start);
      if (quote !== -1 && quote < start) quote = buffer.indexOf('"', start);
      if (quote === -1 || (newline !== -1 && quote > newline)) {
        // The common case: a line without quotes is split as it is.
        if (newline === -1 && !final) return;
        const stop = newline === -1 ? buffer.length : newline;
        const text =
          buffer.charCodeAt(stop - 1) === 13
            ? buffer.slice(start, stop - 1)
            : buffer.slice(start, stop);
        if (text.length > MAX_RECORD_CHARS) this.handlers.problem(this.line, 'cell_too_long');
        else if (text.length > 0) this.handlers.record(this.line, text.split(delimiter));
        this.line++;
        this.pos = stop + 1;
        continue;
      }
      const scan = this.scanQuoted(start, final);
      if (scan.kind === 'incomplete' && !final && buffer.length - start <= MAX_RECORD_CHARS) return;
      if (scan.kind === 'incomplete' && !final && newline === -1) {
        this.skipping = { line: this.line };
        this.pos = buffer.length;
        return;
      }
      const broken =
        scan.kind !== 'record' ||
        (scan.newlines > 0 &&
          ((this.expectedFields > 0 && scan.fields.length !== this.expectedFields) ||
            !this.acceptMultiline(scan.fields)));
      if (broken) {
        this.handlers.problem(
          this.line,
          scan.kind === 'malformed' ? 'malformed_quote' : 'unterminated_quote',
        );
        // Resume on the next physical line: what the bad quote seemed to swallow is read again.
        this.line++;
        this.pos = newline === -1 ? buffer.length : newline + 1;
        continue;
      }
      if (scan.end - start > MAX_RECORD_CHARS) this.handlers.problem(this.line, 'cell_too_long');
      else this.handlers.record(this.line, scan.fields);
      this.line += scan.newlines + 1;
      this.pos = scan.end;
    }
  }

  /**
   * Moves through a line too long to keep, without keeping it, up to its line break (a cell
   * that long spanning lines would be a broken quote: the next line is read again). False when
   * the buffer ran out first.
   */
  private skip(): boolean {
    const newline = this.buffer.indexOf('\n', this.pos);
    if (newline === -1) {
      this.pos = this.buffer.length;
      return false;
    }
    this.pos = newline + 1;
    this.endSkip();
    return true;
  }

  private endSkip(): void {
    this.handlers.problem(this.skipping!.line, 'cell_too_long');
    this.skipping = null;
    this.line++;
  }

  /** Reads one record that holds a quote, from `start`; `end` is past its line break. */
  private scanQuoted(start: number, final: boolean): Scan {
    const { buffer, delimiter } = this;
    const fields: string[] = [];
    let i = start;
    let newlines = 0;
    for (;;) {
      if (buffer[i] === '"') {
        let value = '';
        let segment = i + 1;
        let j: number;
        for (;;) {
          j = buffer.indexOf('"', segment);
          if (j === -1) return { kind: 'incomplete' };
          if (buffer[j + 1] === '"') {
            value += buffer.slice(segment, j + 1);
            segment = j + 2;
            continue;
          }
          if (j + 1 >= buffer.length && !final) return { kind: 'incomplete' };
          value += buffer.slice(segment, j);
          break;
        }
        for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) newlines++;
        fields.push(value);
        i = j + 1;
        const next = buffer[i];
        if (next === delimiter) {
          i++;
          continue;
        }
        if (i >= buffer.length) return { kind: 'record', fields, end: i, newlines };
        if (next === '\n') return { kind: 'record', fields, end: i + 1, newlines };
        if (next === '\r') {
          if (i + 1 >= buffer.length)
            return final
              ? { kind: 'record', fields, end: i + 1, newlines }
              : { kind: 'incomplete' };
          if (buffer[i + 1] === '\n') return { kind: 'record', fields, end: i + 2, newlines };
        }
        return { kind: 'malformed' };
      }
      // Unquoted field: a quote inside it is kept as a character, as spreadsheets do.
      const d = buffer.indexOf(delimiter, i);
      const n = buffer.indexOf('\n', i);
      if (d !== -1 && (n === -1 || d < n)) {
        fields.push(buffer.slice(i, d));
        i = d + 1;
        continue;
      }
      if (n === -1 && !final) return { kind: 'incomplete' };
      const stop = n === -1 ? buffer.length : n;
      fields.push(
        buffer.charCodeAt(stop - 1) === 13 ? buffer.slice(i, stop - 1) : buffer.slice(i, stop),
      );
      return { kind: 'record', fields, end: stop + 1, newlines };
    }
  }
}
