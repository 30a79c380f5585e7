import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chunked } from '../../field/addresses/testing.ts';
import {
  CALL_LIST_BATCH_SIZE,
  CallListFileError,
  collectCallList,
  readCallList,
  type CallListEvent,
} from './call-list.ts';

const now = new Date('2025-06-01T12:00:00Z');

/** A file's bytes from its lines (header first), UTF-8, LF unless told. */
const file = (lines: string[], eol = '\n') => Buffer.from(lines.map((l) => `${l}${eol}`).join(''));

const read = (data: Uint8Array, size?: number) => collectCallList(chunked(data, size), { now });

async function refusal(data: Uint8Array): Promise<{ error: CallListFileError; before: number }> {
  let before = 0;
  try {
    for await (const _event of readCallList(chunked(data), { now })) before++;
  } catch (error) {
    if (error instanceof CallListFileError) return { error, before };
    throw error;
  }
  throw new Error('The file was not refused');
}

const HEADER = 'Téléphone;Date de consentement;Source;Créneau;Prénom;Nom;Code commune';

describe('a call list with every column (semicolons, UTF-8)', () => {
  const list = file([
    HEADER,
    '06 12 34 56 78;12/03/2024 14:30;Formulaire du site, page adhésion;lun-ven 10:00-13:00;Marie;Durand;75056',
    '0690 12 34 56;2024-03-12;Réunion publique du 12 mars;sam 9h-12h;Jean;Pierre;97120',
    '+262 692 12 34 56;01/02/2024;Pétition papier n° 12;;;;',
    '09 51 23 45 67;01/02/2024 08h05;Appel entrant;lun,mer 18h-20h;;Martin;1004',
    '+32 470 12 34 56;2024-01-01T10:00:00Z;Salon de Bruxelles;;Anna;;',
  ]);

  it('reads every number with its consent evidence, in line order', async () => {
    const { rows } = await read(list);
    expect(rows[0]).toEqual({
      line: 2,
      e164: '+33612345678',
      numberClass: 'mobile',
      territory: 'metropole',
      consentAt: new Date('2024-03-12T13:30:00Z'),
      consentSource: 'Formulaire du site, page adhésion',
      slot: { weekdays: [1, 2, 3, 4, 5], from: '10:00', to: '13:00' },
      firstName: 'Marie',
      lastName: 'Durand',
      communeCode: '75056',
    });
    expect(rows.map((row) => [row.line, row.e164, row.numberClass, row.territory])).toEqual([
      [2, '+33612345678', 'mobile', 'metropole'],
      [3, '+590690123456', 'mobile', '971'],
      [4, '+262692123456', 'mobile', '974'],
      [5, '+33951234567', 'voip', 'metropole'],
      [6, '+32470123456', 'mobile', null],
    ]);
    expect(rows[2]).toMatchObject({
      slot: null,
      firstName: null,
      lastName: null,
      communeCode: null,
    });
    // A commune code that lost its leading zero gets it back.
    expect(rows[3]).toMatchObject({
      communeCode: '01004',
      consentAt: new Date('2024-02-01T07:05:00Z'),
    });
  });

  it('reports the counts by class and territory', async () => {
    const { report } = await read(list);
    expect(report).toEqual({
      encoding: 'utf-8',
      delimiter: ';',
      columns: {
        names: HEADER.split(';'),
        ignored: [],
        missingOptional: [],
      },
      rows: 5,
      kept: 5,
      skipped: 0,
      duplicates: 0,
      byClass: { mobile: 4, geographic: 0, voip: 1, special: 0 },
      byTerritory: {
        metropole: 2,
        '971': 1,
        '972': 0,
        '973': 0,
        '974': 1,
        '975': 0,
        '976': 0,
        '977': 0,
        '978': 0,
        '986': 0,
        '987': 0,
        '988': 0,
        foreign: 1,
      },
      withoutSlot: 2,
      problems: [],
      warnings: [],
    });
  });

  it('reads the same whatever the chunks, CRLF line ends too', async () => {
    const whole = await read(list);
    for (const size of [1, 3, 17, 64])
      expect(await read(list, size), `chunks of ${size}`).toEqual(whole);
    const crlf = file(HEADER.split('\n').concat(list.toString().split('\n').slice(1, -1)), '\r\n');
    expect((await read(crlf)).rows).toEqual(whole.rows);
  });
});

