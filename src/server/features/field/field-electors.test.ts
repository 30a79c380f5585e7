import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Election } from '../../../contracts/compliance.ts';
import { personalData } from '../personal-data.ts';
import { runRetentionPurges } from '../../core/personal-data/rights.ts';
import { personForEmail } from '../accounts/admin.ts';
import { erasePerson } from '../people/service.ts';
import {
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
  importFixtureAddresses,
  importOrFail,
  problemOf,
  walkListOf,
} from './test-data.ts';
import { pdfTextLines } from '../../testing/pdf-text.ts';
import { listLines, type ListRow } from './electors/fixtures/generate.ts';
import { fieldUpload, importFieldFile } from './testing.ts';

/** One elector of L'Abergement-Clémenciat (01001), as a commune's list writes them. */
const row = (cells: Partial<ListRow>): Partial<ListRow> => ({
  TypeListe: 'LG',
  InfoListe: 'LE',
  DateCreationListe: '01/09/2026',
  CodeDepartement: '01',
  CodeCommune: '001',
  NomCommune: "L'ABERGEMENT-CLEMENCIAT",
  DateDeNaissance: '12/03/1970',
  NomBureauDeVote: 'Mairie',
  CodePostal: '01400',
  VilleLocalite: 'L ABERGEMENT CLEMENCIAT',
  ...cells,
});

// prettier-ignore
const LIST = listLines([
  row({ NoElecteurGeneral: '1', Sexe: 'F', NomdeNaissance: 'MARTIN', NomDusage: 'DURAND', Prenoms: 'Marie Anne', NoBureauDeVote: '1', NumeroVoie: '3 BIS', TypeVoie: 'RTE', LibelleVoie: 'DE CLEMENCIAT' }),
  row({ NoElecteurGeneral: '2', Sexe: 'M', NomdeNaissance: 'MARTIN', Prenoms: 'Paul', NoBureauDeVote: '1', NumeroVoie: '1', TypeVoie: 'RTE', LibelleVoie: 'DE CLEMENCIAT' }),
  row({ NoElecteurGeneral: '3', Sexe: 'M', NomdeNaissance: 'LEROY', Prenoms: 'Jean', NoBureauDeVote: '2', NumeroVoie: '97', TypeVoie: 'CHE', LibelleVoie: 'DU MOULIN' }),
  // No name: skipped, reported on its line (5).
  row({ NoElecteurGeneral: '4', Sexe: 'F', Prenoms: 'Sans Nom', NoBureauDeVote: '2', NumeroVoie: '2', TypeVoie: 'RTE', LibelleVoie: 'DE CLEMENCIAT' }),
]).join('\r\n');

