import { describe, expect, it } from 'vitest';
import {
  european2024Rows,
  europeanLists,
  fixtureFiles,
  legislative2024Rows,
  legislativeRows,
  municipalRows,
  presidentialRows,
} from './fixtures/generate.ts';
import { readResults, ResultsParser, stationRates } from './parse.ts';
import { chunked, events, fixture } from './testing.ts';
import type { ResultsEvent, StationResult } from './types.ts';

const read = (data: Uint8Array, size?: number) => readResults(chunked(data, size));
const stationsOf = (list: ResultsEvent[]) =>
  list.flatMap((event) => (event.type === 'station' ? [event.station] : []));

describe('2022 presidential file (2017–2022 layout, ISO-8859-1, CRLF)', () => {
  it('reads every station with its twelve candidates', async () => {
    const { stations, problems, report } = await read(fixture('presidentielle-2022-t1-burvot.txt'));
    expect(problems).toEqual([]);
    expect(stations).toHaveLength(presidentialRows.length);
    expect(stations[0]).toEqual({
      line: 2,
      departmentCode: '01',
      departmentName: 'Ain',
      constituencyCode: '01',
      communeCode: '01001',
      communeName: "L'Abergement-Clémenciat",
      stationCode: '0001',
      stationId: '01001_0001',
      abroad: false,
      source: { departmentCode: '01', communeCode: '001', stationCode: '0001' },
      registered: 645,
      abstentions: 108,
      voters: 537,
      blank: 7,
      invalid: 1,
      expressed: 529,
      candidates: [
        {
          panel: 1,
          sex: 'F',
          lastName: 'ARTHAUD',
          firstName: 'Nathalie',
          nuance: null,
          list: null,
          votes: 3,
        },
        {
          panel: 2,
          sex: 'M',
          lastName: 'ROUSSEL',
          firstName: 'Fabien',
          nuance: null,
          list: null,
          votes: 6,
        },
        {
          panel: 3,
          sex: 'M',
          lastName: 'MACRON',
          firstName: 'Emmanuel',
          nuance: null,
          list: null,
          votes: 151,
        },
        {
          panel: 4,
          sex: 'M',
          lastName: 'LASSALLE',
          firstName: 'Jean',
          nuance: null,
          list: null,
          votes: 21,
        },
        {
          panel: 5,
          sex: 'F',
          lastName: 'LE PEN',
          firstName: 'Marine',
          nuance: null,
          list: null,
          votes: 149,
        },
        {
          panel: 6,
          sex: 'M',
          lastName: 'ZEMMOUR',
          firstName: 'Éric',
          nuance: null,
          list: null,
          votes: 44,
        },
        {
          panel: 7,
          sex: 'M',
          lastName: 'MÉLENCHON',
          firstName: 'Jean-Luc',
          nuance: null,
          list: null,
          votes: 69,
        },
        {
          panel: 8,
          sex: 'F',
          lastName: 'HIDALGO',
          firstName: 'Anne',
          nuance: null,
          list: null,
          votes: 8,
        },
        {
          panel: 9,
          sex: 'M',
          lastName: 'JADOT',
          firstName: 'Yannick',
          nuance: null,
          list: null,
          votes: 22,
        },
        {
          panel: 10,
          sex: 'F',
          lastName: 'PÉCRESSE',
          firstName: 'Valérie',
          nuance: null,
          list: null,
          votes: 32,
        },
        {
          panel: 11,
          sex: 'M',
          lastName: 'POUTOU',
          firstName: 'Philippe',
          nuance: null,
          list: null,
          votes: 4,
        },
        {
          panel: 12,
          sex: 'M',
          lastName: 'DUPONT-AIGNAN',
          firstName: 'Nicolas',
          nuance: null,
          list: null,
          votes: 20,
        },
      ],
    });
    // Every row as generated: counts, candidates' votes, line numbers.
    stations.forEach((station, i) => {
      const { place, counts, votes } = presidentialRows[i];
      expect(station.line).toBe(i + 2);
      expect(station.source).toEqual({
        departmentCode: place[0],
        communeCode: place[4],
        stationCode: place[6],
      });
      expect(station.communeName).toBe(place[5]);
      expect(station).toMatchObject({
        registered: counts.registered,
        abstentions: counts.abstentions,
        voters: counts.registered - counts.abstentions,
        blank: counts.blank,
        invalid: counts.invalid,
        expressed: counts.expressed,
      });
      expect(station.candidates.map((c) => c.votes)).toEqual(votes);
      expect(station.candidates.map((c) => c.panel)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
      ]);
    });
    expect(stations.map((s) => [s.departmentCode, s.communeCode, s.stationId, s.abroad])).toEqual([
      ['01', '01001', '01001_0001', false],
      ['01', '01004', '01004_0001', false],
      ['01', '01004', '01004_0002', false],
      ['2A', '2A004', '2A004_0001', false],
      ['971', '97101', '97101_0001', false],
      ['976', '97608', '97608_0001', false],
      ['977', '97701', '97701_0001', false],
      ['978', '97801', '97801_0001', false],
      ['ZZ', null, null, true],
    ]);
    expect(report).toMatchObject({
      encoding: 'windows-1252',
      bom: false,
      delimiter: ';',
      rows: 9,
      stations: 9,
      skipped: 0,
      abroad: 1,
      withoutCommuneCode: 0,
      problems: {},
    });
    expect(report.layout).toEqual({
      kind: '2017-2022',
      columns: 28,
      fixedColumns: [
        'Code du département',
        'Libellé du département',
        'Code de la circonscription',
        'Libellé de la circonscription',
        'Code de la commune',
        'Libellé de la commune',
        'Code du b.vote',
        'Inscrits',
        'Abstentions',
        '% Abs/Ins',
        'Votants',
        '% Vot/Ins',
        'Blancs',
        '% Blancs/Ins',
        '% Blancs/Vot',
        'Nuls',
        '% Nuls/Ins',
        '% Nuls/Vot',
        'Exprimés',
        '% Exp/Ins',
        '% Exp/Vot',
      ],
      blockColumns: ['N°Panneau', 'Sexe', 'Nom', 'Prénom', 'Voix', '% Voix/Ins', '% Voix/Exp'],
      headerBlocks: 1,
      nuance: false,
      constituency: true,
      lists: false,
    });
    expect(report.candidates).toHaveLength(12);
    expect(report.candidates[2]).toEqual({
      panel: 3,
      sex: 'M',
      lastName: 'MACRON',
      firstName: 'Emmanuel',
      nuance: null,
      list: null,
      stations: 9,
      votes: presidentialRows.reduce((sum, row) => sum + row.votes[2], 0),
    });
  });

  it('computes rates from the counts, not from the file’s percentages', async () => {
    const { stations } = await read(fixture('presidentielle-2022-t1-burvot.txt'));
    // The file misprints the first station's « % Vot/Ins » as 99,99.
    expect(fixture('presidentielle-2022-t1-burvot.txt').toString('latin1')).toContain(
      ';645;108;16,74;537;99,99;',
    );
    const rates = stationRates(stations[0]);
    expect(rates.turnout).toBeCloseTo(537 / 645, 12);
    expect(rates.abstention).toBeCloseTo(108 / 645, 12);
    expect(rates.blank).toBeCloseTo(7 / 537, 12);
    expect(rates.invalid).toBeCloseTo(1 / 537, 12);
    expect(rates.expressed).toBeCloseTo(529 / 537, 12);
    expect(rates.candidates[2]).toBeCloseTo(151 / 529, 12);
    expect(rates.candidatesOfRegistered[2]).toBeCloseTo(151 / 645, 12);
    expect(rates.candidates.reduce<number>((sum, rate) => sum + rate!, 0)).toBeCloseTo(1, 12);
  });

  it('gives null rates over a zero count', () => {
    const empty: StationResult = {
      line: 2,
      departmentCode: '01',
      departmentName: null,
      constituencyCode: null,
      communeCode: '01001',
      communeName: 'X',
      stationCode: '0001',
      stationId: '01001_0001',
      abroad: false,
      source: { departmentCode: '01', communeCode: '1', stationCode: '1' },
      registered: 0,
      abstentions: 0,
      voters: 0,
      blank: null,
      invalid: 0,
      expressed: 0,
      candidates: [
        { panel: 1, sex: null, lastName: 'A', firstName: null, nuance: null, list: null, votes: 0 },
      ],
    };
    expect(stationRates(empty)).toEqual({
      turnout: null,
      abstention: null,
      blank: null,
      invalid: null,
      expressed: null,
      candidates: [null],
      candidatesOfRegistered: [null],
    });
  });
});

