import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../people/import/csv.ts';
import { MAX_LINE_BYTES, readResults, ResultsFileError } from './parse.ts';
import { chunked, fixture, latin1, refusal } from './testing.ts';

const read = (data: Uint8Array, size?: number) => readResults(chunked(data, size));

/** The 2022 presidential fixture as text lines (header first), to break. */
const presidentialLines = () =>
  fixture('presidentielle-2022-t1-burvot.txt').toString('latin1').split('\r\n').slice(0, -1);
const burvot = (lines: string[], end = '\r\n') => latin1(lines.join('\r\n') + end);

const legislative2024Lines = () =>
  fixture('legislatives-2024-t1-bv.csv').subarray(3).toString('utf8').split('\n').slice(0, -1);

describe('files of another kind are refused before any row', () => {
  const NOT_RESULTS =
    "Ce fichier n'est pas un fichier de résultats par bureau de vote du ministère de l'Intérieur : colonne « Code du b.vote » introuvable.";

  const cases: Array<[string, Buffer, string, RegExp | string]> = [
    ['an empty file', Buffer.alloc(0), 'empty_file', /Le fichier est vide/],
    ['blank lines', Buffer.from('\r\n  \r\n\r\n'), 'empty_file', /Le fichier est vide/],
    [
      'a BAN address file',
      Buffer.from(
        'id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles\n' +
          '01001_0009_00001;01001_0009;1;;Lotissement Bellevue;01400;01001;L’Abergement-Clémenciat;;;848930.68;6563479.85;4.918;46.151;entrée;;;L ABERGEMENT CLEMENCIAT;LOTISSEMENT BELLEVUE;commune;commune;1;\n',
      ),
      'not_results_file',
      NOT_RESULTS,
    ],
    [
      'a people CSV',
      Buffer.from(
        'email;nom;prénom;téléphone;code postal\nann@example.org;Martin;Ann;0601020304;01000\n',
      ),
      'not_results_file',
      NOT_RESULTS,
    ],
    [
      'a 2024-style file that is not by polling station',
      Buffer.from(
        'Code département;Libellé département;Inscrits;Votants;Exprimés;Voix 1;Nom candidat 1\n01;Ain;1;1;1;1;A\n',
      ),
      'not_by_polling_station',
      /pas par bureau de vote \(colonne « Code BV » introuvable\)/,
    ],
    [
      'results by commune',
      latin1(
        presidentialLines()
          .map((line) =>
            line
              .split(';')
              .filter((_, i) => i !== 6)
              .join(';'),
          )
          .join('\r\n'),
      ),
      'not_by_polling_station',
      /colonne « Code du b\.vote » introuvable/,
    ],
    [
      'a results file without Exprimés',
      latin1(
        presidentialLines()
          .map((line) => line.replace('Exprimés', 'Exprimes par erreur'))
          .join('\r\n'),
      ),
      'missing_columns',
      /la colonne « Exprimés » manque/,
    ],
    [
      'a results file without Votants nor Abstentions, nor Code de la commune',
      latin1(
        presidentialLines()
          .map((line) =>
            line
              .replace(';Votants;', ';V;')
              .replace(';Abstentions;', ';A;')
              .replace('Code de la commune', 'CC'),
          )
          .join('\r\n'),
      ),
      'missing_columns',
      /les colonnes « Code de la commune » et « Votants » manquent/,
    ],
    [
      'a file without candidate columns',
      Buffer.from(
        'Code du département;Code de la commune;Code du b.vote;Inscrits;Votants;Exprimés\n01;1;1;10;5;5\n',
      ),
      'missing_columns',
      /« Voix » et « Nom »/,
    ],
    [
      'a 2024 file whose second block has no votes',
      Buffer.from(
        'Code département;Code commune;Code BV;Inscrits;Votants;Exprimés;Nom candidat 1;Voix 1;Nom candidat 2;Sièges 2\n01;01001;1;10;5;5;A;5;;\n',
      ),
      'missing_columns',
      /la colonne « Voix 2 » manque/,
    ],
    [
      'a header only',
      latin1(presidentialLines()[0] + '\r\n'),
      'no_rows',
      "Le fichier ne contient que sa ligne d'en-tête : aucun bureau de vote à importer.",
    ],
    [
      'a header with a broken quote',
      Buffer.from('"Code du département;Code du b.vote\n01;1\n'),
      'unreadable_header',
      /première ligne est illisible/,
    ],
    [
      'an Excel workbook',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0, 0, 0, 0]),
      'not_text',
      /c'est une archive zip ou un classeur Excel \(\.xlsx\), pas un fichier texte/,
    ],
    [
      'an old Excel workbook',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(100),
      ]),
      'not_text',
      /un classeur Excel \(\.xls\)/,
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n\u0000\u0001binary'), 'not_text', /un document PDF/],
    [
      'a PNG image',
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
      ]),
      'not_text',
      /un fichier binaire/,
    ],
  ];

  it.each(cases)('refuses %s', async (_, bytes, code, message) => {
    for (const size of [undefined, 7]) {
      const { error, before } = await refusal(bytes, size);
      expect(error).toBeInstanceOf(ResultsFileError);
      expect(error.code).toBe(code);
      expect(error.status).toBe(422);
      if (typeof message === 'string') expect(error.message).toContain(message);
      else expect(error.message).toMatch(message);
      expect(before.filter((event) => event.type === 'station')).toEqual([]);
    }
  });

  it('writes the sentence of the brief for a file without polling-station column', async () => {
    const { error } = await refusal(Buffer.from('email;nom\nann@example.org;Martin\n'));
    expect(error.message).toBe(
      `${NOT_RESULTS} Choisissez le fichier des résultats par bureau de vote de l'élection publié sur data.gouv.fr (.txt ou .csv).`,
    );
  });
});

