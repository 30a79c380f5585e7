import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Election, FieldImport } from '../../../contracts/field.ts';
import {
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';
import {
  AIN,
  createArea,
  cutArea,
  dbRows,
  expectStatus,
  importOrFail,
  problemOf,
  walkListOf,
} from './test-data.ts';
import { fieldFixture, fieldUpload, importFieldFile } from './testing.ts';

/** The largest upload this file's app accepts: above every fixture (5.3 kB at most). */
const IMPORT_LIMIT_BYTES = 8_192;

const PDF_BYTES = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
  Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7) % 256)),
]);

describe.each(engines)('field imports over HTTP (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;

  /** What a refused or failed import could have left behind, in this campaign. */
  const leftovers = async () => {
    const [row] = await dbRows<Record<string, number>>(
      t,
      `SELECT (SELECT count(*)::int FROM field_imports WHERE campaign_id = $1) AS imports,
              (SELECT count(*)::int FROM field_import_files WHERE campaign_id = $1) AS files,
              (SELECT count(*)::int FROM field_addresses WHERE campaign_id = $1) AS addresses,
              (SELECT count(*)::int FROM field_elections WHERE campaign_id = $1) AS elections,
              (SELECT count(*)::int FROM field_station_results WHERE campaign_id = $1) AS results,
              (SELECT count(*)::int FROM field_reu_addresses WHERE campaign_id = $1) AS reu`,
      [t.ctx.campaignId],
    );
    return row;
  };

  /** Addresses by BAN id: their database id, polling station and how it was found. */
  const addressesByBanId = async () => {
    const rows = await dbRows<{
      ban_id: string;
      id: number;
      station_id: string | null;
      station_link: string | null;
      street_name: string;
    }>(
      t,
      `SELECT ban_id, id::int AS id, station_id, station_link, street_name FROM field_addresses
        WHERE campaign_id = $1 ORDER BY ban_id`,
      [t.ctx.campaignId],
    );
    return new Map(rows.map((row) => [row.ban_id, row]));
  };

  /** The number of candidates stored for each station of an election. */
  const stationWidths = (label: string) =>
    dbRows<{ station_id: string; n: number }>(
      t,
      `SELECT r.station_id, jsonb_array_length(r.candidates)::int AS n
         FROM field_station_results r
         JOIN field_elections e ON e.campaign_id = r.campaign_id AND e.id = r.election_id
        WHERE r.campaign_id = $1 AND e.label = $2 ORDER BY r.station_id`,
      [t.ctx.campaignId, label],
    );

  const upload = (fields: Record<string, string>, file: Buffer, fileName: string) => {
    const { body, headers } = fieldUpload(fields, file, fileName);
    return staff.request('POST', '/api/field/imports', body, headers);
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { IMPORT_LIMIT_BYTES: String(IMPORT_LIMIT_BYTES) });
    staff = await staffBrowser(t, 'imports@field.example', ['staff']);
  }, 60_000);
  afterAll(() => t?.close());

  it('imports a legislative results file: rows of their own number of candidates, abroad left out', async () => {
    const file = fieldFixture('results', 'legislatives-2022-t1-burvot.txt');
    const done = await importOrFail(
      t,
      staff,
      { kind: 'results', label: '  Législatives 2022, 1er tour ' },
      file,
      'legislatives.txt',
    );
    expect(done).toMatchObject({
      kind: 'results',
      status: 'succeeded',
      label: 'Législatives 2022, 1er tour',
      fileName: 'legislatives.txt',
      size: file.length,
      error: null,
      problems: [],
      warnings: ['encoding:windows-1252'],
    });
    // Six rows: five stations in communes, one of the French abroad (ZZ). Rows of 4, 4, 6, 3
    // and 2 candidates, the same four in both stations of one constituency: 20 in all.
    expect(done.counts).toEqual({
      rows: 6,
      stored: 5,
      skipped: 0,
      abroad: 1,
      withoutCommune: 0,
      candidates: 20,
    });
    expect(done.finishedAt).not.toBeNull();

    const [election] = expectStatus<{ items: Election[] }>(
      await staff.get('/api/field/elections'),
      200,
    ).items;
    expect(election).toMatchObject({
      label: 'Législatives 2022, 1er tour',
      layout: '2017-2022',
      stations: 5,
    });
    expect(election.candidates).toHaveLength(20);
    expect(election.candidates[0]).toEqual({
      panel: 1,
      lastName: 'DUPONT',
      firstName: 'Marie',
      nuance: 'ENS',
      list: null,
      votes: 270,
    });
    expect(election.nuances.map((n) => n.nuance)).toContain('REG');
    expect(await stationWidths(election.label)).toEqual([
      { station_id: '01001_0001', n: 4 },
      { station_id: '01004_0001', n: 4 },
      { station_id: '01007_0001', n: 6 },
      { station_id: '2B033_0001', n: 3 },
      { station_id: '97416_0001', n: 2 },
    ]);
  });

  it('imports a municipal results file of lists and names beside it', async () => {
    const done = await importOrFail(
      t,
      staff,
      { kind: 'results', label: 'Municipales 2020, 1er tour' },
      fieldFixture('results', 'municipales-2020-t1-burvot.txt'),
      'municipales.txt',
    );
    expect(done.counts).toMatchObject({ rows: 3, stored: 3, abroad: 0, skipped: 0 });
    const elections = expectStatus<{ items: Election[] }>(
      await staff.get('/api/field/elections'),
      200,
    ).items;
    expect(elections.map((e) => e.label)).toEqual([
      'Municipales 2020, 1er tour',
      'Législatives 2022, 1er tour',
    ]);
    const [municipales] = elections;
    expect(municipales.stations).toBe(3);
    expect(municipales.candidates.length).toBe(done.counts.candidates);
    expect(municipales.candidates.find((c) => c.lastName === 'GIRAUD')).toMatchObject({
      list: 'AMBÉRIEU ENSEMBLE',
      nuance: 'LDVD',
      votes: 250,
    });
    // Each station keeps its own candidates: 4 names in L'Abergement, 3 lists in Ambérieu.
    expect((await stationWidths(municipales.label)).slice(0, 2)).toEqual([
      { station_id: '01001_0001', n: 4 },
      { station_id: '01004_0001', n: 3 },
    ]);
  });

  it('stores BAN addresses before any REU table without a station, with rows lacking a position reported and skipped', async () => {
    const done = await importOrFail(
      t,
      staff,
      { kind: 'addresses' },
      fieldFixture('addresses', 'adresses-france.csv'),
      'adresses-france.csv',
    );
    expect(done.counts).toEqual({
      rows: 27,
      skipped: 2,
      withoutNumber: 1,
      communes: 6,
      stored: 25,
      duplicates: 0,
      linkedByReu: 0,
      linkedByStreet: 0,
      linkedByNearest: 0,
      unlinked: 25,
      electorsTied: 0,
    });
    // Avenue Alsace-Lorraine 10 (line 17) and Chemin de Petit-Pérou 8 (line 28) have no lon/lat.
    expect(done.problems).toEqual([
      { code: 'no_coordinates', count: 2, lines: [17, 28], message: expect.any(String) },
    ]);
    expect(done.warnings).toEqual([expect.stringContaining('1 adresse n’a pas de numéro')]);
    const stored = await addressesByBanId();
    expect(stored.size).toBe(25);
    expect(stored.has('01053_0040_00010')).toBe(false);
    expect(stored.has('97101_0480_00008')).toBe(false);
    expect([...stored.values()].every((a) => a.station_id === null)).toBe(true);
  });

  it('links the addresses already imported when the REU table comes after them', async () => {
    const done = await importOrFail(
      t,
      staff,
      { kind: 'reu' },
      fieldFixture('stations', 'table-adresses-reu.csv'),
      'table-adresses-reu.csv',
    );
    expect(done.counts).toMatchObject({
      rows: 16,
      stored: 16,
      stations: 7,
      communes: 4,
      // The interpolated row has no id, the BANO row an OpenStreetMap one.
      withoutBanId: 2,
      // By their own BAN id: 3 in L'Abergement, 4 in Ambérieu, 2 in Ajaccio, 1 in Pointe-à-Pitre.
      linkedByReu: 10,
      // Route de Clémenciat 3, 4, 5 and Rue Alexandre Bérard 4, by their street's row.
      linkedByStreet: 4,
      // The rest of those four communes: by the nearest REU point.
      linkedByNearest: 7,
    });
    const stored = await addressesByBanId();
    expect(stored.get('01001_0120_00003_bis')).toMatchObject({
      station_id: '01001_0001',
      station_link: 'reu',
    });
    expect(stored.get('01004_0800_00003')).toMatchObject({
      station_id: '01004_0002',
      station_link: 'reu',
    });
    expect(stored.get('01004_0800_00004')).toMatchObject({
      station_id: '01004_0003',
      station_link: 'street',
    });
    expect(stored.get('01001_0200_00001')).toMatchObject({
      station_id: '01001_0001',
      station_link: 'nearest',
    });
    // Bastia and Bourg-en-Bresse: no REU row for their communes.
    expect(stored.get('2B033_0320_00005')).toMatchObject({ station_id: null, station_link: null });
    expect(stored.get('01053_0040_00012')).toMatchObject({ station_id: null });
  });

  it('updates addresses imported again in place: same ids, turfs keep them, stations found again', async () => {
    const before = await addressesByBanId();
    const area = await createArea(staff, {
      kind: 'communes',
      name: 'L’Abergement',
      communes: [AIN.abergement.code],
    });
    expect(area.addressCount).toBe(AIN.abergement.addresses);
    const turfs = await cutArea(staff, area.id, { minSize: 5, maxSize: 10 });
    const members = async () =>
      Promise.all(
        turfs.map(async (turf) => (await walkListOf(staff, turf.id)).addresses.map((a) => a.id)),
      );
    const walks = await members();
    expect(walks.flat().sort((a, b) => a - b)).toEqual(
      [...before.values()]
        .filter((a) => a.ban_id.startsWith('01001_'))
        .map((a) => a.id)
        .sort((a, b) => a - b),
    );

    const done = await importOrFail(
      t,
      staff,
      { kind: 'addresses' },
      fieldFixture('addresses', 'adresses-france.csv.gz'),
      'adresses-france.csv.gz',
    );
    expect(done.counts).toMatchObject({
      stored: 25,
      linkedByReu: 10,
      linkedByStreet: 4,
      linkedByNearest: 7,
      unlinked: 4,
      electorsTied: 0,
    });
    const after = await addressesByBanId();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [banId, address] of after) expect(address.id, banId).toBe(before.get(banId)!.id);
    expect(await members()).toEqual(walks);
  });

  it('reads a BAN file saved again as Windows-1252, with its warning and its accents right', async () => {
    const done = await importOrFail(
      t,
      staff,
      { kind: 'addresses' },
      fieldFixture('addresses', 'adresses-01-windows-1252.csv'),
      'adresses-01.csv',
    );
    expect(done.counts).toMatchObject({ rows: 17, stored: 16, skipped: 1, communes: 3 });
    expect(done.warnings).toContainEqual(expect.stringContaining('lu en Windows-1252'));
    expect(done.problems.map((p) => p.code)).toEqual(['no_coordinates']);
    const stored = await addressesByBanId();
    expect(stored.size).toBe(25);
    expect(stored.get('01001_0120_00001')!.street_name).toBe('Route de Clémenciat');
    expect(stored.get('01004_0800_00001')!.street_name).toBe('Rue Alexandre Bérard');
  });

  /** The files refused below, by the name they are uploaded under. */
  const refusedFiles: Record<string, () => Buffer> = {
    'adresses-france.csv': () => fieldFixture('addresses', 'adresses-france.csv'),
    'presidentielle.txt': () => fieldFixture('results', 'presidentielle-2022-t1-burvot.txt'),
    'document.pdf': () => PDF_BYTES,
    // Three copies of the fixture, so that rows come out of the archive before it breaks.
    'adresses.csv.gz': () => {
      const gz = gzipSync(
        Buffer.concat(Array(3).fill(fieldFixture('addresses', 'adresses-france.csv'))),
      );
      return gz.subarray(0, Math.floor(gz.length * 0.8));
    },
    'adresses-01-sans-lon.csv': () => fieldFixture('addresses', 'adresses-01-sans-lon.csv'),
  };

  it.each([
    [
      'a BAN address file given as results',
      'results',
      'adresses-france.csv',
      'not_results_file',
      'pas un fichier de résultats par bureau de vote',
    ],
    [
      'a results file given as addresses',
      'addresses',
      'presidentielle.txt',
      'not_ban_file',
      "c'est un fichier de résultats électoraux",
    ],
    ['a PDF given as addresses', 'addresses', 'document.pdf', 'not_text', 'un document PDF'],
    ['a gzip archive cut short', 'addresses', 'adresses.csv.gz', 'bad_gzip', 'endommagée'],
    [
      'a BAN file without its lon column',
      'addresses',
      'adresses-01-sans-lon.csv',
      'missing_columns',
      'la colonne « lon » manque',
    ],
  ])(
    'fails the import of %s with its reason, and keeps nothing of it',
    async (_, kind, name, code, says) => {
      const before = await leftovers();
      const done = await importFieldFile(
        t,
        staff,
        kind === 'results' ? { kind, label: 'Un fichier' } : { kind },
        refusedFiles[name](),
        name,
      );
      expect(done).toMatchObject({ status: 'failed', counts: {}, problems: [], warnings: [] });
      expect(done.error?.code).toBe(code);
      expect(done.error?.message).toContain(says);
      // The failed import stays in the history; it stored nothing, and its file is dropped
      // (just after its status is written: hence the poll).
      await expect.poll(leftovers).toEqual({ ...before, imports: before.imports + 1 });
      const [mine] = await dbRows<{ addresses: number; elections: number }>(
        t,
        `SELECT (SELECT count(*)::int FROM field_addresses WHERE campaign_id = $1 AND import_id = $2) AS addresses,
                (SELECT count(*)::int FROM field_elections WHERE campaign_id = $1 AND import_id = $2) AS elections`,
        [t.ctx.campaignId, done.id],
      );
      expect(mine).toEqual({ addresses: 0, elections: 0 });
    },
  );

  it.each([
    ['without kind', { label: 'Présidentielle' }, 400, 'invalid_fields'],
    ['of an unknown kind', { kind: 'voters' }, 400, 'invalid_fields'],
    ['of results without a label', { kind: 'results' }, 400, 'label_required'],
    ['of results with a blank label', { kind: 'results', label: '   ' }, 400, 'label_required'],
    ['of results with a label too short', { kind: 'results', label: 'P1' }, 400, 'invalid_fields'],
  ])('refuses an upload %s with 400, and keeps nothing', async (_, fields, status, code) => {
    const before = await leftovers();
    const response = await upload(
      fields as Record<string, string>,
      fieldFixture('results', 'presidentielle-2022-t1-burvot.txt'),
      'resultats.txt',
    );
    expect(problemOf(response)).toEqual({ status, code });
    expect(await leftovers()).toEqual(before);
  });

  it('refuses an empty file, a file over IMPORT_LIMIT_BYTES, a form without file or not multipart, and keeps nothing', async () => {
    const before = await leftovers();
    expect(problemOf(await upload({ kind: 'addresses' }, Buffer.alloc(0), 'vide.csv'))).toEqual({
      status: 400,
      code: 'empty_file',
    });
    const large = Buffer.concat(Array(3).fill(fieldFixture('addresses', 'adresses-france.csv')));
    expect(large.length).toBeGreaterThan(IMPORT_LIMIT_BYTES);
    expect(problemOf(await upload({ kind: 'addresses' }, large, 'grand.csv'))).toEqual({
      status: 413,
      code: 'payload_too_large',
    });
    const { body, headers } = fieldUpload({ kind: 'addresses' }, Buffer.from('x'), 'x.csv');
    const withoutFile = Buffer.from(
      body.toString('latin1').replace('name="file"', 'name="document"'),
      'latin1',
    );
    expect(
      problemOf(await staff.request('POST', '/api/field/imports', withoutFile, headers)),
    ).toEqual({ status: 400, code: 'file_required' });
    expect((await staff.post('/api/field/imports', { kind: 'addresses' })).statusCode).toBe(415);
    expect(await leftovers()).toEqual(before);
  });

  it('lists imports newest first, failed ones with their reason, and audits each start', async () => {
    const list = expectStatus<{ items: FieldImport[] }>(
      await staff.get('/api/field/imports'),
      200,
    ).items;
    // Six read, five refused by their reader (the uploads refused at once left no row).
    expect(list.map((i) => i.status).sort()).toEqual([
      ...Array<string>(5).fill('failed'),
      ...Array<string>(6).fill('succeeded'),
    ]);
    await expect.poll(async () => (await leftovers()).files).toBe(0);
    const ids = list.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(list.filter((i) => i.status === 'failed').every((i) => i.error !== null)).toBe(true);
    const one = expectStatus<FieldImport>(await staff.get(`/api/field/imports/${list[0].id}`), 200);
    expect(one).toEqual(list[0]);
    const [{ n }] = await dbRows<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM audit_log WHERE campaign_id = $1 AND action = 'field.import.start'`,
      [t.ctx.campaignId],
    );
    expect(n).toBe(list.length);
    expect(problemOf(await staff.get('/api/field/imports/999999'))).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it("answers 404 for another campaign's imports, and lists none of them there", async () => {
    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      const otherStaff = await staffBrowser(other, 'hq@other-field.example', ['staff']);
      const [mine] = expectStatus<{ items: FieldImport[] }>(
        await staff.get('/api/field/imports'),
        200,
      ).items;
      expect(problemOf(await otherStaff.get(`/api/field/imports/${mine.id}`))).toEqual({
        status: 404,
        code: 'not_found',
      });
      expect((await otherStaff.get('/api/field/imports')).json()).toEqual({ items: [] });
      expect((await otherStaff.get('/api/field/elections')).json()).toEqual({ items: [] });
    } finally {
      await other.close();
    }
  });
});
