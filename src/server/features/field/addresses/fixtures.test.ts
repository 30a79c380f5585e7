import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, gzipFixture, inflate } from './fixtures/generate.ts';
import { fixture } from './testing.ts';

describe('BAN address fixtures', () => {
  it.each(Object.keys(fixtureFiles))('%s is what fixtures/generate.ts writes', (name) => {
    expect(fixture(name).equals(fixtureFiles[name]())).toBe(true);
  });

  it('holds adresses-france.csv gzipped in adresses-france.csv.gz', () => {
    const gz = fixture(gzipFixture.name);
    expect([...gz.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(inflate(gz).equals(fixtureFiles[gzipFixture.of]())).toBe(true);
  });

  it('writes the BAN layout in UTF-8 with LF, and the spreadsheet copy in Windows-1252 with CRLF', () => {
    const france = fixture('adresses-france.csv');
    expect(isUtf8(france)).toBe(true);
    expect(france.includes('\r')).toBe(false);
    const windows = fixture('adresses-01-windows-1252.csv');
    expect(isUtf8(windows)).toBe(false);
    expect(windows.includes(0xe9)).toBe(true); // é
    const text = windows.toString('latin1');
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
    for (const name of [...Object.keys(fixtureFiles), gzipFixture.name]) {
      expect(fixture(name).length).toBeLessThan(8 * 1024);
    }
  });
});
