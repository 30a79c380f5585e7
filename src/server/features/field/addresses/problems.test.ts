import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../people/import/csv.ts';
import { ainRows, banHeader, banLines, type BanRow } from './fixtures/generate.ts';
import { BanFileError, collectBanAddresses, readBanAddresses } from './parse.ts';
import { foldStreetName, parseDegrees, parseHouseNumber, streetKeyOf } from './rows.ts';
import { LINES_KEPT } from './source.ts';
import { banFile, fixture, read, refusal } from './testing.ts';

const HEADER = banHeader.join(';');
const base = ainRows[0];
/** A file of the BAN header and these rows (each the first Ain address, changed). */
const fileOf = (...rows: BanRow[]) =>
  banFile(
    banLines(
      banHeader,
      rows.map((row) => ({ ...base, ...row })),
    ),
  );

const CHOOSE =
  'Choisissez le fichier « adresses-XX.csv.gz » de votre département (ou « adresses-france.csv.gz ») publié sur adresse.data.gouv.fr.';
const NOT_BAN = "Ce fichier n'est pas un fichier d'adresses de la Base Adresse Nationale";

describe('files of another kind are refused before any address', () => {
  const cases: Array<[string, Buffer, string, string | RegExp]> = [
    [
      'an empty file',
      Buffer.alloc(0),
      'empty_file',
      `Le fichier est vide : il ne contient ni ligne d'en-tête ni adresse. ${CHOOSE}`,
    ],
    ['blank lines', Buffer.from('\n  \r\n;;;\n'), 'empty_file', /^Le fichier est vide/],
    ['a header alone', banFile([HEADER]), 'no_rows', /ne contient que sa ligne d'en-tête/],
    [
      'an Excel workbook',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      'not_text',
      `${NOT_BAN} : c'est une archive zip ou un classeur Excel (.xlsx), pas un fichier texte. ${CHOOSE}`,
    ],
    [
      'a Parquet file',
      Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64)]),
      'not_text',
      /c'est un fichier Parquet \(prenez la version CSV\)/,
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n\0\0'), 'not_text', /c'est un document PDF/],
    [
      "INSEE's REU address table",
      Buffer.from(
        'code_commune_ref,reconstitution_code_commune,id_brut_bv_reu,id,geo_adresse,geo_type,geo_score,longitude,latitude,api_line,nb_bv_commune,nb_adresses\n01001,0,01001_1,01001_0120_00001,1 Route de Clémenciat 01400 L’Abergement-Clémenciat,housenumber,0.97,4.921026,46.153536,BANG,1,3\n',
      ),
      'not_ban_file',
      `${NOT_BAN} : c'est la table des adresses des bureaux de vote de l'Insee (table-adresses-reu). ${CHOOSE}`,
    ],
    [
      "the BAN's lieux-dits",
      banFile([
        'id;nom_lieu_dit;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;source_position;source_nom_voie',
        '01001_b012;Les Granges;01400;01001;L’Abergement-Clémenciat;;;847920.55;6564480.20;4.911251;46.158686;cadastre;cadastre',
      ]),
      'not_ban_file',
      /c'est le fichier des lieux-dits de la Base Adresse Nationale, pas celui des adresses/,
    ],
    [
      "a commune's BAL",
      banFile([
        'uid_adresse;cle_interop;commune_insee;commune_nom;voie_nom;lieudit_complement_nom;numero;suffixe;position;x;y;long;lat;cad_parcelles;source;date_der_maj;certification_commune',
        ';01001_0120_00001;01001;L’Abergement-Clémenciat;Route de Clémenciat;;1;;entrée;848685.08;6563917.13;4.921026;46.153536;;commune;2024-01-01;1',
      ]),
      'not_ban_file',
      /c'est la Base Adresse Locale \(BAL\) d'une commune/,
    ],
    [
      'a results file',
      Buffer.from(
        'Code du département;Libellé du département;Code de la commune;Libellé de la commune;Code du b.vote;Inscrits;Votants;Exprimés\n01;Ain;001;L’Abergement;0001;645;537;529\n',
      ),
      'not_ban_file',
      /c'est un fichier de résultats électoraux/,
    ],
    [
      'a people CSV',
      Buffer.from('email;nom;prénom;code postal\nann@example.org;Martin;Ann;01000\n'),
      'not_ban_file',
      /c'est un fichier de personnes/,
    ],
    [
      'some other CSV',
      Buffer.from('a;b;c\n1;2;3\n'),
      'not_ban_file',
      `${NOT_BAN} : colonnes « numero » et « nom_voie » introuvables. ${CHOOSE}`,
    ],
    [
      'a header with a broken quote',
      Buffer.from(`"id;${HEADER.slice(3)}\n`),
      'unreadable_header',
      /sa première ligne est illisible/,
    ],
    [
      'a BAN file without numero nor id',
      banFile([HEADER.replace('id;', 'ident;').replace(';numero;', ';num;')]),
      'missing_columns',
      /mais les colonnes « id » et « numero » manquent/,
    ],
  ];

  it.each(cases)('%s', async (_, bytes, code, message) => {
    for (const size of [undefined, 1]) {
      const { error, before } = await refusal(bytes, size);
      expect(error).toBeInstanceOf(BanFileError);
      expect(error.status).toBe(422);
      expect(error.code).toBe(code);
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      expect(before).toEqual([]);
    }
  });

  it('refuses a corrupt gzip archive, and one cut short', async () => {
    const gz = fixture('adresses-france.csv.gz');
    const corrupt = Buffer.from(gz);
    corrupt.fill(0x55, 20, 60);
    const broken = await refusal(corrupt);
    expect(broken.error.code).toBe('bad_gzip');
    expect(broken.error.message).toMatch(
      /^L'archive compressée \(\.gz\) est endommagée ou incomplète \(.+\) : le téléchargement a sans doute été interrompu\./,
    );
    const cut = await refusal(gz.subarray(0, gz.length - 40), 7);
    expect(cut.error.code).toBe('bad_gzip');
    expect(cut.error.message).toMatch(/unexpected end of file/);
  });

  it('reads what a gzip archive holds: an empty one is an empty file, a zip inside is binary', async () => {
    expect((await refusal(gzipSync(Buffer.alloc(0)))).error.code).toBe('empty_file');
    const zip = gzipSync(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect((await refusal(zip)).error.message).toMatch(/c'est une archive zip/);
  });
});

