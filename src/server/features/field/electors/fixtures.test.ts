import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from './fixtures/generate.ts';
import { fixture } from './testing.ts';

describe('electoral list fixtures', () => {
  it.each(Object.keys(fixtureFiles))('%s is what fixtures/generate.ts writes', (name) => {
    expect(fixture(name).equals(fixtureFiles[name]())).toBe(true);
  });

  it('writes the arrêté’s layout in UTF-8, the extract with a BOM, the spreadsheet copy in Windows-1252', () => {
    const list = fixture('liste-electorale.csv');
    expect(isUtf8(list)).toBe(true);
    expect(list.includes('\r')).toBe(false);
    expect(list.toString('utf8').startsWith('TypeListe;InfoListe;DateCreationListe;')).toBe(true);
    const extract = fixture('liste-electorale-extraction-reu.csv');
    expect([...extract.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(extract.toString('utf8')).toContain('Code du bureau de vote');
    const windows = fixture('liste-electorale-windows-1252.csv');
    expect(isUtf8(windows)).toBe(false);
    expect(windows.includes(0xc9)).toBe(true); // É
    const text = windows.toString('latin1');
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
    for (const name of Object.keys(fixtureFiles)) {
      expect(fixture(name).length).toBeLessThan(8 * 1024);
    }
  });
});
