import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type { Progress } from '../../../contracts/field-progress.ts';
import type { TargetArea, Turf, WalkList } from '../../../contracts/field-turfs.ts';
import { pdfTextLines } from '../../testing/pdf-text.ts';
import {
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';
import {
  ABERGEMENT_RING,
  AIN,
  assignTurf,
  createArea,
  createDefaultQuestionnaire,
  cutArea,
  dbRows,
  expectStatus,
  gridTown,
  importFixtureAddresses,
  importOrFail,
  problemOf,
  syncVisits,
  visitOf,
  walkListOf,
  type TownStreet,
} from './test-data.ts';
import { fieldFixture } from './testing.ts';

/** Oyonnax, made up: four rows of five streets of 20 addresses, 400 doors. */
const TOWN = { communeCode: '01283', communeName: 'Oyonnax', postalCode: '01100' };
const BOUNDS = { minSize: 30, maxSize: 50 };

/** The streets of a walk list, in walk order, each with its addresses in walk order. */
function streetRuns(list: WalkList) {
  const runs: Array<{ streetKey: string; addresses: WalkList['addresses'] }> = [];
  for (const address of list.addresses) {
    const last = runs[runs.length - 1];
    if (last?.streetKey === address.streetKey) last.addresses.push(address);
    else runs.push({ streetKey: address.streetKey, addresses: [address] });
  }
  return runs;
}

const monotonic = (numbers: number[], direction: 1 | -1) =>
  numbers.every((n, i) => i === 0 || (n - numbers[i - 1]) * direction > 0);

describe.each(engines)('field planning over HTTP (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let streets: TownStreet[];
  let town: TargetArea;
  let turfs: Turf[];
  let versionId: number;
  let volunteer: Awaited<ReturnType<typeof supporterBrowser>>;

  const turfOk = async (turfId: number) =>
    (await staff.get(`/api/field/turfs/${turfId}/walk-list`)).statusCode;
  const turfsOf = async (areaId: number) =>
    expectStatus<{ items: Turf[] }>(await staff.get(`/api/field/areas/${areaId}/turfs`), 200).items;
  const patchTurf = (turfId: number, body: Record<string, unknown>) =>
    staff.request('PATCH', `/api/field/turfs/${turfId}`, body);

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'planning@field.example', ['staff']);
    await importOrFail(
      t,
      staff,
      { kind: 'reu' },
      fieldFixture('stations', 'table-adresses-reu.csv'),
      'table-adresses-reu.csv',
    );
    await importFixtureAddresses(t, staff);
    const grid = gridTown({ ...TOWN, rows: 4, counts: [20, 20, 20, 20, 20] });
    streets = grid.streets;
    await importOrFail(t, staff, { kind: 'addresses' }, grid.file, 'adresses-01283.csv');
    versionId = (await createDefaultQuestionnaire(staff)).current.id;
    volunteer = await supporterBrowser(t, 'volunteer@planning.example', { firstName: 'Josiane' });
  }, 90_000);
  afterAll(() => t?.close());

  it('counts the addresses of areas by polling stations, communes or a drawn polygon', async () => {
    const byStations = await createArea(staff, {
      kind: 'stations',
      name: 'Bureaux 1 et 2 d’Ambérieu',
      stations: ['01004_0001', '01004_0002', '01004_0002'],
    });
    // 1 and 2 Rue Alexandre Bérard (station 1), 3 and 15 Impasse des Tilleuls (station 2).
    expect(byStations).toMatchObject({
      kind: 'stations',
      stations: ['01004_0001', '01004_0002'],
      communes: [],
      polygon: null,
      addressCount: 4,
      turfCount: 0,
    });
    const oneStation = await createArea(staff, {
      kind: 'stations',
      name: 'Bureau de L’Abergement',
      stations: ['01001_0001'],
    });
    expect(oneStation.addressCount).toBe(AIN.abergement.addresses);
    const byCommunes = await createArea(staff, {
      kind: 'communes',
      name: 'Deux communes de l’Ain',
      communes: [AIN.abergement.code, AIN.amberieu.code],
    });
    expect(byCommunes.addressCount).toBe(AIN.abergement.addresses + AIN.amberieu.addresses);
    const polygon = { type: 'Polygon' as const, coordinates: [ABERGEMENT_RING] };
    const drawn = await createArea(staff, { kind: 'polygon', name: 'Autour du bourg', polygon });
    expect(drawn).toMatchObject({ kind: 'polygon', polygon, addressCount: 10 });
    town = await createArea(staff, { kind: 'communes', name: 'Oyonnax', communes: ['01283'] });
    expect(town.addressCount).toBe(400);

    const listed = expectStatus<{ items: TargetArea[] }>(
      await staff.get('/api/field/areas'),
      200,
    ).items;
    expect(listed.map((a) => [a.name, a.addressCount])).toEqual([
      ['Oyonnax', 400],
      ['Autour du bourg', 10],
      ['Deux communes de l’Ain', 15],
      ['Bureau de L’Abergement', 10],
      ['Bureaux 1 et 2 d’Ambérieu', 4],
    ]);
  });

  it('refuses an area it cannot read: a polygon that crosses itself, a bad station id', async () => {
    const bowTie = [
      [4.9, 46.14],
      [4.94, 46.17],
      [4.94, 46.14],
      [4.9, 46.17],
      [4.9, 46.14],
    ];
    const crossed = await staff.post('/api/field/areas', {
      kind: 'polygon',
      name: 'Nœud papillon',
      polygon: { type: 'Polygon', coordinates: [bowTie] },
    });
    expect(problemOf(crossed)).toEqual({ status: 400, code: 'validation_failed' });
    expect((crossed.json() as { errors: Array<{ code: string }> }).errors).toContainEqual(
      expect.objectContaining({ code: 'polygon_self_intersecting' }),
    );
    const badStation = await staff.post('/api/field/areas', {
      kind: 'stations',
      name: 'Bureau inconnu',
      stations: ['1001-1'],
    });
    expect(problemOf(badStation)).toEqual({ status: 400, code: 'validation_failed' });
    const cutBackwards = await staff.post(`/api/field/areas/${town.id}/turfs`, {
      minSize: 50,
      maxSize: 30,
    });
    expect(problemOf(cutBackwards)).toEqual({ status: 400, code: 'validation_failed' });
    expect(await turfsOf(town.id)).toEqual([]);
  });

  it('cuts an area into turfs within the bounds, every short street whole', async () => {
    turfs = await cutArea(staff, town.id, BOUNDS);
    expect(turfs.length).toBeGreaterThanOrEqual(8);
    for (const turf of turfs) {
      expect(turf.addressCount, turf.name).toBeGreaterThanOrEqual(BOUNDS.minSize);
      expect(turf.addressCount, turf.name).toBeLessThanOrEqual(BOUNDS.maxSize);
      expect(turf).toMatchObject({
        areaId: town.id,
        visited: 0,
        volunteers: [],
        committeeId: null,
      });
      expect(turf.name).toMatch(/^Secteur \d+ · Rue [A-D][1-5]( et alentours)?$/);
      expect(turf.outline.length).toBeGreaterThanOrEqual(3);
    }
    expect(turfs.reduce((sum, turf) => sum + turf.addressCount, 0)).toBe(400);
    const lists = await Promise.all(turfs.map((turf) => walkListOf(staff, turf.id)));
    const turfOfStreet = new Map<string, Set<number>>();
    for (const list of lists) {
      expect(list.addresses).toHaveLength(list.turf.addressCount);
      for (const address of list.addresses) {
        const held = turfOfStreet.get(address.streetKey) ?? new Set<number>();
        held.add(list.turf.id);
        turfOfStreet.set(address.streetKey, held);
      }
    }
    expect(turfOfStreet.size).toBe(streets.length);
    for (const [street, held] of turfOfStreet) expect(held.size, street).toBe(1);
    const [area] = expectStatus<{ items: TargetArea[] }>(
      await staff.get('/api/field/areas'),
      200,
    ).items;
    expect(area).toMatchObject({ id: town.id, turfCount: turfs.length, addressCount: 400 });
  });

  it('orders each walk list street by street: up one side, numbers rising, and back down the other', async () => {
    for (const turf of turfs) {
      const list = await walkListOf(staff, turf.id);
      expect(list.addresses.map((a) => a.position)).toEqual(list.addresses.map((_, i) => i + 1));
      const runs = streetRuns(list);
      // Each street is walked once, whole.
      expect(new Set(runs.map((r) => r.streetKey)).size).toBe(runs.length);
      for (const run of runs) {
        expect(run.addresses).toHaveLength(20);
        for (const a of run.addresses) expect(a.side).toBe(a.number % 2 ? 'odd' : 'even');
        const firstSide = run.addresses[0].side;
        const out = run.addresses.filter((a) => a.side === firstSide).map((a) => a.number);
        const back = run.addresses.filter((a) => a.side !== firstSide).map((a) => a.number);
        // One side first, all of it, then the other.
        expect(run.addresses.map((a) => a.side)).toEqual([
          ...Array<string>(10).fill(firstSide!),
          ...Array<string>(10).fill(firstSide === 'odd' ? 'even' : 'odd'),
        ]);
        const direction = out[1] > out[0] ? 1 : -1;
        expect(monotonic(out, direction), `${run.streetKey} ${out}`).toBe(true);
        expect(monotonic(back, direction === 1 ? -1 : 1), `${run.streetKey} ${back}`).toBe(true);
      }
    }
  });

  it('prints a turf’s walk list with its name, streets and numbers, and nothing of other turfs', async () => {
    const turf = turfs[0];
    const list = await walkListOf(staff, turf.id);
    const response = await staff.get(`/api/field/turfs/${turf.id}/walk-list.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="liste-de-marche-${turf.id}.pdf"`,
    );
    const lines = pdfTextLines(response.rawPayload);
    expect(lines).toContain(turf.name);
    expect(lines).toContain(`${list.addresses.length} adresses`);
    // Under each heading (street, commune, side), the rows: order of passage, then number.
    const headings: string[] = [];
    const rows: Array<[number, number]> = [];
    lines.forEach((line, i) => {
      if (!/ · côté (pair|impair)/.test(line)) return;
      headings.push(line);
      for (let j = i + 1; /^\d+$/.test(lines[j]) && /^\d+$/.test(lines[j + 1] ?? ''); j += 2) {
        rows.push([Number(lines[j]), Number(lines[j + 1])]);
      }
    });
    expect(rows).toEqual(list.addresses.map((a) => [a.position, a.number]));
    const mine = new Set(list.addresses.map((a) => a.street));
    expect(new Set(headings.map((h) => h.split(' – ')[0]))).toEqual(mine);
    expect(headings.every((h) => h.includes(' – Oyonnax · côté '))).toBe(true);
    const text = lines.join('\n');
    for (const street of streets.filter((s) => !mine.has(s.name))) {
      expect(text).not.toContain(`${street.name} – `);
    }
  });

  it('cuts an area again while no door was visited: new turfs replace the old', async () => {
    const old = turfs.map((turf) => turf.id);
    turfs = await cutArea(staff, town.id, BOUNDS);
    expect(turfs.map((turf) => turf.id).some((id) => old.includes(id))).toBe(false);
    expect(await turfOk(old[0])).toBe(404);
    expect(turfs.reduce((sum, turf) => sum + turf.addressCount, 0)).toBe(400);
  });

  it('renames a turf, gives it to a committee, volunteers and dates, and refuses what it cannot keep', async () => {
    const turf = turfs[0];
    const committee = expectStatus<Committee>(
      await volunteer.browser.post('/api/committees', {
        name: 'Comité d’Oyonnax',
        place: { postalCode: '01100' },
      }),
      201,
    );
    expect(problemOf(await patchTurf(turf.id, { committeeId: 999_999 }))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(
      problemOf(await patchTurf(turf.id, { startsOn: '2026-05-10', endsOn: '2026-05-09' })),
    ).toEqual({ status: 400, code: 'ends_before_start' });
    expect(problemOf(await patchTurf(turf.id, { volunteerIds: [999_999] }))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(problemOf(await patchTurf(turf.id, { name: '   ' }))).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    // Nothing of the refused changes was kept.
    expect((await walkListOf(staff, turf.id)).turf).toEqual(turf);

    const updated = expectStatus<Turf>(
      await patchTurf(turf.id, {
        name: '  Centre, côté gare ',
        committeeId: committee.id,
        startsOn: '2026-05-09',
        endsOn: '2026-05-10',
        volunteerIds: [volunteer.personId, volunteer.personId],
      }),
      200,
    );
    expect(updated).toMatchObject({
      name: 'Centre, côté gare',
      committeeId: committee.id,
      committeeName: 'Comité d’Oyonnax',
      startsOn: '2026-05-09',
      endsOn: '2026-05-10',
      volunteers: [{ personId: volunteer.personId, name: expect.stringContaining('Josiane') }],
    });
    // A later end alone is checked against the kept start.
    expect(problemOf(await patchTurf(turf.id, { endsOn: '2026-05-01' }))).toEqual({
      status: 400,
      code: 'ends_before_start',
    });
    const cleared = expectStatus<Turf>(
      await patchTurf(turf.id, { committeeId: null, startsOn: null, endsOn: null }),
      200,
    );
    expect(cleared).toMatchObject({
      name: 'Centre, côté gare',
      committeeId: null,
      committeeName: null,
      startsOn: null,
      endsOn: null,
      volunteers: [{ personId: volunteer.personId }],
    });
    turfs[0] = cleared;
  });

  it('keeps a name with HTML as text, and answers it as it was given', async () => {
    const name = '<script>alert(1)</script>';
    const response = await patchTurf(turfs[1].id, { name });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect((response.json() as Turf).name).toBe(name);
    expect(response.body).toContain('"name":"<script>alert(1)</script>"');
    const [row] = await dbRows<{ name: string }>(
      t,
      'SELECT name FROM field_turfs WHERE campaign_id = $1 AND id = $2',
      [t.ctx.campaignId, turfs[1].id],
    );
    expect(row.name).toBe(name);
    turfs[1] = (await walkListOf(staff, turfs[1].id)).turf;
  });

  it('splits a turf in two along its walk, at a change of street', async () => {
    const turf = turfs.find((candidate) => candidate.addressCount >= 40)!;
    expect(turf).toBeDefined();
    await patchTurf(turf.id, { startsOn: '2026-06-01', endsOn: '2026-06-02' });
    const walk = (await walkListOf(staff, turf.id)).addresses.map((a) => a.id);
    const streetOf = new Map(
      (await walkListOf(staff, turf.id)).addresses.map((a) => [a.id, a.streetKey]),
    );
    const parts = expectStatus<{ items: Turf[] }>(
      await staff.post(`/api/field/turfs/${turf.id}/split`),
      200,
    ).items;
    expect(parts).toHaveLength(2);
    expect(parts[0].id).toBe(turf.id);
    expect(parts.map((p) => p.name)).toEqual([`${turf.name} (1)`, `${turf.name} (2)`]);
    expect(parts[1]).toMatchObject({
      areaId: turf.areaId,
      startsOn: '2026-06-01',
      endsOn: '2026-06-02',
    });
    const first = (await walkListOf(staff, parts[0].id)).addresses.map((a) => a.id);
    const second = (await walkListOf(staff, parts[1].id)).addresses.map((a) => a.id);
    expect(first.length + second.length).toBe(walk.length);
    expect(parts.map((p) => p.addressCount)).toEqual([first.length, second.length]);
    expect(new Set([...first, ...second])).toEqual(new Set(walk));
    // Between a quarter and three quarters of the walk, where one street ends.
    expect(first.length).toBeGreaterThanOrEqual(walk.length / 4);
    expect(first.length).toBeLessThanOrEqual((walk.length * 3) / 4);
    const firstStreets = new Set(first.map((id) => streetOf.get(id)));
    for (const id of second) expect(firstStreets.has(streetOf.get(id))).toBe(false);
    turfs = await turfsOf(town.id);
  });

  it('merges turfs into the first: addresses, visits, support counts and volunteers', async () => {
    const [kept, gone] = turfs.slice(2, 4);
    const other = await supporterBrowser(t, 'second@planning.example', { firstName: 'Hector' });
    await assignTurf(staff, kept.id, [volunteer.personId]);
    await assignTurf(staff, gone.id, [volunteer.personId, other.personId]);
    const keptWalk = (await walkListOf(staff, kept.id)).addresses;
    const goneWalk = (await walkListOf(staff, gone.id)).addresses;
    const answered = (supportLevel: number) => ({
      outcome: 'conversation' as const,
      questionnaire: {
        versionId,
        answers: {},
        supportLevel,
        residentConsent: { personalData: true, storeOpinion: false },
      },
    });
    const results = await syncVisits(volunteer.browser, [
      visitOf(kept.id, keptWalk[0].id, answered(2)),
      visitOf(gone.id, goneWalk[0].id, answered(4)),
      visitOf(gone.id, goneWalk[1].id, answered(4)),
      visitOf(gone.id, goneWalk[2].id),
    ]);
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'stored']);

    const merged = expectStatus<Turf>(
      await staff.post('/api/field/turfs/merge', { turfIds: [kept.id, gone.id] }),
      200,
    );
    expect(merged).toMatchObject({
      id: kept.id,
      name: kept.name,
      addressCount: kept.addressCount + gone.addressCount,
      visited: 4,
    });
    expect(merged.volunteers.map((v) => v.personId).sort()).toEqual(
      [volunteer.personId, other.personId].sort(),
    );
    expect(await turfOk(gone.id)).toBe(404);
    const walk = await walkListOf(staff, kept.id);
    expect(new Set(walk.addresses.map((a) => a.id))).toEqual(
      new Set([...keptWalk, ...goneWalk].map((a) => a.id)),
    );
    expect(walk.addresses.filter((a) => a.visits > 0)).toHaveLength(4);
    const visits = await dbRows<{ turf_id: number }>(
      t,
      'SELECT DISTINCT turf_id::int AS turf_id FROM field_visits WHERE campaign_id = $1',
      [t.ctx.campaignId],
    );
    expect(visits).toEqual([{ turf_id: kept.id }]);
    const progress = expectStatus<Progress>(
      await staff.get(`/api/field/progress?turfId=${kept.id}`),
      200,
    );
    expect(progress).toMatchObject({
      visits: 4,
      conversations: 3,
      support: [
        { level: 2, count: 1 },
        { level: 4, count: 2 },
      ],
    });
    const tallies = await dbRows<{ turf_id: number; n: number }>(
      t,
      `SELECT turf_id::int AS turf_id, sum(count)::int AS n FROM field_support_tallies
        WHERE campaign_id = $1 GROUP BY turf_id`,
      [t.ctx.campaignId],
    );
    expect(tallies).toEqual([{ turf_id: kept.id, n: 3 }]);
  });

  it('refuses to merge an unknown turf, or turfs of two areas', async () => {
    const kept = turfs[2];
    expect(
      problemOf(await staff.post('/api/field/turfs/merge', { turfIds: [kept.id, 999_999] })),
    ).toEqual({ status: 404, code: 'not_found' });
    const ain = await createArea(staff, {
      kind: 'communes',
      name: 'L’Abergement',
      communes: [AIN.abergement.code],
    });
    const [elsewhere] = await cutArea(staff, ain.id, { minSize: 5, maxSize: 10 });
    expect(
      problemOf(await staff.post('/api/field/turfs/merge', { turfIds: [kept.id, elsewhere.id] })),
    ).toEqual({ status: 400, code: 'turfs_of_other_areas' });
  });

  it('keeps the turfs and the area of visited doors: no new cut, no deletion', async () => {
    const before = await turfsOf(town.id);
    expect(problemOf(await staff.post(`/api/field/areas/${town.id}/turfs`, BOUNDS))).toEqual({
      status: 409,
      code: 'turfs_visited',
    });
    expect(await turfsOf(town.id)).toEqual(before);
    expect(problemOf(await staff.delete(`/api/field/areas/${town.id}`))).toEqual({
      status: 409,
      code: 'area_visited',
    });
    expect(await turfsOf(town.id)).toEqual(before);
  });

  it('deletes an area never visited, with its turfs', async () => {
    const area = await createArea(staff, {
      kind: 'communes',
      name: 'Ambérieu',
      communes: [AIN.amberieu.code],
    });
    const [turf] = await cutArea(staff, area.id, { minSize: 5, maxSize: 10 });
    await assignTurf(staff, turf.id, [volunteer.personId]);
    expect((await staff.delete(`/api/field/areas/${area.id}`)).json()).toEqual({ ok: true });
    expect(await turfOk(turf.id)).toBe(404);
    expect(problemOf(await staff.get(`/api/field/areas/${area.id}/turfs`))).toEqual({
      status: 404,
      code: 'not_found',
    });
    const [{ n }] = await dbRows<{ n: number }>(
      t,
      'SELECT count(*)::int AS n FROM field_turf_assignees WHERE campaign_id = $1 AND turf_id = $2',
      [t.ctx.campaignId, turf.id],
    );
    expect(n).toBe(0);
  });

  it("answers 404 for another campaign's areas and turfs, and changes nothing", async () => {
    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      const theirs = await staffBrowser(other, 'hq@other-planning.example', ['staff']);
      const turf = turfs[0];
      const before = await turfsOf(town.id);
      const calls: Array<[string, string, unknown?]> = [
        ['GET', `/api/field/areas/${town.id}/turfs`],
        ['POST', `/api/field/areas/${town.id}/turfs`, BOUNDS],
        ['DELETE', `/api/field/areas/${town.id}`],
        ['PATCH', `/api/field/turfs/${turf.id}`, { name: 'Pris' }],
        ['GET', `/api/field/turfs/${turf.id}/walk-list`],
        ['GET', `/api/field/turfs/${turf.id}/walk-list.pdf`],
        ['POST', `/api/field/turfs/${turf.id}/split`, {}],
        ['POST', '/api/field/turfs/merge', { turfIds: [turfs[0].id, turfs[1].id] }],
      ];
      for (const [method, url, body] of calls) {
        expect(problemOf(await theirs.request(method, url, body)), `${method} ${url}`).toEqual({
          status: 404,
          code: 'not_found',
        });
      }
      expect((await theirs.get('/api/field/areas')).json()).toEqual({ items: [] });
      expect(await turfsOf(town.id)).toEqual(before);

      // Nor may our turfs be given to their people or their committees.
      const theirId = (await theirs.session()).me!.personId;
      const theirCommittee = expectStatus<Committee>(
        await theirs.post('/api/committees', {
          name: 'Comité d’ailleurs',
          place: { postalCode: '69001' },
        }),
        201,
      );
      for (const change of [{ volunteerIds: [theirId] }, { committeeId: theirCommittee.id }]) {
        expect(problemOf(await patchTurf(turf.id, change)), JSON.stringify(change)).toEqual({
          status: 404,
          code: 'not_found',
        });
      }
      expect(await turfsOf(town.id)).toEqual(before);
    } finally {
      await other.close();
    }
  });
});
