import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ainRows, franceRows, overseasAndCorsicaRows } from './fixtures/generate.ts';
import { BanAddressParser, BanFileError } from './parse.ts';
import { events, fixture, read, refusal } from './testing.ts';
import type { BanAddress } from './types.ts';

/** The fields that identify an address, to compare two readings. */
const essentials = (list: BanAddress[]) =>
  list.map(({ banId, number, suffix, streetName, communeName, lon, lat, streetKey }) => ({
    banId,
    number,
    suffix,
    streetName,
    communeName,
    lon,
    lat,
    streetKey,
  }));

describe('adresses-france.csv (the BAN layout, UTF-8)', () => {
  it('reads every address with a position, in line order', async () => {
    const { addresses, report } = await read(fixture('adresses-france.csv'));
    // Two rows have no lon/lat.
    expect(addresses).toHaveLength(franceRows.length - 2);
    expect(addresses[0]).toEqual({
      line: 2,
      banId: '01001_0120_00001',
      fantoirId: '01001_0120',
      number: 1,
      suffix: null,
      streetName: 'Route de Clémenciat',
      locality: null,
      postalCode: '01400',
      communeCode: '01001',
      communeName: "L'Abergement-Clémenciat",
      lon: 4.921026,
      lat: 46.153536,
      streetKey: '01001_0120',
    });
    expect(addresses.map((a) => a.line)).toEqual(
      [...Array(franceRows.length).keys()].map((i) => i + 2).filter((l) => l !== 17 && l !== 28),
    );
    expect(report).toMatchObject({
      encoding: 'utf-8',
      gzip: false,
      delimiter: ';',
      rows: franceRows.length,
      addresses: franceRows.length - 2,
      skipped: 2,
      withoutNumber: 1,
      communes: 6,
      problems: [
        {
          code: 'no_coordinates',
          severity: 'error',
          count: 2,
          lines: [17, 28],
          message: 'Adresse sans coordonnées (lon ou lat vide) : ignorée.',
        },
      ],
      warnings: [
        '1 adresse n’a pas de numéro (lieu-dit ou voie sans numérotation) : elle est gardée avec le numéro 0.',
      ],
    });
    expect(report.columns.missingOptional).toEqual([]);
    expect(report.columns.ignored).toEqual([
      'code_insee_ancienne_commune',
      'nom_ancienne_commune',
      'x',
      'y',
      'type_position',
      'alias',
      'libelle_acheminement',
      'nom_afnor',
      'source_position',
      'source_nom_voie',
      'certification_commune',
      'cad_parcelles',
    ]);
  });

  it('keeps both sides of a street on one street key, and a bis apart from its number', async () => {
    const { addresses } = await read(fixture('adresses-france.csv'));
    const clemenciat = addresses.filter((a) => a.streetKey === '01001_0120');
    expect(clemenciat.map((a) => [a.number, a.suffix])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [3, 'bis'],
      [4, null],
      [5, null],
    ]);
    expect(clemenciat.find((a) => a.suffix === 'bis')?.banId).toBe('01001_0120_00003_bis');
    const paoli = addresses.filter((a) => a.streetKey === '2B033_0320');
    expect(paoli.map((a) => `${a.number}${a.suffix ? ` ${a.suffix}` : ''}`)).toEqual([
      '5',
      '6',
      '7 ter',
    ]);
  });

  it('gives a lieu-dit point (numero 99999) number 0, and keeps nom_ld as the locality', async () => {
    const { addresses } = await read(fixture('adresses-france.csv'));
    expect(addresses.find((a) => a.banId === '01001_b012_99999')).toMatchObject({
      number: 0,
      suffix: null,
      streetName: 'Les Granges',
      streetKey: '01001_b012',
    });
    expect(addresses.find((a) => a.banId === '01001_0300_00012')).toMatchObject({
      number: 12,
      streetName: 'Route de Saint-Trivier',
      locality: 'Le Bourg',
    });
  });

  it('reads a street without FANTOIR code, Corsica and Guadeloupe', async () => {
    const { addresses } = await read(fixture('adresses-france.csv'));
    expect(addresses.find((a) => a.banId === '01004_k7x2pq_00015')).toMatchObject({
      fantoirId: null,
      streetKey: '01004_k7x2pq',
    });
    expect(addresses.find((a) => a.communeCode === '2A004')).toMatchObject({
      communeName: 'Ajaccio',
      postalCode: '20000',
      lon: 8.738635,
      lat: 41.9227,
    });
    expect(addresses.find((a) => a.communeCode === '97120')).toMatchObject({
      communeName: 'Pointe-à-Pitre',
      streetName: 'Rue Frébault',
      lon: -61.534587,
      lat: 16.241112,
    });
    expect(addresses.some((a) => a.communeCode === '97101')).toBe(false);
  });

  it('reads the same addresses from any chunking, one byte at a time included', async () => {
    const bytes = fixture('adresses-france.csv');
    const whole = await read(bytes);
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const { addresses, report } = await read(bytes, size);
      expect(addresses, `chunks of ${size}`).toEqual(whole.addresses);
      expect(report).toEqual(whole.report);
    }
  });

  it('yields addresses in batches of the size asked, then the report', async () => {
    const list = await events(fixture('adresses-france.csv'), 100, 10);
    expect(list.map((e) => (e.type === 'addresses' ? e.addresses.length : e.type))).toEqual([
      10,
      10,
      5,
      'report',
    ]);
  });
});