describe('2022 legislative file (Nuance column, rows of different widths)', () => {
  it('reads each row with its own number of candidates and their nuances', async () => {
    const { stations, problems, report } = await read(fixture('legislatives-2022-t1-burvot.txt'));
    expect(problems).toEqual([]);
    expect(stations.map((s) => s.candidates.length)).toEqual([4, 4, 6, 3, 2, 5]);
    stations.forEach((station, i) => {
      const { place, counts, candidates } = legislativeRows[i];
      expect(station.constituencyCode).toBe(place[2]);
      expect(station.expressed).toBe(counts.expressed);
      expect(station.candidates).toEqual(
        candidates.map(([sex, lastName, firstName, nuance, votes], rank) => ({
          panel: rank + 1,
          sex,
          lastName,
          firstName,
          nuance,
          list: null,
          votes,
        })),
      );
    });
    expect(stations.map((s) => s.stationId)).toEqual([
      '01001_0001',
      '01004_0001',
      '01007_0001',
      '2B033_0001',
      '97416_0001',
      null,
    ]);
    expect(report.layout).toMatchObject({
      kind: '2017-2022',
      blockColumns: [
        'N°Panneau',
        'Sexe',
        'Nom',
        'Prénom',
        'Nuance',
        'Voix',
        '% Voix/Ins',
        '% Voix/Exp',
      ],
      nuance: true,
      constituency: true,
    });
    // Same candidate in two stations of a constituency: one entry; 4 + 6 + 3 + 2 + 5 in all.
    expect(report.candidates).toHaveLength(20);
    expect(report.candidates[0]).toEqual({
      panel: 1,
      sex: 'F',
      lastName: 'DUPONT',
      firstName: 'Marie',
      nuance: 'ENS',
      list: null,
      stations: 2,
      votes: 270,
    });
    expect(report.candidates.map((c) => c.nuance)).toContain('REG');
  });
});

