import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../people/import/csv.ts';
import { namedStreetKey } from '../addresses/parse.ts';
import { LINES_KEPT } from '../addresses/tally.ts';
import { listHeader, listLines, listRows, type ListRow } from './fixtures/generate.ts';
import { electorStreetKey, ElectorFileError, spellOutStreet } from './parse.ts';
import { fixture, read, refusal } from './testing.ts';

const base = listRows[0];
/** A list of the arrêté's header and these rows (each the first row, changed). */
const listOf = (...rows: Array<Partial<ListRow>>) =>
  Buffer.from(
    listLines(rows.map((row) => ({ ...base, ...row })))
      .map((line) => `${line}\n`)
      .join(''),
  );
/** A list with only these columns. */
const withColumns = (columns: readonly string[], ...rows: Array<Partial<ListRow>>) =>
  Buffer.from(
    listLines(
      rows.map((row) => ({ ...base, ...row })),
      columns,
    ).join('\n'),
  );

const NOT_LIST = "Ce fichier n'est pas une liste électorale";
const CHOOSE =
  "Importez la liste électorale telle que la mairie ou la préfecture l'a remise : un fichier CSV (séparé par des points-virgules) au format de l'arrêté du 12 novembre 2013, ou l'extraction du répertoire électoral unique.";

describe('files of another kind are refused before any elector', () => {
  const cases: Array<[string, Buffer, string, string | RegExp]> = [
    [
      'an empty file',
      Buffer.alloc(0),
      'empty_file',
      `Le fichier est vide : il ne contient ni ligne d'en-tête ni électeur. ${CHOOSE}`,
    ],
    [
      'a header alone',
      Buffer.from(`${listHeader.join(';')}\n\n`),
      'no_rows',
      "Le fichier ne contient que sa ligne d'en-tête : aucun électeur à importer.",
    ],
    [
      'an Excel workbook',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]),
      'not_text',
      `${NOT_LIST} lisible : c'est une archive zip ou un classeur Excel (.xlsx), pas un fichier texte. ${CHOOSE}`,
    ],
    [
      'a gzipped list',
      gzipSync(fixture('liste-electorale.csv')),
      'not_text',
      /c'est une archive compressée \(\.gz\), pas un fichier texte/,
    ],
    [
      'a BAN address file',
      fixture('adresses-au-lieu-de-la-liste.csv'),
      'not_electoral_list',
      `${NOT_LIST} : c'est un fichier d'adresses de la Base Adresse Nationale (adresses-XX.csv). ${CHOOSE}`,
    ],
    [
      'INSEE’s REU address table',
      fixture('../../stations/fixtures/table-adresses-reu.csv'),
      'not_electoral_list',
      /c'est la table des adresses des bureaux de vote de l'Insee/,
    ],
    [
      'a results file (candidates’ names and first names)',
      Buffer.from(
        'Code du département;Code de la commune;Code du b.vote;Inscrits;Sexe;Nom;Prénom;Voix\n01;001;0001;645;F;MARTIN;Anne;120\n',
      ),
      'not_electoral_list',
      /c'est un fichier de résultats électoraux/,
    ],
    [
      'a people file',
      Buffer.from('email;prenom;nom\nanne@example.org;Anne;Martin\n'),
      'not_electoral_list',
      /c'est un fichier de personnes/,
    ],
    [
      'something else',
      Buffer.from('a;b\n1;2\n'),
      'not_electoral_list',
      `${NOT_LIST} : colonnes « NomdeNaissance » et « Prenoms » introuvables. ${CHOOSE}`,
    ],
    [
      'a list without its stations',
      fixture('liste-electorale-sans-bureau.csv'),
      'missing_columns',
      "Ce fichier ressemble à une liste électorale, mais la colonne « NoBureauDeVote » manque. Importez le fichier tel qu'il a été remis, avec toutes ses colonnes.",
    ],
    [
      'a list without names nor communes',
      Buffer.from('NoElecteurGeneral;Prenoms;NoBureauDeVote\n1;Anne;1\n'),
      'missing_columns',
      /mais les colonnes « NomdeNaissance » et « CodeCommune » manquent/,
    ],
    [
      'a header with a broken quote',
      Buffer.from('"NomdeNaissance;Prenoms;CodeCommune\nMARTIN;Anne;01001\n'),
      'unreadable_header',
      `${NOT_LIST} : sa première ligne est illisible (guillemet non fermé ou ligne démesurée). ${CHOOSE}`,
    ],
  ];

  it.each(cases)('%s', async (_, bytes, code, message) => {
    for (const size of [undefined, 1]) {
      const { error, before } = await refusal(bytes, size);
      expect(error).toBeInstanceOf(ElectorFileError);
      expect(error.status).toBe(422);
      expect(error.code).toBe(code);
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      expect(before).toEqual([]);
    }
  });

  it('reads a list with a usage name and no birth name column', async () => {
    const columns = listHeader.filter((c) => c !== 'NomdeNaissance');
    const { electors, report } = await read(withColumns(columns, {}));
    expect(electors[0]).toMatchObject({ birthName: 'DURAND', usageName: null });
    expect(report.warnings).toEqual([
      'La colonne « NomdeNaissance » manque : les électeurs n’ont pas de nom de naissance (le nom d’usage en tient lieu).',
    ]);
  });
});