describe('other shapes of call list', () => {
  it('reads commas, English names in any order, quoted cells, and ignores other columns', async () => {
    const { rows, report } = await read(
      file([
        'email,Consent_Source,PHONE,consent_at,first_name,last_name,slot',
        'a@example.org,"Web form, page 2",+33 6 12 34 56 78,2024-03-12 09:00,Ann,"O\'Neil, Jr",mon-fri 10-13',
        'b@example.org,"He said ""yes""",0781234567,12/03/2024,,,',
      ]),
    );
    expect(report.delimiter).toBe(',');
    expect(report.columns.ignored).toEqual(['email']);
    expect(report.columns.missingOptional).toEqual(['code_commune']);
    expect(rows).toEqual([
      expect.objectContaining({
        e164: '+33612345678',
        consentSource: 'Web form, page 2',
        consentAt: new Date('2024-03-12T08:00:00Z'),
        firstName: 'Ann',
        lastName: "O'Neil, Jr",
        slot: { weekdays: [1, 2, 3, 4, 5], from: '10:00', to: '13:00' },
      }),
      expect.objectContaining({ e164: '+33781234567', consentSource: 'He said "yes"' }),
    ]);
  });

  it('reads a UTF-8 file with a byte order mark', async () => {
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      file(['téléphone;consentement;preuve;créneau;prénom', '0612345678;12/03/2024;Fête;;Hélène']),
    ]);
    const { rows, report } = await read(bom);
    expect(report.encoding).toBe('utf-8');
    expect(report.columns.names[0]).toBe('téléphone');
    expect(report.warnings).toEqual([]);
    expect(rows[0]).toMatchObject({
      e164: '+33612345678',
      consentSource: 'Fête',
      firstName: 'Hélène',
    });
  });

  it('reads a Windows-1252 file, as Excel saves a French CSV, with a warning', async () => {
    // "é" is 0xe9 and "’" 0x92 in Windows-1252: neither is UTF-8.
    const latin = Buffer.concat([
      Buffer.from('T', 'latin1'),
      Buffer.from('éléphone;Date_consentement;Source;Créneau;Prénom\r\n', 'latin1'),
      Buffer.from('06 12 34 56 78;12/03/2024;Pr', 'latin1'),
      Buffer.from([0xea, 0x74, 0x20, 0x92]),
      Buffer.from('élu;lun-ven 10h-12h;Hélène\r\n', 'latin1'),
    ]);
    for (const size of [undefined, 5]) {
      const { rows, report } = await read(latin, size);
      expect(report.encoding).toBe('windows-1252');
      expect(report.warnings).toEqual([
        expect.stringMatching(/^Le fichier n’est pas en UTF-8 : il a été lu en Windows-1252/),
      ]);
      expect(rows[0]).toMatchObject({ consentSource: 'Prêt ’élu', firstName: 'Hélène' });
    }
  });

  it('reads a file without a slot column, and says automated calls need one', async () => {
    const { rows, report } = await read(
      file(['phone;consent_at;source', '0612345678;2024-03-12;web']),
    );
    expect(rows).toHaveLength(1);
    expect(report.withoutSlot).toBe(1);
    expect(report.warnings).toEqual([
      expect.stringContaining(
        'La colonne « créneau » manque : aucun numéro n’a de créneau accepté',
      ),
    ]);
  });
});