describe('2020 municipal file (no constituency, Code B.Vote, N.Pan., lists)', () => {
  it('reads lists and single candidates, and lets plurinominal votes exceed the ballots', async () => {
    const { stations, problems, report } = await read(fixture('municipales-2020-t1-burvot.txt'));
    expect(problems).toEqual([]);
    expect(report.layout).toMatchObject({
      kind: '2017-2022',
      constituency: false,
      lists: true,
      nuance: true,
    });
    expect(stations.map((s) => [s.communeCode, s.stationId, s.constituencyCode])).toEqual([
      ['01004', '01004_0001', null],
      ['01001', '01001_0001', null],
      ['2A004', '2A004_0001', null],
    ]);
    stations.forEach((station, i) => {
      expect(station.candidates).toEqual(
        municipalRows[i].candidates.map(
          ([nuance, sex, lastName, firstName, list, , votes], rank) => ({
            panel: rank + 1,
            sex,
            lastName,
            firstName,
            nuance,
            list: list || null,
            votes,
          }),
        ),
      );
    });
    // Under 1,000 inhabitants each voter chose several names: 950 votes for 330 ballots.
    expect(stations[1].candidates.reduce((sum, c) => sum + c.votes, 0)).toBe(950);
    expect(stations[1].expressed).toBe(330);
  });
});

