import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, gzipFixture, inflate } from './fixtures/generate.ts';
import { fixture } from './testing.ts';

describe('REU address fixtures', () => {
  it.each(Object.keys(fixtureFiles))('%s is what fixtures/generate.ts writes', (name) => {
    expect(fixture(name).equals(fixtureFiles[name]())).toBe(true);
  });

  it('holds table-adresses-reu.csv gzipped in table-adresses-reu.csv.gz', () => {
    const gz = fixture(gzipFixture.name);
    expect([...gz.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(inflate(gz).equals(fixtureFiles[gzipFixture.of]())).toBe(true);
  });

  it('writes INSEE’s layout in UTF-8 with LF, and the spreadsheet copy in Windows-1252 with CRLF', () => {
    const table = fixture('table-adresses-reu.csv');
    expect(isUtf8(table)).toBe(true);
    expect(table.includes('\r')).toBe(false);
    expect(table.includes('"15 Impasse des Tilleuls, Résidence')).toBe(true);
    const spreadsheet = fixture('table-adresses-reu-tableur.csv');
    expect(isUtf8(spreadsheet)).toBe(false);
    const text = spreadsheet.toString('latin1');
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
    expect(text.startsWith('code_commune_ref;')).toBe(true);
    for (const name of [...Object.keys(fixtureFiles), gzipFixture.name]) {
      expect(fixture(name).length).toBeLessThan(8 * 1024);
    }
  });
});