describe('bad rows are skipped with a stable code', () => {
  const skipped: Array<[string, BanRow, string]> = [
    ['lon empty', { lon: '' }, 'no_coordinates'],
    ['lat empty', { lat: ' ' }, 'no_coordinates'],
    ['lon not a number', { lon: 'n/a' }, 'bad_coordinates'],
    ['lat out of range', { lat: '146.15' }, 'bad_coordinates'],
    ['lon out of range', { lon: '-200' }, 'bad_coordinates'],
    ['0/0', { lon: '0', lat: '0.000000' }, 'bad_coordinates'],
    ['an infinite lon', { lon: 'Infinity' }, 'bad_coordinates'],
    ['a number with a letter', { numero: '12b' }, 'bad_number'],
    ['a negative number', { numero: '-3' }, 'bad_number'],
    ['a number of six digits', { numero: '123456' }, 'bad_number'],
    ['a decimal number', { numero: '1.5' }, 'bad_number'],
    ['no street name', { nom_voie: '  ' }, 'missing_street'],
    ['no INSEE code', { code_insee: '' }, 'bad_insee_code'],
    ['a bad INSEE code', { code_insee: '2C004' }, 'bad_insee_code'],
    ['an INSEE code too long', { code_insee: '010011' }, 'bad_insee_code'],
    ['no commune name', { nom_commune: '' }, 'missing_commune_name'],
    ['no id', { id: '' }, 'missing_id'],
  ];

  it.each(skipped)('%s', async (_, change, code) => {
    const { addresses, report } = await read(fileOf({}, change, { numero: '5' }));
    expect(addresses.map((a) => a.line)).toEqual([2, 4]);
    expect(report).toMatchObject({ rows: 3, addresses: 2, skipped: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ code, severity: 'error', count: 1, lines: [3] }),
    ]);
  });

  it('skips a row cut short, a broken quote and a line too long, and reads on', async () => {
    const good = banLines(banHeader, [base])[1];
    const bytes = banFile([
      HEADER,
      good,
      '01001_0120_00009;01001_0120;9;;Route',
      good.replace('Route de Clémenciat', '"Route de Clémenciat'),
      good.replace('Route de Clémenciat', 'x'.repeat(MAX_RECORD_CHARS + 1)),
      good,
    ]);
    for (const size of [undefined, 1000, 4096 * 3 + 1]) {
      const { addresses, report } = await read(bytes, size);
      expect(addresses.map((a) => a.line)).toEqual([2, 6]);
      expect(report.problems.map((p) => [p.code, p.lines])).toEqual([
        ['row_cut_short', [3]],
        ['broken_quote', [4]],
        ['line_too_long', [5]],
      ]);
      expect(report).toMatchObject({ rows: 5, addresses: 2, skipped: 3 });
    }
  });

  it('keeps the first line numbers of a problem, and counts them all', async () => {
    const rows = Array.from({ length: LINES_KEPT + 5 }, () => ({ lat: '' }));
    const { report } = await read(fileOf(...rows, {}));
    expect(report.problems).toEqual([
      {
        code: 'no_coordinates',
        severity: 'error',
        count: LINES_KEPT + 5,
        lines: Array.from({ length: LINES_KEPT }, (_, i) => i + 2),
        message: 'Adresse sans coordonnées (lon ou lat vide) : ignorée.',
      },
    ]);
    expect(report.addresses).toBe(1);
  });
});

