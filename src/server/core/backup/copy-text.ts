/**
 * `COPY … TO STDOUT` in text format writes one line a row and escapes, in each value, the
 * backslash, the tab (the column delimiter) and the control characters \b \f \n \r \v as a
 * backslash and a letter (and nothing else: octal and \x escapes are for COPY FROM only).
 * A backup's rows are one text column each (row_to_json's): undoing the escapes gives the
 * text as a query returns it, so the lines, their hash and the file are those of a query.
 */

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

const LETTERS: Record<number, number> = {
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
  0x76: 0x0b, // \v
};

/**
 * An unescaper for one COPY stream, called on its chunks in order: a backslash that ends a
 * chunk is kept until the next. Chunks without a backslash come back as they are.
 */
export function copyLines(): (chunk: Buffer) => Buffer {
  let pending = false;
  return (chunk) => {
    let at = chunk.indexOf(BACKSLASH);
    if (!pending && at === -1) return chunk;
    const out = Buffer.allocUnsafe(chunk.length);
    let length = 0;
    let from = 0;
    if (pending && chunk.length > 0) {
      out[length++] = LETTERS[chunk[0]] ?? chunk[0];
      pending = false;
      from = 1;
      at = chunk.indexOf(BACKSLASH, 1);
    }
    while (at !== -1) {
      length += chunk.copy(out, length, from, at);
      if (at + 1 === chunk.length) {
        pending = true;
        from = chunk.length;
        break;
      }
      out[length++] = LETTERS[chunk[at + 1]] ?? chunk[at + 1];
      from = at + 2;
      at = chunk.indexOf(BACKSLASH, from);
    }
    length += chunk.copy(out, length, from);
    return out.subarray(0, length);
  };
}

/** Rows a chunk of COPY text ends: its line ends (a newline in a value comes escaped). */
export function countLines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) count++;
  return count;
}
