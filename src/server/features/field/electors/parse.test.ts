import { describe, expect, it } from 'vitest';
import { collectBanAddresses, namedStreetKey } from '../addresses/parse.ts';
import { fixture as banFixture } from '../addresses/testing.ts';
import { pollingStationId } from '../results/insee.ts';
import { listRows } from './fixtures/generate.ts';
import { ElectorParser } from './parse.ts';
import { chunked, events, fixture, read } from './testing.ts';
import type { Elector } from './types.ts';

/** What two readings of the same list must agree on (the line aside). */
const essentials = (list: Elector[]) => list.map(({ line: _line, ...rest }) => rest);

describe('liste-electorale.csv (the arrêté of 12 November 2013, UTF-8)', () => {
  it('reads every elector, in line order', async () => {
    const { electors, report } = await read(fixture('liste-electorale.csv'));
    expect(electors).toHaveLength(listRows.length);
    expect(electors[0]).toEqual({
      line: 2,
      communeCode: '01001',
      communeName: "L'Abergement-Clémenciat",
      stationCode: '0001',
      stationId: '01001_0001',
      listNumber: '101',
      sex: 'F',
      birthName: 'MARTIN',
      usageName: 'DURAND',
      givenNames: 'Marie Hélène',
      birthDate: '1961-03-12',
      number: 3,
      suffix: 'bis',
      street: 'RTE DE CLEMENCIAT',
      complement: null,
      postalCode: '01400',
      city: "L'ABERGEMENT-CLEMENCIAT",
      streetKey: '01001|route de clemenciat',
    });
    expect(electors.map((e) => e.line)).toEqual(listRows.map((_, i) => i + 2));
    expect(report).toEqual({
      encoding: 'utf-8',
      delimiter: ';',
      columns: expect.objectContaining({ missingOptional: [] }),
      rows: listRows.length,
      electors: listRows.length,
      skipped: 0,
      communes: 6,
      stations: 7,
      problems: [],
      warnings: [],
    });
    // Read, but not kept: the place of birth and nationality are of no use to a campaign.
    expect(report.columns.ignored).toEqual([
      'TypeListe',
      'InfoListe',
      'DateCreationListe',
      'NomComNaissance',
      'DeptNaissance',
      'PaysNaissance',
      'Nationalite',
      'NomBureauDeVote',
      'CodeCanton',
      'CodeCirconscription',
      'Pays',
    ]);
  });

  it('builds INSEE codes from the département and a three-digit commune code, overseas too', async () => {
    const { electors } = await read(fixture('liste-electorale.csv'));
    expect(electors.map((e) => [e.communeCode, e.stationId])).toEqual([
      ['01001', '01001_0001'],
      ['01001', '01001_0001'],
      ['01001', '01001_0001'],
      ['01001', '01001_0001'],
      ['01001', '01001_0001'],
      ['01004', '01004_0002'],
      ['01004', '01004_0003'],
      ['01053', '01053_0014'],
      ['2A004', '2A004_0012'],
      ['2B033', '2B033_0007'],
      ['97120', '97120_0003'],
    ]);
    for (const elector of electors) {
      expect(elector.stationId).toBe(pollingStationId(elector.communeCode, elector.stationCode));
    }
  });

  it('reads names, numbers with their index, lieux-dits and complements', async () => {
    const { electors } = await read(fixture('liste-electorale.csv'));
    const byNumber = (listNumber: string) => electors.find((e) => e.listNumber === listNumber);
    expect(byNumber('102')).toMatchObject({
      birthName: 'LÉGER',
      usageName: null,
      givenNames: 'Jean-François',
    });
    // A usage name that is the birth name says nothing more.
    expect(byNumber('105')).toMatchObject({ birthName: 'FAVIER', usageName: null });
    expect(byNumber('104')).toMatchObject({
      number: null,
      suffix: null,
      street: 'LES GRANGES',
      streetKey: '01001|les granges',
    });
    expect(byNumber('3012')).toMatchObject({
      number: 15,
      complement: 'RESIDENCE LES CHARMES, BAT B',
      streetKey: '01004|impasse des tilleuls',
    });
    expect(byNumber('7004')).toMatchObject({ number: 7, suffix: 'ter' });
    expect(byNumber('3310')).toMatchObject({ number: 2, suffix: 'b', birthName: 'SAINT-ÉLOI' });
    expect(byNumber('103')?.birthDate).toBe('2000-02-29');
  });

  it('gives street keys that meet the BAN’s for the same street, abbreviations spelt out', async () => {
    const { electors } = await read(fixture('liste-electorale.csv'));
    const { addresses } = await collectBanAddresses(chunked(banFixture('adresses-france.csv')));
    const banStreets = new Set(addresses.map((a) => namedStreetKey(a.communeCode, a.streetName)));
    for (const elector of electors) expect(banStreets).toContain(elector.streetKey);
    // And the doors: number and index, as the import ties them.
    const doors = new Set(addresses.map((a) => `${a.streetName}|${a.number}|${a.suffix}`));
    expect(doors).toContain('Route de Clémenciat|3|bis');
    expect(doors).toContain('Boulevard Paoli|7|ter');
  });
});

describe('the other layouts read the same', () => {
  it('an extract of the REU with spelled-out column names, a BOM and CRLF', async () => {
    const list = await read(fixture('liste-electorale.csv'));
    const { electors, report } = await read(fixture('liste-electorale-extraction-reu.csv'));
    expect(essentials(electors)).toEqual(essentials(list.electors));
    expect(report).toMatchObject({ encoding: 'utf-8', problems: [], warnings: [] });
    expect(report.columns.ignored).toEqual(['Libellé du bureau de vote', 'Pays']);
    // No TypeVoie: the type stays in « Libellé de voie ».
    expect(report.columns.missingOptional).toEqual(['TypeVoie']);
  });

  it('a copy saved by a spreadsheet: Windows-1252, CRLF, leading zeros lost', async () => {
    const list = await read(fixture('liste-electorale.csv'));
    const { electors, report } = await read(fixture('liste-electorale-windows-1252.csv'));
    expect(essentials(electors)).toEqual(essentials(list.electors));
    expect(electors[1].birthName).toBe('LÉGER');
    expect(electors[0]).toMatchObject({ communeCode: '01001', postalCode: '01400' });
    expect(report.encoding).toBe('windows-1252');
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      'Le fichier n’est pas en UTF-8 comme le prévoit l’arrêté du 12 novembre 2013 : il a été lu en Windows-1252 (ISO-8859-1). Vérifiez les accents de quelques noms.',
    ]);
  });

  it('reads the same whatever the chunks', async () => {
    const bytes = fixture('liste-electorale-extraction-reu.csv');
    const whole = await read(bytes);
    for (const size of [1, 7, 100]) expect(await read(bytes, size)).toEqual(whole);
  });
});

describe('events', () => {
  it('gives electors in batches, then the report', async () => {
    const seen = await events(fixture('liste-electorale.csv'), 50, 4);
    expect(seen.map((e) => (e.type === 'electors' ? e.electors.length : e.type))).toEqual([
      4,
      4,
      3,
      'report',
    ]);
  });

  it('ElectorParser gives the same events as the generator, chunk by chunk', async () => {
    const bytes = fixture('liste-electorale.csv');
    const parser = new ElectorParser(5);
    const pushed = [];
    for (let at = 0; at < bytes.length; at += 333) {
      pushed.push(...parser.push(bytes.subarray(at, at + 333)));
    }
    pushed.push(...parser.end());
    expect(pushed).toEqual(await events(bytes, undefined, 5));
  });
});
