import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldImport, StationPriority } from '../../../contracts/field.ts';
import type { Turf, WalkList } from '../../../contracts/field-turfs.ts';
import type { CanvassPack, VisitSyncResult } from '../../../contracts/field-visits.ts';
import { defaultQuestionnaire } from '../../../contracts/field-questionnaires.ts';
import { pdfTextLines } from '../../testing/pdf-text.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';
import { fieldFixture, importFieldFile } from './testing.ts';

/**
 * The door-to-door path end to end, over HTTP: official files in, targeting, an area cut into
 * turfs, a volunteer's turf packed for offline use, visits synced twice (stored once).
 */
describe.each(engines)('door-to-door from files to visits (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  const imported: Record<string, FieldImport> = {};
  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'hq@example.org', ['staff']);
    imported.results = await importFieldFile(
      t,
      staff,
      { kind: 'results', label: 'Présidentielle 2022, 1er tour' },
      fieldFixture('results', 'presidentielle-2022-t1-burvot.txt'),
      'resultats.txt',
    );
    imported.reu = await importFieldFile(
      t,
      staff,
      { kind: 'reu' },
      fieldFixture('stations', 'table-adresses-reu.csv'),
      'table-adresses-reu.csv',
    );
    imported.addresses = await importFieldFile(
      t,
      staff,
      { kind: 'addresses' },
      fieldFixture('addresses', 'adresses-france.csv.gz'),
      'adresses-france.csv.gz',
    );
  }, 60_000);
  afterAll(() => t.close());

  it('imports results, polling-station addresses and BAN addresses with reports', () => {
    expect(imported.results).toMatchObject({ status: 'succeeded', kind: 'results' });
    expect(imported.results.counts.stored).toBeGreaterThan(0);
    expect(imported.reu).toMatchObject({ status: 'succeeded' });
    expect(imported.addresses).toMatchObject({ status: 'succeeded' });
    expect(imported.addresses.counts.stored).toBeGreaterThan(20);
    expect(imported.addresses.counts.linkedByReu).toBeGreaterThan(0);
  });

  it('refuses a file of another shape with its reason, and keeps nothing of it', async () => {
    const refused = await importFieldFile(
      t,
      staff,
      { kind: 'addresses' },
      fieldFixture('results', 'presidentielle-2022-t1-burvot.txt'),
      'mauvais.txt',
    );
    expect(refused.status).toBe('failed');
    expect(refused.error?.code).toBe('not_ban_file');
  });

  it('ranks polling stations by the formula, and refuses a formula it cannot read', async () => {
    const elections = (await staff.get('/api/field/elections')).json() as {
      items: Array<{ id: number; candidates: Array<{ panel: number }> }>;
    };
    const election = elections.items[0];
    const saved = await staff.put('/api/field/targeting', {
      electionId: election.id,
      choice: { kind: 'candidate', panel: election.candidates[0].panel },
      formula: 'inscrits * abstention * score',
    });
    expect(saved.statusCode).toBe(200);
    const bad = await staff.put('/api/field/targeting', {
      electionId: election.id,
      choice: null,
      formula: 'inscrits * foo',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'formula_unknown_name' });
    const stations = (await staff.get('/api/field/stations?departement=01')).json() as {
      items: StationPriority[];
    };
    expect(stations.items.length).toBeGreaterThan(0);
    expect(stations.items[0].rank).toBe(1);
    expect(stations.items[0].relative).toBe(1);
  });

  it('cuts an area into turfs, gives a volunteer a turf, packs it, and stores visits once', async () => {
    const area = await staff.post('/api/field/areas', {
      kind: 'communes',
      name: 'Ain',
      communes: ['01001', '01004'],
    });
    expect(area.statusCode).toBe(201);
    const { id: areaId } = area.json() as { id: number };
    const cut = await staff.post(`/api/field/areas/${areaId}/turfs`, { minSize: 5, maxSize: 8 });
    expect(cut.statusCode, cut.body).toBe(200);
    const turfs = (cut.json() as { items: Turf[] }).items;
    expect(turfs.length).toBeGreaterThan(0);
    const turf = turfs[0];

    const volunteer = await supporterBrowser(t, 'benevole@example.org');
    const outsider = await supporterBrowser(t, 'autre@example.org');
    expect((await outsider.browser.get(`/api/field/turfs/${turf.id}/pack`)).json()).toMatchObject({
      code: 'turf_not_assigned',
    });
    const assigned = await staff.request('PATCH', `/api/field/turfs/${turf.id}`, {
      volunteerIds: [volunteer.personId],
    });
    expect(assigned.statusCode).toBe(200);
    const mine = (await volunteer.browser.get('/api/field/my-turfs')).json() as {
      items: Array<{ id: number; why: string }>;
    };
    expect(mine.items).toEqual([expect.objectContaining({ id: turf.id, why: 'volunteer' })]);

    const created = await staff.post('/api/field/questionnaires', defaultQuestionnaire);
    expect(created.statusCode, created.body).toBe(201);
    const pack = (
      await volunteer.browser.get(`/api/field/turfs/${turf.id}/pack`)
    ).json() as CanvassPack;
    expect(pack.addresses.length).toBe(turf.addressCount);
    expect(pack.questionnaire?.version).toBe(1);
    const session = await volunteer.browser.post(`/api/field/turfs/${turf.id}/session`);
    expect(session.statusCode).toBe(200);

    const visits = pack.addresses.slice(0, 2).map((address) => ({
      id: randomUUID(),
      turfId: turf.id,
      addressId: address.id,
      outcome: 'conversation',
      mode: 'door',
      visitedAt: new Date().toISOString(),
      questionnaire: {
        versionId: pack.questionnaire!.id,
        answers: {},
        supportLevel: 2,
        residentConsent: { personalData: true, storeOpinion: false },
      },
    }));
    const first = (
      await volunteer.browser.post('/api/field/visits', { visits })
    ).json() as VisitSyncResult;
    expect(first.results.map((r) => r.status)).toEqual(['stored', 'stored']);
    const again = (
      await volunteer.browser.post('/api/field/visits', { visits })
    ).json() as VisitSyncResult;
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const list = (await staff.get(`/api/field/turfs/${turf.id}/walk-list`)).json() as WalkList;
    expect(list.addresses.filter((a) => a.visits > 0)).toHaveLength(2);
    const progress = (await staff.get(`/api/field/progress?turfId=${turf.id}`)).json() as {
      visits: number;
      support: Array<{ level: number; count: number }>;
    };
    expect(progress.visits).toBe(2);
    expect(progress.support).toEqual([{ level: 2, count: 2 }]);

    const pdf = await volunteer.browser.get(`/api/field/turfs/${turf.id}/walk-list.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfTextLines(pdf.rawPayload).join('\n');
    expect(text).toContain(pack.addresses[0].street);
  });
});