describe('what is read leniently', () => {
  it('reads a quoted cell holding the delimiter, and a doubled quote', async () => {
    const good = banLines(banHeader, [base])[1];
    const { addresses } = await read(
      banFile([HEADER, good.replace('Route de Clémenciat', '"Route ""du Lac""; nord"')]),
    );
    expect(addresses[0].streetName).toBe('Route "du Lac"; nord');
    expect(addresses[0].lon).toBe(4.921026);
  });

  it('reads a quoted header (a file saved by another tool) and CRLF lines', async () => {
    const lines = banLines(banHeader, [base]);
    const bytes = Buffer.from(
      `${banHeader.map((c) => `"${c}"`).join(';')}\r\n${lines[1]}\r\n`,
      'utf8',
    );
    const { addresses } = await read(bytes);
    expect(addresses[0]).toMatchObject({ banId: '01001_0120_00001', lat: 46.153536 });
  });

  it('reads a comma-separated copy with decimal commas in quotes', async () => {
    const row = { ...base, lon: '"4,921026"', lat: '"46,153536"', cad_parcelles: '' };
    const text = [
      banHeader.join(','),
      banHeader.map((c) => (c === 'lon' || c === 'lat' ? row[c] : (row[c] ?? ''))).join(','),
    ];
    const { addresses, report } = await read(banFile(text));
    expect(report.delimiter).toBe(',');
    expect(addresses[0]).toMatchObject({ lon: 4.921026, lat: 46.153536 });
  });

  it('mends an INSEE code that lost its leading zero, and keeps 2A/2B codes', async () => {
    const { addresses } = await read(fileOf({ code_insee: '1001' }, { code_insee: '2b033' }));
    expect(addresses.map((a) => a.communeCode)).toEqual(['01001', '2B033']);
  });

  it('reads numbers: empty and 99999 are 0, leading zeros are dropped, DGFiP numbers kept', async () => {
    const { addresses, report } = await read(
      fileOf({ numero: '' }, { numero: '99999' }, { numero: '007' }, { numero: '5012' }),
    );
    expect(addresses.map((a) => a.number)).toEqual([0, 0, 7, 5012]);
    expect(report.withoutNumber).toBe(2);
  });

  it('keeps an address with a bad postal code, without it, with a warning', async () => {
    const { addresses, report } = await read(fileOf({ code_postal: '1400' }, { code_postal: '' }));
    expect(addresses.map((a) => a.postalCode)).toEqual([null, null]);
    expect(report.problems).toEqual([
      {
        code: 'bad_postal_code',
        severity: 'warning',
        count: 1,
        lines: [2],
        message: 'Code postal qui n’a pas cinq chiffres : adresse gardée sans code postal.',
      },
    ]);
  });

  it('lower-cases the suffix and reads a UTF-8 BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fileOf({ rep: 'BIS' })]);
    const { addresses } = await read(bytes);
    expect(addresses[0].suffix).toBe('bis');
  });

  it('ignores rows of empty cells, without counting them', async () => {
    const bytes = banFile([...banLines(banHeader, [base]), ';'.repeat(22), '', '   ']);
    const { report } = await read(bytes);
    expect(report).toMatchObject({ rows: 1, addresses: 1, skipped: 0, problems: [] });
  });

  it('reads the lines of a UTF-8 file that are not UTF-8 as Windows-1252, each noted', async () => {
    const lines = banLines(banHeader, [base, { ...base, nom_voie: 'Rue de l’Église' }]);
    const bytes = Buffer.concat([
      Buffer.from(`${lines[0]}\n${lines[1]}\n`, 'utf8'),
      Buffer.from(`${lines[2].replace('’', "'")}\n`, 'latin1'),
    ]);
    const { addresses, report } = await read(bytes, 1);
    expect(addresses[1].streetName).toBe("Rue de l'Église");
    expect(report.encoding).toBe('utf-8');
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'not_utf8', severity: 'warning', count: 1, lines: [3] }),
    ]);
  });
});

