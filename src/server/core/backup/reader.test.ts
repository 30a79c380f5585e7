import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BackupReader, RestoreRefusedError } from './reader.ts';

const rows = ['7\t1\tAda\t\\N\n', '7\t2\ttab\\there, newline\\nthere\n', '7\t3\t{not json}\\\\\n'];
const file = `{"table":"t"}\n${rows.join('')}{"tableEnd":"t"}\n{"end":true}\n`;

/** The file's gzip cut into pieces of `size` bytes, as a stream delivers them. */
function reader(text: string, size: number) {
  const zipped = gzipSync(text);
  const pieces: Buffer[] = [];
  for (let at = 0; at < zipped.length; at += size) pieces.push(zipped.subarray(at, at + size));
  return new BackupReader(Readable.from(pieces));
}

async function readAll(source: BackupReader, from: number, to: number) {
  const head = await source.next();
  const read: Buffer[] = [];
  const written: Buffer[] = [];
  let count = 0;
  for await (const run of source.rows(from, to)) {
    read.push(run.read);
    written.push(run.written);
    count += run.rows;
  }
  return {
    head,
    read: Buffer.concat(read).toString(),
    written: Buffer.concat(written).toString(),
    count,
    after: [await source.next(), await source.next(), await source.next()],
  };
}

describe('backup reader', () => {
  it.each([1, 7, 64, 1 << 16])(
    'reads lines and runs of rows in pieces of %i bytes',
    async (size) => {
      const result = await readAll(reader(file, size), 7, 7);
      expect(result).toEqual({
        head: '{"table":"t"}',
        read: rows.join(''),
        written: rows.join(''),
        count: 3,
        after: ['{"tableEnd":"t"}', '{"end":true}', undefined],
      });
    },
  );

  it('writes each row under the campaign it is restored as', async () => {
    const result = await readAll(reader(file, 5), 7, 1234);
    expect(result.read).toBe(rows.join(''));
    expect(result.written).toBe(rows.map((row) => row.replace(/^7\t/, '1234\t')).join(''));
  });

  it('refuses a row of another campaign, and a row cut short', async () => {
    const other = file.replace('7\t2\t', '8\t2\t');
    await expect(readAll(reader(other, 64), 7, 7)).rejects.toThrow(
      new RestoreRefusedError(
        'The backup is damaged at line 3: a row of another campaign, or not a row.',
      ),
    );
    // A campaign id that only begins like the expected one is another one.
    await expect(readAll(reader(file.replace('7\t3\t', '77\t3\t'), 64), 7, 7)).rejects.toThrow(
      /damaged at line 4/,
    );
    const cut = file.slice(0, file.indexOf('{not json}'));
    await expect(readAll(reader(cut, 64), 7, 7)).rejects.toThrow(/cut short at line 4/);
  });
});