describe('rows', () => {
  const skipped: Array<[string, Partial<ListRow>, string]> = [
    ['no name', { NomdeNaissance: '', NomDusage: ' ' }, 'missing_name'],
    ['no given names', { Prenoms: '' }, 'missing_given_names'],
    ['no commune code', { CodeCommune: '' }, 'bad_commune_code'],
    ['a commune code of letters', { CodeCommune: 'ABC' }, 'bad_commune_code'],
    ['a commune outside its département', { CodeCommune: '02001' }, 'bad_commune_code'],
    ['an unknown département', { CodeDepartement: '99' }, 'bad_commune_code'],
    ['French people abroad (ZZ)', { CodeDepartement: 'ZZ' }, 'bad_commune_code'],
    ['no station', { NoBureauDeVote: ' ' }, 'missing_station'],
  ];

  it.each(skipped)('skips a row with %s', async (_, change, code) => {
    const { electors, report } = await read(listOf({}, change, {}));
    expect(electors.map((e) => e.line)).toEqual([2, 4]);
    expect(report).toMatchObject({ rows: 3, electors: 2, skipped: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ code, severity: 'error', count: 1, lines: [3] }),
    ]);
  });

  const kept: Array<[string, Partial<ListRow>, string, Record<string, unknown>]> = [
    ['an impossible birth date', { DateDeNaissance: '31/02/1980' }, 'bad_birth_date', {}],
    ['an unknown day and month', { DateDeNaissance: '00/00/1950' }, 'bad_birth_date', {}],
    ['a year alone', { DateDeNaissance: '1950' }, 'bad_birth_date', {}],
    ['a month 13', { DateDeNaissance: '12/13/1980' }, 'bad_birth_date', {}],
    ['a sex other than M or F', { Sexe: 'X' }, 'bad_sex', { sex: null }],
    ['a postal code of six digits', { CodePostal: '014000' }, 'bad_postal_code', {}],
    ['a postal code of letters', { CodePostal: 'AIN' }, 'bad_postal_code', {}],
    ['a number range', { NumeroVoie: '12-14' }, 'bad_number', { number: null, suffix: null }],
  ];

  it.each(kept)('keeps a row with %s, with a warning', async (_, change, code, fields) => {
    const { electors, report } = await read(listOf(change));
    const field = { bad_birth_date: 'birthDate', bad_postal_code: 'postalCode' }[code];
    expect(electors[0]).toMatchObject({ ...fields, ...(field ? { [field]: null } : {}) });
    expect(electors[0].streetKey).toBe('01001|route de clemenciat');
    expect(report.problems).toEqual([
      expect.objectContaining({ code, severity: 'warning', count: 1, lines: [2] }),
    ]);
  });

  it('reads empty optional cells as null, without a warning', async () => {
    const { electors, report } = await read(
      listOf({
        Sexe: '',
        DateDeNaissance: '',
        NumeroVoie: '',
        TypeVoie: '',
        LibelleVoie: '',
        CodePostal: '',
        VilleLocalite: '',
        NomCommune: '',
        NoElecteurGeneral: '',
      }),
    );
    expect(electors[0]).toMatchObject({
      sex: null,
      birthDate: null,
      number: null,
      street: null,
      streetKey: null,
      postalCode: null,
      city: null,
      communeName: null,
      listNumber: null,
    });
    expect(report.problems).toEqual([]);
  });

  it('skips a row cut short, a broken quote and a line too long, and reads on', async () => {
    const lines = listLines([base]);
    const bytes = Buffer.from(
      [
        lines[0],
        lines[1],
        'LP;Liste principale;02/03/2026;01;001',
        lines[1].replace('MARTIN', '"MARTIN'),
        lines[1].replace('MARTIN', 'x'.repeat(MAX_RECORD_CHARS + 1)),
        '',
        ';'.repeat(listHeader.length - 1),
        lines[1],
      ].join('\n'),
    );
    const { electors, report } = await read(bytes, 4096);
    expect(electors.map((e) => e.line)).toEqual([2, 8]);
    expect(report.problems.map((p) => [p.code, p.lines])).toEqual([
      ['row_cut_short', [3]],
      ['broken_quote', [4]],
      ['line_too_long', [5]],
    ]);
    expect(report).toMatchObject({ rows: 5, skipped: 3 });
  });

  it('reads a cell quoted for its semicolon', async () => {
    const bytes = listOf({ ComplementDeLocalisation1: 'BAT A; ESC 2' });
    const { electors, report } = await read(bytes);
    expect(electors[0].complement).toBe('BAT A; ESC 2');
    expect(report.problems).toEqual([]);
  });

  it('reports the lines of a UTF-8 list that are not, and counts problems with their first lines', async () => {
    const lines = listLines([base, base]);
    const bytes = Buffer.concat([
      Buffer.from(`${lines[0]}\n${lines[1]}\n`),
      Buffer.from(`${lines[2].replace('MARTIN', 'MARTÎN')}\n`, 'latin1'),
    ]);
    const { electors, report } = await read(bytes);
    expect(electors[1].birthName).toBe('MARTÎN');
    expect(report.encoding).toBe('utf-8');
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'not_utf8', severity: 'warning', lines: [3] }),
    ]);

    const many = Array.from({ length: LINES_KEPT + 5 }, () => ({ Sexe: '?' }));
    const tally = await read(listOf(...many));
    expect(tally.report.problems).toEqual([
      expect.objectContaining({
        code: 'bad_sex',
        count: LINES_KEPT + 5,
        lines: Array.from({ length: LINES_KEPT }, (_, i) => i + 2),
      }),
    ]);
  });

  it('says which optional columns a list lacks', async () => {
    const columns = ['NomdeNaissance', 'Prenoms', 'CodeCommune', 'NoBureauDeVote'];
    const { electors, report } = await read(withColumns(columns, { CodeCommune: '01001' }));
    expect(electors[0]).toMatchObject({ communeCode: '01001', stationId: '01001_0001' });
    expect(report.warnings).toEqual([
      'La colonne « NomDusage » manque : les électeurs n’ont pas de nom d’usage.',
      'La colonne « NoElecteurGeneral » manque : les électeurs n’ont pas de numéro d’électeur.',
      'La colonne « Sexe » manque : les électeurs n’ont pas de sexe.',
      'La colonne « DateDeNaissance » manque : les électeurs n’ont pas de date de naissance.',
      'La colonne « NumeroVoie » manque : les électeurs n’ont pas de numéro de voie (ils ne seront pas rattachés aux adresses).',
      'La colonne « CodePostal » manque : les électeurs n’ont pas de code postal.',
      'Les colonnes « LibelleVoie » et « LieuDit » manquent : les électeurs n’ont pas d’adresse (ils ne seront pas rattachés aux adresses).',
    ]);
  });
});

