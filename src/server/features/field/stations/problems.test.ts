import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../people/import/csv.ts';
import { banHeader } from '../addresses/fixtures/generate.ts';
import { pollingStationId } from '../results/insee.ts';
import { reuHeader, reuLines, reuRows, type ReuRow } from './fixtures/generate.ts';
import { ReuFileError, splitRawStation } from './parse.ts';
import { fixture, read, refusal } from './testing.ts';

const base = reuRows[0];
/** A table of INSEE's header and these rows (each the first row, changed). */
const tableOf = (...rows: Array<Partial<ReuRow>>) =>
  Buffer.from(
    reuLines(rows.map((row) => ({ ...base, ...row })))
      .map((line) => `${line}\n`)
      .join(''),
  );

const NOT_REU =
  "Ce fichier n'est pas la table des adresses des bureaux de vote de l'Insee (répertoire électoral unique)";
const CHOOSE =
  'Choisissez le fichier « table-adresses-reu.csv » du jeu « Bureaux de vote et adresses de leurs électeurs » publié sur data.gouv.fr.';

describe('files of another kind are refused before any row', () => {
  const cases: Array<[string, Buffer, string, string | RegExp]> = [
    [
      'an empty file',
      Buffer.alloc(0),
      'empty_file',
      `Le fichier est vide : il ne contient ni ligne d'en-tête ni adresse. ${CHOOSE}`,
    ],
    [
      'a header alone',
      Buffer.from(`${reuHeader.join(',')}\n`),
      'no_rows',
      "Le fichier ne contient que sa ligne d'en-tête : aucune adresse de bureau de vote à importer.",
    ],
    [
      'the Parquet edition',
      Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(100)]),
      'not_text',
      `${NOT_REU} : c'est un fichier Parquet (prenez la version CSV), pas un fichier texte. ${CHOOSE}`,
    ],
    [
      'the table of stations (table-bv-reu)',
      Buffer.from(
        'id_brut_miom,id_brut_reu,id_brut_insee,code_commune,code,libelle_reu,num_voie_reu,voie_reu,cp_reu,commune_reu,nb_adresses_initial,nb_adresses_final\n01001_0001,01001_1,01001_0001,01001,1,Mairie,1,Place de la Mairie,01400,L’Abergement-Clémenciat,320,318\n',
      ),
      'not_reu_file',
      `${NOT_REU} : c'est la table des bureaux de vote de l'Insee (table-bv-reu), pas celle de leurs adresses (table-adresses-reu). ${CHOOSE}`,
    ],
    [
      'a BAN address file',
      fixture('../../addresses/fixtures/adresses-france.csv'),
      'not_reu_file',
      /c'est un fichier d'adresses de la Base Adresse Nationale \(adresses-XX\.csv\)/,
    ],
    [
      'a gzipped BAN file',
      gzipSync(Buffer.from(`${banHeader.join(';')}\n`)),
      'not_reu_file',
      /Base Adresse Nationale/,
    ],
    [
      'a results file',
      Buffer.from(
        'Code du département;Code de la commune;Code du b.vote;Inscrits\n01;001;0001;645\n',
      ),
      'not_reu_file',
      /c'est un fichier de résultats électoraux/,
    ],
    [
      'something else',
      Buffer.from('a,b\n1,2\n'),
      'not_reu_file',
      `${NOT_REU} : colonne « id_brut_bv_reu » introuvable. ${CHOOSE}`,
    ],
    [
      'a table without positions',
      Buffer.from('code_commune_ref,id_brut_bv_reu,id\n01001,01001_1,01001_0120_00001\n'),
      'missing_columns',
      /mais les colonnes « longitude » et « latitude » manquent/,
    ],
  ];

  it.each(cases)('%s', async (_, bytes, code, message) => {
    for (const size of [undefined, 1]) {
      const { error, before } = await refusal(bytes, size);
      expect(error).toBeInstanceOf(ReuFileError);
      expect(error.status).toBe(422);
      expect(error.code).toBe(code);
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      expect(before).toEqual([]);
    }
  });

  it('refuses a gzip archive cut short', async () => {
    const gz = fixture('table-adresses-reu.csv.gz');
    const { error } = await refusal(gz.subarray(0, gz.length - 30));
    expect(error.code).toBe('bad_gzip');
    expect(error.message).toMatch(/^L'archive compressée \(\.gz\) est endommagée ou incomplète/);
  });

  it('accepts the column INSEE’s code calls id_brut_bv, and a `;` table', async () => {
    const lines = reuLines([base], reuHeader, ';');
    const bytes = Buffer.from(`${lines[0].replace('id_brut_bv_reu', 'id_brut_bv')}\n${lines[1]}\n`);
    const { addresses, report } = await read(bytes);
    expect(addresses[0].stationId).toBe('01001_0001');
    expect(report.delimiter).toBe(';');
  });
});