describe('pieces', () => {
  it('parseDegrees gives what Number gives for plain decimals', () => {
    for (const text of [
      '4.921026',
      '-61.534587',
      '46.153536',
      '0.1',
      '180',
      '-0.000001',
      '8.738635',
      '42.699413',
      '45.123456789012',
      '+3.5',
    ]) {
      expect(parseDegrees(text), text).toBe(Number(text));
    }
    for (let i = 0; i < 2000; i++) {
      const text = (Math.random() * 360 - 180).toFixed(1 + (i % 9));
      expect(parseDegrees(text), text).toBe(Number(text));
    }
    expect(parseDegrees('4,5')).toBe(4.5);
    expect(parseDegrees(' 4.5 ')).toBe(4.5);
    expect(parseDegrees('1e2')).toBe(100);
    expect(parseDegrees('')).toBeNaN();
    expect(parseDegrees('.')).toBeNaN();
    expect(parseDegrees('-')).toBeNaN();
    expect(parseDegrees('4.5.6')).toBeNaN();
  });

  it('parseHouseNumber', () => {
    expect(['1', ' 12 ', '0', '', '99999', '99998', 'x', '1 bis'].map(parseHouseNumber)).toEqual([
      1, 12, 0, 0, 0, 99998, -1, -1,
    ]);
  });

  it('streetKeyOf: the id’s street part, else the commune and the folded name', () => {
    expect(streetKeyOf('01001_0120_00003_bis', '01001', 'x')).toBe('01001_0120');
    expect(streetKeyOf('2A004_0490_00001', '2A004', 'x')).toBe('2A004_0490');
    expect(streetKeyOf('01004_k7x2pq_00015', '01004', 'x')).toBe('01004_k7x2pq');
    expect(streetKeyOf('ADRNIVX_0000000259416737', '01001', 'Route de  Clémenciat')).toBe(
      '01001|route de clemenciat',
    );
    expect(streetKeyOf('01001_0120', '01001', 'Rue de l’Église')).toBe('01001|rue de l eglise');
    expect(foldStreetName(' Œuvre — Saint-Éloi ')).toBe('oeuvre saint eloi');
  });
});

describe('the source', () => {
  async function* failing(data: Uint8Array) {
    yield data.subarray(0, 600);
    throw new Error('network down');
  }

  const readFrom = (source: AsyncIterable<Uint8Array>) => collectBanAddresses(source);

  it('lets a source’s own error through, gzip or not', async () => {
    for (const name of ['adresses-france.csv', 'adresses-france.csv.gz']) {
      await expect(readFrom(failing(fixture(name))), name).rejects.toThrow('network down');
    }
  });

  it('is closed when the reading stops early, gzip or not', async () => {
    for (const name of ['adresses-france.csv', 'adresses-france.csv.gz']) {
      let closed = false;
      async function* source() {
        try {
          const bytes = fixture(name);
          for (let at = 0; at < bytes.length; at += 10) yield bytes.subarray(at, at + 10);
        } finally {
          closed = true;
        }
      }
      for await (const event of readBanAddresses(source(), 2)) {
        if (event.type === 'addresses') break;
      }
      expect(closed, name).toBe(true);
    }
  });
});