describe('2024 layout (numbered columns)', () => {
  it('reads the legislative file (UTF-8 with BOM, quoted cells, empty blocks)', async () => {
    const { stations, problems, report } = await read(fixture('legislatives-2024-t1-bv.csv'));
    expect(problems).toEqual([]);
    expect(report).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ';', stations: 5 });
    expect(report.layout).toMatchObject({
      kind: '2024',
      headerBlocks: 4,
      blockColumns: [
        'Numéro de panneau',
        'Nuance candidat',
        'Nom candidat',
        'Prénom candidat',
        'Sexe candidat',
        'Voix',
        '% Voix/inscrits',
        '% Voix/exprimés',
        'Elu',
      ],
      nuance: true,
      lists: false,
    });
    expect(report.layout.fixedColumns[0]).toBe('Code département');
    expect(stations.map((s) => s.candidates.length)).toEqual([3, 4, 2, 3, 2]);
    expect(stations.map((s) => [s.departmentCode, s.communeCode, s.stationId, s.abroad])).toEqual([
      ['01', '01001', '01001_0001', false],
      ['01', '01004', '01004_0001', false],
      ['971', '97101', '97101_0001', false],
      ['2A', '2A004', '2A004_0001', false],
      ['ZZ', null, null, true],
    ]);
    stations.forEach((station, i) => {
      const { counts, candidates } = legislative2024Rows[i];
      expect(station).toMatchObject({
        registered: counts.registered,
        voters: counts.registered - counts.abstentions,
        abstentions: counts.abstentions,
        blank: counts.blank,
        invalid: counts.invalid,
        expressed: counts.expressed,
      });
      expect(station.candidates).toEqual(
        candidates.map(([nuance, lastName, firstName, sex, votes], rank) => ({
          panel: rank + 1,
          sex: sex === 'FEMININ' ? 'F' : 'M',
          lastName,
          firstName,
          nuance,
          list: null,
          votes,
        })),
      );
    });
    expect(stations[0].communeName).toBe("L'Abergement-Clémenciat");
  });

  it('reads the European file (lists, Windows-1252 without BOM)', async () => {
    const { stations, problems, report } = await read(fixture('europeennes-2024-bv.csv'));
    expect(problems).toEqual([]);
    expect(report).toMatchObject({ encoding: 'windows-1252', bom: false, stations: 2 });
    expect(report.layout).toMatchObject({
      kind: '2024',
      headerBlocks: 3,
      lists: true,
      nuance: true,
    });
    expect(stations.map((s) => s.stationId)).toEqual(['01001_0001', '97416_0001']);
    stations.forEach((station, i) => {
      expect(station.candidates).toEqual(
        europeanLists.map(([nuance, short], rank) => ({
          panel: rank + 1,
          sex: null,
          lastName: short,
          firstName: null,
          nuance,
          list: short,
          votes: european2024Rows[i].votes[rank],
        })),
      );
    });
    // ’ was the Windows-1252 byte 0x92.
    expect(stations[0].candidates[0].list).toBe('ENSEMBLE POUR L’EUROPE');
  });

  it('reads the same 2024 file in UTF-8 without BOM, in Windows-1252 and in UTF-16', async () => {
    const original = await read(fixture('legislatives-2024-t1-bv.csv'));
    const text = fixture('legislatives-2024-t1-bv.csv').subarray(3).toString('utf8');
    const variants: Array<[Buffer, string, boolean]> = [
      [Buffer.from(text, 'utf8'), 'utf-8', false],
      [Buffer.from(text, 'latin1'), 'windows-1252', false],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le', true],
    ];
    for (const [bytes, encoding, bom] of variants) {
      const result = await read(bytes, 5);
      expect(result.report).toMatchObject({ encoding, bom });
      expect(result.stations).toEqual(original.stations);
    }
  });
});

describe('streaming', () => {
  it.each(Object.keys(fixtureFiles))(
    'gives the same events for %s fed in 7-byte chunks',
    async (name) => {
      const whole = await events(fixture(name));
      const small = await events(fixture(name), 7);
      expect(small).toEqual(whole);
      expect(whole[0].type).toBe('layout');
      expect(whole[whole.length - 1].type).toBe('report');
      expect(stationsOf(whole).length).toBeGreaterThan(0);
    },
  );

  it('yields stations as their lines arrive, before the end of the file', () => {
    const [header, row] = fixture('presidentielle-2022-t1-burvot.txt')
      .toString('latin1')
      .split('\r\n');
    const rows = Array.from({ length: 60 }, (_, i) =>
      row.replace(';0001;', `;${String(i + 1).padStart(4, '0')};`),
    );
    const bytes = Buffer.from([header, ...rows, ''].join('\r\n'), 'latin1');
    expect(bytes.length).toBeGreaterThan(30_000);
    const parser = new ResultsParser();
    const seen: ResultsEvent[] = [];
    let pushed = 0;
    for (const chunk of [bytes.subarray(0, 4096), bytes.subarray(4096, 12_000)]) {
      seen.push(...parser.push(chunk));
      pushed += chunk.length;
    }
    // The head (8 KiB) decides the file's kind; then rows come as their lines complete.
    expect(seen[0].type).toBe('layout');
    const early = stationsOf(seen).length;
    expect(early).toBeGreaterThan(10);
    expect(early).toBeLessThan(60);
    seen.push(...parser.push(bytes.subarray(pushed)), ...parser.end());
    expect(stationsOf(seen).map((s) => s.stationId)).toEqual(
      rows.map((_, i) => `01001_${String(i + 1).padStart(4, '0')}`),
    );
    expect(seen[seen.length - 1].type).toBe('report');
  });
});