describe('rows skipped and kept with warnings', () => {
  it('skips half the rows, counting each problem by code with its lines', async () => {
    const { rows, report } = await read(
      file([
        'mobile;date_consentement;source;creneau',
        '06 12 34 56 01;12/03/2024;web;',
        'pas de numéro;12/03/2024;web;',
        '06 12 34 56 02;12/03/2024;web;',
        '06 12 34;12/03/2024;web;',
        '06 12 34 56 03;12/03/2024;web;',
        '04 01 23 45 67;12/03/2024;web;',
        '06 12 34 56 04;;web;',
        '06 12 34 56 05;31/02/2024;web;',
        '06 12 34 56 06;12/03/2024;;',
        '08 00 12 34 56;12/03/2024;web;',
        '06 12 34 56 07;12/03/2024;web;',
        ';12/03/2024;web;',
        '+999 12 34 56 78;12/03/2024;web;',
        '06 12 34 56 08;12/03/2024;web;tous les jours',
        '06 12 34 56 09;12/03/2024',
        '06 12 34 56 10;12/03/2024;web;',
        '3949;12/03/2024;web;',
        '06 12 34 56 11;01/01/2026;web;',
        ';;;',
      ]),
    );
    expect(rows.map((row) => row.line)).toEqual([2, 4, 6, 12, 15, 17]);
    expect(report).toMatchObject({ rows: 18, kept: 6, skipped: 12, duplicates: 0 });
    const problems = Object.fromEntries(
      report.problems.map(({ code, severity, count, lines }) => [code, { severity, count, lines }]),
    );
    expect(problems).toEqual({
      phone_not_a_number: { severity: 'error', count: 1, lines: [3] },
      phone_too_short: { severity: 'error', count: 1, lines: [5] },
      phone_unknown_prefix: { severity: 'error', count: 1, lines: [7] },
      missing_consent_date: { severity: 'error', count: 1, lines: [8] },
      bad_consent_date: { severity: 'error', count: 2, lines: [9, 19] },
      missing_consent_source: { severity: 'error', count: 1, lines: [10] },
      special_number: { severity: 'error', count: 2, lines: [11, 18] },
      missing_phone: { severity: 'error', count: 1, lines: [13] },
      phone_unknown_country: { severity: 'error', count: 1, lines: [14] },
      row_cut_short: { severity: 'error', count: 1, lines: [16] },
      bad_slot: { severity: 'warning', count: 1, lines: [15] },
    });
    for (const problem of report.problems) expect(problem.message, problem.code).toMatch(/\S/);
    expect(report.problems.find((p) => p.code === 'missing_consent_date')?.message).toBe(
      'Date du consentement vide : ligne ignorée.',
    );
  });

  it('keeps the first of a number written several ways, and counts the others', async () => {
    const { rows, report } = await read(
      file([
        'tel;consent_at;preuve',
        '06 12 34 56 78;12/03/2024;a',
        '0690 12 34 56;12/03/2024;b',
        '+33 6 12 34 56 78;13/03/2024;c',
        '612345678;14/03/2024;d',
        // Skipped for its date: the next one with this number is the first kept.
        '0781234567;;e',
        '07 81 23 45 67;15/03/2024;f',
        '+590 690 12 34 56;16/03/2024;g',
      ]),
    );
    expect(rows.map((row) => [row.line, row.consentSource])).toEqual([
      [2, 'a'],
      [3, 'b'],
      [7, 'f'],
    ]);
    expect(report).toMatchObject({ rows: 7, kept: 3, skipped: 4, duplicates: 3 });
    expect(report.problems.find((p) => p.code === 'duplicate_phone')).toMatchObject({
      count: 3,
      lines: [4, 5, 8],
    });
  });

  it('skips a line over 10 kB, cuts a source over 200 characters, drops a bad commune code', async () => {
    const { rows, report } = await read(
      file([
        'phone;consent_at;source;code_commune',
        `0612345601;12/03/2024;${'x'.repeat(20_000)};`,
        `0612345602;12/03/2024;${'y'.repeat(250)};2A004`,
        '0612345603;12/03/2024;web;ABCDE',
        `0612345604;12/03/2024;web;${';'.repeat(10_300)}`,
        `0612345605;12/03/2024;${'z'.repeat(9_000)};`,
      ]),
    );
    expect(rows.map((row) => row.line)).toEqual([3, 4, 6]);
    expect(rows[0].consentSource).toBe('y'.repeat(200));
    expect(rows[0].communeCode).toBe('2A004');
    expect(rows[1].communeCode).toBeNull();
    expect(rows[2].consentSource).toBe('z'.repeat(200));
    expect(report.problems.map(({ code, count, lines }) => [code, count, lines])).toEqual([
      ['line_too_long', 2, [2, 5]],
      ['consent_source_cut', 2, [3, 6]],
      ['bad_commune_code', 1, [4]],
    ]);
  });
});