describe('values', () => {
  it('builds the INSEE code as the results reader does', async () => {
    const codes: Array<[Partial<ListRow>, string]> = [
      [{ CodeDepartement: '01', CodeCommune: '001' }, '01001'],
      [{ CodeDepartement: '1', CodeCommune: '1' }, '01001'],
      [{ CodeDepartement: '01', CodeCommune: '01001' }, '01001'],
      [{ CodeDepartement: '01', CodeCommune: '1001' }, '01001'],
      [{ CodeDepartement: '2A', CodeCommune: '4' }, '2A004'],
      [{ CodeDepartement: '971', CodeCommune: '120' }, '97120'],
      [{ CodeDepartement: 'ZA', CodeCommune: '120' }, '97120'],
      [{ CodeDepartement: 'ZM', CodeCommune: '508' }, '97608'],
      [{ CodeDepartement: '', CodeCommune: '2B033' }, '2B033'],
    ];
    const { electors, report } = await read(listOf(...codes.map(([row]) => row)));
    expect(electors.map((e) => e.communeCode)).toEqual(codes.map(([, code]) => code));
    expect(report.problems).toEqual([]);
  });

  it('needs the département for a three-digit commune code', async () => {
    const columns = listHeader.filter((c) => c !== 'CodeDepartement');
    const { electors, report } = await read(
      withColumns(columns, { CodeCommune: '001' }, { CodeCommune: '1001' }),
    );
    expect(electors.map((e) => [e.line, e.communeCode])).toEqual([[3, '01001']]);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'bad_commune_code', lines: [2] }),
    ]);
  });

  it('pads station codes as the REU reader does, and reads a REU station id', async () => {
    const raw = ['1', '0001', '12', 'A', '01001_3'];
    const { electors } = await read(listOf(...raw.map((code) => ({ NoBureauDeVote: code }))));
    expect(electors.map((e) => e.stationCode)).toEqual(['0001', '0001', '0012', '000A', '0003']);
    expect(electors.map((e) => e.stationId)).toEqual([
      '01001_0001',
      '01001_0001',
      '01001_0012',
      '01001_000A',
      '01001_0003',
    ]);
  });

  it('reads sexes, dates and numbers as spreadsheets write them', async () => {
    const rows: Array<Partial<ListRow>> = [
      { Sexe: 'f', DateDeNaissance: '1/2/1980', NumeroVoie: '12' },
      { Sexe: 'MASCULIN', DateDeNaissance: '1980-02-01', NumeroVoie: '12 BIS' },
      { Sexe: 'M', DateDeNaissance: '01.02.1980', NumeroVoie: '12B' },
      { Sexe: 'F', DateDeNaissance: '01-02-1980', NumeroVoie: '12 b.' },
    ];
    const { electors, report } = await read(listOf(...rows));
    expect(electors.map((e) => [e.sex, e.birthDate, e.number, e.suffix])).toEqual([
      ['F', '1980-02-01', 12, null],
      ['M', '1980-02-01', 12, 'bis'],
      ['M', '1980-02-01', 12, 'b'],
      ['F', '1980-02-01', 12, 'b'],
    ]);
    expect(report.problems).toEqual([]);
  });

  it('gives back a postal code’s lost leading zero', async () => {
    const { electors } = await read(listOf({ CodePostal: '1400' }));
    expect(electors[0].postalCode).toBe('01400');
  });

  it('keeps a usage name only when it differs from the birth name', async () => {
    const { electors } = await read(
      listOf(
        { NomdeNaissance: 'Favier', NomDusage: 'FAVIER' },
        { NomdeNaissance: '', NomDusage: 'GIRAUD' },
        { NomdeNaissance: 'PERRIN', NomDusage: 'GIRAUD' },
      ),
    );
    expect(electors.map((e) => [e.birthName, e.usageName])).toEqual([
      ['Favier', null],
      ['GIRAUD', null],
      ['PERRIN', 'GIRAUD'],
    ]);
  });

  it('writes the street from its type and name, or the lieu-dit', async () => {
    const rows: Array<Partial<ListRow>> = [
      { TypeVoie: 'R', LibelleVoie: 'DE LA GARE' },
      { TypeVoie: 'RUE', LibelleVoie: 'RUE DE LA GARE' },
      { TypeVoie: '', LibelleVoie: 'RUE DE LA GARE' },
      { TypeVoie: '', LibelleVoie: '', LieuDit: 'LES GRANGES' },
      { TypeVoie: 'RTE', LibelleVoie: 'DE LYON', LieuDit: 'LE BOURG' },
    ];
    const { electors } = await read(listOf(...rows));
    expect(electors.map((e) => [e.street, e.streetKey])).toEqual([
      ['R DE LA GARE', '01001|rue de la gare'],
      ['RUE DE LA GARE', '01001|rue de la gare'],
      ['RUE DE LA GARE', '01001|rue de la gare'],
      ['LES GRANGES', '01001|les granges'],
      ['RTE DE LYON', '01001|route de lyon'],
    ]);
  });
});

