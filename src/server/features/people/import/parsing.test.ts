import { describe, expect, it } from 'vitest';
import { geoReference } from '../../../core/geo/communes.ts';
import { csvCell } from '../export.ts';
import { CsvParser, detectDelimiter, MAX_RECORD_CHARS, type Delimiter } from './csv.ts';
import { binaryReason, createDecoder, EncodingDetector } from './encoding.ts';
import { fieldIndexes, suggestMapping } from './mapping.ts';
import { RowValidator } from './rows.ts';

function parse(text: string, delimiter: Delimiter = ',', chunk = 3, width = 0, singleLine = false) {
  const out: Array<[number, string[]] | [number, string]> = [];
  const parser = new CsvParser(delimiter, {
    record: (line, fields) => out.push([line, fields]),
    problem: (line, code) => out.push([line, code]),
  });
  parser.expectedFields = width;
  if (singleLine) parser.acceptMultiline = (fields) => !fields.some((f) => f.includes('\n'));
  // Small chunks: records and quotes cut anywhere must parse the same.
  for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  parser.end();
  return out;
}

describe('CSV parser', () => {
  it('reads quoted values, doubled quotes, CRLF and multi-line values with their line numbers', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",z\n3,4,5';
    for (const chunk of [1, 2, 5, 1000]) {
      expect(parse(text, ',', chunk)).toEqual([
        [1, ['a', 'b', 'c']],
        [2, ['1', 'x, y', 'say "hi"']],
        [4, ['2', 'two\nlines', 'z']],
        [6, ['3', '4', '5']],
      ]);
    }
  });

  it('reports an unterminated quote on its line and reads the following lines', () => {
    const text = 'email,name\na@x.org,"Ann\nb@x.org,Bob\nc@x.org,Cy\n';
    expect(parse(text, ',', 4, 2)).toEqual([
      [1, ['email', 'name']],
      [2, 'unterminated_quote'],
      [3, ['b@x.org', 'Bob']],
      [4, ['c@x.org', 'Cy']],
    ]);
  });

  it('reports characters after a closing quote and resumes on the next line', () => {
    const text = 'email,name\na@x.org,"Ann"x\nb@x.org,"Bob"\n';
    expect(parse(text, ',', 7, 2)).toEqual([
      [1, ['email', 'name']],
      [2, 'malformed_quote'],
      [3, ['b@x.org', 'Bob']],
    ]);
  });

  it('does not let a stray quote swallow the next lines', () => {
    const text = 'email,name\na@x.org,"Ann\nb@x.org,Bob"\nc@x.org,Cy\n';
    expect(parse(text, ',', 100, 2, true)).toEqual([
      [1, ['email', 'name']],
      [2, 'unterminated_quote'],
      [3, ['b@x.org', 'Bob"']],
      [4, ['c@x.org', 'Cy']],
    ]);
  });

  it('skips a quoted cell over the limit to its end: one error on its line, no phantom row', () => {
    const big = 'x'.repeat(2 * MAX_RECORD_CHARS);
    const text = `email,note\na@x.org,"${big}"\nb@x.org,ok\n`;
    for (const chunk of [1 << 20, 64 * 1024]) {
      expect(parse(text, ',', chunk, 2)).toEqual([
        [1, ['email', 'note']],
        [2, 'cell_too_long'],
        [3, ['b@x.org', 'ok']],
      ]);
    }
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('email;prénom;nom')).toBe(';');
    expect(detectDelimiter('email\tname')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('email')).toBe(',');
  });
});