describe('files refused', () => {
  it('refuses a file without a phone column, naming the columns it has', async () => {
    const { error, before } = await refusal(
      file(['Nom;Prénom;Email;Date de consentement', 'Durand;Marie;m@example.org;12/03/2024']),
    );
    expect(before).toBe(0);
    expect(error.code).toBe('not_a_call_list');
    expect(error.status).toBe(422);
    expect(error.message).toMatch(
      /^Ce fichier n'est pas une liste d'appel : aucune colonne de numéro/,
    );
    expect(error.message).toContain(
      'Colonnes trouvées : « Nom », « Prénom », « Email », « Date de consentement ».',
    );
  });

  it('refuses a list of numbers without the consent’s date or source', async () => {
    const { error } = await refusal(file(['téléphone;nom', '0612345678;Durand']));
    expect(error.code).toBe('missing_columns');
    expect(error.message).toContain('les colonnes « date_consentement » et « source » manquent');
    const noSource = await refusal(file(['téléphone;consentement', '0612345678;12/03/2024']));
    expect(noSource.error.message).toContain('la colonne « source » manque');
  });

  it('refuses empty, header-only and binary files', async () => {
    expect((await refusal(Buffer.alloc(0))).error.code).toBe('empty_file');
    expect((await refusal(file(['phone;consent_at;source']))).error.code).toBe('no_rows');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0)]);
    expect((await refusal(pdf)).error).toMatchObject({ code: 'not_text' });
  });
});

describe('streaming', () => {
  it('reads a Readable', async () => {
    const source = Readable.from([file(['phone;consent_at;source', '0612345678;2024-03-12;web'])]);
    const { rows } = await collectCallList(source, { now });
    expect(rows.map((row) => row.e164)).toEqual(['+33612345678']);
  });

  it('reads 200,000 lines in batches as they come, without holding the file', async () => {
    const LINES = 200_000;
    const CHUNK_LINES = 1000;
    let produced = 0;
    async function* generated() {
      yield Buffer.from('phone;consent_at;source;slot\n');
      for (let first = 0; first < LINES; first += CHUNK_LINES) {
        let text = '';
        for (let i = first; i < first + CHUNK_LINES; i++) {
          // Every 50th line repeats the number of line 1: kept once.
          const number = i % 50 === 49 ? 0 : i;
          text += `06${String(number).padStart(8, '0')};12/03/2024;web;lun-ven 10-13\n`;
        }
        produced += CHUNK_LINES;
        yield Buffer.from(text);
      }
    }

    const batches: number[] = [];
    let yielded = 0;
    let mostAhead = 0;
    let producedAtFirstBatch = 0;
    let last: CallListEvent | null = null;
    for await (const event of readCallList(generated(), { now })) {
      last = event;
      if (event.type !== 'numbers') continue;
      if (batches.length === 0) producedAtFirstBatch = produced;
      batches.push(event.rows.length);
      // Lines of the source read and not yet given: a batch and a chunk at most.
      yielded = event.rows[event.rows.length - 1].line - 1;
      mostAhead = Math.max(mostAhead, produced - yielded);
    }

    const duplicates = LINES / 50;
    expect(producedAtFirstBatch).toBeLessThanOrEqual(CALL_LIST_BATCH_SIZE + CHUNK_LINES);
    expect(mostAhead).toBeLessThanOrEqual(CALL_LIST_BATCH_SIZE + 2 * CHUNK_LINES);
    // Full batches, the rest in the last one.
    const kept = LINES - duplicates;
    expect(batches).toEqual([
      ...new Array<number>(Math.floor(kept / CALL_LIST_BATCH_SIZE)).fill(CALL_LIST_BATCH_SIZE),
      kept % CALL_LIST_BATCH_SIZE,
    ]);
    expect(last?.type).toBe('report');
    if (last?.type === 'report') {
      expect(last.report).toMatchObject({
        rows: LINES,
        kept,
        duplicates,
        byClass: { mobile: kept },
        withoutSlot: 0,
      });
    }
  });
});