describe('street keys', () => {
  const pairs: Array<[string, string]> = [
    ['R DE LA GARE', 'Rue de la Gare'],
    ['AV. JEAN JAURES', 'Avenue Jean Jaurès'],
    ['BD VICTOR HUGO', 'Boulevard Victor Hugo'],
    ['CHE DES VIGNES', 'Chemin des Vignes'],
    ['PL DE LA MAIRIE', 'Place de la Mairie'],
    ['IMP DES LILAS', 'Impasse des Lilas'],
    ['ALL DES PINS', 'Allée des Pins'],
    ['RTE DE LYON', 'Route de Lyon'],
    ['CRS NAPOLEON', 'Cours Napoléon'],
    ['QU DES BATELIERS', 'Quai des Bateliers'],
    ['SQ DU ROUSSILLON', 'Square du Roussillon'],
    ['LOT LES ACACIAS', 'Lotissement les Acacias'],
    ['RES LE PARC', 'Résidence le Parc'],
    ['R ST JEAN', 'Rue Saint-Jean'],
    ['AV DU GAL LECLERC', 'Avenue du Général Leclerc'],
    ['LD LES GRANGES', 'Les Granges'],
    ['Rue de la Gare', 'Rue de la Gare'],
  ];

  it.each(pairs)('%s meets the BAN’s « %s »', (written, ban) => {
    expect(electorStreetKey('01001', written)).toBe(namedStreetKey('01001', ban));
    // The import folds the BAN's names the same way: names in full are left as they are.
    expect(electorStreetKey('01001', ban)).toBe(namedStreetKey('01001', ban));
  });

  it('spells out a type only as the first word, titles anywhere', () => {
    expect(spellOutStreet('PL DU R')).toBe('Place DU R');
    expect(spellOutStreet('ST MARTIN')).toBe('Saint MARTIN');
    expect(spellOutStreet('R. ST-JEAN')).toBe('Rue Saint-JEAN');
  });

  it('has no key for a name with nothing to fold', () => {
    expect(electorStreetKey('01001', '-')).toBeNull();
    expect(electorStreetKey('01001', 'LD')).toBeNull();
  });
});
