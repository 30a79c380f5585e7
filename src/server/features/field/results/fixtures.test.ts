import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from './fixtures/generate.ts';
import { fixture } from './testing.ts';

describe('results fixtures', () => {
  it.each(Object.keys(fixtureFiles))('%s is what fixtures/generate.ts writes', (name) => {
    expect(fixture(name).equals(fixtureFiles[name]())).toBe(true);
  });

  it('writes the 2017–2022 files in ISO-8859-1 with CRLF line breaks', () => {
    for (const name of [
      'presidentielle-2022-t1-burvot.txt',
      'legislatives-2022-t1-burvot.txt',
      'municipales-2020-t1-burvot.txt',
    ]) {
      const bytes = fixture(name);
      expect(isUtf8(bytes)).toBe(false);
      // « é » of « Libellé » as the single Latin-1 byte 0xE9.
      expect(bytes.subarray(0, 40).includes(0xe9)).toBe(true);
      const text = bytes.toString('latin1');
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.split('\r\n').length).toBe(text.split('\n').length);
      expect(bytes.length).toBeLessThan(8 * 1024);
    }
  });

  it('writes the 2024 legislative file in UTF-8 with a BOM, and the European one in Windows-1252', () => {
    const legislative = fixture('legislatives-2024-t1-bv.csv');
    expect([...legislative.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(isUtf8(legislative)).toBe(true);
    const european = fixture('europeennes-2024-bv.csv');
    expect(isUtf8(european)).toBe(false);
    expect(european.includes(0x92)).toBe(true); // ’ in Windows-1252
  });
});
