import { describe, expect, it } from 'vitest';
import { reuRows } from './fixtures/generate.ts';
import { ReuAddressParser, ReuFileError } from './parse.ts';
import { events, fixture, read, refusal } from './testing.ts';
import type { ReuAddress } from './types.ts';

/** What two readings of the same table must agree on (`rawStationId` and `line` aside). */
const essentials = (list: ReuAddress[]) =>
  list.map(({ line: _line, rawStationId: _raw, ...rest }) => rest);

describe('table-adresses-reu.csv (INSEE’s layout: `,`, UTF-8, quoted labels)', () => {
  it('reads every row, with the station id the results reader gives', async () => {
    const { addresses, report } = await read(fixture('table-adresses-reu.csv'));
    expect(addresses).toHaveLength(reuRows.length);
    expect(addresses[0]).toEqual({
      line: 2,
      communeCode: '01001',
      stationCode: '0001',
      stationId: '01001_0001',
      rawStationId: '01001_1',
      banId: '01001_0120_00001',
      geoType: 'housenumber',
      geoScore: 0.97,
      lon: 4.921026,
      lat: 46.153536,
      label: "1 Route de Clémenciat 01400 L'Abergement-Clémenciat",
      addressCount: 2,
      stationsInCommune: 1,
    });
    expect(report).toMatchObject({
      encoding: 'utf-8',
      gzip: false,
      delimiter: ',',
      rows: reuRows.length,
      addresses: reuRows.length,
      skipped: 0,
      stations: 7,
      communes: 4,
      withoutBanId: 2,
      withoutPosition: 0,
      geoTypes: { housenumber: 11, street: 2, locality: 1, municipality: 1, interpolation: 1 },
      warnings: [],
    });
    expect(report.problems.map((p) => [p.code, p.severity, p.lines])).toEqual([
      ['bano_id', 'warning', [13]],
      ['no_ban_id', 'warning', [14]],
    ]);
    expect(report.columns.ignored).toEqual(['reconstitution_code_commune', 'api_line']);
    expect(report.columns.missingOptional).toEqual([]);
  });

  it('reads street, lieu-dit and commune matches, and a label holding a comma', async () => {
    const { addresses } = await read(fixture('table-adresses-reu.csv'));
    expect(addresses.slice(3, 6).map((a) => [a.banId, a.geoType])).toEqual([
      ['01001_0120', 'street'],
      ['01001_b012', 'locality'],
      ['01001', 'municipality'],
    ]);
    expect(addresses.find((a) => a.banId === '01004_k7x2pq_00015')).toMatchObject({
      stationId: '01004_0002',
      label: '15 Impasse des Tilleuls, Résidence Les Charmes 01500 Ambérieu-en-Bugey',
      addressCount: 12,
      stationsInCommune: 3,
    });
  });

  it('pads station codes as the results reader does (Corsica, Guadeloupe)', async () => {
    const { addresses } = await read(fixture('table-adresses-reu.csv'));
    expect(addresses.slice(-3).map((a) => [a.rawStationId, a.stationCode, a.stationId])).toEqual([
      ['2A004_1', '0001', '2A004_0001'],
      ['2A004_12', '0012', '2A004_0012'],
      ['97120_3', '0003', '97120_0003'],
    ]);
  });

  it('keeps a BANO match and an interpolation without id, with their positions', async () => {
    const { addresses } = await read(fixture('table-adresses-reu.csv'));
    expect(addresses[11]).toMatchObject({ banId: null, geoType: 'housenumber', lon: 5.349811 });
    expect(addresses[12]).toMatchObject({ banId: null, geoType: 'interpolation', lat: 45.95795 });
  });

  it('reads the same rows from any chunking, one byte at a time included', async () => {
    const bytes = fixture('table-adresses-reu.csv');
    const whole = await read(bytes);
    for (const size of [1, 2, 5, 64, 333]) {
      expect(await read(bytes, size), `chunks of ${size}`).toEqual(whole);
    }
  });

  it('yields rows in batches of the size asked, then the report', async () => {
    const list = await events(fixture('table-adresses-reu.csv'), 50, 6);
    expect(list.map((e) => (e.type === 'addresses' ? e.addresses.length : e.type))).toEqual([
      6,
      6,
      4,
      'report',
    ]);
  });
});

describe('table-adresses-reu.csv.gz', () => {
  it('is inflated as it streams, with the same rows, one byte at a time too', async () => {
    const plain = await read(fixture('table-adresses-reu.csv'));
    for (const size of [undefined, 1]) {
      const { addresses, report } = await read(fixture('table-adresses-reu.csv.gz'), size);
      expect(addresses).toEqual(plain.addresses);
      expect(report).toEqual({ ...plain.report, gzip: true });
    }
  });
});

describe('table-adresses-reu-tableur.csv (saved again by a spreadsheet)', () => {
  it('reads `;`, Windows-1252, decimal commas and codes that lost their leading zero', async () => {
    const plain = await read(fixture('table-adresses-reu.csv'));
    const { addresses, report } = await read(fixture('table-adresses-reu-tableur.csv'));
    expect(essentials(addresses)).toEqual(essentials(plain.addresses));
    expect(addresses[0].rawStationId).toBe('1001_1');
    expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(report.warnings).toEqual([
      'Le fichier n’est pas en UTF-8 comme celui de l’Insee : il a été lu en Windows-1252 (réenregistré par un tableur ?). Vérifiez les accents de quelques adresses.',
    ]);
  });

  it('reads the same one byte at a time', async () => {
    const bytes = fixture('table-adresses-reu-tableur.csv');
    expect(await read(bytes, 1)).toEqual(await read(bytes));
  });
});

describe('table-adresses-reu-sans-id.csv (a required column missing)', () => {
  it('is refused before any row', async () => {
    const { error, before } = await refusal(fixture('table-adresses-reu-sans-id.csv'));
    expect(error).toMatchObject({
      status: 422,
      code: 'missing_columns',
      message:
        "Ce fichier ressemble à la table des adresses des bureaux de vote de l'Insee, mais la colonne « id » manque. Importez le fichier tel que publié sur data.gouv.fr, sans le modifier.",
    });
    expect(before).toEqual([]);
  });
});

describe('ReuAddressParser (push)', () => {
  it('gives the same events as the generator', async () => {
    const bytes = fixture('table-adresses-reu.csv');
    const parser = new ReuAddressParser(5);
    const pushed = [];
    for (let at = 0; at < bytes.length; at += 100) {
      pushed.push(...parser.push(bytes.subarray(at, at + 100)));
    }
    pushed.push(...parser.end());
    expect(pushed).toEqual(await events(bytes, undefined, 5));
  });

  it('refuses gzip bytes pushed as they are, and again after', () => {
    const parser = new ReuAddressParser();
    expect(() => {
      parser.push(fixture('table-adresses-reu.csv.gz'));
      parser.end();
    }).toThrow(/c'est une archive compressée \(\.gz\), pas un fichier texte/);
    expect(() => parser.push(Buffer.from('x'))).toThrow(ReuFileError);
  });
});