describe('line problems are reported and the parsing goes on', () => {
  it('reports and skips a row with letters in a count', async () => {
    const lines = presidentialLines();
    lines[2] = lines[2].replace(';1164;300;', ';11a4;300;');
    lines[4] = lines[4].replace(/;2A;/, ';2A;').replace(';760;', ';sept cents;');
    const { stations, problems, report } = await read(burvot(lines));
    expect(problems).toEqual([
      {
        line: 3,
        code: 'not_a_number',
        severity: 'error',
        message:
          "Ligne 3 : « 11a4 » dans la colonne « Inscrits » n'est pas un nombre entier ; ligne ignorée.",
      },
      {
        line: 5,
        code: 'not_a_number',
        severity: 'error',
        message:
          "Ligne 5 : « sept cents » dans la colonne « Exprimés » n'est pas un nombre entier ; ligne ignorée.",
      },
    ]);
    expect(stations.map((s) => s.line)).toEqual([2, 4, 6, 7, 8, 9, 10]);
    expect(report).toMatchObject({
      rows: 9,
      stations: 7,
      skipped: 2,
      problems: { not_a_number: 2 },
    });
  });

  it('reports letters in a candidate’s votes, an empty count and a negative one', async () => {
    const lines = presidentialLines();
    const cells = lines[1].split(';');
    cells[21 + 7 * 2 + 4] = '15l'; // MACRON's votes
    lines[1] = cells.join(';');
    lines[2] = lines[2].replace(';1164;300;', ';;300;');
    lines[3] = lines[3].replace(';1002;288;', ';-1002;288;');
    const { stations, problems } = await read(burvot(lines));
    expect(problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [
        2,
        'not_a_number',
        "Ligne 2 : « 15l » dans la colonne « Voix » (candidat 3) n'est pas un nombre entier ; ligne ignorée.",
      ],
      [3, 'empty_count', 'Ligne 3 : la colonne « Inscrits » est vide ; ligne ignorée.'],
      [4, 'not_a_number', expect.stringContaining('« -1002 »')],
    ]);
    expect(stations).toHaveLength(6);
  });

  it('accepts counts written with a decimal comma or thousands spaces (2024 files)', async () => {
    const lines = legislative2024Lines();
    lines[2] = lines[2].replace(';1170;760;', ';"1 170";"760,00";');
    const { stations, problems } = await read(Buffer.from(lines.join('\n') + '\n'));
    expect(problems).toEqual([]);
    expect(stations[1]).toMatchObject({ registered: 1170, voters: 760 });
  });

  it('reports a truncated last line (cut in a block, no line break)', async () => {
    const bytes = fixture('presidentielle-2022-t1-burvot.txt');
    const cut = bytes.subarray(0, bytes.length - 47);
    expect(cut.toString('latin1').endsWith(';POUTOU;Philippe;1;0,0')).toBe(true);
    const { stations, problems, report } = await read(cut);
    expect(problems).toEqual([
      {
        line: 10,
        code: 'block_cut_short',
        severity: 'error',
        message:
          "Ligne 10 : le bloc du candidat 11 s'arrête après 6 colonnes sur 7 (ligne tronquée ?) ; ligne ignorée.",
      },
    ]);
    expect(stations).toHaveLength(8);
    expect(report.skipped).toBe(1);
  });

  it('warns about a last line cut between two blocks: its votes do not add up', async () => {
    const bytes = fixture('presidentielle-2022-t1-burvot.txt');
    const cut = bytes.subarray(0, bytes.length - 40);
    expect(cut.toString('latin1').endsWith(';POUTOU;Philippe;1;0,05;0,17;')).toBe(true);
    const { stations, problems } = await read(cut);
    expect(problems).toEqual([
      {
        line: 10,
        code: 'votes_do_not_add_up',
        severity: 'warning',
        message: 'Ligne 10 : les voix des candidats font 589, pour 595 exprimés.',
      },
    ]);
    expect(stations[8].candidates).toHaveLength(11);
  });

  it('reports a last line cut in its fixed columns, and one cut in a 2024 block', async () => {
    const lines = presidentialLines();
    const short = await read(
      burvot([...lines.slice(0, -1), lines[lines.length - 1].slice(0, 30)], ''),
    );
    expect(short.problems.map((p) => [p.line, p.code])).toEqual([[10, 'row_cut_short']]);
    expect(short.problems[0].message).toMatch(
      /s'arrête après 2 colonnes alors que l'en-tête en demande au moins 21/,
    );
    // Cut in the percentages after Exprimés: still short of the first block.
    const cells = lines[lines.length - 1].split(';');
    const inPercentages = await read(burvot([...lines.slice(0, -1), cells.slice(0, 20).join(';')]));
    expect(inPercentages.problems.map((p) => [p.line, p.code])).toEqual([[10, 'row_cut_short']]);

    const lines2024 = legislative2024Lines();
    const last = lines2024[lines2024.length - 1];
    const cut = last.slice(0, last.indexOf('LOPEZ') + 3);
    const result = await read(Buffer.from([...lines2024.slice(0, -1), cut].join('\n')));
    expect(result.problems.map((p) => [p.line, p.code])).toEqual([[6, 'block_cut_short']]);
    expect(result.stations).toHaveLength(4);
  });

  it('takes trailing separators for empty cells, not for a block cut short', async () => {
    const lines = presidentialLines().map((line, i) => (i ? `${line};` : line));
    const { stations, problems } = await read(burvot(lines));
    expect(problems).toEqual([]);
    expect(stations).toHaveLength(9);
    expect(stations.every((s) => s.candidates.length === 12)).toBe(true);
  });

  it('reports a 2024 row with more filled cells than the header', async () => {
    const lines = legislative2024Lines();
    lines[1] += ';surplus';
    const { problems, stations } = await read(Buffer.from(lines.join('\n')));
    expect(problems.map((p) => [p.line, p.code])).toEqual([[2, 'too_many_cells']]);
    expect(stations).toHaveLength(4);
  });

  it('reports a candidate block without votes or without a name', async () => {
    const lines = legislative2024Lines();
    lines[1] = lines[1].replace(';BERNARD;Claire;FEMININ;200;', ';BERNARD;Claire;FEMININ;;');
    lines[2] = lines[2].replace(';PETIT;Louis;', ';;;');
    const { problems } = await read(Buffer.from(lines.join('\n')));
    expect(problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [
        2,
        'incomplete_candidate',
        "Ligne 2 : le candidat 1 (panneau 1) n'a pas de voix ; ligne ignorée.",
      ],
      [
        3,
        'incomplete_candidate',
        "Ligne 3 : le candidat 4 (panneau 4) n'a pas de nom ; ligne ignorée.",
      ],
    ]);
  });

  it('reports an empty polling-station code and a duplicate station', async () => {
    const lines = presidentialLines();
    lines[3] = lines[3].replace(';Ambérieu-en-Bugey;0002;', ';Ambérieu-en-Bugey;;');
    lines.push(lines[1]);
    const { problems, stations } = await read(burvot(lines));
    expect(problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [4, 'missing_code', 'Ligne 4 : la colonne « Code du b.vote » est vide ; ligne ignorée.'],
      [
        11,
        'duplicate_station',
        'Ligne 11 : le bureau 01001_0001 figure déjà ligne 2 ; ligne ignorée.',
      ],
    ]);
    expect(stations).toHaveLength(8);
  });

  it('keeps rows whose counts do not add up, with a warning', async () => {
    const lines = presidentialLines();
    const cells = lines[1].split(';');
    cells[21 + 4] = '600'; // ARTHAUD: 600 votes for 529 expressed
    lines[1] = cells.join(';');
    lines[2] = lines[2].replace(';1164;300;', ';1165;300;'); // 864 + 300 ≠ 1165
    const fourth = lines[3].split(';');
    fourth[12] = '12'; // Blancs: 11 → 12
    lines[3] = fourth.join(';');
    const { problems, stations, report } = await read(burvot(lines));
    expect(problems).toEqual([
      {
        line: 2,
        code: 'candidate_votes_exceed_expressed',
        severity: 'warning',
        message: 'Ligne 2 : ARTHAUD Nathalie (panneau 1) a 600 voix pour 529 exprimés.',
      },
      {
        line: 2,
        code: 'votes_do_not_add_up',
        severity: 'warning',
        message: 'Ligne 2 : les voix des candidats font 1126, pour 529 exprimés.',
      },
      {
        line: 3,
        code: 'turnout_does_not_add_up',
        severity: 'warning',
        message: 'Ligne 3 : votants (864) + abstentions (300) = 1164, pas 1165 inscrits.',
      },
      {
        line: 4,
        code: 'ballots_do_not_add_up',
        severity: 'warning',
        message: 'Ligne 4 : blancs (12) + nuls (3) + exprimés (700) = 715, pas 714 votants.',
      },
    ]);
    expect(stations).toHaveLength(9);
    expect(stations[0].candidates[0].votes).toBe(600);
    expect(report).toMatchObject({
      stations: 9,
      skipped: 0,
      problems: {
        candidate_votes_exceed_expressed: 1,
        votes_do_not_add_up: 1,
        turnout_does_not_add_up: 1,
        ballots_do_not_add_up: 1,
      },
    });
  });

  it('keeps a row without INSEE code, with a warning, and counts it', async () => {
    const lines = presidentialLines();
    lines[7] = lines[7].replace(';701;Saint-Barthélemy;', ';5;Îles du Nord;');
    const { problems, stations, report } = await read(burvot(lines));
    expect(problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [8, 'no_insee_code', 'warning'],
    ]);
    expect(problems[0].message).toMatch(/Saint-Barthélemy ou Saint-Martin/);
    expect(stations[6]).toMatchObject({ departmentCode: 'ZX', communeCode: null, stationId: null });
    expect(report).toMatchObject({ stations: 9, withoutCommuneCode: 1, abroad: 1 });
  });

  it('computes Votants from Abstentions (or the reverse) and leaves Blancs / Nuls null when absent', async () => {
    const text =
      'Code du département;Code de la commune;Code du b.vote;Inscrits;Abstentions;Blancs et nuls;Exprimés;N°Panneau;Nom;Voix\r\n' +
      '01;1;1;100;40;5;55;1;A;30;2;B;25\r\n';
    const { stations, problems } = await read(Buffer.from(text));
    expect(problems).toEqual([]);
    expect(stations[0]).toMatchObject({
      registered: 100,
      abstentions: 40,
      voters: 60,
      blank: null,
      invalid: null,
      expressed: 55,
      stationId: '01001_0001',
      departmentName: null,
      constituencyCode: null,
      communeName: '',
    });
    expect(stations[0].candidates.map((c) => [c.panel, c.lastName, c.votes, c.sex])).toEqual([
      [1, 'A', 30, null],
      [2, 'B', 25, null],
    ]);
    const votants = await read(
      Buffer.from(
        'Code dpt;Code commune;Code B.Vote;Inscrits;Votants;Exprimés;Nom;Voix\n01;1;1;100;120;100;A;100\n',
      ),
    );
    expect(votants.stations[0]).toMatchObject({ voters: 120, abstentions: 0 });
    expect(votants.problems.map((p) => p.code)).toEqual(['turnout_does_not_add_up']);
  });

  it('reports a broken quote on its line and reads the next ones', async () => {
    const lines = presidentialLines();
    lines[2] = lines[2].replace(';Ambérieu-en-Bugey;', ';"Ambérieu-en-Bugey;');
    const { problems, stations } = await read(burvot(lines));
    expect(problems.map((p) => [p.line, p.code])).toEqual([[3, 'broken_quote']]);
    expect(stations.map((s) => s.line)).toEqual([2, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reports a line over the CSV reader’s limit and reads the next ones', async () => {
    const lines = presidentialLines();
    lines.splice(2, 0, `01;Ain;${'x'.repeat(MAX_RECORD_CHARS + 10)}`);
    const { problems, stations } = await read(burvot(lines), 64 * 1024);
    expect(problems).toEqual([
      {
        line: 3,
        code: 'line_too_long',
        severity: 'error',
        message: `Ligne 3 : la ligne dépasse ${MAX_RECORD_CHARS.toLocaleString('fr-FR')} caractères ; ligne ignorée.`,
      },
    ]);
    expect(stations.map((s) => s.line)).toEqual([2, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('drops a line over MAX_LINE_BYTES without keeping it, and reads the next ones', async () => {
    const lines = presidentialLines();
    lines.splice(2, 0, 'é'.repeat(MAX_LINE_BYTES * 2));
    const started = performance.now();
    const { problems, stations } = await read(burvot(lines), 16 * 1024);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[3, 'line_too_long']]);
    expect(stations.map((s) => s.line)).toEqual([2, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(stations[1].communeName).toBe('Ambérieu-en-Bugey');
    // Bounded work: without the cap, 8 MB fed in 16 KiB chunks is copied over and over.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a header line over the limit', async () => {
    const { error } = await refusal(
      Buffer.from(`${'x;'.repeat(MAX_RECORD_CHARS)}\n01;1\n`),
      64 * 1024,
    );
    expect(error.code).toBe('unreadable_header');
  });

  it('throws the refusal again if pushed to after it', async () => {
    const { ResultsParser } = await import('./parse.ts');
    const parser = new ResultsParser();
    parser.push(Buffer.from('email;nom\n'));
    expect(() => parser.end()).toThrow(ResultsFileError);
    expect(() => parser.push(Buffer.from('x'))).toThrow(/Code du b\.vote/);
  });
});