describe('rows', () => {
  const skipped: Array<[string, Partial<ReuRow>, string]> = [
    ['no commune code', { code_commune_ref: '' }, 'bad_insee_code'],
    ['a bad commune code', { code_commune_ref: '0100A' }, 'bad_insee_code'],
    ['no station', { id_brut_bv_reu: ' ' }, 'missing_station'],
  ];

  it.each(skipped)('skips a row with %s', async (_, change, code) => {
    const { addresses, report } = await read(tableOf({}, change, {}));
    expect(addresses.map((a) => a.line)).toEqual([2, 4]);
    expect(report).toMatchObject({ rows: 3, addresses: 2, skipped: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ code, severity: 'error', count: 1, lines: [3] }),
    ]);
  });

  const kept: Array<[string, Partial<ReuRow>, string, Record<string, unknown>]> = [
    ['no position', { longitude: '', latitude: '' }, 'no_coordinates', { lon: null, lat: null }],
    ['a bad position', { latitude: '460.1' }, 'bad_coordinates', { lon: null, lat: null }],
    ['no BAN id', { id: '' }, 'no_ban_id', { banId: null }],
    ['a BANO id', { id: 'BANO_010010120_1' }, 'bano_id', { banId: null }],
    ['a score over 1', { geo_score: '1.5' }, 'bad_geo_score', { geoScore: null }],
    ['a count that is not one', { nb_adresses: 'deux' }, 'bad_count', { addressCount: null }],
    [
      'a station of another commune',
      { id_brut_bv_reu: '01002_1' },
      'station_commune_differs',
      { stationId: '01001_0001', rawStationId: '01002_1' },
    ],
  ];

  it.each(kept)('keeps a row with %s, with a warning', async (_, change, code, fields) => {
    const { addresses, report } = await read(tableOf(change));
    expect(addresses[0]).toMatchObject(fields);
    expect(report.problems).toEqual([
      expect.objectContaining({ code, severity: 'warning', count: 1, lines: [2] }),
    ]);
    expect(report).toMatchObject({ rows: 1, addresses: 1, skipped: 0 });
  });

  it('reads empty optional cells as null, without a warning', async () => {
    const { addresses, report } = await read(
      tableOf({ geo_score: '', geo_type: '', geo_adresse: '', nb_adresses: '', nb_bv_commune: '' }),
    );
    expect(addresses[0]).toMatchObject({
      geoScore: null,
      geoType: null,
      label: null,
      addressCount: null,
      stationsInCommune: null,
    });
    expect(report.problems).toEqual([]);
    expect(report.geoTypes).toEqual({ none: 1 });
  });

  it('reads a table without its optional columns, and says so', async () => {
    const columns = ['code_commune_ref', 'id_brut_bv_reu', 'id', 'longitude', 'latitude'];
    const bytes = Buffer.from(reuLines([base], columns).join('\n'));
    const { addresses, report } = await read(bytes);
    expect(addresses[0]).toMatchObject({ stationId: '01001_0001', label: null, geoScore: null });
    expect(report.columns.missingOptional).toEqual([
      'geo_adresse',
      'geo_type',
      'geo_score',
      'nb_adresses',
      'nb_bv_commune',
    ]);
    expect(report.warnings).toEqual([
      'Les colonnes « geo_adresse », « geo_type », « geo_score », « nb_adresses », « nb_bv_commune » manquent : ce qu’elles disent reste vide.',
    ]);
  });

  it('skips a row cut short, a broken quote and a line too long, and reads on', async () => {
    const lines = reuLines([base]);
    const bytes = Buffer.from(
      [
        lines[0],
        lines[1],
        '01001,1,01001_1',
        lines[1].replace('1 Route', '"1 Route'),
        lines[1].replace('1 Route', 'x'.repeat(MAX_RECORD_CHARS + 1)),
        '',
        ',,,,,,,,,,,',
        lines[1],
      ].join('\n'),
    );
    const { addresses, report } = await read(bytes, 4096);
    expect(addresses.map((a) => a.line)).toEqual([2, 8]);
    expect(report.problems.map((p) => [p.code, p.lines])).toEqual([
      ['row_cut_short', [3]],
      ['broken_quote', [4]],
      ['line_too_long', [5]],
    ]);
    expect(report).toMatchObject({ rows: 5, skipped: 3 });
  });

  it('keeps a row that stops after its last required cell, without what follows', async () => {
    const lines = reuLines([base]);
    const short = lines[1]
      .split(',')
      .slice(0, reuHeader.indexOf('latitude') + 1)
      .join(',');
    const { addresses, report } = await read(Buffer.from(`${lines[0]}\n${short}\n`));
    expect(addresses[0]).toMatchObject({
      lat: 46.153536,
      addressCount: null,
      stationsInCommune: null,
    });
    expect(report.problems).toEqual([]);
  });

  it('counts the stations and communes of the rows kept', async () => {
    const { report } = await read(
      tableOf({}, { id_brut_bv_reu: '01001_2' }, { id_brut_bv_reu: '01001_02' }),
    );
    expect(report).toMatchObject({ stations: 2, communes: 1 });
  });
});

describe('station ids', () => {
  it('splits id_brut_bv_reu into its commune and code', () => {
    expect(splitRawStation('01001_1')).toEqual({ commune: '01001', code: '1' });
    expect(splitRawStation('1001_12')).toEqual({ commune: '01001', code: '12' });
    expect(splitRawStation('2a004_3')).toEqual({ commune: '2A004', code: '3' });
    expect(splitRawStation('75056_BV_12')).toEqual({ commune: '75056', code: 'BV_12' });
    expect(splitRawStation('12')).toEqual({ commune: null, code: '12' });
  });

  it('pads numeric and non-numeric codes as the results reader does', async () => {
    const raw = ['1', '0001', '012', 'A', 'BV12', '10005'];
    const { addresses } = await read(
      tableOf(...raw.map((code) => ({ id_brut_bv_reu: `01001_${code}` }))),
    );
    expect(addresses.map((a) => a.stationId)).toEqual(
      raw.map((code) => pollingStationId('01001', code)),
    );
    expect(addresses.map((a) => a.stationCode)).toEqual([
      '0001',
      '0001',
      '0012',
      '000A',
      'BV12',
      '10005',
    ]);
  });

  it('takes a station code written without the commune', async () => {
    const { addresses } = await read(tableOf({ id_brut_bv_reu: '3' }));
    expect(addresses[0]).toMatchObject({ stationId: '01001_0003', rawStationId: '3' });
  });
});