describe('adresses-france.csv.gz', () => {
  it('is inflated as it streams, told by its bytes, with the same addresses', async () => {
    const plain = await read(fixture('adresses-france.csv'));
    const gz = fixture('adresses-france.csv.gz');
    for (const size of [undefined, 1, 5, 100]) {
      const { addresses, report } = await read(gz, size);
      expect(addresses).toEqual(plain.addresses);
      expect(report).toEqual({ ...plain.report, gzip: true });
    }
  });

  it('reads an archive of several gzip members as one file', async () => {
    const text = fixture('adresses-france.csv');
    const cut = text.indexOf('\n', text.length / 2) + 1;
    const twoMembers = Buffer.concat([
      gzipSync(text.subarray(0, cut)),
      gzipSync(text.subarray(cut)),
    ]);
    const { addresses } = await read(twoMembers, 50);
    expect(addresses).toEqual((await read(text)).addresses);
  });
});

describe('adresses-01-windows-1252.csv (saved again by a spreadsheet: Windows-1252, CRLF)', () => {
  it('reads the accents right, with a warning', async () => {
    const utf8 = await read(fixture('adresses-france.csv'));
    const { addresses, report } = await read(fixture('adresses-01-windows-1252.csv'));
    expect(essentials(addresses)).toEqual(
      essentials(utf8.addresses.filter((a) => a.line <= ainRows.length + 1)),
    );
    expect(addresses[0].communeName).toBe("L'Abergement-Clémenciat");
    expect(report.encoding).toBe('windows-1252');
    expect(report.problems.map((p) => p.code)).toEqual(['no_coordinates']);
    expect(report.warnings[0]).toBe(
      'Le fichier n’est pas en UTF-8 comme ceux de la Base Adresse Nationale : il a été lu en Windows-1252 (réenregistré par un tableur ?). Vérifiez les accents de quelques noms de voies.',
    );
  });

  it('reads the same one byte at a time', async () => {
    const bytes = fixture('adresses-01-windows-1252.csv');
    expect(await read(bytes, 1)).toEqual(await read(bytes));
  });
});

describe('adresses-nouveau-format.csv (an extra column, code_postal dropped, lat before lon)', () => {
  it('maps the columns by name', async () => {
    const { addresses, report } = await read(fixture('adresses-nouveau-format.csv'));
    expect(addresses).toHaveLength(overseasAndCorsicaRows.length - 1);
    expect(addresses[0]).toEqual({
      line: 2,
      banId: '2A004_0490_00001',
      fantoirId: '2A004_0490',
      number: 1,
      suffix: null,
      streetName: 'Cours Napoléon',
      locality: null,
      postalCode: null,
      communeCode: '2A004',
      communeName: 'Ajaccio',
      lon: 8.738635,
      lat: 41.9227,
      streetKey: '2A004_0490',
    });
    expect(report.columns.ignored[0]).toBe('id_ban_adresse');
    expect(report.columns.missingOptional).toEqual(['code_postal']);
    expect(report.warnings).toEqual([
      'La colonne « code_postal » manque : les adresses n’ont pas de code postal.',
    ]);
  });
});

describe('adresses-01-sans-lon.csv (a required column missing)', () => {
  it('is refused before any address', async () => {
    const { error, before } = await refusal(fixture('adresses-01-sans-lon.csv'));
    expect(error).toMatchObject({
      status: 422,
      code: 'missing_columns',
      message:
        "Ce fichier ressemble à un fichier d'adresses de la Base Adresse Nationale, mais la colonne « lon » manque. Importez le fichier tel que publié sur adresse.data.gouv.fr, sans le modifier.",
    });
    expect(before).toEqual([]);
  });
});

describe('BanAddressParser (push)', () => {
  it('gives the same events as the generator, chunk by chunk', async () => {
    const bytes = fixture('adresses-france.csv');
    const parser = new BanAddressParser(1000);
    const pushed = [];
    for (let at = 0; at < bytes.length; at += 333) {
      pushed.push(...parser.push(bytes.subarray(at, at + 333)));
    }
    pushed.push(...parser.end());
    expect(pushed).toEqual(await events(bytes, undefined, 1000));
  });

  it('refuses gzip bytes pushed as they are (readBanAddresses inflates them)', () => {
    const parser = new BanAddressParser();
    expect(() => {
      parser.push(fixture('adresses-france.csv.gz'));
      parser.end();
    }).toThrow(/c'est une archive compressée \(\.gz\), pas un fichier texte/);
    expect(() => parser.end()).toThrow(BanFileError);
  });
});
