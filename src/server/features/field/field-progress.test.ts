import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type { Progress } from '../../../contracts/field-progress.ts';
import type { Turf, WalkList } from '../../../contracts/field-turfs.ts';
import type { VisitInput } from '../../../contracts/field-visits.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';
import {
  AIN,
  assignTurf,
  createArea,
  createDefaultQuestionnaire,
  cutArea,
  dbRows,
  expectStatus,
  importFixtureAddresses,
  syncVisits,
  visitOf,
  walkListOf,
} from './test-data.ts';

const DAY_1 = '2026-03-14';
const DAY_2 = '2026-03-15';
const HEADERS = [
  'Visite',
  'Date',
  'Secteur',
  'Numéro',
  'Voie',
  'Commune',
  'Bâtiment',
  'Étage',
  'Porte',
  'Mode',
  'Issue',
  'Version du questionnaire',
  'Réponses',
  'Contact recueilli',
];

/** A CSV's records as a spreadsheet reads them (`;`, quotes doubled inside quoted cells). */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      record.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell || record.length) records.push([...record, cell]);
  return records;
}

describe.each(engines)('door-to-door progress over HTTP (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;
  let turfs: Turf[];
  let a: WalkList;
  let b: WalkList;
  let committee: Committee;
  let lucie: Awaited<ReturnType<typeof supporterBrowser>>;
  let marc: Awaited<ReturnType<typeof supporterBrowser>>;
  let organiser: Awaited<ReturnType<typeof supporterBrowser>>;
  let member: Awaited<ReturnType<typeof supporterBrowser>>;
  const visits: Record<string, VisitInput> = {};

  const progress = async (query = '') =>
    expectStatus<Progress>(await staff.get(`/api/field/progress${query}`), 200);

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'progress@field.example', ['staff']);
    staffId = (await staff.session()).me!.personId;
    await importFixtureAddresses(t, staff);
    const area = await createArea(staff, {
      kind: 'communes',
      name: 'L’Abergement et Ambérieu',
      communes: [AIN.abergement.code, AIN.amberieu.code],
    });
    turfs = await cutArea(staff, area.id, { minSize: 5, maxSize: 8 });
    const [largest, next] = [...turfs].sort((x, y) => y.addressCount - x.addressCount);
    const versionId = (await createDefaultQuestionnaire(staff)).current.id;
    [lucie, marc, organiser, member] = await Promise.all(
      ['lucie', 'marc', 'oscar', 'mila'].map((name) =>
        supporterBrowser(t, `${name}@progress.example`, {
          firstName: name[0].toUpperCase() + name.slice(1),
          lastName: 'Terrain',
        }),
      ),
    );
    committee = expectStatus<Committee>(
      await organiser.browser.post('/api/committees', {
        name: 'Comité du Bugey',
        place: { postalCode: '01500' },
      }),
      201,
    );
    expectStatus(
      await member.browser.put(`/api/committees/${committee.id}/membership`, { as: 'member' }),
      200,
    );
    expectStatus(
      await staff.request('PATCH', `/api/field/turfs/${largest.id}`, {
        committeeId: committee.id,
      }),
      200,
    );
    expectStatus(
      await staff.request('PATCH', `/api/field/turfs/${next.id}`, { name: '=1+2 Centre' }),
      200,
    );
    for (const turf of [largest, next]) {
      await assignTurf(staff, turf.id, [lucie.personId, marc.personId]);
    }
    a = await walkListOf(staff, largest.id);
    b = await walkListOf(staff, next.id);
    turfs = turfs.map((turf) => (turf.id === b.turf.id ? b.turf : turf));

    const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const asked = (more: Record<string, unknown>) =>
      ({
        versionId,
        answers: {},
        residentConsent: { personalData: true, storeOpinion: false },
        ...more,
      }) as VisitInput['questionnaire'];
    visits.v1 = visitOf(a.turf.id, a.addresses[0].id, {
      outcome: 'conversation',
      visitedAt: at(DAY_1, 9),
      questionnaire: asked({
        answers: {
          main_concern: 'housing',
          volunteer: 'yes',
          volunteer_how: ['leaflets', 'door_to_door'],
        },
        supportLevel: 1,
      }),
    });
    visits.v2 = visitOf(a.turf.id, a.addresses[1].id, {
      outcome: 'conversation',
      visitedAt: at(DAY_1, 10),
      questionnaire: asked({
        answers: { main_concern: 'transport', volunteer: 'no' },
        supportLevel: 2,
        residentConsent: { personalData: true, storeOpinion: true },
        contact: {
          firstName: 'Jeanne',
          lastName: 'Résidente',
          email: 'jeanne.residente@porte.example',
          emailConsent: true,
        },
      }),
    });
    visits.v3 = visitOf(a.turf.id, a.addresses[2].id, { visitedAt: at(DAY_1, 11) });
    visits.v4 = visitOf(a.turf.id, a.addresses[3].id, {
      mode: 'leaflet',
      outcome: 'leaflet',
      visitedAt: at(DAY_2, 9),
    });
    visits.v5 = visitOf(b.turf.id, b.addresses[0].id, {
      outcome: 'refused',
      visitedAt: at(DAY_1, 14),
      building: '=HYPERLINK("http://evil.example","clic")',
      floor: '-2',
      door: '@SUM(1)',
      notes: '=HYPERLINK("http://evil.example")',
    });
    visits.v6 = visitOf(b.turf.id, b.addresses[0].id, {
      outcome: 'conversation',
      visitedAt: at(DAY_2, 15),
      questionnaire: asked({
        answers: { main_concern: 'housing', comment: 'Jeanne du 3 veut plus de bus' },
        supportLevel: 3,
      }),
    });
    const byLucie = await syncVisits(lucie.browser, [visits.v1, visits.v2, visits.v5]);
    const byMarc = await syncVisits(marc.browser, [visits.v3, visits.v4, visits.v6]);
    for (const result of [...byLucie, ...byMarc]) {
      if (result.status !== 'stored') throw new Error(JSON.stringify(result));
    }
  }, 90_000);
  afterAll(() => t?.close());

  it('counts doors, knocks, conversations, contacts, leaflets and outcomes of the campaign', async () => {
    const all = await progress();
    expect(all).toMatchObject({
      doors: AIN.abergement.addresses + AIN.amberieu.addresses,
      // The leaflet drop is no knock; the door of turf B was knocked twice.
      knocked: 4,
      visits: 6,
      conversations: 3,
      contacts: 1,
      leafletsDropped: 1,
      outcomes: {
        not_home: 1,
        conversation: 3,
        refused: 1,
        come_back: 0,
        moved: 0,
        do_not_visit: 0,
        leaflet: 1,
      },
      // Levels 1 and 3 counted per door, level 2 kept with the resident who agreed: all counted.
      support: [
        { level: 1, count: 1 },
        { level: 2, count: 1 },
        { level: 3, count: 1 },
      ],
    });
  });

  it('sums the answers by question with their labels, never the free text', async () => {
    const { answers } = await progress();
    expect([...answers].sort((x, y) => x.questionId.localeCompare(y.questionId))).toEqual([
      {
        questionId: 'main_concern',
        label: 'Quelle est votre principale préoccupation pour notre commune ?',
        counts: [
          { value: 'housing', label: 'Logement', count: 2 },
          { value: 'transport', label: 'Transports', count: 1 },
        ],
      },
      {
        questionId: 'volunteer',
        label: 'Aimeriez-vous nous aider pendant la campagne ?',
        counts: [
          { value: 'no', label: 'Non', count: 1 },
          { value: 'yes', label: 'Oui', count: 1 },
        ],
      },
      {
        questionId: 'volunteer_how',
        label: 'Comment aimeriez-vous aider ?',
        counts: [
          { value: 'door_to_door', label: 'Porte-à-porte', count: 1 },
          { value: 'leaflets', label: 'Distribution de tracts', count: 1 },
        ],
      },
    ]);
  });

  it('splits progress by turf, by day, by volunteer and by committee', async () => {
    const all = await progress();
    expect(all.byTurf).toHaveLength(turfs.length);
    const byTurf = new Map(all.byTurf.map((row) => [row.turfId, row]));
    expect(byTurf.get(a.turf.id)).toEqual({
      turfId: a.turf.id,
      name: a.turf.name,
      doors: a.turf.addressCount,
      knocked: 3,
      conversations: 2,
    });
    expect(byTurf.get(b.turf.id)).toEqual({
      turfId: b.turf.id,
      name: '=1+2 Centre',
      doors: b.turf.addressCount,
      knocked: 1,
      conversations: 1,
    });
    for (const turf of turfs.filter((x) => x.id !== a.turf.id && x.id !== b.turf.id)) {
      expect(byTurf.get(turf.id)).toMatchObject({ knocked: 0, conversations: 0 });
    }
    expect(all.byDay).toEqual([
      { day: DAY_1, visits: 4, conversations: 2 },
      { day: DAY_2, visits: 2, conversations: 1 },
    ]);
    const volunteers = [
      { personId: lucie.personId, name: 'Lucie Terrain', visits: 3, conversations: 2 },
      { personId: marc.personId, name: 'Marc Terrain', visits: 3, conversations: 1 },
    ].sort((x, y) => x.personId - y.personId);
    expect(all.volunteers).toEqual(volunteers);
    expect(all.committees).toEqual([
      { committeeId: committee.id, name: 'Comité du Bugey', visits: 4, conversations: 2 },
    ]);
  });

  it('narrows progress to a turf, an area or a committee', async () => {
    const ofB = await progress(`?turfId=${b.turf.id}`);
    expect(ofB).toMatchObject({
      doors: b.turf.addressCount,
      knocked: 1,
      visits: 2,
      conversations: 1,
      contacts: 0,
      leafletsDropped: 0,
      support: [{ level: 3, count: 1 }],
      byDay: [
        { day: DAY_1, visits: 1, conversations: 0 },
        { day: DAY_2, visits: 1, conversations: 1 },
      ],
      committees: [],
    });
    expect(ofB.answers).toEqual([
      {
        questionId: 'main_concern',
        label: expect.any(String),
        counts: [{ value: 'housing', label: 'Logement', count: 1 }],
      },
    ]);
    const ofCommittee = await progress(`?committeeId=${committee.id}`);
    expect(ofCommittee).toMatchObject({
      doors: a.turf.addressCount,
      knocked: 3,
      visits: 4,
      conversations: 2,
      contacts: 1,
      leafletsDropped: 1,
      support: [
        { level: 1, count: 1 },
        { level: 2, count: 1 },
      ],
    });
    expect(ofCommittee.byTurf.map((row) => row.turfId)).toEqual([a.turf.id]);
    expect(await progress(`?areaId=${a.turf.areaId}`)).toEqual(await progress());
    expect(await progress('?turfId=999999')).toMatchObject({ doors: 0, visits: 0, byTurf: [] });
  });

  it('shows a committee’s progress to its organisers, not to its plain members', async () => {
    const url = `/api/committees/${committee.id}/field/progress`;
    const expected = await progress(`?committeeId=${committee.id}`);
    expect(expectStatus<Progress>(await organiser.browser.get(url), 200)).toEqual(expected);
    expect(expectStatus<Progress>(await staff.get(url), 200)).toEqual(expected);
    expect((await member.browser.get(url)).statusCode).toBe(403);
    expect((await lucie.browser.get(url)).statusCode).toBe(403);
  });

  it('maps the doors visited with their latest outcome', async () => {
    const map = expectStatus<{
      points: Array<{ addressId: number; lat: number; lng: number; outcome: string }>;
      truncated: boolean;
    }>(await staff.get('/api/field/progress/map'), 200);
    expect(map.truncated).toBe(false);
    const where = new Map([...a.addresses, ...b.addresses].map((x) => [x.id, x]));
    const point = (address: WalkList['addresses'][number], outcome: string) => ({
      addressId: address.id,
      lat: where.get(address.id)!.lat,
      lng: where.get(address.id)!.lng,
      outcome,
    });
    expect([...map.points].sort((x, y) => x.addressId - y.addressId)).toEqual(
      [
        point(a.addresses[0], 'conversation'),
        point(a.addresses[1], 'conversation'),
        point(a.addresses[2], 'not_home'),
        point(a.addresses[3], 'leaflet'),
        point(b.addresses[0], 'conversation'),
      ].sort((x, y) => x.addressId - y.addressId),
    );
    const ofA = expectStatus<{ points: unknown[] }>(
      await staff.get(`/api/field/progress/map?turfId=${a.turf.id}`),
      200,
    );
    expect(ofA.points).toHaveLength(4);
  });

  it('exports the answers as a spreadsheet’s CSV: BOM, semicolons, formulas neutralised, no names', async () => {
    const response = await staff.get('/api/field/answers.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="reponses-porte-a-porte.csv"',
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    const text = response.body;
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = readCsv(text.slice(1));
    expect(header).toEqual(HEADERS);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toHaveLength(HEADERS.length);
    const byId = new Map(rows.map((row) => [row[0], row]));
    expect(new Set(byId.keys())).toEqual(new Set(Object.values(visits).map((v) => v.id)));

    const v5 = byId.get(visits.v5.id)!;
    expect(v5.slice(1, 12)).toEqual([
      new Date(visits.v5.visitedAt).toISOString(),
      "'=1+2 Centre",
      `${b.addresses[0].number}${b.addresses[0].suffix ? ` ${b.addresses[0].suffix}` : ''}`,
      b.addresses[0].street,
      b.addresses[0].communeName,
      '\'=HYPERLINK("http://evil.example","clic")',
      "'-2",
      "'@SUM(1)",
      'door',
      'refused',
      '',
    ]);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    // No cell a spreadsheet would read as a formula.
    for (const row of rows) {
      for (const cell of row) expect(cell, row[0]).not.toMatch(/^[=+\-@\t\r]/);
    }
    const v1 = byId.get(visits.v1.id)!;
    expect(JSON.parse(v1[12])).toEqual({
      main_concern: 'housing',
      volunteer: 'yes',
      volunteer_how: ['door_to_door', 'leaflets'],
    });
    expect(v1[11]).toBe('1');
    expect(v1[13]).toBe('non');
    const v2 = byId.get(visits.v2.id)!;
    expect(v2[13]).toBe('oui');
    expect(byId.get(visits.v4.id)!.slice(9, 11)).toEqual(['leaflet', 'leaflet']);
    // Neither the resident nor the volunteers are named; no support level, no free text.
    for (const word of ['Jeanne', 'Résidente', 'jeanne.residente', 'Lucie', 'Marc', 'Terrain']) {
      expect(text).not.toContain(word);
    }
    expect(text).not.toContain('supportLevel');
    expect(text).not.toContain('plus de bus');
  });

  it('exports the answers of one turf, and writes each export in the audit log', async () => {
    const before = await dbRows<{ id: number }>(
      t,
      `SELECT id FROM audit_log WHERE campaign_id = $1 AND action = 'field.answers.export'`,
      [t.ctx.campaignId],
    );
    const response = await staff.get(`/api/field/answers.csv?turfId=${b.turf.id}`);
    const [, ...rows] = readCsv(response.body.slice(1));
    expect(rows.map((row) => row[0]).sort()).toEqual([visits.v5.id, visits.v6.id].sort());
    const logged = await dbRows<{ actor_id: number; target: string; details: unknown }>(
      t,
      `SELECT actor_id::int AS actor_id, target, details FROM audit_log
        WHERE campaign_id = $1 AND action = 'field.answers.export' ORDER BY id`,
      [t.ctx.campaignId],
    );
    expect(logged).toHaveLength(before.length + 1);
    expect(logged[logged.length - 1]).toEqual({
      actor_id: staffId,
      target: 'field_visits',
      details: { turfId: b.turf.id },
    });
    expect(logged[0]).toEqual({ actor_id: staffId, target: 'field_visits', details: {} });
  });
});