describe.each(engines)('electoral list (L37) import (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let past: Election;
  let coming: Election;

  const electors = () =>
    dbRows<{ given_names: string; station_id: string; ban_id: string | null; election_id: number }>(
      t,
      `SELECT x.given_names, x.station_id, a.ban_id, x.election_id::int AS election_id
         FROM field_electors x LEFT JOIN field_addresses a ON a.campaign_id = x.campaign_id AND a.id = x.address_id
        WHERE x.campaign_id = $1 ORDER BY x.list_number`,
      [t.ctx.campaignId],
    );

  const election = async (name: string, date: string) =>
    expectStatus<Election>(
      await staff.post('/api/compliance/elections', { name, kind: 'local', rounds: [{ date }] }),
      200,
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'electors@field.example', ['staff']);
    past = await election('Municipales partielles 2025', '2025-03-16');
    coming = await election('Municipales 2032', '2032-03-14');
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses a list without its election, or with another campaign’s, and keeps nothing', async () => {
    const file = Buffer.from(LIST, 'utf8');
    const send = (fields: Record<string, string>) => {
      const { body, headers } = fieldUpload(fields, file, 'liste.csv');
      return staff.request('POST', '/api/field/imports', body, headers);
    };
    expect(problemOf(await send({ kind: 'electoral_list' }))).toEqual({
      status: 400,
      code: 'election_required',
    });
    expect(problemOf(await send({ kind: 'electoral_list', electionId: '999999' }))).toEqual({
      status: 422,
      code: 'unknown_election',
    });
    const [count] = await dbRows<{ n: number }>(
      t,
      'SELECT (SELECT count(*) FROM field_imports WHERE campaign_id = $1)::int + (SELECT count(*) FROM field_electors WHERE campaign_id = $1)::int AS n',
      [t.ctx.campaignId],
    );
    expect(count.n).toBe(0);
  });

  it('ties electors to their polling station and to the BAN address at their number', async () => {
    await importFixtureAddresses(t, staff);
    const done = await importOrFail(
      t,
      staff,
      { kind: 'electoral_list', electionId: String(coming.id) },
      Buffer.from(LIST, 'utf8'),
      'liste-01001.csv',
    );
    expect(done).toMatchObject({
      kind: 'electoral_list',
      electionId: coming.id,
      status: 'succeeded',
    });
    expect(done.counts).toMatchObject({
      rows: 4,
      stored: 3,
      skipped: 1,
      communes: 1,
      stations: 2,
      stationsKnown: 0,
      stationsUnknown: 2,
      tiedToAddress: 2,
      replaced: 0,
    });
    expect(done.problems).toEqual([expect.objectContaining({ count: 1, lines: [5] })]);
    expect(done.warnings).toContainEqual(expect.stringContaining('2 bureaux de vote'));
    expect(await electors()).toEqual([
      {
        given_names: 'Marie Anne',
        station_id: '01001_0001',
        ban_id: '01001_0120_00003_bis',
        election_id: coming.id,
      },
      {
        given_names: 'Paul',
        station_id: '01001_0001',
        ban_id: '01001_0120_00001',
        election_id: coming.id,
      },
      { given_names: 'Jean', station_id: '01001_0002', ban_id: null, election_id: coming.id },
    ]);
  });

  it('replaces the electors of a commune when its list is imported again', async () => {
    const shorter = [LIST.split('\r\n')[0], LIST.split('\r\n')[2]].join('\n');
    const done = await importOrFail(
      t,
      staff,
      { kind: 'electoral_list', electionId: String(coming.id) },
      Buffer.from(shorter, 'utf8'),
      'liste-01001-bis.csv',
    );
    expect(done.counts).toMatchObject({ stored: 1, replaced: 3, tiedToAddress: 1 });
    expect((await electors()).map((e) => e.given_names)).toEqual(['Paul']);
  });

  it('refuses a file of another shape with its reason', async () => {
    const done = await importFieldFile(
      t,
      staff,
      { kind: 'electoral_list', electionId: String(coming.id) },
      Buffer.from('id;numero;nom_voie\n01001_0120_00001;1;Route\n', 'utf8'),
      'adresses.csv',
    );
    expect(done.status).toBe('failed');
    expect(done.error?.code).toMatch(/not_electoral_list|missing_columns/);
    expect((await electors()).map((e) => e.given_names)).toEqual(['Paul']);
  });

  it('deletes the electors of an election the day after its last round, and keeps the others', async () => {
    await importOrFail(
      t,
      staff,
      { kind: 'electoral_list', electionId: String(past.id) },
      Buffer.from(LIST.replaceAll(';001;', ';002;'), 'utf8'),
      'liste-01002.csv',
    );
    expect((await electors()).filter((e) => e.election_id === past.id)).toHaveLength(3);
    const removed = await runRetentionPurges(personalData(), t.ctx);
    expect(removed.electoralLists).toBe(3);
    expect(await electors()).toEqual([
      expect.objectContaining({ given_names: 'Paul', election_id: coming.id }),
    ]);
  });

  it('erasing a person deletes the list rows that name them in their commune', async () => {
    const personId = await personForEmail(t.ctx, 'paul.martin@example.org');
    await dbRows(
      t,
      `UPDATE people SET first_name = 'Paul', last_name = 'Martin', commune_code = '01001'
        WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, personId],
    );
    await erasePerson(t.ctx, personId, null);
    expect(await electors()).toEqual([]);
  });
});

describe.each(engines)('electors and addresses imported after them (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'later@field.example', ['staff']);
  }, 60_000);
  afterAll(() => t?.close());

  it('ties the list to BAN addresses imported later, and walk lists name the electors', async () => {
    const election = expectStatus<Election>(
      await staff.post('/api/compliance/elections', {
        name: 'Municipales 2032',
        kind: 'local',
        rounds: [{ date: '2032-03-14' }],
      }),
      200,
    );
    const list = await importOrFail(
      t,
      staff,
      { kind: 'electoral_list', electionId: String(election.id) },
      Buffer.from(LIST, 'utf8'),
      'liste.csv',
    );
    expect(list.counts).toMatchObject({ stored: 3, tiedToAddress: 0 });
    const addresses = await importFixtureAddresses(t, staff);
    expect(addresses.counts).toMatchObject({ electorsTied: 2 });
    const area = await createArea(staff, {
      kind: 'communes',
      name: 'L’Abergement',
      communes: [AIN.abergement.code],
    });
    const turfs = await cutArea(staff, area.id, { minSize: 40, maxSize: 80 });
    const walks = await Promise.all(turfs.map((turf) => walkListOf(staff, turf.id)));
    const walkOf = new Map(walks.map((walk) => [walk.turf.id, walk.addresses]));
    const doors = walks.flatMap((walk) => walk.addresses);
    const named = doors.filter((door) => door.electors.length > 0);
    expect(named.map((door) => [door.street, door.number, door.suffix, door.electors])).toEqual(
      expect.arrayContaining([
        ['Route de Clémenciat', 1, null, ['Paul MARTIN']],
        ['Route de Clémenciat', 3, 'bis', ['Marie Anne DURAND']],
      ]),
    );
    expect(named).toHaveLength(2);
    const paul = turfs.find((turf) =>
      walkOf.get(turf.id)?.some((d) => d.electors.includes('Paul MARTIN')),
    )!;
    const pdf = await staff.get(`/api/field/turfs/${paul.id}/walk-list.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfTextLines(pdf.rawPayload).join('\n')).toContain('Paul MARTIN');
    const { items } = expectStatus<{ items: Array<{ id: number; electors: number }> }>(
      await staff.get('/api/field/imports/elections'),
      200,
    );
    expect(items).toEqual([expect.objectContaining({ id: election.id, electors: 3 })]);
  });
});
