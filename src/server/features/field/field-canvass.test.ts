import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Committee } from '../../../contracts/committees.ts';
import type { Event } from '../../../contracts/events.ts';
import type { Turf } from '../../../contracts/field-turfs.ts';
import type { CanvassPack, VisitInput } from '../../../contracts/field-visits.ts';
import { addDays, instantOf, wallClock } from '../../core/local-time.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
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
  problemOf,
  syncVisits,
  visitOf,
  walkListOf,
} from './test-data.ts';

type Supporter = Awaited<ReturnType<typeof supporterBrowser>>;

const PARIS = 'Europe/Paris';

describe.each(engines)('canvassing over HTTP (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let turfs: Turf[];
  /** The turf the visits below are made in (given to alice and bruno). */
  let turf: Turf;
  let doors: number[];
  let versionId: number;
  let alice: Supporter;
  let bruno: Supporter;
  let outsider: Supporter;
  let eve: Supporter;
  let organiser: Supporter;

  const answersOf = (more: Record<string, unknown> = {}) => ({
    versionId,
    answers: {},
    residentConsent: { personalData: true, storeOpinion: false },
    ...more,
  });
  const questionnaireVisit = (
    addressId: number,
    questionnaire: Record<string, unknown>,
    more: Partial<VisitInput> = {},
  ) =>
    visitOf(turf.id, addressId, {
      outcome: 'conversation',
      questionnaire: answersOf(questionnaire) as VisitInput['questionnaire'],
      ...more,
    });
  const statusById = (results: Awaited<ReturnType<typeof syncVisits>>) =>
    Object.fromEntries(results.map((r) => [r.id, r.code ? `${r.status}:${r.code}` : r.status]));
  const visitRows = (id: string) =>
    dbRows<{
      turf_id: number;
      address_id: number;
      volunteer_person_id: number;
      person_id: number | null;
      support_level: number | null;
      answers: Record<string, unknown> | null;
      notes: string | null;
      building: string | null;
    }>(
      t,
      `SELECT turf_id::int AS turf_id, address_id::int AS address_id,
              volunteer_person_id::int AS volunteer_person_id, person_id::int AS person_id,
              support_level, answers, notes, building
         FROM field_visits WHERE campaign_id = $1 AND id = $2::uuid`,
      [t.ctx.campaignId, id],
    );
  const tallyAt = async (addressId: number) =>
    dbRows<{ level: number; count: number }>(
      t,
      `SELECT level, count FROM field_support_tallies
        WHERE campaign_id = $1 AND address_id = $2 ORDER BY level`,
      [t.ctx.campaignId, addressId],
    );
  const peopleWithEmail = (email: string) =>
    dbRows<{ id: number; source: string; first_name: string }>(
      t,
      `SELECT id::int AS id, source, first_name FROM people WHERE campaign_id = $1 AND email = $2`,
      [t.ctx.campaignId, email],
    );
  const pack = (browser: Browser, turfId: number) => browser.get(`/api/field/turfs/${turfId}/pack`);
  const myTurfs = async (browser: Browser) =>
    expectStatus<{ items: Array<{ id: number; why: string }> }>(
      await browser.get('/api/field/my-turfs'),
      200,
    ).items.map((item) => ({ id: item.id, why: item.why }));

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'canvass@field.example', ['staff']);
    await importFixtureAddresses(t, staff);
    const area = await createArea(staff, {
      kind: 'communes',
      name: 'L’Abergement et Ambérieu',
      communes: [AIN.abergement.code, AIN.amberieu.code],
    });
    turfs = await cutArea(staff, area.id, { minSize: 5, maxSize: 8 });
    turf = turfs.reduce((a, b) => (b.addressCount > a.addressCount ? b : a));
    doors = (await walkListOf(staff, turf.id)).addresses.map((a) => a.id);
    versionId = (await createDefaultQuestionnaire(staff)).current.id;
    [alice, bruno, outsider, eve, organiser] = await Promise.all(
      ['alice', 'bruno', 'outsider', 'eve', 'organiser'].map((name) =>
        supporterBrowser(t, `${name}@canvass.example`, {
          firstName: name[0].toUpperCase() + name.slice(1),
        }),
      ),
    );
    await assignTurf(staff, turf.id, [alice.personId, bruno.personId]);
  }, 90_000);
  afterAll(() => t?.close());

  it('has turfs to canvass: several, the largest with at least six doors', () => {
    expect(turfs.length).toBeGreaterThanOrEqual(2);
    expect(doors.length).toBeGreaterThanOrEqual(6);
  });

  it('answers 401 to anonymous callers of the canvassing routes, with real turfs', async () => {
    const anonymous = new Browser(t.app, '10.3.0.1');
    await anonymous.session();
    for (const [method, url] of [
      ['GET', '/api/field/my-turfs'],
      ['GET', `/api/field/turfs/${turf.id}/pack`],
      ['POST', `/api/field/turfs/${turf.id}/session`],
      ['GET', `/api/field/turfs/${turf.id}/walk-list.pdf`],
      ['POST', '/api/field/visits'],
    ]) {
      const body = url === '/api/field/visits' ? { visits: [visitOf(turf.id, doors[0])] } : {};
      expect(problemOf(await anonymous.request(method, url, body)), url).toEqual({
        status: 401,
        code: 'unauthenticated',
      });
    }
  });

  it('answers 403 to a supporter on the managing routes, even for their own turf', async () => {
    for (const [method, url, body] of [
      ['GET', `/api/field/turfs/${turf.id}/walk-list`],
      ['PATCH', `/api/field/turfs/${turf.id}`, { name: 'Le mien' }],
      ['POST', `/api/field/turfs/${turf.id}/split`, {}],
      ['POST', '/api/field/turfs/merge', { turfIds: [turfs[0].id, turfs[1].id] }],
      ['GET', `/api/field/areas/${turf.areaId}/turfs`],
      ['DELETE', `/api/field/areas/${turf.areaId}`],
      ['GET', `/api/field/progress?turfId=${turf.id}`],
      ['GET', `/api/field/progress/map?turfId=${turf.id}`],
      ['GET', `/api/field/answers.csv?turfId=${turf.id}`],
    ] as Array<[string, string, unknown?]>) {
      expect(problemOf(await alice.browser.request(method, url, body)), url).toEqual({
        status: 403,
        code: 'forbidden',
      });
    }
    expect((await walkListOf(staff, turf.id)).turf.name).toBe(turf.name);
  });

  it('refuses a turf that is not given to the volunteer: pack, session, printing, visits', async () => {
    const other = turfs.find((candidate) => candidate.id !== turf.id)!;
    const notAssigned = { status: 403, code: 'turf_not_assigned' };
    expect(problemOf(await pack(outsider.browser, turf.id))).toEqual(notAssigned);
    expect(problemOf(await outsider.browser.post(`/api/field/turfs/${turf.id}/session`))).toEqual(
      notAssigned,
    );
    expect(
      problemOf(await outsider.browser.get(`/api/field/turfs/${turf.id}/walk-list.pdf`)),
    ).toEqual(notAssigned);
    expect(problemOf(await pack(alice.browser, other.id))).toEqual(notAssigned);
    const visit = visitOf(other.id, doors[0]);
    expect(await syncVisits(alice.browser, [visit])).toEqual([
      { id: visit.id, status: 'rejected', code: 'turf_not_assigned', message: expect.any(String) },
    ]);
    expect(await visitRows(visit.id)).toEqual([]);
    expect(await myTurfs(outsider.browser)).toEqual([]);
    expect(problemOf(await pack(alice.browser, 999_999))).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it('opens a turf given directly, and no longer once it is taken back', async () => {
    expect(await myTurfs(alice.browser)).toEqual([{ id: turf.id, why: 'volunteer' }]);
    const packed = expectStatus<CanvassPack>(await pack(alice.browser, turf.id), 200);
    expect(packed.addresses.map((a) => a.id)).toEqual(doors);
    expect(packed.questionnaire).toMatchObject({ id: versionId, version: 1 });
    expect(packed.silences).toEqual([]);
    expect(packed.streets.flatMap((s) => s.line)).toHaveLength(doors.length);
    expect((await alice.browser.post(`/api/field/turfs/${turf.id}/session`)).json()).toEqual({
      ok: true,
    });
    const pdf = await alice.browser.get(`/api/field/turfs/${turf.id}/walk-list.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const other = turfs.find((candidate) => candidate.id !== turf.id)!;
    await assignTurf(staff, other.id, [outsider.personId]);
    expect((await pack(outsider.browser, other.id)).statusCode).toBe(200);
    await assignTurf(staff, other.id, []);
    expect(problemOf(await pack(outsider.browser, other.id))).toEqual({
      status: 403,
      code: 'turf_not_assigned',
    });
  });

  it('opens a turf to the members of its committee, not to its followers nor to those who left', async () => {
    const other = turfs.find((candidate) => candidate.id !== turf.id)!;
    const committee = expectStatus<Committee>(
      await organiser.browser.post('/api/committees', {
        name: 'Comité de L’Abergement',
        place: { postalCode: '01400' },
      }),
      201,
    );
    await staff.request('PATCH', `/api/field/turfs/${other.id}`, { committeeId: committee.id });
    const membership = `/api/committees/${committee.id}/membership`;
    expect(await myTurfs(organiser.browser)).toEqual([{ id: other.id, why: 'committee' }]);

    expectStatus(await outsider.browser.put(membership, { as: 'follower' }), 200);
    expect(problemOf(await pack(outsider.browser, other.id))).toEqual({
      status: 403,
      code: 'turf_not_assigned',
    });
    expect(await myTurfs(outsider.browser)).toEqual([]);

    expectStatus(await outsider.browser.put(membership, { as: 'member' }), 200);
    expect(await myTurfs(outsider.browser)).toEqual([{ id: other.id, why: 'committee' }]);
    expect((await pack(outsider.browser, other.id)).statusCode).toBe(200);
    expect((await outsider.browser.post(`/api/field/turfs/${other.id}/session`)).statusCode).toBe(
      200,
    );
    const visit = visitOf(other.id, (await walkListOf(staff, other.id)).addresses[0].id);
    expect((await syncVisits(outsider.browser, [visit]))[0].status).toBe('stored');

    expectStatus(await outsider.browser.delete(membership), 200);
    expect(problemOf(await pack(outsider.browser, other.id))).toEqual({
      status: 403,
      code: 'turf_not_assigned',
    });
  });

  it('opens a turf to those going to a door-to-door session that carries it', async () => {
    const other = turfs.find((candidate) => candidate.id !== turf.id)!;
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const event = expectStatus<Event>(
      await staff.post('/api/events', {
        type: 'door_to_door',
        title: 'Porte-à-porte à L’Abergement',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        place: { postalCode: '01400' },
      }),
      201,
    );
    expect(
      (await staff.request('PUT', `/api/events/${event.id}/field/turfs/${other.id}`)).statusCode,
    ).toBe(200);
    expect(problemOf(await pack(eve.browser, other.id))).toEqual({
      status: 403,
      code: 'turf_not_assigned',
    });
    expect(
      expectStatus<{ status: string }>(
        await eve.browser.put(`/api/events/${event.id}/rsvp`, {}),
        200,
      ).status,
    ).toBe('going');
    expect(await myTurfs(eve.browser)).toEqual([{ id: other.id, why: 'event' }]);
    expect((await pack(eve.browser, other.id)).statusCode).toBe(200);
    expect((await eve.browser.get(`/api/field/turfs/${other.id}/walk-list.pdf`)).statusCode).toBe(
      200,
    );
    expectStatus(await eve.browser.delete(`/api/events/${event.id}/rsvp`), 200);
    expect(problemOf(await pack(eve.browser, other.id))).toEqual({
      status: 403,
      code: 'turf_not_assigned',
    });
    expect(await myTurfs(eve.browser)).toEqual([]);
  });

  it("answers 404 for another campaign's turfs, and rejects visits to them", async () => {
    const other = await createCampaignApp(t, 'Autre campagne');
    try {
      const [theirStaff, theirVolunteer] = await Promise.all([
        staffBrowser(other, 'hq@other-canvass.example', ['staff']),
        supporterBrowser(other, 'volunteer@other-canvass.example'),
      ]);
      for (const [method, url] of [
        ['GET', `/api/field/turfs/${turf.id}/pack`],
        ['POST', `/api/field/turfs/${turf.id}/session`],
        ['GET', `/api/field/turfs/${turf.id}/walk-list.pdf`],
      ]) {
        expect(problemOf(await theirStaff.request(method, url, {})), url).toEqual({
          status: 404,
          code: 'not_found',
        });
      }
      const visit = visitOf(turf.id, doors[0]);
      expect(await syncVisits(theirVolunteer.browser, [visit])).toEqual([
        { id: visit.id, status: 'rejected', code: 'unknown_turf', message: expect.any(String) },
      ]);
      expect(await visitRows(visit.id)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('stores a batch once: sent again it answers duplicate, and a repeated id in a batch too', async () => {
    const batch = [visitOf(turf.id, doors[0]), visitOf(turf.id, doors[1], { outcome: 'refused' })];
    expect((await syncVisits(alice.browser, batch)).map((r) => r.status)).toEqual([
      'stored',
      'stored',
    ]);
    expect((await syncVisits(alice.browser, batch)).map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
    ]);
    for (const visit of batch) expect(await visitRows(visit.id)).toHaveLength(1);
    const twice = visitOf(turf.id, doors[2]);
    expect(
      statusById(await syncVisits(alice.browser, [twice, { ...twice, outcome: 'moved' }])),
    ).toEqual({ [twice.id]: 'stored' });
    expect(
      (await syncVisits(alice.browser, [twice, { ...twice, outcome: 'moved' }])).map(
        (r) => r.status,
      ),
    ).toEqual(['duplicate', 'duplicate']);
    const [stored] = await visitRows(twice.id);
    expect(stored).toMatchObject({ address_id: doors[2], volunteer_person_id: alice.personId });
  });

  it('stores the valid visits of a batch and rejects the others, each with its code', async () => {
    const good = visitOf(turf.id, doors[3]);
    const alsoGood = visitOf(turf.id, doors[4], { outcome: 'come_back' });
    const badOutcome = { ...visitOf(turf.id, doors[3]), outcome: 'asleep' };
    const badId = { ...visitOf(turf.id, doors[3]), id: 'pas-un-uuid' };
    const unknownAddress = visitOf(turf.id, 987_654_321);
    const unknownVersion = questionnaireVisit(doors[3], { versionId: 987_654 });
    const wrongKind = questionnaireVisit(doors[3], { answers: { main_concern: 3 } });
    const unknownOption = questionnaireVisit(doors[3], { answers: { main_concern: 'weather' } });
    // A date the database cannot hold (year 0): refused by the route, not a server error.
    const yearZero = visitOf(turf.id, doors[3], { visitedAt: '0000-01-01T00:00:00Z' });
    const results = await syncVisits(alice.browser, [
      good,
      yearZero,
      badOutcome,
      unknownAddress,
      alsoGood,
      badId,
      unknownVersion,
      wrongKind,
      unknownOption,
    ]);
    expect(results).toHaveLength(9);
    expect(statusById(results)).toEqual({
      [good.id]: 'stored',
      [yearZero.id]: 'rejected:invalid_visit',
      [alsoGood.id]: 'stored',
      [badOutcome.id]: 'rejected:invalid_visit',
      'pas-un-uuid': 'rejected:invalid_visit',
      [unknownAddress.id]: 'rejected:unknown_address',
      [unknownVersion.id]: 'rejected:unknown_version',
      [wrongKind.id]: 'rejected:invalid_answers',
      [unknownOption.id]: 'rejected:invalid_answers',
    });
    const messages = Object.fromEntries(results.map((r) => [r.id, r.message]));
    expect(messages[badOutcome.id]).toMatch(/^outcome: /);
    expect(messages[yearZero.id]).toBe('visitedAt: invalid_date');
    expect(messages[wrongKind.id]).toBe('answers.main_concern: wrong_kind');
    expect(messages[unknownOption.id]).toBe('answers.main_concern: unknown_option');
    for (const visit of [badOutcome, unknownAddress, unknownVersion, wrongKind, unknownOption]) {
      expect(await visitRows(visit.id)).toEqual([]);
    }
    expect(problemOf(await alice.browser.post('/api/field/visits', { visits: [] }))).toEqual({
      status: 400,
      code: 'validation_failed',
    });
  });

  it('keeps both visits when two volunteers knock on the same door', async () => {
    const door = doors[5];
    const earlier = visitOf(turf.id, door, { visitedAt: '2026-03-01T09:00:00.000Z' });
    const later = visitOf(turf.id, door, {
      outcome: 'conversation',
      visitedAt: '2026-03-01T11:00:00.000Z',
    });
    expect((await syncVisits(alice.browser, [earlier]))[0].status).toBe('stored');
    expect((await syncVisits(bruno.browser, [later]))[0].status).toBe('stored');
    expect((await visitRows(earlier.id))[0].volunteer_person_id).toBe(alice.personId);
    expect((await visitRows(later.id))[0].volunteer_person_id).toBe(bruno.personId);
    const at = (await walkListOf(staff, turf.id)).addresses.find((a) => a.id === door)!;
    expect(at.visits).toBe(2);
    expect(at.lastOutcome).toBe('conversation');
  });

  it('makes one person of a contact given at the door, with consent from door_to_door, even when resent', async () => {
    const email = 'resident@porte.example';
    const contact = {
      firstName: 'Ginette',
      lastName: 'Fournier',
      email,
      emailConsent: true,
      phone: '06 12 34 56 78',
      phoneConsent: true,
    };
    const visit = questionnaireVisit(doors[0], { contact, answers: { main_concern: 'housing' } });
    expect((await syncVisits(alice.browser, [visit]))[0].status).toBe('stored');
    expect((await syncVisits(alice.browser, [visit]))[0].status).toBe('duplicate');
    // The same resident met again by another volunteer: found by their email.
    const again = questionnaireVisit(doors[1], { contact: { ...contact, firstName: 'Gigi' } });
    expect((await syncVisits(bruno.browser, [again]))[0].status).toBe('stored');

    const people = await peopleWithEmail(email);
    expect(people).toEqual([
      { id: expect.any(Number), source: 'door_to_door', first_name: 'Ginette' },
    ]);
    const personId = people[0].id;
    expect((await visitRows(visit.id))[0]).toMatchObject({
      person_id: personId,
      answers: { main_concern: 'housing' },
    });
    expect((await visitRows(again.id))[0].person_id).toBe(personId);
    const consents = await dbRows<{ channel: string; source: string; granted: boolean }>(
      t,
      `SELECT DISTINCT channel, source, granted FROM consent_events
        WHERE campaign_id = $1 AND person_id = $2 ORDER BY channel`,
      [t.ctx.campaignId, personId],
    );
    expect(consents).toEqual([
      { channel: 'email', source: 'door_to_door', granted: true },
      { channel: 'sms', source: 'door_to_door', granted: true },
      { channel: 'volunteer_call', source: 'door_to_door', granted: true },
    ]);
    const [created] = await dbRows<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM audit_log WHERE campaign_id = $1 AND action = 'person.create'
          AND target = $2`,
      [t.ctx.campaignId, `person:${personId}`],
    );
    expect(created.n).toBe(1);
  });

  it('counts a support level without consent to keep it only per door: not on the visit, not on the person', async () => {
    const door = doors[2];
    const before = await tallyAt(door);
    const withContact = questionnaireVisit(door, {
      supportLevel: 3,
      contact: {
        firstName: 'Sans',
        lastName: 'Opinion',
        email: 'sans.opinion@porte.example',
        emailConsent: true,
      },
    });
    const anonymous = questionnaireVisit(door, {
      supportLevel: 3,
      answers: { main_concern: 'transport', comment: 'Plus de bus, SVP' },
    });
    expect(
      (await syncVisits(alice.browser, [withContact, anonymous])).map((r) => r.status),
    ).toEqual(['stored', 'stored']);
    const [person] = await peopleWithEmail('sans.opinion@porte.example');
    expect((await visitRows(withContact.id))[0]).toMatchObject({
      person_id: person.id,
      support_level: null,
    });
    // Without a person: choice answers kept with the door, free text dropped.
    expect((await visitRows(anonymous.id))[0]).toMatchObject({
      person_id: null,
      support_level: null,
      answers: { main_concern: 'transport' },
    });
    const [levels] = await dbRows<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM field_visits
        WHERE campaign_id = $1 AND person_id = $2 AND support_level IS NOT NULL`,
      [t.ctx.campaignId, person.id],
    );
    expect(levels.n).toBe(0);
    const count3 = (rows: Array<{ level: number; count: number }>) =>
      rows.find((row) => row.level === 3)?.count ?? 0;
    expect(count3(await tallyAt(door))).toBe(count3(before) + 2);
  });

  it('keeps a support level with the person who consented to it, and counts it no more per door', async () => {
    const door = doors[3];
    const before = await tallyAt(door);
    const visit = questionnaireVisit(door, {
      supportLevel: 1,
      residentConsent: { personalData: true, storeOpinion: true },
      contact: {
        firstName: 'Avec',
        lastName: 'Opinion',
        email: 'avec.opinion@porte.example',
        emailConsent: true,
      },
    });
    expect((await syncVisits(alice.browser, [visit]))[0].status).toBe('stored');
    const [person] = await peopleWithEmail('avec.opinion@porte.example');
    expect((await visitRows(visit.id))[0]).toMatchObject({
      person_id: person.id,
      support_level: 1,
    });
    expect(await tallyAt(door)).toEqual(before);
  });

  it('marks a door not to visit again, with or without the questionnaire', async () => {
    const [first, second] = [doors[4], doors[0]];
    const asked = questionnaireVisit(first, { doNotVisitAgain: true }, { outcome: 'refused' });
    const said = visitOf(turf.id, second, { outcome: 'do_not_visit' });
    expect((await syncVisits(alice.browser, [asked, said])).map((r) => r.status)).toEqual([
      'stored',
      'stored',
    ]);
    const packed = expectStatus<CanvassPack>(await pack(alice.browser, turf.id), 200);
    const marked = packed.addresses.filter((a) => a.doNotVisit).map((a) => a.id);
    expect(marked.sort()).toEqual([first, second].sort());
  });

  it('keeps notes and answers with HTML as the text they are', async () => {
    const notes = '<img src=x onerror=alert(1)> Chien <b>méchant</b> & boîte « cassée »';
    const visit = questionnaireVisit(
      doors[0],
      {
        contact: {
          firstName: 'Léon',
          lastName: 'Blum',
          email: 'leon@porte.example',
          emailConsent: true,
        },
        answers: { comment: '<script>alert("x")</script>' },
      },
      { notes: `  ${notes} `, building: '<i>B</i>' },
    );
    expect((await syncVisits(alice.browser, [visit]))[0].status).toBe('stored');
    expect((await visitRows(visit.id))[0]).toMatchObject({
      notes,
      building: '<i>B</i>',
      answers: { comment: '<script>alert("x")</script>' },
    });
  });

  it('stores a visit sent in five requests at once exactly once, and its resident once', async () => {
    const visit = questionnaireVisit(doors[1], {
      contact: {
        firstName: 'Simone',
        lastName: 'Veil',
        email: 'simone@porte.example',
        emailConsent: true,
      },
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => syncVisits(alice.browser, [visit])),
    );
    expect(results.map(([r]) => r.status).sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'stored',
    ]);
    expect(await visitRows(visit.id)).toHaveLength(1);
    expect(await peopleWithEmail('simone@porte.example')).toHaveLength(1);

    const plain = visitOf(turf.id, doors[2], { outcome: 'come_back' });
    const plainResults = await Promise.all(
      Array.from({ length: 5 }, () => syncVisits(bruno.browser, [plain])),
    );
    expect(plainResults.map(([r]) => r.status).filter((s) => s === 'stored')).toHaveLength(1);
    expect(await visitRows(plain.id)).toHaveLength(1);
  });

  it('refuses to start a session in the pre-election silence, and packs its window', async () => {
    const today = wallClock(new Date(), PARIS).day;
    const tomorrow = addDays(today, 1);
    const election = expectStatus<{ id: number }>(
      await staff.post('/api/compliance/elections', {
        name: 'Municipales partielles',
        kind: 'national',
        rounds: [{ date: tomorrow }],
      }),
      200,
    );
    try {
      expect(problemOf(await alice.browser.post(`/api/field/turfs/${turf.id}/session`))).toEqual({
        status: 409,
        code: 'pre_election_silence',
      });
      const packed = expectStatus<CanvassPack>(await pack(alice.browser, turf.id), 200);
      expect(packed.silences).toEqual([
        {
          from: instantOf(today, 0, PARIS).toISOString(),
          until: instantOf(tomorrow, 20 * 60, PARIS).toISOString(),
        },
      ]);
      // Visits recorded before are still received.
      expect((await syncVisits(alice.browser, [visitOf(turf.id, doors[0])]))[0].status).toBe(
        'stored',
      );
    } finally {
      expectStatus(await staff.delete(`/api/compliance/elections/${election.id}`), 200);
    }
    expect((await alice.browser.post(`/api/field/turfs/${turf.id}/session`)).statusCode).toBe(200);
    expect(expectStatus<CanvassPack>(await pack(alice.browser, turf.id), 200).silences).toEqual([]);
  });

  it('takes visits whose id the phone made, whatever their case', async () => {
    const id = randomUUID().toUpperCase();
    const visit = { ...visitOf(turf.id, doors[0]), id };
    const [result] = await syncVisits(alice.browser, [visit]);
    expect(await visitRows(id)).toHaveLength(1);
    expect(result.status).toBe('stored');
    const [again] = await syncVisits(alice.browser, [visit]);
    expect(again.status).toBe('duplicate');
  });
});