describe('encoding', () => {
  const detect = (bytes: Buffer, chunk = 1) => {
    const d = new EncodingDetector();
    for (let i = 0; i < bytes.length; i += chunk) d.push(bytes.subarray(i, i + chunk));
    return d.result();
  };

  it('keeps UTF-8 even when a character is cut between chunks, and falls back to windows-1252', () => {
    expect(detect(Buffer.from('prénom;nom\nÉlodie;Müller €\n'), 1)).toBe('utf-8');
    const latin = Buffer.from([0x70, 0x72, 0xe9, 0x6e, 0x6f, 0x6d, 0x0a, 0x80]); // "prénom\n€" in cp1252
    expect(detect(latin)).toBe('windows-1252');
    const decoder = createDecoder('windows-1252');
    expect(decoder.write(latin) + decoder.end()).toBe('prénom\n€');
  });

  it('reads CR-only line breaks (old Mac spreadsheets) as lines', () => {
    for (const encoding of ['utf-8', 'windows-1252'] as const) {
      const decoder = createDecoder(encoding);
      const bytes = Buffer.from('email;nom\ra@b.fr;Dupont\rc@d.fr;Durand\r');
      let text = '';
      for (let i = 0; i < bytes.length; i += 4) text += decoder.write(bytes.subarray(i, i + 4));
      expect(text + decoder.end()).toBe('email;nom\na@b.fr;Dupont\nc@d.fr;Durand\n');
    }
    const utf16 = createDecoder('utf-16le');
    expect(utf16.write(Buffer.from('\ufeffa\rb\r', 'utf16le')) + utf16.end()).toBe('a\nb\n');
  });

  it('decodes one Latin-1 line of a UTF-8 file as Windows-1252 and names it', () => {
    const bytes = Buffer.concat([
      Buffer.from('prénom;nom\nÉlodie;Müller\n'),
      Buffer.from('Hélène;Noël\n', 'latin1'),
      Buffer.from('Zoé;Août\n'),
    ]);
    expect(detect(bytes, 5)).toBe('utf-8');
    const lines: number[] = [];
    const decoder = createDecoder('utf-8', (line) => lines.push(line));
    let text = '';
    for (let i = 0; i < bytes.length; i += 7) text += decoder.write(bytes.subarray(i, i + 7));
    expect(text + decoder.end()).toBe('prénom;nom\nÉlodie;Müller\nHélène;Noël\nZoé;Août\n');
    expect(lines).toEqual([3]);
    // A file in Windows-1252 throughout is that, with no warning per line.
    const latin = Buffer.from('prénom;nom\nHélène;Noël\n', 'latin1');
    expect(detect(latin, 3)).toBe('windows-1252');
  });

  it('gives the same lines whatever the chunks, a long line and a CR LF cut between two', () => {
    const long = 'x'.repeat(200_000);
    for (const eol of ['\n', '\r\n', '\r']) {
      const source = `email;nom${eol}${long};Dupont${eol}a@b.fr;Durand${eol}`;
      const bytes = Buffer.from(source);
      for (const size of [1, 2, 7, 16_384]) {
        const decoder = createDecoder('utf-8');
        let text = '';
        for (let i = 0; i < bytes.length; i += size)
          text += decoder.write(bytes.subarray(i, i + size));
        // CR alone becomes LF; CR LF stays, for the CSV reader.
        const expected = eol === '\r' ? source.replaceAll('\r', '\n') : source;
        expect(text + decoder.end(), `${JSON.stringify(eol)} by ${size}`).toBe(expected);
      }
    }
    // A file with no line break at all is read to its end, all of it.
    const decoder = createDecoder('utf-8');
    let text = '';
    for (let i = 0; i < 64; i++) text += decoder.write(Buffer.alloc(16_384, 0x61));
    expect((text + decoder.end()).length).toBe(64 * 16_384);
  });

  it('strips a UTF-8 BOM', () => {
    const decoder = createDecoder('utf-8');
    expect(decoder.write(Buffer.from('\ufeffemail\n')) + decoder.end()).toBe('email\n');
  });

  it('recognises binary files and workbooks', () => {
    expect(binaryReason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(/xlsx/);
    expect(binaryReason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toMatch(/binary/);
    expect(binaryReason(Buffer.from('email;nom\na@b.fr;Dupont\n'))).toBeNull();
  });
});

describe('mapping suggestions', () => {
  it('maps French and English headers', () => {
    expect(
      suggestMapping([
        'E-mail',
        'Prénom',
        'NOM',
        'Téléphone',
        'Code postal',
        'Code INSEE',
        'Étiquettes',
        'Opt-in SMS',
        'Consentement e-mail',
        'Notes',
      ]),
    ).toEqual({
      'E-mail': 'email',
      Prénom: 'firstName',
      NOM: 'lastName',
      Téléphone: 'phone',
      'Code postal': 'postalCode',
      'Code INSEE': 'communeCode',
      Étiquettes: 'tags',
      'Opt-in SMS': 'consentSms',
      'Consentement e-mail': 'consentEmail',
    });
    expect(suggestMapping(['courriel', 'first name', 'last_name', 'mobile', 'cp', 'zip'])).toEqual({
      courriel: 'email',
      'first name': 'firstName',
      last_name: 'lastName',
      mobile: 'phone',
      cp: 'postalCode',
    });
  });

  it('maps a town column to the commune, whose names are read beside the postal code', () => {
    for (const header of ['Ville', 'Commune', 'City'])
      expect(suggestMapping(['email', 'Code postal', header])).toEqual({
        email: 'email',
        'Code postal': 'postalCode',
        [header]: 'communeCode',
      });
    expect(suggestMapping(['email', 'Code commune'])).toMatchObject({
      'Code commune': 'communeCode',
    });
  });

  it('maps the columns of our own export back', () => {
    const headers = [
      'id',
      'email',
      'first_name',
      'last_name',
      'phone',
      'postal_code',
      'commune_code',
      'commune_name',
      'tags',
      'consent_email',
      'consent_sms',
      'consent_phone',
    ];
    expect(Object.values(suggestMapping(headers)).sort()).toEqual(
      [
        'communeCode',
        'consentEmail',
        'consentPhone',
        'consentSms',
        'email',
        'firstName',
        'lastName',
        'phone',
        'postalCode',
        'tags',
      ].sort(),
    );
  });
});

describe('row validation', () => {
  const headers = ['email', 'prenom', 'nom', 'tel', 'cp', 'commune', 'tags', 'optin email'];
  const validator = new RowValidator(
    geoReference(),
    // A "commune" column is left unmapped unless the user maps it: here it is.
    fieldIndexes(headers, { ...suggestMapping(headers), commune: 'communeCode' }),
    headers.length,
  );

  it('normalises a good row', () => {
    const result = validator.validate(2, [
      ' Ann@Example.ORG ',
      'Ann',
      'Lee',
      '06 12 34 56 78',
      '1400',
      'Châtillon-sur-Chalaronne',
      'a; b|a',
      'oui',
    ]);
    expect(result?.row).toMatchObject({
      key: 'ann@example.org',
      email: 'Ann@Example.ORG',
      phone: '+33612345678',
      postalCode: '01400',
      communeCode: '01093',
      departementCode: '01',
      tags: ['a', 'b'],
      consentEmail: true,
    });
  });

  it('reports each bad field with a stable code', () => {
    const result = validator.validate(7, [
      'nope',
      'x'.repeat(101),
      '',
      '12',
      '99999',
      '',
      '',
      'peut-être',
    ]);
    expect(result?.errors?.map((e) => `${e.line}:${e.field}:${e.code}`)).toEqual([
      '7:email:invalid_email',
      '7:phone:invalid_phone',
      '7:firstName:too_long',
      '7:postalCode:unknown_postal_code',
      '7:consentEmail:invalid_consent',
    ]);
    expect(validator.validate(8, ['', 'Ann', '', '', '', '', '', ''])?.errors?.[0].code).toBe(
      'missing_identifier',
    );
    expect(validator.validate(9, ['a@b.fr', 'Ann'])?.errors?.[0].code).toBe('wrong_column_count');
    expect(validator.validate(10, ['', '', '', '', '', '', '', ''])).toBeNull();
  });

  it('keeps an ambiguous postal code without a commune, and drops the apostrophe of our export', () => {
    const result = validator.validate(3, [
      'a@b.fr',
      "'=Ann",
      '',
      "'+33612345678",
      '01400',
      '',
      '',
      '',
    ]);
    expect(result?.row).toMatchObject({
      firstName: '=Ann',
      phone: '+33612345678',
      postalCode: '01400',
      communeCode: null,
      departementCode: '01',
    });
    expect(result?.warnings).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'postalCode',
        code: 'commune_ambiguous',
        severity: 'warning',
        message: expect.stringContaining('01400'),
      }),
    ]);
    // One commune for the postal code, or a commune given: nothing to warn about.
    const named = validator.validate(4, [
      'a@b.fr',
      '',
      '',
      '',
      '01400',
      'Châtillon-sur-Chalaronne',
      '',
      '',
    ]);
    expect(named?.warnings).toEqual([]);
  });
});

describe('CSV cells out', () => {
  it('quotes when needed and neutralises formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+33612345678')).toBe("'+33612345678");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(csvCell(null)).toBe('');
  });
});
